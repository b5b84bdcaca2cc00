/**
 * Things drawn over the cells: pain-point markers, connectors between notes, and their labels.
 *
 * Markers sit where they belong (a curve point, a note's top-right corner). Connectors run
 * straight or around the notes (./routing). Labels go last, each to the nearest free spot
 * (./placement): never over note text, another label, a marker or a badge.
 */
import type { Connector, Marker } from '../model'
import { singleLine, textBlock, type Wrapper } from './common'
import { seriesKey } from './emotion'
import { COLORS, font, LAYOUT, MARKER_RADIUS } from './metrics'
import { LabelSpace, labelReach } from './placement'
import { Router, type Grid } from './routing'
import type {
  BadgeItem,
  CellItem,
  ConnectorItem,
  CurveItem,
  LabelItem,
  MarkerItem,
  NoteItem,
  Point,
  Rect,
  TextBlock
} from './scene'

const LABEL_PAD_X = 4
const LABEL_PAD_Y = 1
/** Radius of a connector's rounded corners. */
const CORNER = 6

export interface OverlayInput {
  readonly markers: readonly Marker[]
  readonly connectors: readonly Connector[]
  /** Every drawn note, in scene order. */
  readonly notes: readonly NoteItem[]
  readonly cells: readonly CellItem[]
  readonly curves: readonly CurveItem[]
  readonly badges: readonly BadgeItem[]
  /** Column and row boundaries, for routing through the free strips between cells. */
  readonly grid: Grid
  /** Stage ids in column order. */
  readonly stageIds: readonly string[]
  /** Where labels may go: the cells (the headers paint over them). */
  readonly area: Rect
}

interface PendingLabel {
  readonly text: string
  readonly wrapped: ReturnType<typeof singleLine>
  readonly w: number
  readonly h: number
}

function pendingLabel(wrap: Wrapper, text: string): PendingLabel | null {
  if (!text.trim()) return null
  const wrapped = singleLine(wrap, text, LAYOUT.markerLabelMaxWidth, LAYOUT.smallFont)
  return {
    text,
    wrapped,
    w: (wrapped.lines[0]?.width ?? 0) + 2 * LABEL_PAD_X,
    h: LAYOUT.smallLineHeight + 2 * LABEL_PAD_Y
  }
}

function labelAt(pending: PendingLabel, box: Rect, leader: LabelItem['leader']): LabelItem {
  const L = LAYOUT
  return {
    ...box,
    fill: COLORS.labelBox,
    stroke: null,
    leader,
    text: textBlock(
      pending.wrapped,
      box.x + LABEL_PAD_X,
      box.y + LABEL_PAD_Y,
      L.smallFont,
      L.smallLineHeight,
      COLORS.ink
    )
  }
}

export function layoutOverlays(
  input: OverlayInput,
  wrap: Wrapper
): { connectors: ConnectorItem[]; markers: MarkerItem[] } {
  const noteIndex = new Map(input.notes.map((n) => [n.id, n]))
  const markers = placeMarkers(input.markers, noteIndex, input.curves, wrap)
  const connectors = routeConnectors(input, noteIndex, wrap)

  if (!markers.some((m) => m.label) && !connectors.some((c) => c.label)) {
    return { connectors: connectors.map((c) => c.connector), markers: markers.map((m) => m.marker) }
  }
  const reach: Rect[] = []
  for (const { marker, label } of markers) {
    if (label) reach.push(labelReach(label, markerLabelAt(marker, label), marker))
  }
  for (const { label, anchor } of connectors) {
    if (label) reach.push(labelReach(label, connectorLabelAt(anchor, label), anchor))
  }
  const space = new LabelSpace(input.area, reach)
  for (const note of input.notes) {
    // A note beyond every label's reach: neither it nor its lines can matter.
    if (!space.addNote(note)) continue
    const t = note.text
    t.lines.forEach((line, i) => {
      if (line.width > 0) space.addText({ x: t.x + line.x, y: t.y + i * t.lineHeight, w: line.width, h: t.lineHeight })
    })
  }
  for (const cell of input.cells) {
    if (cell.label && !cell.collapsed) {
      const t = cell.label
      let w = 0
      for (const line of t.lines) w = Math.max(w, line.x + line.width)
      space.addPrompt({ x: t.x, y: t.y, w, h: t.lines.length * t.lineHeight })
    }
  }
  for (const badge of input.badges) space.addBlock(badge)
  for (const { marker } of markers) {
    space.addBlock({ x: marker.x - marker.r - 1, y: marker.y - marker.r - 1, w: 2 * marker.r + 2, h: 2 * marker.r + 2 })
  }
  for (const { connector } of connectors) {
    for (let i = 1; i < connector.points.length; i++) space.addLine(connector.points[i - 1]!, connector.points[i]!)
  }

  const placedMarkers = markers.map(({ marker, label }) => {
    if (!label) return marker
    const anchor = { x: marker.x, y: marker.y }
    const spot = space.place(label, markerLabelAt(marker, label), anchor)
    return spot ? { ...marker, label: labelAt(label, spot.box, spot.leader) } : marker
  })
  const placedConnectors = connectors.map(({ connector, label, anchor }) => {
    if (!label) return connector
    const spot = space.place(label, connectorLabelAt(anchor, label), anchor)
    return spot ? { ...connector, label: labelAt(label, spot.box, spot.leader) } : connector
  })
  return { connectors: placedConnectors, markers: placedMarkers }
}

/** Where a marker's label would go: right of its dot. */
const markerLabelAt = (marker: MarkerItem, label: PendingLabel): Point => ({
  x: marker.x + marker.r + 3,
  y: marker.y - label.h / 2
})

/** Where a connector's label would go: centred on the middle of its labelled segment. */
const connectorLabelAt = (anchor: Point, label: PendingLabel): Point => ({
  x: anchor.x - label.w / 2,
  y: anchor.y - label.h / 2
})

/**
 * Markers sit on a curve point or on a note's top-right corner. Several on the same target line
 * up leftwards so none hides another.
 */
function placeMarkers(
  markers: readonly Marker[],
  notes: ReadonlyMap<string, NoteItem>,
  curves: readonly CurveItem[],
  wrap: Wrapper
): { marker: MarkerItem; label: PendingLabel | null }[] {
  const points = new Map<string, Point & { id: string }>()
  for (const curve of curves) {
    for (const p of curve.points) points.set(`${curve.id}@${p.stageId}`, p)
  }
  const perTarget = new Map<string, number>()
  const out: { marker: MarkerItem; label: PendingLabel | null }[] = []
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
      marker: {
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
        label: null
      },
      label: pendingLabel(wrap, marker.label)
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

const round = (v: number) => Math.round(v * 100) / 100
const fmt = (p: Point) => `${round(p.x)},${round(p.y)}`

/** Path data through the points with rounded corners. */
function roundedPath(points: readonly Point[]): string {
  let d = `M${fmt(points[0]!)}`
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1]!
    const corner = points[i]!
    const next = points[i + 1]!
    const inLength = Math.hypot(corner.x - prev.x, corner.y - prev.y)
    const outLength = Math.hypot(next.x - corner.x, next.y - corner.y)
    const r = Math.min(CORNER, inLength / 2, outLength / 2)
    if (r < 0.5) {
      d += `L${fmt(corner)}`
      continue
    }
    const before = {
      x: corner.x - ((corner.x - prev.x) / inLength) * r,
      y: corner.y - ((corner.y - prev.y) / inLength) * r
    }
    const after = {
      x: corner.x + ((next.x - corner.x) / outLength) * r,
      y: corner.y + ((next.y - corner.y) / outLength) * r
    }
    d += `L${fmt(before)}Q${fmt(corner)},${fmt(after)}`
  }
  return `${d}L${fmt(points[points.length - 1]!)}`
}

/** Arrows between note outlines, straight or around the notes in the way (see ./routing). */
function routeConnectors(
  input: OverlayInput,
  notes: ReadonlyMap<string, NoteItem>,
  wrap: Wrapper
): { connector: ConnectorItem; label: PendingLabel | null; anchor: Point }[] {
  const L = LAYOUT
  // The router indexes every note: only worth it when there is something to route.
  if (input.connectors.length === 0) return []
  const router = new Router(input.grid, input.notes, input.stageIds)
  const out: { connector: ConnectorItem; label: PendingLabel | null; anchor: Point }[] = []
  for (const connector of input.connectors) {
    const a = notes.get(connector.fromNoteId)
    const b = notes.get(connector.toNoteId)
    if (!a || !b || a === b) continue
    const route = router.route(a, b)
    const points = route.points
    if (points.length < 2) continue
    const to = points[points.length - 1]!
    const last = points[points.length - 2]!
    const dx = to.x - last.x
    const dy = to.y - last.y
    const segment = Math.hypot(dx, dy)
    if (segment < 1) continue
    const ux = dx / segment
    const uy = dy / segment
    const head = Math.min(L.arrowLength, segment / 2)
    const base = { x: to.x - ux * head, y: to.y - uy * head }
    const half = L.arrowWidth / 2
    const [p, q] = route.labelSegment
    out.push({
      connector: {
        kind: 'connector',
        id: connector.id,
        fromNoteId: a.id,
        toNoteId: b.id,
        from: points[0]!,
        to,
        points,
        path: roundedPath([...points.slice(0, -1), base]),
        head: [to, { x: base.x - uy * half, y: base.y + ux * half }, { x: base.x + uy * half, y: base.y - ux * half }],
        stroke: COLORS.connector,
        width: L.connectorWidth,
        label: null
      },
      label: pendingLabel(wrap, connector.label),
      anchor: { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 }
    })
  }
  return out
}
