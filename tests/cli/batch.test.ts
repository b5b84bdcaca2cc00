/**
 * The CLI as shipped (scripts/cli.mjs: the built bundle, made on demand) exporting several maps
 * at once: `--all` writes one file per map into the folder, `export A B` the maps named.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

let dir: string
let db: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jb-cli-batch-'))
  db = join(dir, 'library.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/cli.mjs', ...args, '--db', db], {
    encoding: 'utf8',
    timeout: 120_000
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('cli export of several maps', () => {
  it('--all writes one file per map, and naming maps writes those', () => {
    const titles = ['Onboarding', 'Renewal', 'Support desk']
    for (const title of titles) expect(cli('new', '--template', 'saas', '--title', title).status).toBe(0)

    const all = join(dir, 'all')
    const exported = cli('export', '--all', '--format', 'json', '--out', all)
    expect(exported.stderr).toBe('')
    expect(exported.status).toBe(0)
    expect(readdirSync(all).sort()).toEqual(titles.map((t) => `${t}.json`))
    for (const title of titles) {
      const file = JSON.parse(readFileSync(join(all, `${title}.json`), 'utf8')) as { map: { title: string } }
      expect(file.map.title).toBe(title)
    }

    const some = join(dir, 'some')
    expect(cli('export', 'Renewal', 'Onboarding', '--format', 'pdf', '--out', some).status).toBe(0)
    expect(readdirSync(some).sort()).toEqual(['Onboarding.pdf', 'Renewal.pdf'])
    // The built CLI finds the bundled fonts: the titles are the PDFs' text.
    expect(execFileSync('pdftotext', [join(some, 'Renewal.pdf'), '-'], { encoding: 'utf8' })).toContain('Renewal')
  })

  it('names the map it cannot find, and writes nothing', () => {
    expect(cli('new', '--template', 'blank', '--title', 'Only').status).toBe(0)
    const out = join(dir, 'none')
    const result = cli('export', 'Only', 'Missing', '--format', 'json', '--out', out)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('No map has the id or title "Missing"')
  })
})
