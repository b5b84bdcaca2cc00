/**
 * The native menu. Items that act on the board send a MenuCommand to the focused window; the
 * renderer decides what they do. Text editing uses Electron's roles. Reload and developer tools
 * exist only in unpackaged builds.
 */
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron'
import { acceleratorOf, actionDef, type ActionDef, type ACTIONS } from '../shared/actions'
import type { MenuCommand } from '../shared/api/ipc'
import { mainText } from './messages'

/** The actions that have an item in the native menu. */
type MenuActionId = Extract<(typeof ACTIONS)[number], { readonly menu: unknown }>['id']

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
  /**
   * An item of the action table (../shared/actions.ts): its first key from there, its label in
   * the interface's language from ./messages.ts (`menu.<action id>`; the table's English label
   * is the catalogue's, kept equal by tests/unit/actions.test.ts).
   */
  const command = (id: MenuActionId): MenuItemConstructorOptions => menuItem(actionDef(id), tr(`menu.${id}`), deps)
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
      command('newMap'),
      { ...command('openMap'), click: () => deps.openFile() },
      command('saveMapAs'),
      { type: 'separator' },
      command('importMap'),
      command('exportMap'),
      { type: 'separator' },
      command('inviteParticipants'),
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
    label: tr('menu.help'),
    submenu: [command('shortcutHelp'), { type: 'separator' }, about]
  }

  return [...appMenu, file, edit, view, help]
}

/**
 * A native menu item for an action. Keys with Ctrl/⌘ or a function key are registered as the
 * item's accelerator; a plain key ("+", "?") is only shown, since a registered one would be taken
 * from text fields too (the page handles those keys itself, outside fields).
 */
function menuItem(action: ActionDef, label: string, deps: MenuDeps): MenuItemConstructorOptions {
  const chord = action.keys[0]
  const plain = chord && !chord.mod && !/^F\d+$/.test(chord.key ?? '')
  return {
    label,
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
