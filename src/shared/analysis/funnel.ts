/**
 * The funnel and the trends. Where consecutive stages carry a count of the same KPI (one marked
 * `funnel`, e.g. "Active users"), conversion is the next stage's count over this one's and
 * drop-off its complement. "Consecutive" is the board's stage order, or a path's steps when a
 * path is given (a loop back is not a funnel step: only forward steps count). Trends read a
 * KPI's dated history: its direction over the last values, and whether that heads towards
 * the target.
 */
import type { JourneyMap, KpiValue, Metric, Path, Stage } from '../model'

export interface FunnelStep {
  readonly from: Stage
  readonly to: Stage
  /** The KPI name both stages count. */
  readonly metric: string
  readonly unit: string
  readonly fromValue: number
  readonly toValue: number
  /** toValue / fromValue (0 when fromValue is 0). */
  readonly conversion: number
  /** 1 − conversion, never below 0. */
  readonly dropOff: number
}

const byOrder = <T extends { order: number; id: string }>(a: T, b: T) =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The stages in funnel order: the board's, or a path's forward steps. */
function funnelStages(map: JourneyMap, path: Path | null): Stage[] {
  const stages = [...map.stages].sort(byOrder)
  if (!path) return stages
  const byId = new Map(stages.map((s, i) => [s.id, { stage: s, index: i }]))
  const out: Stage[] = []
  let last = -1
  for (const step of path.steps) {
    const found = byId.get(step.stageId)
    if (!found || found.index <= last) continue // a loop back or a repeat is not a funnel step
    out.push(found.stage)
    last = found.index
  }
  return out
}

/**
 * The funnel: each step from a stage to the next that both count the funnel KPI (the name most
 * stages count among funnel-marked KPIs; on a path, KPIs of that path or of no path). Without a
 * path, a map that has paths gives the steps of all its paths (each pair of stages once); one
 * without follows the board's stage order.
 */
export function funnelSteps(map: JourneyMap, path: Path | null = null): FunnelStep[] {
  if (path === null && map.paths.length > 0) {
    const seen = new Set<string>()
    const out: FunnelStep[] = []
    for (const each of [...map.paths].sort(byOrder)) {
      for (const step of funnelSteps(map, each)) {
        const key = `${step.from.id}>${step.to.id}`
        if (seen.has(key)) continue
        seen.add(key)
        out.push(step)
      }
    }
    return out
  }
  const stages = funnelStages(map, path)
  const counts = map.metrics.filter(
    (m) => m.funnel === true && m.value !== null && (m.pathId === undefined || m.pathId === path?.id)
  )
  if (counts.length < 2) return []
  const byName = new Map<string, Map<string, Metric>>()
  for (const m of counts) {
    const key = m.name.trim().toLowerCase()
    let stagesOf = byName.get(key)
    if (!stagesOf) byName.set(key, (stagesOf = new Map()))
    const current = stagesOf.get(m.stageId)
    // A path's own KPI wins over the stage-wide one.
    if (!current || (m.pathId !== undefined && current.pathId === undefined)) stagesOf.set(m.stageId, m)
  }
  let best: Map<string, Metric> | null = null
  for (const stagesOf of byName.values()) if (!best || stagesOf.size > best.size) best = stagesOf
  if (!best || best.size < 2) return []
  const out: FunnelStep[] = []
  for (let i = 1; i < stages.length; i++) {
    const from = best.get(stages[i - 1]!.id)
    const to = best.get(stages[i]!.id)
    if (!from || !to || from.value === null || to.value === null) continue
    const conversion = from.value === 0 ? 0 : to.value / from.value
    out.push({
      from: stages[i - 1]!,
      to: stages[i]!,
      metric: from.name,
      unit: from.unit,
      fromValue: from.value,
      toValue: to.value,
      conversion,
      dropOff: Math.max(0, 1 - conversion)
    })
  }
  return out
}

/** A share as a percentage with one decimal: "42.1%". */
export const formatShare = (share: number): string =>
  `${(Math.round(share * 1000) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`

export type Trend = 'up' | 'down' | 'flat'

/** How many of the newest values a trend reads. */
export const TREND_WINDOW = 6

/**
 * Which way a KPI moved over its last values (newest against the mean of the ones before it),
 * and whether that heads towards the target (or, without one, in the KPI's better direction).
 * Null with fewer than two values.
 */
export function kpiTrend(
  metric: Pick<Metric, 'direction' | 'target' | 'value'>,
  history: readonly KpiValue[]
): { readonly trend: Trend; readonly towardsTarget: boolean } | null {
  if (history.length < 2) return null
  const recent = history.slice(-TREND_WINDOW)
  const last = recent.at(-1)!.value
  const before = recent.slice(0, -1)
  const mean = before.reduce((s, v) => s + v.value, 0) / before.length
  const scale = Math.max(Math.abs(mean), Math.abs(last), 1e-9)
  const change = (last - mean) / scale
  const trend: Trend = Math.abs(change) < 0.02 ? 'flat' : change > 0 ? 'up' : 'down'
  const better = metric.direction === 'higher' ? 'up' : 'down'
  let towardsTarget = trend === better
  if (metric.target !== null) {
    const gapNow = Math.abs(metric.target - last)
    const gapBefore = Math.abs(metric.target - mean)
    towardsTarget = trend !== 'flat' && gapNow < gapBefore
    const met = metric.direction === 'higher' ? last >= metric.target : last <= metric.target
    if (met && trend !== (metric.direction === 'higher' ? 'down' : 'up')) towardsTarget = true
  }
  return { trend, towardsTarget }
}
