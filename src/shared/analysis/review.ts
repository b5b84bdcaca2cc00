/**
 * The review ("evaluate at least monthly, review the map quarterly"): KPIs that turned amber or
 * red since a snapshot, each with the notes of its stage that say what to do about it (an
 * escalation or a playbook: opportunity, action and backstage notes, or any note naming the KPI).
 * And the comparison of two paths, stage by stage.
 */
import type { JourneyMap, Metric, Note, Path, Stage } from '../model'
import { kpiStatus, type KpiStatus } from './kpi'

export interface ReviewItem {
  readonly metric: Metric
  readonly stage: Stage
  readonly before: { readonly value: number | null; readonly status: KpiStatus } | null
  readonly status: KpiStatus
  readonly notes: readonly Note[]
}

const WORSE: Readonly<Record<KpiStatus, number>> = { unknown: 0, met: 0, near: 1, missed: 2 }
const ACTION_KINDS = new Set(['opportunity', 'action', 'backstage'])

/** KPIs whose status is now amber or red and worse than in `before` (or new and not on target). */
export function reviewSince(before: JourneyMap, now: JourneyMap): ReviewItem[] {
  const earlier = new Map(before.metrics.map((m) => [m.id, m]))
  const stages = new Map(now.stages.map((s) => [s.id, s]))
  const order = new Map([...now.stages].sort((a, b) => a.order - b.order).map((s, i) => [s.id, i]))
  const out: ReviewItem[] = []
  for (const metric of now.metrics) {
    const status = kpiStatus(metric)
    const was = earlier.get(metric.id)
    const wasStatus = was ? kpiStatus(was) : 'unknown'
    const stage = stages.get(metric.stageId)
    if (!stage || WORSE[status] === 0 || WORSE[status] <= WORSE[wasStatus]) continue
    const name = metric.name.toLowerCase()
    const notes = now.notes.filter(
      (n) => n.stageId === metric.stageId && (ACTION_KINDS.has(n.kind) || n.text.toLowerCase().includes(name))
    )
    out.push({
      metric,
      stage,
      before: was ? { value: was.value, status: wasStatus } : null,
      status,
      notes
    })
  }
  return out.sort(
    (a, b) => (order.get(a.stage.id) ?? 0) - (order.get(b.stage.id) ?? 0) || a.metric.order - b.metric.order
  )
}

export interface PathSide {
  /** The path passes through the stage. */
  readonly visits: boolean
  /** Notes of this path at the stage (notes shared by every path are the same on both sides). */
  readonly notes: readonly Note[]
  /** The general as-is emotion: the path's own point, else the shared one; null for none. */
  readonly score: number | null
  /** KPIs of this path at the stage. */
  readonly kpis: readonly Metric[]
}

export interface PathStageComparison {
  readonly stage: Stage
  readonly a: PathSide
  readonly b: PathSide
  /** Something differs: one path skips the stage, or notes, emotion or KPIs differ. */
  readonly differs: boolean
}

function side(map: JourneyMap, path: Path, stage: Stage): PathSide {
  const points = map.emotionPoints.filter((p) => p.stageId === stage.id && p.personaId === null && p.variant === 'asIs')
  const point = points.find((p) => p.pathId === path.id) ?? points.find((p) => p.pathId === undefined)
  return {
    visits: path.steps.some((s) => s.stageId === stage.id),
    notes: map.notes.filter((n) => n.stageId === stage.id && n.pathId === path.id),
    score: point?.score ?? null,
    kpis: map.metrics.filter((m) => m.stageId === stage.id && m.pathId === path.id)
  }
}

/** Two paths side by side over every stage either passes through, left to right. */
export function comparePaths(map: JourneyMap, a: Path, b: Path): PathStageComparison[] {
  const visited = new Set([...a.steps, ...b.steps].map((s) => s.stageId))
  return [...map.stages]
    .sort((x, y) => x.order - y.order)
    .filter((s) => visited.has(s.id))
    .map((stage) => {
      const left = side(map, a, stage)
      const right = side(map, b, stage)
      const kpiKey = (list: readonly Metric[]) =>
        list
          .map((m) => `${m.name}=${m.value}`)
          .sort()
          .join('|')
      const differs =
        left.visits !== right.visits ||
        left.score !== right.score ||
        left.notes.length > 0 ||
        right.notes.length > 0 ||
        kpiKey(left.kpis) !== kpiKey(right.kpis)
      return { stage, a: left, b: right, differs }
    })
}
