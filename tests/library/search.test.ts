import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseApiCall } from '../../src/shared/api/validate'
import type { JourneyMap } from '../../src/shared/model'
import { open, seededIds, tempDir, TestClock, type WireOp } from './helpers'

function setup() {
  const clock = new TestClock()
  const service = open(path.join(tempDir(), 'lib.journeyboard'), { newId: seededIds(), now: clock.now })
  return { service, clock }
}

/** Notes on the given stages (by index) of the first lane. */
function notes(map: JourneyMap, texts: readonly (readonly [number, string])[]): WireOp[] {
  const stages = [...map.stages].sort((a, b) => a.order - b.order)
  const lane = map.lanes[0]!
  return texts.map(([stage, text], i) => ({
    op: 'put',
    entity: 'note',
    value: {
      id: `n${i + 1}`,
      stageId: stages[stage]!.id,
      laneId: lane.id,
      order: i + 1,
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
  }))
}

describe('searchMaps', () => {
  it('finds maps by title and by note text, ignoring case and accents, with an excerpt of the first matching note', async () => {
    const { service, clock } = setup()
    const pricing = await service.call('createMap', { template: 'saas', title: 'Pricing review' })
    clock.advance(1000)
    const cafe = await service.call('createMap', { template: 'blank', title: 'Café onboarding' })
    await service.call('applyPatch', {
      mapId: cafe.id,
      patch: notes(cafe, [
        [0, 'Barista greets the guest'],
        [1, 'The PRICING board above the counter is hard to read from the queue, so people ask twice'],
        [2, 'Pricing again']
      ])
    })
    clock.advance(1000)
    await service.call('createMap', { template: 'blank', title: 'Unrelated' })

    const hits = await service.call('searchMaps', { query: '  pricing ' })
    expect(hits).toEqual([
      {
        id: cafe.id,
        inTitle: false,
        noteMatches: 2,
        excerpt: 'The PRICING board above the counter is hard to read…'
      },
      { id: pricing.id, inTitle: true, noteMatches: 0, excerpt: null }
    ])
    expect((await service.call('searchMaps', { query: 'CAFE' })).map((h) => h.id)).toEqual([cafe.id])
    expect(await service.call('searchMaps', { query: 'barista greets' })).toEqual([
      { id: cafe.id, inTitle: false, noteMatches: 1, excerpt: 'Barista greets the guest' }
    ])
    expect(await service.call('searchMaps', { query: '   ' })).toEqual([])
  })

  it('finds text in any script and leaves out maps in the trash', async () => {
    const { service } = setup()
    const map = await service.call('createMap', { template: 'blank', title: 'Онбординг' })
    await service.call('applyPatch', { mapId: map.id, patch: notes(map, [[0, '需要了解整个客户旅程']]) })
    expect((await service.call('searchMaps', { query: 'онбординг' })).map((h) => h.id)).toEqual([map.id])
    expect((await service.call('searchMaps', { query: '客户旅程' }))[0]).toMatchObject({ noteMatches: 1 })
    await service.call('trashMap', { id: map.id })
    expect(await service.call('searchMaps', { query: 'онбординг' })).toEqual([])
  })

  it('refuses a query longer than the limit, saying so', () => {
    expect(() => parseApiCall('searchMaps', { query: 'x'.repeat(121) })).toThrow(/longer than 120 characters/)
  })
})

describe('listMaps previews', () => {
  it('counts the notes of each stage, stages left to right, also in the trash', async () => {
    const { service } = setup()
    const map = await service.call('createMap', { template: 'blank', title: 'Counts' })
    await service.call('applyPatch', {
      mapId: map.id,
      patch: notes(map, [
        [2, 'a'],
        [2, 'b'],
        [0, 'c']
      ])
    })
    expect((await service.call('listMaps', {}))[0]).toMatchObject({ noteCount: 3, notesPerStage: [1, 0, 2] })
    await service.call('trashMap', { id: map.id })
    expect((await service.call('listTrash', {}))[0]).toMatchObject({ notesPerStage: [1, 0, 2] })
  })
})
