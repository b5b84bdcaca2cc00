import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiEvent } from '../../src/shared/api/contract'
import { LIMITS } from '../../src/shared/schema/entities'
import { everyKindPatch, open, persona, rejection, seededIds, tempDir, TestClock, withoutClock } from './helpers'

function setup() {
  const clock = new TestClock()
  const service = open(path.join(tempDir(), 'lib.journeyboard'), { newId: seededIds(), now: clock.now })
  const events: ApiEvent[] = []
  service.onEvent((e) => events.push(e))
  return { service, clock, events }
}

describe('trash', () => {
  it('moves maps to the trash, restores them, and empties it for good', async () => {
    const { service, clock, events } = setup()
    const a = await service.call('createMap', { template: 'blank', title: 'A' })
    const b = await service.call('createMap', { template: 'blank', title: 'B' })
    await service.call('createSnapshot', { mapId: a.id, name: 'first' })
    clock.advance(1000)
    expect(await service.call('trashMap', { id: a.id })).toBeNull()
    expect((await service.call('listMaps', {})).map((m) => m.id)).toEqual([b.id])
    expect(await service.call('listTrash', {})).toEqual([
      expect.objectContaining({ id: a.id, title: 'A', deletedAt: '2026-03-02T10:00:01.000Z', stageCount: 3 })
    ])
    expect((await service.call('getMap', { id: a.id })).title).toBe('A') // still viewable from the trash

    await service.call('restoreMap', { id: a.id })
    expect((await service.call('listMaps', {})).map((m) => m.title).sort()).toEqual(['A', 'B'])
    expect(await service.call('listTrash', {})).toEqual([])

    const [snapshot] = await service.call('listSnapshots', { mapId: a.id })
    await service.call('trashMap', { id: a.id })
    expect(await service.call('emptyTrash', {})).toEqual({ removed: 1 })
    expect(await service.call('emptyTrash', {})).toEqual({ removed: 0 })
    expect((await rejection(service.call('getMap', { id: a.id }))).code).toBe('not_found')
    expect((await rejection(service.call('getSnapshot', { id: snapshot!.id }))).code).toBe('not_found')
    expect((await rejection(service.call('restoreMap', { id: a.id }))).code).toBe('not_found')
    expect(events.every((e) => e.type === 'libraryChanged')).toBe(true)
    expect(events).toHaveLength(7) // 2 creates, snapshot, trash, restore, trash, empty
  })
})

describe('copies and snapshots', () => {
  it('duplicates a map under a new id with " (copy)" or the given title', async () => {
    const { service } = setup()
    await service.call('savePersona', { persona: persona('p1', 'Maya') })
    const map = await service.call('createMap', { template: 'saas', title: 'Original' })
    await service.call('applyPatch', { mapId: map.id, patch: everyKindPatch(map) })
    const source = await service.call('getMap', { id: map.id })
    const copy = await service.call('duplicateMap', { id: map.id })
    expect(copy.title).toBe('Original (copy)')
    expect(copy.id).not.toBe(map.id)
    expect(copy.revision).toBe(0)
    expect({ ...withoutClock(copy), id: '', title: '', createdAt: '' }).toEqual({
      ...withoutClock(source),
      id: '',
      title: '',
      createdAt: ''
    })
    expect((await service.call('duplicateMap', { id: map.id, title: ' Named ' })).title).toBe('Named')
    const long = await service.call('createMap', { template: 'blank', title: 'L'.repeat(LIMITS.title) })
    const longCopy = await service.call('duplicateMap', { id: long.id })
    expect(longCopy.title).toHaveLength(LIMITS.title)
    expect(longCopy.title.endsWith(' (copy)')).toBe(true)
  })

  it('freezes a map in a snapshot and restores it as a new map', async () => {
    const { service, clock } = setup()
    await service.call('savePersona', { persona: persona('p1', 'Maya') })
    const map = await service.call('createMap', { template: 'saas', title: 'Workshop' })
    await service.call('applyPatch', { mapId: map.id, patch: everyKindPatch(map) })
    const frozen = await service.call('getMap', { id: map.id })
    const info = await service.call('createSnapshot', { mapId: map.id, name: ' before workshop ' })
    expect(info).toEqual({
      id: info.id,
      mapId: map.id,
      name: 'before workshop',
      createdAt: clock.now().toISOString(),
      noteCount: 2
    })
    clock.advance(60_000)
    await service.call('applyPatch', { mapId: map.id, patch: [{ op: 'delete', entity: 'connector', id: 'c1' }] })
    const later = await service.call('createSnapshot', { mapId: map.id, name: 'after' })
    expect((await service.call('listSnapshots', { mapId: map.id })).map((s) => s.name)).toEqual([
      'after',
      'before workshop'
    ])
    expect(await service.call('getSnapshot', { id: info.id })).toEqual(frozen)
    expect((await service.call('getSnapshot', { id: later.id })).connectors).toEqual([])

    const restored = await service.call('restoreSnapshot', { id: info.id })
    expect(restored.title).toBe('Workshop (restored before workshop)')
    expect(restored.id).not.toBe(map.id)
    expect({ ...withoutClock(restored), id: '', title: '', createdAt: '' }).toEqual({
      ...withoutClock(frozen),
      id: '',
      title: '',
      createdAt: ''
    })
    expect((await service.call('getMap', { id: map.id })).connectors).toEqual([]) // the original is untouched
    expect((await rejection(service.call('listSnapshots', { mapId: 'missing' }))).code).toBe('not_found')
  })
})

describe('personas', () => {
  it('upserts, lists by name, and refuses to delete one a map still links', async () => {
    const { service, clock } = setup()
    const maya = persona('p1', 'Maya')
    expect(await service.call('savePersona', { persona: maya })).toEqual({
      ...maya,
      updatedAt: clock.now().toISOString()
    })
    await service.call('savePersona', { persona: persona('p2', 'Ahmed') })
    clock.advance(5000)
    const renamed = await service.call('savePersona', {
      persona: { ...maya, name: 'Maya R.', createdAt: '2030-01-01T00:00:00.000Z' }
    })
    expect(renamed.createdAt).toBe(maya.createdAt) // the first save decides when it was created
    expect(renamed.updatedAt).toBe(clock.now().toISOString())
    expect((await service.call('listPersonas', {})).map((p) => p.name)).toEqual(['Ahmed', 'Maya R.'])

    const map = await service.call('createMap', { template: 'blank', title: 'Linked map' })
    await service.call('applyPatch', { mapId: map.id, patch: [{ op: 'meta', set: { personaIds: ['p1'] } }] })
    await service.call('trashMap', { id: map.id })
    const refused = await rejection(service.call('deletePersona', { id: 'p1' }))
    expect(refused.code).toBe('conflict')
    expect(refused.message).toBe(
      'The persona "Maya R." is used by "Linked map" (in the trash); remove it from that map first.'
    )

    await service.call('restoreMap', { id: map.id })
    await service.call('applyPatch', { mapId: map.id, patch: [{ op: 'meta', set: { personaIds: [] } }] })
    expect(await service.call('deletePersona', { id: 'p1' })).toBeNull()
    expect((await service.call('listPersonas', {})).map((p) => p.id)).toEqual(['p2'])
    expect((await rejection(service.call('deletePersona', { id: 'p1' }))).code).toBe('not_found')
  })
})
