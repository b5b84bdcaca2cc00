/**
 * Hotspots, per series (persona): stages where pain clusters and the emotion is low.
 *
 * Pain at a stage, for a persona, adds up the pain-point notes there that apply to the persona
 * (untagged notes apply to everyone), each counting its severity or 1 when unset, and the pain
 * markers there: on such notes, or on the persona's (or the general) curve at that stage, each
 * counting its severity. A stage is a hotspot when its pain reaches THRESHOLDS.hotspotPain and the
 * series' score there is in the lower half of the scale or the series' lowest point; with no score
 * to go by, pain must reach THRESHOLDS.hotspotPainWithoutScore. They are ranked by
 * pain × (1 + lowness), lowness being 0 at the top of the scale and 1 at the bottom (½ when unknown).
 */
import {
  appliesTo,
  byWeight,
  focus,
  isPainPoint,
  named,
  seriesRef,
  severityOf,
  THRESHOLDS,
  type AnalysisContext
} from './context'
import type { Hotspot } from './types'

export function findHotspots(ctx: AnalysisContext): Hotspot[] {
  const { map, stages } = ctx
  const { min, max } = map.emotionScale
  const middle = (min + max) / 2
  // Pain notes and markers by stage, once: the rule looks at every stage for every series, and a
  // map may hold 20 personas, 200 stages and 50,000 notes (LIMITS).
  const notesById = new Map(map.notes.map((n) => [n.id, n]))
  const painNotesAt = groupBy(
    map.notes.filter((n) => isPainPoint(ctx, n)),
    (n) => n.stageId
  )
  const markersAt = groupBy(map.markers, (m) =>
    m.target.kind === 'curve' ? m.target.stageId : notesById.get(m.target.noteId)?.stageId
  )
  const out: Hotspot[] = []
  for (const series of ctx.series) {
    const scoreAt = (stageId: string) => series.scores.get(stageId) ?? ctx.general.scores.get(stageId) ?? null
    const known = stages.map((s) => scoreAt(s.id)).filter((s): s is number => s !== null)
    const lowest = known.length > 1 ? Math.min(...known) : null
    for (const stage of stages) {
      const painNotes = (painNotesAt.get(stage.id) ?? []).filter((n) => appliesTo(n, series.personaId))
      let pain = painNotes.reduce((sum, n) => sum + (n.severity ?? 1), 0)
      let markers = 0
      for (const marker of markersAt.get(stage.id) ?? []) {
        const t = marker.target
        const applies =
          t.kind === 'curve'
            ? t.variant === 'asIs' &&
              (series.personaId === null || t.personaId === null || t.personaId === series.personaId)
            : appliesTo(notesById.get(t.noteId)!, series.personaId)
        if (!applies) continue
        pain += marker.severity
        markers++
      }
      const score = scoreAt(stage.id)
      const low = score !== null && (score < middle || score === lowest)
      const hot = score === null ? pain >= THRESHOLDS.hotspotPainWithoutScore : low && pain >= THRESHOLDS.hotspotPain
      if (!hot) continue
      const lowness = score === null ? 0.5 : (max - score) / ctx.range
      const weight = pain * (1 + lowness)
      out.push({
        id: `hotspot:${series.key}:${stage.id}`,
        category: 'hotspot',
        rule: 'painHotspot',
        severity: severityOf(weight, 4, 5.5),
        weight,
        focus: focus(
          [stage.id],
          painNotes.map((n) => n.id)
        ),
        series: seriesRef(series),
        stage: named(stage),
        pain,
        painNotes: painNotes.length,
        markers,
        score
      })
    }
  }
  return out.sort(byWeight(ctx))
}

/** Items by key, each list in the items' order; items without a key are left out. */
function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    if (k === undefined) continue
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}
