// `npm run test:native-abi [-- --rebuild]`: proves the two-builds mechanism the desktop app relies
// on, on a machine without Electron. Electron is a Node.js of another ABI; so is another major
// version of Node. This script
//   1. fetches a second Node runtime from the npm registry (node-<platform>-<arch>@22, or @20 when
//      this Node is 22: its binary and its headers in include/node), with `npm pack`, into
//      node_modules/.journeyboard-native-abi/runtime/;
//   2. builds better-sqlite3 for it into node_modules/.journeyboard-native-abi/binding/ with the same
//      code `npm run rebuild:electron` uses, compiling offline against those headers (--nodedir)
//      and test-loading the result in that runtime;
//   3. runs tests/library/native-abi.test.ts, which opens a real library from a script run by the
//      second runtime through `nativeBinding` while this Node keeps using node_modules/better-sqlite3.
// Later `npm test` runs reuse the runtime and the build (the test skips, saying why, without them).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { betterSqlite3Module, buildSideBinding, readStamp } from './native/build-binding.mjs'
import { BINDING_FILE, NODE_BUILD, buildDoneLine, buildStartLine, sideBuildState } from './native/side-build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const proofDir = join(root, 'node_modules/.journeyboard-native-abi')
const runtimeDir = join(proofDir, 'runtime')
const bindingDir = join(proofDir, 'binding')
const rebuild = process.argv.includes('--rebuild')
const thisMajor = Number(process.versions.node.split('.')[0])
const otherMajor = thisMajor === 22 ? 20 : 22
const packageName = `node-${process.platform}-${process.arch}`

const say = (line) => process.stderr.write(`${line}\n`)
const fail = (line) => {
  say(line)
  process.exit(1)
}

function runtimeVersion() {
  const exe = join(runtimeDir, 'bin/node')
  if (!existsSync(exe)) return null
  const result = spawnSync(exe, ['-p', 'process.versions.node + " " + process.versions.modules'], { encoding: 'utf8' })
  if (result.status !== 0) return null
  const [version, modules] = result.stdout.trim().split(' ')
  return Number(version.split('.')[0]) === otherMajor ? { version, modules, exe } : null
}

function folderSize(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.size
  return readdirSync(path).reduce((sum, name) => sum + folderSize(join(path, name)), 0)
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`

// 1. The second runtime.
let runtime = runtimeVersion()
if (runtime) {
  say(`Second runtime: Node.js ${runtime.version} (ABI ${runtime.modules}) already at ${runtimeDir}.`)
} else {
  say(`Fetching ${packageName}@${otherMajor} from the npm registry (a Node.js binary with its headers)…`)
  const started = Date.now()
  rmSync(proofDir, { recursive: true, force: true })
  mkdirSync(runtimeDir, { recursive: true })
  const npm = process.env.npm_execpath
  const pack = spawnSync(
    npm ? process.execPath : 'npm',
    [...(npm ? [npm] : []), 'pack', `${packageName}@${otherMajor}`, '--pack-destination', proofDir, '--json'],
    { encoding: 'utf8', shell: !npm && process.platform === 'win32' }
  )
  if (pack.status !== 0) {
    fail(`Could not fetch ${packageName}@${otherMajor} from the npm registry: ${pack.stderr.trim().split('\n').pop()}`)
  }
  const tarball = join(proofDir, JSON.parse(pack.stdout)[0].filename)
  const size = statSync(tarball).size
  const untar = spawnSync('tar', ['xzf', tarball, '-C', runtimeDir, '--strip-components=1'], { encoding: 'utf8' })
  if (untar.status !== 0) fail(`Could not unpack ${tarball}: ${untar.stderr.trim()}`)
  rmSync(tarball)
  runtime = runtimeVersion()
  if (!runtime) fail(`${packageName}@${otherMajor} did not give a working Node.js ${otherMajor} in ${runtimeDir}.`)
  say(
    `Fetched Node.js ${runtime.version} (ABI ${runtime.modules}): ${mb(size)} download, ${mb(folderSize(runtimeDir))} unpacked, ${((Date.now() - started) / 1000).toFixed(1)} s.`
  )
}
if (runtime.modules === process.versions.modules)
  fail(`Node.js ${runtime.version} has this Node's ABI; nothing to prove.`)

// 2. The side build, by the code path `npm run rebuild:electron` takes.
const wanted = {
  runtime: 'node',
  target: runtime.version,
  platform: process.platform,
  arch: process.arch,
  moduleVersion: betterSqlite3Module(root).version
}
const state = sideBuildState(readStamp(bindingDir), existsSync(join(bindingDir, BINDING_FILE)), wanted)
if (state.kind === 'ready' && !rebuild) {
  say(`better-sqlite3 for Node.js ${runtime.version} is already built in ${bindingDir} (--rebuild to build it again).`)
} else {
  say(buildStartLine('node', runtime.version, state.kind === 'stale' ? state.why : ''))
  const result = await buildSideBinding({
    root,
    outDir: bindingDir,
    runtime: 'node',
    target: runtime.version,
    nodedir: runtimeDir,
    prebuilt: false,
    verify: { command: runtime.exe },
    onPhase: (phase) => say(`  ${phase}…`)
  })
  if (!result.ok) fail(result.line)
  say(buildDoneLine('node', runtime.version, result.stamp.method, result.seconds, bindingDir))
  say(
    `The Node build ${NODE_BUILD} was not touched (sha256 ${result.stamp.nodeBuild.sha256?.slice(0, 16)}… before and after).`
  )
}

// 3. The proof.
const test = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/library/native-abi.test.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, JOURNEYBOARD_NATIVE_ABI_REQUIRED: '1' } }
)
process.exit(test.status ?? 1)
