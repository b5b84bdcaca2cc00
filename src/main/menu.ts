/**
 * The native menu. Items that act on the board send a MenuCommand to the focused window; the
 * renderer decides what they do. Text editing uses Electron's roles. Reload and developer tools
 * exist only in unpackaged builds.
 */
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/api/ipc'
import { mainText } from './messages'

export interface MenuDeps {
  readonly isPackaged: boolean
  readonly platform: NodeJS.Platform
  readonly version: string
  readonly libraryPath: string
  /** Delivers a command to the focused window (opening one if none is left, on macOS). */
  readonly send: (command: MenuCommand) => void
  /** File ▸ Open…: a native open dialog; the chosen file goes to the page (./open-files.ts). */
  readonly openFile: () => void
  /** The words, in the interface's language (./messages.ts); English when not given. */
  readonly text?: ReturnType<typeof mainText>
}

export function aboutText(deps: Pick<MenuDeps, 'version' | 'libraryPath' | 'text'>): {
  message: string
  detail: string
} {
  const v = process.versions
  const tr = deps.text ?? mainText('en')
  return {
    message: `Journeyboard ${deps.version}`,
    detail: [
      tr('about.detail'),
      '',
      tr('about.library', { path: deps.libraryPath }),
      '',
      `Electron ${v.electron ?? '?'} · Chromium ${v.chrome ?? '?'} · Node ${v.node}`
    ].join('\n')
  }
}

function showAbout(deps: MenuDeps): void {
  const { message, detail } = aboutText(deps)
  const tr = deps.text ?? mainText('en')
  const options = { type: 'info' as const, title: tr('menu.about'), message, detail, buttons: [tr('about.ok')] }
  const parent = BrowserWindow.getFocusedWindow()
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options))
}

export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const mac = deps.platform === 'darwin'
  const tr = deps.text ?? mainText('en')
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => deps.send(name)
  })
  const about: MenuItemConstructorOptions = { label: tr('menu.about'), click: () => showAbout(deps) }

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Journeyboard',
          submenu: [
            about,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' }
          ]
        }
      ]
    : []

  const file: MenuItemConstructorOptions = {
    label: tr('menu.file'),
    submenu: [
      command(tr('menu.newMap'), 'newMap', 'CmdOrCtrl+N'),
      { label: tr('menu.open'), accelerator: 'CmdOrCtrl+O', click: () => deps.openFile() },
      command(tr('menu.saveMapAs'), 'saveMapAs', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      command(tr('menu.import'), 'importMap', 'CmdOrCtrl+Shift+O'),
      command(tr('menu.export'), 'exportMap', 'CmdOrCtrl+E'),
      { type: 'separator' },
      command(tr('menu.inviteParticipants'), 'inviteParticipants'),
      { type: 'separator' },
      { role: 'close', label: tr('menu.closeWindow') },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: tr('menu.quit') } as const])
    ]
  }

  const edit: MenuItemConstructorOptions = {
    label: tr('menu.edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { type: 'separator' },
      { role: 'selectAll' }
    ]
  }

  const view: MenuItemConstructorOptions = {
    label: tr('menu.view'),
    submenu: [
      command(tr('menu.zoomIn'), 'zoomIn', 'CmdOrCtrl+='),
      command(tr('menu.zoomOut'), 'zoomOut', 'CmdOrCtrl+-'),
      command(tr('menu.zoomFit'), 'zoomFit', 'CmdOrCtrl+0'),
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(deps.isPackaged
        ? []
        : [
            { type: 'separator' } as const,
            { role: 'reload' } as const,
            { role: 'forceReload' } as const,
            { role: 'toggleDevTools' } as const
          ])
    ]
  }

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: tr('menu.help'),
    submenu: [about]
  }

  return [...appMenu, file, edit, view, help]
}

export function installMenu(deps: MenuDeps): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(deps)))
}

export function defaultMenuDeps(
  libraryPath: string,
  send: (command: MenuCommand) => void,
  openFile: () => void,
  text = mainText()
): MenuDeps {
  return {
    text,
    isPackaged: app.isPackaged,
    platform: process.platform,
    version: app.getVersion(),
    libraryPath,
    send,
    openFile
  }
}
