/**
 * The library holds every write to the limits of one map (LIMITS), whatever door it came through:
 * an edit that adds the note after the last one allowed is refused like an import would be.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { serializeInterchange } from '../../src/shared/format/interchange'
import { LIMITS } from '../../src/shared/schema/entities'
import { buildMap } from '../unit/fixtures'
import { open, rejection, tempDir, type WireNote, type WireOp } from './helpers'

const note = (id: string, stageId: string, laneId: string, order: number): WireNote => ({
  id,
  stageId,
  laneId,
  order,
  text: `Note ${id}`,
  color: '#ffd966',
  kind: 'note',
  channel: null,
  category: null,
  personaIds: [],
  votes: 0,
  severity: null,
  impact: null,
  effort: null
})

describe('limits of one map in the library', () => {
  it('refuses the edit that adds one note past the limit, and takes one that makes room first', async () => {
    const service = open(path.join(tempDir(), 'lib.journeyboard'))
    const full = buildMap({
      notes: Array.from({ length: LIMITS.maxNotesPerMap }, (_, i) => ({ id: `n${i}`, order: i + 1 }))
    })
    const map = await service.call('importMap', { text: serializeInterchange(full, []) })
    expect(map.notes).toHaveLength(LIMITS.maxNotesPerMap)

    const extra: WireOp = { op: 'put', entity: 'note', value: note('extra', 's1', 'l2', 1) }
    const error = await rejection(service.call('applyPatch', { mapId: map.id, patch: [extra] }))
    const limit = `a map can have at most ${LIMITS.maxNotesPerMap.toLocaleString('en-US')} notes`
    expect(error.code).toBe('invalid_request')
    expect(error.message).toBe(`The edit is not valid: ${limit}.`)
    expect(error.issues).toMatchObject([{ path: 'patch[0]', message: limit }])
    const after = await service.call('getMap', { id: map.id })
    expect(after.revision).toBe(map.revision)
    expect(after.notes).toHaveLength(LIMITS.maxNotesPerMap)

    // Editing what is there is not adding: still fine on a full map.
    const edit: WireOp = { op: 'put', entity: 'note', value: { ...note('n3', 's1', 'l1', 4), text: 'Edited' } }
    await service.call('applyPatch', { mapId: map.id, patch: [edit] })
    const swap: WireOp[] = [{ op: 'delete', entity: 'note', id: 'n0' }, extra]
    const outcome = await service.call('applyPatch', { mapId: map.id, patch: swap })
    expect(outcome.revision).toBe(map.revision + 2)
    const notes = (await service.call('getMap', { id: map.id })).notes
    expect(notes).toHaveLength(LIMITS.maxNotesPerMap)
    expect(notes.find((n) => n.id === 'extra')).toBeDefined()
  })

  it('refuses a stage past the limit with the path of the op that adds it', async () => {
    const service = open(path.join(tempDir(), 'lib.journeyboard'))
    const stages = Array.from({ length: LIMITS.maxStagesPerMap }, (_, i) => `s${i}`)
    const map = await service.call('importMap', { text: serializeInterchange(buildMap({ stages }), []) })
    const stage = { id: 'sx', title: 'One more', prompt: '', order: 999, width: 240, collapsed: false }
    const patch: WireOp[] = [
      { op: 'meta', set: { title: 'Renamed' } },
      { op: 'put', entity: 'stage', value: stage }
    ]
    const error = await rejection(service.call('applyPatch', { mapId: map.id, patch }))
    expect(error.issues).toMatchObject([
      { path: 'patch[1]', message: `a map can have at most ${LIMITS.maxStagesPerMap} stages` }
    ])
    expect((await service.call('getMap', { id: map.id })).title).toBe(map.title)
  })

  it('refuses an import of 100,000 stages, naming the limit, and stores nothing', async () => {
    const service = open(path.join(tempDir(), 'lib.journeyboard'))
    const file = JSON.parse(serializeInterchange(buildMap(), [])) as { map: { stages: object[] } }
    const stage = file.map.stages[0]!
    file.map.stages = Array.from({ length: 100_000 }, (_, i) => ({ ...stage, id: `s${i}`, order: i }))
    const error = await rejection(service.call('importMap', { text: JSON.stringify(file) }))
    expect(error.message).toBe(
      `The file cannot be imported: map.stages: a map can have at most ${LIMITS.maxStagesPerMap} stages (this one has 100,000).`
    )
    expect(await service.call('listMaps', {})).toEqual([])
  })
})
