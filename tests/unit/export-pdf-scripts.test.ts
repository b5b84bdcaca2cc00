/**
 * Every script in the PDF, read back by real readers: a sentence in each of thirteen languages
 * comes back whole and in logical order from pdftotext (no presentation forms, Hebrew not
 * reversed, "15%" and the final full stop in place), every glyph drawn has an outline (no
 * .notdef, no □), Hebrew and Arabic are right-aligned in the scene and on the page (pdftotext
 * -bbox), and the fonts are embedded as subsets with a ToUnicode map.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderPdf, type PdfFontSet } from '../../src/shared/export/pdf'
import { baseDirection, readTableDirectory, type EngineFont } from '../../src/shared/fonts'
import { LAYOUT, layoutMap, type Scene, type TextBlock } from '../../src/shared/layout'
import { WORLD_SENTENCES, worldMap, worldNotesMap } from './pdf-fixtures'
import { PDF_TEST_OPTIONS, loadPdfFonts, pdfFiles, pdftotext, qpdfCheck } from './pdf-tools'

let fonts: PdfFontSet
const write = pdfFiles('jb-pdf-scripts-')
beforeAll(async () => {
  fonts = await loadPdfFonts()
})

/** Text as a reader gives it, for comparing: no white space, no bidi marks the reader added. */
const normalise = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')

/** Whether a glyph has an outline: its 'glyf' entry is not empty. */
function hasOutline(font: EngineFont, glyph: number): boolean {
  const { tables } = readTableDirectory(font.bytes)
  const head = tables.get('head')!
  const loca = tables.get('loca')!
  const view = new DataView(font.bytes.buffer, font.bytes.byteOffset, font.bytes.byteLength)
  const long = view.getInt16(head.offset + 50) === 1
  const at = (i: number) => (long ? view.getUint32(loca.offset + i * 4) : view.getUint16(loca.offset + i * 2) * 2)
  return at(glyph + 1) > at(glyph)
}

function blocksOf(scene: Scene): TextBlock[] {
  return [
    ...scene.notes.map((n) => n.text),
    ...scene.stageHeaders.flatMap((h) => h.texts),
    ...scene.laneHeaders.flatMap((h) => h.texts)
  ]
}

describe('the PDF in thirteen languages', () => {
  it('gives every sentence back whole and in logical order, with no presentation forms', () => {
    const result = renderPdf(worldMap(), [], PDF_TEST_OPTIONS, fonts)
    const file = write(result.bytes)
    qpdfCheck(file)
    expect(result.missingCharacters).toEqual([])
    const text = pdftotext(file)
    const flat = normalise(text)
    for (const [language, sentence] of Object.entries(WORLD_SENTENCES)) {
      expect(flat, language).toContain(normalise(sentence))
    }
    // Arabic comes back as letters, never as the joined forms drawn (U+FB50–FDFF, U+FE70–FEFF).
    expect(text).not.toMatch(/[\ufb50-\ufdff\ufe70-\ufeff]/)
    expect(result.fonts).toEqual(
      expect.arrayContaining([
        'NotoSans',
        'NotoSansThai',
        'NotoSansArabic',
        'NotoSansHebrew',
        'NotoSansDevanagari',
        'DroidSansFallback',
        'NanumGothic',
        'NotoEmoji'
      ])
    )
    // Every font embedded, as a subset, with a map back to Unicode.
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(rows.length).toBeGreaterThanOrEqual(8)
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/)
  })

  it('draws every glyph with an outline: no .notdef, no placeholder', () => {
    const engine = fonts.engine
    const scene = layoutMap(worldMap(), fonts.measure)
    let glyphs = 0
    for (const block of blocksOf(scene)) {
      for (const line of block.lines) {
        const layout = engine.layoutLine(line.text, block.font.weight, block.direction)
        expect(layout.missing, line.text).toEqual([])
        for (const run of layout.runs) {
          const font = engine.fonts.get(run.fontId)!
          for (const glyph of run.glyphs) {
            glyphs++
            const start = glyph.cluster
            const character = Array.from(run.text.slice(start))[0] ?? ''
            // Only spaces (and invisible joiners inside a cluster) may be blank.
            if (/\s/u.test(character)) continue
            expect(glyph.id, `${run.fontId} in "${line.text}"`).not.toBe(0)
            expect(hasOutline(font, glyph.id), `${run.fontId} glyph ${glyph.id} in "${line.text}"`).toBe(true)
          }
        }
      }
    }
    expect(glyphs).toBeGreaterThan(900)
    // And the page renders in a second reader (poppler's rasteriser) without complaint.
    const dir = mkdtempSync(join(tmpdir(), 'jb-ppm-'))
    try {
      const file = write(renderPdf(worldMap(), [], PDF_TEST_OPTIONS, fonts).bytes)
      const out = execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', file, join(dir, 'page')], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe']
      })
      expect(out).toBe('')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('right-aligns Hebrew and Arabic: in the scene, and on the page as pdftotext -bbox reads it', () => {
    const map = worldMap()
    const scene = layoutMap(map, fonts.measure)
    const result = renderPdf(map, [], PDF_TEST_OPTIONS, fonts)
    const file = write(result.bytes)
    const box = LAYOUT.notePadding
    const words = [
      ...pdftotext(file, '-bbox').matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)
    ].map((m) => ({ x1: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]), text: m[5]! }))
    const noteOf = (sentence: string) =>
      scene.notes.find((n) => map.notes.find((m) => m.id === n.id)!.text === sentence)!
    // The left-to-right note in the same column gives the page's left text edge of that column.
    for (const [rtl, ltr] of [
      ['arabic', 'english'],
      ['hebrew', 'russian']
    ] as const) {
      const note = noteOf(WORLD_SENTENCES[rtl])
      const other = noteOf(WORLD_SENTENCES[ltr])
      expect(note.x, `${rtl} and ${ltr} share a column`).toBe(other.x)
      expect(note.text.direction).toBe('rtl')
      const inner = note.w - 2 * box
      for (const line of note.text.lines) expect(line.x + line.width).toBeCloseTo(inner, 6)
      expect(note.text.lines.at(-1)!.x).toBeGreaterThan(20)

      // On the page: each line's words (the only ones in that script on the page) end at the
      // column's right text edge; the short last line starts well right of the left edge.
      const firstWord = WORLD_SENTENCES[ltr].split(' ')[0]!
      const left = words.find((w) => w.text === firstWord)!.x1
      const right = left + inner * result.scale
      const script = rtl === 'arabic' ? /[\u0600-\u06ff]/ : /[\u0590-\u05ff]/
      const mine = words.filter((w) => script.test(w.text)).sort((a, b) => a.y1 - b.y1)
      const lines: { y: number; x1: number; x2: number }[] = []
      for (const word of mine) {
        const line = lines.at(-1)
        if (line && Math.abs(word.y1 - line.y) < 3) {
          line.x1 = Math.min(line.x1, word.x1)
          line.x2 = Math.max(line.x2, word.x2)
        } else lines.push({ y: word.y1, x1: word.x1, x2: word.x2 })
      }
      expect(lines.length, rtl).toBe(note.text.lines.length)
      for (const line of lines) expect(Math.abs(line.x2 - right), rtl).toBeLessThan(1)
      expect(lines.at(-1)!.x1 - left, rtl).toBeGreaterThan(15 * result.scale)
    }
  })

  it('keeps the 65-note, eleven-script map small', () => {
    const started = performance.now()
    const result = renderPdf(worldNotesMap(65), [], PDF_TEST_OPTIONS, fonts)
    const ms = performance.now() - started
    const file = write(result.bytes)
    qpdfCheck(file)
    expect(result.missingCharacters).toEqual([])
    console.log(`PDF of the 65-note, 11-script map: ${result.bytes.length} bytes, ${ms.toFixed(0)} ms`)
    // Subset fonts: the bundled files are 12.5 MB.
    expect(result.bytes.length).toBeLessThan(1_000_000)
    expect(baseDirection(WORLD_SENTENCES.arabic)).toBe('rtl')
  })
})
