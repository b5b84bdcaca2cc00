/**
 * The IPC door onto the library: one `ipcMain.handle` channel per API method. Each handler
 * checks who is asking (our own page, top frame), validates the payload with the shared zod
 * schemas, calls the service and answers with an envelope. Nothing raw ever reaches the page:
 * unknown failures become `internal` with a generic sentence; the details go to the main log.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { API_METHODS, type ApiMethod } from '../shared/api/contract'
import { IPC_EVENT_CHANNEL, ipcMethodChannel, type IpcError, type IpcResult } from '../shared/api/ipc'
import { parseApiCall } from '../shared/api/validate'
import { JourneyError, toErrorData } from '../shared/errors'
import type { LibraryService } from '../library/service-types'
import type { UrlCheck } from './window'

/** True when the call comes from the top frame of one of our windows, showing our own page. */
export function isTrustedSender(event: IpcMainInvokeEvent, isAppUrl: UrlCheck): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  if (!BrowserWindow.fromWebContents(event.sender)) return false
  return isAppUrl(frame.url)
}

/** A thrown value as the page may see it: JourneyErrors as they are, anything else generic (and logged here). */
export function toIpcError(error: unknown, method: string): IpcError {
  if (!(error instanceof JourneyError)) console.error(`[journeyboard] ${method} failed:`, error)
  const data = toErrorData(error)
  return {
    code: data.code,
    message: data.message,
    issues: data.issues.map((i) => ({ path: i.path, message: i.message, ...(i.reason ? { reason: i.reason } : {}) })),
    ...(data.reason ? { reason: data.reason } : {})
  }
}

export async function handleCall(
  service: LibraryService,
  method: ApiMethod,
  event: IpcMainInvokeEvent,
  payload: unknown,
  isAppUrl: UrlCheck
): Promise<IpcResult<unknown>> {
  if (!isTrustedSender(event, isAppUrl)) {
    console.warn(`[journeyboard] refused ${method} from ${event.senderFrame?.url.slice(0, 200) ?? 'a closed frame'}`)
    return { ok: false, error: { code: 'forbidden', message: 'This page may not use Journeyboard.', issues: [] } }
  }
  try {
    const call = parseApiCall(method, payload)
    const value = await service.call(call.method, call.req, `window:${event.sender.id}`)
    return { ok: true, value }
  } catch (error) {
    return { ok: false, error: toIpcError(error, method) }
  }
}

/** Registers every method's handler; returns a function that removes them all. */
export function registerIpcHandlers(service: LibraryService, isAppUrl: UrlCheck): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcMethodChannel(method), (event, payload: unknown) =>
      handleCall(service, method, event, payload, isAppUrl)
    )
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(ipcMethodChannel(method))
  }
}

/** Pushes every library event to every window showing our page; returns the unsubscribe. */
export function forwardLibraryEvents(service: LibraryService, isAppUrl: UrlCheck): () => void {
  return service.onEvent((event) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (win.isDestroyed() || win.webContents.isDestroyed()) continue
      if (!isAppUrl(win.webContents.getURL())) continue
      win.webContents.send(IPC_EVENT_CHANNEL, event)
    }
  })
}
