// `npm run test:security`: Electronegativity over the Electron code (src/main, src/preload), the
// renderer's index.html and the renderer's Content-Security-Policy. The policy is an HTTP header
// (src/shared/csp.ts, sent by the app:// handler and the web host), which the scanner cannot see
// in code that imports it: it is loaded from that module and handed to the scanner's CSP checks
// as the page `csp-header.html` (a <meta> with the very same string).
//
// Fails (exit 1) when a HIGH or MEDIUM finding is not explained in
// scripts/electronegativity-allow.json, when a file could not be parsed (an unscanned file is not
// a safe file), when the scanner no longer detects a known-bad canary, or after a time limit.
//
// Offline by construction: Electronegativity fetches translations and Electron's release list
// with `got`; that module is replaced by one that fails at once, and the release check
// (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, about Electron versions rather than our code) is skipped.
// Dependency versions are the job of `npm audit`, not of this scan.
//
// Usage: node scripts/security-scan.mjs [--verbose]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const verbose = process.argv.includes('--verbose')
const TIME_LIMIT_MS = 120_000
const ALLOWLIST = 'scripts/electronegativity-allow.json'
const SCANNED = ['src/main', 'src/preload', 'src/renderer/index.html']
const CSP_PAGE = 'csp-header.html'

/** The policy the app sends as a header, read from src/shared/csp.ts through tsx. */
async function headerPolicy() {
  const { tsImport } = await import('tsx/esm/api')
  const module = await tsImport('../src/shared/csp.ts', import.meta.url)
  const policy = module.CONTENT_SECURITY_POLICY
  if (typeof policy !== 'string' || policy.length < 20) throw new Error('src/shared/csp.ts exports no policy.')
  return policy
}

function fail(message) {
  process.stderr.write(`electronegativity: ${message}\n`)
  process.exit(1)
}

/** Makes Electronegativity's HTTP client fail immediately instead of reaching the network. */
function cutNetwork() {
  const engRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'))
  const gotPath = engRequire.resolve('got')
  const offline = () => Promise.reject(new Error('network disabled by scripts/security-scan.mjs'))
  offline.head = offline
  offline.get = offline
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline, children: [], paths: [] }
  // The i18n loader asks for "<LANG>.json"; the bundled en-US strings are what we want anyway.
  process.env.LANG = 'en-US'
}

/** Runs the scanner with its chatter (console.log, winston) held back unless --verbose. */
async function scan(run, input, electronVersion) {
  const log = console.log
  const held = []
  if (!verbose) console.log = (...args) => held.push(args)
  try {
    return await run({
      input,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      isRelative: true,
      parserPlugins: []
    })
  } finally {
    console.log = log
  }
}

function withTimeout(promise, ms, what) {
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function loadAllowlist() {
  const raw = JSON.parse(readFileSync(join(root, ALLOWLIST), 'utf8'))
  const entries = new Map()
  for (const [id, entry] of Object.entries(raw)) {
    if (id.startsWith('$')) continue
    if (typeof entry?.why !== 'string' || entry.why.trim().length < 20) {
      fail(`${ALLOWLIST}: entry ${id} needs a "why" that explains the finding.`)
    }
    entries.set(id, { files: Array.isArray(entry.files) ? entry.files : null, why: entry.why, used: 0 })
  }
  return entries
}

function explains(entry, issue) {
  return entry !== undefined && (entry.files === null || entry.files.includes(issue.file))
}

const where = (issue) => `${issue.file}${issue.location?.line ? `:${issue.location.line}` : ''}`

async function main() {
  cutNetwork()
  const run = require('@doyensec/electronegativity')
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  const allow = loadAllowlist()

  const work = mkdtempSync(join(tmpdir(), 'journeyboard-eng-'))
  try {
    // The canary: a window without context isolation must be reported, or the scanner is broken.
    const canaryDir = join(work, 'canary')
    mkdirSync(canaryDir)
    writeFileSync(
      join(canaryDir, 'canary.ts'),
      "import { BrowserWindow } from 'electron'\nexport const w = new BrowserWindow({ webPreferences: { contextIsolation: false } })\n"
    )
    const canary = await withTimeout(scan(run, canaryDir, electronVersion), TIME_LIMIT_MS, 'The canary scan')
    if (!canary.issues.some((i) => i.id === 'CONTEXT_ISOLATION_JS_CHECK')) {
      throw new Error('the scanner did not report a known-bad BrowserWindow (canary); it is not working.')
    }

    // One input folder so that global checks (navigation limits, permission handler, CSP) see
    // main, preload and the page together.
    const input = join(work, 'app')
    let fileCount = 0
    for (const rel of SCANNED) {
      const from = join(root, rel)
      if (!existsSync(from)) {
        if (rel === 'src/renderer/index.html') continue // then CSP_GLOBAL_CHECK reports "no CSP"
        throw new Error(`${rel} does not exist.`)
      }
      cpSync(from, join(input, rel), { recursive: true })
      fileCount++
    }
    if (fileCount === 0) throw new Error('nothing to scan.')
    const policy = (await headerPolicy()).replaceAll('"', '&quot;')
    writeFileSync(
      join(input, CSP_PAGE),
      `<!doctype html><meta http-equiv="Content-Security-Policy" content="${policy}"><title>CSP header</title>\n`
    )

    const result = await withTimeout(scan(run, input, electronVersion), TIME_LIMIT_MS, 'The scan')

    const broken = result.errors.filter((e) => !e.tolerable)
    for (const e of result.errors) {
      const file = e.file.startsWith(input) ? e.file.slice(input.length + 1) : e.file
      process.stderr.write(`  ${e.tolerable ? 'warning' : 'PARSE ERROR'} ${file}: ${e.message}\n`)
    }

    const counts = { high: 0, medium: 0, other: 0 }
    const blocking = []
    let explained = 0
    for (const issue of result.issues) {
      const level = issue.severity.name
      if (level === 'HIGH') counts.high++
      else if (level === 'MEDIUM') counts.medium++
      else counts.other++
      const entry = allow.get(issue.id)
      const ok = explains(entry, issue)
      if (ok) {
        entry.used++
        explained++
      }
      const line = `  ${level.padEnd(13)} ${issue.id} ${where(issue)} — ${issue.description}`
      if ((level === 'HIGH' || level === 'MEDIUM') && !ok) blocking.push(line)
      else if (verbose) console.log(`${line}${ok ? ' [explained]' : ''}`)
    }
    for (const [id, entry] of allow) {
      if (entry.used === 0) console.log(`  note: ${ALLOWLIST} explains ${id}, which no longer occurs; remove it.`)
    }

    console.log(
      `electronegativity: ${counts.high} high, ${counts.medium} medium, ${counts.other} low/informational ` +
        `(${explained} explained) in ${[...SCANNED, `the CSP header (${CSP_PAGE})`].join(', ')}; Electron ${electronVersion}, ` +
        `${result.globalChecks + result.atomicChecks} checks`
    )
    if (blocking.length > 0) {
      console.log(`Unexplained HIGH/MEDIUM findings (fix them, or explain them in ${ALLOWLIST}):`)
      for (const line of blocking) console.log(line)
    }
    if (broken.length > 0) console.log(`${broken.length} file(s) could not be parsed, so they were not checked.`)
    process.exitCode = blocking.length > 0 || broken.length > 0 ? 1 : 0
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)))
