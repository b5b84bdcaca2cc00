/**
 * The board's own keys, beside the editing shortcuts of editor/keys.ts (undo, redo, Delete of
 * notes, ctrl+D, ctrl+A, Esc): arrows move the selection, N or Enter on a cell adds a note, Enter
 * or F2 edits the selected note or renames the selected stage or lane, Shift+F10 or the menu key
 * opens the context menu, Delete removes a selected stage, lane or connector (asking first when
 * it holds something), Shift+2 zooms to the selection and Shift+1 to the whole map. Free of the
 * DOM so it runs in Node tests.
 */
import type { KeyPress } from '../../editor/keys'
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

/** What a key press asks of the board, if anything. */
export function boardKeyAction(press: KeyPress): BoardKeyAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null
  if (press.key === 'F10' && press.shiftKey) return { type: 'menu' }
  if (press.key === 'ContextMenu') return { type: 'menu' }
  // By position, so Shift+2 is the same key whatever it types ("@", '"', "é"…).
  if (press.shiftKey && press.code === 'Digit2') return { type: 'zoomSelection' }
  if (press.shiftKey && press.code === 'Digit1') return { type: 'zoomFit' }
  if (press.shiftKey) return null
  const direction = ARROWS[press.key]
  if (direction) return { type: 'move', direction }
  if (press.key === 'Enter' || press.key === 'F2') return { type: 'edit' }
  if (press.key.toLowerCase() === 'n' || press.code === 'KeyN') return { type: 'newNote' }
  if (press.key === 'Delete' || press.key === 'Backspace') return { type: 'delete' }
  if (press.key === 'Escape') return { type: 'escape' }
  return null
}
