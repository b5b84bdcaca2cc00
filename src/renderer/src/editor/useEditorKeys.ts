/**
 * Editing shortcuts on the open map: ctrl/cmd+Z undo, shift+ctrl/cmd+Z and ctrl/cmd+Y redo,
 * Delete/Backspace delete the selected notes, ctrl/cmd+D duplicates them, ctrl/cmd+A selects every
 * note, ctrl/cmd+C / X / V copy, cut and paste notes (also between maps), Esc cancels a drag or
 * clears the selection. Keys typed into a field, or inside a dialog or menu, are left alone; keys
 * handled here are not passed on (preventDefault), so the Electron menu and the browser do not
 * act on them too.
 */
import { useEffect } from 'react'
import { useAppStore } from '../store'
import { editorKeyAction, runEditorKeyAction } from '../editing/editor-keys'
import { clipboardPicture, setPictureFromFile } from '../common/note-picture'
import { selectSelectedNoteIds } from '../store/editor'
import { pasteNotes } from '../editing/clipboard-actions'

/**
 * Ctrl/Cmd+V with one note selected: a picture on the clipboard becomes the note's picture;
 * anything else is pasted as notes, as usual. True when it took the key.
 */
function pastePictureOnNote(): boolean {
  const selected = selectSelectedNoteIds(useAppStore.getState())
  if (selected.length !== 1 || typeof navigator.clipboard?.read !== 'function') return false
  const noteId = selected[0]!
  void clipboardPicture().then((picture) =>
    picture ? setPictureFromFile(noteId, picture) : pasteNotes(useAppStore.getState)
  )
  return true
}

/** True when the key belongs to a text field, or to a dialog or menu that handles its own keys. */
function belongsElsewhere(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || typeof el.closest !== 'function') return false
  if (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return true
  return el.closest('dialog, [role="dialog"], [role="alertdialog"], [role="menu"]') !== null
}

/** Listens on the window while the calling component (the map screen) is mounted. */
export function useEditorKeys(enabled = true): void {
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || belongsElsewhere(event.target)) return
      const action = editorKeyAction(event)
      if (action === 'paste' && pastePictureOnNote()) {
        event.preventDefault()
        return
      }
      if (action && runEditorKeyAction(action, useAppStore.getState(), useAppStore.getState)) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [enabled])
}
