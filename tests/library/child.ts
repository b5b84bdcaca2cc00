/** Runs a fixture script in a separate Node process (TypeScript through tsx) and reads its lines. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'

const root = path.resolve(import.meta.dirname, '../..')

export interface Child {
  readonly process: ChildProcessWithoutNullStreams
  readonly lines: string[]
  /** Resolves with the first line matching `pattern` (rejects if the process exits first). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>
  /** Resolves once the process has exited and been reaped. */
  readonly exited: Promise<number | null>
  stderr(): string
}

/** `asUser`: run as that unprivileged uid/gid (through util-linux's setpriv; the test must be root). */
export function runFixture(script: string, args: string[], asUser?: number): Child {
  const node = [process.execPath, '--import', 'tsx', path.join(root, 'tests/library/fixtures', script), ...args]
  const command =
    asUser === undefined
      ? node
      : ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', '--reset-env', ...node]
  const child = spawn(command[0]!, command.slice(1), { cwd: root, stdio: 'pipe' })
  const lines: string[] = []
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const waiters = new Set<() => void>()
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line)
    for (const wake of [...waiters]) wake()
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    process: child,
    lines,
    exited,
    stderr: () => stderr,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find((l) => pattern.test(l))
          if (found === undefined) return false
          cleanup()
          resolve(found)
          return true
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(new Error(`timed out waiting for ${pattern}; stderr: ${stderr}`))
        }, timeoutMs)
        const cleanup = () => {
          clearTimeout(timer)
          waiters.delete(wake)
        }
        const wake = () => void check()
        if (check()) return
        waiters.add(wake)
        void exited.then(() => {
          if (!check()) {
            cleanup()
            reject(new Error(`the child exited before printing ${pattern}; stderr: ${stderr}`))
          }
        })
      })
    }
  }
}
