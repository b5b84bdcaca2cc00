/**
 * The web host's token kept beside the library: reused by the next run, replaced on request or
 * when the file is not private, well-formed and ours; never fatal when it cannot be written.
 */
import { chmodSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TOKEN_PATTERN } from '../../src/shared/api/wire'
import { loadOrCreateHostToken, tokenPathFor } from '../../src/web/token-store'
import { tempDir } from '../library/helpers'

const posix = process.platform !== 'win32'
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0

describe('the web host token store', () => {
  it('makes a private token file on the first run and the next run takes the same token', () => {
    const library = join(tempDir(), 'journeyboard.sqlite')
    const first = loadOrCreateHostToken(library)
    expect(first.source).toBe('new')
    expect(first.token).toMatch(TOKEN_PATTERN)
    const file = tokenPathFor(library)
    expect(readFileSync(file, 'utf8').trim()).toBe(first.token)
    if (posix) expect(lstatSync(file).mode & 0o777).toBe(0o600)
    expect(loadOrCreateHostToken(library)).toEqual({ token: first.token, source: 'kept' })
  })

  it('--new-token replaces it', () => {
    const library = join(tempDir(), 'journeyboard.sqlite')
    const first = loadOrCreateHostToken(library)
    const renewed = loadOrCreateHostToken(library, { renew: true })
    expect(renewed.source).toBe('new')
    expect(renewed.token).not.toBe(first.token)
    expect(loadOrCreateHostToken(library).token).toBe(renewed.token)
  })

  it.runIf(posix)('never uses a token others can read, a link, or a malformed one', () => {
    const dir = tempDir()
    const library = join(dir, 'journeyboard.sqlite')
    const file = tokenPathFor(library)
    const readable = 'A'.repeat(32)
    writeFileSync(file, `${readable}\n`, { mode: 0o644 })
    chmodSync(file, 0o644)
    const replaced = loadOrCreateHostToken(library)
    expect(replaced.token).not.toBe(readable)
    expect(lstatSync(file).mode & 0o777).toBe(0o600)

    writeFileSync(join(dir, 'elsewhere'), `${'B'.repeat(32)}\n`, { mode: 0o600 })
    const linked = join(dir, 'linked.sqlite')
    symlinkSync(join(dir, 'elsewhere'), tokenPathFor(linked))
    expect(loadOrCreateHostToken(linked).token).not.toBe('B'.repeat(32))
    expect(lstatSync(tokenPathFor(linked)).isSymbolicLink()).toBe(false)

    const malformed = join(dir, 'malformed.sqlite')
    writeFileSync(tokenPathFor(malformed), 'short; rm -rf /\n', { mode: 0o600 })
    expect(loadOrCreateHostToken(malformed).token).toMatch(TOKEN_PATTERN)
  })

  it.runIf(posix && !asRoot)('in a folder it cannot write, the token lasts one run and the reason is given', () => {
    const dir = join(tempDir(), 'read-only')
    mkdirSync(dir)
    chmodSync(dir, 0o555)
    const token = loadOrCreateHostToken(join(dir, 'journeyboard.sqlite'))
    expect(token.source).toBe('this-run')
    expect(token.token).toMatch(TOKEN_PATTERN)
    expect(token.notice).toMatch(/could not be kept in .*journeyboard\.sqlite\.web-token \(EACCES\)/)
  })

  it('where the file cannot be written at all, the token still serves this run', () => {
    // Root may write anywhere; a "folder" that is a plain file refuses everyone (ENOTDIR).
    const notAFolder = join(tempDir(), 'not-a-folder')
    writeFileSync(notAFolder, '')
    const token = loadOrCreateHostToken(join(notAFolder, 'journeyboard.sqlite'))
    expect(token.source).toBe('this-run')
    expect(token.notice).toContain('(ENOTDIR)')
  })
})
