/**
 * Camera math for painting a scene on a screen: screen = board × zoom + (x, y). Pure, so the
 * board, the PNG export and tests share it.
 */
import type { Rect } from './scene'

export interface Camera {
  /** Screen position of the board's origin. */
  readonly x: number
  readonly y: number
  /** Screen pixels per board unit: 1 is 100%. */
  readonly zoom: number
}

export interface Size {
  readonly width: number
  readonly height: number
}

export const ZOOM_MIN = 0.05
export const ZOOM_MAX = 4
/** The stops +/− walk through. */
export const ZOOM_STEPS = [0.05, 0.1, 0.15, 0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3, 4] as const

/** `min`: the smallest zoom allowed, ZOOM_MIN or less for a board that needs less to fit (minZoomFor). */
export const clampZoom = (zoom: number, min: number = ZOOM_MIN) => Math.min(ZOOM_MAX, Math.max(min, zoom))

/**
 * The smallest zoom for a board in a viewport: ZOOM_MIN, or less when the whole board only
 * fits at less (a 50,000-note board is 160,000 units tall), so zooming out always reaches "all of it".
 */
export function minZoomFor(board: Size, viewport: Size, margin = 24): number {
  if (viewport.width <= 0 || viewport.height <= 0) return ZOOM_MIN
  const fit = Math.min(
    (viewport.width - 2 * margin) / Math.max(1, board.width),
    (viewport.height - 2 * margin) / Math.max(1, board.height)
  )
  return Math.max(1e-4, Math.min(ZOOM_MIN, fit))
}

/** Zooms to `zoom`, keeping the board point under `anchor` (a screen point) where it is. */
export function zoomAt(camera: Camera, zoom: number, anchor: { x: number; y: number }, min = ZOOM_MIN): Camera {
  const next = clampZoom(zoom, min)
  const boardX = (anchor.x - camera.x) / camera.zoom
  const boardY = (anchor.y - camera.y) / camera.zoom
  return { zoom: next, x: anchor.x - boardX * next, y: anchor.y - boardY * next }
}

/** The next zoom stop in a direction (+1 in, −1 out) from any zoom; below the stops, `min`. */
export function stepZoom(zoom: number, direction: 1 | -1, min = ZOOM_MIN): number {
  const eps = 1e-3
  if (direction > 0) return ZOOM_STEPS.find((s) => s > zoom + eps) ?? ZOOM_MAX
  return [...ZOOM_STEPS].reverse().find((s) => s < zoom - eps && s > min) ?? min
}

/**
 * A two-finger pinch moved from `from` to `to` (two screen points each): the zoom follows the
 * distance between the fingers and the board point under their midpoint follows the midpoint.
 */
export function pinchCamera(
  camera: Camera,
  from: readonly [{ x: number; y: number }, { x: number; y: number }],
  to: readonly [{ x: number; y: number }, { x: number; y: number }],
  min = ZOOM_MIN
): Camera {
  const distance = (p: typeof from) => Math.hypot(p[1].x - p[0].x, p[1].y - p[0].y)
  const middle = (p: typeof from) => ({ x: (p[0].x + p[1].x) / 2, y: (p[0].y + p[1].y) / 2 })
  const before = distance(from)
  const zoom = clampZoom(before > 0 ? (camera.zoom * distance(to)) / before : camera.zoom, min)
  const a = middle(from)
  const b = middle(to)
  const boardX = (a.x - camera.x) / camera.zoom
  const boardY = (a.y - camera.y) / camera.zoom
  return { zoom, x: b.x - boardX * zoom, y: b.y - boardY * zoom }
}

/** Wheel delta (ctrl/cmd+wheel, trackpad pinch) to a zoom factor: smooth for small deltas. */
export const wheelZoomFactor = (deltaY: number) => Math.exp(-Math.max(-100, Math.min(100, deltaY)) * 0.0025)

/** A camera showing all of `rect` centred in the viewport, with a margin, never above `maxZoom`. */
export function fitCamera(rect: Rect, viewport: Size, margin = 24, maxZoom = 1, min = ZOOM_MIN): Camera {
  const zoom = clampZoom(
    Math.min(
      maxZoom,
      (viewport.width - 2 * margin) / Math.max(1, rect.w),
      (viewport.height - 2 * margin) / Math.max(1, rect.h)
    ),
    min
  )
  return {
    zoom,
    x: (viewport.width - rect.w * zoom) / 2 - rect.x * zoom,
    y: (viewport.height - rect.h * zoom) / 2 - rect.y * zoom
  }
}

/** The part of the board the viewport shows, in board units. */
export function visibleRect(camera: Camera, viewport: Size): Rect {
  return {
    x: -camera.x / camera.zoom,
    y: -camera.y / camera.zoom,
    w: viewport.width / camera.zoom,
    h: viewport.height / camera.zoom
  }
}

/** Keeps at least `keep` screen pixels of the board in view, so it can never be panned away. */
export function constrainCamera(camera: Camera, board: Size, viewport: Size, keep = 120): Camera {
  const w = board.width * camera.zoom
  const h = board.height * camera.zoom
  const keepX = Math.min(keep, w)
  const keepY = Math.min(keep, h)
  return {
    zoom: camera.zoom,
    x: Math.min(viewport.width - keepX, Math.max(keepX - w, camera.x)),
    y: Math.min(viewport.height - keepY, Math.max(keepY - h, camera.y))
  }
}

export const intersects = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

export const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h

export const inflate = (r: Rect, dx: number, dy = dx): Rect => ({
  x: r.x - dx,
  y: r.y - dy,
  w: r.w + 2 * dx,
  h: r.h + 2 * dy
})
