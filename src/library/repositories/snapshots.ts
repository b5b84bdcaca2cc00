/** Named snapshots: a map frozen as canonical JSON, kept with (and deleted with) its map. */
import type { JourneyMap, SnapshotInfo } from '../../shared/model'
import { withAllCollections } from '../../shared/model/integrity'
import { canonicalize } from '../../shared/model/patch'
import type { Statements } from '../statements'

interface SnapshotRow {
  readonly id: string
  readonly map_id: string
  readonly name: string
  readonly created_at: string
  readonly note_count: number
}

const info = (row: SnapshotRow): SnapshotInfo => ({
  id: row.id,
  mapId: row.map_id,
  name: row.name,
  createdAt: row.created_at,
  noteCount: row.note_count
})

export class SnapshotRepository {
  constructor(private readonly statements: Statements) {}

  create(id: string, name: string, createdAt: string, map: JourneyMap): SnapshotInfo {
    const row: SnapshotRow = { id, map_id: map.id, name, created_at: createdAt, note_count: map.notes.length }
    this.statements
      .get(
        `INSERT INTO snapshots (id, map_id, name, created_at, note_count, data)
         VALUES (@id, @map_id, @name, @created_at, @note_count, @data)`
      )
      .run({ ...row, data: JSON.stringify(canonicalize(map)) })
    return info(row)
  }

  /** Newest first. */
  list(mapId: string): SnapshotInfo[] {
    const rows = this.statements
      .get(
        'SELECT id, map_id, name, created_at, note_count FROM snapshots WHERE map_id = ? ORDER BY created_at DESC, id DESC'
      )
      .all(mapId) as SnapshotRow[]
    return rows.map(info)
  }

  get(id: string): { info: SnapshotInfo; map: JourneyMap } | undefined {
    const row = this.statements
      .get('SELECT id, map_id, name, created_at, note_count, data FROM snapshots WHERE id = ?')
      .get(id) as (SnapshotRow & { data: string }) | undefined
    return row && { info: info(row), map: withAllCollections(JSON.parse(row.data) as JourneyMap) }
  }
}
