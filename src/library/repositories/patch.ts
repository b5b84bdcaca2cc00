/**
 * The library's side of the editing room (src/shared/sync/room.ts): `SqliteRoomStorage` runs
 * the room's reads and writes as SQL, inside one IMMEDIATE transaction per push.
 *
 * References are deferred foreign keys checked at COMMIT; when the commit fails on one, the
 * still-open transaction is asked which reference dangles, so the error can say what, and then
 * everything is rolled back. The map's rules that no key can express (ids unique across the
 * map's collections, one emotion point per series and stage, scores inside the scale) are
 * checked with indexed queries before committing. Every written record gets the new revision as
 * its version, in the same UPDATE or INSERT.
 */
import { JourneyError, reason, type Issue } from '../../shared/errors'
import type { EntityKind, EntityTypes, EmotionPoint } from '../../shared/model'
import type { RoomStorage, Written } from '../../shared/sync/room'
import type { MetaFields } from '../../shared/sync/protocol'
import { sqliteCode } from '../connection/errors'
import type { Statements } from '../statements'
import { checkCountLimits } from './limits'
import { metaFromRow, type MapRepository } from './maps'
import { ENTITY_KINDS, TABLES } from './rows'

const LABEL: Record<EntityKind, string> = {
  stage: 'stage',
  lane: 'lane',
  note: 'note',
  emotionPoint: 'emotion point',
  marker: 'marker',
  connector: 'connector',
  metric: 'KPI',
  path: 'path',
  kpiValue: 'KPI value'
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
  { child: 'metric', column: 'stage_id', field: 'stageId', parent: 'stage' },
  { child: 'kpiValue', column: 'metric_id', field: 'metricId', parent: 'metric' }
] as const satisfies readonly { child: EntityKind; column: string; field: string; parent: EntityKind }[]

export class SqliteRoomStorage implements RoomStorage {
  constructor(
    private readonly statements: Statements,
    private readonly maps: MapRepository
  ) {}

  /** Kinds this transaction added records to, with the path of the first such op (LIMITS). */
  private readonly added = new Map<EntityKind, string>()

  /** This transaction changed which personas the map links. */
  private relinked = false

  begin(): void {
    this.added.clear()
    this.relinked = false
    this.statements.get('BEGIN IMMEDIATE').run()
  }

  rollback(): void {
    if (this.statements.db.inTransaction) this.statements.get('ROLLBACK').run()
  }

  bumpRevision(mapId: string, now: string): number | undefined {
    return this.maps.bumpRevision(mapId, now)
  }

  current(mapId: string): { revision: number; updatedAt: string } {
    const row = this.maps.row(mapId)
    if (!row) throw this.unavailable(mapId)
    return { revision: row.revision, updatedAt: row.updated_at }
  }

  unavailable(mapId: string): JourneyError {
    if (!this.maps.exists(mapId))
      return new JourneyError('not_found', 'This map no longer exists.', [], reason('library.mapGone'))
    return new JourneyError(
      'conflict',
      'This map is in the trash; restore it before editing.',
      [],
      reason('library.inTrash')
    )
  }

  update(
    entity: EntityKind,
    mapId: string,
    value: EntityTypes[EntityKind],
    revision: number,
    ifVersionAtMost?: number
  ): boolean {
    return this.maps.updateRecord(entity, mapId, value, revision, ifVersionAtMost)
  }

  insert(entity: EntityKind, mapId: string, value: EntityTypes[EntityKind], revision: number, path: string): boolean {
    // Its id must not be taken by another collection of the map.
    const clash = this.statements.get(ID_CLASH_SQL[entity]).pluck().get({ mapId, id: value.id }) as
      EntityKind | undefined
    if (clash) throw invalid(path, `${LABEL[entity]} "${value.id}" has the id of a ${LABEL[clash]} of this map`)
    const inserted = this.maps.insertRecordIfAbsent(entity, mapId, value, revision)
    if (inserted && !this.added.has(entity)) this.added.set(entity, path)
    return inserted
  }

  read<K extends EntityKind>(entity: K, mapId: string, id: string): EntityTypes[K] | null {
    return this.maps.readRecord(entity, mapId, id)
  }

  remove(entity: EntityKind, mapId: string, id: string): boolean {
    return this.maps.deleteRecord(entity, mapId, id)
  }

  readMeta(mapId: string, keys: readonly string[]): MetaFields {
    const row = this.maps.row(mapId)
    if (!row) throw this.unavailable(mapId)
    const meta = metaFromRow(row) as unknown as Record<string, unknown>
    return Object.fromEntries(keys.map((k) => [k, meta[k]])) as MetaFields
  }

  writeMeta(mapId: string, set: MetaFields): void {
    if (set.personaIds !== undefined) this.relinked = true
    this.maps.updateMeta(mapId, set)
  }

  commit(mapId: string, written: readonly Written[], metaPath: string | null): void {
    const points = written.filter((w) => w.entity === 'emotionPoint')
    const scaleChanged = metaPath !== null
    if (points.length > 0 || scaleChanged) {
      checkEmotionPoints(this.statements, mapId, points, this.maps.emotionScale(mapId), metaPath)
    }
    checkCountLimits(this.statements, mapId, this.added)
    checkUnkeyedReferences(this.statements, mapId, written)
    checkPersonaLinks(this.statements, mapId, written, this.relinked ? metaPath : null, () => {
      const row = this.maps.row(mapId)
      if (!row) throw this.unavailable(mapId)
      return new Set(metaFromRow(row).personaIds)
    })
    commitOrExplain(this.statements, mapId, written)
  }
}

const invalid = (path: string | null, detail: string, issues: Issue[] = []) =>
  new JourneyError(
    'invalid_request',
    `The edit is not valid: ${detail}.`,
    [{ path: path ?? 'patch', message: detail }, ...issues],
    reason('library.editInvalid')
  )

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
  points: readonly Written[],
  scale: { min: number; max: number },
  metaPath: string | null
): void {
  for (const written of points) {
    const point = written.value as EmotionPoint | null
    if (!point) continue
    const count = statements
      .get(
        'SELECT count(*) FROM emotion_points WHERE map_id = ? AND stage_id = ? AND variant = ? AND persona_id IS ? AND path_id IS ?'
      )
      .pluck()
      .get(mapId, point.stageId, point.variant, point.personaId, point.pathId ?? null) as number
    if (count > 1) throw invalid(written.path, `a second emotion point for the same persona, series, path and stage`)
    if (point.score < scale.min || point.score > scale.max) {
      throw invalid(written.path, `score ${point.score} is outside the scale ${scale.min}…${scale.max}`)
    }
  }
  const outside = statements
    .get('SELECT id, score FROM emotion_points WHERE map_id = ? AND (score < ? OR score > ?) LIMIT 1')
    .get(mapId, scale.min, scale.max) as { id: string; score: number } | undefined
  if (outside) {
    throw invalid(
      metaPath,
      `emotion point "${outside.id}" has score ${outside.score}, outside the scale ${scale.min}…${scale.max}`
    )
  }
}

/** The tables whose records may name a path (path_id, no foreign key: see migrations.ts). */
const PATH_TAGGED = ['note', 'emotionPoint', 'connector', 'metric'] as const satisfies readonly EntityKind[]

/**
 * The references no foreign key holds — a path's steps name stages (JSON), and notes, emotion
 * points, connectors and KPIs name their path (path_id) — checked for what this edit writes or
 * removes. The commands keep them right on one map; two people editing at once can still cross
 * (one deletes a stage while another adds a path through it), and then the later edit is refused
 * like any other dangling reference, so the room makes the client carry it over again.
 */
function checkUnkeyedReferences(statements: Statements, mapId: string, written: readonly Written[]): void {
  const issues: Issue[] = []
  let first: string | undefined
  const dangling = (path: string, child: EntityKind, id: string, parent: EntityKind, target: string) => {
    first ??= `${LABEL[parent]} "${target}"`
    if (issues.length < 20) {
      issues.push({
        path,
        message: `${LABEL[child]} "${id}" refers to ${LABEL[parent]} "${target}", which is not in this map`
      })
    }
  }
  const exists = (entity: EntityKind, id: string): boolean =>
    statements.get(`SELECT 1 FROM ${TABLES[entity].table} WHERE map_id = ? AND id = ?`).pluck().get(mapId, id) !==
    undefined
  for (const w of written) {
    if (w.value === null) {
      if (w.entity === 'stage') {
        const paths = statements
          .get(
            `SELECT p.id FROM ${TABLES.path.table} p WHERE p.map_id = ? AND EXISTS
             (SELECT 1 FROM json_each(p.steps) s WHERE json_extract(s.value, '$.stageId') = ?) LIMIT 20`
          )
          .pluck()
          .all(mapId, w.id) as string[]
        for (const pathId of paths) dangling(w.path, 'path', pathId, 'stage', w.id)
      } else if (w.entity === 'path') {
        for (const child of PATH_TAGGED) {
          const ids = statements
            .get(`SELECT id FROM ${TABLES[child].table} WHERE map_id = ? AND path_id = ? LIMIT 20`)
            .pluck()
            .all(mapId, w.id) as string[]
          for (const id of ids) dangling(w.path, child, id, 'path', w.id)
        }
      }
      continue
    }
    if (w.entity === 'path') {
      const steps = (w.value as { steps: readonly { stageId: string }[] }).steps
      steps.forEach((step, i) => {
        if (!exists('stage', step.stageId))
          dangling(`${w.valuePath}.steps[${i}].stageId`, 'path', w.id, 'stage', step.stageId)
      })
    }
    const pathId = (w.value as { pathId?: string }).pathId
    if (pathId !== undefined && (PATH_TAGGED as readonly EntityKind[]).includes(w.entity) && !exists('path', pathId)) {
      dangling(`${w.valuePath}.pathId`, w.entity, w.id, 'path', pathId)
    }
  }
  if (issues.length > 0) {
    throw new JourneyError(
      'invalid_request',
      `The edit refers to ${first} that is not in this map.`,
      issues,
      reason('library.editInvalid')
    )
  }
}

/**
 * Notes, curve points and curve markers name personas the map links (its personaIds, a JSON
 * list): checked for the records this edit writes, and for all of the map's when the edit
 * changes the links (`relinkPath`). Unlinking a persona while someone tags a note with it would
 * otherwise leave a map whose file does not open again.
 */
function checkPersonaLinks(
  statements: Statements,
  mapId: string,
  written: readonly Written[],
  relinkPath: string | null,
  linked: () => ReadonlySet<string>
): void {
  const issues: Issue[] = []
  const unlinked = (path: string, entity: EntityKind, id: string, personaId: string) => {
    if (issues.length < 20) {
      issues.push({
        path,
        message: `${LABEL[entity]} "${id}" refers to persona "${personaId}", which the map does not link`
      })
    }
  }
  let links: ReadonlySet<string> | null = null
  const isLinked = (personaId: string) => (links ??= linked()).has(personaId)
  for (const w of written) {
    if (w.value === null) continue
    if (w.entity === 'note') {
      ;(w.value as { personaIds: readonly string[] }).personaIds.forEach((personaId, i) => {
        if (!isLinked(personaId)) unlinked(`${w.valuePath}.personaIds[${i}]`, w.entity, w.id, personaId)
      })
    } else if (w.entity === 'emotionPoint') {
      const personaId = (w.value as { personaId: string | null }).personaId
      if (personaId !== null && !isLinked(personaId)) unlinked(`${w.valuePath}.personaId`, w.entity, w.id, personaId)
    } else if (w.entity === 'marker') {
      const target = (w.value as { target: { kind: string; personaId?: string | null } }).target
      if (target.kind === 'curve' && target.personaId != null && !isLinked(target.personaId)) {
        unlinked(`${w.valuePath}.target.personaId`, w.entity, w.id, target.personaId)
      }
    }
  }
  if (relinkPath !== null) {
    const list = JSON.stringify([...(links ??= linked())])
    const rows = statements
      .get(
        `SELECT 'note' AS entity, n.id, j.value AS persona FROM ${TABLES.note.table} n, json_each(n.persona_ids) j
           WHERE n.map_id = @mapId AND j.value NOT IN (SELECT value FROM json_each(@list))
         UNION ALL
         SELECT 'emotionPoint', id, persona_id FROM ${TABLES.emotionPoint.table}
           WHERE map_id = @mapId AND persona_id IS NOT NULL AND persona_id NOT IN (SELECT value FROM json_each(@list))
         UNION ALL
         SELECT 'marker', id, persona_id FROM ${TABLES.marker.table}
           WHERE map_id = @mapId AND persona_id IS NOT NULL AND persona_id NOT IN (SELECT value FROM json_each(@list))
         LIMIT 20`
      )
      .all({ mapId, list }) as { entity: EntityKind; id: string; persona: string }[]
    for (const row of rows) unlinked(relinkPath, row.entity, row.id, row.persona)
  }
  if (issues.length > 0) {
    throw new JourneyError(
      'invalid_request',
      `The edit refers to a persona the map does not link.`,
      issues,
      reason('library.editInvalid')
    )
  }
}

function commitOrExplain(statements: Statements, mapId: string, written: readonly Written[]): void {
  try {
    statements.get('COMMIT').run()
  } catch (error) {
    if (sqliteCode(error) !== 'SQLITE_CONSTRAINT_FOREIGNKEY' || !statements.db.inTransaction) throw error
    const byKey = new Map(written.map((w) => [`${w.entity}:${w.id}`, w]))
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
        const put = byKey.get(`${ref.child}:${id}`)
        const removed = byKey.get(`${ref.parent}:${target}`)
        const path = put?.value ? `${put.valuePath}.${ref.field}` : (removed?.path ?? 'patch')
        first ??= `${LABEL[ref.parent]} "${target}"`
        issues.push({
          path,
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
