/**
 * A jsPDF page as a drawing surface in board units: the painters hand it scene rectangles, text
 * blocks and path data, and it places them on the page through a scale and an offset (board →
 * points). Colours may carry alpha (rgba); text is drawn as the text engine laid it out: glyph
 * runs in visual order, each glyph at HarfBuzz's position, each font embedded on first use and
 * subset to the glyphs shown, with every glyph's text in the font's ToUnicode map, so copying,
 * searching and pdftotext give the text back in logical order.
 */
import { GState, type jsPDF } from 'jspdf'
import { baseDirection, FONT_STACKS, type EngineFont, type GlyphRun, type PlacedGlyph } from '../../fonts'
import type { Font, Point, Rect, TextBlock, TextDirection } from '../../layout'
import type { PdfFontSet } from './fonts'
import { GlyphFonts, type EmbeddedFont } from './glyph-fonts'
import { parseSvgPath } from './svg-path'
import { extractionOrder, needsTextLayer, RIGHT_TO_LEFT_MARK } from './text-layer'

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
  private readonly glyphFonts: GlyphFonts
  /** Characters no bundled font has, met while drawing; drawn as a placeholder. */
  readonly missing = new Set<string>()

  constructor(
    readonly doc: jsPDF,
    readonly fonts: PdfFontSet
  ) {
    this.glyphFonts = new GlyphFonts(doc, binaryString, subsetName)
  }

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

  /** A picture (a data: URL of PNG or JPEG) in a board rectangle, letterboxed; false when jsPDF cannot read it. */
  image(rect: Rect, src: string, naturalWidth: number, naturalHeight: number): boolean {
    const format = /^data:image\/(png|jpeg)/.exec(src)?.[1]
    if (!format) return false
    const scale = Math.min(rect.w / naturalWidth, rect.h / naturalHeight)
    const w = naturalWidth * scale
    const h = naturalHeight * scale
    const box = this.pageRect({ x: rect.x + (rect.w - w) / 2, y: rect.y + (rect.h - h) / 2, w, h })
    try {
      // The same bytes under the same alias are embedded once, however often they are drawn.
      this.doc.addImage(src, format === 'png' ? 'PNG' : 'JPEG', box.x, box.y, box.w, box.h, `img-${hashOf(src)}`)
      return true
    } catch {
      return false
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

  /** A scene text block (board units): each line laid out in the block's direction at its measured place. */
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
        italic: block.font.style === 'italic',
        direction: block.direction
      })
    }
  }

  /**
   * A line of text in page points: `x, y` is the left end of its baseline. Returns the advance.
   * `rotation` is clockwise in degrees, as in the scene; `direction` is the paragraph's (by
   * default its first strong character's).
   *
   * The glyphs carry the text (ToUnicode, and /ActualText where glyphs were reordered or merged),
   * except on a line with right-to-left characters: there the glyphs are drawn as seen and marked
   * as carrying no text, and the line's text is written again, invisible (render mode 3), in the
   * order text extractors that read a line left to right and turn its right-to-left stretches
   * around (poppler's pdftotext and viewers) need to give it back in logical order — see
   * text-layer.ts.
   */
  pageText(
    text: string,
    x: number,
    y: number,
    size: number,
    weight: Font['weight'],
    color: string,
    options: { readonly rotation?: number; readonly italic?: boolean; readonly direction?: TextDirection } = {}
  ): number {
    // Not kept by the engine: each line is drawn once or twice (a poster's overlaps).
    const layout = this.fonts.engine.layoutLine(text, weight, options.direction, false)
    for (const character of layout.missing) this.missing.add(character)
    if (layout.runs.length === 0) return 0
    const c = parseColor(color)
    this.setAlpha(c.a)
    const theta = ((options.rotation ?? 0) * Math.PI) / 180
    const cos = Math.cos(theta)
    const sin = Math.sin(theta)
    const shear = options.italic === true && !options.rotation ? ITALIC_SLANT : 0
    const pageHeight = this.doc.internal.pageSize.getHeight()
    /** Tm placing text at `along` points from the line's start. */
    const matrix = (along: number) =>
      `${num(cos)} ${num(-sin)} ${num(sin + shear)} ${num(cos)} ${num(x + along * cos)} ${num(pageHeight - (y + along * sin))} Tm`
    const bidi = needsTextLayer(text)
    const ops: string[] = []
    if (bidi) ops.push('/Span <</ActualText ()>> BDC')
    ops.push('BT', `${num(c.r / 255)} ${num(c.g / 255)} ${num(c.b / 255)} rg`)
    for (const run of layout.runs) {
      const font = this.fonts.engine.fonts.get(run.fontId)
      if (!font || run.glyphs.length === 0) continue
      const embedded = this.glyphFonts.use(font)
      ops.push(`/${embedded.key} ${num(size)} Tf`, matrix(run.x * size))
      this.runOperators(run, embedded, size, ops, !bidi)
    }
    ops.push('ET')
    if (bidi) {
      ops.push('EMC')
      this.textLayer(text, weight, size, layout.width * size, matrix, ops)
    }
    this.write(ops.join('\n'))
    return layout.width * size
  }

  /**
   * The invisible text of a line with right-to-left characters (see text-layer.ts): each
   * character's own glyph, one after the other, squeezed or stretched over the drawn line.
   */
  private textLayer(
    text: string,
    weight: Font['weight'],
    size: number,
    width: number,
    matrix: (along: number) => string,
    ops: string[]
  ): void {
    const stack = FONT_STACKS[weight]
      .map((f) => this.fonts.engine.fonts.get(f.id))
      .filter((f): f is EngineFont => f !== undefined)
    const first = stack[0]
    if (!first) return
    const pieces: { font: EngineFont; glyph: number; text: string | null; advance: number }[] = []
    for (const item of extractionOrder(text)) {
      if (item === RIGHT_TO_LEFT_MARK) {
        // A mark extractors read as right-to-left: a space glyph standing for U+200F.
        const space = first.cmap.glyphId(0x20)
        pieces.push({
          font: first,
          glyph: space,
          text: null,
          advance: first.metrics.advance(space) / first.metrics.unitsPerEm
        })
        continue
      }
      const code = item.codePointAt(0)!
      const font = stack.find((f) => f.cmap.has(code))
      if (!font) continue
      const glyph = font.cmap.glyphId(code)
      pieces.push({ font, glyph, text: item, advance: font.metrics.advance(glyph) / font.metrics.unitsPerEm })
    }
    const natural = pieces.reduce((sum, p) => sum + p.advance * size, 0)
    if (natural <= 0) return
    ops.push('BT', '3 Tr', `${num((100 * width) / natural)} Tz`, matrix(0))
    let current = ''
    for (const piece of pieces) {
      const embedded = this.glyphFonts.use(piece.font)
      if (embedded.key !== current) {
        ops.push(`/${embedded.key} ${num(size)} Tf`)
        current = embedded.key
      }
      const hex = `<${piece.glyph.toString(16).padStart(4, '0')}>`
      if (piece.text === null) {
        this.glyphFonts.show(embedded, piece.glyph)
        ops.push(`/Span <</ActualText ${pdfTextString(RIGHT_TO_LEFT_MARK)}>> BDC ${hex} Tj EMC`)
      } else if (this.glyphFonts.map(embedded, piece.glyph, piece.text)) {
        ops.push(`${hex} Tj`)
      } else {
        ops.push(`/Span <</ActualText ${pdfTextString(piece.text)}>> BDC ${hex} Tj EMC`)
      }
    }
    ops.push('0 Tr', '100 Tz', 'ET')
  }

  /**
   * The glyphs of a run as TJ arrays (kerning, marks and contextual forms at HarfBuzz's
   * positions). When `carriesText`, each glyph's text is recorded for ToUnicode, and a run whose
   * glyphs cannot give its text back one by one (a cluster of several glyphs: a Devanagari vowel
   * sign drawn before its consonant, Thai marks; a glyph already standing for other text) is
   * tagged with its text as /ActualText.
   */
  private runOperators(run: GlyphRun, embedded: EmbeddedFont, size: number, ops: string[], carriesText: boolean): void {
    const glyphs = run.glyphs
    const font = embedded.font
    const unit = 1000 / font.metrics.unitsPerEm
    const starts = [...new Set(glyphs.map((g) => g.cluster))].sort((a, b) => a - b)
    const endOf = (cluster: number) => starts.find((s) => s > cluster) ?? run.text.length
    let readable = true
    for (let i = 0; i < glyphs.length;) {
      const cluster = glyphs[i]!.cluster
      let j = i
      while (j < glyphs.length && glyphs[j]!.cluster === cluster) j++
      const text = run.text.slice(cluster, endOf(cluster))
      if (!this.mapCluster(embedded, glyphs.slice(i, j), text, run.rtl, carriesText)) readable = false
      i = j
    }
    const tagged = carriesText && !readable
    if (tagged) ops.push(`/Span <</ActualText ${pdfTextString(run.text)}>> BDC`)
    let pen = 0
    let rise = 0
    let array: string[] = []
    const flush = () => {
      if (array.length > 0) ops.push(`[${array.join('')}] TJ`)
      array = []
    }
    for (const glyph of glyphs) {
      const lift = glyph.y * size
      if (Math.abs(lift - rise) > 0.001) {
        flush()
        ops.push(`${num(lift)} Ts`)
        rise = lift
      }
      const target = glyph.x * 1000
      const adjust = pen - target
      if (Math.abs(adjust) > 0.01) array.push(num(adjust))
      array.push(`<${glyph.id.toString(16).padStart(4, '0')}>`)
      pen = target + font.metrics.advance(glyph.id) * unit
    }
    flush()
    if (rise !== 0) ops.push('0 Ts')
    if (tagged) ops.push('EMC')
  }

  /**
   * Gives each glyph of a cluster its text for ToUnicode (only a character's own glyph when the
   * glyphs do not carry the text). True when the glyphs read back as the cluster's text.
   */
  private mapCluster(
    embedded: EmbeddedFont,
    group: readonly PlacedGlyph[],
    text: string,
    rtl: boolean,
    carriesText: boolean
  ): boolean {
    const fonts = this.glyphFonts
    if (carriesText && group.length === 1) return fonts.map(embedded, group[0]!.id, text)
    // Several glyphs for one cluster (a base and its marks, a reordered vowel sign, a conjunct):
    // readers order glyphs by position, and a mark HarfBuzz placed is often at or past the next
    // base, so the cluster cannot be read glyph by glyph. Those that are a character's own glyph
    // keep that character for ToUnicode; the caller tags the run with its text.
    const cmap = embedded.font.cmap
    const characters = Array.from(text)
    for (const glyph of rtl ? [...group].reverse() : group) {
      const character = characters.find((ch) => cmap.glyphId(ch.codePointAt(0)!) === glyph.id)
      if (character) fonts.map(embedded, glyph.id, character)
      else fonts.show(embedded, glyph.id)
    }
    return false
  }

  /** Width of a text in points at a size. */
  textWidth(text: string, size: number, weight: Font['weight'] = 'normal'): number {
    return this.fonts.measure(text, { family: '', size, weight, style: 'normal' }, baseDirection(text))
  }

  /** A raw content-stream operator on the current page (jsPDF has no API for glyph ids or marked content). */
  private write(operator: string): void {
    ;(this.doc.internal as unknown as { write(...parts: string[]): void }).write(operator)
  }
}

/** A number for the content stream: at most three decimals, no exponent. */
function num(n: number): string {
  const rounded = Math.round(n * 1000) / 1000
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

/** A short, stable name for a picture's bytes (FNV-1a over the data URL). */
function hashOf(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36) + text.length.toString(36)
}
