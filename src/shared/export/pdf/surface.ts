/**
 * A jsPDF page as a drawing surface in board units: the painters hand it scene rectangles, text
 * blocks and path data, and it places them on the page through a scale and an offset (board →
 * points). Colours may carry alpha (rgba); text is drawn piece by piece in the fonts `shape`
 * chose, each font embedded on first use (jsPDF subsets it to the glyphs used on output).
 */
import { GState, type jsPDF } from 'jspdf'
import type { Font, Point, Rect, TextBlock } from '../../layout'
import type { PdfFontSet } from './fonts'
import { parseSvgPath } from './svg-path'

export interface Rgba {
  readonly r: number
  readonly g: number
  readonly b: number
  readonly a: number
}

const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 }
const colours = new Map<string, Rgba>()

/** #rgb, #rrggbb, rgb(…) and rgba(…); anything else is black. */
export function parseColor(css: string): Rgba {
  const known = colours.get(css)
  if (known) return known
  let out = BLACK
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css.trim())
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!
    const n = Number.parseInt(h, 16)
    out = { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255, a: 1 }
  } else {
    const fn = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(css.trim())
    if (fn) out = { r: Number(fn[1]), g: Number(fn[2]), b: Number(fn[3]), a: fn[4] === undefined ? 1 : Number(fn[4]) }
  }
  if (colours.size < 1000) colours.set(css, out)
  return out
}

/** Font bytes as the binary string jsPDF's virtual file system takes; kept per file for the session. */
const binaryStrings = new WeakMap<Uint8Array, string>()
function binaryString(bytes: Uint8Array): string {
  let s = binaryStrings.get(bytes)
  if (s === undefined) {
    const parts: string[] = []
    for (let i = 0; i < bytes.length; i += 0x8000) {
      parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]))
    }
    s = parts.join('')
    binaryStrings.set(bytes, s)
  }
  return s
}

/** A PDF text string in UTF-16BE with a byte-order mark, as hex. */
function pdfTextString(text: string): string {
  let hex = '<FEFF'
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  return `${hex}>`
}

/**
 * The PDF name of an embedded font: a six-letter tag and "+" mark a subset (PDF 32000 9.6.4),
 * which jsPDF writes (only the glyphs used). The tag is made from the name, so it is stable.
 */
export function subsetName(id: string): string {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0
  let tag = ''
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (hash % 26))
    hash = Math.floor(hash / 26)
  }
  return `${tag}+${id}`
}

/** Synthetic oblique for italic text: the fonts ship upright only (the canvas slants the same way). */
const ITALIC_SLANT = Math.tan((12 * Math.PI) / 180)

export class PdfSurface {
  private scale = 1
  private dx = 0
  private dy = 0
  private alpha = 1
  private readonly alphaStates = new Map<number, GState>()
  private readonly registered = new Set<string>()
  /** Characters no bundled font has, met while drawing; drawn as a placeholder. */
  readonly missing = new Set<string>()

  constructor(
    readonly doc: jsPDF,
    readonly fonts: PdfFontSet
  ) {}

  /** Board → page: page = board × scale + (dx, dy), in points. */
  setTransform(scale: number, dx: number, dy: number): void {
    this.scale = scale
    this.dx = dx
    this.dy = dy
  }

  /** Page points of a board point. */
  x(bx: number): number {
    return bx * this.scale + this.dx
  }
  y(by: number): number {
    return by * this.scale + this.dy
  }
  /** A board length in points. */
  len(v: number): number {
    return v * this.scale
  }

  // -- state ----------------------------------------------------------------------------------

  private setAlpha(a: number): void {
    const alpha = Math.round(Math.min(1, Math.max(0, a)) * 100) / 100
    if (alpha === this.alpha) return
    let state = this.alphaStates.get(alpha)
    if (!state) {
      state = new GState({ opacity: alpha, 'stroke-opacity': alpha })
      this.alphaStates.set(alpha, state)
    }
    this.doc.setGState(state)
    this.alpha = alpha
  }

  private fillColor(css: string): void {
    const c = parseColor(css)
    this.doc.setFillColor(c.r, c.g, c.b)
    this.setAlpha(c.a)
  }

  private strokeColor(css: string, width: number): void {
    const c = parseColor(css)
    this.doc.setDrawColor(c.r, c.g, c.b)
    this.doc.setLineWidth(width)
    this.setAlpha(c.a)
  }

  /** A new page starts in the default graphics state: forget what was set on the last one. */
  pageStarted(): void {
    this.alpha = 1
  }

  /** Limits drawing to a page rectangle (points) until unclip(). */
  clip(page: Rect): void {
    this.doc.saveGraphicsState()
    this.doc.rect(page.x, page.y, page.w, page.h, null).clip().discardPath()
  }

  /** Limits drawing to a rounded rectangle (board units) until unclip(). */
  clipRoundBox(rect: Rect, radius: number): void {
    const { x, y, w, h } = this.pageRect(rect)
    const r = Math.min(this.len(radius), w / 2, h / 2)
    this.doc.saveGraphicsState()
    this.doc.roundedRect(x, y, w, h, r, r, null).clip().discardPath()
  }

  unclip(): void {
    this.doc.restoreGraphicsState()
    this.alpha = 1 // Q brings back the opacity of the saved state
  }

  // -- shapes in board units ------------------------------------------------------------------

  box(rect: Rect, fill: string | null, stroke: string | null, strokeWidth = 1): void {
    const { x, y, w, h } = this.pageRect(rect)
    if (fill) {
      this.fillColor(fill)
      this.doc.rect(x, y, w, h, 'F')
    }
    if (stroke) {
      this.strokeColor(stroke, this.len(strokeWidth))
      this.doc.rect(x, y, w, h, 'S')
    }
  }

  roundBox(rect: Rect, radius: number, fill: string | null, stroke: string | null, strokeWidth = 1): void {
    const { x, y, w, h } = this.pageRect(rect)
    const r = Math.min(this.len(radius), w / 2, h / 2)
    if (fill) {
      this.fillColor(fill)
      this.doc.roundedRect(x, y, w, h, r, r, 'F')
    }
    if (stroke) {
      this.strokeColor(stroke, this.len(strokeWidth))
      this.doc.roundedRect(x, y, w, h, r, r, 'S')
    }
  }

  circle(center: Point, radius: number, fill: string | null, stroke: string | null, strokeWidth = 1): void {
    const cx = this.x(center.x)
    const cy = this.y(center.y)
    const r = this.len(radius)
    if (fill) {
      this.fillColor(fill)
      this.doc.circle(cx, cy, r, 'F')
    }
    if (stroke) {
      this.strokeColor(stroke, this.len(strokeWidth))
      this.doc.circle(cx, cy, r, 'S')
    }
  }

  polygon(points: readonly Point[], fill: string): void {
    const [a, b, c] = points
    if (!a || !b || !c) return
    this.fillColor(fill)
    this.doc.triangle(this.x(a.x), this.y(a.y), this.x(b.x), this.y(b.y), this.x(c.x), this.y(c.y), 'F')
  }

  line(from: Point, to: Point, stroke: string, width: number, dash: readonly number[] = []): void {
    this.strokeColor(stroke, this.len(width))
    this.dash(dash)
    this.doc.line(this.x(from.x), this.y(from.y), this.x(to.x), this.y(to.y), 'S')
    this.dash([])
  }

  /** Strokes SVG path data (board units) with round joins and caps, as the board does. */
  strokePath(d: string, stroke: string, width: number, dash: readonly number[] = []): void {
    const segments = parseSvgPath(d)
    if (segments.length === 0) return
    this.strokeColor(stroke, this.len(width))
    this.dash(dash)
    this.doc.setLineJoin('round')
    this.doc.setLineCap('round')
    for (const s of segments) {
      if (s.op === 'M') this.doc.moveTo(this.x(s.to.x), this.y(s.to.y))
      else if (s.op === 'L') this.doc.lineTo(this.x(s.to.x), this.y(s.to.y))
      else if (s.op === 'C') {
        this.doc.curveTo(this.x(s.c1.x), this.y(s.c1.y), this.x(s.c2.x), this.y(s.c2.y), this.x(s.to.x), this.y(s.to.y))
      } else this.doc.close()
    }
    this.doc.stroke()
    this.doc.setLineJoin('miter')
    this.doc.setLineCap('butt')
    this.dash([])
  }

  private dash(pattern: readonly number[]): void {
    this.doc.setLineDashPattern(
      pattern.map((d) => this.len(d)),
      0
    )
  }

  private pageRect(rect: Rect): Rect {
    return { x: this.x(rect.x), y: this.y(rect.y), w: this.len(rect.w), h: this.len(rect.h) }
  }

  // -- shapes in page points (headers, footers, extra pages) -----------------------------------

  fillPageRect(x: number, y: number, w: number, h: number, fill: string): void {
    this.fillColor(fill)
    this.doc.rect(x, y, w, h, 'F')
  }

  fillPageCircle(cx: number, cy: number, r: number, fill: string): void {
    this.fillColor(fill)
    this.doc.circle(cx, cy, r, 'F')
  }

  pageLine(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number, dash: number[] = []): void {
    this.strokeColor(stroke, width)
    this.doc.setLineDashPattern(dash, 0)
    this.doc.line(x1, y1, x2, y2, 'S')
    this.doc.setLineDashPattern([], 0)
  }

  // -- text ------------------------------------------------------------------------------------

  /** A scene text block (board units): each line's runs at their measured places. */
  textBlock(block: TextBlock): void {
    const size = this.len(block.font.size)
    const angle = (block.rotation * Math.PI) / 180
    const cos = Math.cos(angle)
    const sin = Math.sin(angle)
    for (const line of block.lines) {
      if (line.text === '') continue
      // The line's start in board units, turned about the block's origin.
      const lx = line.x
      const ly = line.baseline
      const bx = block.x + lx * cos - ly * sin
      const by = block.y + lx * sin + ly * cos
      this.pageText(line.text, this.x(bx), this.y(by), size, block.font.weight, block.color, {
        rotation: block.rotation,
        italic: block.font.style === 'italic'
      })
    }
  }

  /**
   * A line of text in page points: `x, y` is the start of its baseline. Returns the advance.
   * `rotation` is clockwise in degrees, as in the scene.
   */
  pageText(
    text: string,
    x: number,
    y: number,
    size: number,
    weight: Font['weight'],
    color: string,
    options: { readonly rotation?: number; readonly italic?: boolean } = {}
  ): number {
    const shaped = this.fonts.shape(text, weight, this.missing)
    if (shaped.pieces.length === 0) return 0
    const c = parseColor(color)
    this.doc.setTextColor(c.r, c.g, c.b)
    this.setAlpha(c.a)
    const rotation = options.rotation ?? 0
    const angle = (rotation * Math.PI) / 180
    const cos = Math.cos(angle)
    const sin = Math.sin(angle)
    const slanted = options.italic === true && rotation === 0
    if (slanted) {
      // Shear about the baseline: x' = x + t·(y − baseline), in PDF space (y up).
      const baseline = this.doc.internal.pageSize.getHeight() - y
      this.doc.saveGraphicsState()
      this.doc.setCurrentTransformationMatrix(this.doc.Matrix(1, 0, ITALIC_SLANT, 1, -ITALIC_SLANT * baseline, 0))
    }
    this.doc.setFontSize(size)
    let font = ''
    const spanAt = new Map(shaped.spans.map((span) => [span.from, span]))
    let spanEnd = -1
    shaped.pieces.forEach((piece, index) => {
      const span = spanAt.get(index)
      if (span && span.to > span.from) {
        this.write(`/Span <</ActualText ${pdfTextString(span.text)}>> BDC`)
        spanEnd = span.to
      }
      if (piece.fontId !== font) {
        this.useFont(piece.fontId)
        font = piece.fontId
      }
      const px = piece.x * size
      const py = -piece.rise * size
      const tx = x + px * cos - py * sin
      const ty = y + px * sin + py * cos
      if (rotation === 0) this.doc.text(piece.text, tx, ty, { baseline: 'alphabetic' })
      else this.doc.text(piece.text, tx, ty, { baseline: 'alphabetic', angle: -rotation })
      if (index + 1 === spanEnd) this.write('EMC')
    })
    if (slanted) {
      this.doc.restoreGraphicsState()
      this.alpha = 1
    }
    return shaped.width * size
  }

  /** Width of a text in points at a size. */
  textWidth(text: string, size: number, weight: Font['weight'] = 'normal'): number {
    return this.fonts.shape(text, weight).width * size
  }

  /** A raw content-stream operator on the current page (jsPDF has no API for marked content). */
  private write(operator: string): void {
    ;(this.doc.internal as unknown as { write(...parts: string[]): void }).write(operator)
  }

  private useFont(id: string): void {
    const name = subsetName(id)
    if (!this.registered.has(id)) {
      const font = this.fonts.fonts.get(id)
      if (!font) throw new Error(`Font ${id} is not in the font set.`)
      this.doc.addFileToVFS(font.file, binaryString(font.bytes))
      this.doc.addFont(font.file, name, 'normal', 'normal', 'Identity-H')
      this.registered.add(id)
    }
    this.doc.setFont(name, 'normal')
  }
}
