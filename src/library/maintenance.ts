/**
 * `check` and `backup` for the command line. Both are readers: they open the file with the
 * refusal rules of every open (a foreign, damaged or newer file never gets this far), never take
 * the writer's lock and never write the library, so they work while the app or the web host has
 * it open, and see everything that process has committed.
 */
import fs from 'node:fs'
import nodePath from 'node:path'
import { JourneyMapSchema } from '../shared/schema/entities'
import { checkIntegrity } from '../shared/model/integrity'
import { formatPath, JourneyError } from '../shared/errors'
import { errnoText, fileLabel } from './connection/header'
import { openLibraryConnection } from './connection/open'
import Database, { immutableUri } from './connection/sqlite'
import { createLibraryService } from './service'

export interface CheckReport {
  /** Absolute path of the library file. */
  readonly path: string
  readonly ok: boolean
  readonly maps: number
  readonly notes: number
  readonly personas: number
  readonly problems: readonly string[]
}

/** SQLite's own integrity and foreign-key checks, then every map against the schema and its references. */
export async function checkLibrary(file: string): Promise<CheckReport> {
  const problems: string[] = []
  const opened = openLibraryConnection(file, { readOnly: true })
  const integrity = opened.db.pragma('integrity_check') as { integrity_check: string }[]
  for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(`sqlite: ${row.integrity_check}`)
  const fk = opened.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
  for (const row of fk.slice(0, 20))
    problems.push(`sqlite: ${row.table} row ${row.rowid} points at a missing ${row.parent}`)
  const service = createLibraryService(opened)
  try {
    const summaries = await service.call('listMaps', {})
    let notes = 0
    for (const summary of summaries) {
      const map = await service.call('getMap', { id: summary.id })
      notes += map.notes.length
      const parsed = JourneyMapSchema.safeParse(map)
      if (!parsed.success) {
        for (const issue of parsed.error.issues.slice(0, 5)) {
          problems.push(`map "${summary.title}": ${formatPath(issue.path)}: ${issue.message}`)
        }
      }
      for (const issue of checkIntegrity(map, 5))
        problems.push(`map "${summary.title}": ${issue.path}: ${issue.message}`)
    }
    const personas = (await service.call('listPersonas', {})).length
    return { path: opened.path, ok: problems.length === 0, maps: summaries.length, notes, personas, problems }
  } finally {
    service.close()
  }
}

/**
 * A consistent copy of the whole library (SQLite's online backup from a read-only connection),
 * safe while another process is editing it: the copy holds every edit committed when it ends.
 * Written under a temporary name, checked (`quick_check`), flushed, then renamed, so a half or
 * broken copy never looks whole. A reader that found nobody writing reads the file as immutable;
 * should a writer start and checkpoint into it meanwhile, the check catches the mixed copy and
 * the backup is taken again, this time beside the writer. A file in an older format is copied
 * as it is (not upgraded).
 */
export async function backupLibrary(file: string, out: string): Promise<void> {
  const target = nodePath.resolve(out)
  if (fs.existsSync(target)) {
    throw new JourneyError('invalid_request', `${fileLabel(target)} already exists; choose a new file name.`)
  }
  const temp = `${target}.${process.pid}.tmp`
  for (let attempt = 1; ; attempt++) {
    const opened = openLibraryConnection(file, { readOnly: true, olderFormatAllowed: true })
    try {
      await opened.db.backup(temp)
    } catch (error) {
      fs.rmSync(temp, { force: true })
      const why = error instanceof Error && 'code' in error ? errnoText(error) : String((error as Error).message)
      throw new JourneyError('storage', `Could not write the backup to ${fileLabel(target)} (${why}).`)
    } finally {
      opened.close()
    }
    if (copyIsSound(temp)) break
    fs.rmSync(temp, { force: true })
    if (attempt === 2) {
      throw new JourneyError(
        'storage',
        `The backup copy did not check out; nothing was written to ${fileLabel(target)}.`
      )
    }
  }
  const fd = fs.openSync(temp, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(temp, target)
}

function copyIsSound(copy: string): boolean {
  // Immutable: nobody else has the copy, and a plain reader would leave -wal/-shm beside it.
  const db = new Database(immutableUri(copy), { readonly: true, fileMustExist: true })
  try {
    return db.pragma('quick_check', { simple: true }) === 'ok'
  } catch {
    return false
  } finally {
    db.close()
  }
}
