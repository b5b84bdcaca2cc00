/**
 * Web host memory under the largest messages it accepts: eight connections at once, each sending
 * one maximum-size message, against the real host process (`src/web/main.ts`) on loopback. The
 * figure is the host's peak resident memory (VmHWM, Linux) over the whole run, beside its resident
 * memory when idle; every run also checks that the host still answers afterwards.
 *
 * - `junk`: messages of MAX_MESSAGE_BYTES that are API calls the library refuses at once (what a
 *   confused or hostile client costs: buffering, decoding, validation).
 * - `imports`: real maps as JSON at the most notes a map may hold (under MAX_IMPORT_BYTES), imported one after another
 *   (the most a user's Import… can cost).
 */
import { LIMITS } from '../src/shared/schema/entities'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { apiProtocols, MAX_IMPORT_BYTES, MAX_MESSAGE_BYTES } from '../src/shared/api/wire'
import { serializeInterchange } from '../src/shared/format/interchange'
import { BENCH_PERSONAS, buildLargeMap } from './fixtures'
import { round } from './stats'

const CONNECTIONS = 8
const MB = 1024 * 1024

interface Host {
  readonly child: ChildProcess
  readonly port: number
  readonly token: string
  readonly dir: string
}

async function startHost(): Promise<Host> {
  const dir = mkdtempSync(join(tmpdir(), 'jb-bench-web-'))
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/web/main.ts', '--db', join(dir, 'bench.sqlite'), '--port', '0', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'ignore'] }
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const match = /running at (\S+)/.exec(out)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`the web host exited with ${code}`)))
  })
  const parsed = new URL(url)
  return {
    child,
    port: Number(parsed.port),
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    dir
  }
}

/** Resident memory of a process in MB, now (VmRSS) and at its peak (VmHWM); Linux only. */
function memoryOf(pid: number): { rss: number; peak: number } | null {
  const status = `/proc/${pid}/status`
  if (!existsSync(status)) return null
  const text = readFileSync(status, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}

function connect(host: Host): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api`, apiProtocols(host.token), { maxPayload: 0 })
    ws.on('message', (data: WebSocket.RawData) => {
      if ((JSON.parse(data.toString()) as { t: string }).t === 'hello') resolve(ws)
    })
    ws.once('error', reject)
  })
}

function answer(ws: WebSocket, id: number): Promise<{ ok: boolean }> {
  return new Promise((resolve, reject) => {
    ws.on('message', (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { t: string; id: number; ok: boolean }
      if (message.t === 'result' && message.id === id) resolve(message)
    })
    ws.once('close', (code) => reject(new Error(`connection closed with ${code}`)))
  })
}

/** Sends `messages` (one per connection) at the same moment; returns how many were answered ok. */
async function burst(host: Host, messages: readonly string[]): Promise<number> {
  const sockets = await Promise.all(messages.map(() => connect(host)))
  const answers = sockets.map((ws) => answer(ws, 1))
  sockets.forEach((ws, i) => ws.send(messages[i] as string))
  const results = await Promise.all(answers)
  const check = await connect(host)
  const alive = answer(check, 1)
  check.send(JSON.stringify({ t: 'call', id: 1, method: 'listMaps', payload: {} }))
  if (!(await alive).ok) throw new Error('the host did not answer after the burst')
  for (const ws of [...sockets, check]) ws.close()
  return results.filter((r) => r.ok).length
}

async function measure(messages: readonly string[]): Promise<{ idle: number; peak: number; ok: number }> {
  const host = await startHost()
  try {
    const warm = await connect(host)
    warm.close()
    await new Promise((r) => setTimeout(r, 300))
    const idle = memoryOf(host.child.pid ?? 0)
    const ok = await burst(host, messages)
    const after = memoryOf(host.child.pid ?? 0)
    return { idle: idle?.rss ?? NaN, peak: after?.peak ?? NaN, ok }
  } finally {
    host.child.kill('SIGINT')
    await new Promise((r) => host.child.once('exit', r))
    rmSync(host.dir, { recursive: true, force: true })
  }
}

/** The largest bench map a library accepts (LIMITS.maxNotesPerMap) whose JSON stays under MAX_IMPORT_BYTES. */
function largestImport(): { text: string; notes: number } {
  let notes: number = LIMITS.maxNotesPerMap
  for (;;) {
    const text = serializeInterchange(buildLargeMap(notes), BENCH_PERSONAS)
    if (Buffer.byteLength(text) <= MAX_IMPORT_BYTES) return { text, notes }
    notes = Math.floor(notes * 0.9)
  }
}

export async function runWebHostBench(): Promise<Record<string, number>> {
  if (process.platform !== 'linux') {
    process.stderr.write('webhost: peak memory is read from /proc; skipped on this platform.\n')
    return {}
  }
  const envelope = JSON.stringify({ t: 'call', id: 1, method: 'importMap', payload: { text: '' } })
  const junk = envelope.replace('"text":""', `"text":"${'x'.repeat(MAX_MESSAGE_BYTES - envelope.length - 16)}"`)
  const junkRun = await measure(Array.from({ length: CONNECTIONS }, () => junk))

  const { text, notes } = largestImport()
  const importMessage = JSON.stringify({ t: 'call', id: 1, method: 'importMap', payload: { text } })
  const importRun = await measure(Array.from({ length: CONNECTIONS }, () => importMessage))
  if (importRun.ok !== CONNECTIONS) throw new Error(`only ${importRun.ok} of ${CONNECTIONS} imports succeeded`)

  return {
    'webhost.max_message_mb': round(MAX_MESSAGE_BYTES / MB),
    'webhost.idle_rss_mb': round(junkRun.idle),
    'webhost.peak_rss_mb_8x_max_junk': round(junkRun.peak),
    'webhost.import_message_mb': round(Buffer.byteLength(importMessage) / MB),
    'webhost.import_notes': notes,
    'webhost.peak_rss_mb_8x_max_import': round(importRun.peak)
  }
}
