/**
 * Which SQLite module the desktop app loads, what `npm start` does about Electron's build, and
 * the sentences the user reads when something is missing. The pure parts of src/main/native-binding.ts
 * and scripts/native/side-build.mjs; the failures fed to the classifier are real where Node can
 * make them here (a missing file, a file that is not a shared library).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  bindingFailureDialog,
  chooseBinding,
  classifyBindingError,
  PACKAGED_BINDING,
  probeBinding,
  type BindingChoice
} from '../../src/main/native-binding'
import {
  buildFailureLine,
  classifyBuildFailure,
  sideBuildState,
  startDecision,
  type BuildStamp,
  type WantedBuild
} from '../../scripts/native/side-build.mjs'

const root = path.resolve(import.meta.dirname, '../..')
const nodeBuild = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
const load = createRequire(import.meta.url)
const scratch = mkdtempSync(path.join(tmpdir(), 'journeyboard-binding-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** What Node (and Electron, which is Node) says about a module of another ABI. */
const ABI_MESSAGE =
  "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\n" +
  'was compiled against a different Node.js version using\n' +
  'NODE_MODULE_VERSION 115. This version of Node.js requires\n' +
  'NODE_MODULE_VERSION 140. Please try re-compiling or re-installing\n' +
  'the module (for instance, using `npm rebuild` or `npm install`).'

function realLoadError(file: string): unknown {
  try {
    load(file)
  } catch (error) {
    return error
  }
  throw new Error(`${file} loaded`)
}

describe('the module the main process loads', () => {
  const app = '/home/ana/journeyboard'
  const base = { appPath: app, resourcesPath: '/opt/Journeyboard/resources' }

  it('packaged: the app’s own Electron build in resources/native, whatever else exists', () => {
    expect(chooseBinding({ ...base, isPackaged: true, exists: () => true })).toEqual({
      path: '/opt/Journeyboard/resources/native/better_sqlite3.node',
      source: 'packaged'
    })
  })

  it('development with the Electron build present: the side build, not the Node build', () => {
    const seen: string[] = []
    const choice = chooseBinding({
      ...base,
      isPackaged: false,
      exists: (p) => (seen.push(p), p.endsWith('.journeyboard-electron/better_sqlite3.node'))
    })
    expect(choice).toEqual({
      path: `${app}/node_modules/.journeyboard-electron/better_sqlite3.node`,
      source: 'electron-build'
    })
    expect(seen).toEqual([choice.path])
  })

  it('development without it: the Node build (which then explains itself if it is Node’s ABI)', () => {
    expect(chooseBinding({ ...base, isPackaged: false, exists: () => false })).toEqual({
      path: `${app}/node_modules/better-sqlite3/build/Release/better_sqlite3.node`,
      source: 'node-build'
    })
  })
})

describe('why the module did not load', () => {
  it('another runtime’s build: both NODE_MODULE_VERSIONs are read from the message', () => {
    expect(classifyBindingError(Object.assign(new Error(ABI_MESSAGE), { code: 'ERR_DLOPEN_FAILED' }))).toEqual({
      kind: 'abi-mismatch',
      builtFor: 115,
      runtimeNeeds: 140
    })
    expect(classifyBindingError(new Error('Module did not self-register: /x/better_sqlite3.node.'))).toEqual({
      kind: 'abi-mismatch',
      builtFor: null,
      runtimeNeeds: null
    })
  })

  it('a missing file (a real require of a path that is not there)', () => {
    const error = realLoadError(path.join(scratch, 'nowhere/better_sqlite3.node'))
    expect(classifyBindingError(error)).toEqual({ kind: 'missing' })
  })

  it('anything else keeps the loader’s first line (a real file that is not a shared library)', () => {
    const bogus = path.join(scratch, 'bogus.node')
    writeFileSync(bogus, 'this is not a shared library, just text\n')
    const failure = classifyBindingError(realLoadError(bogus))
    expect(failure.kind).toBe('other')
    expect(failure.kind === 'other' && failure.detail).toContain(bogus)
    expect(failure.kind === 'other' && failure.detail).not.toContain('\n')
  })

  it('probing loads the real module, or says what went wrong', () => {
    expect(probeBinding(nodeBuild, load)).toBeNull()
    expect(probeBinding(path.join(scratch, 'absent.node'), load)).toEqual({ kind: 'missing' })
    expect(probeBinding(path.join(root, 'package.json'), load)).toEqual({
      kind: 'other',
      detail: `${path.join(root, 'package.json')} is not better-sqlite3's module`
    })
  })
})

describe('the dialog instead of "cannot open its library"', () => {
  const dev: BindingChoice = {
    path: '/p/node_modules/.journeyboard-electron/better_sqlite3.node',
    source: 'electron-build'
  }
  const nodeOnly: BindingChoice = {
    path: '/p/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    source: 'node-build'
  }
  const packaged: BindingChoice = { path: '/opt/J/resources/native/better_sqlite3.node', source: 'packaged' }
  const mismatch = { kind: 'abi-mismatch', builtFor: 115, runtimeNeeds: 140 } as const

  it('names the cause, the versions, the fix and the file', () => {
    const dialog = bindingFailureDialog(mismatch, nodeOnly)
    expect(dialog.title).toBe('Journeyboard cannot load its SQLite module')
    expect(dialog.message).toBe(
      'The SQLite module was built for another runtime (it has NODE_MODULE_VERSION 115; this Electron needs 140): ' +
        "only the Node.js build exists, Electron's own was not built yet. " +
        'Run `npm run rebuild:electron` in the Journeyboard folder, then start the app again.\n\n' +
        `Module: ${nodeOnly.path}`
    )
    expect(bindingFailureDialog(mismatch, dev).message).toMatch(
      /^The SQLite module was built for another runtime \(it has NODE_MODULE_VERSION 115; this Electron needs 140\)\. Run `npm run rebuild:electron`/
    )
  })

  it('a missing Electron build in development says to build it; in the installed app, to reinstall', () => {
    expect(bindingFailureDialog({ kind: 'missing' }, dev).message).toMatch(
      /^The SQLite module built for Electron is missing\. Run `npm run rebuild:electron`/
    )
    const installed = bindingFailureDialog({ kind: 'missing' }, packaged).message
    expect(installed).toContain('reinstall Journeyboard')
    expect(installed).not.toContain('npm')
  })

  it('an unknown failure keeps its detail', () => {
    const message = bindingFailureDialog({ kind: 'other', detail: 'invalid ELF header' }, dev).message
    expect(message).toContain('could not be loaded: invalid ELF header.')
  })
})

describe('npm start: Electron present, absent, or its build failed', () => {
  const wanted: WantedBuild = {
    runtime: 'electron',
    target: '39.8.10',
    platform: 'linux',
    arch: 'x64',
    moduleVersion: '12.11.1'
  }
  const stamp: BuildStamp = {
    ...wanted,
    abi: '140',
    method: 'compiled',
    seconds: 95,
    builtAt: '2026-01-01T00:00:00.000Z',
    nodeBuild: { path: 'node_modules/better-sqlite3/build/Release/better_sqlite3.node', sha256: null }
  }
  const electron = { path: '/p/node_modules/electron/dist/electron' }

  it('the side build is ready only for this Electron, platform, arch and better-sqlite3', () => {
    expect(sideBuildState(stamp, true, wanted)).toEqual({ kind: 'ready' })
    expect(sideBuildState(stamp, false, wanted)).toEqual({ kind: 'missing' })
    expect(sideBuildState(null, true, wanted)).toEqual({ kind: 'missing' })
    expect(sideBuildState({ ...stamp, target: '38.2.0' }, true, wanted)).toEqual({
      kind: 'stale',
      why: 'it was built for Electron 38.2.0, this is Electron 39.8.10'
    })
    expect(sideBuildState({ ...stamp, arch: 'arm64' }, true, wanted)).toEqual({
      kind: 'stale',
      why: 'it was built for linux-arm64, this is linux-x64'
    })
    expect(sideBuildState({ ...stamp, moduleVersion: '12.10.0' }, true, wanted)).toEqual({
      kind: 'stale',
      why: 'it was built from better-sqlite3 12.10.0, node_modules now holds 12.11.1'
    })
  })

  it('Electron absent: one line and the web host, no build', () => {
    const reason = "Electron's binary is not installed on this machine (it cannot be downloaded here)"
    expect(startDecision({ electron: { reason }, sideState: null })).toEqual({
      action: 'web',
      line: `${reason}; serving Journeyboard in your browser instead.`
    })
  })

  it('Electron present: build first when its module is missing or stale, else launch', () => {
    expect(startDecision({ electron, sideState: { kind: 'missing' } })).toEqual({
      action: 'build',
      reason: 'first start with Electron'
    })
    expect(startDecision({ electron, sideState: { kind: 'stale', why: 'it was built for Electron 38.2.0' } })).toEqual({
      action: 'build',
      reason: 'it was built for Electron 38.2.0'
    })
    expect(startDecision({ electron, sideState: { kind: 'ready' } })).toEqual({
      action: 'electron',
      path: electron.path
    })
    const built = { ok: true, binding: '/p/x.node', stamp, seconds: 95 } as const
    expect(startDecision({ electron, sideState: { kind: 'missing' }, buildResult: built })).toEqual({
      action: 'electron',
      path: electron.path
    })
  })

  it('the build failed: the failure line, then the web host', () => {
    const line = buildFailureLine('electron', '39.8.10', 'download', 'node_modules/.journeyboard-electron/build.log')
    const failed = { ok: false, cause: 'download', line, logFile: '/p/build.log', seconds: 4 } as const
    expect(startDecision({ electron, sideState: { kind: 'missing' }, buildResult: failed })).toEqual({
      action: 'web',
      line:
        "Could not build the SQLite module for Electron 39.8.10: no network to download a prebuilt module or Electron's headers " +
        '(full output: node_modules/.journeyboard-electron/build.log); serving Journeyboard in your browser instead.'
    })
  })

  it('every failure is one line naming the runtime, the cause and the log', () => {
    for (const cause of ['download', 'python', 'compiler', 'timeout', 'verify', 'interrupted', 'other'] as const) {
      const line = buildFailureLine('electron', '39.8.10', cause, 'build.log')
      expect(line).not.toContain('\n')
      expect(line).toMatch(/^Could not build the SQLite module for Electron 39\.8\.10: .+ \(full output: build\.log\)$/)
    }
    expect(buildFailureLine('electron', '39.8.10', 'compiler', 'build.log')).toContain('no C++ compiler or make')
  })
})

describe('why a build failed, from its output', () => {
  it('no network (node-gyp fetching Electron’s headers, prebuild-install fetching a module)', () => {
    expect(
      classifyBuildFailure(
        'gyp http GET https://www.electronjs.org/headers/v39.8.10/node-v39.8.10-headers.tar.gz\n' +
          'gyp WARN install got an error, rolling back install\ngyp ERR! configure error\n' +
          'gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and\n' +
          'gyp ERR! stack is related to network connectivity. In most cases you are behind a proxy or have bad\n'
      )
    ).toBe('download')
    expect(classifyBuildFailure('prebuild-install warn install getaddrinfo ENOTFOUND github.com')).toBe('download')
  })

  it('a missing compiler or Python, a timeout, anything else', () => {
    expect(classifyBuildFailure('gyp ERR! build error\ngyp ERR! stack Error: not found: make')).toBe('compiler')
    expect(classifyBuildFailure('gyp ERR! find VS could not find a version of Visual Studio 2017 or newer')).toBe(
      'compiler'
    )
    expect(classifyBuildFailure('gyp ERR! find Python Python is not set from command line or npm configuration')).toBe(
      'python'
    )
    expect(classifyBuildFailure('gyp info find Python using Python version 3.11.7\nerror: sqlite3.c:1: boom')).toBe(
      'other'
    )
    expect(classifyBuildFailure('anything', true)).toBe('timeout')
  })
})

describe('packaging ships the Electron build and leaves the tests’ build alone', () => {
  // electron-builder's own loader and schema check (what `npm run package` runs first).
  const yaml = load('js-yaml') as { load(text: string): Record<string, unknown> }
  const { validateConfiguration } = load('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration(config: unknown, logger: unknown): Promise<void>
  }
  const { DebugLogger } = load('builder-util') as { DebugLogger: new () => unknown }
  const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'))

  it('is a valid electron-builder configuration', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger())).resolves.toBeUndefined()
  })

  it('never rebuilds node_modules, excludes the Node build and puts the side build where the app looks', () => {
    expect(config['npmRebuild']).toBe(false)
    expect(config['files']).toContain('!**/node_modules/better-sqlite3/build/**/*')
    expect(config['extraResources']).toEqual([
      { from: 'node_modules/.journeyboard-electron/better_sqlite3.node', to: PACKAGED_BINDING }
    ])
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts['package']).toMatch(/rebuild-electron\.mjs --if-needed && electron-builder$/)
  })
})
