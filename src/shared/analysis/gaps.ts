/**
 * Gaps: what the map does not say yet. Stages where the customer meets no touchpoint, lanes left
 * empty, and personas without an emotion curve (or with holes in it).
 */
import { byWeight, focus, isTouchpoint, named, seriesRef, type AnalysisContext } from './context'
import type {
  AssumedOpportunity,
  EmptyLane,
  Findings,
  IncompleteCurve,
  MissingCurve,
  StageWithoutTouchpoints
} from './types'

type Gap = Findings['gaps'][number]

export function findGaps(ctx: AnalysisContext): Gap[] {
  const { map, stages, lanes } = ctx
  const out: Gap[] = []

  // Stages without a touchpoint: the cell of the first touchpoints lane is where one would go.
  const touchpointLane = lanes.find((l) => l.kind === 'touchpoints') ?? lanes.find((l) => l.kind === 'channels')
  const touched = new Set(map.notes.filter((n) => isTouchpoint(ctx, n)).map((n) => n.stageId))
  for (const stage of stages) {
    if (touched.has(stage.id)) continue
    out.push({
      id: `gap:stage:${stage.id}`,
      category: 'gap',
      rule: 'stageWithoutTouchpoints',
      severity: 2,
      weight: 3,
      focus: focus([stage.id], [], touchpointLane?.id ?? null),
      stage: named(stage)
    } satisfies StageWithoutTouchpoints)
  }

  // Lanes without notes; an emotion lane is judged by its curves below, a KPI lane also by its KPIs.
  const laneHasNotes = new Set(map.notes.map((n) => n.laneId))
  for (const lane of lanes) {
    if (lane.kind === 'emotions' || laneHasNotes.has(lane.id)) continue
    if (lane.kind === 'kpis' && map.metrics.length > 0) continue
    out.push({
      id: `gap:lane:${lane.id}`,
      category: 'gap',
      rule: 'emptyLane',
      severity: 1,
      weight: 1,
      focus: focus([], [], lane.id),
      lane: named(lane)
    } satisfies EmptyLane)
  }

  // Curves: every linked persona should have one, covering every stage.
  const emotionLane = lanes.find((l) => l.kind === 'emotions')?.id ?? null
  for (const series of ctx.series) {
    if (series.scores.size === 0) {
      // With personas linked, the general curve is optional; without any, it is the map's only curve.
      if (series.personaId === null && emotionLane === null) continue
      out.push({
        id: `gap:curve:${series.key}`,
        category: 'gap',
        rule: 'missingCurve',
        severity: 2,
        weight: 2,
        focus: focus([], [], emotionLane),
        series: seriesRef(series)
      } satisfies MissingCurve)
      continue
    }
    const missing = stages.filter((s) => !series.scores.has(s.id))
    if (missing.length === 0) continue
    out.push({
      id: `gap:curveHoles:${series.key}`,
      category: 'gap',
      rule: 'incompleteCurve',
      severity: 1,
      weight: 1.5,
      focus: focus(
        missing.map((s) => s.id),
        [],
        emotionLane
      ),
      series: seriesRef(series),
      missing: missing.map(named)
    } satisfies IncompleteCurve)
  }
  // Opportunities resting only on assumptions: assumed evidence, and no connected note observed or reported.
  const stageById = new Map(stages.map((s) => [s.id, s]))
  const noteById = new Map(map.notes.map((n) => [n.id, n]))
  const supported = (noteId: string) =>
    map.connectors.some((c) => {
      const other = c.fromNoteId === noteId ? c.toNoteId : c.toNoteId === noteId ? c.fromNoteId : null
      const level = other === null ? undefined : noteById.get(other)?.evidence?.level
      return level === 'observed' || level === 'reported'
    })
  for (const note of map.notes) {
    if (note.kind !== 'opportunity' || note.evidence?.level !== 'assumed' || supported(note.id)) continue
    const stage = stageById.get(note.stageId)
    if (!stage) continue
    out.push({
      id: `gap:assumed:${note.id}`,
      category: 'gap',
      rule: 'assumptionOnly',
      severity: 2,
      weight: 2,
      focus: focus([stage.id], [note.id], note.laneId),
      noteId: note.id,
      text: note.text,
      stage: named(stage)
    } satisfies AssumedOpportunity)
  }

  return out.sort(byWeight(ctx))
}
