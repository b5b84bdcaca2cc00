/**
 * Paints a Scene on a PdfSurface in the board's order: cells, emotion guides, notes,
 * connectors, curves, markers, the labels of connectors and markers, lane headers with the
 * legend, stage headers and the corner, and last the badges (KPI chips, vote counts). Cells'
 * prompts are hints for filling the board in and are not printed.
 * Everything the board draws, at full detail, as vectors; nothing is placed here (the scene has
 * done that). Items wholly outside `visible` (board units) are skipped: a poster page draws
 * only its part of the board.
 */
import {
  LAYOUT,
  type BadgeItem,
  type BoxItem,
  type ConnectorItem,
  type CurveItem,
  type LabelItem,
  type LegendItem,
  type MarkerItem,
  type NoteItem,
  type Rect,
  type Scene,
  type TextBlock
} from '../../layout'
import { itemsMeeting } from './rect-grid'
import type { PdfSurface } from './surface'

const NOTE_SHADOW = 'rgba(31, 36, 48, 0.10)'

const meets = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/** Bounds of a text block, generous (rotation, ascenders and descenders). */
function textBounds(block: TextBlock): Rect {
  let w = 0
  for (const line of block.lines) w = Math.max(w, line.x + line.width)
  const h = block.lines.length * block.lineHeight
  if (block.rotation) return { x: block.x - h, y: block.y - h, w: w + 2 * h, h: w + 2 * h }
  return { x: block.x, y: block.y, w, h }
}

function pointsBounds(points: readonly { x: number; y: number }[], pad: number): Rect {
  let x1 = Infinity
  let y1 = Infinity
  let x2 = -Infinity
  let y2 = -Infinity
  for (const p of points) {
    x1 = Math.min(x1, p.x)
    y1 = Math.min(y1, p.y)
    x2 = Math.max(x2, p.x)
    y2 = Math.max(y2, p.y)
  }
  if (x1 === Infinity) return { x: 0, y: 0, w: 0, h: 0 }
  return { x: x1 - pad, y: y1 - pad, w: x2 - x1 + 2 * pad, h: y2 - y1 + 2 * pad }
}

/**
 * Note text printed smaller than this (points) cannot be read even at a PDF viewer's highest
 * magnification (6400 % makes it 16 pt): a board scaled that far down (a 50,000-note map on one
 * A4 page is printed at 0.5 %) gets the notes' shapes with a bar per line of text instead, which
 * also keeps the page's content small. The poster option prints every note at full size.
 */
export const MIN_PRINTED_TEXT_PT = 0.25

/**
 * A line's bar thinner than this (points) is a hair no printer or screen shows: further down,
 * notes are plain coloured blocks (about 40 bytes each instead of 40 a line).
 */
const MIN_BAR_PT = 0.15

/** Whether note text is printed at this scale (see MIN_PRINTED_TEXT_PT). */
export const printsNoteText = (scale: number): boolean => LAYOUT.noteFont.size * scale >= MIN_PRINTED_TEXT_PT

export function paintScene(surface: PdfSurface, scene: Scene, visible: Rect, scale = 1): void {
  const box = (item: BoxItem) => surface.box(item, item.fill, item.stroke)
  const withText = printsNoteText(scale)
  const bars = LAYOUT.noteLineHeight * BAR_HEIGHT * scale >= MIN_BAR_PT
  const text = (block: TextBlock | null | undefined) => {
    if (block && block.lines.length > 0 && meets(textBounds(block), visible)) surface.textBlock(block)
  }

  for (const cell of itemsMeeting(scene.cells, visible)) {
    box(cell)
    // A folded cell's note count; an open cell's label is the lane's prompt, left off paper.
    if (cell.collapsed) text(cell.label)
  }
  for (const guide of scene.guides) {
    const bounds = pointsBounds(
      [
        { x: guide.x1, y: guide.y1 },
        { x: guide.x2, y: guide.y2 }
      ],
      guide.width
    )
    if (meets(bounds, visible)) {
      surface.line({ x: guide.x1, y: guide.y1 }, { x: guide.x2, y: guide.y2 }, guide.stroke, guide.width, guide.dash)
    }
  }
  for (const note of itemsMeeting(scene.notes, visible)) {
    if (withText) paintNote(surface, note)
    else paintNoteShape(surface, note, bars)
  }
  for (const connector of scene.connectors) {
    if (meets(pointsBounds([...connector.points, ...connector.head], connector.width + 2), visible)) {
      paintConnector(surface, connector)
    }
  }
  for (const curve of scene.curves) {
    if (meets(pointsBounds(curve.points, curve.pointRadius + curve.width + 2), visible)) paintCurve(surface, curve)
  }
  for (const marker of scene.markers) paintMarker(surface, marker, visible)
  // Labels over every line and dot (placed clear of note text, markers and badges).
  for (const connector of scene.connectors) if (connector.label) paintLabel(surface, connector.label, visible)
  for (const marker of scene.markers) if (marker.label) paintLabel(surface, marker.label, visible)

  for (const header of scene.laneHeaders) {
    if (!meets(header, visible)) continue
    box(header)
    for (const block of header.texts) text(block)
  }
  for (const entry of scene.legend)
    if (meets(entry.swatch, visible) || meets(textBounds(entry.text), visible)) paintLegend(surface, entry)
  for (const header of scene.stageHeaders) {
    if (!meets(header, visible)) continue
    box(header)
    for (const block of header.texts) text(block)
  }
  if (meets(scene.corner, visible)) box(scene.corner)
  // KPI chips and vote counts, over everything else.
  for (const badge of itemsMeeting(scene.badges ?? [], visible)) paintBadge(surface, badge)
}

function paintBadge(surface: PdfSurface, badge: BadgeItem): void {
  surface.roundBox(badge, badge.cornerRadius, badge.fill, null)
  if (badge.accent) {
    surface.clipRoundBox(badge, badge.cornerRadius)
    surface.box(badge.accent, badge.accent.fill, null)
    surface.unclip()
  }
  if (badge.stroke) {
    surface.roundBox(
      { x: badge.x + 0.5, y: badge.y + 0.5, w: badge.w - 1, h: badge.h - 1 },
      badge.cornerRadius,
      null,
      badge.stroke
    )
  }
  if (badge.spark && badge.spark.points.length > 1) {
    const d = badge.spark.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ')
    surface.strokePath(d, badge.spark.stroke, 1.5)
  }
  for (const text of badge.texts) surface.textBlock(text)
}

function paintNote(surface: PdfSurface, note: NoteItem): void {
  surface.roundBox({ x: note.x, y: note.y + 1.5, w: note.w, h: note.h }, note.cornerRadius, NOTE_SHADOW, null)
  surface.roundBox(note, note.cornerRadius, note.fill, null)
  if (note.stroke) {
    surface.roundBox(
      { x: note.x + 0.5, y: note.y + 0.5, w: note.w - 1, h: note.h - 1 },
      note.cornerRadius,
      null,
      note.stroke
    )
  }
  if (note.image) {
    const { src, naturalWidth, naturalHeight, ...rect } = note.image
    if (!surface.image(rect, src, naturalWidth, naturalHeight)) surface.roundBox(rect, 0, '#eceef2', '#c3c8d1')
  }
  surface.textBlock(note.text)
}

/** A note too small for its text: its colour and a bar where each line of text goes. */
function paintNoteShape(surface: PdfSurface, note: NoteItem, bars: boolean): void {
  surface.box(note, note.fill, null)
  if (!bars) return
  const t = note.text
  t.lines.forEach((line, i) => {
    if (line.width <= 0) return
    const y = t.y + i * t.lineHeight + t.lineHeight * 0.3
    surface.box({ x: t.x + line.x, y, w: line.width, h: t.lineHeight * BAR_HEIGHT }, TEXT_BAR, null)
  })
}

const TEXT_BAR = '#9aa1a9'
/** A line's bar is this part of the line's height. */
const BAR_HEIGHT = 0.4

function paintConnector(surface: PdfSurface, connector: ConnectorItem): void {
  surface.strokePath(connector.path, connector.stroke, connector.width)
  surface.polygon(connector.head, connector.stroke)
}

function paintCurve(surface: PdfSurface, curve: CurveItem): void {
  if (curve.path) surface.strokePath(curve.path, curve.stroke, curve.width, curve.dash)
  const toBe = curve.variant === 'toBe'
  for (const p of curve.points) {
    surface.circle(p, curve.pointRadius, toBe ? '#ffffff' : curve.stroke, toBe ? curve.stroke : '#ffffff', 1.5)
  }
}

function paintMarker(surface: PdfSurface, marker: MarkerItem, visible: Rect): void {
  const dot = { x: marker.x - marker.r - 2, y: marker.y - marker.r - 2, w: 2 * marker.r + 4, h: 2 * marker.r + 4 }
  if (meets(dot, visible)) {
    surface.circle(marker, marker.r, marker.fill, marker.stroke, 2)
    surface.textBlock(marker.digit)
  }
}

function paintLabel(surface: PdfSurface, label: LabelItem, visible: Rect): void {
  if (label.leader && meets(pointsBounds(label.leader, 1), visible)) {
    surface.line(label.leader[0], label.leader[1], '#495057', 0.75, [2, 2])
  }
  if (!meets(label, visible)) return
  surface.box(label, label.fill, label.stroke)
  surface.textBlock(label.text)
}

function paintLegend(surface: PdfSurface, entry: LegendItem): void {
  const y = entry.swatch.y + entry.swatch.h / 2
  surface.line(
    { x: entry.swatch.x, y },
    { x: entry.swatch.x + entry.swatch.w, y },
    entry.stroke,
    entry.swatch.h,
    entry.dash.map((d) => d * 0.6)
  )
  surface.textBlock(entry.text)
}
