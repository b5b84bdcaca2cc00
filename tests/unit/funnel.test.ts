/** The funnel (conversion and drop-off between stages), KPI trends, and what the analysis makes of them. */
import { describe, expect, it } from 'vitest'
import { analyzeMap, describeFinding } from '../../src/shared/analysis'
import { funnelSteps, kpiTrend } from '../../src/shared/analysis/funnel'
import type { JourneyMap, KpiValue } from '../../src/shared/model'
import { buildMap } from './fixtures'

/** Four stages counting "Active users" 1000 → 400 → 300 → 60, and an NPS that is no count. */
function funnelMap(): JourneyMap {
  return buildMap({
    stages: ['s1', 's2', 's3', 's4'],
    metrics: [
      { id: 'k1', stageId: 's1', name: 'Active users', value: 1000, unit: 'users', funnel: true },
      { id: 'k2', stageId: 's2', name: 'Active users', value: 400, unit: 'users', funnel: true },
      { id: 'k3', stageId: 's3', name: 'Active users', value: 300, unit: 'users', funnel: true },
      { id: 'k4', stageId: 's4', name: 'Active users', value: 60, unit: 'users', funnel: true },
      { id: 'k5', stageId: 's2', name: 'NPS', value: 10, unit: 'pts' }
    ]
  })
}

describe('funnel', () => {
  it('gives conversion and drop-off between consecutive stages, as computed by hand', () => {
    const steps = funnelSteps(funnelMap())
    expect(steps.map((s) => [s.from.id, s.to.id, s.conversion, s.dropOff])).toEqual([
      ['s1', 's2', 0.4, 0.6],
      ['s2', 's3', 0.75, 0.25],
      ['s3', 's4', 0.2, 0.8]
    ])
  })

  it('follows a path forward only: a loop back is no funnel step', () => {
    const map = funnelMap()
    const path = {
      id: 'p',
      name: 'Skip',
      color: '#000000',
      order: 1,
      steps: [
        { stageId: 's1', event: '' },
        { stageId: 's3', event: 'Demo booked' },
        { stageId: 's1', event: 'Back' },
        { stageId: 's4', event: 'Signed' }
      ]
    }
    const steps = funnelSteps({ ...map, paths: [path] }, path)
    expect(steps.map((s) => [s.from.id, s.to.id, s.conversion])).toEqual([
      ['s1', 's3', 0.3],
      ['s3', 's4', 0.2]
    ])
  })

  it('feeds the biggest drop-offs to the analysis as bottlenecks, naming the biggest first', () => {
    const drops = analyzeMap(funnelMap()).bottlenecks.filter((f) => f.rule === 'funnelDrop')
    expect(drops.map((d) => d.id)).toEqual([
      'bottleneck:funnel:s3:s4',
      'bottleneck:funnel:s1:s2',
      'bottleneck:funnel:s2:s3'
    ])
    expect(describeFinding(drops[0]!)).toBe(
      'Funnel: 80% of Active users drop off from “Stage 3” (300 users) to “Stage 4” (60 users).'
    )
  })
})

describe('kpiTrend', () => {
  const history = (...values: number[]): KpiValue[] =>
    values.map((value, i) => ({ id: `v${i}`, metricId: 'k', date: `2026-0${i + 1}-01`, value }))
  it('reads the direction of the newest values and whether it heads for the target', () => {
    expect(kpiTrend({ direction: 'higher', target: 50, value: 40 }, history(20, 30, 40))).toEqual({
      trend: 'up',
      towardsTarget: true
    })
    expect(kpiTrend({ direction: 'lower', target: 2, value: 5 }, history(3, 4, 5))).toEqual({
      trend: 'up',
      towardsTarget: false
    })
    expect(kpiTrend({ direction: 'higher', target: null, value: 5 }, history(5))).toBeNull()
  })
})

describe('evidence', () => {
  it('flags an opportunity resting only on assumptions, not one backed by an observed note', () => {
    const assumed = { level: 'assumed' as const, source: 'workshop' as const, reference: '' }
    const map = buildMap({
      notes: [
        { id: 'o1', stageId: 's1', laneId: 'l1', kind: 'opportunity', text: 'Chat on pricing', evidence: assumed },
        { id: 'o2', stageId: 's2', laneId: 'l1', kind: 'opportunity', text: 'Shorter form', evidence: assumed },
        {
          id: 'n3',
          stageId: 's2',
          laneId: 'l2',
          kind: 'painPoint',
          text: 'Form too long',
          evidence: { level: 'observed', source: 'analytics', reference: 'GA4 funnel' }
        }
      ],
      connectors: [{ id: 'c', fromNoteId: 'n3', toNoteId: 'o2', label: '' }]
    })
    const flagged = analyzeMap(map).gaps.filter((g) => g.rule === 'assumptionOnly')
    expect(flagged.map((g) => describeFinding(g))).toEqual([
      'The opportunity “Chat on pricing” at “Stage 1” rests only on assumptions: check it with research first.'
    ])
  })
})

describe('mapForPath', () => {
  it('keeps the stages, notes, curve and KPIs of one path, as a valid map', async () => {
    const { mapForPath } = await import('../../src/shared/export/path-view')
    const { checkIntegrity } = await import('../../src/shared/model/integrity')
    const { parseInterchange } = await import('../../src/shared/format/interchange')
    const { readFileSync } = await import('node:fs')
    const { map } = parseInterchange(readFileSync('docs/examples/two-paths.json', 'utf8'))
    const demo = mapForPath(map, 'pDemo')
    expect(demo.title).toBe('Trial or demo — Sales-led demo')
    expect(demo.stages.map((s) => s.title)).toEqual(['Awareness', 'Consideration', 'Demo', 'Purchase', 'Onboarding'])
    expect(demo.notes.map((n) => n.text)).not.toContain('Sign-up form')
    expect(demo.notes.map((n) => n.text)).toContain('Demo call with an AE')
    expect(checkIntegrity(demo)).toEqual([])
    const trial = mapForPath(map, 'pTrial')
    // The trial path's own point at Purchase replaces the shared one.
    expect(trial.emotionPoints.find((p) => p.stageId === 'sBuy')?.score).toBe(-1.5)
    expect(checkIntegrity(trial)).toEqual([])
  })
})
