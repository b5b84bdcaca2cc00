// The Electron build of better-sqlite3 (node_modules/.journeyboard-electron/): is it there and
// current, and building it with a one-line message and progress when it is not. Used by
// `npm start`, `npm run rebuild:electron`, `npm run dev` and `npm run package`.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { betterSqlite3Module, buildSideBinding, readStamp } from './build-binding.mjs'
import {
  BINDING_FILE,
  ELECTRON_HEADERS_URL,
  ELECTRON_SIDE_DIR,
  buildDoneLine,
  buildStartLine,
  elapsed,
  sideBuildState
} from './side-build.mjs'

/** The installed Electron package's version (readable even when its binary was never downloaded), or null. */
export function electronVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
  } catch {
    return null
  }
}

/** The side build's state for this checkout's Electron: { kind: 'ready' | 'missing' | 'stale', why? }. */
export function electronSideState(root, version) {
  const outDir = join(root, ELECTRON_SIDE_DIR)
  return sideBuildState(readStamp(outDir), existsSync(join(outDir, BINDING_FILE)), {
    runtime: 'electron',
    target: version,
    platform: process.platform,
    arch: process.arch,
    moduleVersion: betterSqlite3Module(root).version
  })
}

/**
 * Progress on stderr: on a terminal, one line rewritten every second ("  compiling… 42 s");
 * elsewhere (CI logs, pipes) one line per phase.
 */
function progressReporter(stream = process.stderr) {
  const started = Date.now()
  let phase = ''
  let timer = null
  const draw = () => stream.write(`\r\x1b[2K  ${phase}… ${elapsed((Date.now() - started) / 1000)}`)
  return {
    phase(next) {
      phase = next
      if (!stream.isTTY) {
        stream.write(`  ${next}…\n`)
        return
      }
      draw()
      timer ??= setInterval(draw, 1000)
    },
    stop() {
      if (timer) clearInterval(timer)
      if (stream.isTTY && phase) stream.write('\r\x1b[2K')
    }
  }
}

/**
 * Builds the Electron side module. `electronPath` (the binary, when installed) is used to check
 * the result loads; `reason` says why a build is happening, for the first line.
 * Resolves the build result of buildSideBinding.
 */
export async function buildElectronBinding({ root, version, electronPath = null, reason = '' }) {
  process.stderr.write(`${buildStartLine('electron', version, reason)}\n`)
  const progress = progressReporter()
  const outDir = join(root, ELECTRON_SIDE_DIR)
  try {
    const result = await buildSideBinding({
      root,
      outDir,
      runtime: 'electron',
      target: version,
      distUrl: process.env.JOURNEYBOARD_ELECTRON_HEADERS_URL || ELECTRON_HEADERS_URL,
      prebuilt: true,
      verify: electronPath ? { command: electronPath, env: { ELECTRON_RUN_AS_NODE: '1' } } : null,
      onPhase: (phase) => progress.phase(phase)
    })
    progress.stop()
    if (result.ok)
      process.stderr.write(
        `${buildDoneLine('electron', version, result.stamp.method, result.seconds, ELECTRON_SIDE_DIR)}\n`
      )
    return result
  } catch (error) {
    progress.stop()
    throw error
  }
}
