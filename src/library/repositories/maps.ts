/**
 * Maps as stored: the `maps` row (meta, revision, trash) and loading/saving whole maps.
 * Callers own transactions; nothing here begins or commits one.
 */
import type { MapSummary, TrashedMap } from '../../shared/api/contract'
import {
  ENTITY_COLLECTIONS,
  type EntityKind,
  type EntityTypes,
  type JourneyMap,
  type MapMeta,
  type Note
} from '../../shared/model'
import type { MetaOp } from '../../shared/model/patch'
import type { Statements } from '../statements'
import { ENTITY_KINDS, SQL, TABLES, type TableSpec } from './rows'

export interface MapRow {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly scale_min: number
  readonly scale_max: number
  readonly persona_ids: string
  readonly created_at: string
  readonly updated_at: string
  readonly revision: number
  readonly deleted_at: string | null
}

interface SummaryRow extends MapRow {
  readonly stage_count: number
  readonly note_count: number
}

const summarySql = (where: string, orderBy: string) => `
  SELECT m.*,
    (SELECT count(*) FROM stages s WHERE s.map_id = m.id) AS stage_count,
    (SELECT count(*) FROM notes n WHERE n.map_id = m.id) AS note_count
  FROM maps m WHERE ${where} ORDER BY ${orderBy}`

export function metaFromRow(row: MapRow): MapMeta {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    emotionScale: { min: row.scale_min, max: row.scale_max },
    personaIds: JSON.parse(row.persona_ids) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision
  }
}

function summaryFromRow(row: SummaryRow, notesPerStage: readonly number[]): MapSummary {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    stageCount: row.stage_count,
    noteCount: row.note_count,
    notesPerStage,
    personaIds: JSON.parse(row.persona_ids) as string[],
    revision: row.revision
  }
}

export class MapRepository {
  constructor(private readonly statements: Statements) {}

  row(id: string): MapRow | undefined {
    return this.statements.get('SELECT * FROM maps WHERE id = ?').get(id) as MapRow | undefined
  }

  exists(id: string): boolean {
    return this.statements.get('SELECT 1 FROM maps WHERE id = ?').pluck().get(id) !== undefined
  }

  /** One kind of a map's records, in canonical order. */
  private list<K extends EntityKind>(kind: K, mapId: string): EntityTypes[K][] {
    const spec = TABLES[kind] as TableSpec<K>
    const rows = this.statements.get(SQL[kind].select).all(mapId) as Parameters<TableSpec<K>['fromRow']>[0][]
    return rows.map((r) => spec.fromRow(r))
  }

  /** A map without its notes (undefined when there is no such map). */
  private withoutNotes(id: string): Omit<JourneyMap, 'notes'> | undefined {
    const row = this.row(id)
    if (!row) return undefined
    return {
      ...metaFromRow(row),
      stages: this.list('stage', id),
      lanes: this.list('lane', id),
      emotionPoints: this.list('emotionPoint', id),
      markers: this.list('marker', id),
      connectors: this.list('connector', id),
      metrics: this.list('metric', id),
      paths: this.list('path', id),
      kpiValues: this.list('kpiValue', id)
    }
  }

  /** The whole map in canonical order, trashed or not; undefined when there is no such map. */
  load(id: string): JourneyMap | undefined {
    const map = this.withoutNotes(id)
    if (!map) return undefined
    // The notes in their usual place among the keys (an exported file lists them there).
    const { stages, lanes, emotionPoints, markers, connectors, metrics, paths, kpiValues, ...meta } = map
    const notes = this.list('note', id)
    return { ...meta, stages, lanes, notes, emotionPoints, markers, connectors, metrics, paths, kpiValues }
  }

  /**
   * The map for sending in parts (the web host's getMap): when it has more than `size.over`
   * notes, `head` gets it without notes and how many there are, then `notes` gets them
   * `size.notes` at a time in the map's order, each part as soon as it is read, and the result is
   * null; a smaller map is returned whole. The caller runs it in one read transaction, so every
   * part is of the same version of the map. Undefined when there is no such map.
   */
  loadInParts(
    id: string,
    size: { readonly over: number; readonly notes: number },
    head: (map: Omit<JourneyMap, 'notes'>, notes: number) => void,
    notes: (part: Note[]) => void
  ): JourneyMap | null | undefined {
    const count = this.statements.get('SELECT count(*) FROM notes WHERE map_id = ?').pluck().get(id) as number
    if (count <= size.over) return this.load(id)
    const map = this.withoutNotes(id)
    if (!map) return undefined
    head(map, count)
    const spec = TABLES.note
    let part: Note[] = []
    for (const r of this.statements.get(SQL.note.select).iterate(id)) {
      part.push(spec.fromRow(r as Parameters<typeof spec.fromRow>[0]))
      if (part.length === size.notes) {
        notes(part)
        part = []
      }
    }
    if (part.length > 0) notes(part)
    return null
  }

  /** Writes a whole new map (its id must be free). */
  insert(map: JourneyMap): void {
    this.statements
      .get(
        `INSERT INTO maps (id, title, description, scale_min, scale_max, persona_ids, created_at, updated_at, revision, deleted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`
      )
      .run(
        map.id,
        map.title,
        map.description,
        map.emotionScale.min,
        map.emotionScale.max,
        JSON.stringify(map.personaIds),
        map.createdAt,
        map.updatedAt,
        map.revision
      )
    for (const kind of ENTITY_KINDS) {
      for (const value of map[ENTITY_COLLECTIONS[kind]] as readonly EntityTypes[EntityKind][]) {
        this.insertRecord(kind, map.id, value, map.revision)
      }
    }
  }

  /** Adds a record written at `version` (the map revision that writes it). */
  insertRecord<K extends EntityKind>(kind: K, mapId: string, value: EntityTypes[K], version = 0): void {
    const spec = TABLES[kind] as TableSpec<K>
    this.statements.get(SQL[kind].insert).run({ map_id: mapId, ...spec.toRow(value), version })
  }

  /** Adds a record unless its id is taken in that collection; false then. */
  insertRecordIfAbsent<K extends EntityKind>(kind: K, mapId: string, value: EntityTypes[K], version: number): boolean {
    const spec = TABLES[kind] as TableSpec<K>
    return (
      this.statements.get(SQL[kind].insertIfAbsent).run({ map_id: mapId, ...spec.toRow(value), version }).changes > 0
    )
  }

  /**
   * Rewrites a record that exists, stamping `version`; with `ifVersionAtMost`, only when nobody
   * wrote it after that revision. False when no row was written.
   */
  updateRecord<K extends EntityKind>(
    kind: K,
    mapId: string,
    value: EntityTypes[K],
    version: number,
    ifVersionAtMost?: number
  ): boolean {
    const spec = TABLES[kind] as TableSpec<K>
    // toRow makes a fresh object: filled in place, this hot path copies nothing.
    const row: Record<string, unknown> = spec.toRow(value)
    row['map_id'] = mapId
    row['version'] = version
    if (ifVersionAtMost === undefined) return this.statements.get(SQL[kind].update).run(row).changes > 0
    row['base'] = ifVersionAtMost
    return this.statements.get(SQL[kind].updateIfUnchanged).run(row).changes > 0
  }

  /** One record of a map, or null. */
  readRecord<K extends EntityKind>(kind: K, mapId: string, id: string): EntityTypes[K] | null {
    const spec = TABLES[kind] as TableSpec<K>
    const row = this.statements.get(SQL[kind].selectOne).get(mapId, id) as
      Parameters<TableSpec<K>['fromRow']>[0] | undefined
    return row ? spec.fromRow(row) : null
  }

  /** False when there was no such record. */
  deleteRecord(kind: EntityKind, mapId: string, id: string): boolean {
    return this.statements.get(SQL[kind].delete).run(mapId, id).changes > 0
  }

  updateMeta(mapId: string, set: MetaOp['set']): void {
    this.statements
      .get(
        `UPDATE maps SET title = coalesce(@title, title), description = coalesce(@description, description),
           scale_min = coalesce(@scale_min, scale_min), scale_max = coalesce(@scale_max, scale_max),
           persona_ids = coalesce(@persona_ids, persona_ids)
         WHERE id = @id`
      )
      .run({
        id: mapId,
        title: set.title ?? null,
        description: set.description ?? null,
        scale_min: set.emotionScale?.min ?? null,
        scale_max: set.emotionScale?.max ?? null,
        persona_ids: set.personaIds ? JSON.stringify(set.personaIds) : null
      })
  }

  /**
   * Counts one more committed edit of a map that is not in the trash; returns the new
   * revision, or undefined when there is no such map or it is trashed.
   */
  bumpRevision(mapId: string, updatedAt: string): number | undefined {
    return this.statements
      .get(
        'UPDATE maps SET revision = revision + 1, updated_at = ? WHERE id = ? AND deleted_at IS NULL RETURNING revision'
      )
      .pluck()
      .get(updatedAt, mapId) as number | undefined
  }

  emotionScale(mapId: string): { min: number; max: number } {
    const row = this.statements.get('SELECT scale_min, scale_max FROM maps WHERE id = ?').get(mapId) as MapRow
    return { min: row.scale_min, max: row.scale_max }
  }

  summaries(): MapSummary[] {
    const rows = this.statements
      .get(summarySql('m.deleted_at IS NULL', 'm.updated_at DESC, m.id'))
      .all() as SummaryRow[]
    const perStage = this.notesPerStage()
    return rows.map((row) => summaryFromRow(row, perStage.get(row.id) ?? []))
  }

  trashed(): TrashedMap[] {
    const rows = this.statements
      .get(summarySql('m.deleted_at IS NOT NULL', 'm.deleted_at DESC, m.id'))
      .all() as SummaryRow[]
    const perStage = this.notesPerStage()
    return rows.map((row) => ({ ...summaryFromRow(row, perStage.get(row.id) ?? []), deletedAt: row.deleted_at ?? '' }))
  }

  /** For every map: how many notes each stage holds, stages left to right. */
  private notesPerStage(): Map<string, number[]> {
    const counts = new Map<string, number>()
    const grouped = this.statements
      .get('SELECT map_id, stage_id, count(*) AS c FROM notes GROUP BY map_id, stage_id')
      .all() as { map_id: string; stage_id: string; c: number }[]
    for (const g of grouped) counts.set(`${g.map_id}\u0000${g.stage_id}`, g.c)
    const result = new Map<string, number[]>()
    const stages = this.statements.get('SELECT map_id, id FROM stages ORDER BY map_id, sort_order, id').all() as {
      map_id: string
      id: string
    }[]
    for (const stage of stages) {
      let list = result.get(stage.map_id)
      if (!list) result.set(stage.map_id, (list = []))
      list.push(counts.get(`${stage.map_id}\u0000${stage.id}`) ?? 0)
    }
    return result
  }

  setDeletedAt(mapId: string, deletedAt: string | null): void {
    this.statements.get('UPDATE maps SET deleted_at = ? WHERE id = ?').run(deletedAt, mapId)
  }

  /** Removes every trashed map for good (its content and snapshots go by cascade). */
  purgeTrash(): number {
    return this.statements.get('DELETE FROM maps WHERE deleted_at IS NOT NULL').run().changes
  }

  /** Maps (trashed ones too) that list the persona. */
  mapsLinkingPersona(personaId: string): { id: string; title: string; trashed: boolean }[] {
    const rows = this.statements
      .get(
        `SELECT m.id, m.title, m.deleted_at IS NOT NULL AS trashed FROM maps m, json_each(m.persona_ids) j
         WHERE j.value = ? ORDER BY m.title, m.id`
      )
      .all(personaId) as { id: string; title: string; trashed: number }[]
    return rows.map((r) => ({ id: r.id, title: r.title, trashed: r.trashed === 1 }))
  }
}
