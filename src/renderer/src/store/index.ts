/** One zustand store made of typed slices; persistence goes through JourneyApi, never localStorage. */
import { create, createStore, type StateCreator } from 'zustand'
import type { AppInfo, JourneyApi, MapSummary } from '../../../shared/api/contract'
import type { JourneyMap, TemplateId } from '../../../shared/model'
import { JourneyError } from '../../../shared/errors'
import { createEditorSlice, defaultEditorEnvironment, type EditorEnvironment, type EditorSlice } from './editor'

export interface ConnectionSlice {
  api: JourneyApi | null
  connected: boolean
  appInfo: AppInfo | null
  /** The last error worth showing the user, in words. */
  error: string | null
  setApi(api: JourneyApi): void
  setConnected(connected: boolean): void
  showError(error: unknown): void
  dismissError(): void
}

export interface LibrarySlice {
  maps: readonly MapSummary[]
  mapsLoaded: boolean
  refreshMaps(): Promise<void>
  createMap(template: TemplateId, title: string): Promise<JourneyMap | null>
  trashMap(id: string): Promise<void>
  restoreMap(id: string): Promise<void>
}

export interface ViewSlice {
  route: { readonly name: 'home' } | { readonly name: 'map'; readonly mapId: string }
  openMap: JourneyMap | null
  goHome(): void
  goToMap(mapId: string): Promise<void>
}

export type AppState = ConnectionSlice & LibrarySlice & ViewSlice & EditorSlice

const messageOf = (error: unknown) =>
  error instanceof JourneyError ? error.message : 'Something went wrong. Nothing was changed.'

const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set, get) => ({
  api: null,
  connected: false,
  appInfo: null,
  error: null,
  setApi(api) {
    set({ api })
    api
      .getAppInfo({})
      .then((appInfo) => set({ appInfo }))
      .catch((e: unknown) => get().showError(e))
  },
  setConnected: (connected) => set({ connected }),
  showError: (error) => set({ error: messageOf(error) }),
  dismissError: () => set({ error: null })
})

const createLibrarySlice: StateCreator<AppState, [], [], LibrarySlice> = (set, get) => ({
  maps: [],
  mapsLoaded: false,
  async refreshMaps() {
    const api = get().api
    if (!api) return
    try {
      set({ maps: await api.listMaps({}), mapsLoaded: true })
    } catch (e) {
      get().showError(e)
    }
  },
  async createMap(template, title) {
    const api = get().api
    if (!api) return null
    try {
      const map = await api.createMap({ template, title })
      await get().refreshMaps()
      return map
    } catch (e) {
      get().showError(e)
      return null
    }
  },
  async trashMap(id) {
    try {
      await get().api?.trashMap({ id })
      await get().refreshMaps()
    } catch (e) {
      get().showError(e)
    }
  },
  async restoreMap(id) {
    try {
      await get().api?.restoreMap({ id })
      await get().refreshMaps()
    } catch (e) {
      get().showError(e)
    }
  }
})

const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  route: { name: 'home' },
  openMap: null,
  goHome: () => set({ route: { name: 'home' }, openMap: null }),
  async goToMap(mapId) {
    set({ route: { name: 'map', mapId }, openMap: null })
    try {
      const map = await get().api?.getMap({ id: mapId })
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
    ...createViewSlice(...a),
    ...createEditorSlice(editor)(...a)
  })

/** The app's store. */
export const useAppStore = create<AppState>()(createAppState(defaultEditorEnvironment))

/** A store of its own, outside React (tests; a second window's worth of state). */
export const createAppStore = (editor: EditorEnvironment = defaultEditorEnvironment) =>
  createStore<AppState>()(createAppState(editor))
