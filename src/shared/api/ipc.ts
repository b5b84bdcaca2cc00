/**
 * The Electron IPC transport of JourneyApi, as seen from both sides: channel names, the result
 * envelope every call returns, the menu commands and the shape of the bridge the preload puts on
 * `window.journeyboard`. Pure TypeScript: the renderer's IPC client imports it, so does main.
 */
import { MENU_ACTIONS, type ActionId } from '../actions'
import { fromErrorData, type ErrorData } from '../errors'
import type { Language } from '../i18n/languages'
import type { ApiEvent, ApiMethod, ApiRequest, ApiResponse } from './contract'
import type { SaveExportFileRequest, SaveExportFileResult } from './save-file'

/** The global name of the bridge: `window.journeyboard`. */
export const BRIDGE_KEY = 'journeyboard'

/** Prefix of the one-per-method request channels: `journeyboard:listMaps`, … */
export const IPC_CHANNEL_PREFIX = 'journeyboard:'

/** Main → every window: an ApiEvent from the library. */
export const IPC_EVENT_CHANNEL = 'journeyboard:event'

/** Main → focused window: a MenuCommand chosen in the native menu. */
export const IPC_MENU_CHANNEL = 'journeyboard:menu'

/**
 * Main → a window: the user closed it while edits were unsaved and chose in the close dialog
 * (src/main/close-guard.ts) to save them first or to discard them; the page does so and closes.
 */
export const IPC_CLOSE_CHANNEL = 'journeyboard:closeRequest'

/** What the user chose when closing a window with unsaved edits. */
export type CloseRequest = 'save' | 'discard'

export function isCloseRequest(value: unknown): value is CloseRequest {
  return value === 'save' || value === 'discard'
}

/** Renderer → main: save an export through a save dialog (payload checked with ./save-file.ts). */
export const IPC_SAVE_FILE_CHANNEL = 'journeyboard:saveExportFile'

/** Renderer → main: the files the user gave the app to open (File ▸ Open…, double-click), once each. */
export const IPC_TAKE_OPENED_FILES_CHANNEL = 'journeyboard:takeOpenedFiles'

/** Main → renderer: files are waiting to be taken (no payload: the bytes go through the call above). */
export const IPC_FILE_OPENED_CHANNEL = 'journeyboard:fileOpened'

/**
 * Renderer → main: the language the page speaks (a Language code), so the native menu and the
 * main process's own dialogs speak it too. Fire-and-forget; anything else is ignored.
 */
export const IPC_LANGUAGE_CHANNEL = 'journeyboard:setLanguage'

/** A file handed to the app to open: its bytes, or why it could not be read. */
export type OpenedFileMessage =
  { readonly name: string; readonly bytes: Uint8Array } | { readonly name: string; readonly error: string }

export type IpcMethodChannel<K extends ApiMethod = ApiMethod> = `journeyboard:${K}`

export function ipcMethodChannel<K extends ApiMethod>(method: K): IpcMethodChannel<K> {
  return `${IPC_CHANNEL_PREFIX}${method}` as IpcMethodChannel<K>
}

/** An error as it crosses IPC: plain data, never a stack trace. */
export type IpcError = ErrorData

/** What every IPC call resolves to. The main process never rejects the invoke promise. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError }

/** Turns an envelope back into a value, or throws the JourneyError it carries. */
export function unwrapIpcResult<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value
  throw fromErrorData(result.error)
}

/** Commands the native menu sends to the renderer. The renderer decides what each one does. */
export const MENU_COMMANDS: readonly ActionId[] = MENU_ACTIONS
export type MenuCommand = ActionId

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}

/** One method per API call, each resolving to an envelope. */
export type IpcCallBridge = {
  readonly [K in ApiMethod]: (req: ApiRequest<K>) => Promise<IpcResult<ApiResponse<K>>>
}

/**
 * Everything the preload exposes on `window.journeyboard`, and nothing else.
 * `onEvent`, `onMenu` and `onCloseRequest` return an unsubscribe function.
 */
export type IpcBridge = IpcCallBridge & {
  readonly onEvent: (listener: (event: ApiEvent) => void) => () => void
  readonly onMenu: (listener: (command: MenuCommand) => void) => () => void
  /** The window is being closed with unsaved edits: save them (then close) or discard them (then close). */
  readonly onCloseRequest: (listener: (request: CloseRequest) => void) => () => void
  /** Shows a save dialog in the main process and writes the bytes where the user says (./save-file.ts). */
  readonly saveExportFile: (req: SaveExportFileRequest) => Promise<IpcResult<SaveExportFileResult>>
  /** The files waiting to be opened (File ▸ Open…, a double-clicked .journeymap), each handed out once. */
  readonly takeOpenedFiles: () => Promise<IpcResult<readonly OpenedFileMessage[]>>
  /** Called when files wait to be taken. */
  readonly onFileOpened: (listener: () => void) => () => void
  /** The interface language changed (or was first chosen): the native menu follows it. */
  readonly setLanguage: (language: Language) => void
}
