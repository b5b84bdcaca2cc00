/**
 * Opportunities ranked. An opportunity is a note of kind "opportunity" or any note in an
 * opportunities lane, rated on impact (1–5: value to customers and to the business) and effort
 * (1–5). Its score is impact × (6 − effort), 1…25: impact counts as much as cheapness, and a
 * 5-impact, 1-effort idea scores 25. Ties go to more dot votes, then higher impact, then board
 * order. Unrated ones (impact or effort not set) come after, unranked, in board order.
 *
 * The 2×2 matrix splits both scales at THRESHOLDS.quadrantSplit (3): impact 3–5 is high; effort
 * 3–5 is high, so a quick win is an idea of at least medium impact that is clearly cheap (1–2).
 */
import { boardOrder, focus, isOpportunity, named, severityOf, THRESHOLDS, type AnalysisContext } from './context'
import type { Quadrant, RankedOpportunity } from './types'

export function opportunityScore(impact: number, effort: number): number {
  return impact * (6 - effort)
}

export function quadrantOf(impact: number, effort: number): Quadrant {
  const highImpact = impact >= THRESHOLDS.quadrantSplit
  const highEffort = effort >= THRESHOLDS.quadrantSplit
  if (highImpact) return highEffort ? 'majorProject' : 'quickWin'
  return highEffort ? 'thankless' : 'fillIn'
}

export function rankOpportunities(ctx: AnalysisContext): RankedOpportunity[] {
  const stageById = new Map(ctx.stages.map((s) => [s.id, s]))
  const order = boardOrder(ctx)
  const notes = ctx.map.notes.filter((n) => isOpportunity(ctx, n) && stageById.has(n.stageId)).sort(order)
  const rated = notes
    .filter((n) => n.impact !== null && n.effort !== null)
    .map((n) => ({ note: n, score: opportunityScore(n.impact!, n.effort!) }))
    .sort(
      (a, b) =>
        b.score - a.score || b.note.votes - a.note.votes || b.note.impact! - a.note.impact! || order(a.note, b.note)
    )
  const unrated = notes.filter((n) => n.impact === null || n.effort === null)
  const entry = (note: (typeof notes)[number], score: number | null, rank: number | null): RankedOpportunity => ({
    id: `opportunity:${note.id}`,
    category: 'opportunity',
    rule: 'opportunity',
    severity: score === null ? 1 : severityOf(score, 10, 16),
    weight: score ?? 0,
    focus: focus([note.stageId], [note.id]),
    noteId: note.id,
    text: note.text,
    kind: note.kind,
    stage: named(stageById.get(note.stageId)!),
    impact: note.impact,
    effort: note.effort,
    votes: note.votes,
    score,
    quadrant: note.impact !== null && note.effort !== null ? quadrantOf(note.impact, note.effort) : null,
    rank
  })
  return [...rated.map((r, i) => entry(r.note, r.score, i + 1)), ...unrated.map((n) => entry(n, null, null))]
}
