/**
 * Inconsistencies: where the same thing feels very different.
 *
 * - A channel: each note with that channel is rated by the emotion at its stage — the mean as-is
 *   score of the personas it is tagged with, or of every series when untagged (a persona without
 *   a point there falls back to the general curve). Per stage the note ratings are averaged; a
 *   channel whose best and worst stages lie THRESHOLDS.spread of the scale's range or more apart
 *   is reported, naming both stages.
 * - Personas: on a stage, the linked personas' own as-is scores; when the highest and the lowest
 *   lie THRESHOLDS.spread of the range or more apart, the stage is reported with both personas.
 */
import type { Channel, Note } from '../model'
import { byWeight, focus, named, seriesRef, severityOf, THRESHOLDS, type AnalysisContext } from './context'
import type { ChannelSpread, Findings, PersonaDivergence } from './types'

type Inconsistency = Findings['inconsistencies'][number]

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length

export function findInconsistencies(ctx: AnalysisContext): Inconsistency[] {
  return [...channelSpreads(ctx), ...personaDivergences(ctx)].sort(byWeight(ctx))
}

function channelSpreads(ctx: AnalysisContext): ChannelSpread[] {
  const bySeries = new Map(ctx.series.map((s) => [s.personaId, s]))
  const scoreFor = (personaId: string | null, stageId: string) =>
    bySeries.get(personaId)?.scores.get(stageId) ?? ctx.general.scores.get(stageId)
  /** The emotion a note's touchpoint is met with, or undefined when no curve says. */
  const rating = (note: Note): number | undefined => {
    const voices = note.personaIds.length > 0 ? note.personaIds : ctx.series.map((s) => s.personaId)
    const scores = voices.map((p) => scoreFor(p, note.stageId)).filter((s): s is number => s !== undefined)
    return scores.length > 0 ? mean(scores) : undefined
  }

  const byChannel = new Map<Channel, Map<string, { notes: Note[]; ratings: number[] }>>()
  for (const note of ctx.map.notes) {
    if (note.channel === null) continue
    const r = rating(note)
    if (r === undefined) continue
    const stages = byChannel.get(note.channel) ?? new Map<string, { notes: Note[]; ratings: number[] }>()
    byChannel.set(note.channel, stages)
    const at = stages.get(note.stageId) ?? { notes: [], ratings: [] }
    stages.set(note.stageId, at)
    at.notes.push(note)
    at.ratings.push(r)
  }

  const stageById = new Map(ctx.stages.map((s) => [s.id, s]))
  const out: ChannelSpread[] = []
  for (const [channel, stages] of byChannel) {
    const rated = [...stages]
      .map(([stageId, at]) => ({ stage: stageById.get(stageId)!, notes: at.notes, score: mean(at.ratings) }))
      .filter((r) => r.stage !== undefined)
      .sort((a, b) => (ctx.stageIndex.get(a.stage.id) ?? 0) - (ctx.stageIndex.get(b.stage.id) ?? 0))
    if (rated.length < 2) continue
    // The first stage in board order wins a tie, so the answer does not depend on note order.
    const high = rated.reduce((best, r) => (r.score > best.score ? r : best))
    const low = rated.reduce((worst, r) => (r.score < worst.score ? r : worst))
    const spread = high.score - low.score
    const ratio = spread / ctx.range
    if (ratio < THRESHOLDS.spread) continue
    const [first, second] = [high, low].sort(
      (a, b) => (ctx.stageIndex.get(a.stage.id) ?? 0) - (ctx.stageIndex.get(b.stage.id) ?? 0)
    ) as [typeof high, typeof low]
    out.push({
      id: `inconsistency:channel:${channel}`,
      category: 'inconsistency',
      rule: 'channelSpread',
      severity: severityOf(ratio, 0.625, 0.75),
      weight: ratio,
      focus: focus(
        [first.stage.id, second.stage.id],
        [...first.notes, ...second.notes].map((n) => n.id)
      ),
      channel,
      high: { ...named(high.stage), score: high.score },
      low: { ...named(low.stage), score: low.score },
      spread
    })
  }
  return out
}

function personaDivergences(ctx: AnalysisContext): PersonaDivergence[] {
  const personas = ctx.series.filter((s) => s.personaId !== null)
  const emotionLane = ctx.lanes.find((l) => l.kind === 'emotions')?.id ?? null
  const out: PersonaDivergence[] = []
  for (const stage of ctx.stages) {
    const rated = personas.flatMap((s) => {
      const score = s.scores.get(stage.id)
      return score === undefined ? [] : [{ series: s, score }]
    })
    if (rated.length < 2) continue
    const high = rated.reduce((best, r) => (r.score > best.score ? r : best))
    const low = rated.reduce((worst, r) => (r.score < worst.score ? r : worst))
    const spread = high.score - low.score
    const ratio = spread / ctx.range
    if (ratio < THRESHOLDS.spread) continue
    out.push({
      id: `inconsistency:personas:${stage.id}`,
      category: 'inconsistency',
      rule: 'personaDivergence',
      severity: severityOf(ratio, 0.625, 0.75),
      weight: ratio,
      focus: focus([stage.id], [], emotionLane),
      stage: named(stage),
      high: { ...seriesRef(high.series), score: high.score },
      low: { ...seriesRef(low.series), score: low.score },
      spread
    })
  }
  return out
}
