/**
 * Turns SQLite and file-system failures into JourneyErrors a person can act on. Anything we do
 * not recognise becomes `internal`, still with a readable sentence.
 */
import Database from 'better-sqlite3'
import { JourneyError, reason } from '../../shared/errors'

export const DISK_FULL_MESSAGE = 'The disk is full: the last edit was not saved. Free some space and try again.'

export function sqliteCode(error: unknown): string | undefined {
  return error instanceof Database.SqliteError ? error.code : undefined
}

export function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error) ?? ''
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'
}

export function isReadOnlyFailure(error: unknown): boolean {
  const code = sqliteCode(error) ?? ''
  return code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')
}

export function toJourneyError(error: unknown, libraryPath: string): JourneyError {
  if (error instanceof JourneyError) return error
  const code = sqliteCode(error)
  if (code === undefined) {
    const errno = (error as NodeJS.ErrnoException | null)?.code
    if (errno === 'ENOSPC') return new JourneyError('disk_full', DISK_FULL_MESSAGE, [], reason('library.diskFull'))
    if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) {
      return new JourneyError(
        'storage',
        `A file of the library ${JSON.stringify(libraryPath)} could not be read or written (${errno}).`
      )
    }
    const message = error instanceof Error ? error.message : String(error)
    return new JourneyError('internal', `Something went wrong in the library: ${message}`)
  }
  if (code === 'SQLITE_FULL') return new JourneyError('disk_full', DISK_FULL_MESSAGE, [], reason('library.diskFull'))
  if (code.startsWith('SQLITE_READONLY')) {
    return new JourneyError('read_only', `The library ${JSON.stringify(libraryPath)} cannot be written to right now.`)
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new JourneyError(
      'storage',
      'The library is busy in another process; try again in a moment.',
      [],
      reason('library.busy')
    )
  }
  if (isCorruption(error)) {
    return new JourneyError(
      'corrupt_file',
      `The library ${JSON.stringify(libraryPath)} is damaged; restore a backup.`,
      [],
      reason('library.damaged')
    )
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return new JourneyError('storage', `The library file could not be read or written (${code}).`)
  }
  return new JourneyError('internal', `Something went wrong in the library (${code}).`)
}
