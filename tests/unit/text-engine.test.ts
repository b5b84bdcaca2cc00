/**
 * The text engine with the shipped fonts and the real HarfBuzz (the wasm the harfbuzzjs package
 * ships): paragraph direction, visual order, Arabic joining, Devanagari reordering, Thai marks,
 * emoji sequences, the fast path, and fonts arriving late.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { readBundledFonts, readHarfBuzzWasm } from '../../src/library/bundled-fonts'
import { extractionOrder, RIGHT_TO_LEFT_MARK } from '../../src/shared/export/pdf/text-layer'
import {
  BUNDLED_FONTS,
  baseDirection,
  createTextEngine,
  loadHarfBuzz,
  readTableDirectory,
  withoutEmptyTables,
  type HarfBuzz,
  type LineLayout,
  type TextEngine
} from '../../src/shared/fonts'
import { visualOrder } from '../../src/shared/fonts/bidi'
import { wrapText } from '../../src/shared/layout'
import { WORLD_SENTENCES } from './pdf-fixtures'

let harfbuzz: HarfBuzz
let engine: TextEngine
const files = readBundledFonts()
beforeAll(async () => {
  harfbuzz = await loadHarfBuzz(readHarfBuzzWasm())
  engine = createTextEngine(files, harfbuzz)
})

const FONT = { family: 'x', size: 10, weight: 'normal', style: 'normal' } as const
/** The runs' texts left to right. */
const visual = (layout: LineLayout) => layout.runs.map((r) => r.text)
const nominalGlyph = (fontId: string, ch: string) => engine.fonts.get(fontId)!.cmap.glyphId(ch.codePointAt(0)!)

describe('direction', () => {
  it("is the first strong character's, as dir=auto has it", () => {
    expect(baseDirection('Hello שלום')).toBe('ltr')
    expect(baseDirection('שלום Hello')).toBe('rtl')
    expect(baseDirection('15% من العملاء')).toBe('rtl')
    expect(baseDirection('«مرحبا»')).toBe('rtl')
    expect(baseDirection('123 …')).toBe('ltr')
    expect(baseDirection('')).toBe('ltr')
  })

  it('orders runs by their levels (rule L2)', () => {
    expect(visualOrder([0, 0, 0])).toEqual([0, 1, 2])
    expect(visualOrder([1, 1, 1])).toEqual([2, 1, 0])
    // An English phrase inside a right-to-left line keeps its own order.
    expect(visualOrder([1, 2, 2, 1])).toEqual([3, 1, 2, 0])
    expect(visualOrder([0, 1, 1, 0])).toEqual([0, 2, 1, 3])
  })

  it('lays a right-to-left paragraph out right to left: the full stop on the left, numbers left to right', () => {
    const line = engine.layoutLine('ارتفع بنسبة 15% بعد التحسينات.', 'normal', 'rtl')
    expect(line.direction).toBe('rtl')
    const runs = visual(line)
    // Leftmost: the last words, ending with the full stop drawn first; then the number, left to
    // right; rightmost, the first words.
    const leftmost = line.runs[0]!
    expect(leftmost.text).toBe('بعد التحسينات.')
    expect(leftmost.glyphs[0]!.id).toBe(nominalGlyph(leftmost.fontId, '.'))
    expect(runs.some((r) => r.startsWith('15'))).toBe(true)
    expect(runs.at(-1)).toContain('ارتفع')
    expect(line.runs.find((r) => r.text.includes('ارتفع'))!.rtl).toBe(true)
    expect(line.runs.find((r) => r.text.includes('15'))!.rtl).toBe(false)
    // The same text in a left-to-right paragraph: the Arabic words still run right to left, but
    // the full stop follows on the right.
    const ltr = engine.layoutLine('ارتفع بنسبة 15% بعد التحسينات.', 'normal', 'ltr')
    expect(ltr.runs.at(-1)!.text).toBe('.')
  })

  it('keeps Hebrew in a left-to-right sentence in its own order, right to left', () => {
    const line = engine.layoutLine('The word שלום means peace', 'normal', 'ltr')
    const hebrew = line.runs.find((r) => r.rtl)!
    expect(hebrew.text.trim()).toBe('שלום')
    // Glyphs left to right: the last letter (final mem) first.
    expect(hebrew.glyphs[0]!.id).toBe(nominalGlyph(hebrew.fontId, 'ם'))
    expect(line.runs[0]!.text).toBe('The word ')
  })
})

describe('shaping', () => {
  it('joins Arabic letters: contextual forms and the lam-alef ligature, never the isolated glyphs', () => {
    const word = engine.layoutLine('العملاء', 'normal', 'rtl')
    const run = word.runs[0]!
    expect(run.fontId).toBe('NotoSansArabic')
    expect(run.shaped).toBe(true)
    const isolated = Array.from('العملاء', (ch) => nominalGlyph(run.fontId, ch))
    // Medial and final forms replace the isolated glyphs; لا becomes one glyph.
    expect(run.glyphs.length).toBeLessThan(isolated.length)
    expect(run.glyphs.filter((g) => isolated.includes(g.id)).length).toBeLessThan(3)
    const lamAlef = engine.layoutLine('لا', 'normal', 'rtl').runs[0]!
    expect(lamAlef.glyphs).toHaveLength(1)
  })

  it('draws a Devanagari vowel sign before its consonant and a conjunct as fewer glyphs', () => {
    const ki = engine.layoutLine('कि', 'normal').runs[0]!
    expect(ki.fontId).toBe('NotoSansDevanagari')
    expect(ki.glyphs).toHaveLength(2)
    expect(ki.glyphs[1]!.id).toBe(nominalGlyph(ki.fontId, 'क'))
    expect(ki.glyphs[0]!.id).not.toBe(nominalGlyph(ki.fontId, 'क'))
    const ksha = engine.layoutLine('क्ष', 'normal').runs[0]!
    expect(ksha.glyphs.length).toBeLessThan(3)
  })

  it('places Thai tone marks clear of upper vowels and tall consonants', () => {
    // ที่: the tone mark after an upper vowel is raised (another glyph) or moved up.
    const thi = engine.layoutLine('ที่', 'normal').runs[0]!
    const tone = nominalGlyph(thi.fontId, '\u0e48')
    const mark = thi.glyphs[2]!
    expect(mark.id !== tone || mark.y > 0.1).toBe(true)
    // ปู่: the tone mark moves left, clear of the tall consonant's stem (moved, or a left-shifted variant glyph).
    const pu = engine.layoutLine('ปู่', 'normal').runs[0]!
    const base = pu.glyphs[0]!
    const last = pu.glyphs[pu.glyphs.length - 1]!
    expect(last.x < base.advance - 0.1 || last.id !== tone).toBe(true)
  })

  it('draws emoji sequences as one glyph: skin tone, ZWJ sequence, flag', () => {
    for (const emoji of ['👍🏽', '👩‍💻', '🇺🇦']) {
      const line = engine.layoutLine(emoji, 'normal')
      expect(line.missing, emoji).toEqual([])
      expect(
        line.runs.map((r) => r.fontId),
        emoji
      ).toEqual(['NotoEmoji'])
      expect(line.runs[0]!.glyphs, emoji).toHaveLength(1)
    }
  })

  it('takes the fast path for Latin, Cyrillic, Greek, Vietnamese, CJK and Hangul syllables', () => {
    for (const language of ['english', 'russian', 'greek', 'vietnamese', 'chinese', 'japanese', 'korean'] as const) {
      const line = engine.layoutLine(WORLD_SENTENCES[language], 'normal')
      expect(
        line.runs.every((r) => !r.shaped),
        language
      ).toBe(true)
      expect(line.missing, language).toEqual([])
    }
    for (const language of ['thai', 'arabic', 'hebrew', 'hindi', 'emoji'] as const) {
      const line = engine.layoutLine(WORLD_SENTENCES[language], 'normal')
      expect(
        line.runs.some((r) => r.shaped),
        language
      ).toBe(true)
      expect(line.missing, language).toEqual([])
    }
  })

  it('measures a line as wide as its runs, in ems times the size', () => {
    for (const sentence of Object.values(WORLD_SENTENCES)) {
      const line = engine.layoutLine(sentence, 'normal', baseDirection(sentence))
      const sum = line.runs.reduce((w, r) => w + r.width, 0)
      expect(line.width).toBeCloseTo(sum, 9)
      expect(engine.measure(sentence, FONT, baseDirection(sentence))).toBeCloseTo(line.width * 10, 6)
      // Runs sit side by side.
      line.runs.forEach((run, i) => {
        if (i > 0) expect(run.x).toBeCloseTo(line.runs[i - 1]!.x + line.runs[i - 1]!.width, 9)
      })
    }
  })
})

describe('fonts and HarfBuzz arriving late', () => {
  it('says what a text needs, lays out approximately until then, and tells when they arrive', async () => {
    const late = createTextEngine({
      [BUNDLED_FONTS.notoSans.file]: files[BUNDLED_FONTS.notoSans.file]!,
      [BUNDLED_FONTS.notoSansBold.file]: files[BUNDLED_FONTS.notoSansBold.file]!
    })
    expect(late.needs('Hello, Привет')).toEqual({ files: [], harfbuzz: false })
    expect(late.has('Hello, Привет')).toBe(true)
    expect(late.has('Hello 한국')).toBe(false)
    expect(late.has('مرحبا')).toBe(false)
    const needs = late.needs('مرحبا 한국')
    expect([...needs.files].sort()).toEqual(
      [BUNDLED_FONTS.notoSansArabic.file, BUNDLED_FONTS.notoSansArabicBold.file, BUNDLED_FONTS.nanumGothic.file].sort()
    )
    expect(needs.harfbuzz).toBe(true)
    expect(late.layoutLine('مرحبا', 'normal').missing.length).toBeGreaterThan(0)

    let changes = 0
    late.onChange(() => changes++)
    const version = late.version
    late.addFonts(Object.fromEntries(needs.files.map((f) => [f, files[f]!])))
    expect(changes).toBe(1)
    // The fonts are here (the answer kept for 한 is forgotten); Arabic still waits for HarfBuzz.
    expect(late.has('Hello 한국')).toBe(true)
    expect(late.has('مرحبا')).toBe(false)
    expect(late.version).toBeGreaterThan(version)
    const unshaped = late.layoutLine('مرحبا', 'normal')
    expect(unshaped.missing).toEqual([])
    expect(unshaped.runs[0]!.shaped).toBe(false)
    late.setHarfBuzz(harfbuzz)
    expect(changes).toBe(2)
    const shaped = late.layoutLine('مرحبا', 'normal')
    expect(shaped.runs[0]!.shaped).toBe(true)
    expect(shaped).not.toBe(unshaped)
    expect(late.needs('مرحبا 한국')).toEqual({ files: [], harfbuzz: false })
    expect(late.has('مرحبا 한국')).toBe(true)
  })

  it('keeps laid-out lines in a bounded cache', () => {
    const first = engine.layoutLine('cached line', 'normal')
    expect(engine.layoutLine('cached line', 'normal')).toBe(first)
    for (let i = 0; i < 21_000; i++) engine.layoutLine(`line ${i}`, 'normal')
    expect(engine.layoutLine('cached line', 'normal')).not.toBe(first)
  })

  it('estimates widths before any font arrived instead of failing', () => {
    const empty = createTextEngine()
    expect(empty.measure('abcd', FONT)).toBeGreaterThan(0)
    expect(empty.layoutLine('abcd', 'normal').runs).toEqual([])
  })
})

describe('wrapping right-to-left text', () => {
  it('measures and wraps in the paragraph direction and tells it', () => {
    const wrapped = wrapText(WORLD_SENTENCES.arabic, 200, FONT, engine.measure)
    expect(wrapped.direction).toBe('rtl')
    expect(wrapped.lines.length).toBeGreaterThan(1)
    for (const line of wrapped.lines) expect(line.width).toBeLessThanOrEqual(200)
    expect(wrapped.lines.map((l) => l.text).join(' ')).toBe(WORLD_SENTENCES.arabic)
    expect(wrapText(WORLD_SENTENCES.english, 200, FONT, engine.measure).direction).toBe('ltr')
  })
})

describe('the PDF text layer order', () => {
  it('cuts a line into the stretches a left-to-right reader reverses, each led by a RIGHT-TO-LEFT MARK', () => {
    const M = RIGHT_TO_LEFT_MARK
    expect(extractionOrder('בנסבה 15% אחרי.')).toEqual([
      ...[M, ' ', 'ה', 'ב', 'ס', 'נ', 'ב'],
      ...['1', '5', '%', ' '],
      ...[M, 'י', 'ר', 'ח', 'א'],
      '.'
    ])
    expect(extractionOrder('The word שלום means peace')).toEqual([
      ...'The word ',
      ...[M, ' ', 'ם', 'ו', 'ל', 'ש'],
      ...'means peace'
    ])
    expect(extractionOrder('Hello')).toEqual([...'Hello'])
  })
})

describe('withoutEmptyTables', () => {
  it('drops the empty table browsers refuse and keeps every other table as it was', () => {
    const nanum = files[BUNDLED_FONTS.nanumGothic.file]!
    const cleaned = withoutEmptyTables(nanum)
    const before = readTableDirectory(nanum).tables
    const after = readTableDirectory(cleaned).tables
    expect(before.get('TSI3')?.length).toBe(0)
    expect(after.has('TSI3')).toBe(false)
    expect(after.size).toBe(before.size - 1)
    for (const [tag, record] of after) {
      const old = before.get(tag)!
      const same = Buffer.from(cleaned.subarray(record.offset, record.offset + record.length)).equals(
        nanum.subarray(old.offset, old.offset + old.length)
      )
      expect(same, tag).toBe(true)
    }
    const noto = files[BUNDLED_FONTS.notoSans.file]!
    expect(withoutEmptyTables(noto)).toBe(noto)
  })
})
