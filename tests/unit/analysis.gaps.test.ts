import { describe, expect, it } from 'vitest'
import { analyzeMap, describeFinding } from '../../src/shared/analysis'
import { buildMap } from './fixtures'

const lanes = [
  { id: 'tp', kind: 'touchpoints' as const, title: 'Touchpoints' },
  { id: 'pain', kind: 'painPoints' as const, title: 'Pain points' },
  { id: 'emo', kind: 'emotions' as const, title: 'Emotions' },
  { id: 'kpi', kind: 'kpis' as const, title: 'KPIs' }
]

describe('gaps', () => {
  it('finds the stage without a touchpoint and focuses its touchpoint cell', () => {
    const map = buildMap({
      stages: [
        { id: 's1', title: 'Awareness' },
        { id: 's2', title: 'Onboarding' },
        { id: 's3', title: 'Retention' }
      ],
      lanes,
      notes: [
        { stageId: 's1', laneId: 'tp', text: 'Blog' },
        // A touchpoint note counts wherever it sits.
        { stageId: 's3', laneId: 'pain', kind: 'touchpoint', text: 'Support call' },
        { stageId: 's2', laneId: 'pain', text: 'Setup is hard' }
      ],
      emotionPoints: [
        { stageId: 's1', score: 1 },
        { stageId: 's2', score: 0 },
        { stageId: 's3', score: 1 }
      ]
    })
    const stageGaps = analyzeMap(map).gaps.filter((g) => g.rule === 'stageWithoutTouchpoints')
    expect(stageGaps).toEqual([
      expect.objectContaining({
        id: 'gap:stage:s2',
        focus: { stageIds: ['s2'], noteIds: [], laneId: 'tp' },
        stage: { id: 's2', title: 'Onboarding' }
      })
    ])
    expect(describeFinding(stageGaps[0]!)).toBe('No touchpoint at “Onboarding”: where does the customer meet us here?')
  })

  it('reports empty lanes, but not the emotion lane, nor a KPI lane that has KPIs', () => {
    const map = buildMap({
      stages: ['s1'],
      lanes,
      notes: [{ stageId: 's1', laneId: 'tp' }],
      metrics: [{ stageId: 's1', name: 'NPS', value: 30, target: 40 }]
    })
    const emptyLanes = analyzeMap(map).gaps.filter((g) => g.rule === 'emptyLane')
    expect(emptyLanes.map((g) => g.id)).toEqual(['gap:lane:pain'])
    expect(emptyLanes[0]!.focus).toEqual({ stageIds: [], noteIds: [], laneId: 'pain' })

    const withoutKpis = buildMap({ stages: ['s1'], lanes, notes: [{ stageId: 's1', laneId: 'tp' }] })
    expect(
      analyzeMap(withoutKpis)
        .gaps.filter((g) => g.rule === 'emptyLane')
        .map((g) => g.id)
    ).toEqual(['gap:lane:pain', 'gap:lane:kpi'])
  })

  it('names linked personas without a curve and curves with holes', () => {
    const map = buildMap({
      stages: [
        { id: 's1', title: 'One' },
        { id: 's2', title: 'Two' },
        { id: 's3', title: 'Three' }
      ],
      lanes,
      personaIds: ['maya', 'dev'],
      notes: [
        { stageId: 's1', laneId: 'tp' },
        { stageId: 's2', laneId: 'tp' },
        { stageId: 's3', laneId: 'tp' },
        { stageId: 's1', laneId: 'pain' }
      ],
      metrics: [{ stageId: 's1' }],
      emotionPoints: [
        { personaId: 'maya', stageId: 's1', score: 1 },
        { personaId: 'maya', stageId: 's3', score: 1 },
        // A to-be point is not a curve of how it is today.
        { personaId: 'dev', stageId: 's1', variant: 'toBe', score: 2 }
      ]
    })
    const gaps = analyzeMap(map, [
      { id: 'maya', name: 'Maya' },
      { id: 'dev', name: 'Dev' }
    ]).gaps
    expect(gaps.map((g) => g.id)).toEqual(['gap:curve:dev', 'gap:curveHoles:maya'])
    expect(gaps.map(describeFinding)).toEqual([
      'Dev has no emotion curve yet.',
      'The curve of Maya has no point at “Two”.'
    ])
    expect(gaps[1]!.focus).toEqual({ stageIds: ['s2'], noteIds: [], laneId: 'emo' })
  })

  it('without linked personas, asks for the general curve; a full map has no gaps', () => {
    const empty = buildMap({ stages: ['s1'], lanes: [lanes[0]!, lanes[2]!], notes: [{ stageId: 's1', laneId: 'tp' }] })
    expect(analyzeMap(empty).gaps.map((g) => g.id)).toEqual(['gap:curve:all'])
    const full = buildMap({
      stages: ['s1'],
      lanes: [lanes[0]!, lanes[2]!],
      notes: [{ stageId: 's1', laneId: 'tp' }],
      emotionPoints: [{ stageId: 's1', score: 0 }]
    })
    expect(analyzeMap(full).gaps).toEqual([])
  })
})
