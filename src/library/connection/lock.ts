/**
 * One writer per library file, across processes: `<file>.lock` holds the owner's pid.
 *
 * Why a lock file and not a SQLite lock: the refusal must name the other process (pid N), and
 * readers such as the CLI's `list` should still be able to look at the file meanwhile.
 * The file is created atomically complete (written to a private temp file, then hard-linked to
 * the lock name, which fails if it exists), so nobody ever reads a half-written lock.
 * A lock is stale, and silently taken over, when its pid is dead on this host or it predates
 * the last boot (pid reuse after a reboot). A lock from another host is respected.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import { JourneyError } from '../../shared/errors'
import { errnoText, fileLabel } from './header'

interface LockContent {
  readonly pid: number
  readonly host: string
  readonly token: string
  readonly createdAt: number
}

export interface LibraryLock {
  readonly path: string
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void
}

export const lockPathFor = (file: string): string => `${file}.lock`

export function acquireLock(file: string): LibraryLock {
  const lockPath = lockPathFor(file)
  const mine: LockContent = { pid: process.pid, host: os.hostname(), token: crypto.randomUUID(), createdAt: Date.now() }
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockPath, mine)) return ownedLock(lockPath, mine.token)
    const holder = readLock(lockPath)
    if (holder === 'missing') continue
    if (holder !== 'unreadable' && !isStale(holder)) {
      const where = holder.host === mine.host ? '' : ` on ${holder.host}`
      throw new JourneyError(
        'open_elsewhere',
        `The library ${fileLabel(file)} is open in another Journeyboard window or process (pid ${holder.pid}${where}).`
      )
    }
    try {
      fs.unlinkSync(lockPath)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw lockError(file, error)
    }
  }
  throw new JourneyError(
    'open_elsewhere',
    `The library ${fileLabel(file)} is being opened by another process; try again.`
  )
}

function tryCreate(lockPath: string, content: LockContent): boolean {
  const temp = `${lockPath}.${content.pid}.${content.token.slice(0, 8)}.tmp`
  fs.writeFileSync(temp, JSON.stringify(content), { flag: 'wx' })
  try {
    fs.linkSync(temp, lockPath)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    // File systems without hard links (FAT, some network shares): exclusive create instead.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
      try {
        fs.writeFileSync(lockPath, JSON.stringify(content), { flag: 'wx' })
        return true
      } catch (inner) {
        if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false
        throw inner
      }
    }
    throw error
  } finally {
    fs.rmSync(temp, { force: true })
  }
}

function readLock(lockPath: string): LockContent | 'missing' | 'unreadable' {
  let text: string
  try {
    text = fs.readFileSync(lockPath, 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable'
  }
  try {
    const value = JSON.parse(text) as Partial<LockContent>
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.createdAt === 'number') {
      return { pid: value.pid, host: value.host, token: String(value.token ?? ''), createdAt: value.createdAt }
    }
  } catch {
    // Falls through: garbage in a lock file is treated as stale.
  }
  return 'unreadable'
}

function isStale(lock: LockContent): boolean {
  if (lock.host !== os.hostname()) return false
  const bootedAt = Date.now() - os.uptime() * 1000
  if (lock.createdAt < bootedAt - 60_000) return true
  return !isAlive(lock.pid)
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function ownedLock(lockPath: string, token: string): LibraryLock {
  let released = false
  return {
    path: lockPath,
    release() {
      if (released) return
      released = true
      const holder = readLock(lockPath)
      if (typeof holder === 'object' && holder.token === token) fs.rmSync(lockPath, { force: true })
    }
  }
}

function lockError(file: string, error: unknown): JourneyError {
  return new JourneyError(
    'storage',
    `The lock beside the library ${fileLabel(file)} could not be updated (${errnoText(error)}).`
  )
}
