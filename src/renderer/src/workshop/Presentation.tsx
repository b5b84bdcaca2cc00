/**
 * Presentation mode: the board alone on the screen (full screen where allowed, the app's chrome
 * hidden by the `data-presenting` flag on the document), stepping through the stages one by one —
 * each zoomed so its notes read at 14 px or more, in pages of lanes when it is taller than the
 * screen (editing/present.ts), lit while the rest of the board dims — and then the whole map.
 * "By lane" steps lane by lane; "Stages…" picks the stages to present. Arrow keys, Page Up/Down
 * and Space step; Home and End jump; Esc leaves, and the board goes back to where it was.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { Camera, Scene } from '../../../shared/layout'
import type { CameraController } from '../board/camera'
import { presentCamera, presentationSteps, type PresentStep, type PresentUnit, type Room } from '../editing/present'
import { t } from '../i18n'
import { stopPresentation } from './actions'
import { moveCamera } from './board-link'
import { setWorkshop, useWorkshop } from './store'

/** Height of the band at the bottom of the screen the presentation bar (and the timer) take. */
const CONTROLS_HEIGHT = 76

/** The room a step is shown in: the board's view above the presentation bar. */
function roomOf(camera: CameraController): Room {
  const { width, height } = camera.viewport
  return { x: 0, y: 0, width, height: Math.max(1, height - CONTROLS_HEIGHT) }
}

const useViewSize = (camera: CameraController) =>
  useSyncExternalStore(
    (listener) => camera.subscribe(listener),
    () => `${camera.viewport.width}x${camera.viewport.height}`
  )

/** The presentation's steps for the board as it is now (its size, the unit, the chosen stages). */
export function usePresentSteps(scene: Scene, camera: CameraController): PresentStep[] {
  const size = useViewSize(camera)
  const unit = useWorkshop((s) => s.presenting?.unit ?? 'stage')
  const stageIds = useWorkshop((s) => s.presenting?.stageIds ?? null)
  // `size` stands for the camera's viewport, which roomOf reads.
  return useMemo(
    () => (size ? presentationSteps(scene, roomOf(camera), { unit, stageIds }) : []),
    [scene, camera, size, unit, stageIds]
  )
}

const setPresenting = (patch: { step?: number; unit?: PresentUnit; stageIds?: readonly string[] | null }) => {
  const now = useWorkshop.getState().presenting
  if (now) setWorkshop({ presenting: { ...now, ...patch } })
}

/** The key's step, relative ('next', 'previous') or absolute; null for keys presenting ignores. */
function stepForKey(key: string, step: number, last: number): number | 'leave' | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
      return Math.min(last, step + 1)
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return Math.max(0, step - 1)
    case 'Home':
      return 0
    case 'End':
      return last
    case 'Escape':
      return 'leave'
    default:
      return null
  }
}

const isField = (target: EventTarget | null) => {
  const el = target as HTMLElement | null
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
}

export interface PresentationProps {
  readonly scene: Scene
  readonly camera: CameraController
  readonly step: number
}

/** What the bar says about a step. */
function whereOf(step: PresentStep): string {
  if (!step.stageId) return t('workshop.present.whole')
  const stage = t('workshop.present.stage', { n: step.n, count: step.count, title: step.title })
  return step.pages > 1 ? t('workshop.present.page', { stage, page: step.page, pages: step.pages }) : stage
}

export function Presentation({ scene, camera, step }: PresentationProps) {
  const steps = usePresentSteps(scene, camera)
  const last = steps.length - 1
  const current = Math.min(step, last)
  const shown = steps[current] ?? null
  const unit = useWorkshop((s) => s.presenting?.unit ?? 'stage')
  const chosen = useWorkshop((s) => s.presenting?.stageIds ?? null)
  const [choosing, setChoosing] = useState(false)

  // Chrome hidden while presenting; the camera put back when it ends.
  const before = useRef<Camera | null>(null)
  useLayoutEffect(() => {
    before.current = camera.camera
    const root = document.documentElement
    root.dataset.presenting = ''
    return () => {
      delete root.dataset.presenting
      const back = before.current
      // After the chrome is back and the view has its old size again.
      if (back) requestAnimationFrame(() => moveCamera(camera, back))
    }
  }, [camera])

  // Keys go to the presentation first; the board's own keys (arrows move the selection) wait.
  const stepRef = useRef({ current, last })
  useLayoutEffect(() => {
    stepRef.current = { current, last }
  }, [current, last])
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return
      if (event.key !== 'Escape' && isField(event.target)) return
      const next = stepForKey(event.key, stepRef.current.current, stepRef.current.last)
      if (next === null) return
      event.preventDefault()
      event.stopImmediatePropagation()
      if (next === 'leave') stopPresentation()
      else setPresenting({ step: next })
    }
    // Leaving full screen (the browser's own Esc) leaves presenting too.
    const onFullscreen = () => {
      if (!document.fullscreenElement) stopPresentation()
    }
    window.addEventListener('keydown', onKey, { capture: true })
    document.addEventListener('fullscreenchange', onFullscreen)
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true })
      document.removeEventListener('fullscreenchange', onFullscreen)
    }
  }, [])

  // Glide to the step; at once when only the view's size changed (full screen, chrome hidden).
  const glided = useRef<PresentStep | null>(null)
  useEffect(() => {
    if (!shown || camera.viewport.width === 0) return
    const target = presentCamera(shown, scene, roomOf(camera))
    const same = glided.current?.stageId === shown.stageId && glided.current.page === shown.page
    if (same) camera.set(target)
    else moveCamera(camera, target)
    glided.current = shown
  }, [camera, scene, shown])

  const stages = scene.stageHeaders.filter((h) => !h.collapsed)
  return (
    <div className="present-bar" role="toolbar" aria-label={t('workshop.present.label')}>
      <button
        type="button"
        onClick={() => setPresenting({ step: Math.max(0, current - 1) })}
        disabled={current === 0}
        aria-label={t('workshop.present.previous')}
        title={t('workshop.present.previous')}
      >
        ←
      </button>
      <span className="present-where" role="status">
        {shown ? whereOf(shown) : ''}
      </span>
      <button
        type="button"
        onClick={() => setPresenting({ step: Math.min(last, current + 1) })}
        disabled={current === last}
        aria-label={t('workshop.present.next')}
        title={t('workshop.present.next')}
      >
        →
      </button>
      <button
        type="button"
        aria-pressed={unit === 'lane'}
        onClick={() => setPresenting({ unit: unit === 'lane' ? 'stage' : 'lane', step: 0 })}
        title={t('workshop.present.byLaneHint')}
      >
        {t('workshop.present.byLane')}
      </button>
      <div className="present-choose">
        <button type="button" aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>
          {t('workshop.present.choose')}
        </button>
        {choosing && (
          <fieldset className="present-stages">
            <legend>{t('workshop.present.chooseLegend')}</legend>
            {stages.map((h) => {
              const title = h.texts[0]?.lines.map((l) => l.text).join(' ') ?? ''
              const on = !chosen || chosen.includes(h.id)
              return (
                <label key={h.id}>
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={() => {
                      const all = stages.map((x) => x.id)
                      const now = new Set(chosen ?? all)
                      if (on) now.delete(h.id)
                      else now.add(h.id)
                      const next = all.filter((id) => now.has(id))
                      setPresenting({ stageIds: next.length === all.length ? null : next, step: 0 })
                    }}
                  />{' '}
                  {title}
                </label>
              )
            })}
          </fieldset>
        )}
      </div>
      <span className="present-keys">{t('workshop.present.keys')}</span>
      <button type="button" onClick={stopPresentation}>
        {t('workshop.present.exit')}
      </button>
    </div>
  )
}

/** The presented stage lit, everything else dimmed; drawn in board units on the camera plane. */
export function PresentationHighlight({
  scene,
  camera,
  step
}: {
  readonly scene: Scene
  readonly camera: CameraController
  readonly step: number
}) {
  const steps = usePresentSteps(scene, camera)
  const shown = steps[Math.min(step, steps.length - 1)]
  const header = shown?.stageId ? scene.stageHeaders.find((h) => h.id === shown.stageId) : undefined
  if (!header) return null
  return (
    <div
      className="present-highlight"
      data-stage-id={header.id}
      aria-hidden="true"
      style={{ left: header.x, top: 0, width: header.w, height: scene.height }}
    />
  )
}
