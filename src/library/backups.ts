/**
 * Copies of the library file, in `<file>.backups/` beside it unless told otherwise:
 * - daily-YYYY-MM-DD.sqlite: taken on the first open of a (local) day with db.backup(), which
 *   copies page by page in the background without blocking edits; the 7 newest are kept.
 * - pre-migration-vN-<time>.sqlite: taken before the schema is upgraded and never pruned.
 *   That one uses VACUUM INTO because it must be complete, synchronously, before the first
 *   migration statement runs (db.backup() is asynchronous and opening is not).
 * Each copy is written under a temporary name and renamed, so a half copy never looks whole.
 */
import fs from 'node:fs'
import nodePath from 'node:path'
import type Database from 'better-sqlite3'

export const DAILY_BACKUPS_KEPT = 7

const DAILY = /^daily-(\d{4}-\d{2}-\d{2})\.sqlite$/

export const defaultBackupDir = (libraryPath: string): string => `${libraryPath}.backups`

/** The user's calendar day of `date`, as YYYY-MM-DD. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

const timeStamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-')

/** Synchronous, consistent copy of the whole file, flushed to disk. Returns its path. */
export function backupBeforeMigration(db: Database.Database, dir: string, fromVersion: number, now: Date): string {
  fs.mkdirSync(dir, { recursive: true })
  const target = nodePath.join(dir, `pre-migration-v${fromVersion}-${timeStamp(now)}.sqlite`)
  const temp = `${target}.tmp`
  fs.rmSync(temp, { force: true })
  db.prepare('VACUUM INTO ?').run(temp)
  fsyncFile(temp)
  fs.renameSync(temp, target)
  return target
}

/**
 * Today's daily copy, unless one exists already. Resolves to the new file's path, or null when
 * there was nothing to do. Prunes older daily copies down to DAILY_BACKUPS_KEPT.
 */
export async function takeDailyBackup(db: Database.Database, dir: string, now: Date): Promise<string | null> {
  fs.mkdirSync(dir, { recursive: true })
  const target = nodePath.join(dir, `daily-${localDay(now)}.sqlite`)
  if (fs.existsSync(target)) return null
  const temp = `${target}.tmp`
  fs.rmSync(temp, { force: true })
  try {
    await db.backup(temp)
    fsyncFile(temp)
    fs.renameSync(temp, target)
  } catch (error) {
    fs.rmSync(temp, { force: true })
    throw error
  }
  pruneDailyBackups(dir)
  return target
}

/** Daily backups in `dir`, newest first. */
export function listDailyBackups(dir: string): string[] {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter((name) => DAILY.test(name))
    .sort()
    .reverse()
    .map((name) => nodePath.join(dir, name))
}

export function pruneDailyBackups(dir: string, keep = DAILY_BACKUPS_KEPT): string[] {
  const removed = listDailyBackups(dir).slice(keep)
  for (const file of removed) fs.rmSync(file, { force: true })
  return removed
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}
