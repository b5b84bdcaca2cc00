/**
 * The window-close guard. The page refuses to unload (its `beforeunload` handler,
 * src/renderer/src/editor/leave-guard.ts) while edits are unsaved or a note is being typed;
 * Electron then emits `will-prevent-unload` here instead of showing a browser prompt, and this
 * asks the user: save and close, close without saving, or cancel. The page carries the choice
 * out (it knows what is unsaved) and closes the window itself, or stays open saying why it could
 * not save.
 */
import type { BrowserWindow, MessageBoxOptions } from 'electron'
import { IPC_CLOSE_CHANNEL, type CloseRequest } from '../shared/api/ipc'
import type { Translate } from '../shared/i18n/format'
import { mainText, type mainCatalogues } from './messages'
import type { UrlCheck } from './window'

export type CloseChoice = CloseRequest | 'cancel'

/** The dialog, as data: button order is the order of CLOSE_CHOICES. */
export const CLOSE_CHOICES: readonly CloseChoice[] = ['save', 'discard', 'cancel']

/** The dialog in the interface's language (./messages.ts). */
export function closeDialog(tr: Translate<keyof (typeof mainCatalogues)['en']> = mainText()): MessageBoxOptions {
  return {
    type: 'warning',
    buttons: [tr('close.save'), tr('close.discard'), tr('close.cancel')],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    title: tr('close.title'),
    message: tr('close.message'),
    detail: tr('close.detail')
  }
}

/** The dialog in English. */
export const CLOSE_DIALOG: MessageBoxOptions = closeDialog(mainText('en'))

/** The choice behind a message-box answer; anything unexpected is Cancel (nothing lost). */
export function choiceOf(response: number): CloseChoice {
  return CLOSE_CHOICES[response] ?? 'cancel'
}

/** The parts of a BrowserWindow the guard uses. */
export type GuardedWindow = Pick<BrowserWindow, 'webContents'>

/** Shows the dialog over the window and returns the button pressed (Electron's `dialog.showMessageBoxSync`). */
export type AskUser = (options: MessageBoxOptions) => number

/** Guards one window: called for every window the app creates. */
export function installCloseGuard(win: GuardedWindow, isAppUrl: UrlCheck, ask: AskUser): void {
  const contents = win.webContents
  contents.on('will-prevent-unload', () => {
    // Only our own page may hold a window open.
    if (!isAppUrl(contents.getURL())) return
    const choice = choiceOf(ask(closeDialog()))
    if (choice !== 'cancel' && !contents.isDestroyed()) contents.send(IPC_CLOSE_CHANNEL, choice)
  })
}
