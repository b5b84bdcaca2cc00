/**
 * Property: for any sequence of valid patches, what the library stores and reads back equals
 * applyPatch() in memory (revision and updatedAt aside, which only the library sets).
 */
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LibraryServiceHandle } from '../../src/library'
import { openLibraryService } from '../../src/library'
import type { JourneyMap } from '../../src/shared/model'
import { checkIntegrity } from '../../src/shared/model/integrity'
import { applyPatch } from '../../src/shared/model/patch'
import { seededIds, tempDir, withoutClock, type WireOp } from './helpers'

type Action = {
  readonly kind: 'putNote' | 'deleteNote' | 'putStage' | 'deleteStage' | 'putPoint' | 'deletePoint' | 'connect' | 'mark'
  readonly pick: number
  readonly other: number
  readonly order: number
  readonly text: string
  readonly score: number
}

const actionArb: fc.Arbitrary<Action> = fc.record({
  kind: fc.constantFrom(
    'putNote',
    'putNote',
    'deleteNote',
    'putStage',
    'deleteStage',
    'putPoint',
    'deletePoint',
    'connect',
    'mark'
  ),
  pick: fc.nat(1000),
  other: fc.nat(1000),
  // -0 is left out: SQLite stores it as 0, as JSON.stringify does on every transport anyway.
  order: fc.oneof(
    fc.integer({ min: -50, max: 50 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x))
  ),
  text: fc.string({ unit: 'grapheme', maxLength: 30 }),
  score: fc.integer({ min: -4, max: 4 }).map((n) => n / 2)
})

/** A patch is 1..4 actions, each turned into ops valid against the map as the previous ones left it. */
const patchesArb = fc.array(fc.array(actionArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 25 })

function opsFor(map: JourneyMap, action: Action, fresh: (prefix: string) => string): WireOp[] {
  const at = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined)
  const stage = at(map.stages, action.pick)
  const lane = at(map.lanes, action.other)
  switch (action.kind) {
    case 'putNote': {
      if (!stage || !lane) return []
      const existing = action.other % 3 === 0 ? at(map.notes, action.pick) : undefined
      const value = {
        id: existing?.id ?? fresh('n'),
        stageId: stage.id,
        laneId: lane.id,
        order: action.order,
        text: action.text,
        color: '#abc',
        kind: 'note' as const,
        channel: action.pick % 2 ? ('web' as const) : null,
        category: null,
        personaIds: action.other % 2 ? ['p1'] : [],
        votes: action.pick % 5,
        severity: null,
        impact: null,
        effort: null
      }
      return [{ op: 'put', entity: 'note', value }]
    }
    case 'deleteNote': {
      const note = at(map.notes, action.pick)
      if (!note) return []
      return [
        { op: 'delete', entity: 'note', id: note.id },
        ...map.markers.filter((m) => m.target.kind === 'note' && m.target.noteId === note.id).map(del('marker')),
        ...map.connectors.filter((c) => c.fromNoteId === note.id || c.toNoteId === note.id).map(del('connector'))
      ]
    }
    case 'putStage': {
      const existing = action.other % 2 === 0 ? stage : undefined
      const value = {
        id: existing?.id ?? fresh('s'),
        title: action.text.trim() || 'Stage',
        prompt: '',
        order: action.order,
        width: 100 + action.other,
        collapsed: action.pick % 2 === 0
      }
      return [{ op: 'put', entity: 'stage', value }]
    }
    case 'deleteStage': {
      if (!stage || map.stages.length < 2) return []
      const notes = new Set(map.notes.filter((n) => n.stageId === stage.id).map((n) => n.id))
      return [
        { op: 'delete', entity: 'stage', id: stage.id },
        ...map.notes.filter((n) => notes.has(n.id)).map(del('note')),
        ...map.markers
          .filter((m) => (m.target.kind === 'note' ? notes.has(m.target.noteId) : m.target.stageId === stage.id))
          .map(del('marker')),
        ...map.connectors.filter((c) => notes.has(c.fromNoteId) || notes.has(c.toNoteId)).map(del('connector')),
        ...map.emotionPoints.filter((p) => p.stageId === stage.id).map(del('emotionPoint'))
      ]
    }
    case 'putPoint': {
      if (!stage) return []
      const variant = action.other % 2 ? 'toBe' : 'asIs'
      const existing = map.emotionPoints.find(
        (p) => p.stageId === stage.id && p.variant === variant && p.personaId === null
      )
      const value = {
        id: existing?.id ?? fresh('e'),
        personaId: null,
        variant,
        stageId: stage.id,
        score: action.score,
        note: action.text
      } as const
      return [{ op: 'put', entity: 'emotionPoint', value }]
    }
    case 'deletePoint': {
      const point = at(map.emotionPoints, action.pick)
      return point ? [{ op: 'delete', entity: 'emotionPoint', id: point.id }] : []
    }
    case 'connect': {
      const from = at(map.notes, action.pick)
      const to = at(map.notes, action.other)
      if (!from || !to) return []
      return [
        {
          op: 'put',
          entity: 'connector',
          value: { id: fresh('c'), fromNoteId: from.id, toNoteId: to.id, label: action.text }
        }
      ]
    }
    case 'mark': {
      const note = at(map.notes, action.other)
      const target =
        note && action.pick % 2
          ? { kind: 'note' as const, noteId: note.id }
          : stage
            ? { kind: 'curve' as const, stageId: stage.id, personaId: null, variant: 'asIs' as const }
            : undefined
      if (!target) return []
      return [
        {
          op: 'put',
          entity: 'marker',
          value: { id: fresh('m'), severity: 1 + (action.pick % 3), label: action.text, target }
        }
      ]
    }
  }
}

const del =
  (entity: 'note' | 'marker' | 'connector' | 'emotionPoint') =>
  (record: { id: string }): WireOp => ({ op: 'delete', entity, id: record.id })

describe('the library agrees with applyPatch', () => {
  let service: LibraryServiceHandle
  beforeAll(() => {
    service = openLibraryService(path.join(tempDir(), 'property.journeyboard'), { newId: seededIds('t') })
  })
  afterAll(() => service.close())

  it('stores what applyPatch computes, for random sequences of valid patches', async () => {
    await fc.assert(
      fc.asyncProperty(patchesArb, async (patches) => {
        const created = await service.call('createMap', { template: 'blank', title: 'Property' })
        // Notes may name persona p1 (opsFor): the map links it, as the commands require.
        await service.call('applyPatch', { mapId: created.id, patch: [{ op: 'meta', set: { personaIds: ['p1'] } }] })
        let model = await service.call('getMap', { id: created.id })
        let counter = 0
        const fresh = (prefix: string) => `${prefix}${++counter}`
        for (const actions of patches) {
          let working = model
          const patch: WireOp[] = []
          for (const action of actions) {
            const ops = opsFor(working, action, fresh)
            patch.push(...ops)
            working = applyPatch(working, ops)
          }
          if (patch.length === 0) continue
          expect(checkIntegrity(working)).toEqual([])
          const result = await service.call('applyPatch', { mapId: model.id, baseRevision: model.revision, patch })
          model = { ...applyPatch(model, patch), revision: result.revision, updatedAt: result.updatedAt }
          const stored = await service.call('getMap', { id: model.id })
          expect(withoutClock(stored)).toEqual(withoutClock(model))
        }
      }),
      { numRuns: 150 }
    )
  })
})
