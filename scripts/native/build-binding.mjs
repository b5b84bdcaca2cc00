// Builds better-sqlite3's native module for another runtime (Electron, or a Node of another ABI)
// into a side folder, without touching node_modules/better-sqlite3 (the Node build the tests,
// the CLI and the web host load).
//
// How: copy the module's sources (binding.gyp, src/, deps/, package.json) into a scratch folder
// inside the side folder; there, first try better-sqlite3's own prebuilt module for that runtime
// (prebuild-install, needs the internet), else compile it with node-gyp against the runtime's
// headers (downloaded from `distUrl`, or read from `nodedir` offline); load the result in the
// target runtime when one is given; then move the .node file into the side folder and write
// build-info.json. The Node build's bytes are hashed before and after: if they ever changed,
// the build fails loudly instead of leaving the tests on a foreign module.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, appendFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import {
  BINDING_FILE,
  LOG_FILE,
  NODE_BUILD,
  STAMP_FILE,
  buildFailureLine,
  classifyBuildFailure,
  runtimeLabel
} from './side-build.mjs'

const PREBUILT_TIMEOUT_MS = 2 * 60 * 1000
const COMPILE_TIMEOUT_MS = 20 * 60 * 1000
const VERIFY_TIMEOUT_MS = 60 * 1000

/** better-sqlite3's version in this checkout, and the folder it lives in. */
export function betterSqlite3Module(root) {
  const dir = join(root, 'node_modules/better-sqlite3')
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  return { dir, version: pkg.version }
}

/** The parsed build-info.json of a side folder, or null. */
export function readStamp(outDir) {
  try {
    return JSON.parse(readFileSync(join(outDir, STAMP_FILE), 'utf8'))
  } catch {
    return null
  }
}

function sha256(file) {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null
}

/** node-gyp's CLI: ours (devDependency), else the one npm ships with. */
function nodeGypCli(root) {
  const require = createRequire(join(root, 'package.json'))
  try {
    return require.resolve('node-gyp/bin/node-gyp.js')
  } catch {
    const fromNpm = process.env.npm_config_node_gyp
    if (fromNpm && existsSync(fromNpm)) return fromNpm
    throw new Error('node-gyp is not installed (run npm install)')
  }
}

function prebuildInstallCli(moduleDir) {
  try {
    return createRequire(join(moduleDir, 'package.json')).resolve('prebuild-install/bin.js')
  } catch {
    return null
  }
}

/**
 * Runs a command with its output appended to the log; never rejects. Resolves with
 * { code, timedOut, output }. The child gets its own process group so a timeout or Ctrl+C stops
 * the compilers it started too.
 */
function run(command, args, { cwd, env, timeoutMs, logFile }) {
  appendFileSync(logFile, `\n$ ${[command, ...args].join(' ')}\n`)
  return new Promise((resolve) => {
    let output = ''
    let timedOut = false
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32'
    })
    const stopGroup = (signal) => {
      try {
        if (process.platform !== 'win32' && child.pid) process.kill(-child.pid, signal)
        else child.kill(signal)
      } catch {
        // already gone
      }
    }
    let interrupted = false
    const onSignal = () => {
      interrupted = true
      stopGroup('SIGTERM')
    }
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    const timer = setTimeout(() => {
      timedOut = true
      stopGroup('SIGKILL')
    }, timeoutMs)
    const take = (chunk) => {
      const text = chunk.toString()
      output += text
      appendFileSync(logFile, text)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    const finish = (code) => {
      clearTimeout(timer)
      process.removeListener('SIGINT', onSignal)
      process.removeListener('SIGTERM', onSignal)
      resolve({ code, timedOut, interrupted, output })
    }
    child.on('error', (error) => {
      take(`${error.message}\n`)
      finish(-1)
    })
    child.on('close', (code) => finish(code ?? -1))
  })
}

/** Environment for the build tools: ours, minus npm's settings that would retarget them. */
function toolEnv() {
  const env = { ...process.env }
  for (const key of Object.keys(env)) {
    if (/^npm_config_(runtime|target|disturl|dist_url|arch|build_from_source|nodedir|devdir)$/i.test(key))
      delete env[key]
  }
  return env
}

/**
 * Builds the module. Options:
 *   root        project root (reads node_modules/better-sqlite3)
 *   outDir      the side folder (created; its .node and build-info.json replaced on success)
 *   runtime     'electron' | 'node'; target: its version ("39.8.10")
 *   nodedir     a folder with the runtime's headers (include/node), for offline builds
 *   distUrl     where node-gyp downloads headers from when there is no nodedir
 *   prebuilt    try better-sqlite3's prebuilt module for the runtime first (network)
 *   verify      { command, env } of the runtime to load the result in (skipped when absent)
 *   env         extra environment for the build tools (PATH, CC…)
 *   onPhase     called with a short phase name ('copying sources', 'compiling', …)
 * Resolves { ok: true, binding, stamp, seconds } or { ok: false, cause, line, logFile, seconds }; cause
 * 'interrupted' means Ctrl+C (or SIGTERM) stopped it: the caller should exit, not fall back.
 */
export async function buildSideBinding(options) {
  const { root, outDir, runtime, target, nodedir, distUrl, prebuilt = false, verify = null } = options
  const onPhase = options.onPhase ?? (() => {})
  const started = Date.now()
  const seconds = () => (Date.now() - started) / 1000
  const module = betterSqlite3Module(root)
  mkdirSync(outDir, { recursive: true })
  const logFile = join(outDir, LOG_FILE)
  const fromHere = relative(process.cwd(), logFile)
  const shownLog = fromHere && !fromHere.startsWith('..') ? fromHere : logFile
  writeFileSync(
    logFile,
    `Building better-sqlite3 ${module.version} for ${runtimeLabel(runtime, target)} (${process.platform}-${process.arch}), ${new Date().toISOString()}\n`
  )
  const fail = (cause) => ({
    ok: false,
    cause,
    line: buildFailureLine(runtime, target, cause, shownLog),
    logFile,
    seconds: seconds()
  })

  const nodeBuild = join(root, NODE_BUILD)
  const nodeBuildBefore = sha256(nodeBuild)
  const work = join(outDir, `work-${process.pid}`)
  rmSync(work, { recursive: true, force: true })
  try {
    onPhase('copying sources')
    mkdirSync(work, { recursive: true })
    for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
      cpSync(join(module.dir, entry), join(work, entry), { recursive: true })
    }
    const built = join(work, 'build/Release', BINDING_FILE)
    const env = { ...toolEnv(), ...(options.env ?? {}) }
    let method = null

    const prebuildCli = prebuilt ? prebuildInstallCli(module.dir) : null
    if (prebuildCli) {
      onPhase('downloading a prebuilt module')
      const result = await run(
        process.execPath,
        [
          prebuildCli,
          `--runtime=${runtime}`,
          `--target=${target}`,
          `--arch=${process.arch}`,
          `--platform=${process.platform}`,
          '--verbose'
        ],
        { cwd: work, env, timeoutMs: PREBUILT_TIMEOUT_MS, logFile }
      )
      if (result.interrupted) return fail('interrupted')
      if (result.code === 0 && existsSync(built)) method = 'prebuilt'
    }

    if (!method) {
      onPhase(nodedir ? 'compiling' : 'downloading headers and compiling')
      const headers = nodedir ? [`--nodedir=${nodedir}`] : [`--target=${target}`, `--dist-url=${distUrl}`]
      const result = await run(
        process.execPath,
        [
          nodeGypCli(root),
          'rebuild',
          '--release',
          '--jobs=max',
          `--arch=${process.arch}`,
          ...(runtime === 'electron' ? ['--runtime=electron'] : []),
          ...headers
        ],
        { cwd: work, env, timeoutMs: COMPILE_TIMEOUT_MS, logFile }
      )
      if (result.interrupted) return fail('interrupted')
      if (result.code !== 0 || !existsSync(built)) return fail(classifyBuildFailure(result.output, result.timedOut))
      method = 'compiled'
    }

    let abi = null
    if (verify) {
      onPhase('checking it loads')
      const script =
        "const m = require(process.argv[process.argv.length - 1]); if (typeof m.Database !== 'function') process.exit(3); console.log('abi=' + process.versions.modules)"
      const result = await run(verify.command, ['-e', script, built], {
        cwd: work,
        env: { ...process.env, ...(verify.env ?? {}) },
        timeoutMs: VERIFY_TIMEOUT_MS,
        logFile
      })
      if (result.interrupted) return fail('interrupted')
      const match = /abi=(\d+)/.exec(result.output)
      if (result.code !== 0 || !match) return fail('verify')
      abi = match[1]
    }

    if (sha256(nodeBuild) !== nodeBuildBefore) {
      appendFileSync(logFile, `\n${NODE_BUILD} changed during the build: this must never happen.\n`)
      throw new Error(`${NODE_BUILD} changed while building the side module; run npm rebuild better-sqlite3`)
    }

    const binding = join(outDir, BINDING_FILE)
    renameSync(built, `${binding}.tmp`)
    renameSync(`${binding}.tmp`, binding)
    const stamp = {
      runtime,
      target,
      abi,
      platform: process.platform,
      arch: process.arch,
      moduleVersion: module.version,
      method,
      seconds: Math.round(seconds()),
      builtAt: new Date().toISOString(),
      nodeBuild: { path: NODE_BUILD, sha256: nodeBuildBefore }
    }
    writeFileSync(join(outDir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`)
    appendFileSync(logFile, `\nDone in ${stamp.seconds} s (${method}).\n`)
    return { ok: true, binding, stamp, seconds: seconds() }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
