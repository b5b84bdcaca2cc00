/**
 * A participant's connection to the facilitator's laptop: one WebSocket (`/live`) speaking the
 * live protocol, reconnecting by itself, and the shared editing engine (EditingSession) on top,
 * so a participant's notes go through the same outbox, merge and replay as the facilitator's.
 *
 * Nothing is lost: the outbox lives in this device's storage (the same keeper as the board's,
 * scoped to this session's code) and is sent when the laptop answers again; a reload takes it
 * over. The participant's token (handed out at the first join) and name stay on the device, so
 * reloading or re-opening the link brings back the same person.
 */
import { nanoid } from 'nanoid'
import { EditingSession, type StoredEdit } from '../../../shared/sync/session'
import type { CommandName } from '../../../shared/commands'
import type { JourneyMap } from '../../../shared/model'
import type { PushRequest, PushResult } from '../../../shared/sync/protocol'
import {
  LIVE_PROTOCOL,
  type HostToParticipant,
  type ParticipantRefusal,
  type ParticipantState
} from '../../../shared/live/protocol'
import { JourneyError, type JourneyErrorCode, type Reason } from '../../../shared/errors'
import { errorText } from '../i18n/errors'
import { createOutboxKeeper, HEARTBEAT_MS, type OutboxKeeper, type StorageLike } from '../editor/outbox'

type RefusalData = { code?: string; message?: string; reason?: Reason }

/**
 * A refusal from the host in the participant's language: the reason (a code with parameters)
 * where the host gave one, else a sentence for its error code; English shows the host's sentence.
 */
function refusalText(error: unknown): string | null {
  const data = (error ?? {}) as RefusalData
  const base = data.code?.split(':')[0]
  const code: JourneyErrorCode = base && base in CODE_SENTENCE ? (base as JourneyErrorCode) : 'forbidden'
  return errorText(new JourneyError(code, data.message ?? '', [], data.reason)) || null
}

const CODE_SENTENCE: Readonly<Record<JourneyErrorCode, true>> = {
  invalid_request: true,
  not_found: true,
  conflict: true,
  read_only: true,
  disk_full: true,
  open_elsewhere: true,
  not_our_file: true,
  corrupt_file: true,
  too_new: true,
  storage: true,
  forbidden: true,
  internal: true
}

export type LinkState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'joined' }
  | { readonly kind: 'offline'; readonly attempt: number }
  | { readonly kind: 'refused'; readonly code: ParticipantRefusal; readonly message: string }

export interface LiveSnapshot {
  readonly link: LinkState
  readonly state: ParticipantState | null
  readonly map: JourneyMap | null
  /** Edits not yet acknowledged by the laptop. */
  readonly unsaved: number
  /** The last refusal of an edit or a dot (a sentence from the host), until the next success. */
  readonly refusal: string | null
}

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void }

const FINAL: ReadonlySet<ParticipantRefusal> = new Set(['removed', 'ended', 'badCode', 'full'])

function storage(): StorageLike | null {
  try {
    const s = window.localStorage
    s.getItem('journeyboard.probe')
    return s
  } catch {
    return null
  }
}

export const tokenKey = (code: string) => `journeyboard.live.${code}.token`
export const NAME_KEY = 'journeyboard.live.name'

export class LiveConnection {
  readonly #code: string
  readonly #name: string
  readonly #url: string
  readonly #store = storage()
  readonly #outbox: OutboxKeeper | null
  #socket: WebSocket | null = null
  #nextId = 1
  readonly #pending = new Map<number, Pending>()
  #session: EditingSession | null = null
  #adopted = false
  #attempt = 0
  #retryTimer: number | null = null
  #snapshot: LiveSnapshot = { link: { kind: 'connecting' }, state: null, map: null, unsaved: 0, refusal: null }
  readonly #listeners = new Set<(s: LiveSnapshot) => void>()
  #stopped = false

  constructor(code: string, name: string) {
    this.#code = code
    this.#name = name
    this.#url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`
    const clientId = nanoid(10)
    this.#outbox = this.#store ? createOutboxKeeper(this.#store, `live:${code}`, clientId) : null
    if (this.#outbox) {
      const keeper = this.#outbox
      const timer = window.setInterval(() => keeper.beat(), HEARTBEAT_MS)
      window.addEventListener('pagehide', () => {
        window.clearInterval(timer)
        keeper.goodbye()
      })
    }
    window.addEventListener('online', () => this.reconnectNow())
    this.#open()
  }

  get snapshot(): LiveSnapshot {
    return this.#snapshot
  }

  subscribe(listener: (s: LiveSnapshot) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Runs a note command as the participant (addNote, editNote, deleteNotes). */
  run(name: CommandName, args: unknown): boolean {
    if (!this.#session) return false
    return this.#session.run(name, [{ name, args }]) !== null
  }

  /** One dot more (+1) or back (-1). */
  async vote(noteId: string, dots: 1 | -1): Promise<void> {
    try {
      await this.#request({ t: 'vote', noteId, dots })
      this.#set({ refusal: null })
    } catch (error) {
      this.#set({ refusal: refusalText(error) })
    }
  }

  reconnectNow(): void {
    if (this.#stopped || this.#socket) return
    if (this.#retryTimer !== null) window.clearTimeout(this.#retryTimer)
    this.#retryTimer = null
    this.#open()
  }

  #set(patch: Partial<LiveSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch }
    for (const listener of this.#listeners) listener(this.#snapshot)
  }

  #open(): void {
    let socket: WebSocket
    try {
      socket = new WebSocket(this.#url, [LIVE_PROTOCOL])
    } catch {
      this.#scheduleRetry()
      return
    }
    this.#socket = socket
    socket.onopen = () => {
      const token = this.#store?.getItem(tokenKey(this.#code)) ?? undefined
      socket.send(JSON.stringify({ t: 'join', code: this.#code, name: this.#name, ...(token ? { token } : {}) }))
    }
    socket.onmessage = (event) => {
      let message: HostToParticipant
      try {
        message = JSON.parse(String(event.data)) as HostToParticipant
      } catch {
        return
      }
      this.#receive(message)
    }
    socket.onclose = () => {
      if (this.#socket === socket) this.#socket = null
      for (const [, p] of this.#pending) p.reject({ code: 'storage', message: 'The connection to the laptop dropped.' })
      this.#pending.clear()
      if (this.#stopped) return
      this.#scheduleRetry()
    }
  }

  #scheduleRetry(): void {
    this.#attempt++
    this.#set({ link: { kind: 'offline', attempt: this.#attempt } })
    const delay = Math.min(5000, 250 * 2 ** Math.min(this.#attempt - 1, 5)) * (0.8 + Math.random() * 0.4)
    this.#retryTimer = window.setTimeout(() => {
      this.#retryTimer = null
      this.#open()
    }, delay)
  }

  #receive(message: HostToParticipant): void {
    switch (message.t) {
      case 'welcome': {
        this.#attempt = 0
        this.#store?.setItem(tokenKey(this.#code), message.token)
        this.#set({ link: { kind: 'joined' }, state: message.state })
        this.#startSession(message.map)
        return
      }
      case 'state': {
        const seeOthersChanged = this.#snapshot.state?.rights.seeOthers !== message.state.rights.seeOthers
        this.#set({ state: message.state })
        // What this participant may see changed: read the map again, cut anew.
        if (seeOthersChanged && this.#session)
          void this.#request({ t: 'getMap' }).then((map) => this.#startSession(map as JourneyMap))
        return
      }
      case 'change':
        this.#session?.receive(message.change)
        return
      case 'result': {
        const pending = this.#pending.get(message.id)
        this.#pending.delete(message.id)
        if (!pending) return
        if (message.ok) pending.resolve(message.value)
        else pending.reject(message.error)
        return
      }
      case 'refused':
        if (FINAL.has(message.code)) {
          this.#stopped = true
          if (message.code !== 'badCode') this.#store?.removeItem(tokenKey(this.#code))
        }
        this.#set({ link: { kind: 'refused', code: message.code, message: message.message } })
    }
  }

  #startSession(map: JourneyMap): void {
    const current = this.#session
    if (current && current.mapId === map.id && this.#snapshot.state?.rights.seeOthers === this.#seeOthersOf(current)) {
      current.load(map)
      current.retry()
      return
    }
    const unsent: StoredEdit[] = current
      ? current.state.unsaved.map((e) => ({ name: e.name, changes: e.changes, steps: e.steps, ids: e.ids }))
      : []
    const session = new EditingSession({
      mapId: map.id,
      clientId: `p-${nanoid(8)}`,
      newId: () => nanoid(12),
      now: () => new Date().toISOString(),
      outbox: this.#outbox ?? undefined,
      transport: {
        pushChanges: (request: PushRequest) =>
          (this.#request({ t: 'push', push: request }) as Promise<PushResult>).then(
            (result) => {
              this.#set({ refusal: null })
              return result
            },
            (error: RefusalData) => {
              if (!error.code?.startsWith('forbidden')) throw error
              // Refused by the facilitator's rules (a lane closed meanwhile, the board locked):
              // the edit goes, and the participant is told why.
              this.#set({ refusal: refusalText(error) })
              const discarded: PushResult = { revision: 0, updatedAt: '', outcome: 'discarded', conflicts: [] }
              return discarded
            }
          ),
        getMap: () => this.#request({ t: 'getMap' }) as Promise<JourneyMap>
      }
    })
    this.#session = session
    this.#seeOthers = this.#snapshot.state?.rights.seeOthers ?? true
    session.subscribe((s) => this.#set({ map: s.map, unsaved: s.unsaved.length }))
    session.load(map)
    if (unsent.length > 0) session.adopt(unsent)
    if (!this.#adopted && this.#outbox) {
      // Notes typed here before a reload or a crash of this page, not yet acknowledged.
      this.#adopted = true
      const orphans = this.#outbox.orphans()
      const edits = orphans.edits.get(map.id) ?? []
      if (edits.length > 0) session.adopt(edits)
      orphans.release([map.id])
    }
    this.#set({ map: session.state.map, unsaved: session.state.unsaved.length })
  }

  #seeOthers = true
  #seeOthersOf(_session: EditingSession): boolean {
    return this.#seeOthers
  }

  #request(message: Record<string, unknown>): Promise<unknown> {
    const socket = this.#socket
    if (!socket || socket.readyState !== WebSocket.OPEN || this.#snapshot.link.kind !== 'joined')
      return Promise.reject({ code: 'storage', message: 'The laptop cannot be reached.' })
    const id = this.#nextId++
    socket.send(JSON.stringify({ ...message, id }))
    return new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }))
  }
}
