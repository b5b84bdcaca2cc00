// A second build of better-sqlite3's native module, kept beside the Node build instead of over it.
//
// node_modules/better-sqlite3/build/Release/better_sqlite3.node is the Node build: the tests, the
// CLI and the web host load it. Electron refuses a module compiled for another runtime, so the
// desktop app's main process loads its own build through better-sqlite3's `nativeBinding` option,
// from a side folder (node_modules/.journeyboard-electron/). This file holds the pure parts of
// that: where the side build lives, whether it fits the runtime, and the one-line messages. The
// build itself is in build-binding.mjs. Types: side-build.d.mts.

/** The Electron build's folder, relative to the project root. The main process looks here in development. */
export const ELECTRON_SIDE_DIR = 'node_modules/.journeyboard-electron'
/** The file name better-sqlite3's build produces (and the name the side folder keeps). */
export const BINDING_FILE = 'better_sqlite3.node'
/** What was built, for which runtime, from which better-sqlite3, written after a successful build. */
export const STAMP_FILE = 'build-info.json'
/** The full output of the last build, for when it fails. */
export const LOG_FILE = 'build.log'
/** The Node build the tests use, relative to the project root. Never written by these scripts. */
export const NODE_BUILD = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'
/** Where Electron's headers come from when a module is compiled for it (what @electron/rebuild uses). */
export const ELECTRON_HEADERS_URL = 'https://www.electronjs.org/headers'

/** "Electron 39.8.10" or "Node.js 22.23.5". */
export function runtimeLabel(runtime, target) {
  return `${runtime === 'electron' ? 'Electron' : 'Node.js'} ${target}`
}

/**
 * Does the side build fit what we are about to run? `stamp` is the parsed build-info.json (or
 * null), `bindingExists` whether the .node file is there, `wanted` the runtime, version,
 * platform, arch and better-sqlite3 version of this checkout.
 */
export function sideBuildState(stamp, bindingExists, wanted) {
  if (!bindingExists || !stamp || typeof stamp !== 'object') return { kind: 'missing' }
  if (stamp.runtime !== wanted.runtime || stamp.target !== wanted.target) {
    return {
      kind: 'stale',
      why: `it was built for ${runtimeLabel(stamp.runtime, stamp.target)}, this is ${runtimeLabel(wanted.runtime, wanted.target)}`
    }
  }
  if (stamp.platform !== wanted.platform || stamp.arch !== wanted.arch) {
    return {
      kind: 'stale',
      why: `it was built for ${stamp.platform}-${stamp.arch}, this is ${wanted.platform}-${wanted.arch}`
    }
  }
  if (stamp.moduleVersion !== wanted.moduleVersion) {
    return {
      kind: 'stale',
      why: `it was built from better-sqlite3 ${stamp.moduleVersion}, node_modules now holds ${wanted.moduleVersion}`
    }
  }
  return { kind: 'ready' }
}

/**
 * Why a build failed, read from its output: 'download' (no network, or the headers/prebuilt
 * module could not be fetched), 'python' (node-gyp needs Python 3), 'compiler' (no C++ compiler
 * or make), 'timeout', or 'other'. Python comes first because node-gyp looks for it first.
 */
export function classifyBuildFailure(log, timedOut = false) {
  if (timedOut) return 'timeout'
  const text = String(log)
  if (/Could not find any Python|gyp ERR! find Python|python3?: (command )?not found/i.test(text)) return 'python'
  if (
    /not found: (make|g\+\+|c\+\+|cc|gcc|clang)\b|\b(make|g\+\+|c\+\+|cc|gcc|clang\+?\+?): (command )?not found|spawn (make|g\+\+|cc) ENOENT|No Xcode or CLT version detected|xcode-select: error|could not find (any|a version of) Visual Studio|find VS\b.*not found|MSBuild.*not found/i.test(
      text
    )
  ) {
    return 'compiler'
  }
  if (
    /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|request to https?:\/\/\S+ failed|\b(403|404|5\d\d) (status code|response) downloading|self[- ]signed certificate|unable to get local issuer certificate|CERT_/i.test(
      text
    )
  ) {
    return 'download'
  }
  return 'other'
}

const CAUSES = {
  download: (runtime) =>
    runtime === 'electron'
      ? "no network to download a prebuilt module or Electron's headers"
      : "the runtime's headers or a prebuilt module could not be downloaded",
  python: () => 'node-gyp needs Python 3, which was not found',
  compiler: () =>
    'no C++ compiler or make was found; install build-essential, the Xcode Command Line Tools or Visual Studio Build Tools',
  timeout: () => 'the build took too long and was stopped',
  verify: () => 'the built module would not load in that runtime',
  interrupted: () => 'the build was interrupted',
  other: () => 'the compiler reported errors'
}

/** The one line that says a side build could not be made, why, and where the full output is. */
export function buildFailureLine(runtime, target, cause, logFile) {
  const why = (CAUSES[cause] ?? CAUSES.other)(runtime)
  return `Could not build the SQLite module for ${runtimeLabel(runtime, target)}: ${why} (full output: ${logFile})`
}

/** The line printed before a build starts. */
export function buildStartLine(runtime, target, reason) {
  const because = reason ? ` (${reason})` : ''
  return `Building the SQLite module for ${runtimeLabel(runtime, target)}${because}, once: a few seconds if a prebuilt one can be downloaded, 1-2 minutes if it is compiled…`
}

/** The line printed after a build succeeded. */
export function buildDoneLine(runtime, target, method, seconds, dir) {
  const how = method === 'prebuilt' ? 'downloaded a prebuilt module' : 'compiled'
  return `Built the SQLite module for ${runtimeLabel(runtime, target)} (${how}, ${Math.round(seconds)} s) into ${dir}.`
}

/**
 * What `npm start` does, given what it found: Electron (path or the reason it cannot run) and,
 * when Electron can run, the state of its side build and, after an attempted build, its result.
 * Returns { action: 'web', line } | { action: 'build', reason } | { action: 'electron', path }.
 */
export function startDecision({ electron, sideState, buildResult }) {
  if (!electron.path)
    return { action: 'web', line: `${electron.reason}; serving Journeyboard in your browser instead.` }
  if (buildResult && !buildResult.ok) {
    return { action: 'web', line: `${buildResult.line}; serving Journeyboard in your browser instead.` }
  }
  if (!buildResult && sideState.kind !== 'ready') {
    return {
      action: 'build',
      reason: sideState.kind === 'stale' ? sideState.why : 'first start with Electron'
    }
  }
  return { action: 'electron', path: electron.path }
}

/** "1:05" style elapsed time for the progress line. */
export function elapsed(seconds) {
  const s = Math.max(0, Math.floor(seconds))
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} min`
}
