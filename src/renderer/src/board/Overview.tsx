/**
 * Finding one's way on a big map: titles that stay readable at any zoom (when the board's own
 * sticky titles are too small to read, the stage and lane titles are shown beside the board at
 * 12 px, following the camera), and a minimap — the whole map small, the view as a frame, a
 * click or drag there moves the view. Both are HTML over the canvas, moved on camera changes.
 */
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react'
import { COLORS, LAYOUT, type Scene } from '../../../shared/layout'
import { boardPalette, onBoardPalette, themedContext } from './render/palette'
import { t } from '../i18n'
import type { CameraController } from './camera'
import { setBoardUi, useBoardUi } from '../editing/ui-store'

/** Below this many screen pixels (zoom < 40 %, where notes turn into blocks), the board's stage titles (15 units) are not readable. */
const READABLE_TITLE_PX = 6
const MIN_LABEL_WIDTH = 72
const MAX_LABEL_WIDTH = 160
const LANE_LABEL_HEIGHT = 22
/** The band the stage titles take at the top of the view. */
const STAGE_BAND = 24
const titleText = (texts: Scene['stageHeaders'][number]['texts']) => texts[0]?.lines.map((l) => l.text).join(' ') ?? ''

const useCamera = (camera: CameraController) =>
  useSyncExternalStore(
    (listener) => camera.subscribe(listener),
    () => camera.camera
  )

/** Stage titles along the top and lane titles down the left, when the board's own are too small. */
export function ReadableTitles({ scene, camera }: { scene: Scene; camera: CameraController }) {
  const { x, y, zoom } = useCamera(camera)
  if (LAYOUT.stageTitleFont.size * zoom >= READABLE_TITLE_PX) return null
  const { width, height } = camera.viewport
  // Each title at its stage's left edge (its lane's top), as wide (tall) as the stage (lane) or a
  // readable minimum; a title that would overlap the one before is left out, so far out every few
  // stages are named and the rest are counted between them.
  const stages: { id: string; title: string; left: number; w: number }[] = []
  let nextLeft = -Infinity
  for (const h of scene.stageHeaders) {
    const left = h.x * zoom + x
    const w = Math.max(h.w * zoom, MIN_LABEL_WIDTH)
    if (left + h.w * zoom <= 0 || left >= width || left < nextLeft) continue
    stages.push({ id: h.id, title: titleText(h.texts), left, w: Math.min(w, MAX_LABEL_WIDTH) })
    nextLeft = left + Math.min(w, MAX_LABEL_WIDTH) + 4
  }
  const lanes: { id: string; title: string; top: number; h: number }[] = []
  let nextTop = STAGE_BAND
  for (const h of scene.laneHeaders) {
    const top = Math.max(h.y * zoom + y, STAGE_BAND)
    if (h.y * zoom + y + h.h * zoom <= STAGE_BAND || top >= height || top < nextTop) continue
    lanes.push({ id: h.id, title: titleText(h.texts), top, h: Math.max(h.h * zoom, LANE_LABEL_HEIGHT) })
    nextTop = top + LANE_LABEL_HEIGHT + 2
  }
  return (
    <div className="readable-titles" aria-hidden="true">
      {stages.map((s) => (
        <span key={s.id} className="readable-stage" style={{ left: Math.max(0, s.left), width: s.w }}>
          {s.title}
        </span>
      ))}
      {lanes.map((l) => (
        <span key={l.id} className="readable-lane" style={{ top: l.top, height: LANE_LABEL_HEIGHT }}>
          {l.title}
        </span>
      ))}
    </div>
  )
}

const MINIMAP_WIDTH = 220
/** A tall map's minimap is narrower instead (a 50,000-note board is 60 times taller than wide). */
const MINIMAP_MAX_HEIGHT = 320

/** The whole map small, the view as a frame; click or drag to move there. */
export function Minimap({ scene, camera }: { scene: Scene; camera: CameraController }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const frame = useRef<HTMLDivElement>(null)
  const scale = Math.min(MINIMAP_WIDTH / Math.max(1, scene.width), MINIMAP_MAX_HEIGHT / Math.max(1, scene.height))
  const width = Math.max(24, Math.round(scene.width * scale))
  const height = Math.max(24, Math.round(scene.height * scale))
  const palette = useSyncExternalStore(onBoardPalette, boardPalette)

  // The map, drawn once per layout: cells' grid lines, notes as blocks of their colour.
  useLayoutEffect(() => {
    const raw = canvas.current?.getContext('2d')
    if (!raw) return
    const ctx = themedContext(raw, palette)
    const ratio = window.devicePixelRatio || 1
    ctx.canvas.width = width * ratio
    ctx.canvas.height = height * ratio
    ctx.setTransform(ratio * scale, 0, 0, ratio * scale, 0, 0)
    ctx.fillStyle = COLORS.cell
    ctx.fillRect(0, 0, scene.width, scene.height)
    ctx.fillStyle = COLORS.header
    for (const h of scene.stageHeaders) ctx.fillRect(h.x, h.y, h.w, h.h)
    for (const h of scene.laneHeaders) ctx.fillRect(h.x, h.y, h.w, h.h)
    for (const n of scene.notes) {
      ctx.fillStyle = n.fill
      ctx.fillRect(n.x, n.y, n.w, n.h)
    }
    ctx.strokeStyle = COLORS.guideZero
    ctx.lineWidth = 1 / scale
    for (const h of scene.stageHeaders) ctx.strokeRect(h.x, 0, h.w, scene.height)
    for (const h of scene.laneHeaders) ctx.strokeRect(0, h.y, scene.width, h.h)
  }, [scene, scale, width, height, palette])

  // The view's frame follows the camera.
  useLayoutEffect(() => {
    const el = frame.current
    if (!el) return
    const update = () => {
      const v = camera.visible()
      el.style.transform = `translate(${Math.max(0, v.x * scale)}px, ${Math.max(0, v.y * scale)}px)`
      el.style.width = `${Math.min(width, v.w * scale)}px`
      el.style.height = `${Math.min(height, v.h * scale)}px`
    }
    update()
    return camera.subscribe(update)
  }, [camera, scale, width, height])

  const moveTo = (e: React.PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect()
    const bx = (e.clientX - box.left) / scale
    const by = (e.clientY - box.top) / scale
    const { width, height: h } = camera.viewport
    const { zoom } = camera.camera
    camera.set({ zoom, x: width / 2 - bx * zoom, y: h / 2 - by * zoom })
  }
  return (
    <div
      className="minimap"
      role="img"
      aria-label={t('overview.label')}
      style={{ width, height }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId)
        moveTo(e)
      }}
      onPointerMove={(e) => {
        if (e.buttons === 1) moveTo(e)
      }}
    >
      <canvas ref={canvas} style={{ width, height }} />
      <div ref={frame} className="minimap-view" />
    </div>
  )
}

/** Big maps open with the minimap shown. */
export const BIG_MAP_NOTES = 150

/** Whether the minimap shows: as the user last chose on this board, or on for big maps. */
export function useOverviewOpen(notes: number): boolean {
  const choice = useBoardUi((s) => s.overviewOpen)
  return choice ?? notes >= BIG_MAP_NOTES
}

/** The minimap's toggle, in the zoom bar. */
export function OverviewButton({ notes }: { notes: number }) {
  const open = useOverviewOpen(notes)
  return (
    <button
      type="button"
      className="overview-toggle"
      aria-pressed={open}
      onClick={() => setBoardUi({ overviewOpen: !open })}
      title={t('overview.toggle')}
    >
      {t('overview.button')}
    </button>
  )
}

/** The minimap above the zoom bar, when it is on. */
export function Overview({ scene, camera, notes }: { scene: Scene; camera: CameraController; notes: number }) {
  const open = useOverviewOpen(notes)
  return open ? (
    <div className="overview">
      <Minimap scene={scene} camera={camera} />
    </div>
  ) : null
}
