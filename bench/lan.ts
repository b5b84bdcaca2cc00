/**
 * `npm run bench -- lan`: a room of 30 participants against the real web host process
 * (`npm run web -- --lan --lan-host 127.0.0.1`), on loopback. Each participant (a WebSocket
 * client speaking the live protocol) adds 20 notes while the facilitator's connection listens to
 * the change events, then all cast 5 dots at once.
 *
 * - `lan.note_p95_ms`: from a participant's submit to the change reaching every other
 *   participant and the facilitator (95th percentile over the 600 notes; target ≤ 250 ms).
 * - `lan.vote_burst_ms`: from the first of the 150 dots to the last one applied.
 * - `lan.lost`: notes acknowledged but missing from the library or from someone's screen.
 * - `lan.host_rss_mb`: the host process's peak resident memory over the run (Linux VmHWM).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { openLibraryService } from '../src/library'
import { apiProtocols } from '../src/shared/api/wire'
import type { ApiEvent, ApiMethod, ApiRequest, ApiResponse } from '../src/shared/api/contract'
import { DEFAULT_RIGHTS } from '../src/shared/live/protocol'
import type { MapChange } from '../src/shared/sync/protocol'
import { startHost } from '../tests/e2e/support/web-host'
import { runLiveLoad } from '../tests/library/live-load'
import { percentile, round } from './stats'

const PARTICIPANTS = 30

class Facilitator {
  #next = 1
  readonly #waiting = new Map<number, (m: { ok: boolean; value: unknown; error: unknown }) => void>()
  readonly listeners = new Set<(event: ApiEvent) => void>()
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as {
        t: string
        id: number
        ok: boolean
        value: unknown
        error: unknown
        event: ApiEvent
      }
      if (m.t === 'event') for (const l of this.listeners) l(m.event)
      if (m.t === 'result') this.#waiting.get(m.id)?.(m)
    })
  }
  static connect(port: number, token: string): Promise<Facilitator> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api`, apiProtocols(token), {
        origin: `http://127.0.0.1:${port}`
      })
      ws.once('open', () => resolve(new Facilitator(ws)))
      ws.once('error', reject)
    })
  }
  call<K extends ApiMethod>(method: K, payload: ApiRequest<K>): Promise<ApiResponse<K>> {
    const id = this.#next++
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, (m) => {
        this.#waiting.delete(id)
        if (m.ok) resolve(m.value as ApiResponse<K>)
        else reject(new Error(`${method}: ${JSON.stringify(m.error)}`))
      })
      this.ws.send(JSON.stringify({ t: 'call', id, method, payload }))
    })
  }
}

function peakRssMb(pid: number): number {
  const status = `/proc/${pid}/status`
  if (!existsSync(status)) return NaN
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(status, 'utf8'))?.[1] ?? NaN) / 1024
}

export async function runLanBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'jb-bench-lan-'))
  const db = join(dir, 'lan.sqlite')
  const seed = openLibraryService(db)
  await seed.call('createMap', { template: 'saas', title: 'Workshop' })
  seed.close()
  const host = await startHost(['--lan', '--lan-host', '127.0.0.1', '--lan-port', '0'], db)
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (/Participants join at/.test(host.stdout())) {
          clearInterval(timer)
          resolve()
        }
        if (host.process.exitCode !== null) reject(new Error(`host exited: ${host.stderr()}`))
      }, 20)
    })
    const link = /Participants join at (\S+)/.exec(host.stdout())?.[1] as string
    const facilitator = await Facilitator.connect(host.port, host.token)
    const status = await facilitator.call('liveStatus', {})
    const map = await facilitator.call('getMap', { id: status.mapId as string })
    const result = await runLiveLoad(
      {
        origin: new URL(link).origin,
        code: status.code as string,
        map,
        onFacilitatorChange: (listener) => {
          const l = (event: ApiEvent) => {
            if (event.type === 'mapChanged') listener(event as MapChange)
          }
          facilitator.listeners.add(l)
          return () => facilitator.listeners.delete(l)
        },
        startVote: async (dots) => {
          await facilitator.call('updateLive', {
            rights: { ...DEFAULT_RIGHTS, voting: { dots, severalPerNote: true, hidden: true, revealed: false } }
          })
        },
        reveal: async () => {
          await facilitator.call('revealVotes', {})
        },
        getMap: () => facilitator.call('getMap', { id: map.id })
      },
      { participants: PARTICIPANTS }
    )
    const rss = peakRssMb(host.process.pid as number)
    facilitator.ws.close()
    return {
      'lan.participants': result.participants,
      'lan.notes': result.notesInMap,
      'lan.note_p95_ms': round(percentile(result.noteLatenciesMs, 95), 1),
      'lan.note_median_ms': round(percentile(result.noteLatenciesMs, 50), 1),
      'lan.vote_burst_ms': round(result.voteBurstMs, 1),
      'lan.lost': result.lost + result.duplicates + (result.dotsCast - result.dotsOnNotes),
      'lan.host_rss_mb': round(rss, 1)
    }
  } finally {
    await host.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
