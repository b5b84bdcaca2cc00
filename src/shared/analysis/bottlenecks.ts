/**
 * Bottlenecks: where the journey loses people. The steepest falls of each as-is curve between
 * neighbouring points (stage to the next stage that has a point), when a fall is at least
 * THRESHOLDS.emotionDrop of the scale's range; and KPIs that missed their target (red, see ./kpi).
 */
import { byWeight, focus, named, seriesRef, severityOf, THRESHOLDS, type AnalysisContext } from './context'
import { kpiShortfall, kpiStatus } from './kpi'
import { funnelSteps } from './funnel'
import type { EmotionDrop, Findings, FunnelDrop, KpiMiss } from './types'

/** How many of the funnel's drop-offs become bottlenecks (the biggest ones). */
export const FUNNEL_DROPS_REPORTED = 3

type Bottleneck = Findings['bottlenecks'][number]

export function findBottlenecks(ctx: AnalysisContext): Bottleneck[] {
  const out: Bottleneck[] = []
  const emotionLane = ctx.lanes.find((l) => l.kind === 'emotions')?.id ?? null
  for (const series of ctx.series) {
    const points = ctx.stages.flatMap((stage) => {
      const score = series.scores.get(stage.id)
      return score === undefined ? [] : [{ stage, score }]
    })
    const drops: EmotionDrop[] = []
    for (let i = 1; i < points.length; i++) {
      const from = points[i - 1]!
      const to = points[i]!
      const drop = from.score - to.score
      const ratio = drop / ctx.range
      if (ratio < THRESHOLDS.emotionDrop) continue
      drops.push({
        id: `bottleneck:drop:${series.key}:${from.stage.id}:${to.stage.id}`,
        category: 'bottleneck',
        rule: 'emotionDrop',
        severity: severityOf(ratio, 0.375, 0.5),
        weight: ratio,
        focus: focus([from.stage.id, to.stage.id], [], emotionLane),
        series: seriesRef(series),
        from: { ...named(from.stage), score: from.score },
        to: { ...named(to.stage), score: to.score },
        drop,
        steepest: false
      })
    }
    const steepest = Math.max(...drops.map((d) => d.drop))
    out.push(...drops.map((d) => (d.drop === steepest ? { ...d, steepest: true } : d)))
  }

  const kpiLane = ctx.lanes.find((l) => l.kind === 'kpis')?.id ?? null
  const stageById = new Map(ctx.stages.map((s) => [s.id, s]))
  for (const metric of ctx.map.metrics) {
    const stage = stageById.get(metric.stageId)
    if (!stage || metric.value === null || metric.target === null || kpiStatus(metric) !== 'missed') continue
    const shortfall = kpiShortfall(metric)
    out.push({
      id: `bottleneck:kpi:${metric.id}`,
      category: 'bottleneck',
      rule: 'kpiMiss',
      severity: severityOf(shortfall, 0.25, 0.5),
      // A KPI missed by half its target weighs like a fall across half the emotion scale.
      weight: Math.min(1, shortfall),
      focus: focus([stage.id], [], kpiLane),
      metricId: metric.id,
      stage: named(stage),
      name: metric.name,
      value: metric.value,
      target: metric.target,
      unit: metric.unit,
      direction: metric.direction
    } satisfies KpiMiss)
  }
  const drops = funnelSteps(ctx.map)
    .filter((step) => step.dropOff > 0)
    .sort((a, b) => b.dropOff - a.dropOff)
    .slice(0, FUNNEL_DROPS_REPORTED)
  drops.forEach((step, i) => {
    out.push({
      id: `bottleneck:funnel:${step.from.id}:${step.to.id}`,
      category: 'bottleneck',
      rule: 'funnelDrop',
      severity: severityOf(step.dropOff, 0.5, 0.75),
      weight: step.dropOff,
      focus: focus([step.from.id, step.to.id], [], kpiLane),
      from: { ...named(step.from), value: step.fromValue },
      to: { ...named(step.to), value: step.toValue },
      metric: step.metric,
      unit: step.unit,
      dropOff: step.dropOff,
      biggest: i === 0
    } satisfies FunnelDrop)
  })
  return out.sort(byWeight(ctx))
}
