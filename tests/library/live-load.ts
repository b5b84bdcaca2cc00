/**
 * The live session under a room's load: N participants (real WebSocket clients speaking the live
 * protocol, over loopback) each add notes and cast dots at once, while the facilitator's board
 * listens to the library's change events. Used by the load test (counts only: nothing lost,
 * nothing twice) and by `npm run bench -- lan` (the times).
 */
import { performance } from 'node:perf_hooks'
import type { JourneyMap } from '../../src/shared/model'
import type { MapChange } from '../../src/shared/sync/protocol'
import { LiveClient, newNote, notePush } from './live-client'

export interface LoadTarget {
  /** http://127.0.0.1:PORT of the participants' server. */
  readonly origin: string
  readonly code: string
  readonly map: JourneyMap
  /** The facilitator's view of the library's change events; returns an unsubscribe function. */
  readonly onFacilitatorChange: (listener: (change: MapChange) => void) => () => void
  readonly startVote: (dots: number) => Promise<void>
  readonly reveal: () => Promise<void>
  readonly getMap: () => Promise<JourneyMap>
}

export interface LoadResult {
  readonly participants: number
  readonly notesSent: number
  /** Participants' notes in the library afterwards, each id once. */
  readonly notesInMap: number
  /** Notes sent and acknowledged but missing from the library, or missing on some client's screen. */
  readonly lost: number
  /** Notes that are in the library more than once (same text). */
  readonly duplicates: number
  /** Per note: from the participant's submit to the change reaching every other client and the facilitator. */
  readonly noteLatenciesMs: readonly number[]
  readonly voteBurstMs: number
  readonly dotsCast: number
  readonly dotsOnNotes: number
}

const noteIdsOf = (change: MapChange): string[] =>
  change.patch.flatMap((op) => (op.op === 'put' && op.entity === 'note' ? [op.value.id] : []))

/** A small deterministic generator (so a failing run can be repeated). */
function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export async function runLiveLoad(
  target: LoadTarget,
  { participants = 30, notesEach = 20, votesEach = 5, timeoutMs = 60_000 } = {}
): Promise<LoadResult> {
  const { map } = target
  const lane = map.lanes.find((l) => l.kind === 'painPoints') ?? (map.lanes[0] as JourneyMap['lanes'][number])
  const stages = map.stages.map((s) => s.id)
  const clients: LiveClient[] = []
  /** Per receiver (clients, then the facilitator): when each note id first arrived. */
  const arrivals: Map<string, number>[] = []
  let revision = map.revision
  const watch = (receiver: number) => (change: MapChange) => {
    revision = Math.max(revision, change.revision)
    const seen = arrivals[receiver] as Map<string, number>
    const now = performance.now()
    for (const id of noteIdsOf(change)) if (!seen.has(id)) seen.set(id, now)
  }
  try {
    for (let i = 0; i < participants; i++) {
      const client = await LiveClient.connect(target.origin)
      const welcome = await client.join(target.code, `Participant ${i + 1}`)
      if (welcome.t !== 'welcome') throw new Error(`participant ${i + 1} was refused: ${JSON.stringify(welcome)}`)
      arrivals.push(new Map())
      const onChange = watch(i)
      client.onMessage = (m) => {
        if (m.t === 'change') onChange(m.change)
      }
      clients.push(client)
    }
    arrivals.push(new Map())
    const stopFacilitator = target.onFacilitatorChange(watch(participants))

    // Every participant adds its notes one after another (each waits for its answer), all at once.
    const submitted = new Map<string, { at: number; by: number }>()
    let acknowledged = 0
    await Promise.all(
      clients.map(async (client, i) => {
        for (let k = 0; k < notesEach; k++) {
          const id = `p${i}-n${k}`
          const note = newNote(
            id,
            stages[(i + k) % stages.length] as string,
            lane.id,
            `Idea ${k + 1} of participant ${i + 1}`
          )
          submitted.set(id, { at: performance.now(), by: i })
          const result = await client.push(notePush(map.id, `p${i}-${k}`, revision, note))
          if (!result.ok) throw new Error(`note ${id} refused: ${result.error.message}`)
          acknowledged++
        }
      })
    )
    // Wait until every receiver has every note (or the time is up: what is missing then is lost).
    const deadline = performance.now() + timeoutMs
    const everyoneHasAll = () =>
      [...submitted.keys()].every((id) => arrivals.every((seen, r) => r === submitted.get(id)?.by || seen.has(id)))
    while (!everyoneHasAll() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    stopFacilitator()

    const latencies: number[] = []
    let missingOnScreens = 0
    for (const [id, { at, by }] of submitted) {
      let last = 0
      for (let r = 0; r < arrivals.length; r++) {
        if (r === by) continue
        const when = arrivals[r]?.get(id)
        if (when === undefined) missingOnScreens++
        else last = Math.max(last, when - at)
      }
      latencies.push(last)
    }

    // A dot-voting burst: every participant casts all its dots at once.
    await target.startVote(votesEach)
    const random = seeded(11)
    const ids = [...submitted.keys()]
    const burstStart = performance.now()
    let dotsCast = 0
    await Promise.all(
      clients.map(async (client) => {
        const votes = Array.from({ length: votesEach }, () => ids[Math.floor(random() * ids.length)] as string)
        const results = await Promise.all(votes.map((noteId) => client.vote(noteId)))
        dotsCast += results.filter((r) => r.ok).length
      })
    )
    const voteBurstMs = performance.now() - burstStart
    await target.reveal()

    const after = await target.getMap()
    const mine = after.notes.filter((n) => submitted.has(n.id))
    const texts = new Map<string, number>()
    for (const n of after.notes) texts.set(n.text, (texts.get(n.text) ?? 0) + 1)
    const duplicates = [...texts.entries()].filter(([text, n]) => n > 1 && text.startsWith('Idea ')).length
    return {
      participants,
      notesSent: acknowledged,
      notesInMap: new Set(mine.map((n) => n.id)).size,
      lost: acknowledged - new Set(mine.map((n) => n.id)).size + missingOnScreens,
      duplicates,
      noteLatenciesMs: latencies,
      voteBurstMs,
      dotsCast,
      dotsOnNotes: mine.reduce((sum, n) => sum + n.votes, 0)
    }
  } finally {
    for (const c of clients) c.close()
  }
}
