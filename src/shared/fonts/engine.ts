/**
 * The text engine: one layout of a line of text for the board, the PDF and the PNG, the way a
 * browser lays it out, with the bundled fonts.
 *
 * 1. Direction: the paragraph's base direction is given (the block's first strong character,
 *    see bidi.ts); the Unicode Bidirectional Algorithm (bidi-js) gives every character its
 *    embedding level, and the line is cut into runs of one level.
 * 2. Fonts: each level run is cut again by font coverage, per grapheme (coverage.ts: the first
 *    font of the weight's stack that has the whole cluster; spaces and punctuation stay with
 *    their neighbours).
 * 3. Shaping: a run of a complex script (Arabic joining, Hebrew points, Devanagari conjuncts and
 *    vowel signs, Thai marks, Hangul jamo, emoji sequences, any combining mark) or any
 *    right-to-left run is shaped by HarfBuzz with the font's OpenType tables. Everything else
 *    (Latin, Greek, Cyrillic, Vietnamese, CJK and Hangul syllables without marks, left to right:
 *    nearly every note) takes the fast path: the font's cmap glyphs at their hmtx advances, no
 *    wasm call.
 * 4. Order: runs are put in visual order by their levels (rule L2) and placed left to right.
 *
 * Widths are in ems here (multiply by the font size). Fonts and HarfBuzz are handed in (the
 * Node edge reads files; the renderer fetches its bundled assets), and may arrive later: text
 * laid out before then is approximate (a character whose font is not there yet counts as
 * missing, a run that needs shaping is placed unshaped), and `version` changes when they arrive
 * so callers lay out again. Caches are bounded (LRU).
 */
import type { Font, MeasureText } from '../layout/scene'
import { defaultGraphemeSegmenter } from '../layout/text'
import { baseDirection, embeddingLevels, mayNeedBidi, mirrored, visualOrder, type Direction } from './bidi'
import { parseCmap, type CharacterMap } from './cmap'
import { splitRuns, type FontStack } from './coverage'
import type { HarfBuzz, HarfBuzzFont } from './harfbuzz'
import { FONT_STACKS, type BundledFont } from './bundled'
import { readHorizontalMetrics, type HorizontalMetrics } from './metrics'

/** Font files by file name, as in resources/fonts (e.g. "NotoSans-Regular.ttf" → bytes). */
export type FontFiles = Readonly<Record<string, Uint8Array>>

/** A bundled font the engine has read. */
export interface EngineFont extends BundledFont {
  readonly bytes: Uint8Array
  readonly cmap: CharacterMap
  readonly metrics: HorizontalMetrics
}

/** One glyph of a run, in ems of the font size. */
export interface PlacedGlyph {
  readonly id: number
  /** Where the glyph is drawn, from the run's left edge (offsets included). */
  readonly x: number
  /** Upward shift from the baseline (mark positioning). */
  readonly y: number
  readonly advance: number
  /** UTF-16 offset in the run's text of the first character of the glyph's cluster. */
  readonly cluster: number
}

/** A piece of a line in one font and one direction, in visual position. */
export interface GlyphRun {
  readonly fontId: string
  /** The run's characters in logical order (a placeholder □ for characters no font has). */
  readonly text: string
  readonly rtl: boolean
  /** Left edge from the line's left edge, in ems. */
  readonly x: number
  readonly width: number
  /** Shaped by HarfBuzz (all OpenType features); false: the cmap glyphs at their advances. */
  readonly shaped: boolean
  /** Characters no bundled font has, drawn as placeholders. */
  readonly missing: boolean
  /** Glyphs left to right, x from the run's left edge (computed when first asked for). */
  readonly glyphs: readonly PlacedGlyph[]
}

export interface LineLayout {
  readonly text: string
  readonly direction: Direction
  /** Advance of the whole line, in ems. */
  readonly width: number
  /** Runs left to right. */
  readonly runs: readonly GlyphRun[]
  /** Characters (clusters) no bundled font has. */
  readonly missing: readonly string[]
}

export interface TextEngine {
  /** Changes whenever fonts or HarfBuzz arrive: layouts made before may differ from new ones. */
  readonly version: number
  /** The fonts read so far, by id. */
  readonly fonts: ReadonlyMap<string, EngineFont>
  readonly hasHarfBuzz: boolean
  /** Adds font files (bundled ones; others are ignored). */
  addFonts(files: FontFiles): void
  setHarfBuzz(harfbuzz: HarfBuzz): void
  /** Bundled font files and HarfBuzz that `text` needs and that are not here yet. */
  needs(text: string): { readonly files: readonly string[]; readonly harfbuzz: boolean }
  /**
   * Whether `text` needs nothing that is not here (needs gives nothing), stopping at the first
   * character that does; each character's answer is kept until fonts arrive, so asking about a
   * whole map's texts one by one costs about a table lookup per character.
   */
  has(text: string): boolean
  /** Width of a text in board units at the font's size (the layout's measure). */
  readonly measure: MeasureText
  /**
   * A line's runs and glyphs; `direction` is the paragraph's (default: its first strong character).
   * Lines are kept for the next call (a few thousand, the board redraws them every frame) unless
   * `keep` is false: a PDF draws each of a big map's lines once, and keeping their glyphs would
   * only hold memory (and push out the board's lines).
   */
  layoutLine(text: string, weight: Font['weight'], direction?: Direction, keep?: boolean): LineLayout
  /** Called after fonts or HarfBuzz arrived. Returns the unsubscribe function. */
  onChange(listener: () => void): () => void
}

/**
 * Runs that need a shaper: combining marks; the Hebrew, Arabic, Syriac, Thaana, N'Ko and other
 * right-to-left blocks; Indic, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian and other
 * South/South-East Asian scripts; Hangul jamo; joiners; variation selectors; presentation
 * forms; regional indicators (flags), skin-tone modifiers and tags (emoji sequences).
 */
const COMPLEX_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f], // combining diacritical marks
  [0x0483, 0x0489],
  [0x0590, 0x08ff], // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic
  [0x0900, 0x0dff], // Devanagari … Sinhala
  [0x0e00, 0x0fff], // Thai, Lao, Tibetan
  [0x1000, 0x109f], // Myanmar
  [0x1100, 0x11ff], // Hangul jamo
  [0x1700, 0x18af], // Philippine scripts, Khmer, Mongolian
  [0x1900, 0x1aff], // Limbu, Tai Le, New Tai Lue, Buginese, Tai Tham, combining marks
  [0x1b00, 0x1c4f], // Balinese, Sundanese, Batak, Lepcha
  [0x1cd0, 0x1cff], // Vedic extensions
  [0x1dc0, 0x1dff], // combining diacritical marks supplement
  [0x200c, 0x200d], // joiners
  [0x20d0, 0x20ff], // combining marks for symbols
  [0xa800, 0xa82f],
  [0xa840, 0xa8ff],
  [0xa900, 0xa97f],
  [0xa980, 0xaaff],
  [0xabc0, 0xabff],
  [0xd7b0, 0xd7ff], // Hangul jamo extended-B
  [0xfb1d, 0xfdff], // Hebrew and Arabic presentation forms
  [0xfe00, 0xfe0f], // variation selectors
  [0xfe20, 0xfe2f], // combining half marks
  [0xfe70, 0xfeff],
  [0x10800, 0x10fff], // historic right-to-left scripts
  [0x11000, 0x11fff], // Brahmi and other historic Indic scripts
  [0x1e800, 0x1efff],
  [0x1f1e6, 0x1f1ff], // regional indicators (flags)
  [0x1f3fb, 0x1f3ff], // skin-tone modifiers
  [0xe0000, 0xe01ef] // tags, variation selectors supplement
]

/** Whether a text holds a character of COMPLEX_RANGES (the loop stops at the first). */
function isComplex(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!
    if (code > 0xffff) i++
    if (code < 0x0300) continue
    for (const [from, to] of COMPLEX_RANGES) {
      if (code < from) break
      if (code <= to) return true
    }
  }
  return false
}

/**
 * Characters the fast width may take: visible, a grapheme cluster on their own (no mark,
 * joiner, control or format character may follow or precede them into one), never shaped,
 * never right to left, in the Basic Multilingual Plane. Whether a font has them decides the
 * rest (see fastWidth).
 */
const SIMPLE_CHAR = /^\p{Grapheme_Base}$/u
const NOT_SIMPLE = /[\p{Default_Ignorable_Code_Point}\p{Extended_Pictographic}\p{Cc}\p{Cf}\p{M}]/u
const NEUTRAL_CHAR = /^[\p{Script=Common}\p{Script=Inherited}]$/u
/** fastWidth's verdict on a code point: not decided yet, or not one it can measure. */
const UNKNOWN = -1
const SLOW = -2

/** What a character no font has is drawn as: a white square, else a question mark. */
const PLACEHOLDERS = ['\u25a1', '?']

const LINE_CACHE = 20_000
const MEASURE_CACHE = 200_000

interface LoadedFont extends EngineFont {
  hb: HarfBuzzFont | null
}

interface Piece {
  readonly font: LoadedFont
  readonly text: string
  readonly level: number
  readonly missing: boolean
}

/** A run before it is placed: its width and how to make its glyphs. */
interface Shaped {
  readonly piece: Piece
  readonly width: number
  readonly shaped: boolean
  readonly glyphs: () => PlacedGlyph[]
}

/**
 * A GlyphRun whose glyphs are made when first asked for. A class, not an object literal with a
 * getter: V8 gives each such literal its own accessor pair in the old generation, which then
 * keeps the run's arrays alive until a full collection (a PDF of 200,000 lines left some
 * 400 MB of them in the old generation).
 */
class Run implements GlyphRun {
  readonly fontId: string
  readonly text: string
  readonly rtl: boolean
  readonly width: number
  readonly shaped: boolean
  readonly missing: boolean
  // Private fields, not properties: a run compares, prints and serializes as its data.
  readonly #source: Shaped
  #made: PlacedGlyph[] | null = null

  constructor(
    source: Shaped,
    readonly x: number
  ) {
    this.#source = source
    this.fontId = source.piece.font.id
    this.text = source.piece.text
    this.rtl = source.piece.level % 2 === 1
    this.width = source.width
    this.shaped = source.shaped
    this.missing = source.piece.missing
  }

  get glyphs(): readonly PlacedGlyph[] {
    return (this.#made ??= this.#source.glyphs())
  }
}

export function createTextEngine(files: FontFiles = {}, harfbuzz: HarfBuzz | null = null): TextEngine {
  const fonts = new Map<string, LoadedFont>()
  let hb = harfbuzz
  let version = 0
  let stacks: Record<Font['weight'], LoadedFont[]> = { normal: [], bold: [] }
  /** Per character (has): 0 not looked at since the fonts last changed, 1 nothing needed, 2 a file needed. */
  const wanting = new Uint8Array(0x10000)
  const wantingAstral = new Map<number, number>()
  let coverage: Record<Font['weight'], FontStack> = { normal: [], bold: [] }
  const listeners = new Set<() => void>()
  const lines = new Map<string, LineLayout>()
  const widths = new Map<string, number>()
  const graphemes = defaultGraphemeSegmenter()
  /** Per weight and code point: the index in the weight's stack of the first font that has it, or UNKNOWN/SLOW. */
  let fontIndex: Record<Font['weight'], Int16Array> = { normal: new Int16Array(0), bold: new Int16Array(0) }
  /** Per code point (BMP): 1 when it is a space, digit or punctuation (scripts Common, Inherited). */
  const neutral = new Uint8Array(0x10000)
  const neutralKnown = new Uint8Array(0x10000)
  /** Per font: each BMP code point's advance in ems (NaN until asked for). */
  const advances = new Map<LoadedFont, Float64Array>()

  const rebuild = () => {
    const stackOf = (weight: Font['weight']) =>
      FONT_STACKS[weight].map((f) => fonts.get(f.id)).filter((f): f is LoadedFont => f !== undefined)
    stacks = { normal: stackOf('normal'), bold: stackOf('bold') }
    coverage = {
      normal: stacks.normal.map((f) => ({ id: f.id, cmap: f.cmap, keepsNeutrals: f.keepsNeutrals })),
      bold: stacks.bold.map((f) => ({ id: f.id, cmap: f.cmap, keepsNeutrals: f.keepsNeutrals }))
    }
    lines.clear()
    widths.clear()
    wanting.fill(0)
    wantingAstral.clear()
    fontIndex = {
      normal: new Int16Array(0x10000).fill(UNKNOWN),
      bold: new Int16Array(0x10000).fill(UNKNOWN)
    }
    version++
  }

  const changed = () => {
    rebuild()
    for (const listener of [...listeners]) listener()
  }

  const addFonts = (given: FontFiles, notify: boolean) => {
    let added = false
    for (const weight of ['normal', 'bold'] as const) {
      for (const spec of FONT_STACKS[weight]) {
        const bytes = given[spec.file]
        if (!bytes || fonts.has(spec.id)) continue
        fonts.set(spec.id, {
          ...spec,
          bytes,
          cmap: parseCmap(bytes),
          metrics: readHorizontalMetrics(bytes),
          hb: null
        })
        added = true
      }
    }
    if (added) {
      if (notify) changed()
      else rebuild()
    }
  }
  addFonts(files, false)

  const hbFont = (font: LoadedFont): HarfBuzzFont | null => {
    if (!hb) return null
    font.hb ??= hb.createFont(font.bytes)
    return font.hb
  }

  const placeholderFor = (weight: Font['weight']): { font: LoadedFont; text: string } | null => {
    for (const text of PLACEHOLDERS) {
      const font = stacks[weight].find((f) => f.cmap.has(text.codePointAt(0)!))
      if (font) return { font, text }
    }
    return null
  }

  /** The line cut into pieces of one level and one font, in logical order. */
  const itemize = (text: string, weight: Font['weight'], direction: Direction): Piece[] => {
    const stack = stacks[weight]
    const cover = coverage[weight]
    if (stack.length === 0) return []
    const byId = (id: string) => stack.find((f) => f.id === id)!
    const pieces: Piece[] = []
    const add = (part: string, level: number) => {
      for (const run of splitRuns(part, cover, graphemes)) {
        pieces.push({ font: byId(run.fontId), text: run.text, level, missing: run.missing === true })
      }
    }
    if (direction === 'ltr' && !mayNeedBidi(text)) {
      add(text, 0)
      return pieces
    }
    const levels = embeddingLevels(text, direction)
    let start = 0
    for (let i = 1; i <= text.length; i++) {
      if (i === text.length || levels[i] !== levels[start]) {
        add(text.slice(start, i), levels[start]!)
        start = i
      }
    }
    return pieces
  }

  const nominal = (piece: Piece, rtl: boolean): Shaped => {
    const { font } = piece
    const scale = 1 / font.metrics.unitsPerEm
    const codes: number[] = []
    const clusters: number[] = []
    let offset = 0
    for (const ch of piece.text) {
      const drawn = rtl ? (mirrored(ch) ?? ch) : ch
      codes.push(drawn.codePointAt(0)!)
      clusters.push(offset)
      offset += ch.length
    }
    let width = 0
    for (const code of codes) width += font.metrics.advance(font.cmap.glyphId(code)) * scale
    return {
      piece,
      width,
      shaped: false,
      glyphs: () => {
        const out: PlacedGlyph[] = []
        let x = 0
        const order = rtl ? codes.map((_, i) => codes.length - 1 - i) : codes.map((_, i) => i)
        for (const i of order) {
          const id = font.cmap.glyphId(codes[i]!)
          const advance = font.metrics.advance(id) * scale
          out.push({ id, x, y: 0, advance, cluster: clusters[i]! })
          x += advance
        }
        return out
      }
    }
  }

  const shapeWithHarfBuzz = (piece: Piece, rtl: boolean, shaper: HarfBuzzFont): Shaped => {
    const result = shaper.shape(piece.text, rtl ? 'rtl' : 'ltr')
    const scale = 1 / shaper.unitsPerEm
    let width = 0
    for (const advance of result.advances) width += advance * scale
    return {
      piece,
      width,
      shaped: true,
      glyphs: () => {
        const out: PlacedGlyph[] = []
        let pen = 0
        for (let i = 0; i < result.glyphs.length; i++) {
          const advance = result.advances[i]! * scale
          out.push({
            id: result.glyphs[i]!,
            x: pen + result.xOffsets[i]! * scale,
            y: result.yOffsets[i]! * scale,
            advance,
            cluster: result.clusters[i]!
          })
          pen += advance
        }
        return out
      }
    }
  }

  const shapePiece = (piece: Piece, weight: Font['weight']): Shaped => {
    const rtl = piece.level % 2 === 1
    if (piece.missing) {
      const placeholder = placeholderFor(weight)
      const clusters = graphemes(piece.text)
      if (!placeholder) return { piece, width: 0, shaped: false, glyphs: () => [] }
      const text = placeholder.text.repeat(clusters.length)
      const drawn = nominal({ font: placeholder.font, text, level: 0, missing: true }, false)
      return { ...drawn, piece: { font: placeholder.font, text, level: piece.level, missing: true } }
    }
    if (rtl || isComplex(piece.text)) {
      const shaper = hbFont(piece.font)
      if (shaper) return shapeWithHarfBuzz(piece, rtl, shaper)
    }
    return nominal(piece, rtl)
  }

  const layoutLine = (
    text: string,
    weight: Font['weight'],
    direction: Direction = baseDirection(text),
    keep = true
  ): LineLayout => {
    const key = `${weight}\u0000${direction}\u0000${text}`
    const known = lines.get(key)
    if (known) {
      lines.delete(key)
      lines.set(key, known)
      return known
    }
    const pieces = itemize(text, weight, direction)
    const missing = new Set<string>()
    for (const piece of pieces) if (piece.missing) for (const cluster of graphemes(piece.text)) missing.add(cluster)
    const shaped = pieces.map((piece) => shapePiece(piece, weight))
    const order = visualOrder(shaped.map((s) => s.piece.level))
    const runs: GlyphRun[] = []
    let x = 0
    for (const index of order) {
      const s = shaped[index]!
      runs.push(new Run(s, x))
      x += s.width
    }
    const layout: LineLayout = { text, direction, width: x, runs, missing: [...missing] }
    if (!keep) return layout
    if (lines.size >= LINE_CACHE) lines.delete(lines.keys().next().value!)
    lines.set(key, layout)
    return layout
  }

  /** Which font of the weight's stack draws a code point, or SLOW when fastWidth cannot say. */
  const classify = (code: number, weight: Font['weight']): number => {
    const table = fontIndex[weight]
    let index = table[code]!
    if (index !== UNKNOWN) return index
    const ch = String.fromCharCode(code)
    index = SLOW
    if (SIMPLE_CHAR.test(ch) && !NOT_SIMPLE.test(ch) && !isComplex(ch) && !mayNeedBidi(ch)) {
      const found = stacks[weight].findIndex((f) => f.cmap.has(code))
      if (found >= 0) index = found
    }
    table[code] = index
    return index
  }

  const isNeutral = (code: number): boolean => {
    if (!neutralKnown[code]) {
      neutral[code] = NEUTRAL_CHAR.test(String.fromCharCode(code)) ? 1 : 0
      neutralKnown[code] = 1
    }
    return neutral[code] === 1
  }

  const advanceOf = (font: LoadedFont, code: number): number => {
    let table = advances.get(font)
    if (!table) {
      table = new Float64Array(0x10000).fill(Number.NaN)
      advances.set(font, table)
    }
    let advance = table[code]!
    if (Number.isNaN(advance)) {
      advance = font.metrics.advance(font.cmap.glyphId(code)) * (1 / font.metrics.unitsPerEm)
      table[code] = advance
    }
    return advance
  }

  const clusterFonts: number[] = []
  /**
   * The width in ems of a left-to-right text whose every character is a cluster of its own that
   * a bundled font draws unshaped (Latin, Cyrillic, Greek, CJK, punctuation: nearly every note),
   * or -1 for any other text. The same number, summed in the same order, as itemize → splitRuns
   * → nominal give (tests/unit/text-fast-width.test.ts holds the two side by side), without
   * segmenting graphemes or building runs.
   */
  const fastWidth = (text: string, weight: Font['weight']): number => {
    const stack = stacks[weight]
    const n = text.length
    let allFirst = true
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i)
      const index = classify(code, weight)
      if (index === SLOW) return -1
      if (index !== 0) allFirst = false
    }
    if (allFirst) {
      // splitRuns: the first font has every character, one run.
      const font = stack[0]!
      let width = 0
      for (let i = 0; i < n; i++) width += advanceOf(font, text.charCodeAt(i))
      return width
    }
    // splitRuns' rules with a cluster per character: a neutral character takes the font before
    // it when that font has it, else the font of the next non-neutral one, else its own first.
    const chosen = clusterFonts
    chosen.length = n
    for (let i = 0; i < n; i++) chosen[i] = isNeutral(text.charCodeAt(i)) ? -1 : classify(text.charCodeAt(i), weight)
    const takes = (index: number, code: number) =>
      index >= 0 && stack[index]!.keepsNeutrals !== false && stack[index]!.cmap.has(code)
    let previous = -1
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i)
      if (!isNeutral(code)) {
        previous = chosen[i]!
        continue
      }
      if (takes(previous, code)) {
        chosen[i] = previous
        continue
      }
      let next = -1
      for (let j = i + 1; j < n; j++) {
        if (!isNeutral(text.charCodeAt(j))) {
          next = chosen[j]!
          break
        }
      }
      chosen[i] = takes(next, code) ? next : classify(code, weight)
      previous = chosen[i]!
    }
    let width = 0
    let run = 0
    for (let i = 0; i < n; i++) {
      run += advanceOf(stack[chosen[i]!]!, text.charCodeAt(i))
      if (i === n - 1 || stack[chosen[i + 1]!]!.id !== stack[chosen[i]!]!.id) {
        width += run
        run = 0
      }
    }
    return width
  }

  const widthOf = (text: string, weight: Font['weight'], direction: Direction): number => {
    // No font yet (the renderer before its first font arrived): an estimate, replaced on arrival.
    if (stacks[weight].length === 0) return text.length * 0.55
    let width = 0
    for (const piece of itemize(text, weight, direction)) width += shapePiece(piece, weight).width
    return width
  }

  const measure: MeasureText = (text, font, direction) => {
    if (text === '') return 0
    const dir = direction ?? 'ltr'
    if (dir === 'ltr' && stacks[font.weight].length > 0) {
      const fast = fastWidth(text, font.weight)
      if (fast >= 0) return fast * font.size
    }
    // Shaped, right-to-left or mixed text: remembered, least recently used forgotten first.
    const key = `${font.weight}${dir === 'rtl' ? 'r' : 'l'}${text}`
    let em = widths.get(key)
    if (em === undefined) {
      em = widthOf(text, font.weight, dir)
      if (widths.size >= MEASURE_CACHE) widths.delete(widths.keys().next().value!)
    } else widths.delete(key)
    widths.set(key, em)
    return em * font.size
  }

  const wants = (code: number): boolean =>
    (['normal', 'bold'] as const).some(
      (weight) =>
        !stacks[weight].some((f) => f.cmap.has(code)) &&
        FONT_STACKS[weight].some((f) => !fonts.has(f.id) && f.ranges?.some(([from, to]) => code >= from && code <= to))
    )
  const has = (text: string): boolean => {
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i)
      if (code < 0x80) continue
      let verdict: number | undefined
      if (code >= 0xd800 && code <= 0xdbff) {
        code = text.codePointAt(i)!
        i++
        verdict = wantingAstral.get(code)
        if (verdict === undefined) wantingAstral.set(code, (verdict = wants(code) ? 2 : 1))
      } else {
        verdict = wanting[code]
        if (verdict === 0) wanting[code] = verdict = wants(code) ? 2 : 1
      }
      if (verdict === 2) return false
    }
    return hb !== null || !(isComplex(text) || mayNeedBidi(text))
  }

  const needs = (text: string) => {
    const files = new Set<string>()
    // One pass over the text (a whole map's, at open: millions of characters), each character
    // beyond ASCII looked at once; the Basic Multilingual Plane's in a table, not a Set.
    const seenBmp = new Uint8Array(0x10000)
    const seen = new Set<number>()
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i)
      if (code < 0x80) continue
      if (code >= 0xd800 && code <= 0xdbff) {
        code = text.codePointAt(i)!
        i++
        if (seen.has(code)) continue
        seen.add(code)
      } else {
        if (seenBmp[code]) continue
        seenBmp[code] = 1
      }
      for (const weight of ['normal', 'bold'] as const) {
        if (stacks[weight].some((f) => f.cmap.has(code))) continue
        const font = FONT_STACKS[weight].find(
          (f) => !fonts.has(f.id) && f.ranges?.some(([from, to]) => code >= from && code <= to)
        )
        if (font) files.add(font.file)
      }
    }
    return { files: [...files], harfbuzz: hb === null && (isComplex(text) || mayNeedBidi(text)) }
  }

  return {
    get version() {
      return version
    },
    get fonts() {
      return fonts as ReadonlyMap<string, EngineFont>
    },
    get hasHarfBuzz() {
      return hb !== null
    },
    addFonts: (given) => addFonts(given, true),
    setHarfBuzz(harfbuzz) {
      if (hb) return
      hb = harfbuzz
      changed()
    },
    needs,
    has,
    measure,
    layoutLine,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
