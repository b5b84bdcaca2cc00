import { describe, expect, it } from 'vitest'
import { diffMaps, isEmptyDiff, noteTotals } from '../../src/shared/analysis/diff'
import {
  addLane,
  addNote,
  addStage,
  deleteNotes,
  deleteStage,
  editNote,
  moveNote,
  moveStage,
  renameLane,
  renameStage,
  setEmotionPoint,
  setMapMeta,
  setMetric
} from '../../src/shared/commands'
import type { JourneyMap } from '../../src/shared/model'
import { applyPatch, type Patch } from '../../src/shared/model/patch'
import { applyResult, richMap, testContext } from './fixtures'

/** Runs edits one after another, as a workshop would between a snapshot and now. */
function edit(map: JourneyMap, ...steps: ((m: JourneyMap) => { patch: Patch; inverse: Patch })[]): JourneyMap {
  return steps.reduce((m, step) => applyResult(m, step(m)), map)
}

describe('diffMaps', () => {
  it('finds nothing between a map and itself, nor a copy with other ids of the map, dates and revision', () => {
    const map = richMap()
    expect(isEmptyDiff(diffMaps(map, map))).toBe(true)
    const copy = {
      ...map,
      id: 'other',
      revision: 7,
      createdAt: '2027-01-01T00:00:00.000Z',
      updatedAt: '2027-01-01T00:00:00.000Z'
    }
    expect(isEmptyDiff(diffMaps(map, copy))).toBe(true)
  })

  it('groups notes added, removed and changed by stage, in stage order', () => {
    const ctx = testContext('new')
    const before = richMap()
    const after = edit(
      before,
      (m) => addNote(m, { stageId: 's3', laneId: 'l1', text: 'Renewal reminder' }, ctx),
      (m) => addNote(m, { stageId: 's1', laneId: 'l2', text: 'Confusing ad' }, ctx),
      (m) => deleteNotes(m, { noteIds: ['n2'] }, ctx),
      (m) => editNote(m, { noteId: 'n3', text: 'Live demo', color: '#80DEEA' }, ctx),
      (m) => editNote(m, { noteId: 'n4', kind: 'question', votes: 3 }, ctx)
    )
    const diff = diffMaps(before, after)
    expect(diff.notes.map((g) => g.stageTitle)).toEqual(['Stage 1', 'Stage 2', 'Stage 3'])
    const [s1, s2, s3] = diff.notes
    expect(s1?.added.map((n) => n.text)).toEqual(['Confusing ad'])
    expect(s1?.added[0]).toMatchObject({ stageTitle: 'Stage 1', laneTitle: 'Lane 2', kind: 'painPoint' })
    expect(s1?.removed.map((n) => n.text)).toEqual(['Email'])
    expect(s2?.changed.map((c) => [c.id, c.fields])).toEqual([
      ['n3', ['text', 'color']],
      ['n4', ['kind', 'details']]
    ])
    expect(s2?.changed[0]?.before.text).toBe('Demo')
    expect(s2?.changed[0]?.after.text).toBe('Live demo')
    expect(s3?.added.map((n) => n.text)).toEqual(['Renewal reminder'])
    expect(noteTotals(diff)).toEqual({ added: 2, removed: 1, changed: 2 })
  })

  it('reports a note moved to another cell under the stage it is in now, and ignores a reorder within a cell', () => {
    const ctx = testContext()
    const before = richMap()
    const moved = edit(before, (m) => moveNote(m, { noteId: 'n1', stageId: 's3', laneId: 'l2', index: 0 }, ctx))
    const [group] = diffMaps(before, moved).notes
    expect(group?.stageId).toBe('s3')
    expect(group?.changed[0]).toMatchObject({
      id: 'n1',
      fields: ['cell'],
      before: { stageTitle: 'Stage 1', laneTitle: 'Lane 1' },
      after: { stageTitle: 'Stage 3', laneTitle: 'Lane 2' }
    })
    const reordered = edit(before, (m) => moveNote(m, { noteId: 'n2', stageId: 's1', laneId: 'l1', index: 0 }, ctx))
    expect(isEmptyDiff(diffMaps(before, reordered))).toBe(true)
  })

  it('lists stages and lanes added, removed, renamed and reordered', () => {
    const ctx = testContext('x')
    const before = richMap()
    const after = edit(
      before,
      (m) => renameStage(m, { stageId: 's2', title: 'Trial' }, ctx),
      (m) => addStage(m, { title: 'Renewal' }, ctx),
      (m) => deleteStage(m, { stageId: 's3' }, ctx),
      (m) => renameLane(m, { laneId: 'l1', title: 'Channels' }, ctx),
      (m) => addLane(m, { kind: 'opportunities', title: 'Ideas' }, ctx)
    )
    const diff = diffMaps(before, after)
    expect(diff.stages.renamed).toEqual([{ id: 's2', title: 'Trial', before: 'Stage 2' }])
    expect(diff.stages.added.map((s) => s.title)).toEqual(['Renewal'])
    expect(diff.stages.removed).toEqual([{ id: 's3', title: 'Stage 3' }])
    expect(diff.stages.reordered).toBe(false)
    expect(diff.lanes.renamed).toEqual([{ id: 'l1', title: 'Channels', before: 'Lane 1' }])
    expect(diff.lanes.added.map((l) => l.title)).toEqual(['Ideas'])
    // The removed stage took its note with it: listed under the stage's old title, after the current stages.
    expect(diff.notes.at(-1)).toMatchObject({
      stageId: 's3',
      stageTitle: 'Stage 3',
      removed: [{ text: 'Slow support' }]
    })

    const reordered = edit(before, (m) => moveStage(m, { stageId: 's3', index: 0 }, ctx))
    const moved = diffMaps(before, reordered)
    expect(moved.stages.reordered).toBe(true)
    expect(moved.stages.added).toEqual([])
  })

  it('lists emotion changes per persona and stage, the general curve first', () => {
    const ctx = testContext('ep')
    const before = richMap()
    const after = edit(
      before,
      (m) => setEmotionPoint(m, { personaId: 'p1', stageId: 's2', score: -1 }, ctx),
      (m) => setEmotionPoint(m, { personaId: 'p1', stageId: 's1', score: 2 }, ctx),
      (m) => setEmotionPoint(m, { personaId: null, stageId: 's1', score: 1 }, ctx),
      (m) => setEmotionPoint(m, { personaId: null, stageId: 's3', score: -1 }, ctx)
    )
    expect(diffMaps(before, after).emotions).toEqual([
      { personaId: null, variant: 'asIs', stageId: 's3', stageTitle: 'Stage 3', before: null, after: -1 },
      { personaId: 'p1', variant: 'asIs', stageId: 's1', stageTitle: 'Stage 1', before: null, after: 2 },
      { personaId: 'p1', variant: 'asIs', stageId: 's2', stageTitle: 'Stage 2', before: 0.5, after: -1 }
    ])
  })

  it('reports personas unlinked (with their curves) and linked, title changes and KPI counts', () => {
    const ctx = testContext('m')
    const before = richMap()
    const after = edit(
      before,
      (m) => setMapMeta(m, { title: 'After the workshop', personaIds: ['p1', 'p9'] }, ctx),
      (m) => setMetric(m, { metricId: 'k2', value: 4 }, ctx)
    )
    const diff = diffMaps(before, after)
    expect(diff.title).toEqual({ before: 'Test map', after: 'After the workshop' })
    expect(diff.personas).toEqual({ linked: ['p9'], unlinked: ['p2'] })
    expect(diff.emotions).toEqual([
      { personaId: 'p2', variant: 'toBe', stageId: 's3', stageTitle: 'Stage 3', before: 2, after: null }
    ])
    expect(diff.markers).toEqual({ added: 0, removed: 1, changed: 0 })
    expect(diff.metrics).toEqual({ added: 0, removed: 0, changed: 1 })
    expect(isEmptyDiff(diff)).toBe(false)
  })
})

describe('setMapMeta with seedCurves', () => {
  it('gives a newly linked persona a flat as-is curve in the same patch, and one undo takes both away', () => {
    const map = richMap()
    const result = setMapMeta(map, { personaIds: ['p1', 'p2', 'p3'], seedCurves: true }, testContext('pt'))
    const linked = applyResult(map, result)
    const points = linked.emotionPoints.filter((p) => p.personaId === 'p3')
    expect(points.map((p) => [p.stageId, p.variant, p.score])).toEqual([
      ['s1', 'asIs', 0],
      ['s2', 'asIs', 0],
      ['s3', 'asIs', 0]
    ])
    expect(result.createdIds).toEqual(['pt1', 'pt2', 'pt3'])
    // p1 and p2 were linked already and keep their curves as they are.
    expect(linked.emotionPoints.filter((p) => p.personaId !== 'p3')).toEqual(map.emotionPoints)
    expect(applyPatch(linked, result.inverse)).toEqual(map)
  })

  it('leaves curves alone without seedCurves, and seeds nothing when only unlinking', () => {
    const map = richMap()
    const plain = applyResult(map, setMapMeta(map, { personaIds: ['p1', 'p2', 'p3'] }, testContext()))
    expect(plain.emotionPoints).toEqual(map.emotionPoints)
    const unlinked = applyResult(map, setMapMeta(map, { personaIds: ['p1'], seedCurves: true }, testContext()))
    expect(unlinked.emotionPoints.some((p) => p.personaId === 'p2')).toBe(false)
    expect(unlinked.emotionPoints).toHaveLength(map.emotionPoints.length - 1)
  })
})
