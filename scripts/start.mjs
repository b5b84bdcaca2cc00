// `npm start`: runs the desktop app when Electron can run here, otherwise the web host.
//
// Electron can run when its binary is installed (require('electron') returns a path that exists;
// it throws "Electron failed to install correctly" when the download never happened) and, on
// Linux, a display is available. Then Electron needs its own build of better-sqlite3 (the one in
// node_modules/better-sqlite3 is Node's, for the tests, the CLI and the web host): when
// node_modules/.journeyboard-electron/ lacks one for this Electron, it is built once, with a
// one-line message and progress (scripts/native/). Then: build with electron-vite when out/ is
// missing or older than its sources, and launch Electron on this folder. Otherwise (no binary,
// no display, or the SQLite module could not be built) print one line saying why and run
// `node scripts/web.mjs` with the same arguments (it prints the URL to open).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildElectronBinding, electronSideState, electronVersion } from './native/electron-binding.mjs'
import { startDecision } from './native/side-build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)

/** The Electron executable, or the reason it cannot be used. */
function findElectron() {
  let path
  try {
    path = createRequire(import.meta.url)('electron')
  } catch {
    return { reason: "Electron's binary is not installed on this machine (it cannot be downloaded here)" }
  }
  if (typeof path !== 'string' || !existsSync(path)) {
    return { reason: `Electron's binary is missing (expected at ${String(path)})` }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'No graphical display is available (DISPLAY and WAYLAND_DISPLAY are not set)' }
  }
  return { path }
}

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    newest = Math.max(newest, newestMtime(join(path, entry.name)))
  }
  return newest
}

/** True when an output is missing or older than anything it is built from. */
function buildIsStale() {
  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(root, p))
  if (!outputs.every((p) => existsSync(p))) return true
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs))
  const inputs = ['src', 'resources/public', 'electron.vite.config.ts', 'package.json', 'tsconfig.base.json']
  return Math.max(...inputs.map((p) => newestMtime(join(root, p)))) > oldestOutput
}

function build() {
  process.stderr.write('Building Journeyboard (first run or sources changed)…\n')
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit'
  })
  if (result.status !== 0) {
    process.stderr.write('The build failed; see the messages above.\n')
    process.exit(result.status ?? 1)
  }
}

/**
 * Runs a child with our stdio and forwards SIGINT/SIGTERM (and SIGHUP) to it once. Outside Windows the child
 * gets its own process group, so Ctrl+C in the terminal reaches it through us only, not twice.
 */
function runChild(command, childArgs, env) {
  const child = spawn(command, childArgs, {
    cwd: process.cwd(),
    env,
    stdio: 'inherit',
    detached: process.platform !== 'win32'
  })
  const signals = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP']
  for (const signal of signals) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    })
  }
  child.on('error', (error) => {
    process.stderr.write(`Could not start ${command}: ${error.message}\n`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const electron = findElectron()
const version = electronVersion(root)
const sideState = electron.path ? electronSideState(root, version) : null
let decision = startDecision({ electron, sideState })
if (decision.action === 'build') {
  const buildResult = await buildElectronBinding({
    root,
    version,
    electronPath: electron.path,
    reason: decision.reason
  })
  if (!buildResult.ok && buildResult.cause === 'interrupted') process.exit(130)
  decision = startDecision({ electron, sideState, buildResult })
}
if (decision.action === 'electron') {
  if (buildIsStale()) build()
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  runChild(decision.path, [root, ...args], env)
} else {
  console.log(decision.line)
  runChild(process.execPath, [join(root, 'scripts/web.mjs'), ...args], process.env)
}
