/** JourneyApi over Electron IPC, through the bridge the preload puts on window.journeyboard. */
import type { ApiTransport } from '../../../shared/api/contract'
import type { Language } from '../../../shared/i18n/languages'
import {
  BRIDGE_KEY,
  unwrapIpcResult,
  type CloseRequest,
  type IpcBridge,
  type IpcResult,
  type MenuCommand
} from '../../../shared/api/ipc'

function bridge(): IpcBridge | undefined {
  return (window as unknown as Record<string, IpcBridge | undefined>)[BRIDGE_KEY]
}

export function hasIpcBridge(): boolean {
  return bridge() !== undefined
}

export function createIpcTransport(): ApiTransport {
  const ipc = bridge()
  if (!ipc) throw new Error('The Electron bridge is missing.')
  return {
    async call(method, req) {
      const invoke = ipc[method] as (r: unknown) => Promise<IpcResult<unknown>>
      return unwrapIpcResult(await invoke(req)) as never
    },
    onEvent: (listener) => ipc.onEvent(listener)
  }
}

const pageMenuListeners = new Set<(command: MenuCommand) => void>()

/**
 * Menu commands: from the native menu (Electron) and from the page's own menus (the map header's
 * File ▾, see runMenuCommand), so both reach the same handlers.
 */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  pageMenuListeners.add(listener)
  const offNative = bridge()?.onMenu(listener)
  return () => {
    pageMenuListeners.delete(listener)
    offNative?.()
  }
}

/** Carries out a menu command chosen in one of the page's own menus, as the native menu would. */
export function runMenuCommand(command: MenuCommand): void {
  for (const listener of [...pageMenuListeners]) listener(command)
}

/** The desktop app's close dialog: the user chose to save or discard unsaved edits before closing. */
export function onCloseRequest(listener: (request: CloseRequest) => void): () => void {
  return bridge()?.onCloseRequest(listener) ?? (() => {})
}

/** The desktop app's native menu follows the page's language (no-op in a browser). */
export function tellMainLanguage(language: Language): void {
  bridge()?.setLanguage(language)
}
