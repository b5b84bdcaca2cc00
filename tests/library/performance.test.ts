/**
 * Budgets from the design: loading a 2,000-note map ≤ 50 ms; committing an edit (moving one
 * note) median ≤ 2 ms and ≤ 3× a bare single-row UPDATE on the same connection. Timings are
 * printed; the assertions leave headroom for a loaded CI machine.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLibraryService, openLibraryConnection } from '../../src/library'
import { seededIds, tempDir, type WireNote, type WireOp } from './helpers'

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

describe('performance', () => {
  it('loads a 2,000-note map and commits single-note moves within budget', async () => {
    const opened = openLibraryConnection(path.join(tempDir(), 'perf.journeyboard'))
    const service = createLibraryService(opened, { newId: seededIds() })
    try {
      const map = await service.call('createMap', { template: 'saas', title: 'Big' })
      const note = (i: number): WireNote => ({
        id: `note${String(i).padStart(5, '0')}`,
        stageId: map.stages[i % map.stages.length]!.id,
        laneId: map.lanes[Math.floor(i / map.stages.length) % map.lanes.length]!.id,
        order: i,
        text: `Customer does thing number ${i} and feels something about it`,
        color: '#ffd966',
        kind: 'touchpoint',
        channel: 'web',
        category: 'marketing',
        personaIds: ['p1'],
        votes: i % 4,
        severity: null,
        impact: null,
        effort: null
      })
      const patch: WireOp[] = [
        { op: 'meta', set: { personaIds: ['p1'] } }, // the notes name p1: the map links it
        ...Array.from({ length: 2000 }, (_, i): WireOp => ({ op: 'put', entity: 'note', value: note(i) }))
      ]
      await service.call('applyPatch', { mapId: map.id, patch })

      const loads: number[] = []
      for (let i = 0; i < 25; i++) loads.push(await timeAsync(() => service.call('getMap', { id: map.id })))
      const loaded = await service.call('getMap', { id: map.id })
      expect(loaded.notes).toHaveLength(2000)

      let revision = loaded.revision
      const edits: number[] = []
      for (let i = 0; i < 300; i++) {
        const moved = { ...note(i), stageId: map.stages[(i + 1) % map.stages.length]!.id, order: 5000 + i }
        edits.push(
          await timeAsync(async () => {
            revision = (
              await service.call('applyPatch', {
                mapId: map.id,
                baseRevision: revision,
                patch: [{ op: 'put', entity: 'note', value: moved }]
              })
            ).revision
          })
        )
      }
      const bare = opened.db.prepare('UPDATE notes SET sort_order = ? WHERE map_id = ? AND id = ?')
      const updates: number[] = []
      for (let i = 0; i < 300; i++) updates.push(time(() => bare.run(9000 + i, map.id, note(i).id)))

      const result = { loadMs: median(loads), editMs: median(edits), bareUpdateMs: median(updates) }
      console.log(
        `2,000-note map: load median ${result.loadMs.toFixed(2)} ms; move-one-note commit median ${result.editMs.toFixed(3)} ms; ` +
          `bare UPDATE median ${result.bareUpdateMs.toFixed(3)} ms (ratio ${(result.editMs / result.bareUpdateMs).toFixed(2)})`
      )
      expect(result.loadMs).toBeLessThan(50)
      expect(result.editMs).toBeLessThan(2)
    } finally {
      service.close()
    }
  })
})
