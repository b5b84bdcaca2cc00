/**
 * Files the user gives the desktop app to open: File ▸ Open… (a native open dialog), a
 * .journeymap double-clicked or dropped on the app's icon (the file association: the path comes
 * on the command line, in a second launch's command line, or on macOS as an `open-file` event,
 * possibly before the window exists). Each is read here (within the import size limit), queued,
 * and the page is told; the page takes the queue over one IPC call (checked sender) and opens
 * the import dialog with the file, which may offer to merge it. The page never names a path.
 */
import { mainText } from './messages'
import { dialog, ipcMain, type BrowserWindow } from 'electron'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import {
  IPC_FILE_OPENED_CHANNEL,
  IPC_TAKE_OPENED_FILES_CHANNEL,
  type IpcResult,
  type OpenedFileMessage
} from '../shared/api/ipc'
import { MAX_IMPORT_BYTES } from '../shared/api/wire'
import { isTrustedSender } from './ipc'
import { filesInArgs, OPENABLE_EXTENSIONS } from './open-args'
import type { UrlCheck } from './window'

/** The open dialog's file types, named in the interface's language. */
const openFilters = (tr = mainText()) => [
  { name: tr('open.filter.maps'), extensions: ['journeymap'] },
  { name: tr('open.filter.exported'), extensions: ['pdf', 'png', 'svg'] },
  { name: tr('open.filter.text'), extensions: ['json', 'csv', 'tsv', 'mmd', 'mermaid'] },
  { name: tr('open.filter.all'), extensions: ['*'] }
]

export class OpenedFiles {
  readonly #queue: OpenedFileMessage[] = []
  readonly #notify: () => void

  /** `notify` tells the page that files wait (the window manager knows which page). */
  constructor(notify: () => void) {
    this.#notify = notify
  }

  /** Reads the file into the queue (or why it cannot be read) and tells the page. */
  async add(path: string): Promise<void> {
    const name = basename(path)
    try {
      const info = await stat(path)
      if (!info.isFile()) throw new Error('it is not a file')
      if (info.size > MAX_IMPORT_BYTES) {
        throw new Error(
          `it is ${Math.ceil(info.size / (1024 * 1024))} MB; files over ${MAX_IMPORT_BYTES / (1024 * 1024)} MB cannot be opened`
        )
      }
      this.#queue.push({ name, bytes: new Uint8Array(await readFile(path)) })
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
      this.#queue.push({ name, error: `It could not be read (${reason}).` })
    }
    this.#notify()
  }

  /** File ▸ Open…: a native open dialog over the window. */
  async choose(owner: BrowserWindow | null): Promise<void> {
    const options = { title: mainText()('open.title'), properties: ['openFile' as const], filters: openFilters() }
    const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
    if (!choice.canceled && choice.filePaths[0]) await this.add(choice.filePaths[0])
  }

  /** Everything queued, once. */
  take(): OpenedFileMessage[] {
    return this.#queue.splice(0)
  }

  /** The page's call that takes the queue; returns a function that removes it. */
  register(isAppUrl: UrlCheck): () => void {
    ipcMain.handle(IPC_TAKE_OPENED_FILES_CHANNEL, (event): IpcResult<readonly OpenedFileMessage[]> => {
      if (!isTrustedSender(event, isAppUrl)) {
        return { ok: false, error: { code: 'forbidden', message: 'This page may not open files.', issues: [] } }
      }
      return { ok: true, value: this.take() }
    })
    return () => ipcMain.removeHandler(IPC_TAKE_OPENED_FILES_CHANNEL)
  }
}

export { IPC_FILE_OPENED_CHANNEL, filesInArgs, OPENABLE_EXTENSIONS }
