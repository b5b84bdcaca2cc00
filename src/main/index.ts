/**
 * Journeyboard's Electron main process: composes the managers below, each with one job.
 * No business logic lives here; it all sits behind the LibraryService.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron'
import { join } from 'node:path'
import { IPC_LANGUAGE_CHANNEL, IPC_MENU_CHANNEL } from '../shared/api/ipc'
import { isLanguage } from '../shared/i18n/languages'
import { LiveHub } from '../live/hub'
import { participantNetwork } from '../live/server'
import { liveStateFile } from '../live/state-file'
import { withLive } from '../live/with-live'
import { isAppUrl, resolveAppLocation } from './app-url'
import { installCloseGuard } from './close-guard'
import { registerDialogHandlers } from './dialogs'
import { claimSingleInstance } from './instance'
import { forwardLibraryEvents, registerIpcHandlers } from './ipc'
import { closeOnQuit, configureDataPaths, libraryPath, openLibraryOrExplain } from './library'
import { defaultMenuDeps, installMenu } from './menu'
import { mainText, setMainLanguage } from './messages'
import { IPC_FILE_OPENED_CHANNEL, OpenedFiles, filesInArgs } from './open-files'
import { lockDownSession } from './permissions'
import { registerAppScheme, serveAppScheme } from './protocol'
import { guardAllWebContents, WindowManager } from './window'

/** Where participants join (a resumed session keeps the port it had). */
const LIVE_PORT = 4871

async function start(): Promise<void> {
  const location = resolveAppLocation({
    isPackaged: app.isPackaged,
    devUrl: process.env['ELECTRON_RENDERER_URL'],
    rendererDir: join(import.meta.dirname, '../renderer')
  })
  const isOurs = (url: string): boolean => isAppUrl(location, url)
  const windows = new WindowManager(location)

  // Files to open (File ▸ Open…, the .journeymap file association) wait here until the page takes them.
  const opened = new OpenedFiles(() => {
    if (app.isReady() && BrowserWindow.getAllWindows().length > 0) windows.sendToTarget(IPC_FILE_OPENED_CHANNEL, null)
  })
  // macOS hands over double-clicked files as events, possibly before `ready`.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    void opened.add(path)
  })
  const openFromArgs = (argv: readonly string[], cwd: string) => {
    // argv[0] is the executable; unpackaged, argv[1] is the app's folder.
    for (const file of filesInArgs(argv.slice(app.isPackaged ? 1 : 2), cwd)) void opened.add(file)
  }
  if (
    !claimSingleInstance((argv, cwd) => {
      if (app.isReady()) windows.focus()
      openFromArgs(argv, cwd)
    })
  ) {
    app.quit()
    return
  }
  openFromArgs(process.argv, process.cwd())
  app.enableSandbox()
  guardAllWebContents(isOurs)
  // Closing a window with unsaved edits asks first (save / discard / cancel).
  app.on('browser-window-created', (_event, win) =>
    installCloseGuard(win, isOurs, (options) => dialog.showMessageBoxSync(win, options))
  )

  await app.whenReady()
  // The main process speaks the system's language until the page says which one the user chose.
  setMainLanguage(app.getLocale())
  if (location.kind === 'bundle') serveAppScheme(protocol, location.rendererDir)
  lockDownSession(session.defaultSession, isOurs)

  const file = libraryPath()
  const library = openLibraryOrExplain(file)
  if (!library) {
    app.exit(1)
    return
  }
  // Participants of a live workshop: served on the room's network only once the facilitator
  // starts (or resumes) a session, from the same built renderer (participant.html).
  const hub = new LiveHub({ service: library, stateFile: liveStateFile(file), port: LIVE_PORT })
  const participantsDir = location.kind === 'bundle' ? location.rendererDir : join(import.meta.dirname, '../renderer')
  // JOURNEYBOARD_LAN_HOST: one address to serve participants on (default: every address of the machine).
  hub.setNetwork(
    participantNetwork({
      hub,
      staticDir: participantsDir,
      host: process.env['JOURNEYBOARD_LAN_HOST'] || undefined,
      log: (line) => console.error(`[journeyboard] ${line}`)
    })
  )
  const service = withLive(library, hub)
  app.once('will-quit', () => void hub.close())
  const removeHandlers = registerIpcHandlers(service, isOurs)
  const removeDialogs = registerDialogHandlers(isOurs)
  const removeOpened = opened.register(isOurs)
  const stopEvents = forwardLibraryEvents(service, isOurs)
  closeOnQuit(service, () => {
    stopEvents()
    removeHandlers()
    removeDialogs()
    removeOpened()
  })

  const buildMenu = (): void =>
    installMenu(
      defaultMenuDeps(
        file,
        (command) => windows.sendToTarget(IPC_MENU_CHANNEL, command),
        () => void opened.choose(BrowserWindow.getFocusedWindow())
      )
    )
  buildMenu()
  ipcMain.on(IPC_LANGUAGE_CHANNEL, (event, language: unknown) => {
    if (!isOurs(event.senderFrame?.url ?? '') || !isLanguage(language)) return
    if (setMainLanguage(language)) buildMenu()
  })
  windows.open()

  app.on('activate', () => windows.focus())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

configureDataPaths()
// Privileged schemes must be declared before `ready` (later, app:// would silently lose them).
registerAppScheme(protocol)
start().catch((error: unknown) => {
  console.error('[journeyboard] start-up failed:', error)
  dialog.showErrorBox(mainText()('start.failed'), error instanceof Error ? error.message : String(error))
  app.exit(1)
})
