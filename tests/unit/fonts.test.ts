import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  BUNDLED_FONTS,
  FONT_STACKS,
  FontFormatError,
  TRUETYPE_VERSION,
  hasTrueTypeOutlines,
  missingCharacters,
  parseCmap,
  parseCmapTable,
  readTableDirectory,
  splitRuns,
  type FontStack
} from '../../src/shared/fonts'
import { fallbackGraphemes } from '../../src/shared/layout/text'

const FONT_DIR = fileURLToPath(new URL('../../resources/fonts', import.meta.url))
const readFont = (file: string) => new Uint8Array(readFileSync(join(FONT_DIR, file)))

/** The stack the PDF uses, built from the shipped files. */
function loadStack(weight: 'normal' | 'bold'): FontStack {
  return FONT_STACKS[weight].map((font) => ({
    id: font.id,
    cmap: parseCmap(readFont(font.file)),
    keepsNeutrals: font.keepsNeutrals
  }))
}

let stack: FontStack
beforeAll(() => {
  stack = loadStack('normal')
})

/** Runs as "fontId:text" strings, missing runs flagged with "!". */
const runs = (text: string, fonts: FontStack = stack) =>
  splitRuns(text, fonts).map((r) => `${r.missing ? '!' : ''}${r.fontId}:${r.text}`)

describe('bundled fonts', () => {
  it('ships every font of the stacks, each TrueType with glyf outlines, and their licences', () => {
    const files = readdirSync(FONT_DIR)
    for (const font of Object.values(BUNDLED_FONTS)) {
      expect(files).toContain(font.file)
      const bytes = readFont(font.file)
      expect(new DataView(bytes.buffer).getUint32(0), font.file).toBe(TRUETYPE_VERSION)
      expect(readTableDirectory(bytes).tables.has('glyf'), font.file).toBe(true)
      expect(hasTrueTypeOutlines(bytes), font.file).toBe(true)
    }
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE-OFL.txt',
        'LICENSE-NanumGothic-OFL.txt',
        'LICENSE-Apache-2.0.txt',
        'LICENSE-DejaVu.txt',
        'README.md'
      ])
    )
    const ofl = readFileSync(join(FONT_DIR, 'LICENSE-OFL.txt'), 'utf8')
    expect(ofl).toContain('SIL OPEN FONT LICENSE')
    for (const family of ['Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans Devanagari', 'Noto Emoji']) {
      expect(ofl).toContain(family)
    }
    const nanum = readFileSync(join(FONT_DIR, 'LICENSE-NanumGothic-OFL.txt'), 'utf8')
    expect(nanum).toContain('Reserved Font Name')
    expect(nanum).toContain('SIL OPEN FONT LICENSE')
    expect(readFileSync(join(FONT_DIR, 'LICENSE-Apache-2.0.txt'), 'utf8')).toContain('Apache License')
  })

  it('keeps the fonts folder to a reasonable size', () => {
    // 12.5 MB: NanumGothic (4.7 MB, Hangul) and Droid Sans Fallback (4 MB, CJK) are most of it.
    const total = readdirSync(FONT_DIR).reduce((sum, f) => sum + statSync(join(FONT_DIR, f)).size, 0)
    expect(total).toBeLessThan(13 * 1024 * 1024)
  })
})

describe('readTableDirectory', () => {
  it('rejects what is not a single TrueType/OpenType font', () => {
    expect(() => readTableDirectory(new Uint8Array(4))).toThrow(FontFormatError)
    expect(() => readTableDirectory(new TextEncoder().encode('not a font at all'))).toThrow(/not a TrueType/)
    expect(() => readTableDirectory(new TextEncoder().encode('ttcf\u0000\u0001\u0000\u0000....'))).toThrow(/collection/)
    const cut = readFont('NotoSansThai-Regular.ttf').slice(0, 2000)
    expect(() => readTableDirectory(cut)).toThrow(/past the end/)
  })

  it('tells CFF-flavoured OpenType from TrueType', () => {
    const otto = readFont('NotoSansThai-Regular.ttf').slice()
    otto.set([0x4f, 0x54, 0x54, 0x4f], 0) // 'OTTO'
    expect(hasTrueTypeOutlines(otto)).toBe(false)
  })
})

describe('parseCmap on the shipped fonts', () => {
  it('finds the scripts each font is there for', () => {
    const noto = parseCmap(readFont('NotoSans-Regular.ttf'))
    const thai = parseCmap(readFont('NotoSansThai-Regular.ttf'))
    const droid = parseCmap(readFont('DroidSansFallbackFull.ttf'))
    const has = (cmap: typeof noto, text: string) => [...text].every((ch) => cmap.has(ch.codePointAt(0)!))
    expect(has(noto, 'Hello, world! Привет Пътешествията ΑΒΓ €')).toBe(true)
    expect(has(noto, 'ก')).toBe(false)
    expect(has(thai, 'เส้นทางของลูกค้า')).toBe(true)
    expect(has(thai, 'A')).toBe(false)
    expect(has(droid, '如何构建客户旅程地图カタカナ')).toBe(true)
    expect(has(droid, 'A')).toBe(false)
    expect(noto.glyphId('A'.codePointAt(0)!)).toBeGreaterThan(0)
    expect(noto.glyphId(0x4e00)).toBe(0)
    // Counts agree with fontconfig's charset for the same files (which leaves out U+0000 and CR).
    expect(noto.size).toBe(2840)
    expect(thai.size).toBe(101)
    expect(droid.size).toBe(28601)
    expect(droid.codePoints()[0]).toBeLessThan(droid.codePoints()[1]!)
  })

  it('reads the bold faces too', () => {
    const bold = loadStack('bold')
    expect(bold.map((f) => f.id)).toEqual([
      'NotoSans-Bold',
      'NotoSansThai-Bold',
      'NotoSansArabic-Bold',
      'NotoSansHebrew-Bold',
      'NotoSansDevanagari-Bold',
      'DroidSansFallback',
      'DejaVuSans',
      'NanumGothic',
      'NotoEmoji'
    ])
    expect(runs('Привет สวัสดี 你好', bold)).toEqual([
      'NotoSans-Bold:Привет ',
      'NotoSansThai-Bold:สวัสดี ',
      'DroidSansFallback:你好'
    ])
  })
})

/** A cmap table holding one subtable, as the bytes a font would have. */
function cmapTable(platform: number, encoding: number, subtable: number[]): DataView {
  const header = [0, 0, 0, 1, platform >> 8, platform & 255, encoding >> 8, encoding & 255, 0, 0, 0, 12]
  return new DataView(new Uint8Array([...header, ...subtable]).buffer)
}
const u16 = (n: number) => [(n >> 8) & 255, n & 255]
const u32 = (n: number) => [...u16(Math.floor(n / 65536)), ...u16(n & 0xffff)]

describe('parseCmapTable on hand-made subtables', () => {
  it('reads format 4 with idDelta (wrapping past 0xFFFF) and with a glyph id array', () => {
    // Segments: 'A'..'C' → delta so that A→glyph 5 (wraps: delta 0xFFC4 = -60); 'a'..'b' via array; 0xFFFF end.
    const segCount = 3
    const endCodes = [0x43, 0x62, 0xffff]
    const startCodes = [0x41, 0x61, 0xffff]
    const deltas = [0xffc4, 0, 1]
    // idRangeOffset for segment 1 points 4 bytes ahead (past its own and segment 2's offset).
    const rangeOffsets = [0, 4, 0]
    const glyphArray = [9, 0] // 'a' → 9, 'b' → .notdef (absent)
    const body = [
      ...u16(segCount * 2),
      ...u16(4),
      ...u16(1),
      ...u16(2),
      ...endCodes.flatMap(u16),
      ...u16(0),
      ...startCodes.flatMap(u16),
      ...deltas.flatMap(u16),
      ...rangeOffsets.flatMap(u16),
      ...glyphArray.flatMap(u16)
    ]
    const subtable = [...u16(4), ...u16(body.length + 6), ...u16(0), ...body]
    const cmap = parseCmapTable(cmapTable(3, 1, subtable))
    expect(cmap.glyphId(0x41)).toBe(5)
    expect(cmap.glyphId(0x43)).toBe(7)
    expect(cmap.glyphId(0x61)).toBe(9)
    expect(cmap.has(0x62)).toBe(false)
    expect(cmap.has(0xffff)).toBe(false)
    expect(cmap.codePoints()).toEqual([0x41, 0x42, 0x43, 0x61])
  })

  it('reads format 12 groups beyond the BMP', () => {
    const groups = [
      [0x1f600, 0x1f602, 10],
      [0x20000, 0x20000, 0]
    ]
    const subtable = [
      ...u16(12),
      ...u16(0),
      ...u32(16 + groups.length * 12),
      ...u32(0),
      ...u32(groups.length),
      ...groups.flatMap(([s, e, g]) => [...u32(s!), ...u32(e!), ...u32(g!)])
    ]
    const cmap = parseCmapTable(cmapTable(3, 10, subtable))
    expect(cmap.glyphId(0x1f601)).toBe(11)
    expect(cmap.has(0x20000)).toBe(false) // glyph 0 is .notdef
    expect(cmap.size).toBe(3)
  })

  it('refuses a font without a Unicode subtable it can read, or one cut short', () => {
    expect(() => parseCmapTable(cmapTable(1, 0, [...u16(6), ...u16(10), ...u16(0)]))).toThrow(/no Unicode/)
    expect(() => parseCmapTable(cmapTable(3, 10, [...u16(12), ...u16(0), ...u32(1000)]))).toThrow(/cut short/)
  })
})

describe('splitRuns', () => {
  it('keeps Russian, Bulgarian and English in Noto Sans as one run', () => {
    expect(runs('Построение карты путешествия клиента (CJM)')).toEqual([
      'NotoSans:Построение карты путешествия клиента (CJM)'
    ])
    expect(runs('Пътешествията на клиента в SaaS')).toEqual(['NotoSans:Пътешествията на клиента в SaaS'])
    expect(runs('Define Your Customer Personas')).toEqual(['NotoSans:Define Your Customer Personas'])
  })

  it('keeps Thai vowels and tone marks with their consonants, spaces with the Thai run', () => {
    const thai = 'เส้นทางของลูกค้า ที่นี่ น้ำ'
    expect(runs(thai)).toEqual([`NotoSansThai:${thai}`])
  })

  it('draws Chinese in the CJK font with its own punctuation, digits in Noto Sans', () => {
    expect(runs('如何构建客户旅程地图，发布时间')).toEqual(['DroidSansFallback:如何构建客户旅程地图，发布时间'])
    expect(runs('发布时间: 2024年10月')).toEqual([
      'DroidSansFallback:发布时间',
      'NotoSans:: 2024',
      'DroidSansFallback:年',
      'NotoSans:10',
      'DroidSansFallback:月'
    ])
  })

  it('splits a mixed sentence per script and gives every character back', () => {
    const text = 'CJM: карта клиента — เส้นทางของลูกค้า SaaS 客户旅程地图 (2024).'
    const result = splitRuns(text, stack)
    expect(result.map((r) => r.text).join('')).toBe(text)
    expect(result.map((r) => r.fontId)).toEqual([
      'NotoSans',
      'NotoSansThai',
      'NotoSans',
      'DroidSansFallback',
      'NotoSans'
    ])
    expect(result.map((r) => r.text)).toEqual([
      'CJM: карта клиента — ',
      'เส้นทางของลูกค้า ',
      'SaaS ',
      '客户旅程地图 ',
      '(2024).'
    ])
    expect(missingCharacters(result)).toEqual([])
  })

  it('leans leading punctuation on the text after it when that font has it', () => {
    expect(runs('«Привет»')).toEqual(['NotoSans:«Привет»'])
    expect(runs('「你好」')).toEqual(['DroidSansFallback:「你好」'])
    expect(runs('(สวัสดี)')).toEqual(['NotoSans:(', 'NotoSansThai:สวัสดี', 'NotoSans:)'])
  })

  it('draws arrows, check marks and other symbols in the symbol font', () => {
    expect(runs('Sign-up → onboarding ✓ 注册 ≤ 3')).toEqual([
      'NotoSans:Sign-up ',
      'DejaVuSans:→ ',
      'NotoSans:onboarding ',
      'DejaVuSans:✓ ',
      'DroidSansFallback:注册 ',
      // Neutral characters (spaces, digits) stay with the font before them when it has them.
      'DejaVuSans:≤ 3'
    ])
  })

  it('draws Hangul in NanumGothic and emoji in Noto Emoji, the spaces around an emoji in the text font', () => {
    expect(runs('Great 👍🏽 onboarding 한국 고객 ✓ 📧')).toEqual([
      'NotoSans:Great ',
      'NotoEmoji:👍🏽',
      'NotoSans: onboarding ',
      'NanumGothic:한국 고객 ',
      'DejaVuSans:✓ ',
      'NotoEmoji:📧'
    ])
  })

  it('reports characters no font has, in a run of their own in the last font', () => {
    const result = splitRuns('Tamil த and Linear B 𐀀', stack)
    expect(result.filter((r) => r.missing)).toEqual([
      { fontId: 'NotoEmoji', text: 'த', missing: true },
      { fontId: 'NotoEmoji', text: '𐀀', missing: true }
    ])
    // Scripts the shipped stack does not cover (see resources/fonts/README.md).
    expect(missingCharacters(result)).toEqual(['த', '𐀀'])
    expect(result.map((r) => r.text).join('')).toBe('Tamil த and Linear B 𐀀')
  })

  it('leaves out invisible characters the chosen font lacks and turns tabs into spaces', () => {
    const thai = splitRuns('ก\ufe0fข\tค\u2060', stack)
    expect(thai.map((r) => r.text).join('')).toBe('กข ค')
    expect(missingCharacters(thai)).toEqual([])
    expect(splitRuns('', stack)).toEqual([])
    expect(() => splitRuns('x', [])).toThrow()
  })

  it('works with the fallback grapheme splitter where Intl.Segmenter is missing', () => {
    const result = splitRuns('ที่ Привет 你好', stack, fallbackGraphemes)
    expect(result.map((r) => `${r.fontId}:${r.text}`)).toEqual([
      'NotoSansThai:ที่ ',
      'NotoSans:Привет ',
      'DroidSansFallback:你好'
    ])
  })

  it('is quick enough for a 2,000-note map', () => {
    const line = 'เส้นทางของลูกค้า SaaS 客户旅程地图 карта клиента'
    const started = performance.now()
    for (let i = 0; i < 4000; i++) splitRuns(line, stack)
    expect(performance.now() - started).toBeLessThan(3000)
  })
})
