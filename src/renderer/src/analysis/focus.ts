/**
 * Where a finding is on the board, and the camera that shows it: the rectangle of its notes (or
 * of its stages' cells in its lane, or its whole stages, or its whole lane), the selection that
 * goes with it, and a camera that fits the rectangle into the part of the view not covered by a
 * panel, clear of the sticky stage and lane headers. Pure.
 */
import type { FocusTarget } from '../../../shared/analysis'
import { clampZoom, LAYOUT, type Camera, type Rect, type Scene } from '../../../shared/layout'
import type { Selection } from '../store/editor'

function union(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null
  let x1 = Infinity
  let y1 = Infinity
  let x2 = -Infinity
  let y2 = -Infinity
  for (const r of rects) {
    x1 = Math.min(x1, r.x)
    y1 = Math.min(y1, r.y)
    x2 = Math.max(x2, r.x + r.w)
    y2 = Math.max(y2, r.y + r.h)
  }
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 }
}

/** The board rectangle a finding points at, or null when none of it is on the board. */
export function focusRect(scene: Scene, target: FocusTarget): Rect | null {
  if (target.noteIds.length > 0) {
    const ids = new Set(target.noteIds)
    const notes = union(scene.notes.filter((n) => ids.has(n.id)))
    if (notes) return notes
  }
  if (target.stageIds.length === 0 && target.laneId === null) return null
  const stages = new Set(target.stageIds)
  return union(
    scene.cells.filter(
      (c) => (stages.size === 0 || stages.has(c.stageId)) && (target.laneId === null || c.laneId === target.laneId)
    )
  )
}

/** What to select for a finding: its notes, else its cell, stage or lane. */
export function focusSelection(target: FocusTarget): Selection {
  const [stageId] = target.stageIds
  if (target.noteIds.length > 0) return { kind: 'notes', noteIds: target.noteIds }
  if (stageId !== undefined && target.stageIds.length === 1 && target.laneId !== null) {
    return { kind: 'cell', stageId, laneId: target.laneId }
  }
  if (stageId !== undefined) return { kind: 'stage', stageId }
  if (target.laneId !== null) return { kind: 'lane', laneId: target.laneId }
  return { kind: 'none' }
}

/** A part of the view, in screen pixels from the board view's top-left corner. */
export interface ViewArea {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/**
 * The camera that shows `rect` whole and centred in `area`, no closer than `maxZoom`. The sticky
 * headers cover the top of the view (and its left, when the area starts at the view's left edge),
 * so the rectangle is fitted into what they leave; `headers: false` for a rectangle that
 * includes them (the whole board).
 */
export function cameraToShow(rect: Rect, area: ViewArea, maxZoom = 1.25, margin = 24, headers = true): Camera {
  const left = area.x > 0 || !headers ? 0 : LAYOUT.laneHeaderWidth
  const top = area.y > 0 || !headers ? 0 : LAYOUT.stageHeaderHeight
  const innerW = Math.max(1, area.width - 2 * margin)
  const innerH = Math.max(1, area.height - 2 * margin)
  const zoom = clampZoom(Math.min(maxZoom, innerW / (rect.w + left), innerH / (rect.h + top)))
  return {
    zoom,
    x: area.x + margin + left * zoom + (innerW - (rect.w + left) * zoom) / 2 - rect.x * zoom,
    y: area.y + margin + top * zoom + (innerH - (rect.h + top) * zoom) / 2 - rect.y * zoom
  }
}
