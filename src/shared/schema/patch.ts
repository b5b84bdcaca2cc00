import { z } from 'zod'
import {
  ConnectorSchema,
  EmotionPointSchema,
  EmotionScaleSchema,
  IdSchema,
  KpiValueSchema,
  LaneSchema,
  LIMITS,
  MarkerSchema,
  MetricSchema,
  NoteSchema,
  PathSchema,
  StageSchema
} from './entities'

const put = <K extends string, S extends z.ZodType>(entity: K, value: S) =>
  z.object({ op: z.literal('put'), entity: z.literal(entity), value }).strict()

/** Insert or replace one record of a map. */
export const PutOpSchema = z.discriminatedUnion('entity', [
  put('stage', StageSchema),
  put('lane', LaneSchema),
  put('note', NoteSchema),
  put('emotionPoint', EmotionPointSchema),
  put('marker', MarkerSchema),
  put('connector', ConnectorSchema),
  put('metric', MetricSchema),
  put('path', PathSchema),
  put('kpiValue', KpiValueSchema)
])

export const EntityKindSchema = z.enum([
  'stage',
  'lane',
  'note',
  'emotionPoint',
  'marker',
  'connector',
  'metric',
  'path',
  'kpiValue'
])

/** Remove one record of a map by id. */
export const DeleteOpSchema = z.object({ op: z.literal('delete'), entity: EntityKindSchema, id: IdSchema }).strict()

/** Change fields of the map itself. */
export const MetaOpSchema = z
  .object({
    op: z.literal('meta'),
    set: z
      .object({
        title: z
          .string()
          .max(LIMITS.title)
          .refine((s) => s.trim().length > 0, 'must not be empty'),
        description: z.string().max(LIMITS.description),
        emotionScale: EmotionScaleSchema,
        personaIds: z.array(IdSchema).max(LIMITS.maxPersonasPerMap)
      })
      .partial()
      .strict()
  })
  .strict()

// Discriminated by `op`, then by `entity`: a put is checked against its one record schema only,
// which keeps validation cheap on every edit and names the real problem in errors.
export const PatchOpSchema = z.discriminatedUnion('op', [PutOpSchema, DeleteOpSchema, MetaOpSchema])

/** A batch of edits applied atomically: all of them or none. */
export const PatchSchema = z.array(PatchOpSchema).min(1).max(50_000)
