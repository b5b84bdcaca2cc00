/**
 * What every analysis rule needs to know about a map, worked out once: stages and lanes in board
 * order, which notes are touchpoints, pain points and opportunities, the as-is emotion series with
 * their scores per stage, and the thresholds (as fractions of the emotion scale).
 */
import { orderedLanes, orderedStages } from '../commands'
import type { JourneyMap, Lane, Note, Stage } from '../model'
import type { FocusTarget, Named, SeriesRef, Severity } from './types'

/**
 * The thresholds the rules use, in one place. Emotion thresholds are fractions of the scale's
 * range (max − min), so they mean the same on −2…+2 and on −5…+5.
 */
export const THRESHOLDS = {
  /** A pain cluster: pain-point notes (their severity, 1 when unset) and markers adding up to this. */
  hotspotPain: 2,
  /** Without any score for the stage, only a heavier cluster counts. */
  hotspotPainWithoutScore: 3,
  /** A drop between neighbouring points of at least this share of the range is a bottleneck. */
  emotionDrop: 0.25,
  /** A channel or two personas this far apart (share of the range) on the scale are inconsistent. */
  spread: 0.5,
  /** Impact and effort at or above this (on 1…5) count as high in the 2×2 matrix. */
  quadrantSplit: 3
} as const

/** Only what analysis needs of a persona. */
export interface AnalysisPersona {
  readonly id: string
  readonly name: string
}

export interface AnalysisOptions {
  /** Name of the general curve in findings; default "Everyone". */
  readonly everyoneLabel?: string
}

export interface Series extends SeriesRef {
  /** As-is score per stage id. */
  readonly scores: ReadonlyMap<string, number>
}

export interface AnalysisContext {
  readonly map: JourneyMap
  readonly stages: readonly Stage[]
  readonly lanes: readonly Lane[]
  readonly stageIndex: ReadonlyMap<string, number>
  readonly laneById: ReadonlyMap<string, Lane>
  /** max − min of the emotion scale (≥ 1). */
  readonly range: number
  /** Linked personas' series in link order, then the general one (when it has points or no persona is linked). */
  readonly series: readonly Series[]
  readonly general: Series
  readonly everyoneLabel: string
}

export function createContext(
  map: JourneyMap,
  personas: readonly AnalysisPersona[],
  options: AnalysisOptions = {}
): AnalysisContext {
  const stages = orderedStages(map)
  const lanes = orderedLanes(map)
  const everyoneLabel = options.everyoneLabel ?? 'Everyone'
  const names = new Map(personas.map((p) => [p.id, p.name]))
  const scoresOf = (personaId: string | null) =>
    new Map(
      // A path's own points are its variant of the curve; the analysis reads the shared one.
      map.emotionPoints
        .filter((p) => p.pathId === undefined)
        .filter((p) => p.personaId === personaId && p.variant === 'asIs')
        .map((p) => [p.stageId, p.score] as const)
    )
  const linked: Series[] = map.personaIds.map((id) => ({
    key: id,
    personaId: id,
    name: names.get(id) ?? id,
    scores: scoresOf(id)
  }))
  const general: Series = { key: 'all', personaId: null, name: everyoneLabel, scores: scoresOf(null) }
  const series = general.scores.size > 0 || linked.length === 0 ? [...linked, general] : linked
  return {
    map,
    stages,
    lanes,
    stageIndex: new Map(stages.map((s, i) => [s.id, i])),
    laneById: new Map(lanes.map((l) => [l.id, l])),
    range: Math.max(1, map.emotionScale.max - map.emotionScale.min),
    series,
    general,
    everyoneLabel
  }
}

export const named = (item: { readonly id: string; readonly title: string }): Named => ({
  id: item.id,
  title: item.title
})

export const seriesRef = (s: Series) => ({ key: s.key, personaId: s.personaId, name: s.name })

export const focus = (stageIds: readonly string[], noteIds: readonly string[] = [], laneId: string | null = null) =>
  ({ stageIds, noteIds, laneId }) satisfies FocusTarget

/** Severity from a ratio: 3 at or above `high`, 2 at or above `medium`, else 1. */
export function severityOf(ratio: number, medium: number, high: number): Severity {
  return ratio >= high ? 3 : ratio >= medium ? 2 : 1
}

export function isTouchpoint(ctx: AnalysisContext, note: Note): boolean {
  const kind = ctx.laneById.get(note.laneId)?.kind
  return note.kind === 'touchpoint' || kind === 'touchpoints' || kind === 'channels'
}

export function isPainPoint(ctx: AnalysisContext, note: Note): boolean {
  return note.kind === 'painPoint' || ctx.laneById.get(note.laneId)?.kind === 'painPoints'
}

export function isOpportunity(ctx: AnalysisContext, note: Note): boolean {
  return note.kind === 'opportunity' || ctx.laneById.get(note.laneId)?.kind === 'opportunities'
}

/** Whether a note speaks for a series: untagged notes speak for everyone, the general series hears every note. */
export function appliesTo(note: Note, personaId: string | null): boolean {
  return personaId === null || note.personaIds.length === 0 || note.personaIds.includes(personaId)
}

/** Notes in board order: stage, lane, then position in the cell. */
export function boardOrder(ctx: AnalysisContext): (a: Note, b: Note) => number {
  const laneIndex = new Map(ctx.lanes.map((l, i) => [l.id, i]))
  return (a, b) =>
    (ctx.stageIndex.get(a.stageId) ?? 0) - (ctx.stageIndex.get(b.stageId) ?? 0) ||
    (laneIndex.get(a.laneId) ?? 0) - (laneIndex.get(b.laneId) ?? 0) ||
    a.order - b.order ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** Sorts findings by weight (larger first), then by where they are on the board (stage, lane), then by id. */
export function byWeight<T extends { weight: number; id: string; focus: FocusTarget }>(ctx: AnalysisContext) {
  const laneIndex = new Map(ctx.lanes.map((l, i) => [l.id, i]))
  const stageAt = (f: T) => {
    const first = f.focus.stageIds[0]
    return first === undefined ? -1 : (ctx.stageIndex.get(first) ?? -1)
  }
  const laneAt = (f: T) => (f.focus.laneId === null ? -1 : (laneIndex.get(f.focus.laneId) ?? -1))
  return (a: T, b: T) =>
    b.weight - a.weight || stageAt(a) - stageAt(b) || laneAt(a) - laneAt(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
