/**
 * Copy, cut and paste of notes on the open map: the clipboard (system-clipboard.ts) wired to the
 * pure planning of clipboard.ts and the editor store. Cut is a copy and one deleteNotes; a paste
 * is one undo step however many notes it adds, and selects them.
 */
import { JourneyError } from '../../../shared/errors'
import type { AppState } from '../store'
import { copyPayload, planPaste, plainTextOf, readClipboardText } from './clipboard'
import { readNotesClipboard, writeNotesClipboard } from './system-clipboard'

/** Copies the notes (and deletes them when cutting, as one undo step). */
export async function copyNotes(state: AppState, noteIds: readonly string[], cut = false): Promise<boolean> {
  const map = state.openMap
  if (!map) return false
  const payload = copyPayload(map, noteIds)
  if (!payload) return false
  const written = writeNotesClipboard(JSON.stringify(payload), plainTextOf(payload))
  if (cut) state.execute('deleteNotes', { noteIds })
  await written
  return true
}

/** Pastes what the clipboard holds into the selection (or the same places) of the open map. */
export async function pasteNotes(latest: () => AppState): Promise<boolean> {
  const text = await readNotesClipboard()
  if (text === null) return false
  const content = readClipboardText(text)
  const state = latest()
  const map = state.openMap
  if (!map) return false
  if ('problem' in content) {
    state.showError(new JourneyError('invalid_request', content.problem))
    return false
  }
  const plan = planPaste(map, state.selection, content.notes)
  if ('problem' in plan) {
    state.showError(new JourneyError('invalid_request', plan.problem))
    return false
  }
  const result = state.executeMany('addNote', plan.calls)
  if (!result) return false
  state.selectNotes(result.createdIds)
  return true
}
