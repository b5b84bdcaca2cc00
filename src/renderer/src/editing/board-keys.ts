/**
 * The board's own keys, beside the editing shortcuts of editor/keys.ts (undo, redo, Delete of
 * notes, ctrl+D, ctrl+A, Esc): arrows move the selection, N or Enter on a cell adds a note, Enter
 * or F2 edits the selected note or renames the selected stage or lane, Shift+F10 or the menu key
 * opens the context menu, Delete removes a selected stage, lane or connector (asking first when
 * it holds something), Shift+2 zooms to the selection and Shift+1 to the whole map. Free of the
 * DOM so it runs in Node tests.
 */
import { actionForKey, type ActionId, type KeyPress } from '../../../shared/actions'
import type { Direction } from './navigation'

export type BoardKeyAction =
  | { readonly type: 'move'; readonly direction: Direction }
  | { readonly type: 'newNote' }
  | { readonly type: 'edit' }
  | { readonly type: 'menu' }
  | { readonly type: 'delete' }
  | { readonly type: 'escape' }
  | { readonly type: 'zoomSelection' }
  | { readonly type: 'zoomFit' }

const ARROWS: Readonly<Record<string, Direction>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right'
}

const BOARD_ACTIONS = [
  'contextMenu',
  'zoomSelection',
  'zoomFit',
  'moveSelection',
  'edit',
  'newNote',
  'delete',
  'escape'
] as const satisfies readonly ActionId[]

/** What a key press asks of the board, if anything (keys from the action table, shared/actions.ts). */
export function boardKeyAction(press: KeyPress): BoardKeyAction | null {
  const id = actionForKey(press, BOARD_ACTIONS)
  switch (id) {
    case null:
      return null
    case 'contextMenu':
      return { type: 'menu' }
    case 'moveSelection':
      return { type: 'move', direction: ARROWS[press.key] as Direction }
    default:
      return { type: id }
  }
}
