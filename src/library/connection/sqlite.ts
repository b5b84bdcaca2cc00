/**
 * better-sqlite3, with SQLite's URI filenames turned on for this process.
 *
 * Why: a reader must be able to open a WAL-mode library without creating `-wal`/`-shm` files
 * (a read-only connection otherwise creates both and, unable to checkpoint, leaves them behind),
 * and without write access to the folder. SQLite's documented way is the `immutable=1` URI
 * parameter, and better-sqlite3 accepts URI filenames only when `SQLITE_USE_URI=1` is in the
 * environment as its native addon loads, which happens at the first `new Database`. Importing
 * this module sets it; every path we open is absolute, so no plain file name is mistaken for a URI.
 */
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'

process.env['SQLITE_USE_URI'] = '1'

export default Database

/** The URI that opens `path` as a file nobody changes while it is open: no locks, no -wal/-shm. */
export const immutableUri = (path: string): string => `${pathToFileURL(path).href}?immutable=1`
