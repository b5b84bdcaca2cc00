/**
 * Reads the 100-byte SQLite header with plain file I/O, so a file that is not ours can be
 * refused before SQLite ever opens it (an open can create -wal/-shm files next to it).
 * Layout: https://www.sqlite.org/fileformat2.html#the_database_header
 */
import fs from 'node:fs'
import { JourneyError } from '../../shared/errors'

/** `PRAGMA application_id` of every Journeyboard library: ASCII "JBM1". */
export const APPLICATION_ID = 0x4a424d31

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
const HEADER_SIZE = 100

export type FileProbe =
  /** Nothing there, or a zero-length file: a new library will be created. */
  | { readonly kind: 'new' }
  | {
      readonly kind: 'sqlite'
      readonly applicationId: number
      readonly userVersion: number
      /** Bumped by SQLite on every schema change; 0 means no table was ever created. */
      readonly schemaCookie: number
      readonly pageSize: number
      readonly pageCount: number
      readonly fileSize: number
      /** A non-empty -wal file sits beside it: the header may lag behind the real content. */
      readonly hasWal: boolean
    }

export const fileLabel = (file: string): string => JSON.stringify(file)

/** Reads and classifies the file without writing anything. Throws not_our_file or corrupt_file. */
export function probeFile(file: string): FileProbe {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'new' }
    throw new JourneyError('storage', `The library ${fileLabel(file)} could not be read (${errnoText(error)}).`)
  }
  try {
    const { size } = fs.fstatSync(fd)
    if (size === 0) return { kind: 'new' }
    const header = Buffer.alloc(HEADER_SIZE)
    const read = fs.readSync(fd, header, 0, HEADER_SIZE, 0)
    if (read < MAGIC.length || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new JourneyError(
        'not_our_file',
        `${fileLabel(file)} is not a Journeyboard library (it is not a SQLite file).`
      )
    }
    if (read < HEADER_SIZE) {
      throw new JourneyError('corrupt_file', `The library ${fileLabel(file)} is damaged: the file is cut short.`)
    }
    const rawPageSize = header.readUInt16BE(16)
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
    const changeCounter = header.readUInt32BE(24)
    const validFor = header.readUInt32BE(92)
    // The in-header page count is only trustworthy when written by SQLite ≥ 3.7.0 in step with the counter.
    const pageCount = changeCounter === validFor ? header.readUInt32BE(28) : 0
    return {
      kind: 'sqlite',
      applicationId: header.readUInt32BE(68),
      userVersion: header.readUInt32BE(60),
      schemaCookie: header.readUInt32BE(40),
      pageSize,
      pageCount,
      fileSize: size,
      hasWal: walSize(file) > 0
    }
  } finally {
    fs.closeSync(fd)
  }
}

function walSize(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size
  } catch {
    return 0
  }
}

/**
 * The refusals the header alone can decide. Whatever it lets through is checked again on a
 * read-only connection, because with a WAL file beside it the header may be out of date.
 */
export function refuseByHeader(file: string, probe: FileProbe, schemaVersion: number): void {
  if (probe.kind !== 'sqlite') return
  if (probe.applicationId !== APPLICATION_ID && probe.applicationId !== 0) {
    throw new JourneyError(
      'not_our_file',
      `${fileLabel(file)} is not a Journeyboard library (it belongs to another program).`
    )
  }
  if (probe.hasWal) return
  if (probe.applicationId === 0 && probe.schemaCookie !== 0) {
    throw new JourneyError(
      'not_our_file',
      `${fileLabel(file)} is not a Journeyboard library (it is another program's database).`
    )
  }
  if (probe.applicationId === APPLICATION_ID && probe.userVersion > schemaVersion) throw tooNew(file)
  if (probe.pageCount > 0 && probe.fileSize < probe.pageCount * probe.pageSize) {
    throw new JourneyError('corrupt_file', `The library ${fileLabel(file)} is damaged: the file is cut short.`)
  }
}

export const tooNew = (file: string): JourneyError =>
  new JourneyError(
    'too_new',
    `The library ${fileLabel(file)} was saved by a newer version of Journeyboard; update the app to open it.`
  )

export function errnoText(error: unknown): string {
  const e = error as NodeJS.ErrnoException
  return e.code ?? e.message ?? String(error)
}
