/**
 * Applies a validated patch to a stored map as SQL, in one IMMEDIATE transaction.
 *
 * Like applyPatch() in memory, the last op on a record wins; here all deletes run before all
 * puts, which gives the same result and lets a patch move an emotion point onto a slot another
 * point is leaving. References are deferred foreign keys checked at COMMIT; when the commit
 * fails on one, the still-open transaction is asked which reference dangles, so the error can
 * say what, and then everything is rolled back. The map's rules that no key can express (ids
 * unique across the map's collections, one emotion point per series and stage, scores inside
 * the scale) are checked with indexed queries before committing.
 */
import { JourneyError, type Issue } from '../../shared/errors'
import type { EntityKind, EntityTypes, EmotionPoint } from '../../shared/model'
import type { MetaOp, Patch } from '../../shared/model/patch'
import { sqliteCode } from '../connection/errors'
import type { Statements } from '../statements'
import { checkCountLimits } from './limits'
import type { MapRepository } from './maps'
import { ENTITY_KINDS, TABLES } from './rows'

export interface PatchOutcome {
  readonly revision: number
  readonly updatedAt: string
}

export interface PatchRequest {
  readonly mapId: string
  readonly patch: Patch
  readonly baseRevision?: number
  /** ISO time recorded as the map's updatedAt. */
  readonly now: string
}

const LABEL: Record<EntityKind, string> = {
  stage: 'stage',
  lane: 'lane',
  note: 'note',
  emotionPoint: 'emotion point',
  marker: 'marker',
  connector: 'connector',
  metric: 'KPI'
}

/** Every in-map reference, for naming the dangling one after a failed commit. */
const REFERENCES = [
  { child: 'note', column: 'stage_id', field: 'stageId', parent: 'stage' },
  { child: 'note', column: 'lane_id', field: 'laneId', parent: 'lane' },
  { child: 'emotionPoint', column: 'stage_id', field: 'stageId', parent: 'stage' },
  { child: 'marker', column: 'note_id', field: 'target.noteId', parent: 'note' },
  { child: 'marker', column: 'stage_id', field: 'target.stageId', parent: 'stage' },
  { child: 'connector', column: 'from_note_id', field: 'fromNoteId', parent: 'note' },
  { child: 'connector', column: 'to_note_id', field: 'toNoteId', parent: 'note' },
  { child: 'metric', column: 'stage_id', field: 'stageId', parent: 'stage' }
] as const satisfies readonly { child: EntityKind; column: string; field: string; parent: EntityKind }[]

interface Change<K extends EntityKind = EntityKind> {
  readonly value: EntityTypes[K] | null
  /** Index of the op that decided it, for issue paths. */
  readonly index: number
}

export function applyPatchToDb(statements: Statements, maps: MapRepository, request: PatchRequest): PatchOutcome {
  const { mapId, patch } = request
  const { changes, meta } = collapse(patch)
  const db = statements.db
  statements.get('BEGIN IMMEDIATE').run()
  try {
    // Bumping first spares a separate read of the map row on the hot path; it all rolls back on refusal.
    const revision = maps.bumpRevision(mapId, request.now)
    if (revision === undefined) {
      if (!maps.exists(mapId)) throw new JourneyError('not_found', 'This map no longer exists.')
      throw new JourneyError('conflict', 'This map is in the trash; restore it before editing.')
    }
    if (request.baseRevision !== undefined && request.baseRevision !== revision - 1) {
      throw new JourneyError(
        'conflict',
        `The map changed meanwhile (revision ${revision - 1}, the edit was made on ${request.baseRevision}); reload and try again.`
      )
    }
    for (const [kind, records] of changes) {
      for (const [id, change] of records) if (change.value === null) maps.deleteRecord(kind, mapId, id)
    }
    const added = new Map<EntityKind, number>()
    for (const [kind, records] of changes) {
      for (const [id, change] of records) {
        if (change.value === null || maps.updateRecord(kind, mapId, change.value)) continue
        if (!added.has(kind)) added.set(kind, change.index)
        // A new record: its id must not be taken by another collection of the map.
        const clash = statements.get(ID_CLASH_SQL[kind]).pluck().get({ mapId, id }) as EntityKind | undefined
        if (clash) throw invalid(change.index, `${LABEL[kind]} "${id}" has the id of a ${LABEL[clash]} of this map`)
        maps.insertRecord(kind, mapId, change.value)
      }
    }
    checkCountLimits(statements, mapId, added)
    if (Object.keys(meta.set).length > 0) maps.updateMeta(mapId, meta.set)
    const points = changes.get('emotionPoint')
    if (points || meta.set.emotionScale)
      checkEmotionPoints(statements, mapId, points, maps.emotionScale(mapId), meta.index)
    commitOrExplain(statements, mapId, changes)
    return { revision, updatedAt: request.now }
  } finally {
    if (db.inTransaction) statements.get('ROLLBACK').run()
  }
}

function collapse(patch: Patch) {
  const changes = new Map<EntityKind, Map<string, Change>>()
  const meta: { set: MetaOp['set']; index: number } = { set: {}, index: -1 }
  patch.forEach((op, index) => {
    if (op.op === 'meta') {
      meta.set = { ...meta.set, ...op.set }
      meta.index = index
      return
    }
    let records = changes.get(op.entity)
    if (!records) changes.set(op.entity, (records = new Map()))
    if (op.op === 'put') records.set(op.value.id, { value: op.value, index })
    else records.set(op.id, { value: null, index })
  })
  return { changes, meta }
}

const invalid = (index: number, detail: string, issues: Issue[] = []) =>
  new JourneyError('invalid_request', `The edit is not valid: ${detail}.`, [
    { path: index >= 0 ? `patch[${index}]` : 'patch', message: detail },
    ...issues
  ])

/** Per kind: a SELECT naming another collection of the map that already uses an id. */
const ID_CLASH_SQL = Object.fromEntries(
  ENTITY_KINDS.map((kind) => [
    kind,
    ENTITY_KINDS.filter((other) => other !== kind)
      .map((other) => `SELECT '${other}' FROM ${TABLES[other].table} WHERE map_id = @mapId AND id = @id`)
      .join(' UNION ALL ')
      .concat(' LIMIT 1')
  ])
) as Record<EntityKind, string>

function checkEmotionPoints(
  statements: Statements,
  mapId: string,
  points: Map<string, Change> | undefined,
  scale: { min: number; max: number },
  metaIndex: number
): void {
  for (const [, change] of points ?? []) {
    const point = change.value as EmotionPoint | null
    if (!point) continue
    const count = statements
      .get('SELECT count(*) FROM emotion_points WHERE map_id = ? AND stage_id = ? AND variant = ? AND persona_id IS ?')
      .pluck()
      .get(mapId, point.stageId, point.variant, point.personaId) as number
    if (count > 1) throw invalid(change.index, `a second emotion point for the same persona, series and stage`)
    if (point.score < scale.min || point.score > scale.max) {
      throw invalid(change.index, `score ${point.score} is outside the scale ${scale.min}…${scale.max}`)
    }
  }
  const outside = statements
    .get('SELECT id, score FROM emotion_points WHERE map_id = ? AND (score < ? OR score > ?) LIMIT 1')
    .get(mapId, scale.min, scale.max) as { id: string; score: number } | undefined
  if (outside) {
    throw invalid(
      metaIndex,
      `emotion point "${outside.id}" has score ${outside.score}, outside the scale ${scale.min}…${scale.max}`
    )
  }
}

function commitOrExplain(statements: Statements, mapId: string, changes: Map<EntityKind, Map<string, Change>>): void {
  try {
    statements.get('COMMIT').run()
  } catch (error) {
    if (sqliteCode(error) !== 'SQLITE_CONSTRAINT_FOREIGNKEY' || !statements.db.inTransaction) throw error
    const issues: Issue[] = []
    let first: string | undefined
    for (const ref of REFERENCES) {
      const table = TABLES[ref.child].table
      const dangling = statements
        .get(
          `SELECT c.id, c.${ref.column} AS ref FROM ${table} c WHERE c.map_id = ? AND c.${ref.column} IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM ${TABLES[ref.parent].table} p WHERE p.map_id = c.map_id AND p.id = c.${ref.column})
           LIMIT 20`
        )
        .all(mapId) as { id: string; ref: string }[]
      for (const { id, ref: target } of dangling) {
        const put = changes.get(ref.child)?.get(id)
        const removed = changes.get(ref.parent)?.get(target)
        const index = put?.value ? put.index : (removed?.index ?? -1)
        first ??= `${LABEL[ref.parent]} "${target}"`
        issues.push({
          path: index >= 0 ? `patch[${index}]${put?.value ? `.value.${ref.field}` : ''}` : 'patch',
          message: `${LABEL[ref.child]} "${id}" refers to ${LABEL[ref.parent]} "${target}", which is not in this map`
        })
      }
    }
    throw new JourneyError(
      'invalid_request',
      `The edit refers to ${first ?? 'a record'} that is not in this map.`,
      issues.slice(0, 20)
    )
  }
}
