/**
 * `export --format pdf|csv|json|mermaid` and `import FILE` (JSON, CSV or Mermaid by content),
 * (PNG and SVG: export-formats.test.ts)
 * through the real CLI process on a fresh library per test.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serializeInterchange } from '../../src/shared/format/interchange'
import { pdfPersonas, pdfShowcaseMap, SEED_SENTENCES, sentencesMap } from '../unit/pdf-fixtures'
import { runCli } from './run-cli'

let dir: string
let db: string

const cli = (...args: string[]) => runCli(db, args)

const mapCount = () => (JSON.parse(cli('list', '--json').stdout) as unknown[]).length
const squeeze = (text: string) => text.replace(/\s+/g, '')

/** Imports the multilingual showcase map (or another), with its personas, and returns its id. */
function importShowcase(map = pdfShowcaseMap()): string {
  const file = join(dir, 'showcase.json')
  writeFileSync(file, serializeInterchange(map, pdfPersonas(), '2026-03-04T09:00:00.000Z'))
  const result = cli('import', file)
  expect(result.stderr).toBe('')
  return result.stdout.trim()
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jb-cli-exchange-'))
  db = join(dir, 'library.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('cli export', { timeout: 120_000 }, () => {
  it('writes a PDF on the paper asked for, with every sentence as text', () => {
    const id = importShowcase(sentencesMap())
    const out = join(dir, 'map.pdf')
    const result = cli('export', id, '--format', 'pdf', '--out', out, '--paper', 'a3', '--orientation', 'portrait')
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toBe(out)
    expect(result.stderr).toMatch(/^1 page, \d+ bytes\n$/)
    expect(execFileSync('qpdf', ['--check', out], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors'
    )
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 1190\.55 pts \(A3\)/)
    const text = squeeze(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }))
    for (const sentence of Object.values(SEED_SENTENCES)) expect(text).toContain(squeeze(sentence))
  })

  it('prints a poster across pages with --poster, and one page the size of the map with --paper fit', () => {
    const id = importShowcase()
    // The showcase map holds an emoji, which the bundled emoji font draws: nothing is missing.
    const fitted = cli('export', id, '--format', 'pdf', '--out', join(dir, 'a4.pdf'))
    expect(fitted.stderr).toMatch(/^1 page, \d+ bytes\n$/)
    const poster = join(dir, 'poster.pdf')
    expect(cli('export', id, '--format', 'pdf', '--out', poster, '--poster').code).toBe(0)
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [poster], { encoding: 'utf8' }))![1])).toBeGreaterThan(
      1
    )
    const fit = join(dir, 'fit.pdf')
    expect(cli('export', id, '--format', 'pdf', '--out', fit, '--paper', 'fit').code).toBe(0)
    expect(execFileSync('pdfinfo', [fit], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/)
  })

  it('adds the analysis page with --analysis: the findings and the ranked opportunities', () => {
    const id = importShowcase()
    const plain = join(dir, 'plain.pdf')
    expect(cli('export', id, '--format', 'pdf', '--out', plain).code).toBe(0)
    expect(squeeze(execFileSync('pdftotext', [plain, '-'], { encoding: 'utf8' }))).not.toContain('Opportunitiesranked')
    const out = join(dir, 'analysis.pdf')
    const result = cli('export', id, '--format', 'pdf', '--out', out, '--analysis')
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^2 pages, \d+ bytes\n/)
    expect(execFileSync('qpdf', ['--check', out], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors'
    )
    const text = squeeze(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }))
    // The same sentences as `cli analyze` prints.
    const analyzed = cli('analyze', id, '--json')
    const report = JSON.parse(analyzed.stdout) as { sections: { title: string; findings: { message: string }[] }[] }
    expect(report.sections.flatMap((s) => s.findings).length).toBeGreaterThan(0)
    for (const section of report.sections) {
      expect(text).toContain(squeeze(section.title))
      if (section.title === 'Opportunities ranked') continue
      for (const finding of section.findings) expect(text).toContain(squeeze(finding.message))
    }
    const csv = cli('export', id, '--format', 'csv', '--analysis', '--out', join(dir, 'x.csv'))
    expect(csv.code).toBe(2)
    expect(csv.stderr).toMatch(/--analysis does not apply to --format csv/)
  })

  it('round-trips CSV and Mermaid through import, detected by content whatever the file is called', () => {
    const id = importShowcase()
    const csv = join(dir, 'notes.csv')
    expect(cli('export', id, '--format', 'csv', '--out', csv).code).toBe(0)
    const csvText = readFileSync(csv, 'utf8')
    expect(csvText.charCodeAt(0)).toBe(0xfeff)
    expect(csvText).toContain(SEED_SENTENCES.thai)
    const renamed = join(dir, 'from-spreadsheet.txt')
    writeFileSync(renamed, csvText)
    const fromCsv = cli('import', renamed)
    expect(fromCsv.code).toBe(0)
    const csvMap = JSON.parse(cli('list', '--json').stdout) as { id: string; title: string; noteCount: number }[]
    // A CSV has no title: the map is named after the file.
    expect(csvMap).toContainEqual(
      expect.objectContaining({ id: fromCsv.stdout.trim(), title: 'from-spreadsheet', noteCount: 7 })
    )

    const mermaid = join(dir, 'journey.mmd')
    expect(cli('export', id, '--format', 'mermaid', '--out', mermaid).code).toBe(0)
    const mermaidText = readFileSync(mermaid, 'utf8')
    expect(mermaidText).toMatch(/^journey\n/)
    const fromMermaid = cli('import', mermaid)
    expect(fromMermaid.code).toBe(0)
    const json = join(dir, 'back.json')
    expect(cli('export', fromMermaid.stdout.trim(), '--format', 'json', '--out', json).code).toBe(0)
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { map: { title: string; stages: { title: string }[] } }
    expect(doc.map.title).toBe(pdfShowcaseMap().title)
    expect(doc.map.stages.map((s) => s.title)).toEqual(
      expect.arrayContaining(['Осведомлённость', 'การพิจารณา', '购买 / Purchase'])
    )
  })

  it('refuses formats and options it cannot do, with the usage', () => {
    const id = importShowcase()
    const gif = cli('export', id, '--format', 'gif', '--out', join(dir, 'x.gif'))
    expect(gif.code).toBe(2)
    expect(gif.stderr).toMatch(/--format must be one of pdf, png, svg, journeymap, csv, json, mermaid/)
    const paper = cli('export', id, '--format', 'csv', '--paper', 'a4', '--out', join(dir, 'x.csv'))
    expect(paper.code).toBe(2)
    expect(paper.stderr).toMatch(/--paper does not apply to --format csv/)
    const scale = cli('export', id, '--format', 'png', '--scale', '4', '--out', join(dir, 'x.png'))
    expect(scale.code).toBe(2)
    expect(scale.stderr).toMatch(/--scale must be one of 1, 2, 3/)
    const badPaper = cli('export', id, '--format', 'pdf', '--paper', 'a5', '--out', join(dir, 'x.pdf'))
    expect(badPaper.code).toBe(2)
    expect(badPaper.stderr).toMatch(/--paper must be one of a4, a3, letter, fit/)
    for (const name of ['x.csv', 'x.pdf', 'x.png', 'x.gif']) expect(existsSync(join(dir, name))).toBe(false)
  })
})

describe('cli import of bad files', { timeout: 120_000 }, () => {
  it('names the line of the problem in one message and imports nothing', () => {
    importShowcase()
    const before = mapCount()
    const cases: [string, string, RegExp][] = [
      ['missing-column.csv', 'stage,lane\nAwareness,Touchpoints\n', /line 1: the required column "text" is missing/],
      [
        'score.mmd',
        'journey\n  title T\n  section S\n    Task: 9: Maya\n',
        /line 4: the score "9" must be a number from 1 to 5/
      ],
      ['cut.json', '{"format": "journeyboard", "version": 1, "map": {', /line 1, column \d+/],
      ['notes.txt', 'just some notes\nwithout any structure\n', /neither a Journeyboard JSON file, nor a CSV file/]
    ]
    for (const [name, text, message] of cases) {
      const file = join(dir, name)
      writeFileSync(file, text)
      const result = cli('import', file)
      expect(result.code, name).toBe(1)
      expect(result.stderr, name).toMatch(message)
      expect(result.stderr.trim().split('\n'), name).toHaveLength(1)
    }
    expect(mapCount()).toBe(before)
  })
})
