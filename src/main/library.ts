/**
 * The library file: where it lives, opening it (or explaining in a dialog why not), closing it
 * when the app quits.
 */
import { mainErrorText, mainText } from './messages'
import { app, dialog } from 'electron'
import { existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { openLibraryService } from '../library/index'
import type { LibraryService } from '../library/service-types'
import { JourneyError } from '../shared/errors'
import { bindingFailureDialog, chooseBinding, probeBinding, type BindingChoice } from './native-binding'

export const LIBRARY_FILE_NAME = 'journeyboard.sqlite'

/**
 * Must run before `ready` and before the single-instance lock (which is per userData folder).
 * JOURNEYBOARD_USER_DATA moves the profile (tests run side by side this way); otherwise the folder
 * is named after the product in dev and packaged builds alike.
 */
export function configureDataPaths(): void {
  app.setName('Journeyboard')
  const override = process.env['JOURNEYBOARD_USER_DATA']
  app.setPath('userData', override ? resolve(override) : join(app.getPath('appData'), 'Journeyboard'))
}

/** JOURNEYBOARD_DB if set, else `<userData>/journeyboard.sqlite`. */
export function libraryPath(): string {
  const override = process.env['JOURNEYBOARD_DB']
  return override ? resolve(override) : join(app.getPath('userData'), LIBRARY_FILE_NAME)
}

/** The Electron build of the SQLite module: the app's own when packaged, the side build in development. */
export function electronBinding(): BindingChoice {
  return chooseBinding({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    exists: existsSync
  })
}

/**
 * Opens the library. On failure shows one dialog with the reason and returns null; the caller
 * quits. The SQLite module is loaded first, so a module built for another runtime (or missing)
 * is named as such, with the command that fixes it, rather than as a library that cannot open.
 * Otherwise the reason is the JourneyError's sentence (what is wrong with the file, what to do).
 */
export function openLibraryOrExplain(file: string = libraryPath()): LibraryService | null {
  const binding = electronBinding()
  const failure = probeBinding(binding.path, createRequire(import.meta.url))
  if (failure) {
    console.error(`[journeyboard] loading the SQLite module ${binding.path} failed:`, failure)
    const { title, message } = bindingFailureDialog(failure, binding)
    dialog.showErrorBox(title, message)
    return null
  }
  try {
    mkdirSync(dirname(file), { recursive: true })
    return openLibraryService(file, { appVersion: app.getVersion(), nativeBinding: binding.path })
  } catch (error) {
    const tr = mainText()
    const reason = error instanceof JourneyError ? mainErrorText(error) : tr('library.unexpected')
    if (!(error instanceof JourneyError)) console.error('[journeyboard] opening the library failed:', error)
    dialog.showErrorBox(tr('library.cannotOpen'), `${reason}\n\n${tr('library.file', { path: file })}`)
    return null
  }
}

/** Closes (checkpoints) the library once, as the app quits. */
export function closeOnQuit(service: LibraryService, beforeClose: () => void = () => {}): void {
  app.once('will-quit', () => {
    beforeClose()
    try {
      service.close()
    } catch (error) {
      console.error('[journeyboard] closing the library failed:', error)
    }
  })
}
