import { z } from 'zod'
import {
  CategorySchema,
  ChannelSchema,
  LaneKindSchema,
  EvidenceLevelSchema,
  EvidenceSourceSchema,
  MetricDirectionSchema,
  NoteKindSchema,
  SeriesVariantSchema
} from './enums'

/**
 * Limits shown in the UI and enforced on every write: text lengths in characters (UTF-16 code
 * units), and how many records of each kind one map may hold. The counts keep the largest map
 * the app accepts usable on the board (measured by `npm run bench -- limits`); files, patches
 * and imports beyond them are refused with a message that names the limit.
 */
export const LIMITS = {
  idLength: 64,
  title: 200,
  description: 4000,
  noteText: 2000,
  label: 120,
  personaField: 1000,
  maxPersonasPerMap: 20,
  maxStagesPerMap: 100,
  maxLanesPerMap: 50,
  maxNotesPerMap: 50_000,
  maxConnectorsPerMap: 1_000,
  maxMarkersPerMap: 2_000,
  maxMetricsPerMap: 500,
  commentText: 2000,
  commentAuthor: 80,
  maxCommentsPerNote: 200,
  /** A note's picture, as Base64 (about 300 KB of image): pictures are downscaled before they get here. */
  imageData: 400_000,
  /** The longest side of a note's picture, in pixels. */
  imageSide: 1024,
  maxPathsPerMap: 20,
  /** Dated KPI values (each KPI's history): a year of daily values for 50 KPIs fits. */
  maxKpiValuesPerMap: 20_000,
  /** Stages one path passes through, loops counted each time round. */
  maxPathSteps: 200
} as const

/** One emotion point per stage, per series (the general one and one per persona), per variant (as-is, to-be). */
export const MAX_EMOTION_POINTS_PER_MAP = LIMITS.maxStagesPerMap * (LIMITS.maxPersonasPerMap + 1) * 2

export const IdSchema = z
  .string()
  .min(1, 'id is empty')
  .max(LIMITS.idLength)
  .regex(/^[A-Za-z0-9_-]+$/, 'id may hold only letters, digits, "_" and "-"')

/** ISO-8601 timestamp in UTC, e.g. 2026-11-22T10:00:00.000Z. */
export const TimestampSchema = z.iso.datetime()

/** CSS hex colour (#rgb or #rrggbb). */
export const ColorSchema = z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'colour must be #rgb or #rrggbb')

/** Sort key inside its container; lower comes first. Fractional so a move rewrites one row. */
export const OrderSchema = z.number().finite()

const text = (max: number) => z.string().max(max, `at most ${max} characters`)
const title = (max: number) => text(max).refine((s) => s.trim().length > 0, 'must not be empty')

/** "a map can have at most 200 stages (this one has 100,000)". */
export const tooManyMessage = (max: number, what: string, count?: number): string =>
  `a map can have at most ${max.toLocaleString('en-US')} ${what}${count === undefined ? '' : ` (this one has ${count.toLocaleString('en-US')})`}`

/** A map's collection of `item`, at most `max` long; the error names the limit and the count. */
const collection = <S extends z.ZodType>(item: S, { max, what }: { readonly max: number; readonly what: string }) =>
  z.array(item).max(max, {
    error: (issue) => tooManyMessage(max, what, Array.isArray(issue.input) ? issue.input.length : undefined)
  })

export const EmotionScaleSchema = z
  .object({
    /** Lowest score on the curve, e.g. -2 ("very unhappy"). */
    min: z.number().int().min(-10).max(0),
    /** Highest score on the curve, e.g. +2 ("delighted"). */
    max: z.number().int().min(1).max(10)
  })
  .strict()

export const MapMetaSchema = z
  .object({
    /** Stable identifier of the map. */
    id: IdSchema,
    /** Shown on the home screen, the board header and exports. */
    title: title(LIMITS.title),
    /** Free text: scope, audience, sources. */
    description: text(LIMITS.description),
    /** Score range of the emotion curves. */
    emotionScale: EmotionScaleSchema,
    /** Personas this map is for, in display order. */
    personaIds: z.array(IdSchema).max(LIMITS.maxPersonasPerMap, {
      error: (issue) =>
        tooManyMessage(
          LIMITS.maxPersonasPerMap,
          'personas',
          Array.isArray(issue.input) ? issue.input.length : undefined
        )
    }),
    /** When the map was created. */
    createdAt: TimestampSchema,
    /** When the map last changed. */
    updatedAt: TimestampSchema,
    /** Counts committed edits; bumped by the library on every applied patch. */
    revision: z.number().int().min(0)
  })
  .strict()

export const StageSchema = z
  .object({
    id: IdSchema,
    /** Column header, e.g. "Onboarding". */
    title: title(LIMITS.title),
    /** Guiding prompt shown as a placeholder, never as a note. */
    prompt: text(LIMITS.label),
    /** Left-to-right position. */
    order: OrderSchema,
    /** Column width in board units. */
    width: z.number().min(80).max(2000),
    /** Folded to a narrow strip on the board. */
    collapsed: z.boolean()
  })
  .strict()

export const LaneSchema = z
  .object({
    id: IdSchema,
    /** Row header, e.g. "Touchpoints". */
    title: title(LIMITS.title),
    /** What the row holds; decides how it is drawn and analysed. */
    kind: LaneKindSchema,
    /** Guiding prompt shown as a placeholder in empty cells. */
    prompt: text(LIMITS.label),
    /** Top-to-bottom position. */
    order: OrderSchema,
    /** Row height in board units. */
    height: z.number().min(40).max(2000),
    /** Folded to a thin strip on the board. */
    collapsed: z.boolean()
  })
  .strict()

/** A comment on a note: who wrote it, when, what, and whether it has been dealt with. */
export const CommentSchema = z
  .object({
    id: IdSchema,
    /** Who wrote it (as they gave their name). */
    author: text(LIMITS.commentAuthor),
    /** When it was written. */
    at: TimestampSchema,
    text: title(LIMITS.commentText),
    /** Dealt with: kept, but no longer counted on the note's badge. */
    resolved: z.boolean()
  })
  .strict()

/** A picture on a note (a screenshot, a photo of a paper sticky), downscaled, kept in the library file. */
export const NoteImageSchema = z
  .object({
    mime: z.enum(['image/png', 'image/jpeg', 'image/webp']),
    /** The picture's bytes in Base64 (no data: prefix). */
    data: z
      .string()
      .max(LIMITS.imageData, `a note's picture can be at most ${LIMITS.imageData} characters of Base64`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be Base64'),
    width: z.number().int().min(1).max(LIMITS.imageSide),
    height: z.number().int().min(1).max(LIMITS.imageSide)
  })
  .strict()

/** What a note rests on: how it is known, where from, and a pointer to the source. */
export const EvidenceSchema = z
  .object({
    /** Observed (seen in data or research), reported (someone said so) or assumed (nobody checked). */
    level: EvidenceLevelSchema,
    /** Kind of source: interview, survey, analytics… */
    source: EvidenceSourceSchema,
    /** Where to find it: "Interview #4, 2026-10-02", a dashboard URL, a ticket number. */
    reference: text(LIMITS.label * 4)
  })
  .strict()

export const NoteSchema = z
  .object({
    id: IdSchema,
    /** Column of the cell the note sits in. */
    stageId: IdSchema,
    /** Row of the cell the note sits in. */
    laneId: IdSchema,
    /** Position among the notes of its cell. */
    order: OrderSchema,
    /** What is written on it; any script. */
    text: text(LIMITS.noteText),
    /** Fill colour. */
    color: ColorSchema,
    /** What the note is. */
    kind: NoteKindSchema,
    /** For touchpoints: where it happens. */
    channel: ChannelSchema.nullable(),
    /** For touchpoints: which team owns it. */
    category: CategorySchema.nullable(),
    /** Personas this note applies to. */
    personaIds: z.array(IdSchema).max(LIMITS.maxPersonasPerMap),
    /** Dot votes received in workshops. */
    votes: z.number().int().min(0).max(10000),
    /** For pain points: 1 (minor) to 3 (severe). */
    severity: z.number().int().min(1).max(3).nullable(),
    /** For opportunities: expected impact 1..5. */
    impact: z.number().int().min(1).max(5).nullable(),
    /** For opportunities: effort to build 1..5. */
    effort: z.number().int().min(1).max(5).nullable(),
    /** Comments, oldest first (absent: none). */
    comments: z.array(CommentSchema).max(LIMITS.maxCommentsPerNote).optional(),
    /** A picture shown on the note (absent or null: none). */
    image: NoteImageSchema.nullable().optional(),
    /** The path (segment route) the note belongs to; absent: every path. */
    pathId: IdSchema.optional(),
    /** What the note rests on; absent: not recorded. */
    evidence: EvidenceSchema.optional()
  })
  .strict()

export const EmotionPointSchema = z
  .object({
    id: IdSchema,
    /** Whose curve; null for the map's general curve. */
    personaId: IdSchema.nullable(),
    /** As-is (today) or to-be (target) series. */
    variant: SeriesVariantSchema,
    /** The stage this point sits over. */
    stageId: IdSchema,
    /** Position on the map's emotion scale. */
    score: z.number().finite(),
    /** Why the customer feels this way here. */
    note: text(LIMITS.label),
    /** The path whose series this point is on; absent: the series shared by every path. */
    pathId: IdSchema.optional()
  })
  .strict()

export const MarkerTargetSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('curve'),
      /** The stage whose curve point carries the marker. */
      stageId: IdSchema,
      /** Whose curve; null for the general curve. */
      personaId: IdSchema.nullable(),
      variant: SeriesVariantSchema
    })
    .strict(),
  z
    .object({
      kind: z.literal('note'),
      /** The note that carries the marker. */
      noteId: IdSchema
    })
    .strict()
])

export const MarkerSchema = z
  .object({
    id: IdSchema,
    /** 1 (minor) to 3 (severe). */
    severity: z.number().int().min(1).max(3),
    /** A few words: "price shock". */
    label: text(LIMITS.label),
    /** What the marker is pinned to. */
    target: MarkerTargetSchema
  })
  .strict()

export const ConnectorSchema = z
  .object({
    id: IdSchema,
    /** Arrow starts at this note. */
    fromNoteId: IdSchema,
    /** Arrow ends at this note. */
    toNoteId: IdSchema,
    /** "free trial", "demo", "escalation". */
    label: text(LIMITS.label),
    /** The path the arrow belongs to; absent: every path. */
    pathId: IdSchema.optional()
  })
  .strict()

export const MetricSchema = z
  .object({
    id: IdSchema,
    /** The stage the KPI is measured at. */
    stageId: IdSchema,
    /** "Conversion rate", "NPS". */
    name: title(LIMITS.label),
    /** Measured value, null when not measured yet. */
    value: z.number().finite().nullable(),
    /** Goal value, null when none is set. */
    target: z.number().finite().nullable(),
    /** "%", "days", "pts". */
    unit: text(20),
    /** Whether higher or lower values are better. */
    direction: MetricDirectionSchema,
    /** Position among the stage's KPIs. */
    order: OrderSchema,
    /** The path the KPI is measured on; absent: the stage as a whole. */
    pathId: IdSchema.optional(),
    /**
     * The value counts people (or deals) reaching the stage: consecutive stages' counts of the
     * same KPI make the funnel (conversion and drop-off). Absent: not a count.
     */
    funnel: z.literal(true).optional()
  })
  .strict()

/** A KPI's value on a date: its history, as imported or typed. One per KPI and date. */
export const KpiValueSchema = z
  .object({
    id: IdSchema,
    /** The KPI this value belongs to. */
    metricId: IdSchema,
    /** The day the value was measured (YYYY-MM-DD). */
    date: z.iso.date(),
    /** The measured value. */
    value: z.number().finite()
  })
  .strict()

/** One step of a path: a stage, and the event that leads there from the previous step. */
export const PathStepSchema = z
  .object({
    /** The stage the path passes through (a stage may come again: a loop back). */
    stageId: IdSchema,
    /** Trigger or conversion event on the edge from the previous step ("Starts trial"); empty for none. */
    event: text(LIMITS.label)
  })
  .strict()

/**
 * A named, coloured route through the stages: the journey of one segment ("Self-serve trial",
 * "Sales-led demo"). Steps may skip stages, go back (a loop) and share stages with other paths
 * (branches that leave and rejoin).
 */
export const PathSchema = z
  .object({
    id: IdSchema,
    /** "Self-serve trial". */
    name: title(LIMITS.label),
    /** Line and badge colour on the board. */
    color: ColorSchema,
    /** Position in the path list and the overview. */
    order: OrderSchema,
    /** The stages in the order the path takes them. */
    steps: z.array(PathStepSchema).min(1, 'a path needs at least one stage').max(LIMITS.maxPathSteps)
  })
  .strict()

/** The most records of each kind one map may hold, by collection, with the words for them. */
export const COUNT_LIMITS = {
  stages: { max: LIMITS.maxStagesPerMap, what: 'stages' },
  lanes: { max: LIMITS.maxLanesPerMap, what: 'lanes' },
  notes: { max: LIMITS.maxNotesPerMap, what: 'notes' },
  emotionPoints: { max: MAX_EMOTION_POINTS_PER_MAP, what: 'emotion points' },
  markers: { max: LIMITS.maxMarkersPerMap, what: 'pain-point markers' },
  connectors: { max: LIMITS.maxConnectorsPerMap, what: 'connectors' },
  metrics: { max: LIMITS.maxMetricsPerMap, what: 'KPIs' },
  paths: { max: LIMITS.maxPathsPerMap, what: 'paths' },
  kpiValues: { max: LIMITS.maxKpiValuesPerMap, what: 'KPI values' }
} as const

export const JourneyMapSchema = MapMetaSchema.extend({
  stages: collection(StageSchema, COUNT_LIMITS.stages),
  lanes: collection(LaneSchema, COUNT_LIMITS.lanes),
  notes: collection(NoteSchema, COUNT_LIMITS.notes),
  emotionPoints: collection(EmotionPointSchema, COUNT_LIMITS.emotionPoints),
  markers: collection(MarkerSchema, COUNT_LIMITS.markers),
  connectors: collection(ConnectorSchema, COUNT_LIMITS.connectors),
  metrics: collection(MetricSchema, COUNT_LIMITS.metrics),
  paths: collection(PathSchema, COUNT_LIMITS.paths),
  kpiValues: collection(KpiValueSchema, COUNT_LIMITS.kpiValues)
}).strict()

export const PersonaSchema = z
  .object({
    id: IdSchema,
    /** "Maya, the ops lead". */
    name: title(LIMITS.label),
    /** One to three letters on the avatar. */
    initials: z.string().min(1).max(3),
    /** Avatar and curve colour. */
    color: ColorSchema,
    /** Role or occupation. */
    role: text(LIMITS.label),
    /** Something they said in research. */
    quote: text(LIMITS.personaField),
    demographics: z
      .object({
        age: text(LIMITS.label),
        gender: text(LIMITS.label).optional(),
        location: text(LIMITS.label),
        education: text(LIMITS.label),
        income: text(LIMITS.label)
      })
      .strict(),
    firmographics: z
      .object({
        companySize: text(LIMITS.label),
        industry: text(LIMITS.label),
        revenue: text(LIMITS.label),
        /** Where the company is based (the persona's own location is in demographics). */
        location: text(LIMITS.label).optional(),
        /** Tools they already use: "HubSpot, Slack, Jira". */
        techStack: text(LIMITS.personaField).optional()
      })
      .strict(),
    behaviour: text(LIMITS.personaField),
    /** Behavioural data, by where it comes from. */
    behaviouralData: z
      .object({
        webActivity: text(LIMITS.personaField),
        purchaseHistory: text(LIMITS.personaField),
        productUsage: text(LIMITS.personaField),
        supportInteractions: text(LIMITS.personaField)
      })
      .strict()
      .optional(),
    /** What sets them off looking for a solution: "a failed audit", "a new hire". */
    triggerEvents: text(LIMITS.personaField).optional(),
    goals: text(LIMITS.personaField),
    painPoints: text(LIMITS.personaField),
    /** Channels they prefer, in order. */
    channels: z.array(ChannelSchema).max(20),
    segmentNotes: text(LIMITS.personaField),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema
  })
  .strict()

export const SnapshotInfoSchema = z
  .object({
    id: IdSchema,
    mapId: IdSchema,
    /** "before workshop". */
    name: title(LIMITS.label),
    createdAt: TimestampSchema,
    noteCount: z.number().int().min(0)
  })
  .strict()
