/**
 * A 50,000-note map as PDF through the CLI as shipped: on A4 (one page, the board scaled to
 * 0.5 %, too small for note text) the file passes `qpdf --check` without a warning and says the
 * poster has every note; as a poster every note is printed at full size, the first and the last
 * among them. Slow by nature (a poster of some thousand pages): how slow goes to
 * `npm run bench -- bigexport`.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BENCH_PERSONAS, uniqueTextMap } from '../../bench/fixtures'
import { openLibraryService } from '../../src/library'
import { serializeInterchange } from '../../src/shared/format/interchange'

let dir: string
let db: string
let id: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jb-cli-bigpdf-'))
  db = join(dir, 'library.sqlite')
  const service = openLibraryService(db, { backupDir: join(dir, 'backups') })
  try {
    for (const persona of BENCH_PERSONAS) await service.call('savePersona', { persona })
    id = (await service.call('importMap', { text: serializeInterchange(uniqueTextMap(50_000), BENCH_PERSONAS) })).id
  } finally {
    service.close()
  }
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function exportPdf(out: string, ...options: string[]): void {
  const result = spawnSync(
    process.execPath,
    ['scripts/cli.mjs', 'export', id, '--format', 'pdf', '--out', out, '--db', db, ...options],
    { encoding: 'utf8', timeout: 600_000 }
  )
  expect(result.status, result.stderr).toBe(0)
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ')

describe('a 50,000-note map as PDF', () => {
  it('on one A4 page passes qpdf --check without a warning and points to the poster', () => {
    const out = join(dir, 'a4.pdf')
    exportPdf(out)
    const check = spawnSync('qpdf', ['--check', out], { encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.stdout).toContain('No syntax or stream encoding errors found')
    expect(check.stdout).not.toMatch(/WARNING/i)
    expect(check.status).toBe(0)
    const text = squeeze(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }))
    expect(text).toContain('Export as a poster for every note at full size.')
  }, 600_000)

  it('as a poster has every note’s text, the first and the last', () => {
    const out = join(dir, 'poster.pdf')
    exportPdf(out, '--poster')
    const text = squeeze(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 }))
    expect(text).toContain('Reads a comparison article and signs up for the newsletter 1 ')
    // The last note (n49999) carries the fixture's text 49999 % 7 = 5 and its number.
    expect(text).toContain('one never accepts the invitation 50000')
    const check = spawnSync('qpdf', ['--check', out], { encoding: 'utf8' })
    expect(check.stdout).not.toMatch(/WARNING/i)
    expect(check.status).toBe(0)
  }, 900_000)
})
