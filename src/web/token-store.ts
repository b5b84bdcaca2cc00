/**
 * The web host's token, kept per library in a private file beside it (`<library>.web-token`,
 * mode 0600), so that a host restarted on the same library accepts the tabs that were open on
 * the previous run: they reconnect by themselves instead of showing "Reconnecting…" forever.
 * `--new-token` replaces it (every open tab is then refused and says to open the new address).
 *
 * A file that is not a plain file of ours, readable by others, or not a well-formed token is
 * never used: a new token replaces it. Where the file cannot be written (a read-only folder), the
 * token lasts for this run only and the caller is told why.
 */
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import { TOKEN_PATTERN } from '../shared/api/wire'

export interface HostToken {
  readonly token: string
  /** `kept`: read from the file; `new`: made now and written; `this-run`: made now, could not be written. */
  readonly source: 'kept' | 'new' | 'this-run'
  /** Why the token could not be kept, in words (only for `this-run`). */
  readonly notice?: string
}

export const tokenPathFor = (libraryFile: string): string => `${libraryFile}.web-token`

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

/** The token in `file` when it is private to this user and well-formed, else null. */
function readPrivateToken(file: string): string | null {
  let stat: fs.Stats
  try {
    stat = fs.lstatSync(file)
  } catch {
    return null
  }
  if (!stat.isFile()) return null
  if (process.platform !== 'win32') {
    if ((stat.mode & 0o077) !== 0) return null
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return null
  }
  try {
    const text = fs.readFileSync(file, 'utf8').trim()
    return TOKEN_PATTERN.test(text) ? text : null
  } catch {
    return null
  }
}

/** Writes the token to a new private file and moves it into place (never a half-written token). */
function writePrivateToken(file: string, token: string): void {
  const temp = `${file}.${process.pid}.tmp`
  try {
    fs.writeFileSync(temp, `${token}\n`, { mode: 0o600, flag: 'wx' })
    fs.renameSync(temp, file)
  } catch (error) {
    fs.rmSync(temp, { force: true })
    throw error
  }
}

export function loadOrCreateHostToken(libraryFile: string, options: { readonly renew?: boolean } = {}): HostToken {
  const file = tokenPathFor(libraryFile)
  if (!options.renew) {
    const kept = readPrivateToken(file)
    if (kept) return { token: kept, source: 'kept' }
  }
  const token = newToken()
  try {
    writePrivateToken(file, token)
    return { token, source: 'new' }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    return {
      token,
      source: 'this-run',
      notice: `the token could not be kept in ${file} (${reason}); after a restart, open the new address it prints.`
    }
  }
}
