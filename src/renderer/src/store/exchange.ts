/**
 * Which File ▸ Import… / Export… dialog is open (the menu, toolbars and the home screen open them),
 * a file handed to the app to open (File ▸ Open…, dropped on the window, or double-clicked in the
 * desktop app), and a merge of a file into a map of the library while its dialog is open.
 */
import type { StateCreator } from 'zustand'
import type { Lineage } from '../../../shared/format/lineage'
import type { JourneyMap, Persona } from '../../../shared/model'
import { t } from '../i18n'
import type { AppState } from './index'

export type ExchangeDialog = 'import' | 'export'

/** A file the user gave the app to open, read into memory. */
export interface OpenedFile {
  readonly name: string
  readonly bytes: Uint8Array
}

/** A file's map being merged into the map of the library with the same id. */
export interface MergeRequest {
  readonly mapId: string
  readonly fileName: string
  readonly map: JourneyMap
  readonly personas: readonly Persona[]
  /** null: the file says nothing of its history (a plain JSON export). */
  readonly lineage: Lineage | null
}

export interface ExchangeSlice {
  exchangeDialog: ExchangeDialog | null
  /** The file the import dialog opens with, instead of asking for one. */
  openedFile: OpenedFile | null
  merge: MergeRequest | null
  /** One sentence about what the last exchange did ("Merged …"), until dismissed. */
  exchangeNotice: string | null
  openExchange(dialog: ExchangeDialog): void
  closeExchange(): void
  /** Opens the import dialog with this file already chosen. */
  openFile(file: OpenedFile): void
  startMerge(request: MergeRequest): void
  endMerge(notice?: string): void
  dismissExchangeNotice(): void
}

export const createExchangeSlice: StateCreator<AppState, [], [], ExchangeSlice> = (set, get) => ({
  exchangeDialog: null,
  openedFile: null,
  merge: null,
  exchangeNotice: null,
  openExchange(dialog) {
    // Export needs an open map; from the home screen, File ▸ Export… has nothing to export.
    if (dialog === 'export' && !get().openMap) return
    set({ exchangeDialog: dialog, openedFile: null })
  },
  closeExchange: () => set({ exchangeDialog: null, openedFile: null }),
  openFile(file) {
    // One thing at a time: a merge being decided keeps the screen.
    if (get().merge) {
      set({ exchangeNotice: t('files.open.busy', { name: file.name }) })
      return
    }
    set({ exchangeDialog: 'import', openedFile: file })
  },
  startMerge: (request) => set({ merge: request, exchangeDialog: null, openedFile: null }),
  endMerge: (notice) => set({ merge: null, exchangeNotice: notice ?? null }),
  dismissExchangeNotice: () => set({ exchangeNotice: null })
})
