/**
 * Maps as files through the real CLI process: `export --format journeymap` and `import`, the map
 * embedded in PDF, PNG and SVG exports (read by the real PDF tools too) and imported back
 * editable into another library, `--no-embed-map`, and `diff` on the sample pair in
 * docs/examples, by itself and as git's external diff driver in a real repository.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serializeInterchange } from '../../src/shared/format/interchange'
import { mapVersion } from '../../src/shared/format/lineage'
import type { JourneyMap } from '../../src/shared/model'
import { pdfPersonas, pdfShowcaseMap } from '../unit/pdf-fixtures'
import { runCli } from './run-cli'

const ROOT = resolve(import.meta.dirname, '../..')
let dir: string

const cli = (db: string, ...args: string[]) => runCli(db, args)

const getMap = (db: string, id: string): JourneyMap => {
  const file = join(dir, `check-${id}.journeymap`)
  expect(cli(db, 'export', id, '--format', 'journeymap', '--out', file).code).toBe(0)
  return (JSON.parse(readFileSync(file, 'utf8')) as { map: JourneyMap }).map
}
/** What a copy of a map keeps: everything but the library's revision and last-change time. */
const content = (map: JourneyMap) => ({ ...map, revision: 0, updatedAt: '' })

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jb-cli-files-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A library holding the multilingual showcase map; returns its file and the map's id. */
function showcaseLibrary(name = 'a'): { db: string; id: string } {
  const db = join(dir, `${name}.sqlite`)
  const file = join(dir, 'showcase.json')
  writeFileSync(file, serializeInterchange(pdfShowcaseMap(), pdfPersonas(), '2026-03-04T09:00:00.000Z'))
  const result = cli(db, 'import', file)
  expect(result.stderr).toBe('')
  return { db, id: result.stdout.trim() }
}

describe('cli: maps as files', { timeout: 180_000 }, () => {
  it('exports a .journeymap that imports into another library as the same map, id and all', () => {
    const { db, id } = showcaseLibrary()
    const out = join(dir, 'Showcase.journeymap')
    expect(cli(db, 'export', id, '--format', 'journeymap', '--out', out).code).toBe(0)
    const text = readFileSync(out, 'utf8')
    const doc = JSON.parse(text) as { map: JourneyMap; lineage: { version: string; seen: string[] } }
    expect(doc.lineage.version).toBe(mapVersion(doc.map))
    // Saving again without an edit gives the same bytes (a clean `git diff`).
    expect(cli(db, 'export', id, '--format', 'journeymap', '--out', join(dir, 'again.journeymap')).code).toBe(0)
    expect(readFileSync(join(dir, 'again.journeymap'), 'utf8')).toBe(text)

    const other = join(dir, 'b.sqlite')
    const imported = cli(other, 'import', out)
    expect(imported.stderr).toBe('')
    expect(imported.stdout.trim()).toBe(id)
    expect(content(getMap(other, id))).toStrictEqual(content(getMap(db, id)))
    // Opening it where the map already is makes a second map, never an overwrite.
    const second = cli(db, 'import', out).stdout.trim()
    expect(second).not.toBe(id)
    expect(JSON.parse(cli(db, 'list', '--json').stdout)).toHaveLength(2)
  })

  it('embeds the map in PDF, PNG and SVG exports, which import back as the editable map', () => {
    const { db, id } = showcaseLibrary()
    const original = getMap(db, id)
    for (const [format, extra] of [
      ['pdf', ['--paper', 'a3']],
      ['png', ['--scale', '1']],
      ['svg', []]
    ] as const) {
      const out = join(dir, `map.${format}`)
      const made = cli(db, 'export', id, '--format', format, '--out', out, ...extra)
      expect(made.code, made.stderr).toBe(0)
      const target = join(dir, `from-${format}.sqlite`)
      const imported = cli(target, 'import', out)
      expect(imported.stderr, format).toBe('')
      expect(imported.stdout.trim()).toBe(id)
      expect(content(getMap(target, id)), format).toStrictEqual(content(original))
    }
    const pdf = join(dir, 'map.pdf')
    expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors found'
    )
    expect(execFileSync('pdfdetach', ['-list', pdf], { encoding: 'utf8' })).toBe(
      `1 embedded files\n1: ${original.title}.journeymap\n`
    )
    // The attachment is the very document Save map as… writes.
    const saved = join(dir, 'attached.journeymap')
    execFileSync('pdfdetach', ['-save', '1', '-o', saved, pdf])
    const attached = JSON.parse(readFileSync(saved, 'utf8')) as { map: JourneyMap }
    expect(attached.map).toStrictEqual(original)
  })

  it('leaves the map out with --no-embed-map, and such a file says why it does not import', () => {
    const { db, id } = showcaseLibrary()
    for (const format of ['pdf', 'png', 'svg']) {
      const out = join(dir, `bare.${format}`)
      const extra = format === 'png' ? ['--scale', '1'] : []
      expect(cli(db, 'export', id, '--format', format, '--out', out, '--no-embed-map', ...extra).code).toBe(0)
      const result = cli(join(dir, 'c.sqlite'), 'import', out)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(
        /holds no Journeyboard map: it was exported with "Include the editable map" turned off/
      )
    }
    expect(execFileSync('pdfdetach', ['-list', join(dir, 'bare.pdf')], { encoding: 'utf8' })).toBe('0 embedded files\n')
  })
})

const EXPECTED_DIFF = `--- docs/examples/sign-up-before.journeymap  "Self-serve sign-up"
+++ docs/examples/sign-up-after.journeymap  "Self-serve sign-up"

Map
  + persona "Иван Петров" linked

Stages
  + "Onboarding"
  ~ "Purchase" renamed to "Sign-up"

Notes
  Awareness
    + "Webinar with a customer" (Touchpoints, touchpoint)
    - "Blog post on onboarding" (Touchpoints, touchpoint)
  Trial
    ~ "Sign-up form" -> "Sign-up form with SSO" (Touchpoints)
  Sign-up
    ~ "Too many emails" (Pain points): moved from Trial / Pain points to Sign-up / Pain points

Emotions
  ~ Maya, the ops lead (as is) at Trial: 0 -> +1

KPIs
  ~ Trial conversion at Trial: 3% (target 5%) -> 4.5% (target 5%)

Notes: 1 added, 1 removed, 2 changed.
`

describe('cli diff', { timeout: 120_000 }, () => {
  it('prints what changed between the two sample files, section by section', () => {
    const db = join(dir, 'never-created.sqlite')
    const result = cli(db, 'diff', 'docs/examples/sign-up-before.journeymap', 'docs/examples/sign-up-after.journeymap')
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(EXPECTED_DIFF)
    // Comparing files never opens (or creates) a library.
    expect(() => readFileSync(db)).toThrow()
  })

  it('compares a file with a map of the library, and says when nothing differs', () => {
    const db = join(dir, 'lib.sqlite')
    const imported = cli(db, 'import', join(ROOT, 'docs/examples/sign-up-before.journeymap')).stdout.trim()
    const same = cli(db, 'diff', imported, join(ROOT, 'docs/examples/sign-up-before.journeymap'))
    expect(same.stdout).toMatch(/\nNo differences\.\n$/)
    const changed = cli(db, 'diff', 'Self-serve sign-up', join(ROOT, 'docs/examples/sign-up-after.journeymap'))
    expect(changed.stdout.split('\n').slice(2).join('\n')).toBe(EXPECTED_DIFF.split('\n').slice(2).join('\n'))
    const missing = cli(db, 'diff', 'No such map', join(ROOT, 'docs/examples/sign-up-after.journeymap'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe(
      'journeyboard: "No such map" is neither a file nor a map of the library (id or exact title).\n'
    )
  })

  it('works as git’s diff driver for .journeymap files, as the README says', () => {
    const repo = join(dir, 'repo')
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
        cwd: repo,
        encoding: 'utf8'
      })
    execFileSync('git', ['init', '-q', repo])
    // The README's command, word for word.
    git('config', 'diff.journeymap.command', `npm --prefix ${ROOT} run --silent cli -- diff`)
    writeFileSync(join(repo, '.gitattributes'), '*.journeymap diff=journeymap\n')
    writeFileSync(join(repo, 'sign-up.journeymap'), readFileSync(join(ROOT, 'docs/examples/sign-up-before.journeymap')))
    git('add', '.')
    git('commit', '-qm', 'before the workshop')
    writeFileSync(join(repo, 'sign-up.journeymap'), readFileSync(join(ROOT, 'docs/examples/sign-up-after.journeymap')))
    const out = execFileSync('git', ['diff'], { cwd: repo, encoding: 'utf8' })
    expect(out).toBe(
      EXPECTED_DIFF.replace('docs/examples/sign-up-before.journeymap', 'a/sign-up.journeymap').replace(
        'docs/examples/sign-up-after.journeymap',
        'b/sign-up.journeymap'
      )
    )
  })
})
