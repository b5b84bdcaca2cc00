/**
 * The editing engine (src/shared/sync/session.ts) as several clients use it against one real
 * host: a library on a real SQLite file, called the way a transport calls it (payloads validated
 * and copied), with its change events delivered to every client. A client can lose its
 * connection, stop hearing events, or hold its next push back so that another client's edit is
 * committed first.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openLibraryService, type LibraryServiceHandle } from '../../src/library'
import { parseApiCall } from '../../src/shared/api/validate'
import { runCommand } from '../../src/shared/commands'
import { JourneyError } from '../../src/shared/errors'
import type { JourneyMap, Note } from '../../src/shared/model'
import { checkIntegrity } from '../../src/shared/model/integrity'
import { parseInterchange, serializeInterchange } from '../../src/shared/format/interchange'
import { persona } from '../library/helpers'
import type { MapChange, PushResult } from '../../src/shared/sync/protocol'
import { EditingSession, type SessionNotice } from '../../src/shared/sync/session'
import { createOutboxKeeper, type StorageLike } from '../../src/renderer/src/editor/outbox'
import { argsFor, stepArb } from './command-arbitraries'

const LOST = 'Lost the connection to the Journeyboard host before it answered.'
const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.()
})

class Host {
  readonly service: LibraryServiceHandle
  readonly clients = new Set<Client>()

  constructor() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jb-sync-'))
    this.service = openLibraryService(path.join(dir, 'library.sqlite'))
    cleanups.push(() => {
      this.service.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })
    this.service.onEvent((event) => {
      if (event.type !== 'mapChanged') return
      for (const client of this.clients) client.hear(structuredClone(event))
    })
  }

  async map(id: string): Promise<JourneyMap> {
    return this.service.call('getMap', { id })
  }

  async createMap(notes: readonly string[] = []): Promise<JourneyMap> {
    const map = await this.service.call('createMap', { template: 'saas', title: 'Sync' })
    if (notes.length === 0) return map
    const ctx = { newId: () => `n${Math.random().toString(36).slice(2, 10)}`, now: '2026-03-04T09:00:00.000Z' }
    let current = map
    const patch = []
    for (const text of notes) {
      const result = runCommand('addNote', current, { stageId: map.stages[0]!.id, laneId: map.lanes[0]!.id, text }, ctx)
      patch.push(...result.patch)
      current = (await import('../../src/shared/model/patch')).applyPatch(current, result.patch)
    }
    await this.service.call('applyPatch', { mapId: map.id, patch })
    return this.map(map.id)
  }
}

let clientCount = 0

/** One client: an EditingSession with a transport to the host that can be broken on purpose. */
class Client {
  readonly session: EditingSession
  readonly origin = `client-${++clientCount}`
  online = true
  hearsEvents = true
  /** The next push is committed, then the connection drops: neither its answer nor its event arrives. */
  loseNextAnswer = false
  pushes = 0
  reads = 0
  readonly results: PushResult[] = []
  readonly notices: SessionNotice[] = []
  private gate: Promise<void> | null = null

  constructor(
    private readonly host: Host,
    mapId: string,
    outbox?: ReturnType<typeof createOutboxKeeper>,
    clientId = `${this.origin}`
  ) {
    let ids = 0
    this.session = new EditingSession({
      mapId,
      clientId,
      newId: () => `${clientId}x${++ids}`,
      now: () => '2026-03-04T09:00:00.000Z',
      outbox,
      transport: {
        pushChanges: async (request) => {
          if (this.gate) await this.gate
          if (!this.online) throw new JourneyError('storage', LOST)
          this.pushes++
          const { req } = parseApiCall('pushChanges', structuredClone(request))
          const dropping = this.loseNextAnswer
          if (dropping) this.hearsEvents = false
          const result = structuredClone(
            (await host.service.call('pushChanges', req as never, this.origin)) as PushResult
          )
          if (dropping) {
            this.loseNextAnswer = false
            this.hearsEvents = true
            throw new JourneyError('storage', LOST)
          }
          this.results.push(result)
          return result
        },
        getMap: async (id) => {
          if (!this.online) throw new JourneyError('storage', LOST)
          this.reads++
          return structuredClone(await host.service.call('getMap', { id }))
        }
      }
    })
    this.session.onNotice((notice) => this.notices.push(notice))
    host.clients.add(this)
  }

  hear(event: MapChange): void {
    if (this.online && this.hearsEvents) this.session.receive(event)
  }

  async open(): Promise<this> {
    this.reads++
    this.session.load(structuredClone(await this.host.service.call('getMap', { id: this.session.mapId })))
    return this
  }

  get map(): JourneyMap {
    const map = this.session.map
    if (!map) throw new Error('not loaded')
    return map
  }

  /** The next pushes wait (before they reach the host) until the returned function is called. */
  holdPushes(): () => void {
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const previous = this.gate
    this.gate = previous ? Promise.all([previous, gate]).then(() => {}) : gate
    return () => {
      release()
      if (this.gate === gate) this.gate = null
    }
  }

  run(name: Parameters<typeof runCommand>[0], args: unknown): void {
    const run = this.session.run(name as never, [{ name: name as never, args }])
    if (!run) throw new Error(`${name} did not run: ${JSON.stringify(this.notices.at(-1))}`)
  }

  async settled(): Promise<void> {
    await vi.waitFor(
      () => {
        expect(this.session.state.sending).toBe(false)
        expect(this.session.state.unsaved).toEqual([])
      },
      { timeout: 5000 }
    )
  }

  note(id: string): Note | undefined {
    return this.map.notes.find((n) => n.id === id)
  }
}

/** The map without what only the library keeps current. */
const content = ({ revision: _r, updatedAt: _u, ...rest }: JourneyMap) => rest

async function twoClients(notes: readonly string[] = ['Free trial', 'Demo call']) {
  const host = new Host()
  const map = await host.createMap(notes)
  const a = await new Client(host, map.id).open()
  const b = await new Client(host, map.id).open()
  return { host, map, a, b, n1: map.notes[0]?.id ?? '', n2: map.notes[1]?.id ?? '' }
}

describe('others’ changes', () => {
  it('are applied from the change events, without reading the map again, and never enter history', async () => {
    const { host, map, a, b } = await twoClients([])
    const cell = { stageId: map.stages[1]!.id, laneId: map.lanes[0]!.id }
    b.run('addNote', { ...cell, text: 'Webinar' })
    b.run('addNote', { ...cell, text: 'Newsletter' })
    await b.settled()
    b.run('editNote', { noteId: b.map.notes[0]!.id, color: '#ef9a9a' })
    await b.settled()
    expect(content(a.map)).toEqual(content(await host.map(map.id)))
    expect(a.session.state.revision).toBe((await host.map(map.id)).revision)
    expect(a.reads).toBe(1)
    expect(a.session.state.undo).toEqual([])
    expect(b.session.state.undo).toHaveLength(3)
  })

  it('missed (a gap in the revisions): the map is read once more and the session catches up', async () => {
    const { host, map, a, b, n1 } = await twoClients()
    a.hearsEvents = false
    b.run('editNote', { noteId: n1, text: 'Missed 1' })
    await b.settled()
    b.run('editNote', { noteId: n1, text: 'Missed 2' })
    await b.settled()
    a.hearsEvents = true
    b.run('editNote', { noteId: n1, color: '#ef9a9a' })
    await b.settled()
    await a.settled()
    expect(a.reads).toBe(2)
    expect(content(a.map)).toEqual(content(await host.map(map.id)))
  })

  it('missed while the connection was down, with nothing to send: read again when it is back', async () => {
    const { host, map, a, b, n1 } = await twoClients()
    a.online = false
    b.run('editNote', { noteId: n1, text: 'Changed while a was cut off' })
    await b.settled()
    a.online = true
    a.session.retry() // nothing failed, nothing to send: no reason to read
    await a.settled()
    expect(a.note(n1)?.text).toBe('Free trial')
    a.session.reconnected()
    await a.settled()
    expect(a.reads).toBe(2)
    expect(a.note(n1)?.text).toBe('Changed while a was cut off')
    expect(a.session.state.revision).toBe((await host.map(map.id)).revision)
  })
})

describe('two people editing at once', () => {
  it('edits of different notes never conflict: both are committed as pushed', async () => {
    const { host, map, a, b, n1, n2 } = await twoClients()
    const release = a.holdPushes()
    a.run('editNote', { noteId: n1, text: 'Free trial, 14 days' })
    b.run('editNote', { noteId: n2, text: 'Demo call (booked)' })
    await b.settled()
    release()
    await a.settled()
    expect(a.results.at(-1)?.outcome).toBe('committed')
    const stored = await host.map(map.id)
    expect(stored.notes.map((n) => n.text).sort()).toEqual(['Demo call (booked)', 'Free trial, 14 days'])
    expect(content(a.map)).toEqual(content(stored))
    expect(content(b.map)).toEqual(content(stored))
    expect([...a.session.state.recovered, ...b.session.state.recovered]).toEqual([])
  })

  it('edits of different fields of one note merge', async () => {
    const { host, map, a, b, n1 } = await twoClients()
    const release = a.holdPushes()
    a.run('editNote', { noteId: n1, text: 'Free trial, 14 days' })
    b.run('editNote', { noteId: n1, color: '#ef9a9a' })
    await b.settled()
    expect(a.note(n1)).toMatchObject({ text: 'Free trial, 14 days', color: '#ef9a9a' }) // shown merged at once
    release()
    await a.settled()
    expect(a.results.at(-1)).toMatchObject({ outcome: 'merged', conflicts: [] })
    const stored = await host.map(map.id)
    expect(stored.notes.find((n) => n.id === n1)).toMatchObject({ text: 'Free trial, 14 days', color: '#ef9a9a' })
    expect(content(a.map)).toEqual(content(stored))
    expect(content(b.map)).toEqual(content(stored))
    expect(a.session.state.recovered).toEqual([])
  })

  it('the same field: the edit the host committed first stays, the other side is told and keeps its text', async () => {
    const { host, map, a, b, n1 } = await twoClients()
    const release = a.holdPushes()
    a.run('editNote', { noteId: n1, text: 'Trial: 14 days' })
    b.run('editNote', { noteId: n1, text: 'Trial: 30 days' })
    await b.settled()
    release()
    await a.settled()
    const stored = await host.map(map.id)
    expect(stored.notes.find((n) => n.id === n1)?.text).toBe('Trial: 30 days')
    expect(a.note(n1)?.text).toBe('Trial: 30 days')
    expect(b.session.state.recovered).toEqual([])
    const [kept] = a.session.state.recovered
    expect(kept).toMatchObject({
      kind: 'changedElsewhere',
      entity: 'note',
      recordId: n1,
      fields: ['text'],
      mine: { text: 'Trial: 14 days' },
      theirs: { text: 'Trial: 30 days' }
    })

    // The user takes their text back: a new edit, with an undo step, that b sees.
    expect(a.session.reapplyRecovered(kept!.id)).toBe(true)
    await a.settled()
    expect((await host.map(map.id)).notes.find((n) => n.id === n1)?.text).toBe('Trial: 14 days')
    expect(b.note(n1)?.text).toBe('Trial: 14 days')
    expect(a.session.state.recovered).toEqual([])
    expect(a.session.undo()).toBe(true)
    await a.settled()
    expect((await host.map(map.id)).notes.find((n) => n.id === n1)?.text).toBe('Trial: 30 days')
  })

  it('the same field, when their change arrives before mine was sent: mine is not sent over it', async () => {
    const { host, map, a, b, n1 } = await twoClients()
    a.online = false
    a.run('editNote', { noteId: n1, text: 'Mine, typed offline' })
    await vi.waitFor(() => expect(a.session.state.failure).toEqual({ code: 'storage', message: LOST }))
    b.run('editNote', { noteId: n1, text: 'Theirs, saved' })
    await b.settled()
    a.online = true
    a.session.retry()
    await a.settled()
    expect((await host.map(map.id)).notes.find((n) => n.id === n1)?.text).toBe('Theirs, saved')
    expect(a.session.state.recovered).toEqual([
      expect.objectContaining({ fields: ['text'], mine: expect.objectContaining({ text: 'Mine, typed offline' }) })
    ])
    expect(content(a.map)).toEqual(content(await host.map(map.id)))
  })

  it('a note deleted elsewhere while it was being edited here: the text is kept and the note can be restored', async () => {
    const { host, map, a, b, n1 } = await twoClients()
    const original = a.note(n1)!
    const release = a.holdPushes()
    a.run('editNote', { noteId: n1, text: 'Free trial — ask about SSO' })
    b.run('deleteNotes', { noteIds: [n1] })
    await b.settled()
    release()
    await a.settled()
    expect((await host.map(map.id)).notes.map((n) => n.id)).not.toContain(n1)
    const [kept] = a.session.state.recovered
    expect(kept).toMatchObject({ kind: 'deletedElsewhere', recordId: n1, restorable: true })
    expect(kept?.mine).toMatchObject({ text: 'Free trial — ask about SSO' })

    expect(a.session.reapplyRecovered(kept!.id)).toBe(true)
    await a.settled()
    const restored = (await host.map(map.id)).notes.find((n) => n.id === n1)
    expect(restored).toEqual({ ...original, text: 'Free trial — ask about SSO' })
    expect(b.note(n1)?.text).toBe('Free trial — ask about SSO')
  })

  it('text typed over a note that changed or went meanwhile is kept (keepText)', async () => {
    const { a, b, n1, n2 } = await twoClients()
    b.run('editNote', { noteId: n1, text: 'Changed by b' })
    b.run('deleteNotes', { noteIds: [n2] })
    await b.settled()
    a.session.keepText('note', n1, { text: 'Typed by a' })
    a.session.keepText('note', n2, { text: 'Also typed by a' })
    expect(a.session.state.recovered).toEqual([
      expect.objectContaining({ kind: 'changedElsewhere', fields: ['text'], by: b.origin }),
      expect.objectContaining({ kind: 'deletedElsewhere', restorable: true, by: b.origin })
    ])
  })
})

describe('references no foreign key holds, crossed by two people at once', () => {
  it('a path through a stage deleted meanwhile is not committed; the map stays whole and the step is dropped with why', async () => {
    const { host, map, a, b } = await twoClients()
    const doomed = map.stages[1]!.id
    const release = a.holdPushes()
    a.run('addPath', {
      name: 'Self-serve',
      steps: [
        { stageId: map.stages[0]!.id, event: '' },
        { stageId: doomed, event: 'Trial' }
      ]
    })
    b.run('deleteStage', { stageId: doomed })
    await b.settled()
    release()
    await a.settled()
    const stored = await host.map(map.id)
    expect(checkIntegrity(stored)).toEqual([])
    expect(stored.stages.map((s) => s.id)).not.toContain(doomed)
    expect(stored.paths).toEqual([])
    expect(a.session.state.failure).toBeNull()
    expect(content(a.map)).toEqual(content(stored))
  })

  it('a note tagged with a path deleted meanwhile is not committed with the dangling tag', async () => {
    const { host, map, a, b, n1 } = await twoClients()
    a.run('addPath', { name: 'Self-serve' })
    await a.settled()
    const pathId = a.map.paths[0]!.id
    await vi.waitFor(() => expect(b.map.paths).toHaveLength(1))
    const release = a.holdPushes()
    a.run('editNote', { noteId: n1, pathId })
    b.run('removePath', { pathId })
    await b.settled()
    release()
    await a.settled()
    const stored = await host.map(map.id)
    expect(checkIntegrity(stored)).toEqual([])
    expect(stored.paths).toEqual([])
    expect(stored.notes.find((n) => n.id === n1)?.pathId).toBeUndefined()
    expect(a.session.state.failure).toBeNull()
    expect(content(a.map)).toEqual(content(stored))
  })
  it('a note and a curve point for a persona unlinked meanwhile are not committed with it', async () => {
    const { host, map, a, b, n1 } = await twoClients()
    await host.service.call('savePersona', { persona: persona('p1', 'Maya') })
    a.run('setMapMeta', { personaIds: ['p1'] })
    await a.settled()
    await vi.waitFor(() => expect(b.map.personaIds).toEqual(['p1']))
    const release = a.holdPushes()
    a.run('editNote', { noteId: n1, personaIds: ['p1'] })
    a.run('setEmotionPoint', { personaId: 'p1', variant: 'asIs', stageId: map.stages[2]!.id, score: 1 })
    b.run('setMapMeta', { personaIds: [] })
    await b.settled()
    release()
    await a.settled()
    const stored = await host.map(map.id)
    expect(stored.personaIds).toEqual([])
    expect(stored.notes.find((n) => n.id === n1)?.personaIds).toEqual([])
    expect(stored.emotionPoints.filter((p) => p.personaId === 'p1')).toEqual([])
    // The file it makes opens again: no reference to a persona the map does not link.
    expect(() => parseInterchange(serializeInterchange(stored, [persona('p1', 'Maya')]))).not.toThrow()
    expect(a.session.state.failure).toBeNull()
    expect(content(a.map)).toEqual(content(stored))
  })
})

describe('undo over others’ changes', () => {
  it('reverts only what the step changed, leaving a field someone else changed since', async () => {
    const { host, map, a, b, n1 } = await twoClients()
    a.run('editNote', { noteId: n1, text: 'Free trial, 14 days' })
    await a.settled()
    b.run('editNote', { noteId: n1, color: '#ef9a9a' })
    await b.settled()
    expect(a.session.undo()).toBe(true)
    await a.settled()
    expect((await host.map(map.id)).notes.find((n) => n.id === n1)).toMatchObject({
      text: 'Free trial',
      color: '#ef9a9a'
    })
  })

  it('refuses to undo over text someone else typed since, and says why', async () => {
    const { host, map, a, b, n1 } = await twoClients()
    a.run('editNote', { noteId: n1, text: 'Mine' })
    await a.settled()
    b.run('editNote', { noteId: n1, text: 'Theirs, later' })
    await b.settled()
    expect(a.session.undo()).toBe(false)
    expect(a.notices.at(-1)).toEqual({
      type: 'undoFailed',
      command: 'editNote',
      reason: { code: 'changedElsewhere', entity: 'note', fields: ['text'] }
    })
    expect((await host.map(map.id)).notes.find((n) => n.id === n1)?.text).toBe('Theirs, later')
  })

  it('refuses to undo adding a note someone else has typed into since', async () => {
    const { host, map, a, b } = await twoClients([])
    a.run('addNote', { stageId: map.stages[0]!.id, laneId: map.lanes[0]!.id, text: 'Draft' })
    await a.settled()
    const id = a.map.notes[0]!.id
    b.run('editNote', { noteId: id, text: 'Draft, finished by b' })
    await b.settled()
    expect(a.session.undo()).toBe(false)
    expect((await host.map(map.id)).notes.map((n) => n.text)).toEqual(['Draft, finished by b'])
  })
})

describe('a lost connection', () => {
  it('keeps the edits, says why, and never applies an edit twice whose answer was lost', async () => {
    const { host, map, a, n1 } = await twoClients()
    a.loseNextAnswer = true
    a.run('editNote', { noteId: n1, text: 'Committed, answer lost' })
    await vi.waitFor(() => expect(a.session.state.failure).toEqual({ code: 'storage', message: LOST }))
    a.online = false
    a.run('addNote', { stageId: map.stages[2]!.id, laneId: map.lanes[0]!.id, text: 'Second' })
    await vi.waitFor(() => expect(a.session.state.sending).toBe(false))
    expect(a.session.state.unsaved).toHaveLength(2)
    const committed = await host.map(map.id)
    expect(committed.notes.find((n) => n.id === n1)?.text).toBe('Committed, answer lost')

    a.online = true
    a.session.retry()
    await a.settled()
    const stored = await host.map(map.id)
    expect(stored.revision).toBe(committed.revision + 1) // only "Second" was still to commit
    expect(stored.notes.filter((n) => n.text === 'Second')).toHaveLength(1)
    expect(content(a.map)).toEqual(content(stored))
    expect(a.session.state.recovered).toEqual([])
    expect(a.session.state.undo).toHaveLength(2)
  })
})

describe('the outbox in browser storage', () => {
  /** localStorage as a Map (the same calls the browser's has). */
  class MemoryStorage implements StorageLike {
    private readonly items = new Map<string, string>()
    get length() {
      return this.items.size
    }
    key = (i: number) => [...this.items.keys()][i] ?? null
    getItem = (k: string) => this.items.get(k) ?? null
    setItem = (k: string, v: string) => void this.items.set(k, v)
    removeItem = (k: string) => void this.items.delete(k)
  }

  it('survives the page going away: the next page takes the edits up, sends them once and says so', async () => {
    const host = new Host()
    const map = await host.createMap(['Free trial'])
    const storage = new MemoryStorage()
    let clock = 1_000_000
    const first = new Client(
      host,
      map.id,
      createOutboxKeeper(storage, 'lib', 'page-1', () => clock),
      'page-1'
    )
    await first.open()
    first.online = false
    first.run('editNote', { noteId: map.notes[0]!.id, text: 'Edited while the host was down' })
    first.run('addNote', { stageId: map.stages[1]!.id, laneId: map.lanes[0]!.id, text: 'Added while down' })
    await vi.waitFor(() => expect(first.session.state.failure).not.toBeNull())
    host.clients.delete(first) // the page is gone (crashed: no goodbye)

    // Another page while the first one may still be alive: it leaves the edits alone.
    const early = createOutboxKeeper(storage, 'lib', 'page-2', () => clock)
    expect(early.orphans().edits.size).toBe(0)
    clock += 60_000 // the first page's heartbeat is long stale
    const keeper = createOutboxKeeper(storage, 'lib', 'page-3', () => clock)
    expect(createOutboxKeeper(storage, 'another library', 'page-4', () => clock).orphans().edits.size).toBe(0)
    const orphans = keeper.orphans()
    expect(orphans.edits.get(map.id)).toHaveLength(2)
    const second = await new Client(host, map.id, keeper, 'page-3').open()
    second.session.adopt(orphans.edits.get(map.id)!)
    orphans.release([map.id])
    await second.settled()
    expect(second.notices).toContainEqual({ type: 'replayed', count: 2 })
    const stored = await host.map(map.id)
    expect(stored.notes.map((n) => n.text).sort()).toEqual(['Added while down', 'Edited while the host was down'])
    expect(second.session.state.undo).toEqual([]) // taken up, not the second page's own steps
    expect([...Array(storage.length).keys()].map((i) => storage.key(i)).filter((k) => k?.includes('outbox'))).toEqual(
      []
    )

    // Taken up twice (say, two pages raced for them): the second time changes nothing.
    const again = await new Client(host, map.id).open()
    again.session.adopt(orphans.edits.get(map.id)!)
    await again.settled()
    expect(await host.map(map.id)).toEqual(stored)
  })
})

/** A map of three notes, open in three clients. */
async function threeClients() {
  const host = new Host()
  const map = await host.createMap(['One', 'Two', 'Three'])
  const clients = [
    await new Client(host, map.id).open(),
    await new Client(host, map.id).open(),
    await new Client(host, map.id).open()
  ]
  return { host, map, clients }
}

/** Once every client has settled: each shows the library's map at its revision, nothing failed, and that map is whole. */
async function expectConverged(host: Host, mapId: string, clients: readonly Client[]): Promise<void> {
  for (const client of clients) await client.settled()
  const stored = await host.map(mapId)
  expect(checkIntegrity(stored)).toEqual([])
  for (const client of clients) {
    expect(client.session.state.failure).toBeNull()
    expect(content(client.map)).toEqual(content(stored))
    expect(client.session.state.revision).toBe(stored.revision)
  }
}

describe('many clients editing at random', () => {
  it('converge on the library’s map, whatever order the host commits their edits in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(2), fc.boolean(), stepArb), { minLength: 5, maxLength: 25 }),
        async (script) => {
          const { host, map, clients } = await threeClients()
          const held: (() => void)[] = []
          for (const [which, hold, step] of script) {
            const client = clients[which]!
            if (hold && held.length < 2) held.push(client.holdPushes())
            const args = argsFor(client.map, step)
            if (args !== null) client.session.run(step.name, [{ name: step.name, args }])
            if (!hold && held.length > 0) held.shift()!()
          }
          held.forEach((release) => release())
          await expectConverged(host, map.id, clients)
        }
      ),
      { numRuns: 40 }
    )
  })
})

describe('many clients editing at random, with faults', () => {
  it('converge after lost answers, dropped connections, held pushes and undo', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(2), fc.nat(7), stepArb), { minLength: 5, maxLength: 30 }),
        async (script) => {
          const { host, map, clients } = await threeClients()
          // Each step: a client, what goes wrong around it (0 nothing, and a held push goes on;
          // 1 its pushes wait; 2 its next answer is lost; 3 its connection drops; 4 it comes back;
          // 5 undo, 6 redo instead of the command; 7 nothing) and a random command.
          const held: (() => void)[] = []
          for (const [which, fault, step] of script) {
            const client = clients[which]!
            if (fault === 1 && held.length < 2) held.push(client.holdPushes())
            if (fault === 2) client.loseNextAnswer = true
            if (fault === 3) client.online = false
            if (fault === 4 && !client.online) {
              client.online = true
              client.session.reconnected()
            }
            if (fault === 5) client.session.undo()
            else if (fault === 6) client.session.redo()
            else {
              const args = argsFor(client.map, step)
              if (args !== null) client.session.run(step.name, [{ name: step.name, args }])
            }
            if (fault === 0 && held.length > 0) held.shift()!()
            await new Promise((r) => setTimeout(r, 0))
          }
          held.forEach((release) => release())
          // Everyone's connection is back (and stays up): once nothing is on its way, each page
          // hears that it reconnected, as the store tells it.
          for (const client of clients) {
            client.online = true
            client.loseNextAnswer = false
          }
          for (const client of clients) {
            await vi.waitFor(() => expect(client.session.state.sending).toBe(false), { timeout: 5000 })
          }
          for (const client of clients) client.session.reconnected()
          await expectConverged(host, map.id, clients)
        }
      ),
      { numRuns: 60 }
    )
  })
})
