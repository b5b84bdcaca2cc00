/**
 * Files the desktop app was asked to open (File ▸ Open…, a double-clicked .journeymap): the main
 * process reads them and says so; the page takes them over the bridge, each once. The web host
 * has no such files: there, File ▸ Open… is the import dialog's file picker and drag-and-drop.
 */
import { BRIDGE_KEY, unwrapIpcResult, type IpcBridge, type OpenedFileMessage } from '../../../shared/api/ipc'

function bridge(): IpcBridge | undefined {
  return (window as unknown as Record<string, IpcBridge | undefined>)[BRIDGE_KEY]
}

/** Calls `listener` for every file opened, those waiting since start-up first; returns a stop function. */
export function onOpenedFiles(listener: (file: OpenedFileMessage) => void): () => void {
  const ipc = bridge()
  if (!ipc) return () => {}
  let live = true
  const take = async () => {
    const files = unwrapIpcResult(await ipc.takeOpenedFiles())
    if (live) files.forEach(listener)
  }
  const stop = ipc.onFileOpened(() => void take().catch(() => {}))
  void take().catch(() => {})
  return () => {
    live = false
    stop()
  }
}

/** True in the desktop app, where File ▸ Open… is a native dialog. */
export const hasNativeOpen = (): boolean => bridge() !== undefined
