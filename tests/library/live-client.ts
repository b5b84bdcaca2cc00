/**
 * A participant as the host sees one: a real WebSocket client speaking the live protocol
 * (src/shared/live/protocol.ts) over loopback. Used by the hub's tests, the load test and
 * `npm run bench -- lan`.
 */
import WebSocket from 'ws'
import type { HostToParticipant, ParticipantState } from '../../src/shared/live/protocol'
import { LIVE_PROTOCOL } from '../../src/shared/live/protocol'
import type { JourneyMap, Note } from '../../src/shared/model'
import type { PushRequest } from '../../src/shared/sync/protocol'

type Result = Extract<HostToParticipant, { t: 'result' }>

export class LiveClient {
  readonly messages: HostToParticipant[] = []
  readonly closed: Promise<{ code: number; reason: string }>
  #next = 1
  #waiters: { test: (m: HostToParticipant) => boolean; resolve: (m: HostToParticipant) => void }[] = []
  #closedWaiters: ((value: { code: number; reason: string }) => void)[] = []
  onMessage: ((m: HostToParticipant) => void) | null = null

  private constructor(readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => this.#closedWaiters.push(resolve))
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as HostToParticipant
      this.messages.push(message)
      this.onMessage?.(message)
      this.#waiters = this.#waiters.filter((w) => {
        if (!w.test(message)) return true
        w.resolve(message)
        return false
      })
    })
    socket.on('close', (code, reason) => {
      for (const resolve of this.#closedWaiters) resolve({ code, reason: reason.toString() })
    })
  }

  static connect(origin: string, protocols: string[] = [LIVE_PROTOCOL]): Promise<LiveClient> {
    const url = origin.replace(/^http/, 'ws') + '/live'
    const socket = new WebSocket(url, protocols, { headers: { Origin: origin } })
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new LiveClient(socket)))
      socket.once('error', reject)
      socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with HTTP ${res.statusCode}`)))
    })
  }

  waitFor<T extends HostToParticipant>(test: (m: HostToParticipant) => m is T, timeoutMs?: number): Promise<T>
  waitFor(test: (m: HostToParticipant) => boolean, timeoutMs?: number): Promise<HostToParticipant>
  waitFor(test: (m: HostToParticipant) => boolean, timeoutMs = 10_000): Promise<HostToParticipant> {
    const seen = this.messages.find(test)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such message from the host')), timeoutMs)
      this.#waiters.push({
        test,
        resolve: (m) => {
          clearTimeout(timer)
          resolve(m)
        }
      })
    })
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message))
  }

  /** Joins; resolves with the welcome, or the refusal. */
  async join(code: string, name: string, token?: string): Promise<HostToParticipant> {
    this.send({ t: 'join', code, name, ...(token ? { token } : {}) })
    return this.waitFor((m) => m.t === 'welcome' || m.t === 'refused')
  }

  async request(message: Record<string, unknown>): Promise<Result> {
    const id = this.#next++
    this.send({ ...message, id })
    return (await this.waitFor((m) => m.t === 'result' && m.id === id)) as Result
  }

  push(push: PushRequest): Promise<Result> {
    return this.request({ t: 'push', push })
  }

  vote(noteId: string, dots = 1): Promise<Result> {
    return this.request({ t: 'vote', noteId, dots })
  }

  async getMap(): Promise<JourneyMap> {
    const result = await this.request({ t: 'getMap' })
    if (!result.ok) throw new Error(result.error.message)
    return result.value as JourneyMap
  }

  lastState(): ParticipantState | null {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const m = this.messages[i] as HostToParticipant
      if (m.t === 'state' || m.t === 'welcome') return m.state
    }
    return null
  }

  close(): void {
    this.socket.close()
  }
}

/** A new note in a cell, as a participant's page would create it. */
export function newNote(id: string, stageId: string, laneId: string, text: string, order = 1000): Note {
  return {
    id,
    stageId,
    laneId,
    order,
    text,
    color: '#fff59d',
    kind: 'note',
    channel: null,
    category: null,
    personaIds: [],
    votes: 0,
    severity: null,
    impact: null,
    effort: null
  }
}

/** A push creating (or changing, with `before`) one note. */
export function notePush(
  mapId: string,
  pushId: string,
  baseRevision: number,
  after: Note | null,
  before: Note | null = null
): PushRequest {
  const id = (after ?? before)?.id as string
  return { mapId, pushId, baseRevision, changes: { records: [{ entity: 'note', id, before, after }], meta: null } }
}
