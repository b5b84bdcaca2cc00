import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiEvent } from '../../src/shared/api/contract'
import { applyPatch } from '../../src/shared/model/patch'
import { everyKindPatch, open, persona, seededIds, tempDir, TestClock, withoutClock } from './helpers'

describe('a map round trip through SQLite', () => {
  it('creates every template and reads it back unchanged', async () => {
    const file = path.join(tempDir(), 'lib.journeyboard')
    const service = open(file, { newId: seededIds() })
    for (const template of ['saas', 'b2b', 'blueprint', 'blank'] as const) {
      const created = await service.call('createMap', { template, title: `  ${template} map ` })
      expect(created.title).toBe(`${template} map`)
      expect(await service.call('getMap', { id: created.id })).toEqual(created)
    }
    const summaries = await service.call('listMaps', {})
    expect(summaries).toHaveLength(4)
    expect(summaries.find((m) => m.title === 'saas map')).toMatchObject({ stageCount: 8, noteCount: 0, revision: 0 })
  })

  it('stores every kind of record and reads it back after reopening', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'lib.journeyboard')
    const clock = new TestClock()
    const first = open(file, { newId: seededIds(), now: clock.now })
    await first.call('savePersona', { persona: persona('p1', 'Maya') })
    const map = await first.call('createMap', { template: 'blank', title: 'Everything' })
    const patch = everyKindPatch(map)
    const events: ApiEvent[] = []
    first.onEvent((e) => events.push(e))
    clock.advance(60_000)
    const result = await first.call('applyPatch', { mapId: map.id, baseRevision: 0, patch }, 'window-1')
    expect(result).toEqual({ revision: 1, updatedAt: '2026-03-02T10:01:00.000Z' })
    expect(events).toEqual([{ type: 'mapChanged', mapId: map.id, revision: 1, origin: 'window-1', patch }])
    first.close()
    first.close() // safe twice

    const second = open(file)
    const stored = await second.call('getMap', { id: map.id })
    expect(stored).toEqual({ ...applyPatch(map, patch), revision: 1, updatedAt: '2026-03-02T10:01:00.000Z' })
    expect(stored.notes.map((n) => n.id)).toEqual(['n2', 'n1']) // canonical: order, then id
    expect(stored.metrics.map((m) => m.id)).toEqual(['k2', 'k1'])
  })

  it('deletes records and updates meta', async () => {
    const service = open(path.join(tempDir(), 'lib.journeyboard'), { newId: seededIds() })
    await service.call('savePersona', { persona: persona('p1', 'Maya') })
    const map = await service.call('createMap', { template: 'saas', title: 'Deletes' })
    const filled = applyPatch(map, everyKindPatch(map))
    await service.call('applyPatch', { mapId: map.id, patch: everyKindPatch(map) })
    const removal = [
      { op: 'delete', entity: 'connector', id: 'c1' },
      { op: 'delete', entity: 'marker', id: 'm1' },
      { op: 'delete', entity: 'note', id: 'n2' },
      { op: 'delete', entity: 'metric', id: 'k1' },
      { op: 'meta', set: { title: 'Renamed' } }
    ] as const
    const result = await service.call('applyPatch', { mapId: map.id, baseRevision: 1, patch: [...removal] })
    expect(result.revision).toBe(2)
    const stored = await service.call('getMap', { id: map.id })
    expect(withoutClock(stored)).toEqual(withoutClock(applyPatch(filled, removal)))
  })

  it('exports JSON and imports it into another library under the same id, with its personas', async () => {
    const dir = tempDir()
    const source = open(path.join(dir, 'a.journeyboard'), { newId: seededIds('a') })
    await source.call('savePersona', { persona: persona('p1', 'Maya') })
    const map = await source.call('createMap', { template: 'b2b', title: 'Export / me: please?' })
    await source.call('applyPatch', { mapId: map.id, patch: everyKindPatch(map) })
    const exported = await source.call('exportMapJson', { id: map.id })
    expect(exported.fileName).toBe('Export me please.json')

    const target = open(path.join(dir, 'b.journeyboard'), { newId: seededIds('b') })
    const imported = await target.call('importMap', { text: exported.text })
    const original = await source.call('getMap', { id: map.id })
    // The id is free in the other library, so the copy keeps it: when it comes back, it is recognised.
    expect(imported.id).toBe(original.id)
    expect(imported.revision).toBe(0)
    expect({ ...withoutClock(imported), id: 'x' }).toEqual({ ...withoutClock(original), id: 'x' })
    expect(await target.call('listPersonas', {})).toEqual(await source.call('listPersonas', {}))
    // Importing again gives a second map, never an overwrite.
    const again = await target.call('importMap', { text: exported.text })
    expect(again.id).not.toBe(imported.id)
    expect(await target.call('listMaps', {})).toHaveLength(2)
  })

  it('rejects an import that is not a Journeyboard file and stores nothing', async () => {
    const service = open(path.join(tempDir(), 'lib.journeyboard'))
    await expect(service.call('importMap', { text: '{"format": "other"}' })).rejects.toMatchObject({
      code: 'invalid_request'
    })
    expect(await service.call('listMaps', {})).toEqual([])
  })
})
