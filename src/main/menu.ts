/**
 * The native menu. Items that act on the board send a MenuCommand to the focused window; the
 * renderer decides what they do. Text editing uses Electron's roles. Reload and developer tools
 * exist only in unpackaged builds.
 */
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron'
import { ACTIONS, acceleratorOf, type ActionDef } from '../shared/actions'
import type { MenuCommand } from '../shared/api/ipc'

export interface MenuDeps {
  readonly isPackaged: boolean
  readonly platform: NodeJS.Platform
  readonly version: string
  readonly libraryPath: string
  /** Delivers a command to the focused window (opening one if none is left, on macOS). */
  readonly send: (command: MenuCommand) => void
  /** File ▸ Open…: a native open dialog; the chosen file goes to the page (./open-files.ts). */
  readonly openFile: () => void
}

export function aboutText(deps: Pick<MenuDeps, 'version' | 'libraryPath'>): { message: string; detail: string } {
  const v = process.versions
  return {
    message: `Journeyboard ${deps.version}`,
    detail: [
      'Customer journey maps for workshops. Works offline; everything stays in one file on this computer.',
      '',
      `Library: ${deps.libraryPath}`,
      '',
      `Electron ${v.electron ?? '?'} · Chromium ${v.chrome ?? '?'} · Node ${v.node}`
    ].join('\n')
  }
}

function showAbout(deps: MenuDeps): void {
  const { message, detail } = aboutText(deps)
  const options = { type: 'info' as const, title: 'About Journeyboard', message, detail, buttons: ['OK'] }
  const parent = BrowserWindow.getFocusedWindow()
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options))
}

export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const mac = deps.platform === 'darwin'
  /** An item of the action table (../shared/actions.ts): its label and first key from there. */
  const command = (id: MenuCommand): MenuItemConstructorOptions =>
    menuItem(ACTIONS.find((a) => a.id === id) as ActionDef, deps)
  const about: MenuItemConstructorOptions = { label: 'About Journeyboard', click: () => showAbout(deps) }

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
    label: '&File',
    submenu: [
      command('newMap'),
      { ...command('openMap'), click: () => deps.openFile() },
      command('saveMapAs'),
      { type: 'separator' },
      command('importMap'),
      command('exportMap'),
      { type: 'separator' },
      command('inviteParticipants'),
      { type: 'separator' },
      { role: 'close', label: 'Close Window' },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit' } as const])
    ]
  }

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
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
    label: '&View',
    submenu: [
      command('find'),
      { type: 'separator' },
      command('zoomIn'),
      command('zoomOut'),
      command('zoomReset'),
      command('zoomFit'),
      { type: 'separator' },
      command('toggleTheme'),
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
    label: '&Help',
    submenu: [command('shortcutHelp'), { type: 'separator' }, about]
  }

  return [...appMenu, file, edit, view, help]
}

/**
 * A native menu item for an action. Keys with Ctrl/⌘ or a function key are registered as the
 * item's accelerator; a plain key ("+", "?") is only shown, since a registered one would be taken
 * from text fields too (the page handles those keys itself, outside fields).
 */
function menuItem(action: ActionDef, deps: MenuDeps): MenuItemConstructorOptions {
  const chord = action.keys[0]
  const plain = chord && !chord.mod && !/^F\d+$/.test(chord.key ?? '')
  return {
    label: action.menu?.label ?? action.id,
    ...(chord ? { accelerator: acceleratorOf(chord), ...(plain ? { registerAccelerator: false } : {}) } : {}),
    click: () => deps.send(action.id as MenuCommand)
  }
}

export function installMenu(deps: MenuDeps): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(deps)))
}

export function defaultMenuDeps(
  libraryPath: string,
  send: (command: MenuCommand) => void,
  openFile: () => void
): MenuDeps {
  return {
    isPackaged: app.isPackaged,
    platform: process.platform,
    version: app.getVersion(),
    libraryPath,
    send,
    openFile
  }
}
