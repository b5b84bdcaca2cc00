import { describe, expect, it } from 'vitest'
import {
  addLane,
  addStage,
  collapseLane,
  collapseStage,
  deleteLane,
  deleteStage,
  moveLane,
  moveStage,
  orderedLanes,
  orderedStages,
  renameLane,
  renameStage,
  resizeLane,
  resizeStage
} from '../../src/shared/commands'
import { applyResult, buildMap, richMap, testContext } from './fixtures'

const stageIds = (map: ReturnType<typeof buildMap>) => orderedStages(map).map((s) => s.id)
const laneIds = (map: ReturnType<typeof buildMap>) => orderedLanes(map).map((l) => l.id)

describe('stages', () => {
  it('addStage appends or inserts, trimming the title', () => {
    const map = buildMap()
    const result = addStage(map, { title: '  Renewal ' }, testContext())
    const next = applyResult(map, result)
    expect(stageIds(next)).toEqual(['s1', 's2', 's3', 'id1'])
    expect(next.stages.find((s) => s.id === 'id1')).toMatchObject({ title: 'Renewal', width: 240, order: 4 })
    const inserted = applyResult(map, addStage(map, { title: 'Trial', index: 1, width: 5000 }, testContext()))
    expect(stageIds(inserted)).toEqual(['s1', 'id1', 's2', 's3'])
    expect(inserted.stages.find((s) => s.id === 'id1')?.width).toBe(2000)
  })

  it('addStage and renameStage refuse empty titles', () => {
    const map = buildMap()
    expect(() => addStage(map, { title: '   ' }, testContext())).toThrow(
      'Invalid arguments for addStage: title: must not be empty.'
    )
    expect(() => renameStage(map, { stageId: 's1', title: '' }, testContext())).toThrow(/title: must not be empty/)
  })

  it('renameStage changes title and prompt', () => {
    const map = buildMap()
    const next = applyResult(
      map,
      renameStage(map, { stageId: 's2', title: 'Onboarding', prompt: 'First value?' }, testContext())
    )
    expect(next.stages.find((s) => s.id === 's2')).toMatchObject({ title: 'Onboarding', prompt: 'First value?' })
  })

  it('moveStage reorders with one write, and no write when in place', () => {
    const map = buildMap()
    const result = moveStage(map, { stageId: 's3', index: 0 }, testContext())
    expect(result.patch).toHaveLength(1)
    expect(stageIds(applyResult(map, result))).toEqual(['s3', 's1', 's2'])
    expect(stageIds(applyResult(map, moveStage(map, { stageId: 's1', index: 9 }, testContext())))).toEqual([
      's2',
      's3',
      's1'
    ])
    expect(moveStage(map, { stageId: 's2', index: 1 }, testContext()).history).toBe(false)
  })

  it('resizeStage clamps and rounds; collapseStage folds', () => {
    const map = buildMap()
    const small = applyResult(map, resizeStage(map, { stageId: 's1', width: 3.7 }, testContext()))
    expect(small.stages.find((s) => s.id === 's1')?.width).toBe(80)
    const wide = applyResult(map, resizeStage(map, { stageId: 's1', width: 321.4 }, testContext()))
    expect(wide.stages.find((s) => s.id === 's1')?.width).toBe(321)
    expect(() => resizeStage(map, { stageId: 's1', width: Number.NaN }, testContext())).toThrow(/width/)
    const folded = applyResult(map, collapseStage(map, { stageId: 's2', collapsed: true }, testContext()))
    expect(folded.stages.find((s) => s.id === 's2')?.collapsed).toBe(true)
  })

  it('deleteStage cascades to its notes, points, markers, KPIs and connectors', () => {
    const map = richMap()
    const result = deleteStage(map, { stageId: 's2' }, testContext())
    const next = applyResult(map, result)
    expect(stageIds(next)).toEqual(['s1', 's3'])
    expect(next.notes.map((n) => n.id).sort()).toEqual(['n1', 'n2', 'n5'])
    expect(next.emotionPoints.map((p) => p.id)).toEqual(['e1', 'e4'])
    expect(next.markers.map((m) => m.id)).toEqual(['m3'])
    expect(next.metrics.map((m) => m.id)).toEqual(['k1'])
    expect(next.connectors).toEqual([])
  })

  it('deleteStage keeps the last stage', () => {
    const map = buildMap({ stages: ['only'] })
    expect(() => deleteStage(map, { stageId: 'only' }, testContext())).toThrow(/at least one stage/)
    expect(() => deleteStage(map, { stageId: 'ghost' }, testContext())).toThrow(/no stage "ghost"/)
  })
})

describe('lanes', () => {
  it('addLane takes a kind and a default height by kind', () => {
    const map = buildMap()
    const next = applyResult(map, addLane(map, { title: 'Feelings', kind: 'emotions', index: 0 }, testContext()))
    expect(laneIds(next)).toEqual(['id1', 'l1', 'l2'])
    expect(next.lanes.find((l) => l.id === 'id1')).toMatchObject({ kind: 'emotions', height: 180, order: 0 })
    expect(() => addLane(map, { title: 'X', kind: 'moods' as never }, testContext())).toThrow(/kind/)
  })

  it('renames, moves, resizes and collapses', () => {
    let map = buildMap()
    map = applyResult(map, renameLane(map, { laneId: 'l1', title: 'Channels' }, testContext()))
    map = applyResult(map, moveLane(map, { laneId: 'l1', index: 1 }, testContext()))
    map = applyResult(map, resizeLane(map, { laneId: 'l1', height: 10 }, testContext()))
    map = applyResult(map, collapseLane(map, { laneId: 'l2', collapsed: true }, testContext()))
    expect(laneIds(map)).toEqual(['l2', 'l1'])
    expect(map.lanes.find((l) => l.id === 'l1')).toMatchObject({ title: 'Channels', height: 40 })
    expect(map.lanes.find((l) => l.id === 'l2')?.collapsed).toBe(true)
  })

  it('deleteLane cascades to its notes and their attachments, and keeps the last lane', () => {
    const map = richMap()
    const next = applyResult(map, deleteLane(map, { laneId: 'l2' }, testContext()))
    expect(next.notes.map((n) => n.id).sort()).toEqual(['n1', 'n2', 'n3'])
    expect(next.markers.map((m) => m.id)).toEqual(['m2', 'm3'])
    expect(next.connectors.map((c) => c.id)).toEqual(['c1'])
    const single = buildMap({ lanes: ['l1'] })
    expect(() => deleteLane(single, { laneId: 'l1' }, testContext())).toThrow(/at least one lane/)
  })
})
