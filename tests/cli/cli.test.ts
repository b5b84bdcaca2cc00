import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from './run-cli'

let dir: string
let db: string

const cli = (...args: string[]) => runCli(db, args)

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jb-cli-'))
  db = join(dir, 'library.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('cli', () => {
  it('creates, lists, exports, re-imports and exports the same content again', () => {
    const created = cli('new', '--template', 'saas', '--title', 'Пример — 示例')
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    const id = created.stdout.trim()
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/)

    const list = cli('list', '--json')
    const maps = JSON.parse(list.stdout) as { id: string; title: string; stageCount: number }[]
    expect(maps).toEqual([expect.objectContaining({ id, title: 'Пример — 示例', stageCount: 8 })])

    const first = join(dir, 'first.json')
    expect(cli('export', 'Пример — 示例', '--format', 'json', '--out', first).code).toBe(0)
    const imported = cli('import', first)
    expect(imported.code).toBe(0)
    const second = join(dir, 'second.json')
    expect(cli('export', imported.stdout.trim(), '--out', second).code).toBe(0)

    const strip = (text: string) => {
      const doc = JSON.parse(text) as { exportedAt?: string; map: Record<string, unknown> }
      delete doc.exportedAt
      const { stages, lanes } = doc.map as { stages: { title: string }[]; lanes: { title: string; kind: string }[] }
      return { title: doc.map.title, stages: stages.map((s) => s.title), lanes: lanes.map((l) => [l.title, l.kind]) }
    }
    expect(strip(readFileSync(second, 'utf8'))).toEqual(strip(readFileSync(first, 'utf8')))
    expect(cli('check').stdout).toMatch(/^ok: 2 maps, 0 notes/)
  })

  it('refuses an invalid import with the JSON path of every problem and writes nothing', () => {
    cli('new', '--template', 'blank', '--title', 'Source')
    const file = join(dir, 'map.json')
    expect(cli('export', 'Source', '--out', file).code).toBe(0)
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { map: { stages: { title: string }[]; title: string } }
    doc.map.title = ''
    doc.map.stages[0]!.title = ''
    writeFileSync(file, JSON.stringify(doc))
    const result = cli('import', file)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(file)
    expect(result.stderr).toMatch(/map\.title/)
    expect(result.stderr).toMatch(/map\.stages\[0\]\.title/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(JSON.parse(cli('list', '--json').stdout)).toHaveLength(1)
  })

  it('says what is wrong with a truncated file, an unknown map and a bad template, in one line', () => {
    const file = join(dir, 'truncated.json')
    writeFileSync(file, '{"format": "journeyboard", "version": 1, "map": {"id": "x"')
    const truncated = cli('import', file)
    expect(truncated.code).toBe(1)
    expect(truncated.stderr.trim().split('\n')).toHaveLength(1)
    expect(truncated.stderr).toMatch(/line 1/)

    const missing = cli('export', 'No such map', '--out', join(dir, 'x.json'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe(
      'journeyboard: No map has the id or title "No such map" (npm run cli -- list shows them).\n'
    )

    const bad = cli('new', '--template', 'kanban', '--title', 'x')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--template must be one of saas, b2b, blueprint, blank/)
  })

  it('backs the library up to a file that opens as a library with the same maps', () => {
    cli('new', '--template', 'b2b', '--title', 'Kept')
    const copy = join(dir, 'copy.sqlite')
    expect(cli('backup', '--out', copy).code).toBe(0)
    expect(existsSync(copy)).toBe(true)
    db = copy
    expect(JSON.parse(cli('list', '--json').stdout)).toEqual([expect.objectContaining({ title: 'Kept' })])
  })

  it('refuses a file that is not a Journeyboard library without touching it', () => {
    writeFileSync(db, 'hello, I am a text file\n')
    const result = cli('list')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^journeyboard: .*not/)
    expect(readFileSync(db, 'utf8')).toBe('hello, I am a text file\n')
  })
})

describe('cli personas and snapshots', () => {
  /** Imports a map that links one persona, Maya, as a file exported elsewhere would. */
  function importMapWithPersona(): string {
    const id = cli('new', '--template', 'blank', '--title', 'Linked').stdout.trim()
    const file = join(dir, 'linked.json')
    cli('export', id, '--out', file)
    const doc = JSON.parse(readFileSync(file, 'utf8')) as {
      map: { personaIds: string[] }
      personas: unknown[]
    }
    doc.map.personaIds = ['pMaya']
    doc.personas = [
      {
        id: 'pMaya',
        name: 'Maya, ops lead',
        initials: 'MO',
        color: '#e8590c',
        role: 'Operations lead',
        quote: '',
        demographics: { age: '', location: '', education: '', income: '' },
        firmographics: { companySize: '', industry: '', revenue: '' },
        behaviour: '',
        goals: '',
        painPoints: '',
        channels: ['email'],
        segmentNotes: '',
        createdAt: '2026-03-01T10:00:00.000Z',
        updatedAt: '2026-03-01T10:00:00.000Z'
      }
    ]
    writeFileSync(file, JSON.stringify(doc))
    const imported = cli('import', file)
    expect(imported.code).toBe(0)
    return imported.stdout.trim()
  }

  it('lists personas with the number of maps linking them, and as JSON', () => {
    expect(cli('new', '--template', 'blank', '--title', 'Unlinked').code).toBe(0)
    expect(cli('personas').stdout).toBe('No personas.\n')
    importMapWithPersona()
    const listed = cli('personas')
    expect(listed.code).toBe(0)
    expect(listed.stdout).toBe('pMaya  MO   Maya, ops lead  Operations lead  (1 map)\n')
    const json = JSON.parse(cli('personas', '--json').stdout) as { id: string; channels: string[] }[]
    expect(json).toEqual([expect.objectContaining({ id: 'pMaya', name: 'Maya, ops lead', channels: ['email'] })])
  })

  it('saves a named snapshot of a map by id or title and prints its id', () => {
    const id = cli('new', '--template', 'saas', '--title', 'Workshop').stdout.trim()
    const byTitle = cli('snapshot', 'Workshop', '--name', 'before workshop')
    expect(byTitle.stderr).toBe('')
    expect(byTitle.code).toBe(0)
    expect(byTitle.stdout.trim()).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(cli('snapshot', id, '--name', 'after').code).toBe(0)

    const blank = cli('snapshot', id, '--name', '   ')
    expect(blank.code).toBe(1)
    expect(blank.stderr).toMatch(/name must not be empty/)
    const missingName = cli('snapshot', id)
    expect(missingName.code).toBe(2)
    expect(missingName.stderr).toMatch(/--name is required/)
    const long = cli('snapshot', id, '--name', 'x'.repeat(121))
    expect(long.code).toBe(1)
    expect(long.stderr).toMatch(/120/)
  })
})
