/** Things drawn over the notes: pain-point markers and connectors between notes. */
import type { Connector, Marker } from '../model'
import { singleLine, textBlock, type Wrapper } from './common'
import { seriesKey } from './emotion'
import { COLORS, font, LAYOUT, MARKER_RADIUS } from './metrics'
import type { BoxItem, ConnectorItem, CurveItem, MarkerItem, NoteItem, Point, Rect, TextBlock } from './scene'

const LABEL_PAD_X = 4
const LABEL_PAD_Y = 1

/** A one-line label in a white box, its left edge or centre at the given point. */
function labelBox(
  wrap: Wrapper,
  text: string,
  x: number,
  yCentre: number,
  align: 'left' | 'center'
): (BoxItem & { text: TextBlock }) | null {
  if (!text.trim()) return null
  const L = LAYOUT
  const wrapped = singleLine(wrap, text, L.markerLabelMaxWidth, L.smallFont)
  const w = (wrapped.lines[0]?.width ?? 0) + 2 * LABEL_PAD_X
  const h = L.smallLineHeight + 2 * LABEL_PAD_Y
  const left = align === 'left' ? x : x - w / 2
  const top = yCentre - h / 2
  return {
    x: left,
    y: top,
    w,
    h,
    fill: COLORS.labelBox,
    stroke: null,
    text: textBlock(wrapped, left + LABEL_PAD_X, top + LABEL_PAD_Y, L.smallFont, L.smallLineHeight, COLORS.ink)
  }
}

/**
 * Markers sit on a curve point or on a note's top-right corner. Several on the same target line
 * up leftwards so none hides another.
 */
export function layoutMarkers(
  markers: readonly Marker[],
  notes: ReadonlyMap<string, NoteItem>,
  curves: readonly CurveItem[],
  wrap: Wrapper
): MarkerItem[] {
  const points = new Map<string, Point & { id: string }>()
  for (const curve of curves) {
    for (const p of curve.points) points.set(`${curve.id}@${p.stageId}`, p)
  }
  const perTarget = new Map<string, number>()
  const out: MarkerItem[] = []
  for (const marker of markers) {
    let anchor: Point | undefined
    let targetId: string
    if (marker.target.kind === 'note') {
      const note = notes.get(marker.target.noteId)
      targetId = marker.target.noteId
      if (note) anchor = { x: note.x + note.w - 2, y: note.y + 2 }
    } else {
      const key = `${seriesKey(marker.target.personaId, marker.target.variant)}@${marker.target.stageId}`
      const point = points.get(key)
      targetId = point?.id ?? key
      anchor = point
    }
    if (!anchor) continue
    const severity = Math.min(3, Math.max(1, Math.round(marker.severity))) as 1 | 2 | 3
    const r = MARKER_RADIUS[severity - 1] ?? MARKER_RADIUS[0]
    const nth = perTarget.get(targetId) ?? 0
    perTarget.set(targetId, nth + 1)
    const x = anchor.x - nth * (2 * MARKER_RADIUS[2] + 3)
    const y = anchor.y
    out.push({
      kind: 'marker',
      id: marker.id,
      severity,
      x,
      y,
      r,
      fill: COLORS.severity[severity - 1] ?? COLORS.severity[0],
      stroke: '#ffffff',
      targetId,
      digit: markerDigit(wrap, severity, x, y, r),
      label: nth === 0 ? labelBox(wrap, marker.label, x + r + 3, y, 'left') : null
    })
  }
  return out
}

function markerDigit(wrap: Wrapper, severity: number, x: number, y: number, r: number): TextBlock {
  const digitFont = font(Math.round(r * 1.25), 'bold')
  const lineHeight = digitFont.size * 1.2
  const wrapped = singleLine(wrap, String(severity), 2 * r, digitFont)
  return textBlock(wrapped, x - r, y - lineHeight / 2, digitFont, lineHeight, '#ffffff', 'center', 2 * r)
}

/** Where the segment from a rect's centre towards `toward` leaves the rect. */
function exitPoint(rect: Rect, toward: Point): Point {
  const cx = rect.x + rect.w / 2
  const cy = rect.y + rect.h / 2
  const dx = toward.x - cx
  const dy = toward.y - cy
  const tx = dx === 0 ? Infinity : rect.w / 2 / Math.abs(dx)
  const ty = dy === 0 ? Infinity : rect.h / 2 / Math.abs(dy)
  const t = Math.min(tx, ty, 1)
  return { x: cx + dx * t, y: cy + dy * t }
}

/** The label sits on the middle of the arrow, or just above it when the arrow is too short to show. */
function connectorLabel(wrap: Wrapper, text: string, from: Point, to: Point, length: number) {
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 }
  const onLine = labelBox(wrap, text, mid.x, mid.y, 'center')
  if (!onLine || length >= onLine.w + 3 * LAYOUT.arrowLength) return onLine
  return labelBox(wrap, text, mid.x, Math.min(from.y, to.y) - onLine.h / 2 - 3, 'center')
}

const round = (v: number) => Math.round(v * 100) / 100

/** Straight arrows between note outlines, aimed centre to centre, with the label at the middle. */
export function layoutConnectors(
  connectors: readonly Connector[],
  notes: ReadonlyMap<string, NoteItem>,
  wrap: Wrapper
): ConnectorItem[] {
  const L = LAYOUT
  const out: ConnectorItem[] = []
  for (const connector of connectors) {
    const a = notes.get(connector.fromNoteId)
    const b = notes.get(connector.toNoteId)
    if (!a || !b || a === b) continue
    const ca = { x: a.x + a.w / 2, y: a.y + a.h / 2 }
    const cb = { x: b.x + b.w / 2, y: b.y + b.h / 2 }
    const from = exitPoint(a, cb)
    const to = exitPoint(b, ca)
    const dx = to.x - from.x
    const dy = to.y - from.y
    const length = Math.hypot(dx, dy)
    if (length < 1) continue
    const ux = dx / length
    const uy = dy / length
    const head = Math.min(L.arrowLength, length / 2)
    const base = { x: to.x - ux * head, y: to.y - uy * head }
    const half = L.arrowWidth / 2
    out.push({
      kind: 'connector',
      id: connector.id,
      fromNoteId: a.id,
      toNoteId: b.id,
      from,
      to,
      path: `M${round(from.x)},${round(from.y)}L${round(base.x)},${round(base.y)}`,
      head: [to, { x: base.x - uy * half, y: base.y + ux * half }, { x: base.x + uy * half, y: base.y - ux * half }],
      stroke: COLORS.connector,
      width: L.connectorWidth,
      label: connectorLabel(wrap, connector.label, from, to, length)
    })
  }
  return out
}
