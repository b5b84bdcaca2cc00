/**
 * One zustand store made of typed slices; persistence goes through JourneyApi. (The one
 * exception: unsaved edits also wait in the browser's storage until the library has them;
 * see editor/outbox.ts.)
 */
import { errorText } from '../i18n/errors'
import { create, createStore, type StateCreator } from 'zustand'
import type { AppInfo, JourneyApi } from '../../../shared/api/contract'
import type { ConnectionState } from '../api/ws-transport'
import type { JourneyMap } from '../../../shared/model'
import { JourneyError } from '../../../shared/errors'
import { browserOutbox } from '../editor/browser-outbox'
import { createEditorSlice, defaultEditorEnvironment, type EditorEnvironment, type EditorSlice } from './editor'
import { createExchangeSlice, type ExchangeSlice } from './exchange'
import { createLibrarySlice, type LibrarySlice } from './library'
import { createPersonasSlice, type PersonasSlice } from './personas'

export type { HomeView, LibrarySlice } from './library'
export type { DeletePersonaOutcome, LinkingMap, PersonasSlice } from './personas'

export interface ConnectionSlice {
  api: JourneyApi | null
  /** The transport's state: connected / connecting / reconnecting (attempts) / refused (and why). */
  connection: ConnectionState
  /** Shorthand for `connection.kind === 'connected'`. */
  connected: boolean
  appInfo: AppInfo | null
  /** The last error worth showing the user, in words. */
  error: string | null
  setApi(api: JourneyApi): void
  setConnection(connection: ConnectionState): void
  showError(error: unknown): void
  dismissError(): void
}

export interface ViewSlice {
  route: { readonly name: 'home' } | { readonly name: 'map'; readonly mapId: string }
  openMap: JourneyMap | null
  goHome(): void
  goToMap(mapId: string): Promise<void>
}

export type AppState = ConnectionSlice & LibrarySlice & PersonasSlice & ViewSlice & EditorSlice & ExchangeSlice

/** An error as the banner shows it, in the user's language (../i18n/errors.ts). */
const messageOf = (error: unknown) => errorText(error)

const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set, get) => ({
  api: null,
  connection: { kind: 'connecting' },
  connected: false,
  appInfo: null,
  error: null,
  setApi(api) {
    set({ api })
    api
      .getAppInfo({})
      .then((appInfo) => {
        set({ appInfo })
        // Unsaved edits an earlier page left in this browser (a reload, a crash) are sent now.
        return get().resumeStoredEdits()
      })
      .catch((e: unknown) => get().showError(e))
  },
  setConnection(connection) {
    const before = get().connection.kind
    set({ connection, connected: connection.kind === 'connected' })
    // Back after a loss or a refusal (the host restarted; its new address pasted): read what
    // changed meanwhile and send, without asking, what waits — this page's unsaved edits and
    // what a page that is gone meanwhile left in this browser (setApi takes those up).
    if (connection.kind === 'connected' && (before === 'reconnecting' || before === 'refused')) {
      const { api } = get()
      if (api) get().setApi(api)
      void get().refreshMaps()
      get().reconnected()
    }
  },
  showError(error) {
    // Lost or refused connection: the connection banner already says so, and what to do.
    const aboutTheConnection = error instanceof JourneyError && (error.code === 'storage' || error.code === 'forbidden')
    if (aboutTheConnection && get().connection.kind !== 'connected') return
    set({ error: messageOf(error) })
  },
  dismissError: () => set({ error: null })
})

const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  route: { name: 'home' },
  openMap: null,
  goHome: () => set({ route: { name: 'home' }, openMap: null }),
  async goToMap(mapId) {
    set({ route: { name: 'map', mapId }, openMap: null })
    try {
      // The personas with the map: the board's first layout draws their curves and legend.
      const [map] = await Promise.all([get().api?.getMap({ id: mapId }), get().refreshPersonas()])
      if (map) get().showLoadedMap(map)
    } catch (e) {
      get().showError(e)
      set({ route: { name: 'home' } })
    }
  }
})

const createAppState =
  (editor: EditorEnvironment): StateCreator<AppState> =>
  (...a) => ({
    ...createConnectionSlice(...a),
    ...createLibrarySlice(...a),
    ...createPersonasSlice(...a),
    ...createViewSlice(...a),
    ...createEditorSlice(editor)(...a),
    ...createExchangeSlice(...a)
  })

/** The app's store. */
export const useAppStore = create<AppState>()(createAppState({ ...defaultEditorEnvironment, outbox: browserOutbox }))

/** A store of its own, outside React (tests; a second window's worth of state). */
export const createAppStore = (editor: EditorEnvironment = defaultEditorEnvironment) =>
  createStore<AppState>()(createAppState(editor))
