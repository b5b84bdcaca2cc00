/**
 * Dialogs the renderer cannot open itself. Saving an export: the page sends the bytes and a
 * suggested name on one channel; the sender is checked (our page, top frame), the payload
 * validated with the shared schema, a native save dialog asks where, and the file is written
 * there atomically (a temporary file renamed into place). The page only learns the path.
 */
import { BrowserWindow, app, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { rename, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { IPC_SAVE_FILE_CHANNEL, type IpcResult } from '../shared/api/ipc'
import { SaveExportFileSchema, type SaveExportFileResult } from '../shared/api/save-file'
import { formatPath } from '../shared/errors'
import { isTrustedSender } from './ipc'
import type { UrlCheck } from './window'

export async function handleSaveExportFile(
  event: IpcMainInvokeEvent,
  payload: unknown,
  isAppUrl: UrlCheck
): Promise<IpcResult<SaveExportFileResult>> {
  if (!isTrustedSender(event, isAppUrl)) {
    console.warn(`[journeyboard] refused a save from ${event.senderFrame?.url.slice(0, 200) ?? 'a closed frame'}`)
    return { ok: false, error: { code: 'forbidden', message: 'This page may not save files.', issues: [] } }
  }
  const parsed = SaveExportFileSchema.safeParse(payload)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }))
    return {
      ok: false,
      error: {
        code: 'invalid_request',
        message: `The file cannot be saved: ${issues[0]?.message ?? 'bad request'}.`,
        issues
      }
    }
  }
  const { suggestedName, bytes, filters } = parsed.data
  const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters }
  const owner = BrowserWindow.fromWebContents(event.sender)
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
  if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } }
  const target = choice.filePath
  const temp = `${target}.${process.pid}.tmp`
  try {
    await writeFile(temp, bytes)
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => {})
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    console.error('[journeyboard] saving an export failed:', error)
    return { ok: false, error: { code: 'storage', message: `Could not write ${target} (${code}).`, issues: [] } }
  }
  return { ok: true, value: { saved: true, path: target } }
}

/** Registers the dialog channels; returns a function that removes them. */
export function registerDialogHandlers(isAppUrl: UrlCheck): () => void {
  ipcMain.handle(IPC_SAVE_FILE_CHANNEL, (event, payload: unknown) => handleSaveExportFile(event, payload, isAppUrl))
  return () => ipcMain.removeHandler(IPC_SAVE_FILE_CHANNEL)
}
