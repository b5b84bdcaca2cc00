import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibraryConnection, createLibraryService } from '../../src/library'
import type { ApiEvent } from '../../src/shared/api/contract'
import { open, rejection, seededIds, tempDir, wireNote as note, type WireNote, type WireOp } from './helpers'

const putNote = (value: WireNote): WireOp => ({ op: 'put', entity: 'note', value })

async function setup() {
  const service = open(path.join(tempDir(), 'lib.journeyboard'), { newId: seededIds() })
  const map = await service.call('createMap', { template: 'saas', title: 'Edits' })
  await service.call('applyPatch', { mapId: map.id, patch: [putNote(note(map, 'n1'))] })
  return { service, map, saved: await service.call('getMap', { id: map.id }) }
}

describe('applyPatch', () => {
  it('refuses an edit made on an older revision (conflict) and changes nothing', async () => {
    const { service, map, saved } = await setup()
    const error = await rejection(
      service.call('applyPatch', { mapId: map.id, baseRevision: 0, patch: [{ op: 'meta', set: { title: 'Late' } }] })
    )
    expect(error.code).toBe('conflict')
    expect(await service.call('getMap', { id: map.id })).toEqual(saved)
  })

  it('rejects a note on a stage that is not in the map, atomically', async () => {
    const { service, map, saved } = await setup()
    const events: ApiEvent[] = []
    service.onEvent((e) => events.push(e))
    const error = await rejection(
      service.call('applyPatch', {
        mapId: map.id,
        patch: [
          { op: 'meta', set: { title: 'Should not stick' } },
          putNote(note(map, 'n2', { text: 'fine' })),
          putNote(note(map, 'n3', { stageId: 'nowhere' }))
        ]
      })
    )
    expect(error.code).toBe('invalid_request')
    expect(error.message).toBe('The edit refers to stage "nowhere" that is not in this map.')
    expect(error.issues).toMatchObject([
      { path: 'patch[2].value.stageId', message: 'note "n3" refers to stage "nowhere", which is not in this map' }
    ])
    expect(await service.call('getMap', { id: map.id })).toEqual(saved)
    expect(events).toEqual([])
  })

  it('rejects references no foreign key holds: path steps, path tags and persona links, naming each', async () => {
    const { service, map, saved } = await setup()
    const [s0, s1] = map.stages
    const path = { id: 'pA', name: 'A', color: '#2563eb', order: 1, steps: [{ stageId: s0!.id, event: '' }] }
    const refused = async (patch: WireOp[]) => {
      const error = await rejection(service.call('applyPatch', { mapId: map.id, patch }))
      expect(error.code).toBe('invalid_request')
      expect(error.reason?.id).toBe('library.editInvalid')
      expect(await service.call('getMap', { id: map.id })).toEqual(saved)
      return error.issues
    }
    expect(
      await refused([
        { op: 'put', entity: 'path', value: { ...path, steps: [...path.steps, { stageId: 'gone', event: '' }] } }
      ])
    ).toEqual([
      { path: 'patch[0].value.steps[1].stageId', message: 'path "pA" refers to stage "gone", which is not in this map' }
    ])
    expect(await refused([putNote(note(map, 'n2', { pathId: 'nowhere' }))])).toEqual([
      { path: 'patch[0].value.pathId', message: 'note "n2" refers to path "nowhere", which is not in this map' }
    ])
    expect(await refused([putNote(note(map, 'n2', { personaIds: ['p9'] }))])).toEqual([
      { path: 'patch[0].value.personaIds[0]', message: 'note "n2" refers to persona "p9", which the map does not link' }
    ])

    // With the path and the link in place they are fine; taking either away from under them is not.
    await service.call('applyPatch', {
      mapId: map.id,
      patch: [
        { op: 'meta', set: { personaIds: ['p9'] } },
        { op: 'put', entity: 'path', value: { ...path, steps: [...path.steps, { stageId: s1!.id, event: '' }] } },
        putNote(note(map, 'n2', { pathId: 'pA', personaIds: ['p9'] }))
      ]
    })
    const linked = await service.call('getMap', { id: map.id })
    const again = async (patch: WireOp[]) =>
      (await rejection(service.call('applyPatch', { mapId: map.id, patch }))).issues.map((i) => i.message)
    expect(await again([{ op: 'delete', entity: 'path', id: 'pA' }])).toEqual([
      'note "n2" refers to path "pA", which is not in this map'
    ])
    expect(await again([{ op: 'meta', set: { personaIds: [] } }])).toEqual([
      'note "n2" refers to persona "p9", which the map does not link'
    ])
    expect(
      await again([
        { op: 'delete', entity: 'note', id: 'n1' },
        { op: 'delete', entity: 'stage', id: s0!.id }
      ])
    ).toEqual([`path "pA" refers to stage "${s0!.id}", which is not in this map`])
    expect(await service.call('getMap', { id: map.id })).toEqual(linked)
  })

  it('rejects deleting a stage that still has notes, and accepts it with its notes in any op order', async () => {
    const { service, map } = await setup()
    const stageId = map.stages[0]!.id
    const error = await rejection(
      service.call('applyPatch', { mapId: map.id, patch: [{ op: 'delete', entity: 'stage', id: stageId }] })
    )
    expect(error.code).toBe('invalid_request')
    expect(error.message).toContain(`stage "${stageId}"`)
    expect(error.issues[0]?.path).toBe('patch[0]')
    // Children after their parent, and a new parent after its children: both fine.
    await service.call('applyPatch', {
      mapId: map.id,
      patch: [
        putNote(note(map, 'n9', { stageId: 'later' })),
        { op: 'delete', entity: 'stage', id: stageId },
        { op: 'delete', entity: 'note', id: 'n1' },
        { op: 'put', entity: 'stage', value: { ...map.stages[0]!, id: 'later', order: 99 } }
      ]
    })
    const stored = await service.call('getMap', { id: map.id })
    expect(stored.stages.at(-1)?.id).toBe('later')
    expect(stored.notes.map((n) => n.id)).toEqual(['n9'])
  })

  it('rejects ids used twice in a map, two points in one series slot, and scores off the scale', async () => {
    const { service, map, saved } = await setup()
    const stageId = map.stages[1]!.id
    const point = { id: 'e1', personaId: null, variant: 'asIs', stageId, score: 2, note: '' } as const
    const cases: WireOp[][] = [
      [{ op: 'put', entity: 'lane', value: { ...map.lanes[0]!, id: 'n1' } }],
      [
        { op: 'put', entity: 'emotionPoint', value: point },
        { op: 'put', entity: 'emotionPoint', value: { ...point, id: 'e2' } }
      ],
      [{ op: 'put', entity: 'emotionPoint', value: { ...point, score: 7 } }]
    ]
    for (const patch of cases) {
      const error = await rejection(service.call('applyPatch', { mapId: map.id, patch }))
      expect(error.code).toBe('invalid_request')
    }
    await service.call('applyPatch', { mapId: map.id, patch: [{ op: 'put', entity: 'emotionPoint', value: point }] })
    const narrow = await rejection(
      service.call('applyPatch', { mapId: map.id, patch: [{ op: 'meta', set: { emotionScale: { min: -1, max: 1 } } }] })
    )
    expect(narrow.code).toBe('invalid_request')
    const stored = await service.call('getMap', { id: map.id })
    expect(stored.emotionPoints).toEqual([point])
    expect(stored.revision).toBe(saved.revision + 1)
  })

  it('lets a point move into the slot another point leaves in the same patch', async () => {
    const { service, map } = await setup()
    const [a, b] = map.stages
    const p = (id: string, stageId: string) => ({
      id,
      personaId: null,
      variant: 'asIs' as const,
      stageId,
      score: 0,
      note: ''
    })
    await service.call('applyPatch', {
      mapId: map.id,
      patch: [
        { op: 'put', entity: 'emotionPoint', value: p('e1', a!.id) },
        { op: 'put', entity: 'emotionPoint', value: p('e2', b!.id) }
      ]
    })
    await service.call('applyPatch', {
      mapId: map.id,
      patch: [
        { op: 'put', entity: 'emotionPoint', value: p('e3', a!.id) },
        { op: 'delete', entity: 'emotionPoint', id: 'e1' }
      ]
    })
    expect((await service.call('getMap', { id: map.id })).emotionPoints.map((x) => x.id)).toEqual(['e2', 'e3'])
  })

  it('refuses to edit a map in the trash or one that does not exist', async () => {
    const { service, map } = await setup()
    await service.call('trashMap', { id: map.id })
    const patch: WireOp[] = [{ op: 'meta', set: { title: 'x' } }]
    expect((await rejection(service.call('applyPatch', { mapId: map.id, patch }))).code).toBe('conflict')
    expect((await rejection(service.call('applyPatch', { mapId: 'missing', patch }))).code).toBe('not_found')
  })

  it('reports a full disk, keeps what was saved, and stays usable', async () => {
    const file = path.join(tempDir(), 'lib.journeyboard')
    const opened = openLibraryConnection(file)
    const service = createLibraryService(opened, { newId: seededIds() })
    try {
      const map = await service.call('createMap', { template: 'saas', title: 'Full' })
      await service.call('applyPatch', { mapId: map.id, patch: [putNote(note(map, 'kept'))] })
      const saved = await service.call('getMap', { id: map.id })
      const pages = opened.db.pragma('page_count', { simple: true }) as number
      opened.db.pragma(`max_page_count = ${pages}`)
      const big = Array.from({ length: 300 }, (_, i) => putNote(note(map, `big${i}`, { text: 'x'.repeat(2000) })))
      const error = await rejection(service.call('applyPatch', { mapId: map.id, patch: big }))
      expect(error.code).toBe('disk_full')
      expect(error.message).toMatch(/^The disk is full: the last edit was not saved\./)
      expect(await service.call('getMap', { id: map.id })).toEqual(saved)

      opened.db.pragma('max_page_count = 1073741823')
      const result = await service.call('applyPatch', {
        mapId: map.id,
        baseRevision: saved.revision,
        patch: big.slice(0, 5)
      })
      expect(result.revision).toBe(saved.revision + 1)
      expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      service.close()
    }
  })
})
