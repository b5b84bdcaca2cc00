/** The CLI from its TypeScript source (tsx), on one library file: what the CLI tests run. */
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** `journeyboard ARGS --db LIBRARY`; `env` is added to this process's environment. */
export function runCli(library: string, args: readonly string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/index.ts'), ...args, '--db', library],
    {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, ...env }
    }
  )
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
