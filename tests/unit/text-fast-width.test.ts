/**
 * The fast paths of text layout give what the full paths give: the engine's width of a text of
 * unshaped characters equals the width of its laid-out line (runs by font coverage, glyph
 * advances), to the last bit; the words simpleWordSegmenter finds make the same line-breaking
 * chunks as Intl.Segmenter's; and the layout cache is an LRU that keeps what a layout uses.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { readBundledFonts, readHarfBuzzWasm } from '../../src/library/bundled-fonts'
import { createTextEngine, loadHarfBuzz, type TextEngine } from '../../src/shared/fonts'
import { chunksOf } from '../../src/shared/layout'
import { isSimpleText, simpleChunks } from '../../src/shared/layout/text'

let engine: TextEngine
beforeAll(async () => {
  engine = createTextEngine(readBundledFonts(), await loadHarfBuzz(readHarfBuzzWasm()))
})

const intlWords = (() => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })
  return (text: string) =>
    Array.from(segmenter.segment(text), (s) => ({ segment: s.segment, isWordLike: s.isWordLike ?? false }))
})()

/** Pieces that meet every rule of the simple word segmenter (letters of three scripts, digits, joiners). */
const SIMPLE_PIECES = [
  'a',
  'Z',
  'é',
  'ß',
  'я',
  'Ж',
  'ё',
  'λ',
  'Ω',
  'ά',
  '0',
  '7',
  ' ',
  '  ',
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  "'",
  '"',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '-',
  '–',
  '—',
  '…',
  '/',
  '&',
  '%',
  '+',
  '*',
  '#',
  '@',
  '«',
  '»',
  '“',
  '”',
  '‘',
  '’'
]
const simpleText = fc.array(fc.constantFrom(...SIMPLE_PIECES), { maxLength: 40 }).map((p) => p.join(''))

/** Characters of every kind the fast width meets or must refuse. */
const ANY_PIECES = [
  ...SIMPLE_PIECES,
  '中',
  '文',
  '，',
  '。',
  '한',
  '글',
  'ก',
  'ข',
  '\u0e31',
  'é',
  'e\u0301',
  '😀',
  '\u200b',
  '\u00ad',
  '\u00a0',
  '\t',
  'ʰ',
  'Ⅻ',
  'ﬁ',
  '①',
  '€',
  '→',
  '\u3000',
  'ｱ',
  '\uff9e',
  '_',
  '𝒜'
]
const anyText = fc.array(fc.constantFrom(...ANY_PIECES), { minLength: 1, maxLength: 30 }).map((p) => p.join(''))

describe('fast text width', () => {
  it('equals the laid-out line’s width, for every weight', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('normal' as const, 'bold' as const), (text, weight) => {
        const font = { family: 'x', size: 13, weight, style: 'normal' } as const
        const line = engine.layoutLine(text, weight, 'ltr')
        expect(engine.measure(text, font, 'ltr')).toBe(line.width * 13)
      }),
      { numRuns: 3000 }
    )
  })

  it('measures the sample sentences of every script as their lines', () => {
    for (const text of [
      'Reads a comparison article',
      'Не может найти цены',
      '在入职过程中需要帮助',
      'mixed 中文, text — “quoted”'
    ]) {
      const font = { family: 'x', size: 12, weight: 'normal', style: 'normal' } as const
      expect(engine.measure(text, font, 'ltr')).toBe(engine.layoutLine(text, 'normal', 'ltr').width * 12)
    }
  })
})

describe('simple chunks', () => {
  it('makes the chunks Intl.Segmenter makes', () => {
    fc.assert(
      fc.property(simpleText, (text) => {
        expect(isSimpleText(text)).toBe(true)
        expect(simpleChunks(text)).toEqual(chunksOf(text, intlWords))
      }),
      { numRuns: 5000 }
    )
  })

  it('is not used for text it does not know', () => {
    for (const text of ['ลูกค้า', '中文', 'a_b', 'e\u0301', 'a\u00a0b', 'שלום', 'a\tb'])
      expect(isSimpleText(text)).toBe(false)
  })
})
