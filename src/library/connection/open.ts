/**
 * Opening a library file: decide whether it is ours, whole and not too new before anything is
 * written; take the one-writer lock; configure the connection; migrate (after a backup).
 *
 * Durability choice: WAL with `synchronous = NORMAL`. A commit is in the -wal file (in the OS
 * page cache) before the call returns, so an acknowledged edit survives the app being killed
 * (kill -9, a crash); SQLite recovers it from the WAL on the next open. What NORMAL gives up
 * compared to FULL is the fsync per commit: after a power cut or OS crash the last few edits
 * may be lost, never the file's consistency. FULL would cost an fsync (milliseconds on a laptop
 * disk) per edit, which is a drag-and-drop budget we would rather keep. Checkpoints still fsync.
 */
import fs from 'node:fs'
import nodePath from 'node:path'
import { JourneyError } from '../../shared/errors'
import { backupBeforeMigration, defaultBackupDir } from '../backups'
import { readUserVersion, runMigrations, SCHEMA_VERSION } from '../migrations'
import { isCorruption, isReadOnlyFailure, sqliteCode, toJourneyError } from './errors'
import { APPLICATION_ID, errnoText, fileLabel, probeFile, refuseByHeader, tooNew } from './header'
import { acquireLock, type LibraryLock } from './lock'
import Database, { immutableUri } from './sqlite'

export interface OpenConnectionOptions {
  /** Open without ever writing, even when the file is writable. */
  readonly readOnly?: boolean
  /**
   * With readOnly: accept a file in an older format too (it is not upgraded). Only for work that
   * reads pages, not maps, such as a backup copy.
   */
  readonly olderFormatAllowed?: boolean
  /** Where pre-migration copies go. Default `<file>.backups/`. */
  readonly backupDir?: string
  readonly now?: () => Date
  /**
   * The better-sqlite3 native module to load instead of its own (Node) build: the desktop app's
   * Electron build (see src/main/native-binding.ts). Absent: better-sqlite3's own.
   */
  readonly nativeBinding?: string
}

export interface OpenedLibrary {
  readonly db: Database.Database
  /** Absolute path of the library file. */
  readonly path: string
  readonly readOnly: boolean
  /** Things the user should know about how the file was opened (AppInfo.notices). */
  readonly notices: readonly string[]
  /** True when this open created the library (a new or empty file). */
  readonly created: boolean
  /** Checkpoints the WAL, closes the connection and releases the lock. Safe to call twice. */
  close(): void
}

const BUSY_TIMEOUT_MS = 1000

/** Opens the library at `file`, creating it when missing or empty. Throws JourneyError only. */
export function openLibraryConnection(file: string, options: OpenConnectionOptions = {}): OpenedLibrary {
  const path = nodePath.resolve(file)
  try {
    return openOrRefuse(path, options)
  } catch (error) {
    throw toJourneyError(error, path)
  }
}

function openOrRefuse(path: string, options: OpenConnectionOptions): OpenedLibrary {
  const probe = probeFile(path)
  refuseByHeader(path, probe, SCHEMA_VERSION)
  const notices: string[] = []
  const isNew = probe.kind === 'new'
  const readOnlyReason = options.readOnly ? 'requested' : writeBlocker(path, isNew)

  let facts: FileFacts = { applicationId: 0, userVersion: 0 }
  if (!isNew) {
    const reader = openReadOnly(path, options.nativeBinding)
    try {
      facts = inspect(reader, path)
    } catch (error) {
      reader.close()
      throw error
    }
    if (readOnlyReason) return finishReadOnly(reader, path, facts, readOnlyReason, notices, options)
    reader.close()
  } else if (readOnlyReason === 'requested') {
    throw new JourneyError('not_found', `There is no library at ${fileLabel(path)}.`)
  } else if (readOnlyReason) {
    throw new JourneyError(
      'read_only',
      `The library ${fileLabel(path)} does not exist and cannot be created here: the folder is read-only.`
    )
  }

  let lock: LibraryLock
  try {
    lock = acquireLock(path)
  } catch (error) {
    if (error instanceof JourneyError || isNew || !isPermissionError(error)) throw error
    return finishReadOnly(openReadOnly(path, options.nativeBinding), path, facts, 'folder', notices, options)
  }
  let db: Database.Database | undefined
  try {
    db = new Database(path, { fileMustExist: !isNew, timeout: BUSY_TIMEOUT_MS, ...binding(options.nativeBinding) })
    configureWriter(db)
    const adopt = isNew || facts.applicationId === 0
    const from = readUserVersion(db)
    // An empty database someone else created is adopted as new, whatever user_version it claims.
    if (adopt && from !== 0) db.pragma('user_version = 0')
    if (!adopt && from < SCHEMA_VERSION) {
      const copy = backupBeforeMigration(
        db,
        options.backupDir ?? defaultBackupDir(path),
        from,
        (options.now ?? nowDate)()
      )
      notices.push(`The library was upgraded to the current format; the previous file was kept at ${copy}.`)
    }
    runMigrations(db)
  } catch (error) {
    db?.close()
    lock.release()
    if (!isNew && isReadOnlyFailure(error))
      return finishReadOnly(openReadOnly(path, options.nativeBinding), path, facts, 'file', notices, options)
    throw error
  }
  return handle(db, path, false, notices, isNew || facts.applicationId === 0, lock)
}

interface FileFacts {
  readonly applicationId: number
  readonly userVersion: number
}

/** The authoritative checks, on a read-only connection that sees what a -wal file holds. */
function inspect(db: Database.Database, path: string): FileFacts {
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number
    const userVersion = readUserVersion(db)
    const notOurs = (why: string) =>
      new JourneyError('not_our_file', `${fileLabel(path)} is not a Journeyboard library (${why}).`)
    if (applicationId !== APPLICATION_ID && applicationId !== 0) throw notOurs('it belongs to another program')
    if (applicationId === 0) {
      const tables = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'table'`).pluck().get() as number
      if (tables > 0) throw notOurs("it is another program's database")
    }
    if (userVersion > SCHEMA_VERSION && applicationId === APPLICATION_ID) throw tooNew(path)
    const problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check)
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new JourneyError(
        'corrupt_file',
        `The library ${fileLabel(path)} is damaged and cannot be opened.`,
        problems.map((message) => ({ path: 'quick_check', message }))
      )
    }
    return { applicationId, userVersion }
  } catch (error) {
    if (isCorruption(error))
      throw new JourneyError('corrupt_file', `The library ${fileLabel(path)} is damaged and cannot be opened.`)
    throw error
  }
}

/** Files beside a library that only exist while someone has it open (or crashed with it open). */
const SIDECARS = ['-wal', '-shm', '-journal'] as const

/**
 * A connection that never writes. With no -wal, -shm or -journal beside the file nobody has it
 * open, so SQLite is told the file is immutable: it then creates no -wal/-shm (a read-only
 * connection to a WAL database otherwise creates both and, unable to checkpoint, leaves them
 * behind) and needs no write access to the folder. With them present, a writer owns them (or
 * crashed holding them) and the reader must share them to see the latest commits. A reader
 * opened while nobody writes reads the file as it was then, which is what a read-only view or
 * a one-shot command needs.
 */
function openReadOnly(path: string, nativeBinding: string | undefined): Database.Database {
  const inUse = SIDECARS.some((suffix) => fs.existsSync(path + suffix))
  try {
    const db = inUse ? openReadOnlyShared(path, nativeBinding) : openImmutable(path, nativeBinding)
    db.pragma('trusted_schema = OFF')
    return db
  } catch (error) {
    if (isCorruption(error))
      throw new JourneyError('corrupt_file', `The library ${fileLabel(path)} is damaged and cannot be opened.`)
    throw new JourneyError('storage', `The library ${fileLabel(path)} could not be opened (${errnoText(error)}).`)
  }
}

/** better-sqlite3's `nativeBinding` option when one is given (absent means its own build). */
export function binding(nativeBinding: string | undefined): Database.Options {
  return nativeBinding === undefined ? {} : { nativeBinding }
}

const openReadOnlyShared = (path: string, nativeBinding: string | undefined) =>
  new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS, ...binding(nativeBinding) })

function openImmutable(path: string, nativeBinding: string | undefined): Database.Database {
  try {
    return new Database(immutableUri(path), { readonly: true, fileMustExist: true, ...binding(nativeBinding) })
  } catch (error) {
    // URI filenames are off when better-sqlite3 was loaded before ./sqlite set them up: read the
    // ordinary way (correct, only tidier than that if SQLite has to create its -wal/-shm).
    if (sqliteCode(error) === 'SQLITE_CANTOPEN' && fs.existsSync(path)) return openReadOnlyShared(path, nativeBinding)
    throw error
  }
}

function configureWriter(db: Database.Database): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL') // see the durability note at the top of this file
  db.pragma('foreign_keys = ON')
  db.pragma('trusted_schema = OFF')
}

type ReadOnlyReason = 'requested' | 'file' | 'folder'

const READ_ONLY_NOTICES: Record<ReadOnlyReason, string> = {
  requested: 'The library was opened read-only as requested; changes cannot be saved.',
  file: 'The library file is read-only, so changes cannot be saved. Make it writable and reopen it to edit.',
  folder: 'The folder holding the library is read-only, so changes cannot be saved.'
}

/** Why this process should not write the file, if it should not. Root ignores permissions, so we honour the mode bits too. */
function writeBlocker(path: string, isNew: boolean): ReadOnlyReason | null {
  const dir = nodePath.dirname(path)
  if (isNew) return canAccess(dir, fs.constants.W_OK) ? null : 'folder'
  const writable = canAccess(path, fs.constants.W_OK) && (fs.statSync(path).mode & 0o222) !== 0
  if (!writable) return 'file'
  return canAccess(dir, fs.constants.W_OK) ? null : 'folder'
}

function finishReadOnly(
  db: Database.Database,
  path: string,
  facts: FileFacts,
  reason: ReadOnlyReason,
  notices: string[],
  options: OpenConnectionOptions
): OpenedLibrary {
  const older = facts.applicationId === 0 || facts.userVersion < SCHEMA_VERSION
  if (older && !(reason === 'requested' && options.olderFormatAllowed)) {
    db.close()
    throw new JourneyError(
      'read_only',
      reason === 'requested'
        ? `The library ${fileLabel(path)} is in an older format and must be upgraded before it can be read: open it once in Journeyboard (or run the command line's upgrade), which keeps a copy of the old file.`
        : `The library ${fileLabel(path)} must be upgraded to the current format, but it cannot be written to.`
    )
  }
  notices.push(READ_ONLY_NOTICES[reason])
  return handle(db, path, true, notices, false, null)
}

function handle(
  db: Database.Database,
  path: string,
  readOnly: boolean,
  notices: string[],
  created: boolean,
  lock: LibraryLock | null
): OpenedLibrary {
  let closed = false
  return {
    db,
    path,
    readOnly,
    notices,
    created,
    close() {
      if (closed) return
      closed = true
      try {
        if (!readOnly) db.pragma('wal_checkpoint(TRUNCATE)')
      } catch {
        // A failed checkpoint is harmless: the WAL is replayed on the next open.
      } finally {
        db.close()
        lock?.release()
      }
    }
  }
}

function canAccess(path: string, mode: number): boolean {
  try {
    fs.accessSync(path, mode)
    return true
  } catch {
    return false
  }
}

function isPermissionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
}

const nowDate = () => new Date()
