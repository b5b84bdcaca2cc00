/**
 * The board and its pages on paper, read back with the real tools (pdftotext, pdfinfo, qpdf):
 * labels never spliced into a note's sentence, no prompts in empty cells, poster sheets that
 * repeat the lane headers and skip sheets with nothing on them, headings kept with what
 * follows them, a map-sized page in the orientation asked for, channel names on persona pages.
 */
import { execFileSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderPdf, type PdfFontSet, type PdfOptions } from '../../src/shared/export/pdf'
import type { JourneyMap } from '../../src/shared/model'
import { buildMap, buildPersona } from './fixtures'
import { PDF_TEST_OPTIONS, loadPdfFonts, pdfFiles, pdftotext, qpdfCheck, squeeze } from './pdf-tools'

let fonts: PdfFontSet
const write = pdfFiles('jb-pdf-paper-')
beforeAll(async () => {
  fonts = await loadPdfFonts()
})

function render(map: JourneyMap, options: Partial<PdfOptions> = {}, personas = [buildPersona('p1')]) {
  const result = renderPdf(map, personas, { ...PDF_TEST_OPTIONS, ...options }, fonts)
  const file = write(result.bytes)
  qpdfCheck(file)
  return { result, file }
}

/** Text of each page (pdftotext separates pages with a form feed). */
const pagesOf = (file: string) => pdftotext(file).split('\f').slice(0, -1)

function pageInfo(file: string): { w: number; h: number; rot: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' })
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)]
  const rots = [...info.matchAll(/Page\s+\d+ rot:\s+(\d+)/g)]
  return sizes.map((m, i) => ({ w: Number(m[1]), h: Number(m[2]), rot: Number(rots[i]?.[1] ?? 0) }))
}

const LEFT = 'Customers compare our pricing page with two competitors before they ever sign up for the free trial.'
const RIGHT = 'The trial starts with an empty workspace, so many leave before they invite a single colleague.'
const BELOW = 'Sales calls the account on day three when the workspace is still empty and nobody was invited.'

describe('labels on paper', () => {
  it('never splices a connector or marker label into a note’s sentence in the text layer', () => {
    // No two notes side by side at the same height: text extraction would interleave their lines.
    const map = buildMap({
      title: 'Labels',
      stages: [
        { id: 's1', title: 'Consider' },
        { id: 's2', title: 'Trial' }
      ],
      notes: [
        { id: 'left', stageId: 's1', laneId: 'l1', text: LEFT },
        { id: 'below', stageId: 's1', laneId: 'l1', text: BELOW },
        { id: 'right', stageId: 's2', laneId: 'l2', text: RIGHT }
      ],
      connectors: [
        { fromNoteId: 'left', toNoteId: 'right', label: 'free trial' },
        { fromNoteId: 'below', toNoteId: 'right', label: 'sales call' },
        { fromNoteId: 'left', toNoteId: 'below', label: 'next day' }
      ],
      markers: [
        { target: { kind: 'note', noteId: 'left' }, severity: 3, label: 'price shock' },
        { target: { kind: 'note', noteId: 'below' }, severity: 1, label: 'too late' },
        { target: { kind: 'note', noteId: 'right' }, severity: 2, label: 'empty workspace' }
      ]
    })
    for (const paper of ['a4', 'fit'] as const) {
      const text = pdftotext(render(map, { paper }).file)
      for (const sentence of [LEFT, RIGHT, BELOW]) expect(squeeze(text), paper).toContain(squeeze(sentence))
      for (const label of ['free trial', 'sales call', 'next day', 'price shock', 'too late', 'empty workspace']) {
        // Each label is a line of its own.
        expect(
          text.split('\n').map((l) => l.trim()),
          `${paper}: ${label}`
        ).toContain(label)
      }
    }
  })
})

describe('the board on paper', () => {
  it('prints no prompts in empty cells (stage prompts in the header stay)', () => {
    const map = buildMap({
      stages: [{ id: 's1', title: 'Discover', prompt: 'How do they hear of us?' }, 's2'],
      lanes: [
        { id: 'l1', kind: 'touchpoints', title: 'Touchpoints', prompt: 'Where do they meet us?' },
        { id: 'l2', kind: 'painPoints', title: 'Pains', prompt: 'What hurts?' }
      ],
      notes: [{ stageId: 's1', laneId: 'l1', text: 'Pricing page' }]
    })
    const text = pdftotext(render(map).file)
    expect(text).toContain('Pricing page')
    expect(text).toContain('How do they hear of us?')
    expect(text).not.toContain('What hurts?')
    expect(text).not.toContain('Where do they meet us?')
  })

  it('repeats the lane headers on every column of poster sheets and skips sheets with nothing on them', () => {
    const stages = Array.from({ length: 9 }, (_, i) => ({ id: `s${i + 1}`, title: `Stage ${i + 1}` }))
    const map = buildMap({
      title: 'Wide poster',
      stages,
      lanes: [
        { id: 'l1', kind: 'touchpoints', title: 'Touchpoints lane' },
        { id: 'l2', kind: 'painPoints', title: 'Pain points lane' },
        // Tall and empty: the sheets below the first row hold nothing but its empty cells.
        { id: 'l3', kind: 'text', title: 'Empty lane', height: 1400 }
      ],
      notes: stages.map((s, i) => ({ stageId: s.id, laneId: 'l1', text: `Touchpoint number ${i + 1}` }))
    })
    const { result, file } = render(map, { paper: 'a4', orientation: 'portrait', fit: 'tile' })
    const pages = pagesOf(file)
    const positions = pages.map((p) => /row (\d+) of (\d+), column (\d+) of (\d+)/.exec(p))
    expect(positions.every((m) => m !== null)).toBe(true)
    const [, , rows, , columns] = positions[0]!
    expect(Number(columns)).toBeGreaterThan(2)
    expect(Number(rows)).toBeGreaterThan(1)
    // Sheets of the empty lane's lower rows are left out.
    expect(result.boardPages).toBeLessThan(Number(rows) * Number(columns))
    expect(result.pageCount).toBe(pages.length)
    for (const [i, page] of pages.entries()) {
      const row = Number(positions[i]![1])
      if (row === 1) {
        expect(page, `sheet ${i + 1}`).toContain('Touchpoints lane')
        expect(page, `sheet ${i + 1}`).toContain('Pain points lane')
      }
    }
    // Every note is on some sheet.
    for (let i = 1; i <= 9; i++) expect(pages.some((p) => p.includes(`Touchpoint number ${i}`))).toBe(true)
  })

  it('turns a map-sized page to the orientation asked for, and sizes the pages after it by it', () => {
    const map = buildMap({ notes: [{ stageId: 's1', laneId: 'l1', text: 'Pricing page' }], personaIds: ['p1'] })
    const auto = pageInfo(render(map, { paper: 'fit', orientation: 'auto', personaPages: true }).file)
    expect(auto[0]!.w).toBeGreaterThan(auto[0]!.h)
    expect(auto[0]!.rot).toBe(0)
    expect(auto[1]).toMatchObject({ w: 595.28, h: 841.89, rot: 0 })

    const portrait = pageInfo(render(map, { paper: 'fit', orientation: 'portrait', personaPages: true }).file)
    expect(portrait[0]!.rot).toBe(90)
    expect(portrait[1]).toMatchObject({ w: 595.28, h: 841.89 })

    const landscape = pageInfo(render(map, { paper: 'fit', orientation: 'landscape', personaPages: true }).file)
    expect(landscape[0]!.rot).toBe(0)
    expect(landscape[1]).toMatchObject({ w: 841.89, h: 595.28 })
  })
})

describe('pages after the board', () => {
  it('names channels as the app does on persona pages and in the notes table', () => {
    const persona = buildPersona('p1', { name: 'Maya', channels: ['inApp', 'support', 'web'] })
    const map = buildMap({
      personaIds: ['p1'],
      notes: [{ stageId: 's1', laneId: 'l1', text: 'Chat widget', channel: 'inApp', category: 'customerSuccess' }]
    })
    const text = pdftotext(render(map, { personaPages: true, notesTable: true }, [persona]).file)
    expect(text).toContain('In-app, Support ticket, Web')
    expect(text).toContain('In-app · Customer success')
    expect(text).not.toMatch(/inApp|customerSuccess/)
  })

  it('follow a poster’s sheets, every page numbered in order', () => {
    // The extra pages are drawn before the sheets (so each sheet is finished, footer and all, when
    // it is drawn) and moved behind them.
    const stages = Array.from({ length: 9 }, (_, i) => ({ id: `s${i + 1}`, title: `Stage ${i + 1}` }))
    const map = buildMap({
      title: 'Poster with extras',
      personaIds: ['p1'],
      stages,
      notes: stages.map((s, i) => ({ stageId: s.id, laneId: 'l1', text: `Touchpoint number ${i + 1}` }))
    })
    const persona = buildPersona('p1', { name: 'Maya' })
    const { result, file } = render(map, { fit: 'tile', personaPages: true, notesTable: true }, [persona])
    const pages = pagesOf(file).map(squeeze)
    expect(result.boardPages).toBeGreaterThan(1)
    expect(pages.length).toBe(result.pageCount)
    expect(result.pageCount).toBeGreaterThan(result.boardPages + 1)
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(squeeze(`Page ${i + 1} of ${pages.length}`))
      const sheet = i < result.boardPages
      expect(/Poster:row\d+of\d+,column\d+of\d+/.test(page), `page ${i + 1}`).toBe(sheet)
    })
    const afterBoard = pages.slice(result.boardPages)
    expect(afterBoard[0]).toContain('Maya')
    expect(afterBoard[afterBoard.length - 1]).toContain(squeeze('Touchpoint number 9'))
    expect(afterBoard.some((page) => page.includes(squeeze('Notes by stage')))).toBe(true)
  })

  it('never leaves a heading alone at the bottom of a page', () => {
    const headings = ['Gaps', 'Hotspots', 'Bottlenecks', 'Inconsistencies', 'Opportunities ranked']
    let checked = 0
    // One more stage without touchpoints is one more line under "Gaps": the headings after it
    // move down the page a line at a time, past the page's end.
    for (let n = 8; n <= 30; n++) {
      const stages = Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, title: `Stage ${i + 1}` }))
      const map = buildMap({
        title: `Analysis ${n}`,
        stages,
        notes: [
          { stageId: 's1', laneId: 'l2', text: 'Self-serve trial', kind: 'opportunity', impact: 4, effort: 2 },
          { stageId: 's1', laneId: 'l2', text: 'Onboarding checklist', kind: 'opportunity', impact: 3, effort: 1 }
        ]
      })
      const { file } = render(map, { analysisPage: true })
      const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1)
      for (const [i, page] of pages.entries()) {
        const lines = page
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '' && !/^Page \d+ of \d+$/.test(l))
        const last = lines[lines.length - 1] ?? ''
        const tableHead = /^#\s+Opportunity\s+Stage/.test(last)
        expect(headings.includes(last) || tableHead, `${n} stages, page ${i + 1} ends with "${last}"`).toBe(false)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(23)
  })
})
