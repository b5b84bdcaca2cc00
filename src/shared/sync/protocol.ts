/**
 * The editing protocol between a client's EditingSession (session.ts) and the host's room
 * (room.ts), carried by JourneyApi's `pushChanges` call and `mapChanged` event whatever the
 * transport (Electron IPC, the web host's WebSocket, direct calls in tests).
 *
 * The map's `revision` is its clock: every committed push adds one, and a record's version in
 * the library is the revision that last wrote it. A client pushes its edit with the revision it
 * had seen (`baseRevision`) and, for every record it changed, the record as it saw it
 * (`before`) and as it wants it (`after`). The host applies records nobody changed since as
 * they are, merges the others field by field (merge.ts), answers with what it committed and the
 * conflicts, and announces the committed patch with the new revision to every client.
 */
import { z } from 'zod'
import {
  ConnectorSchema,
  EmotionPointSchema,
  IdSchema,
  KpiValueSchema,
  LaneSchema,
  MarkerSchema,
  MetricSchema,
  NoteSchema,
  PathSchema,
  StageSchema
} from '../schema/entities'
import { MetaOpSchema } from '../schema/patch'
import type { EntityKind, EntityTypes } from '../model'
import type { MetaOp, Patch } from '../model/patch'

/** The map fields a meta change may set (title, description, emotion scale, persona ids). */
export type MetaFields = MetaOp['set']

/** One record as the client found it and as it leaves it; null: absent (created / deleted). */
export type RecordChange = {
  [K in EntityKind]: {
    readonly entity: K
    readonly id: string
    readonly before: EntityTypes[K] | null
    readonly after: EntityTypes[K] | null
  }
}[EntityKind]

/** Fields of the map itself: the values as the client found them and as it sets them (same keys). */
export interface MetaChange {
  readonly before: MetaFields
  readonly after: MetaFields
}

/** An edit as the engine keeps and sends it: every record it touches, at most once each. */
export interface ChangeSet {
  readonly records: readonly RecordChange[]
  readonly meta: MetaChange | null
}

/** A push: one edit of one map, applied all or nothing. */
export interface PushRequest {
  readonly mapId: string
  /** Unique per push (client id and a counter), so the client knows its own edit in the event. */
  readonly pushId: string
  /** The map revision the client had applied when it made the edit. */
  readonly baseRevision: number
  readonly changes: ChangeSet
}

/** What the losing side of a conflict gets told (and keeps). */
export type Conflict =
  /** Both changed these fields of the record (or of the map, entity 'map'); theirs was kept. */
  | {
      readonly kind: 'field'
      readonly entity: EntityKind | 'map'
      readonly id: string
      readonly fields: readonly string[]
      /** The record as this side wanted it (for the map: the meta fields it set). */
      readonly mine: Readonly<Record<string, unknown>>
      /** The record as it is now (for the map: the same fields as they are). */
      readonly theirs: Readonly<Record<string, unknown>>
    }
  /** This side edited a record someone deleted meanwhile; it stays deleted. */
  | {
      readonly kind: 'deleted'
      readonly entity: EntityKind
      readonly id: string
      readonly mine: Readonly<Record<string, unknown>>
    }

export interface PushResult {
  /** The map's revision now (the push's own when it changed anything). */
  readonly revision: number
  readonly updatedAt: string
  /**
   * committed: applied as pushed; merged: applied after merging with newer changes (`applied`
   * says what went in); discarded: nothing was left to apply, the revision did not move.
   */
  readonly outcome: 'committed' | 'merged' | 'discarded'
  readonly applied?: Patch
  readonly conflicts: readonly Conflict[]
}

/** Announced to every client after a commit, whoever made it. */
export interface MapChange {
  readonly type: 'mapChanged'
  readonly mapId: string
  /** The new revision: also the new version of every record in `patch`. */
  readonly revision: number
  /** Which connection made the change (a window, a web tab, the CLI). */
  readonly origin: string
  /** What was committed. */
  readonly patch: Patch
  /** The push it came from, when it came from one. */
  readonly pushId?: string
}

// ---------------------------------------------------------------------------------------------
// Validation of a push, as the host receives it (the same schemas as every record).

const change = <K extends EntityKind, S extends z.ZodType>(entity: K, schema: S) =>
  z.object({ entity: z.literal(entity), id: IdSchema, before: schema.nullable(), after: schema.nullable() }).strict()

const RecordChangeSchema = z
  .discriminatedUnion('entity', [
    change('stage', StageSchema),
    change('lane', LaneSchema),
    change('note', NoteSchema),
    change('emotionPoint', EmotionPointSchema),
    change('marker', MarkerSchema),
    change('connector', ConnectorSchema),
    change('metric', MetricSchema),
    change('path', PathSchema),
    change('kpiValue', KpiValueSchema)
  ])
  .refine((c) => c.before !== null || c.after !== null, 'before and after are both empty')
  .refine(
    (c) => (c.before === null || c.before.id === c.id) && (c.after === null || c.after.id === c.id),
    'before and after must carry the change\u2019s id'
  )

const MetaSetSchema = MetaOpSchema.shape.set

const MetaChangeSchema = z
  .object({ before: MetaSetSchema, after: MetaSetSchema })
  .strict()
  .refine(
    (m) => sameKeys(m.before, m.after) && Object.keys(m.after).length > 0,
    'before and after must set the same, non-empty list of fields'
  )

function sameKeys(a: object, b: object): boolean {
  const ka = Object.keys(a).sort()
  const kb = Object.keys(b).sort()
  return ka.length === kb.length && ka.every((k, i) => k === kb[i])
}

/** Most records one push may carry (a pasted block, a deleted stage with its notes). */
export const MAX_PUSH_RECORDS = 50_000

/** A change set: every record at most once. */
export const ChangeSetSchema = z
  .object({
    records: z.array(RecordChangeSchema).max(MAX_PUSH_RECORDS),
    meta: MetaChangeSchema.nullable()
  })
  .strict()
  .refine(
    (c) => new Set(c.records.map((r) => `${r.entity}:${r.id}`)).size === c.records.length,
    'a record appears twice'
  )

export const PushRequestSchema = z
  .object({
    mapId: IdSchema,
    pushId: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_:.-]+$/, 'push id may hold only letters, digits and "_:.-"'),
    baseRevision: z.number().int().min(0),
    changes: ChangeSetSchema.refine((c) => c.records.length > 0 || c.meta !== null, 'the push changes nothing')
  })
  .strict()
