/**
 * Leaving the page with work that is not in the library: the browser's leave-page prompt while
 * edits are unsaved or text is being typed, and, in the desktop app, the close dialog's choice
 * (src/main/close-guard.ts) carried out: save then close, or discard then close.
 */
import type { StoreApi } from 'zustand'
import type { CloseRequest } from '../../../shared/api/ipc'
import { JourneyError } from '../../../shared/errors'
import { t } from '../i18n'
import type { AppState } from '../store'
import { selectHasUnsavedEdits } from '../store/editor'

/** Open text fields with typed text not yet committed (the note editor registers itself). */
const drafts = new Set<() => boolean>()

/** Registers a text field whose typed text is not an edit yet; returns the unregister function. */
export function registerDraft(isDirty: () => boolean): () => void {
  drafts.add(isDirty)
  return () => drafts.delete(isDirty)
}

export function hasDirtyDrafts(): boolean {
  return [...drafts].some((isDirty) => isDirty())
}

/** True when leaving now would lose something: unsaved edits, or text being typed. */
export function hasWorkToLose(state: AppState): boolean {
  return selectHasUnsavedEdits(state) || hasDirtyDrafts()
}

let leaving = false

/**
 * Asks before the page unloads while there is work to lose (the browser shows its own prompt;
 * the desktop app turns it into the close dialog). Returns the uninstall function.
 */
export function installLeaveGuard(store: Pick<StoreApi<AppState>, 'getState'>): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (leaving || !hasWorkToLose(store.getState())) return
    event.preventDefault()
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = ''
  }
  window.addEventListener('beforeunload', onBeforeUnload)
  return () => window.removeEventListener('beforeunload', onBeforeUnload)
}

/**
 * Carries out the close dialog's choice. Save: text being typed is committed (the field loses
 * focus), every edit is sent, and the window closes once the library has them all; if it cannot
 * have them, the window stays open and says why. Discard: the unsaved edits are forgotten (also
 * in the browser's storage) and the window closes.
 */
export async function closeWindow(store: StoreApi<AppState>, request: CloseRequest): Promise<void> {
  if (request === 'discard') {
    store.getState().discardUnsavedEdits()
    leaving = true
    window.close()
    return
  }
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
  store.getState().retrySave()
  const saved = await new Promise<boolean>((resolve) => {
    // true: all in; false: saving stopped on a failure; null: still saving.
    const settled = (s: AppState) =>
      !selectHasUnsavedEdits(s) ? true : typeof s.saveStatus === 'object' ? false : null
    const now = settled(store.getState())
    if (now !== null) return resolve(now)
    const stop = store.subscribe((s) => {
      const result = settled(s)
      if (result === null) return
      stop()
      resolve(result)
    })
  })
  if (!saved) {
    store.getState().showError(new JourneyError('storage', t('editor.closeNotSaved')))
    return
  }
  leaving = true
  window.close()
}
