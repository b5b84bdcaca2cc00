/**
 * Vitest's global setup: the CLI bundle (scripts/cli.mjs builds it on demand) is made once before
 * the test files run, so test files spawning the shipped CLI in parallel never build it at once.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..')
  const result = spawnSync(process.execPath, ['scripts/cli.mjs', '--build'], { cwd: root, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`the CLI bundle could not be built: ${result.stderr}`)
}
