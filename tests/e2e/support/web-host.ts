/**
 * Starts the real web host (`src/web/main.ts`, as `npm run web` does) on a fresh library file in
 * its own temporary folder, and stops it with SIGINT as a user's Ctrl-C would.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunningHost {
  readonly url: string
  readonly origin: string
  readonly token: string
  readonly dbPath: string
  readonly dir: string
  readonly process: ChildProcess
  /** Everything the host wrote to stderr so far. */
  stderr(): string
  stop(): Promise<number | null>
}

export async function startHost(extraArgs: string[] = [], dbPath?: string): Promise<RunningHost> {
  const dir = mkdtempSync(join(tmpdir(), 'jb-e2e-'))
  const db = dbPath ?? join(dir, 'journeyboard.sqlite')
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/web/main.ts', '--db', db, '--port', '0', ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`web host did not start in 30 s; stderr: ${stderr}`)), 30_000)
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const match = /Journeyboard is running at (\S+)/.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web host exited with ${code}; stderr: ${stderr}`))
    })
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dbPath: db,
    dir,
    process: child,
    stderr: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => {
          rmSync(dir, { recursive: true, force: true })
          resolve(code)
        })
        child.kill('SIGINT')
      })
  }
}
