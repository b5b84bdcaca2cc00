/**
 * The journey map as plain readonly records. The zod schemas in ../schema are the single source
 * of truth; these types are derived from them so the two can never drift apart.
 */
import type { z } from 'zod'
import type {
  ConnectorSchema,
  EmotionPointSchema,
  EmotionScaleSchema,
  EvidenceSchema,
  JourneyMapSchema,
  KpiValueSchema,
  LaneSchema,
  MapMetaSchema,
  MarkerSchema,
  MarkerTargetSchema,
  MetricSchema,
  NoteSchema,
  CommentSchema,
  NoteImageSchema,
  PathSchema,
  PathStepSchema,
  PersonaSchema,
  SnapshotInfoSchema,
  StageSchema
} from '../schema/entities'

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T

export type EmotionScale = DeepReadonly<z.infer<typeof EmotionScaleSchema>>
export type MapMeta = DeepReadonly<z.infer<typeof MapMetaSchema>>
export type Stage = DeepReadonly<z.infer<typeof StageSchema>>
export type Lane = DeepReadonly<z.infer<typeof LaneSchema>>
export type Note = DeepReadonly<z.infer<typeof NoteSchema>>
export type NoteComment = DeepReadonly<z.infer<typeof CommentSchema>>
export type NoteImage = DeepReadonly<z.infer<typeof NoteImageSchema>>
export type EmotionPoint = DeepReadonly<z.infer<typeof EmotionPointSchema>>
export type MarkerTarget = DeepReadonly<z.infer<typeof MarkerTargetSchema>>
export type Marker = DeepReadonly<z.infer<typeof MarkerSchema>>
export type Connector = DeepReadonly<z.infer<typeof ConnectorSchema>>
export type Metric = DeepReadonly<z.infer<typeof MetricSchema>>
export type KpiValue = DeepReadonly<z.infer<typeof KpiValueSchema>>
export type Path = DeepReadonly<z.infer<typeof PathSchema>>
export type PathStep = DeepReadonly<z.infer<typeof PathStepSchema>>
export type Evidence = DeepReadonly<z.infer<typeof EvidenceSchema>>
export type JourneyMap = DeepReadonly<z.infer<typeof JourneyMapSchema>>
export type Persona = DeepReadonly<z.infer<typeof PersonaSchema>>
export type SnapshotInfo = DeepReadonly<z.infer<typeof SnapshotInfoSchema>>

export type {
  Category,
  Channel,
  EvidenceLevel,
  EvidenceSource,
  LaneKind,
  MetricDirection,
  NoteKind,
  SeriesVariant,
  TemplateId
} from '../schema/enums'

/** Entity collections of a map that patches address, and the record each holds. */
export interface EntityTypes {
  stage: Stage
  lane: Lane
  note: Note
  emotionPoint: EmotionPoint
  marker: Marker
  connector: Connector
  metric: Metric
  path: Path
  kpiValue: KpiValue
}
export type EntityKind = keyof EntityTypes

export const ENTITY_COLLECTIONS = {
  stage: 'stages',
  lane: 'lanes',
  note: 'notes',
  emotionPoint: 'emotionPoints',
  marker: 'markers',
  connector: 'connectors',
  metric: 'metrics',
  path: 'paths',
  kpiValue: 'kpiValues'
} as const satisfies Record<EntityKind, keyof JourneyMap>
