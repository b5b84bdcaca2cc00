import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { APPLICATION_ID, openLibraryService, SCHEMA_VERSION } from '../../src/library'
import { catchSync, fileDigest, open, tempDir } from './helpers'

/**
 * Asserts that opening `file` is refused with `code`, for writing and for reading alike, leaving
 * its bytes as they were and the folder as it was: no -wal, -shm, lock or backup appears.
 */
function expectRefusal(file: string, code: string) {
  const before = fileDigest(file)
  const listing = fs.readdirSync(path.dirname(file)).sort()
  let error: ReturnType<typeof catchSync> | undefined
  for (const options of [{}, { readOnly: true }]) {
    error = catchSync(() => openLibraryService(file, options))
    expect(error.code).toBe(code)
    expect(error.message).toContain(JSON.stringify(file))
    expect(error.message.split('. ').length).toBe(1) // one sentence
    expect(fileDigest(file)).toBe(before)
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(listing)
  }
  return error!
}

function foreignDatabase(file: string, setup: string) {
  const db = new Database(file)
  db.exec(setup)
  db.close()
}

/** A closed library holding one map with some notes. */
async function libraryWithContent(file: string) {
  const service = openLibraryService(file)
  const map = await service.call('createMap', { template: 'saas', title: 'Content' })
  const [stage] = map.stages
  const [lane] = map.lanes
  const patch = Array.from({ length: 200 }, (_, i) => ({
    op: 'put' as const,
    entity: 'note' as const,
    value: {
      id: `n${i}`,
      stageId: stage!.id,
      laneId: lane!.id,
      order: i,
      text: 'x'.repeat(500),
      color: '#ffffff',
      kind: 'note' as const,
      channel: null,
      category: null,
      personaIds: [],
      votes: 0,
      severity: null,
      impact: null,
      effort: null
    }
  }))
  await service.call('applyPatch', { mapId: map.id, patch })
  service.close()
}

describe('opening refuses files that are not ours, damaged or too new, without writing', () => {
  it('refuses a file that is not SQLite', () => {
    const file = path.join(tempDir(), 'notes.txt')
    fs.writeFileSync(file, 'Meeting notes\n'.repeat(50))
    expect(expectRefusal(file, 'not_our_file').message).toMatch(/not a Journeyboard library/)
  })

  it('refuses a SQLite file of another program (application_id)', () => {
    const file = path.join(tempDir(), 'other.db')
    foreignDatabase(file, 'PRAGMA application_id = 1234; CREATE TABLE t (x)')
    expectRefusal(file, 'not_our_file')
  })

  it('refuses a SQLite file without application_id that has tables', () => {
    const file = path.join(tempDir(), 'plain.db')
    foreignDatabase(file, 'CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)')
    expectRefusal(file, 'not_our_file')
  })

  it('refuses a plain SQLite file in WAL mode with tables, looking past the header', () => {
    const file = path.join(tempDir(), 'wal.db')
    const other = new Database(file)
    other.pragma('journal_mode = WAL')
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)') // still in the -wal while `other` is open
    expectRefusal(file, 'not_our_file') // the other program's -wal and -shm, shared, and nothing more
    other.close()
  })

  it('refuses a file that is cut short', async () => {
    const file = path.join(tempDir(), 'lib.journeyboard')
    await libraryWithContent(file)
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))
    expect(expectRefusal(file, 'corrupt_file').message).toMatch(/damaged/)
  })

  it('refuses a file whose header is cut short', () => {
    const file = path.join(tempDir(), 'stub.journeyboard')
    fs.writeFileSync(file, Buffer.from('SQLite format 3\0\x10\x00', 'latin1'))
    expectRefusal(file, 'corrupt_file')
  })

  it('refuses a file with a damaged page', async () => {
    const file = path.join(tempDir(), 'lib.journeyboard')
    await libraryWithContent(file)
    const fd = fs.openSync(file, 'r+')
    const pageSize = 4096
    for (let page = 2; page * pageSize < fs.statSync(file).size; page += 3) {
      fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, page * pageSize + 8)
    }
    fs.closeSync(fd)
    expectRefusal(file, 'corrupt_file')
  })

  it('refuses a library from a newer version of the app', async () => {
    const file = path.join(tempDir(), 'lib.journeyboard')
    await libraryWithContent(file)
    const db = new Database(file)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    expect(expectRefusal(file, 'too_new').message).toMatch(/newer version of Journeyboard/)
  })

  it('refuses a newer library even when the change is still in its -wal file', async () => {
    const file = path.join(tempDir(), 'lib.journeyboard')
    await libraryWithContent(file)
    const newer = new Database(file)
    newer.pragma(`user_version = ${SCHEMA_VERSION + 5}`)
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0)
    expectRefusal(file, 'too_new')
    newer.close()
  })

  it('treats a missing or zero-length file as a new library', async () => {
    const dir = tempDir()
    const empty = path.join(dir, 'empty.journeyboard')
    fs.writeFileSync(empty, '')
    for (const file of [empty, path.join(dir, 'new.journeyboard')]) {
      const service = open(file)
      expect(await service.call('listMaps', {})).toEqual([])
      service.close()
      const db = new Database(file, { readonly: true })
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      db.close()
    }
  })

  it('adopts an empty SQLite database that has no tables', async () => {
    const file = path.join(tempDir(), 'blank.db')
    foreignDatabase(file, 'PRAGMA user_version = 7') // a header, no tables, no application_id
    expect(fs.statSync(file).size).toBeGreaterThan(0)
    const service = open(file)
    await service.call('createMap', { template: 'blank', title: 'Adopted' })
    expect((await service.call('listMaps', {})).map((m) => m.title)).toEqual(['Adopted'])
  })
})
