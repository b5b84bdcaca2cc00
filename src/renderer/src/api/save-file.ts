/**
 * Saving an export, whatever the transport: in Electron the main process shows a save dialog
 * and writes the file (the bridge's saveExportFile); in the web host the browser downloads it.
 * Like the API client, this is the one place that knows which it is.
 */
import { BRIDGE_KEY, unwrapIpcResult, type IpcBridge } from '../../../shared/api/ipc'

export interface FileToSave {
  readonly suggestedName: string
  readonly bytes: Uint8Array
  readonly mediaType: string
  /** For the save dialog: "PDF document" and its extensions. */
  readonly filters: readonly { readonly name: string; readonly extensions: readonly string[] }[]
}

/** Where the file went: a path, a browser download (the browser knows where), or nowhere (cancelled). */
export type SaveOutcome =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'download'; readonly name: string }
  | { readonly kind: 'cancelled' }

function bridge(): IpcBridge | undefined {
  return (window as unknown as Record<string, IpcBridge | undefined>)[BRIDGE_KEY]
}

export async function saveFile(file: FileToSave): Promise<SaveOutcome> {
  const ipc = bridge()
  if (ipc) {
    const result = unwrapIpcResult(
      await ipc.saveExportFile({
        suggestedName: file.suggestedName,
        bytes: file.bytes,
        filters: file.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] }))
      })
    )
    return result.saved ? { kind: 'file', path: result.path } : { kind: 'cancelled' }
  }
  download(file)
  return { kind: 'download', name: file.suggestedName }
}

function download(file: FileToSave): void {
  const blob = new Blob([file.bytes as BlobPart], { type: file.mediaType })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = file.suggestedName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the object URL; keep it a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
