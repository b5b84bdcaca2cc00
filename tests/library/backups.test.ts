import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  DAILY_BACKUPS_KEPT,
  defaultBackupDir,
  listDailyBackups,
  runMigrations,
  SCHEMA_VERSION
} from '../../src/library'
import { ENTITY_KINDS, TABLES } from '../../src/library/repositories/rows'
import { ENTITY_COLLECTIONS, type EntityKind, type EntityTypes, type JourneyMap } from '../../src/shared/model'
import { createMapFromTemplate } from '../../src/shared/templates'
import { open, seededIds, tempDir, TestClock } from './helpers'

/** Writes a map the way versions 1 and 2 of the schema stored it (no per-record versions yet). */
function insertOldStyle(db: Database.Database, map: JourneyMap): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO maps (id, title, description, scale_min, scale_max, persona_ids, created_at, updated_at, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(
      map.id,
      map.title,
      map.description,
      map.emotionScale.min,
      map.emotionScale.max,
      JSON.stringify(map.personaIds),
      map.createdAt,
      map.updatedAt,
      map.revision
    )
    for (const kind of ENTITY_KINDS) {
      const spec = TABLES[kind]
      // Only the tables and columns the old schema had (later migrations add some).
      const existing = new Set(
        (db.prepare(`PRAGMA table_info(${spec.table})`).all() as { name: string }[]).map((c) => c.name)
      )
      if (existing.size === 0) continue
      const columns = spec.columns.filter((c) => existing.has(c))
      const insert = db.prepare(
        `INSERT INTO ${spec.table} (map_id, ${columns.join(', ')}) VALUES (@map_id, ${columns.map((c) => `@${c}`).join(', ')})`
      )
      for (const record of map[ENTITY_COLLECTIONS[kind]] as readonly EntityTypes[EntityKind][]) {
        const row = (spec.toRow as (r: EntityTypes[EntityKind]) => Record<string, unknown>)(record)
        insert.run({ map_id: map.id, ...Object.fromEntries(columns.map((c) => [c, row[c]])) })
      }
    }
  })()
}

const DAY = 24 * 60 * 60 * 1000

describe('daily backups', () => {
  it('copies the library on the first open of each day and keeps the 7 newest', async () => {
    const file = path.join(tempDir(), 'lib.journeyboard')
    const clock = new TestClock(new Date('2026-03-02T12:00:00.000Z'))
    const created = open(file, { now: clock.now })
    expect(await created.dailyBackup).toBeNull() // a brand-new library has nothing to keep
    await created.call('createMap', { template: 'blank', title: 'Backed up' })
    created.close()

    const first = open(file, { now: clock.now })
    const copy = await first.dailyBackup
    expect(copy).toBe(path.join(defaultBackupDir(file), 'daily-2026-03-02.sqlite'))
    first.close()
    const sameDay = open(file, { now: clock.now })
    expect(await sameDay.dailyBackup).toBeNull()
    sameDay.close()

    const backup = new Database(copy!, { readonly: true })
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(backup.prepare('SELECT title FROM maps').pluck().all()).toEqual(['Backed up'])
    backup.close()

    for (let day = 1; day <= 9; day++) {
      clock.advance(DAY)
      const service = open(file, { now: clock.now })
      await service.dailyBackup
      service.close()
    }
    const kept = listDailyBackups(defaultBackupDir(file)).map((f) => path.basename(f))
    expect(kept).toHaveLength(DAILY_BACKUPS_KEPT)
    expect(kept[0]).toBe('daily-2026-03-11.sqlite')
    expect(kept.at(-1)).toBe('daily-2026-03-05.sqlite')
    expect(fs.readdirSync(defaultBackupDir(file)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('writes to the backup folder it is given', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'lib.journeyboard')
    open(file).close()
    const backupDir = path.join(dir, 'elsewhere', 'backups')
    const service = open(file, { backupDir })
    expect(path.dirname((await service.dailyBackup)!)).toBe(backupDir)
  })

  it('survives the library being closed while the backup runs', async () => {
    const file = path.join(tempDir(), 'lib.journeyboard')
    open(file).close()
    const service = open(file)
    service.close()
    await expect(service.dailyBackup).resolves.toBeDefined()
    expect(fs.readdirSync(defaultBackupDir(file)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

describe('migrations', () => {
  it('backs up an older library before upgrading it, and keeps its content', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'old.journeyboard')
    // A library as version 1 of the schema left it.
    const old = new Database(file)
    old.pragma('journal_mode = WAL')
    runMigrations(old, 1)
    const map = createMapFromTemplate('saas', 'From v1', seededIds(), '2025-01-01T00:00:00.000Z')
    insertOldStyle(old, map)
    old.close()

    const clock = new TestClock(new Date('2026-03-02T10:00:00.000Z'))
    const backupDir = path.join(dir, 'backups')
    const service = open(file, { now: clock.now, backupDir })
    expect(await service.call('getMap', { id: map.id })).toEqual(map)
    const info = await service.call('getAppInfo', {})
    const copy = path.join(backupDir, 'pre-migration-v1-2026-03-02T10-00-00-000Z.sqlite')
    expect(info.notices).toEqual([
      `The library was upgraded to the current format; the previous file was kept at ${copy}.`
    ])
    await service.call('createSnapshot', { mapId: map.id, name: 'works in v2' })
    await service.dailyBackup
    service.close()

    const upgraded = new Database(file, { readonly: true })
    expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    upgraded.close()
    const before = new Database(copy, { readonly: true })
    expect(before.pragma('user_version', { simple: true })).toBe(1)
    expect(before.prepare('SELECT title FROM maps').pluck().all()).toEqual(['From v1'])
    expect(before.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'snapshots'`).pluck().get()).toBe(0)
    before.close()
    // The pre-migration copy is not one of the daily ones, so pruning never removes it.
    expect(listDailyBackups(backupDir).map((f) => path.basename(f))).toEqual(['daily-2026-03-02.sqlite'])
  })

  it('gives every record of a version-2 library a version, after a backup, and then merges edits by record', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'v2.journeyboard')
    const old = new Database(file)
    old.pragma('journal_mode = WAL')
    runMigrations(old, 2)
    const map = { ...createMapFromTemplate('saas', 'From v2', seededIds(), '2025-01-01T00:00:00.000Z'), revision: 7 }
    insertOldStyle(old, map)
    old.close()

    const clock = new TestClock(new Date('2026-03-02T10:00:00.000Z'))
    const backupDir = path.join(dir, 'backups')
    const service = open(file, { now: clock.now, backupDir })
    expect(await service.call('getMap', { id: map.id })).toEqual(map)
    expect(fs.existsSync(path.join(backupDir, 'pre-migration-v2-2026-03-02T10-00-00-000Z.sqlite'))).toBe(true)

    // Records from before the migration count as unchanged since any revision a client saw.
    const stage = map.stages[0]!
    const renamed = { ...stage, title: 'Discovery' }
    const result = await service.call('pushChanges', {
      mapId: map.id,
      pushId: 'c1-1',
      baseRevision: 7,
      changes: { records: [{ entity: 'stage', id: stage.id, before: stage, after: renamed }], meta: null }
    })
    expect(result).toMatchObject({ revision: 8, outcome: 'committed', conflicts: [] })
    service.close()

    const upgraded = new Database(file, { readonly: true })
    expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    const versions = upgraded.prepare('SELECT id, version FROM stages WHERE map_id = ?').all(map.id) as {
      id: string
      version: number
    }[]
    expect(versions.find((v) => v.id === stage.id)?.version).toBe(8)
    expect(versions.filter((v) => v.id !== stage.id).every((v) => v.version === 0)).toBe(true)
    upgraded.close()
  })
})
