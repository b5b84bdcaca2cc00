/**
 * The note text editor: a <textarea> laid exactly over the note (or over the place a new note
 * will take at the end of its cell), with the note's font, line height, padding, colour and
 * wrapping width, scaled by the zoom and moved with the camera. Typing starts at once. Esc
 * cancels; ctrl/cmd+Enter or clicking away commits. A new note is created only on commit, and
 * only when it has text, so cancelling leaves neither a note nor an undo step.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { LAYOUT, textColorOn, type Rect, type Scene } from '../../../shared/layout'
import type { JourneyMap } from '../../../shared/model'
import { LIMITS } from '../../../shared/schema/entities'
import { registerDraft } from '../editor/leave-guard'
import { t } from '../i18n'
import { useAppStore } from '../store'
import type { CameraController } from './camera'
import { commitNoteText, newNoteColor } from '../editing/actions'
import { useFollowCamera } from './interaction/follow-camera'
import { newNoteRect, notesOfCell } from './interaction/geometry'
import { setBoardUi, type EditorTarget } from '../editing/ui-store'
import type { SceneIndex } from './scene-index'

export interface NoteEditorProps {
  readonly target: EditorTarget
  readonly scene: Scene
  readonly index: SceneIndex
  readonly map: JourneyMap
  readonly camera: CameraController
  /** Where the keyboard goes back to after Esc or ctrl+Enter. */
  readonly board: RefObject<HTMLElement | null>
}

interface Placement {
  readonly rect: Rect
  readonly fill: string
  readonly ink: string
  readonly text: string
}

function placementOf(target: EditorTarget, scene: Scene, index: SceneIndex, map: JourneyMap): Placement | null {
  if (target.kind === 'note') {
    const item = scene.notes.find((n) => n.id === target.noteId)
    const note = map.notes.find((n) => n.id === target.noteId)
    if (!item || !note) return null
    return { rect: item, fill: item.fill, ink: item.text.color, text: note.text }
  }
  const cell = scene.cells.find((c) => c.stageId === target.stageId && c.laneId === target.laneId)
  if (!cell || cell.collapsed) return null
  const fill = newNoteColor(map, target.laneId)
  return { rect: newNoteRect(cell, notesOfCell(index, cell)), fill, ink: textColorOn(fill), text: '' }
}

/** Grows the field with its text, from the note's height up to the tallest a note gets. */
function fit(el: HTMLTextAreaElement, minHeight: number): void {
  el.style.height = 'auto'
  el.style.height = `${Math.min(Math.max(el.scrollHeight, minHeight), Math.max(minHeight, LAYOUT.noteMaxHeight))}px`
}

export function NoteEditor({ target, scene, index, map, camera, board }: NoteEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null)
  const finished = useRef(false)
  const placement = useMemo(() => placementOf(target, scene, index, map), [target, scene, index, map])
  // The text it opened with: later changes to the map (someone else's edit) do not reset typing.
  const [initialText] = useState(() => placement?.text ?? '')
  // What is typed so far, readable after the field is gone.
  const typed = useRef(initialText)

  // Typed text is work to lose: leaving the page asks first.
  useEffect(() => registerDraft(() => !finished.current && typed.current !== initialText), [initialText])

  const rect = placement?.rect ?? null
  const place = useCallback(() => (rect ? { x: rect.x, y: rect.y } : null), [rect])
  useFollowCamera(camera, ref, place, true)

  useLayoutEffect(() => {
    const el = ref.current
    if (!el || !rect) return
    fit(el, rect.h)
  }, [rect])

  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    el.focus({ preventScroll: true })
    el.setSelectionRange(el.value.length, el.value.length)
  }, [])

  // The note went away while being edited (undo, someone else deleted it): nothing to edit, but
  // what was typed is kept (with a way to restore the note).
  useLayoutEffect(() => {
    if (placement) return
    if (!finished.current && typed.current !== initialText && typed.current.trim() !== '') {
      finished.current = true
      const state = useAppStore.getState()
      // A note hidden (its stage folded) still takes the text; a deleted one keeps it aside.
      if (target.kind === 'note') commitNoteText(state, target, typed.current, initialText)
      else state.keepText('note', '', { text: typed.current })
    }
    setBoardUi({ editor: null })
  }, [placement, initialText, target])

  const finish = (commit: boolean, refocus: boolean) => {
    if (finished.current) return
    finished.current = true
    const text = ref.current?.value ?? typed.current
    if (commit) commitNoteText(useAppStore.getState(), target, text, target.kind === 'note' ? initialText : undefined)
    else setBoardUi({ editor: null })
    if (refocus) board.current?.focus({ preventScroll: true })
  }

  if (!placement || !rect) return null
  const L = LAYOUT
  return (
    <textarea
      ref={ref}
      className="note-editor"
      dir="auto"
      aria-label={target.kind === 'new' ? t('interaction.editor.newNote') : t('interaction.editor.note')}
      defaultValue={initialText}
      maxLength={LIMITS.noteText}
      spellCheck
      style={{
        width: rect.w,
        minHeight: rect.h,
        padding: L.notePadding,
        font: `${L.noteFont.size}px/${L.noteLineHeight}px ${L.noteFont.family}`,
        borderRadius: L.noteCornerRadius,
        background: placement.fill,
        color: placement.ink
      }}
      onInput={(e) => {
        typed.current = e.currentTarget.value
        fit(e.currentTarget, rect.h)
      }}
      onBlur={() => finish(true, false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          finish(false, true)
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault()
          finish(true, true)
        }
      }}
    />
  )
}
