/**
 * Windows: the one BrowserWindow kind we have, with every webPreference locked down, plus the
 * guards that apply to any web contents the app ever creates (navigation, pop-ups, webviews).
 */
import { app, BrowserWindow, type WebContents } from 'electron'
import { join } from 'node:path'
import type { AppLocation } from './app-url'

export type UrlCheck = (url: string) => boolean

const PRELOAD = join(import.meta.dirname, '../preload/index.cjs')

/**
 * Applied to every web contents as it is created: no pop-ups, no webviews, no navigation away
 * from our own page (top frame or sub-frame).
 */
export function guardWebContents(contents: WebContents, isAppUrl: UrlCheck): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault()
      console.warn(`[journeyboard] blocked navigation to ${url.slice(0, 200)}`)
    }
  })
  contents.on('will-frame-navigate', (details) => {
    if (!isAppUrl(details.url)) details.preventDefault()
  })
}

/** Registers guardWebContents for every web contents, before any window exists. */
export function guardAllWebContents(isAppUrl: UrlCheck): void {
  app.on('web-contents-created', (_event, contents) => {
    if (contents.getType() === 'window' || contents.getType() === 'webview' || contents.getType() === 'browserView') {
      guardWebContents(contents, isAppUrl)
    }
  })
}

export function createMainWindow(location: AppLocation): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Journeyboard',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f7f6f3',
    ...(process.platform === 'linux' ? { icon: join(app.getAppPath(), 'resources', 'icon.png') } : {}),
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click (auxclick) could open links in new windows; there are none to open.
      disableBlinkFeatures: 'Auxclick',
      // Chromium downloads Hunspell dictionaries on Windows/Linux; this app stays offline.
      spellcheck: process.platform === 'darwin',
      devTools: !app.isPackaged
    }
  })

  win.once('ready-to-show', () => win.show())
  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame) return
    console.error(`[journeyboard] the window could not load ${url}: ${description} (${code})`)
    if (!win.isVisible()) win.show()
  })

  // The dev server's page, or app://journeyboard/index.html (protocol.ts serves the bundled files).
  const loading = win.loadURL(location.url)
  loading.catch((error: unknown) => console.error('[journeyboard] loading the app page failed:', error))
  return win
}

/** Keeps track of the app's windows; hands out the one a menu command or second launch targets. */
export class WindowManager {
  readonly #location: AppLocation

  constructor(location: AppLocation) {
    this.#location = location
  }

  open(): BrowserWindow {
    return createMainWindow(this.#location)
  }

  /** The focused window, else the most recent one, else a new one. */
  target(): BrowserWindow {
    const all = BrowserWindow.getAllWindows().filter((w) => !w.isDestroyed())
    return BrowserWindow.getFocusedWindow() ?? all[all.length - 1] ?? this.open()
  }

  /** Brings the app to the front (second launch, dock click). */
  focus(): void {
    const win = this.target()
    if (win.isMinimized()) win.restore()
    if (!win.isVisible()) win.show()
    win.focus()
  }

  /** Sends on a channel once the page is ready to listen. */
  sendToTarget(channel: string, payload: unknown): void {
    const win = this.target()
    const send = (): void => {
      if (!win.isDestroyed()) win.webContents.send(channel, payload)
    }
    if (win.webContents.isLoadingMainFrame()) win.webContents.once('did-finish-load', send)
    else send()
  }
}
