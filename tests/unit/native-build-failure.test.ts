/**
 * A side build that cannot be made fails in one line and leaves everything as it was. Real
 * node-gyp runs against headers already on this machine (--nodedir, so nothing is downloaded),
 * with the tools it needs taken off PATH: first the compiler and make, then Python as well.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { buildSideBinding } from '../../scripts/native/build-binding.mjs'

const root = path.resolve(import.meta.dirname, '../..')
const nodeBuild = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
const scratch = mkdtempSync(path.join(tmpdir(), 'journeyboard-build-failure-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A folder with Node's headers (include/node/common.gypi) already on disk, if any. */
function localHeaders(): string | null {
  const candidates = [
    path.resolve(path.dirname(process.execPath), '..'), // /usr for Debian's nodejs, the prefix of an official tarball
    path.join(root, 'node_modules/.journeyboard-native-abi/runtime')
  ]
  return candidates.find((dir) => existsSync(path.join(dir, 'include/node/common.gypi'))) ?? null
}

function python(): string | null {
  const found = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' })
  return found.status === 0 ? found.stdout.trim() : null
}

const headers = localHeaders()
const python3 = python()
const why = !headers
  ? 'no Node headers on disk (include/node/common.gypi) to configure against offline'
  : !python3
    ? 'python3 is not installed, so the no-compiler case cannot be set up'
    : process.platform === 'win32'
      ? 'PATH surgery below is POSIX-only'
      : null
if (why) console.log(`[native-build-failure] skipped: ${why}`)

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe.skipIf(why !== null)('a side build that cannot be made', () => {
  async function attempt(name: string, pathDirs: string) {
    const outDir = path.join(scratch, name)
    const phases: string[] = []
    const before = sha256(nodeBuild)
    const result = await buildSideBinding({
      root,
      outDir,
      runtime: 'node',
      target: process.versions.node,
      nodedir: headers!,
      env: { PATH: pathDirs, PYTHON: '', npm_config_python: '', CC: '', CXX: '', MAKE: '' },
      onPhase: (phase) => phases.push(phase)
    })
    expect(sha256(nodeBuild)).toBe(before)
    expect(readdirSync(outDir).sort()).toEqual(['build.log'])
    return { result, phases, outDir }
  }

  it('without a compiler or make: says so in one line, keeps the log, installs nothing', async () => {
    const bin = path.join(scratch, 'bin-python-only')
    mkdirSync(bin)
    symlinkSync(python3!, path.join(bin, 'python3'))
    const { result, phases, outDir } = await attempt('no-compiler', bin)
    expect(phases).toEqual(['copying sources', 'compiling'])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.cause).toBe('compiler')
    expect(result.line).toMatch(
      new RegExp(
        `^Could not build the SQLite module for Node\\.js ${process.versions.node.replace(/\./g, '\\.')}: no C\\+\\+ compiler or make was found; install .+ \\(full output: .+build\\.log\\)$`
      )
    )
    expect(result.logFile).toBe(path.join(outDir, 'build.log'))
    expect(readFileSync(result.logFile, 'utf8')).toMatch(/node-gyp\.js rebuild/)
  })

  it('without Python either: names Python', async () => {
    const empty = path.join(scratch, 'bin-empty')
    mkdirSync(empty)
    const { result } = await attempt('no-python', empty)
    expect(result.ok === false && result.cause).toBe('python')
    expect(result.ok === false && result.line).toContain('node-gyp needs Python 3, which was not found')
  })
})
