/**
 * The fonts of a PDF export: the bundled TrueType files (handed in as bytes, so this runs in
 * Node, the renderer and tests alike), their character maps, advance widths and mark anchors,
 * and the two things the exporter does with them:
 *
 * - `measure`: the width of a text as the PDF will draw it, for layoutMap. Widths are the ones
 *   jsPDF writes into the file (whole thousandths of an em per glyph, no kerning), summed per
 *   font run, so a wrapped line never overflows its note on paper.
 * - `shape`: a line cut into pieces to draw, each in one font (per-glyph fallback: a jsPDF run
 *   in a font lacking a glyph is cut off there), with combining marks that the font's GPOS
 *   anchors move (Thai tone marks over upper vowels, marks over tall consonants) drawn as pieces
 *   of their own at their shifted place. Characters no font has (and any beyond the Basic
 *   Multilingual Plane, which jsPDF cannot encode) become a visible placeholder.
 */
import {
  FONT_STACKS,
  parseCmap,
  splitRuns,
  type BundledFont,
  type CharacterMap,
  type FontStack,
  type TextRun
} from '../../fonts'
import { readMarkPositioning, type MarkPositioning } from '../../fonts/marks'
import { readHorizontalMetrics, type HorizontalMetrics } from '../../fonts/metrics'
import { memoizeMeasure, type Font, type MeasureText } from '../../layout'
import { defaultGraphemeSegmenter } from '../../layout/text'

/** Font files by file name, as in resources/fonts (e.g. "NotoSans-Regular.ttf" → bytes). */
export type FontFiles = Readonly<Record<string, Uint8Array>>

/** One font ready for the PDF. */
export interface PdfFont {
  /** Name it is registered under in the PDF (BundledFont.id). */
  readonly id: string
  readonly file: string
  readonly bytes: Uint8Array
  readonly cmap: CharacterMap
  readonly metrics: HorizontalMetrics
  readonly marks: MarkPositioning | null
}

/** A piece of a line drawn with one text call. Offsets are in ems of the font size. */
export interface ShapedPiece {
  readonly fontId: string
  readonly text: string
  /** Left of the piece from the start of the line. */
  readonly x: number
  /** Upward shift of the piece (mark positioning); 0 on the baseline. */
  readonly rise: number
}

/**
 * Pieces [from, to) that together draw `text`: a run whose marks were moved, so its characters
 * are drawn out of order and position. The PDF tags them with the run's text (/ActualText), so
 * copying and text extraction give back the characters as written.
 */
export interface ShapedSpan {
  readonly from: number
  readonly to: number
  readonly text: string
}

export interface ShapedLine {
  readonly pieces: readonly ShapedPiece[]
  readonly spans: readonly ShapedSpan[]
  /** Advance of the whole line, in ems. */
  readonly width: number
}

export interface PdfFontSet {
  readonly fonts: ReadonlyMap<string, PdfFont>
  readonly measure: MeasureText
  /** The line's pieces; characters no bundled font draws are added to `missing` when given. */
  shape(text: string, weight: Font['weight'], missing?: Set<string>): ShapedLine
}

/** What a character no font has is drawn as: a white square, else a question mark. */
const PLACEHOLDERS = ['\u25a1', '?']
/** Thai SARA AM: a shaper splits it into NIKHAHIT + SARA AA and puts the NIKHAHIT first. */
const SARA_AM = 0x0e33
const NIKHAHIT = 0x0e4d
const THAI_TONE = /[\u0e48-\u0e4b]/
const COMBINING = /\p{M}/u

/**
 * Builds the font set from the bundled files. Fonts of the stacks that are not given are left
 * out of them (their characters fall to the next font or become placeholders); the first
 * font of each stack must be there.
 */
export function createPdfFontSet(files: FontFiles): PdfFontSet {
  const fonts = new Map<string, PdfFont>()
  const load = (font: BundledFont): PdfFont | undefined => {
    const known = fonts.get(font.id)
    if (known) return known
    const bytes = files[font.file]
    if (!bytes) return undefined
    const loaded: PdfFont = {
      id: font.id,
      file: font.file,
      bytes,
      cmap: parseCmap(bytes),
      metrics: readHorizontalMetrics(bytes),
      marks: readMarkPositioning(bytes)
    }
    fonts.set(font.id, loaded)
    return loaded
  }
  const stacks = {
    normal: FONT_STACKS.normal.map(load).filter((f): f is PdfFont => f !== undefined),
    bold: FONT_STACKS.bold.map(load).filter((f): f is PdfFont => f !== undefined)
  }
  for (const weight of ['normal', 'bold'] as const) {
    if (stacks[weight][0]?.id !== FONT_STACKS[weight][0]?.id) {
      throw new Error(`The PDF needs ${FONT_STACKS[weight][0]?.file ?? 'a font'}; it was not given.`)
    }
  }
  const fallbackStacks: Record<Font['weight'], FontStack> = {
    normal: stacks.normal.map((f) => ({ id: f.id, cmap: f.cmap })),
    bold: stacks.bold.map((f) => ({ id: f.id, cmap: f.cmap }))
  }
  const graphemes = defaultGraphemeSegmenter()

  const placeholderFor = (weight: Font['weight']): { font: PdfFont; text: string } => {
    for (const text of PLACEHOLDERS) {
      const font = stacks[weight].find((f) => f.cmap.has(text.codePointAt(0)!))
      if (font) return { font, text }
    }
    return { font: stacks[weight][0]!, text: '' }
  }

  const shapeRun = (
    run: TextRun,
    weight: Font['weight'],
    startX: number,
    out: ShapedPiece[],
    spans: ShapedSpan[],
    missing: Set<string> | undefined
  ): number => {
    const font = fonts.get(run.fontId)!
    const bmp = !/[\u{10000}-\u{10ffff}]/u.test(run.text)
    if (run.missing || !bmp) {
      let x = startX
      for (const cluster of graphemes(run.text)) {
        const covered = !run.missing && !/[\u{10000}-\u{10ffff}]/u.test(cluster)
        if (covered) {
          x = shapeRun({ fontId: run.fontId, text: cluster }, weight, x, out, spans, missing)
          continue
        }
        missing?.add(cluster)
        const placeholder = placeholderFor(weight)
        if (placeholder.text === '') continue
        out.push({ fontId: placeholder.font.id, text: placeholder.text, x, rise: 0 })
        x += advanceOf(placeholder.font, placeholder.text)
      }
      return x
    }
    const scale = 1 / 1000
    if (!font.marks || !COMBINING.test(run.text)) {
      out.push({ fontId: font.id, text: run.text, x: startX, rise: 0 })
      return startX + advanceOf(font, run.text)
    }
    // Glyphs in logical order, with a virtual NIKHAHIT before Thai tone marks that precede SARA AM.
    const codes = Array.from(run.text, (ch) => ch.charCodeAt(0))
    const glyphs: number[] = []
    const advances: number[] = []
    const real: number[] = [] // index into codes of each glyph, -1 for a virtual one
    for (let i = 0; i < codes.length; i++) {
      if (THAI_TONE.test(run.text[i]!) && followedBySaraAm(codes, i) && !THAI_TONE.test(run.text[i - 1] ?? '')) {
        const nikhahit = font.cmap.glyphId(NIKHAHIT)
        if (nikhahit) {
          glyphs.push(nikhahit)
          advances.push(0)
          real.push(-1)
        }
      }
      const glyph = font.cmap.glyphId(codes[i]!)
      glyphs.push(glyph)
      advances.push(font.metrics.advance1000(glyph))
      real.push(i)
    }
    const offsets = font.marks.position(glyphs, advances)
    if (offsets.some((o, g) => o !== null && real[g]! >= 0)) {
      spans.push({ from: out.length, to: out.length, text: run.text })
    }
    const span = spans[spans.length - 1]
    const first = out.length
    let pen = startX
    let text = ''
    let textX = pen
    const flush = () => {
      if (text) out.push({ fontId: font.id, text, x: textX, rise: 0 })
      text = ''
    }
    for (let g = 0; g < glyphs.length; g++) {
      const index = real[g]!
      if (index < 0) continue
      const offset = offsets[g]
      const advance = advances[g]! * scale
      if (offset) {
        flush()
        out.push({ fontId: font.id, text: run.text[index]!, x: pen + offset.dx * scale, rise: offset.dy * scale })
        pen += advance
        textX = pen
      } else {
        if (text === '') textX = pen
        text += run.text[index]
        pen += advance
      }
    }
    flush()
    if (span && span.from === first) spans[spans.length - 1] = { ...span, to: out.length }
    return pen
  }

  const shape = (text: string, weight: Font['weight'], missing?: Set<string>): ShapedLine => {
    const pieces: ShapedPiece[] = []
    const spans: ShapedSpan[] = []
    let x = 0
    for (const run of splitRuns(text, fallbackStacks[weight], graphemes))
      x = shapeRun(run, weight, x, pieces, spans, missing)
    return { pieces, spans, width: x }
  }

  const measure = memoizeMeasure((text, font) => shape(text, font.weight).width * font.size)
  return { fonts, measure, shape }
}

/** Width of text drawn in one font without shaping, in ems (BMP characters only). */
function advanceOf(font: PdfFont, text: string): number {
  let sum = 0
  for (let i = 0; i < text.length; i++) sum += font.metrics.advance1000(font.cmap.glyphId(text.charCodeAt(i)))
  return sum / 1000
}

function followedBySaraAm(codes: readonly number[], i: number): boolean {
  let j = i + 1
  while (j < codes.length && codes[j]! >= 0x0e48 && codes[j]! <= 0x0e4b) j++
  return codes[j] === SARA_AM
}
