/**
 * The editing shortcuts as data: which key press asks for what, and carrying it out on the store.
 * Kept free of the DOM so it runs in Node tests; useEditorKeys wires it to the window.
 */
import type { AppState } from '../store'
import { selectSelectedNoteIds } from '../store/editor'
import { copyNotes, pasteNotes } from './clipboard-actions'

export type EditorKeyAction =
  'undo' | 'redo' | 'delete' | 'duplicate' | 'selectAll' | 'escape' | 'copy' | 'cut' | 'paste'

/** The parts of a KeyboardEvent the mapping looks at. */
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

/** What a key press asks of the editor, if anything. */
export function editorKeyAction(press: KeyPress): EditorKeyAction | null {
  // AltGr arrives as ctrl+alt on Windows: it types characters, it is not a shortcut.
  if (press.altKey) return null
  const mod = press.ctrlKey || press.metaKey
  if (!mod) {
    if (press.shiftKey) return null
    if (press.key === 'Delete' || press.key === 'Backspace') return 'delete'
    if (press.key === 'Escape') return 'escape'
    return null
  }
  switch (letterOf(press)) {
    case 'z':
      return press.shiftKey ? 'redo' : 'undo'
    case 'y':
      return press.shiftKey ? null : 'redo'
    case 'd':
      return press.shiftKey ? null : 'duplicate'
    case 'a':
      return press.shiftKey ? null : 'selectAll'
    case 'c':
      return press.shiftKey ? null : 'copy'
    case 'x':
      return press.shiftKey ? null : 'cut'
    case 'v':
      return press.shiftKey ? null : 'paste'
    default:
      return null
  }
}

/**
 * Carries out an action; false when it did not apply (the key is then left to others). Copy,
 * cut and paste go on in the background (the clipboard answers later); `latest` gives the
 * state as it is by then.
 */
export function runEditorKeyAction(
  action: EditorKeyAction,
  state: AppState,
  latest: () => AppState = () => state
): boolean {
  if (!state.openMap) return false
  const selected = selectSelectedNoteIds(state)
  switch (action) {
    case 'undo':
      state.undo()
      return true
    case 'redo':
      state.redo()
      return true
    case 'selectAll':
      state.selectAllNotes()
      return true
    case 'duplicate': {
      if (selected.length > 0) {
        const result = state.execute('duplicateNotes', { noteIds: selected })
        if (result) state.selectNotes(result.createdIds)
      }
      return true
    }
    case 'delete':
      if (selected.length === 0) return false
      state.execute('deleteNotes', { noteIds: selected })
      return true
    case 'copy':
    case 'cut':
      // Nothing selected on the board: leave the key to the page (copying selected text).
      if (selected.length === 0) return false
      void copyNotes(state, selected, action === 'cut')
      return true
    case 'paste':
      void pasteNotes(latest)
      return true
    case 'escape':
      if (state.drag) state.cancelDrag()
      else if (state.selection.kind !== 'none') state.clearSelection()
      else return false
      return true
  }
}
