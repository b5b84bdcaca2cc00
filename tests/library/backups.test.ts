import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  DAILY_BACKUPS_KEPT,
  defaultBackupDir,
  listDailyBackups,
  MapRepository,
  runMigrations,
  SCHEMA_VERSION,
  Statements
} from '../../src/library'
import { createMapFromTemplate } from '../../src/shared/templates'
import { open, seededIds, tempDir, TestClock } from './helpers'

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
    old.transaction(() => new MapRepository(new Statements(old)).insert(map))()
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
})
