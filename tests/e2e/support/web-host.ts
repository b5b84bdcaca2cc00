/**
 * Starts the real web host (`src/web/main.ts`, as `npm run web` does) on a fresh library file in
 * its own temporary folder, and stops it with SIGINT as a user's Ctrl-C would.
 *
 * `url` is the address the host printed (`http://127.0.0.1:PORT/#token=…`): `page.goto(host.url)`
 * opens the app with a valid token. Raw API clients connect to `apiUrl` offering `apiProtocols`
 * (the token travels as a WebSocket subprotocol, never in a URL or cookie).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { apiProtocols } from '../../../src/shared/api/wire'

export interface RunningHost {
  readonly url: string
  readonly origin: string
  readonly port: number
  readonly token: string
  /** ws://127.0.0.1:PORT/api */
  readonly apiUrl: string
  /** The subprotocols that open the API with this host's token. */
  readonly apiProtocols: string[]
  readonly dbPath: string
  readonly dir: string
  readonly process: ChildProcess
  /** Everything the host wrote to stderr so far. */
  stderr(): string
  /** Everything the host wrote to stdout so far. */
  stdout(): string
  /** Ctrl-C, then removes the temporary folder. */
  stop(): Promise<number | null>
  /** Sends `signal` (e.g. SIGKILL) and waits for the exit; keeps the folder (the library stays for a restart). */
  kill(signal: NodeJS.Signals): Promise<number | null>
}

export async function startHost(extraArgs: string[] = [], dbPath?: string): Promise<RunningHost> {
  const dir = mkdtempSync(join(tmpdir(), 'jb-e2e-'))
  const db = dbPath ?? join(dir, 'journeyboard.sqlite')
  const args = extraArgs.includes('--port') ? extraArgs : ['--port', '0', ...extraArgs]
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts', '--db', db, ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  let out = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 30 s; stderr: ${stderr}`)), 30_000)
    child.stdout?.on('data', () => {
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
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? ''
  const exited = (): Promise<number | null> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode)
      child.once('exit', (code) => resolve(code))
    })
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token,
    apiUrl: `ws://127.0.0.1:${parsed.port}/api`,
    apiProtocols: apiProtocols(token),
    dbPath: db,
    dir,
    process: child,
    stderr: () => stderr,
    stdout: () => out,
    async stop() {
      const done = exited()
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT')
      const code = await done
      rmSync(dir, { recursive: true, force: true })
      return code
    },
    async kill(signal) {
      const done = exited()
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return done
    }
  }
}
