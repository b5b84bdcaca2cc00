/**
 * pushChanges through the real library service: the room's rules (src/shared/sync/room.ts) on a
 * real SQLite file — per-record versions, merging, conflicts, refusals — and what it announces.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { ApiEvent, ApiRequest } from '../../src/shared/api/contract'
import { parseApiCall } from '../../src/shared/api/validate'
import type { JourneyMap, Note } from '../../src/shared/model'
import { open, rejection, seededIds, tempDir } from './helpers'

type Push = ApiRequest<'pushChanges'>

async function setup() {
  const file = path.join(tempDir(), 'lib.journeyboard')
  const service = open(file, { newId: seededIds() })
  const created = await service.call('createMap', { template: 'saas', title: 'Room' })
  const stage = created.stages[0]!
  const lane = created.lanes[0]!
  const note = (id: string, text: string): Note => ({
    id,
    stageId: stage.id,
    laneId: lane.id,
    order: 1,
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
  })
  await service.call('applyPatch', {
    mapId: created.id,
    patch: [
      { op: 'put', entity: 'note', value: note('n1', 'Free trial') },
      { op: 'put', entity: 'note', value: { ...note('n2', 'Demo'), order: 2 } }
    ]
  })
  const map = await service.call('getMap', { id: created.id })
  const events: ApiEvent[] = []
  service.onEvent((e) => events.push(e))
  let count = 0
  /** A push of note changes by `client`, against `base` (default: the map's revision now). */
  const push = async (
    changes: { id: string; before: Note | null; after: Note | null }[],
    base?: number,
    client = 'a'
  ) => {
    const request: Push = {
      mapId: map.id,
      pushId: `${client}-${++count}`,
      baseRevision: base ?? (await service.call('getMap', { id: map.id })).revision,
      changes: { records: changes.map((c) => ({ entity: 'note' as const, ...c })), meta: null }
    }
    const { req } = parseApiCall('pushChanges', structuredClone(request))
    return service.call('pushChanges', req as Push, client)
  }
  const stored = async (id: string) => (await service.call('getMap', { id: map.id })).notes.find((n) => n.id === id)
  const version = (id: string) => {
    const db = new Database(file, { readonly: true })
    try {
      return db.prepare('SELECT version FROM notes WHERE map_id = ? AND id = ?').pluck().get(map.id, id) as number
    } finally {
      db.close()
    }
  }
  return { service, map, push, stored, version, events, n1: map.notes[0]!, n2: map.notes[1]! }
}

const withText = (note: Note, text: string): Note => ({ ...note, text })

describe('a push', () => {
  it('nobody else changed the note: committed as pushed, the note gets the new revision, everyone is told', async () => {
    const { map, push, version, events, n1 } = await setup()
    const result = await push([{ id: n1.id, before: n1, after: withText(n1, 'Free trial, 14 days') }])
    expect(result).toEqual({
      revision: map.revision + 1,
      updatedAt: expect.any(String),
      outcome: 'committed',
      conflicts: []
    })
    expect(version(n1.id)).toBe(map.revision + 1)
    expect(events).toEqual([
      {
        type: 'mapChanged',
        mapId: map.id,
        revision: map.revision + 1,
        origin: 'a',
        pushId: 'a-1',
        patch: [{ op: 'put', entity: 'note', value: withText(n1, 'Free trial, 14 days') }]
      }
    ])
  })

  it('someone changed another field since: merged, both changes kept, no conflict', async () => {
    const { map, push, stored, n1 } = await setup()
    await push([{ id: n1.id, before: n1, after: { ...n1, color: '#ef9a9a' } }], map.revision, 'b')
    const result = await push([{ id: n1.id, before: n1, after: withText(n1, 'Trial') }], map.revision)
    expect(result.outcome).toBe('merged')
    expect(result.conflicts).toEqual([])
    expect(result.applied).toEqual([{ op: 'put', entity: 'note', value: { ...n1, color: '#ef9a9a', text: 'Trial' } }])
    expect(await stored(n1.id)).toEqual({ ...n1, color: '#ef9a9a', text: 'Trial' })
  })

  it('someone changed the same field since: theirs stays (first committed), the pusher is told with its text', async () => {
    const { map, push, stored, events, n1 } = await setup()
    await push([{ id: n1.id, before: n1, after: withText(n1, 'Theirs') }], map.revision, 'b')
    const result = await push([{ id: n1.id, before: n1, after: { ...withText(n1, 'Mine'), votes: 3 } }], map.revision)
    expect(result.conflicts).toEqual([
      {
        kind: 'field',
        entity: 'note',
        id: n1.id,
        fields: ['text'],
        mine: { ...withText(n1, 'Mine'), votes: 3 },
        theirs: withText(n1, 'Theirs')
      }
    ])
    expect(await stored(n1.id)).toEqual({ ...withText(n1, 'Theirs'), votes: 3 })
    expect(events.at(-1)).toMatchObject({ pushId: 'a-2', patch: [{ value: { text: 'Theirs', votes: 3 } }] })
  })

  it('the note was deleted since: it stays deleted, the edit is reported with the pusher’s record; a delete wins', async () => {
    const { map, push, stored, n1, n2 } = await setup()
    await push([{ id: n1.id, before: n1, after: null }], map.revision, 'b')
    const lost = await push([{ id: n1.id, before: n1, after: withText(n1, 'Edited meanwhile') }], map.revision)
    expect(lost).toMatchObject({
      outcome: 'discarded',
      revision: map.revision + 1,
      conflicts: [{ kind: 'deleted', entity: 'note', id: n1.id, mine: withText(n1, 'Edited meanwhile') }]
    })
    expect(await stored(n1.id)).toBeUndefined()

    // The other way round: an edit committed first, then a delete made without seeing it.
    await push([{ id: n2.id, before: n2, after: withText(n2, 'Demo, booked') }], undefined, 'b')
    const deleted = await push([{ id: n2.id, before: n2, after: null }], map.revision)
    expect(deleted.conflicts).toEqual([])
    expect(await stored(n2.id)).toBeUndefined()
  })

  it('that changes nothing any more (sent again after its answer was lost) leaves the revision where it is', async () => {
    const { map, service, push, events, n1 } = await setup()
    const change = { id: n1.id, before: n1, after: withText(n1, 'Once') }
    const first = await push([change], map.revision)
    const created = { id: 'n9', before: null, after: { ...withText(n1, 'New'), id: 'n9' } }
    await push([created])
    const count = events.length
    const again = await push([change, created], map.revision)
    expect(again).toMatchObject({ outcome: 'discarded', revision: first.revision + 1, conflicts: [] })
    expect(events).toHaveLength(count)
    expect((await service.call('getMap', { id: map.id })).revision).toBe(first.revision + 1)
  })

  it('that no longer fits because of others’ changes is a conflict (rebase); the same mistake on a fresh map is invalid', async () => {
    const { map, service, push, n1 } = await setup()
    const stageId = map.stages[1]!.id
    const moved = { ...n1, stageId }
    // Someone deletes the stage the note is being moved to, after the mover last saw the map.
    const seen: JourneyMap = await service.call('getMap', { id: map.id })
    await service.call('applyPatch', { mapId: map.id, patch: [{ op: 'delete', entity: 'stage', id: stageId }] })
    const stale = await rejection(push([{ id: n1.id, before: n1, after: moved }], seen.revision))
    expect(stale.code).toBe('conflict')
    const fresh = await rejection(push([{ id: n1.id, before: n1, after: moved }]))
    expect(fresh.code).toBe('invalid_request')
    expect(fresh.issues).toContainEqual({
      path: 'changes.records[0].after.stageId',
      message: `note "${n1.id}" refers to stage "${stageId}", which is not in this map`
    })
    expect((await service.call('getMap', { id: map.id })).notes.find((n) => n.id === n1.id)).toEqual(n1)
  })

  it('is refused with a message naming the place when its shape is wrong', () => {
    const base = { mapId: 'm1', pushId: 'p-1', baseRevision: 0 }
    const note = {
      id: 'n1',
      stageId: 's',
      laneId: 'l',
      order: 1,
      text: 'x',
      color: '#fff',
      kind: 'note',
      channel: null,
      category: null,
      personaIds: [],
      votes: 0,
      severity: null,
      impact: null,
      effort: null
    }
    const refused = (changes: unknown, extra: object = {}) => {
      try {
        parseApiCall('pushChanges', { ...base, ...extra, changes })
      } catch (error) {
        return (error as { message: string }).message
      }
      return 'accepted'
    }
    expect(refused({ records: [], meta: null })).toMatch(/changes: the push changes nothing/)
    expect(refused({ records: [{ entity: 'note', id: 'n1', before: null, after: null }], meta: null })).toMatch(
      /changes\.records\[0\]: before and after are both empty/
    )
    expect(refused({ records: [{ entity: 'note', id: 'n2', before: null, after: note }], meta: null })).toMatch(
      /carry the change’s id/
    )
    expect(
      refused({
        records: [
          { entity: 'note', id: 'n1', before: null, after: note },
          { entity: 'note', id: 'n1', before: note, after: null }
        ],
        meta: null
      })
    ).toMatch(/a record appears twice/)
    expect(
      refused({ records: [{ entity: 'note', id: 'n1', before: null, after: { ...note, text: 5 } }], meta: null })
    ).toMatch(/changes\.records\[0\]\.after\.text/)
    expect(refused({ records: [], meta: { before: { title: 'A' }, after: { description: 'B' } } })).toMatch(
      /same, non-empty list of fields/
    )
    expect(
      refused({ records: [], meta: { before: { title: 'A' }, after: { title: 'B' } } }, { pushId: 'bad id!' })
    ).toMatch(/pushId/)
    expect(refused({ records: [], meta: { before: { title: 'A' }, after: { title: 'B' } } })).toBe('accepted')
  })

  it('merges the map’s own fields the same way', async () => {
    const { map, service } = await setup()
    const meta = (before: object, after: object, pushId: string) =>
      service.call(
        'pushChanges',
        parseApiCall('pushChanges', {
          mapId: map.id,
          pushId,
          baseRevision: map.revision,
          changes: { records: [], meta: { before, after } }
        }).req as Push
      )
    await meta({ title: 'Room' }, { title: 'Room A' }, 'b-1')
    const result = await meta(
      { title: 'Room', description: '' },
      { title: 'Room B', description: 'Scope: onboarding' },
      'a-1'
    )
    expect(result.conflicts).toEqual([
      {
        kind: 'field',
        entity: 'map',
        id: map.id,
        fields: ['title'],
        mine: { title: 'Room B', description: 'Scope: onboarding' },
        theirs: { title: 'Room A', description: '' }
      }
    ])
    const stored = await service.call('getMap', { id: map.id })
    expect([stored.title, stored.description]).toEqual(['Room A', 'Scope: onboarding'])
  })
})

describe('a read-only library', () => {
  it('refuses pushes', async () => {
    const file = path.join(tempDir(), 'ro.journeyboard')
    const writable = open(file)
    const map = await writable.call('createMap', { template: 'blank', title: 'Read only' })
    writable.close()
    const service = open(file, { readOnly: true })
    const error = await rejection(
      service.call('pushChanges', {
        mapId: map.id,
        pushId: 'p-1',
        baseRevision: 0,
        changes: { records: [], meta: { before: { title: 'Read only' }, after: { title: 'Changed' } } }
      })
    )
    expect(error.code).toBe('read_only')
  })
})
