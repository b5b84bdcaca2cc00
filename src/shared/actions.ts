/**
 * The one table of user actions: each action's id, its keys, where it sits in the desktop app's
 * native menu and which group the shortcut help lists it under. The native menu (main), the
 * renderer's key handlers and toolbar hints, and the shortcut help all read this table, so a key
 * shown in the help is the key that works. Labels are message keys (`action.<id>` in the
 * renderer's catalogue); the native menu, which is English only, carries its own label here and a
 * unit test keeps it equal to the catalogue's English. Pure data and matching: no DOM.
 */

/** A key combination. `key` matches KeyboardEvent.key (letters case-insensitively, and by their
 * position on non-Latin layouts); `code` matches by position (Shift+2 whatever it types). */
export interface KeyChord {
  readonly key?: string
  readonly code?: string
  /** Ctrl on Windows/Linux, ⌘ on macOS. */
  readonly mod?: boolean
  readonly shift?: boolean
  readonly alt?: boolean
  /** Matches whatever shift is (for keys like "?" whose shift depends on the layout). */
  readonly anyShift?: boolean
}

export type ActionGroup = 'file' | 'edit' | 'board' | 'view' | 'help'
export type NativeMenu = 'file' | 'edit' | 'view' | 'help'

export interface ActionDef {
  readonly id: string
  readonly group: ActionGroup
  /** The keys, the first one shown in menus and tooltips; empty: a menu item or button only. */
  readonly keys: readonly KeyChord[]
  /** In the desktop app's native menu: which menu, and the item's English label. */
  readonly menu?: { readonly in: NativeMenu; readonly label: string }
}

const mod = (key: string, extra: Partial<KeyChord> = {}): KeyChord => ({ key, mod: true, ...extra })

export const ACTIONS = [
  { id: 'newMap', group: 'file', keys: [mod('n')], menu: { in: 'file', label: 'New Map…' } },
  { id: 'openMap', group: 'file', keys: [mod('o')], menu: { in: 'file', label: 'Open…' } },
  { id: 'saveMapAs', group: 'file', keys: [mod('s', { shift: true })], menu: { in: 'file', label: 'Save Map As…' } },
  { id: 'importMap', group: 'file', keys: [mod('o', { shift: true })], menu: { in: 'file', label: 'Import…' } },
  { id: 'exportMap', group: 'file', keys: [mod('e')], menu: { in: 'file', label: 'Export…' } },
  { id: 'inviteParticipants', group: 'file', keys: [], menu: { in: 'file', label: 'Invite Participants…' } },

  { id: 'undo', group: 'edit', keys: [mod('z')] },
  { id: 'redo', group: 'edit', keys: [mod('z', { shift: true }), mod('y')] },
  { id: 'cut', group: 'edit', keys: [mod('x')] },
  { id: 'copy', group: 'edit', keys: [mod('c')] },
  { id: 'paste', group: 'edit', keys: [mod('v')] },
  { id: 'duplicate', group: 'edit', keys: [mod('d')] },
  { id: 'selectAll', group: 'edit', keys: [mod('a')] },
  { id: 'delete', group: 'edit', keys: [{ key: 'Delete' }, { key: 'Backspace' }] },
  { id: 'escape', group: 'edit', keys: [{ key: 'Escape' }] },

  { id: 'newNote', group: 'board', keys: [{ key: 'n' }] },
  { id: 'edit', group: 'board', keys: [{ key: 'Enter' }, { key: 'F2' }] },
  {
    id: 'moveSelection',
    group: 'board',
    keys: [{ key: 'ArrowLeft' }, { key: 'ArrowRight' }, { key: 'ArrowUp' }, { key: 'ArrowDown' }]
  },
  { id: 'contextMenu', group: 'board', keys: [{ key: 'F10', shift: true }, { key: 'ContextMenu' }] },
  { id: 'connectTool', group: 'board', keys: [{ key: 'c' }] },

  { id: 'find', group: 'view', keys: [mod('f')], menu: { in: 'view', label: 'Find on the Board' } },
  {
    id: 'zoomIn',
    group: 'view',
    keys: [{ key: '+', anyShift: true }, { key: '=' }],
    menu: { in: 'view', label: 'Zoom In' }
  },
  {
    id: 'zoomOut',
    group: 'view',
    keys: [{ key: '-' }, { key: '_', anyShift: true }],
    menu: { in: 'view', label: 'Zoom Out' }
  },
  { id: 'zoomReset', group: 'view', keys: [{ key: '0' }], menu: { in: 'view', label: 'Zoom to 100%' } },
  { id: 'zoomFit', group: 'view', keys: [{ code: 'Digit1', shift: true }], menu: { in: 'view', label: 'Zoom to Fit' } },
  { id: 'zoomSelection', group: 'view', keys: [{ code: 'Digit2', shift: true }] },
  { id: 'pan', group: 'view', keys: [{ key: ' ' }] },
  { id: 'toggleTheme', group: 'view', keys: [], menu: { in: 'view', label: 'Switch Theme' } },

  {
    id: 'shortcutHelp',
    group: 'help',
    keys: [{ key: '?', anyShift: true }, { key: 'F1' }],
    menu: { in: 'help', label: 'Keyboard Shortcuts' }
  }
] as const satisfies readonly ActionDef[]

export type ActionId = (typeof ACTIONS)[number]['id']

export const ACTION_GROUPS: readonly ActionGroup[] = ['file', 'edit', 'board', 'view', 'help']

const byId = new Map<string, ActionDef>(ACTIONS.map((a) => [a.id, a]))

export function actionDef(id: ActionId): ActionDef {
  return byId.get(id) as ActionDef
}

/** The actions the native menu sends to the page (as MenuCommands). */
export const MENU_ACTIONS: readonly ActionId[] = ACTIONS.filter((a) => 'menu' in a).map((a) => a.id)

/** The parts of a KeyboardEvent a chord is matched against. */
export interface KeyPress {
  readonly key: string
  readonly code: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}

/** The letter of a key press, by its meaning on Latin layouts and by its position on others. */
function letterOf(press: KeyPress): string {
  const key = press.key.toLowerCase()
  if (/^[a-z]$/.test(key)) return key
  const match = /^Key([A-Z])$/.exec(press.code)
  return match ? (match[1] as string).toLowerCase() : key
}

export function matchesChord(press: KeyPress, chord: KeyChord): boolean {
  // AltGr arrives as ctrl+alt on Windows: it types characters, it is not a shortcut.
  if (press.altKey !== !!chord.alt) return false
  if ((press.ctrlKey || press.metaKey) !== !!chord.mod) return false
  if (!chord.anyShift && press.shiftKey !== !!chord.shift) return false
  if (chord.code !== undefined) return press.code === chord.code
  const key = chord.key ?? ''
  if (/^[a-z]$/.test(key)) return letterOf(press) === key
  return press.key === key
}

/** The first action of `among` (every action by default) a key press asks for, or null. */
export function actionForKey<T extends ActionId = ActionId>(
  press: KeyPress,
  among: readonly T[] = ACTIONS.map((a) => a.id) as T[]
): T | null {
  for (const id of among) {
    if (actionDef(id).keys.some((chord) => matchesChord(press, chord))) return id
  }
  return null
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ' ': 'Space',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  Delete: 'Delete',
  Backspace: 'Backspace',
  ContextMenu: 'Menu'
}

/** A chord as the user reads it: "Ctrl+Shift+Z", "⌘⇧Z" on macOS. */
export function chordLabel(chord: KeyChord, mac = false): string {
  const name = chord.code
    ? chord.code.replace(/^Digit/, '').replace(/^Key/, '')
    : (KEY_NAMES[chord.key ?? ''] ?? (chord.key ?? '').toUpperCase())
  const parts: string[] = []
  if (mac) {
    if (chord.alt) parts.push('⌥')
    if (chord.shift) parts.push('⇧')
    if (chord.mod) parts.push('⌘')
    return parts.join('') + name
  }
  if (chord.mod) parts.push('Ctrl')
  if (chord.alt) parts.push('Alt')
  if (chord.shift) parts.push('Shift')
  return [...parts, name].join('+')
}

/** The chord as an Electron accelerator ("CmdOrCtrl+Shift+S"). */
export function acceleratorOf(chord: KeyChord): string {
  const name = chord.code
    ? chord.code.replace(/^Digit/, '').replace(/^Key/, '')
    : chord.key === '+'
      ? 'Plus'
      : chord.key === ' '
        ? 'Space'
        : chord.key === 'Escape'
          ? 'Esc'
          : (chord.key ?? '').length === 1
            ? (chord.key ?? '').toUpperCase()
            : (chord.key ?? '')
  return [chord.mod ? 'CmdOrCtrl' : '', chord.alt ? 'Alt' : '', chord.shift ? 'Shift' : '', name]
    .filter(Boolean)
    .join('+')
}
