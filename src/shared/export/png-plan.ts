/**
 * How big a PNG of the whole board can be. Chromium's canvases fail silently (a blank image)
 * past 32,767 pixels a side or 268,435,456 pixels in all; the PNG is kept inside both by
 * lowering the pixel ratio, and the caller says so. Rendering goes tile by tile so no canvas
 * but the final one is ever large.
 */

/** Longest side of a Chromium canvas, in pixels. */
export const MAX_CANVAS_SIDE = 32_767
/** Most pixels a Chromium canvas holds (2^28). */
export const MAX_CANVAS_AREA = 268_435_456

export const PNG_RATIOS = [1, 2, 3] as const
export type PngRatio = (typeof PNG_RATIOS)[number]

export interface PngPlan {
  /** Pixels per board unit, possibly lower than asked. */
  readonly ratio: number
  readonly requestedRatio: number
  /** Why the ratio is lower than asked, or null when it is not. */
  readonly limitedBy: 'side' | 'area' | null
  readonly width: number
  readonly height: number
  /** Board units per tile side; a tile is at most about 2,048 pixels a side. */
  readonly tile: number
  readonly columns: number
  readonly rows: number
}

const TILE_PIXELS = 2048

export function planPng(boardWidth: number, boardHeight: number, requestedRatio: number): PngPlan {
  const w = Math.max(1, boardWidth)
  const h = Math.max(1, boardHeight)
  let ratio = requestedRatio
  let limitedBy: PngPlan['limitedBy'] = null
  const bySide = Math.min(MAX_CANVAS_SIDE / w, MAX_CANVAS_SIDE / h)
  if (bySide < ratio) {
    ratio = bySide
    limitedBy = 'side'
  }
  const byArea = Math.sqrt(MAX_CANVAS_AREA / (w * h))
  if (byArea < ratio) {
    ratio = byArea
    limitedBy = 'area'
  }
  // Hundredths, rounded down, so every tile is a whole number of pixels and the limits hold.
  if (limitedBy) ratio = Math.max(0.01, Math.floor(ratio * 100) / 100)
  const width = Math.ceil(w * ratio)
  const height = Math.ceil(h * ratio)
  // A tile of a whole hundred board units is a whole number of pixels at any ratio in hundredths.
  const tile = Math.max(100, Math.floor(TILE_PIXELS / ratio / 100) * 100)
  return {
    ratio,
    requestedRatio,
    limitedBy,
    width,
    height,
    tile,
    columns: Math.ceil(w / tile),
    rows: Math.ceil(h / tile)
  }
}
