/**
 * The PDF export read back by real PDF tools: pdftotext must give every sentence back whole (any
 * script), qpdf must find nothing wrong, pdfinfo must see the pages asked for. Fonts come from
 * resources/fonts, as the CLI reads them.
 */
import { execFileSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { FULL_SIZE, planBoardPages, renderPdf, type PdfFontSet } from '../../src/shared/export/pdf'
import { parseSvgPath } from '../../src/shared/export/pdf/svg-path'
import { layoutMap } from '../../src/shared/layout'
import { PDF_TEST_OPTIONS, loadPdfFonts, pdfFiles, pdftotext, qpdfCheck, squeeze } from './pdf-tools'
import { buildMap } from './fixtures'
import { multilingualMap, pdfPersonas, pdfShowcaseMap, SEED_SENTENCES, sentencesMap } from './pdf-fixtures'

let fonts: PdfFontSet
const OPTIONS = PDF_TEST_OPTIONS
const write = pdfFiles('jb-pdf-')
beforeAll(async () => {
  fonts = await loadPdfFonts()
})

function pageSizes(file: string): { w: number; h: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' })
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    w: Number(m[1]),
    h: Number(m[2])
  }))
}

describe('exportPdf', () => {
  it('gives back every sentence whole, in Russian, Bulgarian, Thai, Chinese and English', () => {
    const result = renderPdf(sentencesMap(), [], OPTIONS, fonts)
    const file = write(result.bytes)
    const text = squeeze(pdftotext(file))
    for (const [language, sentence] of Object.entries(SEED_SENTENCES)) {
      expect(text, language).toContain(squeeze(sentence))
    }
    qpdfCheck(file)
    expect(result.missingCharacters).toEqual([])
    expect(result.fonts).toEqual(expect.arrayContaining(['NotoSans', 'NotoSansThai', 'DroidSansFallback']))
    // Every font embedded, as a subset, with a map back to Unicode.
    const fontRows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(fontRows.length).toBeGreaterThanOrEqual(3)
    for (const row of fontRows) expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/)
  })

  it('draws a whole board: titles, headers, legend, markers, connectors, KPIs, and the extra pages', () => {
    const map = pdfShowcaseMap()
    const result = renderPdf(map, pdfPersonas(), { ...OPTIONS, personaPages: true, notesTable: true }, fonts)
    const file = write(result.bytes)
    qpdfCheck(file)
    // Board, three persona pages, the notes table.
    expect(result.pageCount).toBe(5)
    expect(result.boardPages).toBe(1)
    const text = pdftotext(file)
    const flat = squeeze(text)
    for (const words of [
      map.title,
      'Осведомлённость',
      'การพิจารณา',
      'Collapsed stage',
      'Maya, the ops lead (to-be)',
      'price shock',
      'free trial',
      'Personas: Maya, the ops lead',
      'สมชาย ใจดี',
      'Notes by stage',
      'Конверсия: 3 % (target 5 %)',
      'Time to value: 4 days (target 7 days)',
      'Page 5 of 5',
      SEED_SENTENCES.thai,
      SEED_SENTENCES.chinese
    ]) {
      expect(flat, words).toContain(squeeze(words))
    }
    // The emoji comes from the monochrome emoji font, with the text around it in Noto Sans.
    expect(result.missingCharacters).toEqual([])
    expect(text).toContain('Welcome email 📧 with setup checklist')
  })

  it('tiles a poster across pages with overlap and puts every stage on some page', () => {
    const map = multilingualMap(60)
    const result = renderPdf(map, [], { ...OPTIONS, paper: 'a4', orientation: 'portrait', fit: 'tile' }, fonts)
    const file = write(result.bytes)
    qpdfCheck(file)
    expect(result.boardPages).toBeGreaterThan(1)
    expect(result.scale).toBe(FULL_SIZE)
    const pages = Array.from({ length: result.pageCount }, (_, i) =>
      pdftotext(file, '-f', String(i + 1), '-l', String(i + 1))
    )
    for (const stage of map.stages)
      expect(
        pages.some((p) => p.includes(stage.title)),
        stage.title
      ).toBe(true)
    expect(pages[0]).toMatch(/Poster: row 1 of \d+, column 1 of \d+/)
    for (const size of pageSizes(file)) expect(size).toEqual({ w: 595.28, h: 841.89 })
  })

  it('makes one page the size of the map for "fit to content"', () => {
    const map = pdfShowcaseMap()
    const result = renderPdf(map, pdfPersonas(), { ...OPTIONS, paper: 'fit' }, fonts)
    const file = write(result.bytes)
    qpdfCheck(file)
    const scene = layoutMap(map, fonts.measure, { personas: pdfPersonas() })
    const [page] = planBoardPages({
      paper: 'fit',
      orientation: 'landscape',
      fit: 'scale',
      header: true,
      footer: false,
      board: { width: scene.width, height: scene.height }
    })
    expect(result.pageCount).toBe(1)
    const [size] = pageSizes(file)
    expect(size!.w).toBeCloseTo(page!.width, 0)
    expect(size!.h).toBeCloseTo(page!.height, 0)
    expect(page!.area.w).toBeCloseTo(scene.width * FULL_SIZE, 3)
  })

  it('embeds only the glyphs used: a 200-note multilingual map stays small', () => {
    const map = multilingualMap(200)
    const started = performance.now()
    const result = renderPdf(map, [], OPTIONS, fonts)
    const ms = performance.now() - started
    qpdfCheck(write(result.bytes))
    // Reported, not asserted beyond sanity: the bundled fonts alone are 5.9 MB.
    console.log(`PDF of a 200-note multilingual map: ${result.bytes.length} bytes, ${ms.toFixed(0)} ms`)
    expect(result.bytes.length).toBeLessThan(2_000_000)
  })

  it('reports characters no bundled font has and draws a box in their place', () => {
    const map = buildMap({
      title: 'Scripts we do not ship',
      stages: ['s1'],
      lanes: [{ id: 'l1', title: 'Notes', kind: 'touchpoints' }],
      notes: [{ stageId: 's1', laneId: 'l1', text: 'Tamil த and Linear B 𐀀 stay boxes' }]
    })
    const result = renderPdf(map, [], OPTIONS, fonts)
    const file = write(result.bytes)
    qpdfCheck(file)
    expect(result.missingCharacters).toEqual(['த', '𐀀'])
    expect(pdftotext(file).replace(/\s+/g, ' ')).toContain('Tamil □ and Linear B □ stay boxes')
  })

  it('lays out with the widths the PDF declares, so wrapped text never overflows its note', () => {
    const engine = fonts.engine
    const noto = engine.fonts.get('NotoSans')!
    const text = 'Use a combination of data — Эти карты служат 2024'
    // Latin, Cyrillic and digits take the fast path: each character's glyph at its advance,
    // which is what the font's /W array holds (widthsArray writes the same advances).
    let advances = 0
    for (const ch of text) advances += noto.metrics.advance(noto.cmap.glyphId(ch.codePointAt(0)!))
    const ours = fonts.measure(text, { family: 'x', size: 13, weight: 'normal', style: 'normal' })
    expect(ours).toBeCloseTo((advances / noto.metrics.unitsPerEm) * 13, 6)
    const scene = layoutMap(pdfShowcaseMap(), fonts.measure)
    for (const note of scene.notes) {
      for (const line of note.text.lines) expect(note.text.x + line.x + line.width).toBeLessThanOrEqual(note.x + note.w)
    }
  })
})

describe('planBoardPages', () => {
  it('scales onto one page, or tiles at full size with overlap', () => {
    const board = { width: 2000, height: 1000 }
    const base = { paper: 'a4', orientation: 'landscape', header: true, footer: true, board } as const
    const [scaled, ...more] = planBoardPages({ ...base, fit: 'scale' })
    expect(more).toEqual([])
    expect(scaled!.scale).toBeCloseTo(Math.min(scaled!.area.w / 2000, scaled!.area.h / 1000), 6)
    const tiles = planBoardPages({ ...base, fit: 'tile' })
    const { rows, columns } = tiles[0]!.tile!
    expect(tiles).toHaveLength(rows * columns)
    const last = tiles[tiles.length - 1]!
    // The last page reaches the board's far corner; neighbours share the overlap strip.
    expect(last.region.x + last.region.w).toBeGreaterThanOrEqual(2000)
    expect(last.region.y + last.region.h).toBeGreaterThanOrEqual(1000)
    expect((tiles[0]!.region.x + tiles[0]!.region.w - tiles[1]!.region.x) * FULL_SIZE).toBeCloseTo(24, 6)
  })

  it('keeps a huge map within the largest page viewers open', () => {
    const [page] = planBoardPages({
      paper: 'fit',
      orientation: 'landscape',
      fit: 'scale',
      header: false,
      footer: false,
      board: { width: 5000, height: 40_000 }
    })
    expect(page!.height).toBeLessThanOrEqual(14_400)
    expect(page!.scale).toBeLessThan(FULL_SIZE)
  })
})

describe('parseSvgPath', () => {
  it('reads what d3 writes, relative commands and shorthands', () => {
    expect(parseSvgPath('M0,0C1,2,3,4,5,6L7,8Z')).toEqual([
      { op: 'M', to: { x: 0, y: 0 } },
      { op: 'C', c1: { x: 1, y: 2 }, c2: { x: 3, y: 4 }, to: { x: 5, y: 6 } },
      { op: 'L', to: { x: 7, y: 8 } },
      { op: 'Z' }
    ])
    expect(parseSvgPath('m10 10 h5 v-5 l1e1,0')).toEqual([
      { op: 'M', to: { x: 10, y: 10 } },
      { op: 'L', to: { x: 15, y: 10 } },
      { op: 'L', to: { x: 15, y: 5 } },
      { op: 'L', to: { x: 25, y: 5 } }
    ])
    expect(parseSvgPath('M0,0Q3,3,6,0')[1]).toEqual({
      op: 'C',
      c1: { x: 2, y: 2 },
      c2: { x: 4, y: 2 },
      to: { x: 6, y: 0 }
    })
    expect(() => parseSvgPath('M0,0Z 5 5')).toThrow(/Bad path data/)
  })
})
