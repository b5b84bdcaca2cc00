import { describe, expect, it } from 'vitest'
import {
  addMarker,
  connect,
  disconnect,
  editMarker,
  relabelConnector,
  removeEmotionPoint,
  removeMarker,
  removeMetric,
  setEmotionPoint,
  setMapMeta,
  setMetric,
  stageMetrics
} from '../../src/shared/commands'
import { applyResult, buildMap, richMap, testContext } from './fixtures'

describe('emotion points', () => {
  it('setEmotionPoint creates a point, clamped to the scale', () => {
    const map = buildMap({ personaIds: ['p1'] })
    const result = setEmotionPoint(map, { personaId: 'p1', stageId: 's2', score: 7 }, testContext())
    expect(result.createdIds).toEqual(['id1'])
    const next = applyResult(map, result)
    expect(next.emotionPoints).toEqual([
      { id: 'id1', personaId: 'p1', variant: 'asIs', stageId: 's2', score: 2, note: '' }
    ])
  })

  it('setEmotionPoint updates the existing point of the series and keeps its note', () => {
    const map = buildMap({ emotionPoints: [{ id: 'e', stageId: 's1', score: 1, note: 'happy' }] })
    const result = setEmotionPoint(map, { stageId: 's1', score: -0.25 }, testContext())
    expect(result.createdIds).toEqual([])
    const next = applyResult(map, result)
    expect(next.emotionPoints).toEqual([{ ...map.emotionPoints[0], score: -0.25 }])
    const zero = applyResult(map, setEmotionPoint(map, { stageId: 's1', score: -0 }, testContext()))
    expect(Object.is(zero.emotionPoints[0]?.score, 0)).toBe(true) // never -0, which JSON would turn into 0
  })

  it('refuses NaN scores, unknown stages and unlinked personas', () => {
    const map = buildMap()
    expect(() => setEmotionPoint(map, { stageId: 's1', score: Number.NaN }, testContext())).toThrow(
      'Invalid arguments for setEmotionPoint: score: score must be a finite number.'
    )
    expect(() => setEmotionPoint(map, { stageId: 's1', score: Infinity }, testContext())).toThrow(/finite/)
    expect(() => setEmotionPoint(map, { stageId: 'x', score: 0 }, testContext())).toThrow(/no stage "x"/)
    expect(() => setEmotionPoint(map, { personaId: 'p9', stageId: 's1', score: 0 }, testContext())).toThrow(
      /not linked/
    )
  })

  it('removeEmotionPoint takes the markers on that point with it', () => {
    const map = richMap()
    const next = applyResult(map, removeEmotionPoint(map, { pointId: 'e2' }, testContext()))
    expect(next.emotionPoints.map((p) => p.id)).toEqual(['e1', 'e3', 'e4'])
    expect(next.markers.map((m) => m.id)).toEqual(['m1', 'm3'])
  })
})

describe('markers', () => {
  it('adds markers to notes and curve points', () => {
    const map = richMap()
    const onNote = addMarker(map, { target: { kind: 'note', noteId: 'n5' }, severity: 1, label: 'wait' }, testContext())
    expect(applyResult(map, onNote).markers.find((m) => m.id === 'id1')).toMatchObject({ severity: 1, label: 'wait' })
    const onCurve = addMarker(
      map,
      { target: { kind: 'curve', stageId: 's2', personaId: 'p1', variant: 'asIs' } },
      testContext()
    )
    expect(applyResult(map, onCurve).markers.find((m) => m.id === 'id1')?.severity).toBe(2)
  })

  it('refuses targets that are not there', () => {
    const map = richMap()
    const ctx = testContext()
    expect(() => addMarker(map, { target: { kind: 'note', noteId: 'zz' } }, ctx)).toThrow(/no note "zz"/)
    expect(() =>
      addMarker(map, { target: { kind: 'curve', stageId: 's3', personaId: null, variant: 'asIs' } }, ctx)
    ).toThrow(/set the point first/)
    expect(() => addMarker(map, { target: { kind: 'note', noteId: 'n1' }, severity: 0 }, ctx)).toThrow(/severity/)
  })

  it('edits and removes', () => {
    const map = richMap()
    const edited = applyResult(map, editMarker(map, { markerId: 'm1', severity: 1 }, testContext()))
    expect(edited.markers.find((m) => m.id === 'm1')).toMatchObject({ severity: 1, label: 'price' })
    const removed = applyResult(map, removeMarker(map, { markerId: 'm2' }, testContext()))
    expect(removed.markers.map((m) => m.id)).toEqual(['m1', 'm3'])
    expect(() => removeMarker(map, { markerId: 'm9' }, testContext())).toThrow(/no marker "m9"/)
  })
})

describe('connectors', () => {
  it('connects, relabels and disconnects', () => {
    let map = richMap()
    map = applyResult(map, connect(map, { fromNoteId: 'n2', toNoteId: 'n5', label: 'escalation' }, testContext()))
    expect(map.connectors.find((c) => c.id === 'id1')).toMatchObject({ fromNoteId: 'n2', label: 'escalation' })
    map = applyResult(map, relabelConnector(map, { connectorId: 'id1', label: 'demo' }, testContext()))
    expect(map.connectors.find((c) => c.id === 'id1')?.label).toBe('demo')
    map = applyResult(map, disconnect(map, { connectorId: 'id1' }, testContext()))
    expect(map.connectors.map((c) => c.id)).toEqual(['c1', 'c2'])
  })

  it('refuses self-loops and duplicates', () => {
    const map = richMap()
    expect(() => connect(map, { fromNoteId: 'n1', toNoteId: 'n1' }, testContext())).toThrow(/two different notes/)
    expect(() => connect(map, { fromNoteId: 'n1', toNoteId: 'n3' }, testContext())).toThrow(/already connected/)
    expect(applyResult(map, connect(map, { fromNoteId: 'n3', toNoteId: 'n1' }, testContext())).connectors).toHaveLength(
      3
    )
  })
})

describe('metrics', () => {
  it('creates a KPI last in its stage', () => {
    const map = richMap()
    const next = applyResult(
      map,
      setMetric(map, { stageId: 's2', name: 'CSAT', value: 4.2, target: 4.5 }, testContext())
    )
    expect(stageMetrics(next, 's2').map((m) => m.name)).toEqual(['Conversion', 'NPS', 'CSAT'])
    expect(next.metrics.find((m) => m.id === 'id1')).toMatchObject({ unit: '', direction: 'higher', order: 3 })
    expect(() => setMetric(map, { stageId: 's2' }, testContext())).toThrow(/needs a stage and a name/)
  })

  it('updates fields and moves between stages', () => {
    const map = richMap()
    const next = applyResult(map, setMetric(map, { metricId: 'k2', value: null, stageId: 's1' }, testContext()))
    expect(stageMetrics(next, 's1').map((m) => m.id)).toEqual(['k1', 'k2'])
    expect(next.metrics.find((m) => m.id === 'k2')?.value).toBeNull()
    expect(() => setMetric(map, { metricId: 'k2', stageId: 'gone' }, testContext())).toThrow(/no stage "gone"/)
    expect(() => setMetric(map, { metricId: 'k2', value: Number.NaN }, testContext())).toThrow(/value/)
  })

  it('removes', () => {
    const map = richMap()
    expect(applyResult(map, removeMetric(map, { metricId: 'k1' }, testContext())).metrics).toHaveLength(2)
  })
})

describe('setMapMeta', () => {
  it('changes title and description', () => {
    const map = richMap()
    const result = setMapMeta(map, { title: ' Onboarding 2026 ', description: 'Scope: EU' }, testContext())
    expect(result.patch).toEqual([{ op: 'meta', set: { title: 'Onboarding 2026', description: 'Scope: EU' } }])
    expect(result.inverse).toEqual([{ op: 'meta', set: { title: 'Test map', description: '' } }])
    applyResult(map, result)
    expect(() => setMapMeta(map, { title: ' ' }, testContext())).toThrow(/must not be empty/)
  })

  it('a narrower scale clamps every point in the same patch', () => {
    const map = richMap()
    const next = applyResult(map, setMapMeta(map, { emotionScale: { min: -1, max: 1 } }, testContext()))
    expect(next.emotionScale).toEqual({ min: -1, max: 1 })
    expect(next.emotionPoints.map((p) => p.score)).toEqual([1, -1, 0.5, 1])
    expect(() => setMapMeta(map, { emotionScale: { min: 1, max: 5 } }, testContext())).toThrow(/emotionScale.min/)
  })

  it('unlinking a persona removes its curves, their markers and its note tags', () => {
    const map = richMap()
    const next = applyResult(map, setMapMeta(map, { personaIds: ['p1', 'p3'] }, testContext()))
    expect(next.personaIds).toEqual(['p1', 'p3'])
    expect(next.emotionPoints.map((p) => p.id)).toEqual(['e1', 'e2', 'e3'])
    expect(next.markers.map((m) => m.id)).toEqual(['m1', 'm2'])
    expect(next.notes.find((n) => n.id === 'n5')?.personaIds).toEqual([])
    expect(() => setMapMeta(map, { personaIds: ['p1', 'p1'] }, testContext())).toThrow(/listed twice/)
  })
})
