// `npm run rebuild:electron [-- --if-needed]`: builds better-sqlite3 for the installed Electron into
// node_modules/.journeyboard-electron/, leaving node_modules/better-sqlite3 (the Node build the
// tests, the CLI and the web host use) alone. Without --if-needed it always rebuilds.
// Exit 0 when the Electron build is there afterwards; 1 with one line saying why not.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildElectronBinding, electronSideState, electronVersion } from './native/electron-binding.mjs'
import { ELECTRON_SIDE_DIR } from './native/side-build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ifNeeded = process.argv.includes('--if-needed')

const version = electronVersion(root)
if (!version) {
  console.error('Electron is not installed in node_modules (run npm install first).')
  process.exit(1)
}

const state = electronSideState(root, version)
if (ifNeeded && state.kind === 'ready') {
  console.error(`The SQLite module for Electron ${version} is already built (${ELECTRON_SIDE_DIR}).`)
  process.exit(0)
}

/** Electron's binary, used to check the build loads; absent where it could not be downloaded. */
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

const electronPath = electronBinary()
const reason = state.kind === 'stale' ? state.why : ifNeeded ? 'not built yet' : 'rebuild requested'
const result = await buildElectronBinding({ root, version, electronPath, reason })
if (!result.ok) {
  console.error(result.line)
  process.exit(result.cause === 'interrupted' ? 130 : 1)
}
if (!electronPath) {
  console.error("Electron's binary is not installed here, so the module was not test-loaded in Electron.")
}
