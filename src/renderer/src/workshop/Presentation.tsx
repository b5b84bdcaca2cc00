/**
 * Presentation mode: the board alone on the screen (full screen where allowed, the app's chrome
 * hidden by the `data-presenting` flag on the document), stepping through the stages one by one —
 * each zoomed to fill the screen and lit while the rest of the board dims — and then the whole
 * map. Arrow keys, Page Up/Down and Space step; Home and End jump; Esc leaves, and the board
 * goes back to where it was.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { fitCamera, type Camera, type Scene } from '../../../shared/layout'
import { cameraToShow } from '../analysis/focus'
import type { CameraController } from '../board/camera'
import { t } from '../i18n'
import { stopPresentation } from './actions'
import { moveCamera } from './board-link'
import { setWorkshop } from './store'

/** What each step shows: a stage's column, or the whole map (null). */
export type PresentationStep = { readonly stageId: string; readonly title: string } | null

/** Height of the band at the bottom of the screen the presentation bar and the timer take. */
const CONTROLS_HEIGHT = 104

export function presentationSteps(scene: Scene): PresentationStep[] {
  const stages = scene.stageHeaders
    .filter((h) => !h.collapsed)
    .map((h) => ({ stageId: h.id, title: h.texts[0]?.lines.map((l) => l.text).join(' ') ?? '' }))
  return [...stages, null]
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

export function Presentation({ scene, camera, step }: PresentationProps) {
  const steps = useMemo(() => presentationSteps(scene), [scene])
  const last = steps.length - 1
  const current = Math.min(step, last)
  const shown = steps[current] ?? null

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
      else setWorkshop({ presenting: { step: next } })
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

  // Zoom to the step; again at once whenever the view changes size (full screen, chrome hidden).
  useEffect(() => {
    const target = (): Camera | null => {
      const { width, height } = camera.viewport
      if (width === 0 || height === 0) return null
      // The bottom of the screen holds the presentation bar and the timer.
      const free = { width, height: height - CONTROLS_HEIGHT }
      if (!shown) return fitCamera({ x: 0, y: 0, w: scene.width, h: scene.height }, free, 24, 1)
      const column = scene.cells.filter((c) => c.stageId === shown.stageId)
      const header = scene.stageHeaders.find((h) => h.id === shown.stageId)
      if (!header || column.length === 0) return null
      const bottom = Math.max(...column.map((c) => c.y + c.h))
      const cells = { x: header.x, y: header.y + header.h, w: header.w, h: bottom - header.y - header.h }
      return cameraToShow(cells, { x: 0, y: 0, ...free }, 2, 32)
    }
    const first = target()
    if (first) moveCamera(camera, first)
    let size = `${camera.viewport.width}x${camera.viewport.height}`
    return camera.subscribe(() => {
      const now = `${camera.viewport.width}x${camera.viewport.height}`
      if (now === size) return
      size = now
      const again = target()
      if (again) camera.set(again)
    })
  }, [camera, scene, shown])

  return (
    <div className="present-bar" role="toolbar" aria-label={t('workshop.present.label')}>
      <button
        type="button"
        onClick={() => setWorkshop({ presenting: { step: Math.max(0, current - 1) } })}
        disabled={current === 0}
        aria-label={t('workshop.present.previous')}
        title={t('workshop.present.previous')}
      >
        ←
      </button>
      <span className="present-where" role="status">
        {shown
          ? t('workshop.present.stage', { n: current + 1, count: last, title: shown.title })
          : t('workshop.present.whole')}
      </span>
      <button
        type="button"
        onClick={() => setWorkshop({ presenting: { step: Math.min(last, current + 1) } })}
        disabled={current === last}
        aria-label={t('workshop.present.next')}
        title={t('workshop.present.next')}
      >
        →
      </button>
      <span className="present-keys">{t('workshop.present.keys')}</span>
      <button type="button" onClick={stopPresentation}>
        {t('workshop.present.exit')}
      </button>
    </div>
  )
}

/** The presented stage lit, everything else dimmed; drawn in board units on the camera plane. */
export function PresentationHighlight({ scene, step }: { readonly scene: Scene; readonly step: number }) {
  const steps = useMemo(() => presentationSteps(scene), [scene])
  const shown = steps[Math.min(step, steps.length - 1)]
  const header = shown ? scene.stageHeaders.find((h) => h.id === shown.stageId) : undefined
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
