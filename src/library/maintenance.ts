/**
 * `check` and `backup` for the CLI: read-only work on a library file that has already passed the
 * refusal rules of openLibraryService (so a foreign or corrupt file never gets this far).
 */
import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { JourneyMapSchema } from '../shared/schema/entities'
import { checkIntegrity } from '../shared/model/integrity'
import { formatPath, JourneyError } from '../shared/errors'
import type { LibraryService } from './service-types'

export interface CheckReport {
  readonly ok: boolean
  readonly maps: number
  readonly notes: number
  readonly personas: number
  readonly problems: readonly string[]
}

/** SQLite's own integrity and foreign-key checks, then every map against the schema and its references. */
export async function checkLibrary(service: LibraryService): Promise<CheckReport> {
  const problems: string[] = []
  const db = new Database(service.path, { readonly: true, fileMustExist: true })
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[]
    for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(`sqlite: ${row.integrity_check}`)
    const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
    for (const row of fk.slice(0, 20))
      problems.push(`sqlite: ${row.table} row ${row.rowid} points at a missing ${row.parent}`)
  } finally {
    db.close()
  }
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
    for (const issue of checkIntegrity(map, 5)) problems.push(`map "${summary.title}": ${issue.path}: ${issue.message}`)
  }
  const personas = (await service.call('listPersonas', {})).length
  return { ok: problems.length === 0, maps: summaries.length, notes, personas, problems }
}

/** A consistent copy of the whole library (SQLite online backup), safe while it is in use. */
export async function backupLibrary(service: LibraryService, out: string): Promise<void> {
  if (existsSync(out)) throw new JourneyError('invalid_request', `${out} already exists; choose a new file name.`)
  const db = new Database(service.path, { readonly: true, fileMustExist: true })
  try {
    await db.backup(out)
  } catch (error) {
    throw new JourneyError('storage', `Could not write the backup to ${out}: ${(error as Error).message}`)
  } finally {
    db.close()
  }
}
