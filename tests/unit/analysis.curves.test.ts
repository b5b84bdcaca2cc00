/** Hotspots, bottlenecks and inconsistencies: the rules that read the emotion curves. */
import { describe, expect, it } from 'vitest'
import { analyzeMap, describeFinding } from '../../src/shared/analysis'
import type { EmotionPoint } from '../../src/shared/model'
import { buildMap } from './fixtures'

const lanes = [
  { id: 'tp', kind: 'touchpoints' as const },
  { id: 'pain', kind: 'painPoints' as const },
  { id: 'emo', kind: 'emotions' as const },
  { id: 'kpi', kind: 'kpis' as const }
]
const stages = ['s1', 's2', 's3', 's4'].map((id, i) => ({ id, title: ['Find', 'Try', 'Buy', 'Use'][i]! }))
const personas = [
  { id: 'maya', name: 'Maya' },
  { id: 'dev', name: 'Dev' }
]

/** Points for a series: one score per stage s1…s4, null for none. */
function curve(personaId: string | null, scores: readonly (number | null)[]): Partial<EmotionPoint>[] {
  return scores.flatMap((score, i) => (score === null ? [] : [{ personaId, stageId: `s${i + 1}`, score }]))
}

describe('hotspots', () => {
  const map = buildMap({
    stages,
    lanes,
    personaIds: ['maya', 'dev'],
    notes: [
      { id: 'p1', stageId: 's2', laneId: 'pain', text: 'Card needed', severity: 2 },
      { id: 'p2', stageId: 's3', laneId: 'pain', text: 'Invite fails', personaIds: ['maya'] },
      { id: 'p3', stageId: 's3', laneId: 'tp', kind: 'painPoint', text: 'Setup wizard', personaIds: ['maya'] },
      { id: 'p4', stageId: 's4', laneId: 'pain', text: 'Only for Dev', personaIds: ['dev'], severity: 3 }
    ],
    markers: [
      { target: { kind: 'curve', stageId: 's3', personaId: 'maya', variant: 'asIs' }, severity: 3 },
      // On the general curve: applies to every persona.
      { target: { kind: 'curve', stageId: 's2', personaId: null, variant: 'asIs' }, severity: 1 }
    ],
    emotionPoints: [...curve('maya', [1, 1, -2, 1]), ...curve('dev', [1, 1, 1, 0])]
  })
  const hotspots = analyzeMap(map, personas).hotspots

  it('finds where pain clusters and the emotion is low, per persona', () => {
    // Maya at Buy: notes 1 + 1 and her marker 3 = pain 5, score −2 (lowness 1) → weight 10.
    // Dev at Use: note 3, score 0 is his lowest point → weight 3 × 1.5 = 4.5.
    // Neither at Try: pain 2 + 1 = 3, but both feel +1 there, high on the scale and not their lowest.
    expect(hotspots.map((h) => [h.id, h.pain, h.weight])).toEqual([
      ['hotspot:maya:s3', 5, 10],
      ['hotspot:dev:s4', 3, 4.5]
    ])
    expect(hotspots[0]).toMatchObject({
      series: { personaId: 'maya', name: 'Maya' },
      painNotes: 2,
      markers: 1,
      score: -2,
      severity: 3,
      focus: { stageIds: ['s3'], noteIds: ['p2', 'p3'], laneId: null }
    })
    expect(describeFinding(hotspots[0]!)).toBe('Maya: pain clusters at “Buy” (weight 5) where the emotion is −2.')
  })

  it('without any score, only a heavier cluster counts', () => {
    const noCurves = buildMap({
      stages,
      lanes,
      notes: [
        { stageId: 's1', laneId: 'pain', severity: 2 },
        { stageId: 's2', laneId: 'pain', severity: 3 }
      ]
    })
    expect(analyzeMap(noCurves).hotspots.map((h) => [h.id, h.score])).toEqual([['hotspot:all:s2', null]])
  })
})

describe('bottlenecks', () => {
  it('reports falls of at least a quarter of the scale, the steepest marked', () => {
    const map = buildMap({
      stages,
      lanes,
      personaIds: ['maya'],
      // A fall of 3 from Find to Try, a rise, then a fall of 1 from Buy to Use skipping no stage;
      // Dev has no points, so nothing for him.
      emotionPoints: curve('maya', [2, -1, 0.5, -0.5])
    })
    const drops = analyzeMap(map, personas).bottlenecks
    expect(
      drops.map((d) => [d.id, d.rule === 'emotionDrop' && d.drop, d.rule === 'emotionDrop' && d.steepest])
    ).toEqual([
      ['bottleneck:drop:maya:s1:s2', 3, true],
      ['bottleneck:drop:maya:s3:s4', 1, false]
    ])
    expect(drops[0]!.focus).toEqual({ stageIds: ['s1', 's2'], noteIds: [], laneId: 'emo' })
    expect(drops[0]!.severity).toBe(3)
    expect(describeFinding(drops[0]!)).toBe('Maya: the emotion falls by 3 from “Find” (+2) to “Try” (−1).')
  })

  it('measures a fall between points across a stage without one', () => {
    const map = buildMap({ stages, lanes, emotionPoints: curve(null, [1, null, -1, null]) })
    expect(analyzeMap(map).bottlenecks.map((d) => d.id)).toEqual(['bottleneck:drop:all:s1:s3'])
  })

  it('reports KPIs that miss their target beyond the amber band, honouring direction', () => {
    const map = buildMap({
      stages,
      lanes,
      metrics: [
        { id: 'conv', stageId: 's2', name: 'Conversion', value: 3, target: 5, unit: '%', direction: 'higher' },
        { id: 'near', stageId: 's2', name: 'CSAT', value: 76, target: 80, unit: '%', direction: 'higher' },
        { id: 'churn', stageId: 's4', name: 'Churn', value: 2.5, target: 2, unit: '%', direction: 'lower' },
        { id: 'fine', stageId: 's4', name: 'Response time', value: 3, target: 4, unit: 'h', direction: 'lower' },
        { id: 'open', stageId: 's4', name: 'NPS', value: null, target: 40, unit: 'pts' }
      ]
    })
    const misses = analyzeMap(map).bottlenecks.filter((b) => b.rule === 'kpiMiss')
    // Conversion is 40% short, churn 25% over: conversion first.
    expect(misses.map((m) => [m.id, m.severity])).toEqual([
      ['bottleneck:kpi:conv', 2],
      ['bottleneck:kpi:churn', 2]
    ])
    expect(misses[1]!.focus).toEqual({ stageIds: ['s4'], noteIds: [], laneId: 'kpi' })
    expect(misses.map(describeFinding)).toEqual([
      'Conversion at “Try” is 3%, short of its target ≥ 5%.',
      'Churn at “Use” is 2.5%, short of its target ≤ 2%.'
    ])
  })
})

describe('inconsistencies', () => {
  it('finds a channel met with very different emotions across stages', () => {
    const map = buildMap({
      stages,
      lanes,
      personaIds: ['maya', 'dev'],
      notes: [
        { id: 'e1', stageId: 's1', laneId: 'tp', channel: 'email', text: 'Newsletter' },
        { id: 'e2', stageId: 's3', laneId: 'tp', channel: 'email', text: 'Invoice mail' },
        { id: 'e3', stageId: 's4', laneId: 'tp', channel: 'email', text: 'Tips', personaIds: ['dev'] },
        { id: 'w1', stageId: 's1', laneId: 'tp', channel: 'web', text: 'Site' },
        { id: 'w2', stageId: 's2', laneId: 'tp', channel: 'web', text: 'Pricing' }
      ],
      emotionPoints: [...curve('maya', [2, 1, -2, 0]), ...curve('dev', [2, 0, 0, 1])]
    })
    const found = analyzeMap(map, personas).inconsistencies.filter((f) => f.rule === 'channelSpread')
    // Email: Find (2 + 2) / 2 = 2, Buy (−2 + 0) / 2 = −1, Use: Dev only, 1 → spread 3 of 4.
    // Web: Find 2, Try 0.5 → spread 1.5, under half the scale.
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      id: 'inconsistency:channel:email',
      channel: 'email',
      high: { id: 's1', score: 2 },
      low: { id: 's3', score: -1 },
      spread: 3,
      severity: 3,
      focus: { stageIds: ['s1', 's3'], noteIds: ['e1', 'e2'], laneId: null }
    })
    expect(describeFinding(found[0]!)).toBe('Email feels very different across stages: +2 at “Find”, −1 at “Buy”.')
  })

  it('finds stages where personas diverge by half the scale or more', () => {
    const map = buildMap({
      stages,
      lanes,
      personaIds: ['maya', 'dev'],
      emotionPoints: [...curve('maya', [1, 2, -2, 0]), ...curve('dev', [0, 0, 1, null])]
    })
    const found = analyzeMap(map, personas).inconsistencies
    expect(found.map((f) => [f.id, f.rule === 'personaDivergence' && f.spread])).toEqual([
      ['inconsistency:personas:s3', 3],
      ['inconsistency:personas:s2', 2]
    ])
    expect(describeFinding(found[0]!)).toBe('At “Buy”, Dev (+1) and Maya (−2) feel very differently.')
    expect(found[0]!.focus).toEqual({ stageIds: ['s3'], noteIds: [], laneId: 'emo' })
  })
})

describe('analyzeMap', () => {
  it('gives the same findings with the same ids for the same map', () => {
    const make = () =>
      buildMap({
        stages,
        lanes,
        personaIds: ['maya'],
        notes: [{ stageId: 's2', laneId: 'pain', severity: 3 }],
        emotionPoints: curve('maya', [2, -2, null, 1])
      })
    expect(analyzeMap(make(), personas)).toEqual(analyzeMap(make(), personas))
    expect(analyzeMap(make(), personas).hotspots.map((h) => h.id)).toEqual(['hotspot:maya:s2'])
  })
})
