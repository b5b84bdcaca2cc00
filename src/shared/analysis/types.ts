/**
 * What the analysis of a map finds, as plain data: each finding has a stable id (the same map
 * gives the same ids, so a list can keep its selection across edits), a category, the rule that
 * found it, a severity, the facts behind it, and a focus target saying where on the board it is.
 */
import type { Channel, NoteKind } from '../model'

export type FindingCategory = 'gap' | 'hotspot' | 'bottleneck' | 'inconsistency' | 'opportunity'

/** Where a finding is on the board: the board zooms to these and selects them. */
export interface FocusTarget {
  /** Stages it concerns, in board order (a drop names two). */
  readonly stageIds: readonly string[]
  /** Notes it concerns; when present they are what gets selected. */
  readonly noteIds: readonly string[]
  /** The lane it concerns, if one: with stages, their cells; alone, the whole row. */
  readonly laneId: string | null
}

/** 1: worth a look, 2: worth discussing, 3: act on it. */
export type Severity = 1 | 2 | 3

/** A stage or lane as a finding names it. */
export interface Named {
  readonly id: string
  readonly title: string
}

/** An emotion series: a persona's as-is curve, or the map's general one (personaId null). */
export interface SeriesRef {
  /** `personaId`, or "all" for the general curve. */
  readonly key: string
  readonly personaId: string | null
  /** The persona's name, or the label of the general curve. */
  readonly name: string
}

interface FindingBase<C extends FindingCategory, R extends string> {
  /** Stable: built from the rule and the ids of what it concerns. */
  readonly id: string
  readonly category: C
  readonly rule: R
  readonly severity: Severity
  /** Orders findings of a category, larger first; comparable within a rule only. */
  readonly weight: number
  readonly focus: FocusTarget
}

/** A stage where no touchpoint (a touchpoint note, or any note in a touchpoints or channels lane) sits. */
export interface StageWithoutTouchpoints extends FindingBase<'gap', 'stageWithoutTouchpoints'> {
  readonly stage: Named
}

/** A lane with no notes at all (for a KPI lane: no notes and no KPIs). Emotion lanes are judged by their curves. */
export interface EmptyLane extends FindingBase<'gap', 'emptyLane'> {
  readonly lane: Named
}

/** A persona linked to the map without a single as-is point (or, with no personas, the general curve). */
export interface MissingCurve extends FindingBase<'gap', 'missingCurve'> {
  readonly series: SeriesRef
}

/** A curve that has points on some stages but not on others. */
export interface IncompleteCurve extends FindingBase<'gap', 'incompleteCurve'> {
  readonly series: SeriesRef
  readonly missing: readonly Named[]
}

/** A stage where pain clusters while the series' emotion is low. */
export interface Hotspot extends FindingBase<'hotspot', 'painHotspot'> {
  readonly series: SeriesRef
  readonly stage: Named
  /** Sum of the severities of pain-point notes (1 when unset) and pain markers that apply. */
  readonly pain: number
  readonly painNotes: number
  readonly markers: number
  /** The series' as-is score there (the general curve's when the persona has none), or null. */
  readonly score: number | null
}

/** A fall of the curve from one stage to the next one that has a point. */
export interface EmotionDrop extends FindingBase<'bottleneck', 'emotionDrop'> {
  readonly series: SeriesRef
  readonly from: Named & { readonly score: number }
  readonly to: Named & { readonly score: number }
  /** from.score − to.score, > 0. */
  readonly drop: number
  /** The largest drop of its series. */
  readonly steepest: boolean
}

/** A KPI whose value misses its target by more than the amber tolerance, honouring its direction. */
export interface KpiMiss extends FindingBase<'bottleneck', 'kpiMiss'> {
  readonly metricId: string
  readonly stage: Named
  readonly name: string
  readonly value: number
  readonly target: number
  readonly unit: string
  readonly direction: 'higher' | 'lower'
}

/** One of the biggest drop-offs of the funnel: few of those counted at a stage reach the next. */
export interface FunnelDrop extends FindingBase<'bottleneck', 'funnelDrop'> {
  readonly from: Named & { readonly value: number }
  readonly to: Named & { readonly value: number }
  readonly metric: string
  readonly unit: string
  /** Share lost between the two stages, 0..1. */
  readonly dropOff: number
  /** The biggest drop-off of the funnel. */
  readonly biggest: boolean
}

/** An opportunity whose evidence is an assumption and that nothing observed or reported supports. */
export interface AssumedOpportunity extends FindingBase<'gap', 'assumptionOnly'> {
  readonly noteId: string
  readonly text: string
  readonly stage: Named
}

/** A channel whose touchpoints sit at stages that feel very different. */
export interface ChannelSpread extends FindingBase<'inconsistency', 'channelSpread'> {
  readonly channel: Channel
  readonly high: Named & { readonly score: number }
  readonly low: Named & { readonly score: number }
  readonly spread: number
}

/** A stage where two personas' as-is scores are far apart. */
export interface PersonaDivergence extends FindingBase<'inconsistency', 'personaDivergence'> {
  readonly stage: Named
  readonly high: SeriesRef & { readonly score: number }
  readonly low: SeriesRef & { readonly score: number }
  readonly spread: number
}

export type Quadrant = 'quickWin' | 'majorProject' | 'fillIn' | 'thankless'

/** An opportunity note with its place in the ranking (or unrated: impact or effort not set). */
export interface RankedOpportunity extends FindingBase<'opportunity', 'opportunity'> {
  readonly noteId: string
  readonly text: string
  readonly kind: NoteKind
  readonly stage: Named
  readonly impact: number | null
  readonly effort: number | null
  readonly votes: number
  /** impact × (6 − effort), 1..25; null when unrated. */
  readonly score: number | null
  readonly quadrant: Quadrant | null
  /** 1-based among rated opportunities; null when unrated. */
  readonly rank: number | null
}

export type Finding =
  | StageWithoutTouchpoints
  | EmptyLane
  | MissingCurve
  | IncompleteCurve
  | Hotspot
  | EmotionDrop
  | KpiMiss
  | FunnelDrop
  | AssumedOpportunity
  | ChannelSpread
  | PersonaDivergence
  | RankedOpportunity

export type FindingRule = Finding['rule']

/** Everything analyzeMap finds, by category, each list most important first. */
export interface Findings {
  readonly gaps: readonly (StageWithoutTouchpoints | EmptyLane | MissingCurve | IncompleteCurve | AssumedOpportunity)[]
  readonly hotspots: readonly Hotspot[]
  readonly bottlenecks: readonly (EmotionDrop | KpiMiss | FunnelDrop)[]
  readonly inconsistencies: readonly (ChannelSpread | PersonaDivergence)[]
  /** Rated ones by rank, then unrated ones in board order. */
  readonly opportunities: readonly RankedOpportunity[]
}

export const FINDING_CATEGORIES = ['gap', 'hotspot', 'bottleneck', 'inconsistency', 'opportunity'] as const

/** The list of a category in a Findings. */
export const CATEGORY_LIST = {
  gap: 'gaps',
  hotspot: 'hotspots',
  bottleneck: 'bottlenecks',
  inconsistency: 'inconsistencies',
  opportunity: 'opportunities'
} as const satisfies Record<FindingCategory, keyof Findings>
