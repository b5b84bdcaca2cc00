/**
 * Find on the board (Ctrl/Cmd+F): a field over the board's top right; Enter and Shift+Enter (or
 * the arrows) step through the hits, the camera following each one at a readable zoom, the hit
 * selected; Esc closes. Matching is ../editing/find.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Scene } from '../../../shared/layout'
import type { JourneyMap } from '../../../shared/model'
import { findOnBoard, stepHit, type FindHit } from '../editing/find'
import { t } from '../i18n'
import { useAppStore } from '../store'
import type { CameraController } from './camera'
import { reveal } from './interaction/follow-camera'
import { setBoardUi, useBoardUi } from '../editing/ui-store'

/** A hit is shown at least this large (note text ≥ 13 px). */
const READABLE_ZOOM = 1

function show(camera: CameraController, hit: FindHit): void {
  if (camera.zoom < READABLE_ZOOM) {
    const { width, height } = camera.viewport
    const cx = hit.rect.x + hit.rect.w / 2
    const cy = hit.rect.y + hit.rect.h / 2
    camera.set({ zoom: READABLE_ZOOM, x: width / 2 - cx * READABLE_ZOOM, y: height / 2 - cy * READABLE_ZOOM })
  }
  reveal(camera, hit.rect, hit.kind === 'stage' ? 'x' : hit.kind === 'lane' ? 'y' : 'xy')
  const state = useAppStore.getState()
  if (hit.kind === 'note') state.selectNotes([hit.id])
  else if (hit.kind === 'stage') state.select({ kind: 'stage', stageId: hit.id })
  else state.select({ kind: 'lane', laneId: hit.id })
}

export function FindBar(props: {
  map: JourneyMap
  scene: Scene
  camera: CameraController
  personaNames: ReadonlyMap<string, string>
}) {
  const open = useBoardUi((s) => s.findOpen)
  return open ? <FindField {...props} /> : null
}

function FindField({
  map,
  scene,
  camera,
  personaNames
}: {
  map: JourneyMap
  scene: Scene
  camera: CameraController
  personaNames: ReadonlyMap<string, string>
}) {
  const [query, setQuery] = useState('')
  const [current, setCurrent] = useState(-1)
  const input = useRef<HTMLInputElement>(null)
  const hits = useMemo(() => findOnBoard(map, scene, query, personaNames), [map, scene, query, personaNames])
  useEffect(() => input.current?.focus(), [])

  const go = (direction: 1 | -1) => {
    const next = stepHit(hits.length, current, direction)
    setCurrent(next)
    const hit = hits[next]
    if (hit) show(camera, hit)
  }
  const close = () => {
    setBoardUi({ findOpen: false })
    document.querySelector<HTMLElement>('.board')?.focus()
  }

  const status =
    query.trim() === ''
      ? ''
      : hits.length === 0
        ? t('find.none')
        : t('find.count', { n: Math.max(0, current) + 1, count: hits.length })
  return (
    <div className="find-bar" role="search" aria-label={t('find.label')}>
      <input
        ref={input}
        type="search"
        value={query}
        aria-label={t('find.label')}
        placeholder={t('find.placeholder')}
        onChange={(e) => {
          setQuery(e.target.value)
          setCurrent(-1)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            go(e.shiftKey || e.key === 'ArrowUp' ? -1 : 1)
          } else if (e.key === 'Escape') {
            e.preventDefault()
            e.stopPropagation()
            close()
          }
        }}
      />
      <span className="find-count" role="status" aria-live="polite">
        {status}
      </span>
      <button
        type="button"
        onClick={() => go(-1)}
        disabled={hits.length === 0}
        aria-label={t('find.previous')}
        title={t('find.previous')}
      >
        ↑
      </button>
      <button
        type="button"
        onClick={() => go(1)}
        disabled={hits.length === 0}
        aria-label={t('find.next')}
        title={t('find.next')}
      >
        ↓
      </button>
      <button type="button" onClick={close} aria-label={t('find.close')} title={t('find.close')}>
        ×
      </button>
    </div>
  )
}
