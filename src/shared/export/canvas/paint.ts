/**
 * Painters: draw scene items on a 2D canvas context in board coordinates (a Konva shape placed at
 * its item's corner translates the context back). No layout decisions here: the scene has made them.
 * The board, the app's PNG export and the CLI's PNG export all draw through these.
 */
import { COLORS, cssFont } from '../../layout'
import { paintEngine } from './text-engine-ref'
import type {
  BadgeItem,
  BoxItem,
  CellItem,
  ConnectorItem,
  CurveItem,
  GuideItem,
  LaneHeaderItem,
  LegendItem,
  MarkerItem,
  NoteItem,
  LabelItem,
  StageHeaderItem,
  TextBlock
} from '../../layout'
import { parseSvgPath, type PathSegment } from '../pdf/svg-path'
import { noteImage, type Canvas2D } from './context'

type Ctx = Canvas2D

/** Colour of the bars standing in for text when zoomed out. */
const TEXT_BAR = 'rgba(31, 36, 48, 0.22)'
const TEXT_BAR_ON_DARK = 'rgba(255, 255, 255, 0.45)'

/**
 * A text block as the text engine laid it out (the same runs the PDF draws): each line's runs in
 * visual order, each in the bundled font the engine chose (its own FontFace family, see
 * ../fonts.ts), right-to-left runs drawn right to left. Chromium shapes each run with its own
 * HarfBuzz and the same font file, so joined Arabic, Devanagari conjuncts and Thai marks come out
 * as the engine placed them; kerning and optional ligatures are off on both sides.
 */
export function paintText(ctx: Ctx, block: TextBlock): void {
  if (block.lines.length === 0) return
  const engine = paintEngine()
  const { font } = block
  ctx.fillStyle = block.color
  ctx.textBaseline = 'alphabetic'
  ctx.textAlign = 'left'
  const rotated = block.rotation !== 0
  if (rotated) {
    ctx.save()
    ctx.translate(block.x, block.y)
    ctx.rotate((block.rotation * Math.PI) / 180)
  }
  const x0 = rotated ? 0 : block.x
  const y0 = rotated ? 0 : block.y
  const italic = font.style === 'italic' ? 'italic ' : ''
  for (const line of block.lines) {
    if (line.text === '') continue
    const layout = engine.layoutLine(line.text, font.weight, block.direction)
    if (layout.runs.length === 0) {
      // No font in the engine yet: the page's font, until the bundled one arrives.
      setTextStyle(ctx, cssFont(font), 'ltr')
      ctx.fillText(line.text, x0 + line.x, y0 + line.baseline)
      continue
    }
    for (const run of layout.runs) {
      const face = engine.fonts.get(run.fontId)
      if (!face) continue
      setTextStyle(
        ctx,
        `${italic}${face.weight === 'bold' ? 'bold ' : ''}${font.size}px "${face.family}"`,
        run.rtl ? 'rtl' : 'ltr'
      )
      ctx.fillText(run.text, x0 + line.x + run.x * font.size, y0 + line.baseline)
    }
  }
  if (rotated) ctx.restore()
}

/** The font string as the context gives it back once set (to compare before setting again). */
const serialisedFonts = new Map<string, string>()

/**
 * Sets font, direction and features only where they differ from the context's: each of these
 * setters makes Chromium resolve the font again, and a tile has thousands of runs. Kerning and
 * the optional ligatures are off for every run, as the text engine measured them (see
 * FEATURES_OFF in src/shared/fonts/harfbuzz.ts).
 */
function setTextStyle(ctx: Ctx, font: string, direction: 'ltr' | 'rtl'): void {
  const known = serialisedFonts.get(font)
  if (known === undefined || ctx.font !== known) {
    ctx.font = font
    if (known === undefined && serialisedFonts.size < 500) serialisedFonts.set(font, ctx.font)
  }
  if (ctx.direction !== direction) ctx.direction = direction
  if (ctx.fontKerning !== 'none') ctx.fontKerning = 'none'
  if (ctx.textRendering !== 'optimizeSpeed') ctx.textRendering = 'optimizeSpeed'
}

/** Text as grey bars, one per line, for zoomed-out views where glyphs would be unreadable. */
export function paintTextBars(ctx: Ctx, block: TextBlock): void {
  ctx.fillStyle = block.color === COLORS.inkOnDark ? TEXT_BAR_ON_DARK : TEXT_BAR
  const h = block.font.size * 0.6
  for (const line of block.lines) {
    if (line.width <= 0) continue
    ctx.fillRect(block.x + line.x, block.y + line.baseline - h, line.width, h)
  }
}

export function paintBox(ctx: Ctx, box: BoxItem): void {
  ctx.fillStyle = box.fill
  ctx.fillRect(box.x, box.y, box.w, box.h)
  if (box.stroke) {
    ctx.strokeStyle = box.stroke
    ctx.lineWidth = 1
    ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1)
  }
}

export function paintCell(ctx: Ctx, cell: CellItem, lod: boolean): void {
  paintBox(ctx, cell)
  if (cell.label && (!lod || cell.collapsed)) paintText(ctx, cell.label)
}

export function paintHeader(ctx: Ctx, header: StageHeaderItem | LaneHeaderItem): void {
  paintBox(ctx, header)
  for (const text of header.texts) paintText(ctx, text)
}

export function paintGuide(ctx: Ctx, guide: GuideItem): void {
  ctx.strokeStyle = guide.stroke
  ctx.lineWidth = guide.width
  ctx.setLineDash(guide.dash as number[])
  ctx.beginPath()
  ctx.moveTo(guide.x1, Math.round(guide.y1) + 0.5)
  ctx.lineTo(guide.x2, Math.round(guide.y2) + 0.5)
  ctx.stroke()
  ctx.setLineDash([])
}

export function paintLegend(ctx: Ctx, entry: LegendItem): void {
  ctx.strokeStyle = entry.stroke
  ctx.lineWidth = entry.swatch.h
  ctx.setLineDash(entry.dash.map((d) => d * 0.6))
  const y = entry.swatch.y + entry.swatch.h / 2
  ctx.beginPath()
  ctx.moveTo(entry.swatch.x, y)
  ctx.lineTo(entry.swatch.x + entry.swatch.w, y)
  ctx.stroke()
  ctx.setLineDash([])
  paintText(ctx, entry.text)
}

/** A sticky note: soft shadow, rounded fill, hairline outline, then its text (or bars when zoomed out). */
export function paintNote(ctx: Ctx, note: NoteItem, lod: boolean): void {
  const { x, y } = note
  if (lod) {
    ctx.fillStyle = note.fill
    ctx.fillRect(x, y, note.w, note.h)
    paintTextBars(ctx, note.text)
    return
  }
  ctx.fillStyle = 'rgba(31, 36, 48, 0.10)'
  ctx.beginPath()
  ctx.roundRect(x, y + 1.5, note.w, note.h, note.cornerRadius)
  ctx.fill()
  ctx.fillStyle = note.fill
  ctx.beginPath()
  ctx.roundRect(x, y, note.w, note.h, note.cornerRadius)
  ctx.fill()
  if (note.stroke) {
    ctx.strokeStyle = note.stroke
    ctx.lineWidth = 1
    ctx.beginPath()
    ctx.roundRect(x + 0.5, y + 0.5, note.w - 1, note.h - 1, note.cornerRadius)
    ctx.stroke()
  }
  if (note.image) paintNoteImage(ctx, note.image)
  paintText(ctx, note.text)
}

/** A note's picture, fitted in its box (letterboxed); a grey frame until it is decoded. */
function paintNoteImage(ctx: Ctx, image: NonNullable<NoteItem['image']>): void {
  const decoded = noteImage(image.src)
  const draw = (ctx as Ctx & { drawImage?: (img: unknown, x: number, y: number, w: number, h: number) => void })
    .drawImage
  if (decoded && draw) {
    const scale = Math.min(image.w / image.naturalWidth, image.h / image.naturalHeight)
    const w = image.naturalWidth * scale
    const h = image.naturalHeight * scale
    draw.call(ctx, decoded, image.x + (image.w - w) / 2, image.y + (image.h - h) / 2, w, h)
    return
  }
  ctx.fillStyle = 'rgba(31, 36, 48, 0.08)'
  ctx.fillRect(image.x, image.y, image.w, image.h)
  ctx.strokeStyle = 'rgba(31, 36, 48, 0.25)'
  ctx.lineWidth = 1
  ctx.strokeRect(image.x + 0.5, image.y + 0.5, image.w - 1, image.h - 1)
}

/** A note too small for even its text bars (far zoomed out): a block of its colour. */
export function paintNoteBlock(ctx: Ctx, note: NoteItem): void {
  ctx.fillStyle = note.fill
  ctx.fillRect(note.x, note.y, note.w, note.h)
}

const paths = new WeakMap<object, readonly PathSegment[]>()
/** Traces an item's path data as the current path (parsed once per item). */
function tracePath(ctx: Ctx, owner: object, data: string): void {
  let segments = paths.get(owner)
  if (!segments) paths.set(owner, (segments = parseSvgPath(data)))
  ctx.beginPath()
  for (const s of segments) {
    if (s.op === 'M') ctx.moveTo(s.to.x, s.to.y)
    else if (s.op === 'L') ctx.lineTo(s.to.x, s.to.y)
    else if (s.op === 'C') ctx.bezierCurveTo(s.c1.x, s.c1.y, s.c2.x, s.c2.y, s.to.x, s.to.y)
    else ctx.closePath()
  }
}

export function paintCurve(ctx: Ctx, curve: CurveItem): void {
  ctx.lineJoin = 'round'
  ctx.lineCap = 'round'
  if (curve.path) {
    ctx.strokeStyle = curve.stroke
    ctx.lineWidth = curve.width
    ctx.setLineDash(curve.dash as number[])
    tracePath(ctx, curve, curve.path)
    ctx.stroke()
    ctx.setLineDash([])
  }
  for (const p of curve.points) {
    ctx.beginPath()
    ctx.arc(p.x, p.y, curve.pointRadius, 0, Math.PI * 2)
    ctx.fillStyle = curve.variant === 'toBe' ? '#ffffff' : curve.stroke
    ctx.fill()
    ctx.strokeStyle = curve.variant === 'toBe' ? curve.stroke : '#ffffff'
    ctx.lineWidth = 1.5
    ctx.stroke()
  }
}

/** A connector's line and arrow head; its label is painted with the other labels (paintLabel). */
export function paintConnector(ctx: Ctx, connector: ConnectorItem): void {
  ctx.strokeStyle = connector.stroke
  ctx.lineWidth = connector.width
  ctx.lineJoin = 'round'
  tracePath(ctx, connector, connector.path)
  ctx.stroke()
  const [tip, left, right] = connector.head
  ctx.fillStyle = connector.stroke
  ctx.beginPath()
  ctx.moveTo(tip.x, tip.y)
  ctx.lineTo(left.x, left.y)
  ctx.lineTo(right.x, right.y)
  ctx.closePath()
  ctx.fill()
}

/** A connector's or marker's label: its leader line, the white box, the text. */
export function paintLabel(ctx: Ctx, label: LabelItem): void {
  if (label.leader) {
    const [from, to] = label.leader
    ctx.strokeStyle = COLORS.connector
    ctx.lineWidth = 0.75
    ctx.setLineDash([2, 2])
    ctx.beginPath()
    ctx.moveTo(from.x, from.y)
    ctx.lineTo(to.x, to.y)
    ctx.stroke()
    ctx.setLineDash([])
  }
  paintBox(ctx, label)
  paintText(ctx, label.text)
}

/** A marker's dot and digit; its label is painted with the other labels (paintLabel). */
export function paintMarker(ctx: Ctx, marker: MarkerItem, lod: boolean): void {
  ctx.beginPath()
  ctx.arc(marker.x, marker.y, marker.r, 0, Math.PI * 2)
  ctx.fillStyle = marker.fill
  ctx.fill()
  ctx.strokeStyle = marker.stroke
  ctx.lineWidth = 2
  ctx.stroke()
  if (!lod) paintText(ctx, marker.digit)
}

/** A badge (KPI chip, vote count): rounded fill, its status bar, outline, and text unless `withText` is off (zoomed far out). */
export function paintBadge(ctx: Ctx, badge: BadgeItem, withText: boolean): void {
  ctx.beginPath()
  ctx.roundRect(badge.x, badge.y, badge.w, badge.h, badge.cornerRadius)
  ctx.fillStyle = badge.fill
  ctx.fill()
  if (badge.accent) {
    ctx.save()
    ctx.clip()
    ctx.fillStyle = badge.accent.fill
    ctx.fillRect(badge.accent.x, badge.accent.y, badge.accent.w, badge.accent.h)
    ctx.restore()
  }
  if (badge.stroke) {
    ctx.beginPath()
    ctx.roundRect(badge.x + 0.5, badge.y + 0.5, badge.w - 1, badge.h - 1, badge.cornerRadius)
    ctx.strokeStyle = badge.stroke
    ctx.lineWidth = 1
    ctx.stroke()
  }
  if (badge.spark && badge.spark.points.length > 1) {
    ctx.beginPath()
    badge.spark.points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)))
    ctx.strokeStyle = badge.spark.stroke
    ctx.lineWidth = 1.5
    ctx.lineJoin = 'round'
    ctx.stroke()
  }
  if (withText) for (const text of badge.texts) paintText(ctx, text)
}
