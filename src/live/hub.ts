/**
 * The live session's hub: the one place that knows who joined, what they may do, who wrote which
 * note and the dots cast. It sits in front of the library's room: every participant message is
 * validated with the shared schemas, checked against that participant's rights
 * (shared/live/rights.ts) and only then handed to the library, under the participant's own
 * origin. The facilitator drives it through JourneyApi (`startLive`, `updateLive`, …, see
 * with-live.ts); the network (server.ts) only carries messages.
 *
 * Off until the facilitator starts it. Its state file (state-file.ts) lets the facilitator
 * resume after a crash; it never resumes by itself.
 */
import { randomBytes, randomInt } from 'node:crypto'
import QRCode from 'qrcode'
import { JourneyError, reason, toErrorData, type Reason } from '../shared/errors'
import type { JourneyMap } from '../shared/model'
import type { MapChange } from '../shared/sync/protocol'
import {
  DEFAULT_RIGHTS,
  EMPTY_VIEW,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  LIVE_CLOSE,
  LIVE_LIMITS,
  PARTICIPANT_COLORS,
  ParticipantMessageSchema,
  type HostToParticipant,
  type LiveAddress,
  type LiveRights,
  type LiveStatus,
  type LiveView,
  type Participant,
  type ParticipantMessage,
  type ParticipantRefusal,
  type ParticipantState
} from '../shared/live/protocol'
import {
  castDots,
  changeForParticipant,
  checkParticipantPush,
  mapForParticipant,
  tallyOf,
  type RightsRefusal
} from '../shared/live/rights'
import type { LibraryService } from '../library/service-types'
import { hashToken, readStoredSession, removeStoredSession, writeStoredSession, type StoredSession } from './state-file'

/** One participant's connection, as the network hands it over. */
export interface ParticipantSocket {
  send(message: HostToParticipant): void
  close(code: number, reason: string): void
  /** The remote address (for the join code's rate limit). */
  readonly address: string
}

/** Where the hub listens for participants (server.ts). */
export interface LiveNetwork {
  open(port: number): Promise<{ port: number; addresses: LiveAddress[] }>
  close(): Promise<void>
}

export interface LiveHubOptions {
  readonly service: LibraryService
  readonly stateFile: string
  readonly log?: (line: string) => void
  /** The port to listen on when a session starts (0: any free port); a resumed session keeps its own. */
  readonly port?: number
}

/** Sentences for refusals the host sends (the page has its own words for the common ones). */
const REFUSALS: Record<RightsRefusal, string> = {
  locked: 'The facilitator has locked the board.',
  otherMap: 'This session is about another map.',
  notNotes: 'Participants can only add and change notes.',
  mapFields: 'Participants cannot change the map itself.',
  tooMany: 'That change touches too many notes at once.',
  closedCell: 'Notes cannot be added there: the facilitator has not opened that lane or stage.',
  notYours: 'Only the person who wrote a note can change it.',
  noEditing: 'The facilitator does not allow changing notes now.',
  fieldNotAllowed: 'Participants cannot change that on a note.',
  noVoting: 'There is no vote under way.',
  noDotsLeft: 'You have used all your dots.',
  onePerNote: 'One dot per note in this vote.',
  noSuchNote: 'That note is no longer on the map.'
}

const CLOSE_REASONS: Record<ParticipantRefusal, string> = {
  badCode: 'This join code is not valid (the session may have ended).',
  tooManyTries: 'Too many wrong join codes from this device; wait a minute.',
  removed: 'The facilitator removed you from the session.',
  ended: 'The facilitator ended the session.',
  full: 'The session is full.',
  badMessage: 'The page sent something the host does not understand.',
  tooFast: 'Too many messages too fast.'
}

function newCode(): string {
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]
  return code
}

const newSecret = (): string => randomBytes(24).toString('base64url')
const newShortId = (): string => randomBytes(9).toString('base64url')

interface Connection {
  readonly socket: ParticipantSocket
  participantId: string | null
}

export class LiveHub {
  readonly #o: LiveHubOptions
  readonly #log: (line: string) => void
  #network: LiveNetwork | null = null
  /** The session, running or interrupted; null when off. */
  #session: StoredSession | null
  #running = false
  #addresses: LiveAddress[] = []
  #qr: string[] | null = null
  #problem: string | null = null
  #problemReason: Reason | null = null
  #mapTitle: string | null = null
  readonly #connections = new Set<Connection>()
  readonly #listeners = new Set<(status: LiveStatus) => void>()
  readonly #joinFailures = new Map<string, { count: number; since: number }>()
  #statusTimer: ReturnType<typeof setTimeout> | null = null
  #stateTimer: ReturnType<typeof setTimeout> | null = null
  readonly #unsubscribe: () => void

  constructor(options: LiveHubOptions) {
    this.#o = options
    this.#log = options.log ?? (() => {})
    this.#session = readStoredSession(options.stateFile, this.#log)
    this.#unsubscribe = options.service.onEvent((event) => {
      if (event.type === 'mapChanged') this.#mapChanged(event)
    })
  }

  setNetwork(network: LiveNetwork): void {
    this.#network = network
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  // -------------------------------------------------------------------------------------------
  // The facilitator's side

  status(): LiveStatus {
    const s = this.#session
    const connected = new Set([...this.#connections].map((c) => c.participantId))
    const authors = this.#authorsOf()
    const noteCount = new Map<string, number>()
    for (const pid of Object.values(s?.authors ?? {})) noteCount.set(pid, (noteCount.get(pid) ?? 0) + 1)
    const tally = s ? tallyOf(s.ballots) : {}
    const voting = s?.rights.voting ?? null
    return {
      state: !s ? 'off' : this.#running ? 'running' : 'interrupted',
      mapId: s?.mapId ?? null,
      mapTitle: s ? this.#mapTitle : null,
      code: this.#running ? (s?.code ?? null) : null,
      addresses: this.#running ? this.#addresses : [],
      qr: this.#running ? this.#qr : null,
      participants: (s?.participants ?? [])
        .filter((p) => !p.removed)
        .map((p) => ({
          id: p.id,
          name: p.name,
          color: p.color,
          connected: connected.has(p.id),
          notes: noteCount.get(p.id) ?? 0,
          dotsCast: Object.values(s?.ballots[p.id] ?? {}).reduce((a, b) => a + b, 0)
        })),
      rights: s?.rights ?? DEFAULT_RIGHTS,
      view: s?.view ?? EMPTY_VIEW,
      dotsCast: Object.values(tally).reduce((a, b) => a + b, 0),
      tally: voting && voting.revealed ? tally : null,
      authors,
      problem: this.#problem,
      problemReason: this.#problemReason
    }
  }

  async start(mapId: string): Promise<LiveStatus> {
    if (this.#session && this.#running) {
      if (this.#session.mapId === mapId) return this.status()
      throw new JourneyError(
        'conflict',
        'A session with participants is already running on another map; end it first.',
        [],
        reason('live.otherSession')
      )
    }
    const map = await this.#o.service.call('getMap', { id: mapId })
    if (this.#session) removeStoredSession(this.#o.stateFile)
    this.#session = {
      version: 1,
      sessionId: newShortId(),
      mapId,
      code: newCode(),
      port: this.#o.port ?? 0,
      startedAt: new Date().toISOString(),
      rights: DEFAULT_RIGHTS,
      view: EMPTY_VIEW,
      participants: [],
      authors: {},
      ballots: {}
    }
    this.#mapTitle = map.title
    await this.#listen()
    return this.status()
  }

  /** Listens again for the session the app was running when it stopped: same code, same people. */
  async resume(): Promise<LiveStatus> {
    if (!this.#session)
      throw new JourneyError(
        'not_found',
        'There is no interrupted session to resume.',
        [],
        reason('live.nothingToResume')
      )
    if (this.#running) return this.status()
    try {
      this.#mapTitle = (await this.#o.service.call('getMap', { id: this.#session.mapId })).title
    } catch (error) {
      throw new JourneyError(
        'not_found',
        `The session's map cannot be opened: ${toErrorData(error).message}`,
        [],
        reason('live.mapUnavailable')
      )
    }
    await this.#listen()
    return this.status()
  }

  async #listen(): Promise<void> {
    const session = this.#session as StoredSession
    if (!this.#network)
      throw new JourneyError(
        'forbidden',
        'Inviting participants needs the app or its web host.',
        [],
        reason('live.needsHost')
      )
    let opened
    try {
      opened = await this.#network.open(session.port)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EADDRINUSE' && session.port !== 0) {
        // The old port is taken: a new one (participants need the new link).
        opened = await this.#network.open(0)
        this.#problem = `Port ${session.port} is in use by another program, so the link changed.`
        this.#problemReason = reason('live.portChanged', { port: String(session.port) })
      } else {
        throw new JourneyError(
          'forbidden',
          `Participants cannot be served: ${(error as Error).message}`,
          [],
          reason('live.cannotServe')
        )
      }
    }
    this.#session = { ...session, port: opened.port }
    this.#persist()
    this.#running = true
    this.#addresses = opened.addresses.map((a) => ({ ...a, url: `${a.url}/j/${session.code}` }))
    const first = this.#addresses[0]
    this.#qr = first ? qrRows(first.url) : null
    this.#emitStatus(true)
  }

  update(change: { rights?: LiveRights; view?: LiveView }): LiveStatus {
    const s = this.#requireRunning()
    let ballots = s.ballots
    const next = change.rights
    if (next?.voting && !next.voting.revealed && (!s.rights.voting || s.rights.voting.revealed)) ballots = {}
    // Revealing goes through revealVotes, which writes the dots onto the notes.
    const rights = next
      ? {
          ...next,
          voting: next.voting && {
            ...next.voting,
            revealed: s.rights.voting?.revealed === true && next.voting.revealed
          }
        }
      : s.rights
    this.#session = { ...s, rights, view: change.view ?? s.view, ballots }
    this.#persist()
    this.#broadcastState(change.view !== undefined && change.rights === undefined)
    this.#emitStatus(change.rights !== undefined)
    return this.status()
  }

  /** Shows every note's dots to everyone and adds them to the notes' votes on the map. */
  async reveal(): Promise<LiveStatus> {
    const s = this.#requireRunning()
    const voting = s.rights.voting
    if (!voting) throw new JourneyError('invalid_request', 'There is no vote to reveal.', [], reason('live.noVote'))
    if (voting.revealed) return this.status()
    const map = await this.#o.service.call('getMap', { id: s.mapId })
    // Read again after the await: other participants' dots may have come in meanwhile.
    const now = this.#session ?? s
    const tally = tallyOf(now.ballots)
    const records = map.notes
      .filter((n) => (tally[n.id] ?? 0) > 0)
      .map((n) => ({
        entity: 'note' as const,
        id: n.id,
        before: n,
        after: { ...n, votes: Math.min(10000, n.votes + (tally[n.id] ?? 0)) }
      }))
    // Marked revealed first: a crash after the write cannot add the dots twice.
    this.#session = { ...now, rights: { ...now.rights, voting: { ...voting, revealed: true } } }
    this.#persist()
    if (records.length > 0)
      await this.#o.service.call(
        'pushChanges',
        {
          mapId: s.mapId,
          pushId: `live-reveal-${s.sessionId}-${Date.now()}`,
          baseRevision: map.revision,
          changes: { records, meta: null }
        },
        'live'
      )
    this.#broadcastState(false)
    this.#emitStatus(true)
    return this.status()
  }

  remove(participantId: string): LiveStatus {
    const s = this.#requireRunning()
    if (!s.participants.some((p) => p.id === participantId))
      throw new JourneyError(
        'not_found',
        'That participant is not in this session.',
        [],
        reason('live.noSuchParticipant')
      )
    this.#session = {
      ...s,
      participants: s.participants.map((p) => (p.id === participantId ? { ...p, removed: true } : p))
    }
    this.#persist()
    for (const c of this.#connections) if (c.participantId === participantId) this.#refuse(c, 'removed')
    this.#emitStatus(true)
    return this.status()
  }

  /** Ends the session: every participant link stops working at once. */
  async end(): Promise<LiveStatus> {
    for (const c of [...this.#connections]) this.#refuse(c, 'ended')
    this.#session = null
    this.#running = false
    this.#problem = null
    this.#problemReason = null
    removeStoredSession(this.#o.stateFile)
    await this.#network?.close()
    this.#emitStatus(true)
    return this.status()
  }

  /** The host is stopping: connections close, the session stays resumable. */
  async close(): Promise<void> {
    this.#unsubscribe()
    for (const t of [this.#statusTimer, this.#stateTimer]) if (t) clearTimeout(t)
    for (const c of this.#connections) c.socket.close(1001, 'host stopping')
    this.#connections.clear()
    this.#running = false
    await this.#network?.close()
  }

  #requireRunning(): StoredSession {
    if (!this.#session || !this.#running)
      throw new JourneyError(
        'invalid_request',
        'No session with participants is running.',
        [],
        reason('live.noSession')
      )
    return this.#session
  }

  // -------------------------------------------------------------------------------------------
  // Participants' side

  /** A new participant connection; the network passes its messages and its end here. */
  connect(socket: ParticipantSocket): { message(text: string): void; closed(): void } {
    const connection: Connection = { socket, participantId: null }
    this.#connections.add(connection)
    let tokens: number = LIVE_LIMITS.burst
    let last = Date.now()
    let queue: Promise<void> = Promise.resolve()
    return {
      message: (text) => {
        const now = Date.now()
        tokens = Math.min(LIVE_LIMITS.burst, tokens + ((now - last) / 1000) * LIVE_LIMITS.messagesPerSecond)
        last = now
        if (tokens < 1) return this.#refuse(connection, 'tooFast')
        tokens -= 1
        let parsed: ParticipantMessage
        try {
          const result = ParticipantMessageSchema.safeParse(JSON.parse(text))
          if (!result.success) return this.#refuse(connection, 'badMessage')
          parsed = result.data
        } catch {
          return this.#refuse(connection, 'badMessage')
        }
        queue = queue
          .then(() => this.#handle(connection, parsed))
          .catch((error: unknown) => {
            // Answered all the same (the map went to the trash, the library closed…), so no page waits forever.
            if ('id' in parsed) {
              const data = toErrorData(error)
              socket.send({
                t: 'result',
                id: parsed.id,
                ok: false,
                error: { code: data.code, message: data.message, ...(data.reason ? { reason: data.reason } : {}) }
              })
            }
            if (!(error instanceof JourneyError)) this.#log(`live: internal error: ${String(error)}`)
          })
      },
      closed: () => {
        this.#connections.delete(connection)
        if (connection.participantId) {
          this.#emitStatus(true)
          this.#broadcastState(false)
        }
      }
    }
  }

  async #handle(c: Connection, message: ParticipantMessage): Promise<void> {
    const s = this.#session
    if (!s || !this.#running) return this.#refuse(c, 'ended')
    if (message.t === 'join') return this.#join(c, s, message)
    const me = c.participantId
    if (!me) return this.#refuse(c, 'badMessage')
    const authorOf = (id: string) => this.#session?.authors[id]
    if (message.t === 'getMap') {
      const map = await this.#o.service.call('getMap', { id: s.mapId })
      c.socket.send({ t: 'result', id: message.id, ok: true, value: mapForParticipant(map, s.rights, me, authorOf) })
      return
    }
    if (message.t === 'vote') {
      const map = await this.#o.service.call('getMap', { id: s.mapId })
      const now = this.#session
      if (!now) return this.#refuse(c, 'ended')
      const outcome = castDots(
        now.ballots,
        now.rights.voting,
        now.rights.locked,
        me,
        message.noteId,
        message.dots,
        map.notes.some((n) => n.id === message.noteId)
      )
      if ('refusal' in outcome) return this.#answerRefusal(c, message.id, outcome.refusal)
      this.#session = { ...now, ballots: outcome.ballots }
      this.#persist()
      c.socket.send({ t: 'result', id: message.id, ok: true, value: null })
      this.#broadcastState(false)
      this.#emitStatus(false)
      return
    }
    // A push of notes: the participant's rights first, then the room.
    const map = await this.#o.service.call('getMap', { id: s.mapId })
    const cur = this.#session
    if (!cur) return this.#refuse(c, 'ended')
    const refusal = checkParticipantPush(message.push, {
      rights: cur.rights,
      sessionMapId: s.mapId,
      map,
      participantId: me,
      authorOf
    })
    if (refusal) return this.#answerRefusal(c, message.id, refusal)
    // Authorship is written down before the note exists, so the change event is already cut
    // right for everyone and a crash right after the commit does not lose who wrote it.
    const created = message.push.changes.records.filter((r) => r.before === null && !cur.authors[r.id]).map((r) => r.id)
    if (created.length > 0) {
      this.#session = { ...cur, authors: { ...cur.authors, ...Object.fromEntries(created.map((id) => [id, me])) } }
      this.#persist()
    }
    try {
      const result = await this.#o.service.call('pushChanges', message.push, `live-${me}`)
      c.socket.send({ t: 'result', id: message.id, ok: true, value: result })
    } catch (error) {
      if (created.length > 0 && this.#session) {
        const authors = { ...this.#session.authors }
        for (const id of created) delete authors[id]
        this.#session = { ...this.#session, authors }
        this.#persist()
      }
      const data = toErrorData(error)
      c.socket.send({
        t: 'result',
        id: message.id,
        ok: false,
        error: { code: data.code, message: data.message, ...(data.reason ? { reason: data.reason } : {}) }
      })
    }
    if (created.length > 0) {
      this.#broadcastState(false)
      this.#emitStatus(false)
    }
  }

  #join(c: Connection, s: StoredSession, message: Extract<ParticipantMessage, { t: 'join' }>): void {
    const address = c.socket.address
    const now = Date.now()
    const failures = this.#joinFailures.get(address)
    if (failures && now - failures.since > 60_000) this.#joinFailures.delete(address)
    const tries = this.#joinFailures.get(address)
    if (tries && tries.count >= LIVE_LIMITS.joinFailuresPerMinute) return this.#refuse(c, 'tooManyTries')
    if (message.code !== s.code) {
      this.#joinFailures.set(address, { count: (tries?.count ?? 0) + 1, since: tries?.since ?? now })
      return this.#refuse(c, 'badCode')
    }
    if (c.participantId) return this.#refuse(c, 'badMessage')
    let token = message.token
    let participant = token ? s.participants.find((p) => p.tokenHash === hashToken(token as string)) : undefined
    if (participant?.removed) return this.#refuse(c, 'removed')
    const name = message.name.trim()
    if (!participant) {
      if (s.participants.length >= LIVE_LIMITS.maxParticipants) return this.#refuse(c, 'full')
      token = newSecret()
      participant = {
        id: newShortId().replace(/[^A-Za-z0-9_-]/g, ''),
        name,
        color: PARTICIPANT_COLORS[s.participants.length % PARTICIPANT_COLORS.length] as string,
        tokenHash: hashToken(token),
        removed: false
      }
      this.#session = { ...s, participants: [...s.participants, participant] }
    } else if (participant.name !== name) {
      const renamed = { ...participant, name }
      this.#session = { ...s, participants: s.participants.map((p) => (p.id === renamed.id ? renamed : p)) }
      participant = renamed
    }
    this.#persist()
    c.participantId = participant.id
    void this.#o.service.call('getMap', { id: s.mapId }).then(
      (map) => {
        const session = this.#session
        if (!session || !c.participantId) return
        const me = c.participantId
        c.socket.send({
          t: 'welcome',
          token: token as string,
          state: this.#stateFor(me),
          map: mapForParticipant(map, session.rights, me, (id) => session.authors[id])
        })
        this.#emitStatus(true)
        this.#broadcastState(false)
      },
      (error: unknown) => this.#log(`live: the map could not be read for a participant: ${String(error)}`)
    )
  }

  #answerRefusal(c: Connection, id: number, refusal: RightsRefusal): void {
    c.socket.send({
      t: 'result',
      id,
      ok: false,
      error: {
        code: `forbidden:${refusal}`,
        message: REFUSALS[refusal],
        reason: reason(`live.refused.${refusal}`)
      }
    })
  }

  #refuse(c: Connection, why: ParticipantRefusal): void {
    c.socket.send({ t: 'refused', code: why, message: CLOSE_REASONS[why] })
    c.socket.close(LIVE_CLOSE[why], why)
    this.#connections.delete(c)
  }

  #mapChanged(change: MapChange): void {
    const s = this.#session
    if (!s || !this.#running || change.mapId !== s.mapId) return
    const meta = change.patch.find((op) => op.op === 'meta')
    if (meta && meta.op === 'meta' && typeof meta.set.title === 'string') this.#mapTitle = meta.set.title
    const authorOf = (id: string) => s.authors[id]
    for (const c of this.#connections) {
      if (!c.participantId) continue
      c.socket.send({ t: 'change', change: changeForParticipant(change, s.rights, c.participantId, authorOf) })
    }
  }

  #authorsOf(): Record<string, Participant> {
    const s = this.#session
    if (!s) return {}
    const people = new Map(s.participants.map((p) => [p.id, { id: p.id, name: p.name, color: p.color }]))
    const out: Record<string, Participant> = {}
    for (const [noteId, pid] of Object.entries(s.authors)) {
      const who = people.get(pid)
      if (who) out[noteId] = who
    }
    return out
  }

  #stateFor(participantId: string): ParticipantState {
    const s = this.#session as StoredSession
    const p = s.participants.find((x) => x.id === participantId)
    const voting = s.rights.voting
    const myNoteIds = Object.entries(s.authors)
      .filter(([, pid]) => pid === participantId)
      .map(([id]) => id)
    const authors = this.#authorsOf()
    return {
      me: { id: participantId, name: p?.name ?? '', color: p?.color ?? '#000000' },
      rights: s.rights,
      view: s.view,
      myVotes: s.ballots[participantId] ?? {},
      tally: voting && (voting.revealed || !voting.hidden) ? tallyOf(s.ballots) : null,
      myNoteIds,
      authors: s.rights.seeOthers
        ? authors
        : Object.fromEntries(Object.entries(authors).filter(([, a]) => a.id === participantId)),
      here: new Set([...this.#connections].map((c) => c.participantId).filter(Boolean)).size
    }
  }

  /** Every participant's state, soon (many changes in a burst make one message each). */
  #broadcastState(now: boolean): void {
    const send = () => {
      this.#stateTimer = null
      if (!this.#session) return
      for (const c of this.#connections)
        if (c.participantId) c.socket.send({ t: 'state', state: this.#stateFor(c.participantId) })
    }
    if (now) {
      if (this.#stateTimer) clearTimeout(this.#stateTimer)
      send()
    } else this.#stateTimer ??= setTimeout(send, 50)
  }

  #emitStatus(now: boolean): void {
    const send = () => {
      this.#statusTimer = null
      const status = this.status()
      for (const listener of this.#listeners) listener(status)
    }
    if (now) {
      if (this.#statusTimer) clearTimeout(this.#statusTimer)
      send()
    } else this.#statusTimer ??= setTimeout(send, 100)
  }

  #persist(): void {
    if (this.#session) writeStoredSession(this.#o.stateFile, this.#session)
  }
}

/** A link as a QR code: rows of 0/1, drawn by the facilitator's dialog. */
export function qrRows(text: string): string[] {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const size = qr.modules.size
  const rows: string[] = []
  for (let y = 0; y < size; y++) {
    let row = ''
    for (let x = 0; x < size; x++) row += qr.modules.get(x, y) ? '1' : '0'
    rows.push(row)
  }
  return rows
}

export { CLOSE_REASONS }
export type { JourneyMap }
