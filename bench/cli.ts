/**
 * The CLI's start: the median wall time of `journeyboard list` (scripts/cli.mjs, the built
 * bundle) on an empty library, after one run that builds the bundle if it is stale; and, to
 * compare, the same command compiled from TypeScript on every run (tsx), as it was shipped before.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openLibraryService } from '../src/library'
import { median, round } from './stats'

const ROOT = resolve(import.meta.dirname, '..')
const RUNS = 9

function timed(args: string[]): number {
  const started = performance.now()
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' })
  const ms = performance.now() - started
  if (result.status !== 0) throw new Error(`cli failed: ${result.stderr}`)
  return ms
}

export async function runCliBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'jb-bench-cli-'))
  const db = join(dir, 'empty.sqlite')
  try {
    openLibraryService(db, { backupDir: join(dir, 'backups') }).close()
    timed(['scripts/cli.mjs', 'list', '--db', db])
    const built = Array.from({ length: RUNS }, () => timed(['scripts/cli.mjs', 'list', '--db', db]))
    const tsx = Array.from({ length: 3 }, () => timed(['--import', 'tsx', 'src/cli/index.ts', 'list', '--db', db]))
    process.stderr.write(
      `cli: list on an empty library: built ${built.map((t) => Math.round(t)).join(', ')} ms; tsx ${tsx.map((t) => Math.round(t)).join(', ')} ms\n`
    )
    return { 'cli.start_ms': round(median(built), 0), 'cli.start_tsx_ms': round(median(tsx), 0) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
