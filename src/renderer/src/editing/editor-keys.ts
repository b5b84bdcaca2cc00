/**
 * The editing shortcuts: which key press asks for what (the action table says which keys), and
 * carrying it out on the store. Kept free of the DOM so it runs in Node tests; useEditorKeys wires it to the window.
 */
import { actionForKey, type ActionId, type KeyPress } from '../../../shared/actions'
import type { AppState } from '../store'
import { selectSelectedNoteIds } from '../store/editor'
import { copyNotes, pasteNotes } from './clipboard-actions'

const EDITOR_ACTIONS = [
  'undo',
  'redo',
  'delete',
  'duplicate',
  'selectAll',
  'escape',
  'copy',
  'cut',
  'paste'
] as const satisfies readonly ActionId[]

export type EditorKeyAction = (typeof EDITOR_ACTIONS)[number]
export type { KeyPress }

/** What a key press asks of the editor, if anything (keys from the action table, shared/actions.ts). */
export function editorKeyAction(press: KeyPress): EditorKeyAction | null {
  return actionForKey(press, EDITOR_ACTIONS)
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
