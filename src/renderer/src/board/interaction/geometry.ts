/**
 * What is where on the board, for the pointer: hit testing over the scene (with the sticky
 * headers where the camera put them), where dragged notes would land, where a dragged header
 * would go, and emotion scores from heights. Pure: a scene, a map and the camera in, plain data
 * out, so the gestures built on it run in Node tests.
 */
import {
  LAYOUT,
  plotBand,
  yToScore,
  type CellItem,
  type ConnectorItem,
  type CurveItem,
  type CurvePoint,
  type LaneHeaderItem,
  type MarkerItem,
  type NoteItem,
  type Point,
  type Rect,
  type Scene,
  type StageHeaderItem
} from '../../../../shared/layout'
import type { EmotionScale, JourneyMap } from '../../../../shared/model'
import type { DropTarget } from '../../store/editor'
import type { SceneIndex } from '../scene-index'

/** The camera as the interactions need it. */
export interface BoardView {
  /** Screen pixels per board unit. */
  readonly zoom: number
  /** The board rectangle in view. */
  readonly visible: Rect
}

/** Where the sticky header row and column are drawn right now (board coordinates). */
export interface Sticky {
  /** Top of the stage header row. */
  readonly top: number
  /** Left of the lane header column. */
  readonly left: number
}

/** The headers follow the view's top and left edges, never past the board's far side (as Board.tsx places them). */
export function stickyOf(scene: Scene, visible: Rect): Sticky {
  return {
    top: Math.min(Math.max(0, visible.y), Math.max(0, scene.height - LAYOUT.stageHeaderHeight)),
    left: Math.min(Math.max(0, visible.x), Math.max(0, scene.width - LAYOUT.laneHeaderWidth))
  }
}

/** A header where it is drawn (the sticky offset applied). */
export const stageHeaderRect = (header: StageHeaderItem, sticky: Sticky): Rect => ({
  x: header.x,
  y: sticky.top,
  w: header.w,
  h: header.h
})
export const laneHeaderRect = (header: LaneHeaderItem, sticky: Sticky): Rect => ({
  x: sticky.left,
  y: header.y,
  w: header.w,
  h: header.h
})

/** Size of the collapse button drawn in a header's top-right corner on hover. */
export const TOGGLE_SIZE = 18
const TOGGLE_INSET = 6

/** The collapse/expand button of an expanded header (board coordinates). */
export function toggleRect(rect: Rect): Rect {
  return { x: rect.x + rect.w - TOGGLE_SIZE - TOGGLE_INSET, y: rect.y + TOGGLE_INSET, w: TOGGLE_SIZE, h: TOGGLE_SIZE }
}

export type HeaderPart = 'body' | 'resize' | 'toggle'

export type Hit =
  | { readonly kind: 'note'; readonly note: NoteItem }
  | { readonly kind: 'cell'; readonly cell: CellItem }
  | { readonly kind: 'stageHeader'; readonly header: StageHeaderItem; readonly part: HeaderPart }
  | { readonly kind: 'laneHeader'; readonly header: LaneHeaderItem; readonly part: HeaderPart }
  | { readonly kind: 'curvePoint'; readonly curve: CurveItem; readonly point: CurvePoint }
  | { readonly kind: 'marker'; readonly marker: MarkerItem }
  | { readonly kind: 'connector'; readonly connector: ConnectorItem }
  | { readonly kind: 'corner' }
  | { readonly kind: 'none' }

const inside = (p: Point, r: Rect, pad = 0) =>
  p.x >= r.x - pad && p.x <= r.x + r.w + pad && p.y >= r.y - pad && p.y <= r.y + r.h + pad

/** Distance from p to the segment a–b. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const length2 = dx * dx + dy * dy
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2))
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
}

/** How near (in screen pixels) the pointer must be to grab a thin thing: an edge, a point, an arrow. */
const GRAB_PX = 6

/**
 * What is under a board point, topmost first: the sticky headers (and the corner), then markers,
 * curve points, connectors, notes and cells, the way they are painted.
 */
export function hitTest(scene: Scene, index: SceneIndex, p: Point, view: BoardView): Hit {
  const sticky = stickyOf(scene, view.visible)
  const tolerance = GRAB_PX / view.zoom
  const L = LAYOUT
  if (p.x < 0 || p.y < 0 || p.x > scene.width || p.y > scene.height) return { kind: 'none' }
  const inCornerX = p.x >= sticky.left && p.x <= sticky.left + L.laneHeaderWidth
  const inHeaderRow = p.y >= sticky.top && p.y <= sticky.top + L.stageHeaderHeight
  if (inCornerX && inHeaderRow) return { kind: 'corner' }
  if (inHeaderRow) {
    const edge = scene.stageHeaders.find((h) => !h.collapsed && Math.abs(p.x - (h.x + h.w)) <= tolerance)
    if (edge) return { kind: 'stageHeader', header: edge, part: 'resize' }
    const header = scene.stageHeaders.find((h) => p.x >= h.x && p.x < h.x + h.w)
    if (!header) return { kind: 'none' }
    return { kind: 'stageHeader', header, part: headerPart(header, stageHeaderRect(header, sticky), p) }
  }
  if (inCornerX) {
    const edge = scene.laneHeaders.find((h) => !h.collapsed && Math.abs(p.y - (h.y + h.h)) <= tolerance)
    if (edge) return { kind: 'laneHeader', header: edge, part: 'resize' }
    const header = scene.laneHeaders.find((h) => p.y >= h.y && p.y < h.y + h.h)
    if (!header) return { kind: 'none' }
    return { kind: 'laneHeader', header, part: headerPart(header, laneHeaderRect(header, sticky), p) }
  }
  for (let i = scene.markers.length - 1; i >= 0; i--) {
    const marker = scene.markers[i]!
    if (Math.hypot(p.x - marker.x, p.y - marker.y) <= marker.r + tolerance / 2) return { kind: 'marker', marker }
    if (marker.label && inside(p, marker.label)) return { kind: 'marker', marker }
  }
  const point = curvePointAt(scene, p, view.zoom)
  if (point) return { kind: 'curvePoint', ...point }
  const note = index.noteAt(p)
  for (let i = scene.connectors.length - 1; i >= 0; i--) {
    const connector = scene.connectors[i]!
    if (connector.label && inside(p, connector.label)) return { kind: 'connector', connector }
    if (!note && onPolyline(p, connector.points, tolerance)) return { kind: 'connector', connector }
  }
  if (note) return { kind: 'note', note }
  const cell = index.cellAt(p)
  return cell ? { kind: 'cell', cell } : { kind: 'none' }
}

function headerPart(header: StageHeaderItem | LaneHeaderItem, rect: Rect, p: Point): HeaderPart {
  if (!header.collapsed && inside(p, toggleRect(rect))) return 'toggle'
  return 'body'
}

/** The curve point nearest to p within grabbing distance, if any. */
export function curvePointAt(scene: Scene, p: Point, zoom: number): { curve: CurveItem; point: CurvePoint } | null {
  let best: { curve: CurveItem; point: CurvePoint } | null = null
  let bestDistance = Infinity
  for (const curve of scene.curves) {
    const reach = curve.pointRadius + GRAB_PX / zoom
    for (const point of curve.points) {
      const d = Math.hypot(p.x - point.x, p.y - point.y)
      if (d <= reach && d < bestDistance) {
        best = { curve, point }
        bestDistance = d
      }
    }
  }
  return best
}

/** The drawn notes of one cell, top to bottom. */
export function notesOfCell(index: SceneIndex, cell: CellItem): NoteItem[] {
  return index
    .inRect(cell)
    .notes.filter((n) => n.stageId === cell.stageId && n.laneId === cell.laneId)
    .sort((a, b) => a.index - b.index)
}

/** A horizontal line on the board, where a dragged note would land. */
export interface DropLine {
  readonly x1: number
  readonly x2: number
  readonly y: number
}

/** Whether notes can be put into a lane: the emotion lanes hold the curves. */
export const takesNotes = (map: JourneyMap, laneId: string) =>
  map.lanes.some((l) => l.id === laneId && l.kind !== 'emotions')

/**
 * Where dragged notes would land with the pointer at p: the cell under it (not folded, not an
 * emotion lane, not under a sticky header), and the position among the cell's other notes
 * (before the first one whose middle is below the pointer). Null over anything else.
 */
export function dropAt(
  scene: Scene,
  index: SceneIndex,
  map: JourneyMap,
  p: Point,
  view: BoardView,
  dragged: ReadonlySet<string>
): { target: DropTarget; line: DropLine } | null {
  const sticky = stickyOf(scene, view.visible)
  if (p.y < sticky.top + LAYOUT.stageHeaderHeight || p.x < sticky.left + LAYOUT.laneHeaderWidth) return null
  const cell = index.cellAt(p)
  if (!cell || cell.collapsed || !takesNotes(map, cell.laneId)) return null
  const others = notesOfCell(index, cell).filter((n) => !dragged.has(n.id))
  let at = others.findIndex((n) => n.y + n.h / 2 > p.y)
  if (at === -1) at = others.length
  return {
    target: { stageId: cell.stageId, laneId: cell.laneId, index: at },
    line: dropLine(cell, others, at)
  }
}

/** The line between the notes at `at - 1` and `at` of a cell (or at its top when it is empty). */
export function dropLine(cell: CellItem, others: readonly NoteItem[], at: number): DropLine {
  const L = LAYOUT
  const x1 = cell.x + L.cellPadding
  const x2 = cell.x + cell.w - L.cellPadding
  const next = others[at]
  const previous = others[at - 1]
  const y = next
    ? next.y - L.noteGap / 2
    : previous
      ? previous.y + previous.h + L.noteGap / 2
      : cell.y + L.cellPadding / 2
  return { x1, x2, y }
}

/** Where a new note at the end of a cell goes: below its last note, as wide as the notes. */
export function newNoteRect(cell: CellItem, notes: readonly NoteItem[]): Rect {
  const L = LAYOUT
  const last = notes.at(-1)
  return {
    x: cell.x + L.cellPadding,
    y: last ? last.y + last.h + L.noteGap : cell.y + L.cellPadding,
    w: cell.w - 2 * L.cellPadding,
    h: L.noteMinHeight
  }
}

/** Where a dragged header goes: its index among the other headers, and the board position of the line showing it. */
export interface HeaderSlot {
  readonly index: number
  /** x of the insertion line for stages, y for lanes. */
  readonly at: number
}

/** The slot among the other stages for a stage dragged to x. */
export function stageSlot(scene: Scene, stageId: string, x: number): HeaderSlot {
  const others = scene.stageHeaders.filter((h) => h.id !== stageId)
  let index = others.findIndex((h) => h.x + h.w / 2 > x)
  if (index === -1) index = others.length
  const next = others[index]
  const last = others.at(-1)
  return { index, at: next ? next.x : last ? last.x + last.w : LAYOUT.laneHeaderWidth }
}

/** The slot among the other lanes for a lane dragged to y. */
export function laneSlot(scene: Scene, laneId: string, y: number): HeaderSlot {
  const others = scene.laneHeaders.filter((h) => h.id !== laneId)
  let index = others.findIndex((h) => h.y + h.h / 2 > y)
  if (index === -1) index = others.length
  const next = others[index]
  const last = others.at(-1)
  return { index, at: next ? next.y : last ? last.y + last.h : LAYOUT.stageHeaderHeight }
}

/** The scale the curves are drawn with (a broken one falls back to −2…+2, as layout does). */
export const scaleOf = (map: JourneyMap): EmotionScale =>
  map.emotionScale.max > map.emotionScale.min ? map.emotionScale : { min: -2, max: 2 }

/** The lane the curves are drawn in: the first expanded emotion lane. */
export function curveLaneId(map: JourneyMap): string | null {
  const lanes = [...map.lanes].sort((a, b) => a.order - b.order)
  return lanes.find((l) => l.kind === 'emotions' && !l.collapsed)?.id ?? null
}

/** The plot band (top and bottom y) of the curve lane in a scene. */
export function curveBand(scene: Scene, laneId: string): { top: number; bottom: number } | null {
  const header = scene.laneHeaders.find((h) => h.id === laneId)
  return header ? plotBand(header.y, header.h) : null
}

/** The whole score for a height in the curve lane: points snap to the scale's integers. */
export function snappedScore(y: number, scale: EmotionScale, band: { top: number; bottom: number }): number {
  return Math.round(yToScore(y, scale, band.top, band.bottom))
}

/** +2, 0, −1: the sign always shown, a real minus. */
export function formatScore(score: number): string {
  return score > 0 ? `+${score}` : score < 0 ? `\u2212${-score}` : '0'
}

/** The notes whose rectangles meet a rectangle (a rubber band). */
export function notesInRect(index: SceneIndex, rect: Rect): NoteItem[] {
  return index.inRect(rect).notes
}

/** A rectangle from two corners in any order. */
export const rectFrom = (a: Point, b: Point): Rect => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  w: Math.abs(a.x - b.x),
  h: Math.abs(a.y - b.y)
})

/** Whether p lies within `tolerance` of the line through `points`. */
function onPolyline(p: Point, points: readonly Point[], tolerance: number): boolean {
  for (let i = 1; i < points.length; i++) if (distanceToSegment(p, points[i - 1]!, points[i]!) <= tolerance) return true
  return false
}
