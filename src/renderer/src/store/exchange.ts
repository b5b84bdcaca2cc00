/** Which File ▸ Import… / Export… dialog is open; the menu, toolbars and the home screen open them. */
import type { StateCreator } from 'zustand'
import type { AppState } from './index'

export type ExchangeDialog = 'import' | 'export'

export interface ExchangeSlice {
  exchangeDialog: ExchangeDialog | null
  openExchange(dialog: ExchangeDialog): void
  closeExchange(): void
}

export const createExchangeSlice: StateCreator<AppState, [], [], ExchangeSlice> = (set, get) => ({
  exchangeDialog: null,
  openExchange(dialog) {
    // Export needs an open map; from the home screen, File ▸ Export… has nothing to export.
    if (dialog === 'export' && !get().openMap) return
    set({ exchangeDialog: dialog })
  },
  closeExchange: () => set({ exchangeDialog: null })
})
