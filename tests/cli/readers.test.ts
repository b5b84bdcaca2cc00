/**
 * The CLI's read commands beside a real second process that holds the library for writing (as the
 * app or the web host would): they read what that process committed, and never write.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runMigrations, SCHEMA_VERSION } from '../../src/library'
import { createMapFromTemplate } from '../../src/shared/templates'
import { runFixture, type Child } from '../library/child'

let dir: string
let db: string

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args, '--db', db], {
    encoding: 'utf8'
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
const listing = () => fs.readdirSync(dir).sort()

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(tmpdir(), 'jb-cli-readers-'))
  db = path.join(dir, 'library.sqlite')
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

async function stop(writer: Child): Promise<void> {
  writer.process.stdin.end()
  await writer.exited
}

describe('read commands while another process holds the library for writing', () => {
  it('list, export, analyze, personas, check and backup work and change nothing', async () => {
    const writer = runFixture('hold-open.ts', [db, 'Held journey'])
    try {
      await writer.waitFor(/^ready /)
      // The map exists only in the writer's -wal so far: readers must look there too.
      expect(fs.statSync(`${db}-wal`).size).toBeGreaterThan(0)
      const before = { file: digest(db), lock: fs.readFileSync(`${db}.lock`, 'utf8'), folder: listing() }

      const list = cli('list', '--json')
      expect(list.stderr).toBe('')
      expect(list.code).toBe(0)
      const [summary] = JSON.parse(list.stdout) as { id: string; title: string; noteCount: number }[]
      expect(summary).toMatchObject({ title: 'Held journey', noteCount: 3 })

      const json = path.join(dir, 'held.json')
      const exported = cli('export', 'Held journey', '--format', 'json', '--out', json)
      expect(exported.stderr).toBe('')
      expect(exported.code).toBe(0)
      const file = JSON.parse(fs.readFileSync(json, 'utf8')) as { map: { notes: { text: string }[] } }
      expect(file.map.notes.map((n) => n.text).sort()).toEqual(['Asks a friend', 'Reads a review', 'Sees an ad'])

      expect(cli('analyze', summary!.id).code).toBe(0)
      expect(cli('personas')).toMatchObject({ code: 0, stdout: 'No personas.\n' })
      const check = cli('check')
      expect(check.stderr).toBe('')
      expect(check.stdout).toBe(`ok: 1 maps, 3 notes, 0 personas in ${db}\n`)

      const copy = path.join(dir, 'copy.sqlite')
      const backup = cli('backup', '--out', copy)
      expect(backup.stderr).toBe('')
      expect(backup).toMatchObject({ code: 0, stdout: `${copy}\n` })

      // Nothing the readers did shows on the library: same bytes, same lock, no new files but
      // the two they were asked to write.
      expect(digest(db)).toBe(before.file)
      expect(fs.readFileSync(`${db}.lock`, 'utf8')).toBe(before.lock)
      expect(listing()).toEqual([...before.folder, 'copy.sqlite', 'held.json'].sort())

      // The backup is a whole library with the writer's committed map in it.
      db = copy
      expect(JSON.parse(cli('list', '--json').stdout)).toEqual([
        expect.objectContaining({ title: 'Held journey', noteCount: 3 })
      ])
      db = path.join(dir, 'library.sqlite')
    } finally {
      await stop(writer)
    }
    // The writer, last to leave, still closes cleanly: WAL checkpointed and removed, lock released.
    expect(listing()).toEqual(['copy.sqlite', 'held.json', 'library.sqlite'])
    const reopened = new Database(db, { readonly: true })
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok')
    reopened.close()
  })

  it('writing commands are still refused while another process writes, naming it', async () => {
    const writer = runFixture('hold-open.ts', [db])
    try {
      await writer.waitFor(/^ready /)
      const result = cli('new', '--template', 'blank', '--title', 'Second writer')
      expect(result.code).toBe(1)
      expect(result.stderr).toBe(
        `journeyboard: The library ${JSON.stringify(db)} is open in another Journeyboard window or process (pid ${writer.process.pid}).\n`
      )
    } finally {
      await stop(writer)
    }
  })
})

describe('read commands on a library nobody has open', () => {
  it('leave nothing beside it, and say when there is no library at all', () => {
    expect(cli('list')).toMatchObject({
      code: 1,
      stderr: `journeyboard: There is no library at ${JSON.stringify(db)}.\n`
    })
    expect(listing()).toEqual([])

    expect(cli('new', '--template', 'blank', '--title', 'Quiet').code).toBe(0)
    const before = { file: digest(db), folder: listing() }
    expect(cli('list').stdout).toMatch(/Quiet/)
    expect(cli('check').code).toBe(0)
    expect(cli('backup', '--out', path.join(dir, 'copy.sqlite')).code).toBe(0)
    expect(digest(db)).toBe(before.file)
    expect(listing()).toEqual([...before.folder, 'copy.sqlite'].sort())
  })

  it('refuse a library of an older format without upgrading it; backup copies it as it is; upgrade upgrades', () => {
    // A library as the previous version of the schema left it, holding one map (its row only:
    // today's repositories write columns an older schema does not have).
    const old = new Database(db)
    old.pragma('journal_mode = WAL')
    runMigrations(old, SCHEMA_VERSION - 1)
    const map = createMapFromTemplate('blank', 'Old', () => crypto.randomUUID(), '2025-01-01T00:00:00.000Z')
    old
      .prepare(
        `INSERT INTO maps (id, title, description, scale_min, scale_max, persona_ids, created_at, updated_at, revision)
         VALUES (?, ?, ?, ?, ?, '[]', ?, ?, 1)`
      )
      .run(map.id, map.title, map.description, map.emotionScale.min, map.emotionScale.max, map.createdAt, map.updatedAt)
    old.close()
    const before = { file: digest(db), folder: listing() }

    const list = cli('list')
    expect(list.code).toBe(1)
    expect(list.stderr).toMatch(/older format and must be upgraded before it can be read/)
    const copy = path.join(dir, 'copy.sqlite')
    expect(cli('backup', '--out', copy).code).toBe(0)
    expect(digest(db)).toBe(before.file)
    expect(listing()).toEqual([...before.folder, 'copy.sqlite'].sort())
    const copied = new Database(copy, { readonly: true })
    expect(copied.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION - 1)
    copied.close()

    const upgrade = cli('upgrade')
    expect(upgrade.code).toBe(0)
    expect(upgrade.stdout).toMatch(/upgraded to the current format; the previous file was kept at/)
    expect(cli('list').stdout).toMatch(/Old/)
    expect(fs.readdirSync(path.join(dir, 'library.sqlite.backups'))).toEqual([
      expect.stringMatching(new RegExp(`^pre-migration-v${SCHEMA_VERSION - 1}-.*\\.sqlite$`))
    ])
  })
})
