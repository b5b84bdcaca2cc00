/**
 * File lineage as stored: per map, the versions (content hashes) that went out in a file or came
 * in from one, in the order this library learnt of them, and the snapshot that holds a
 * version's content when the library has it. Callers own transactions.
 */
import type { Statements } from '../statements'

export interface StoredVersion {
  readonly version: string
  /** The map was at this version in this library (saved to, or opened from, a file). */
  readonly own: boolean
  /** The snapshot holding this version's content; null when only its name is known. */
  readonly snapshotId: string | null
}

interface VersionRow {
  readonly version: string
  readonly own: number
  readonly snapshot_id: string | null
}

export class VersionRepository {
  constructor(private readonly statements: Statements) {}

  /** Every version known for the map, oldest first. */
  list(mapId: string): StoredVersion[] {
    const rows = this.statements
      .get('SELECT version, own, snapshot_id FROM map_versions WHERE map_id = ? ORDER BY seq, version')
      .all(mapId) as VersionRow[]
    return rows.map((r) => ({ version: r.version, own: r.own === 1, snapshotId: r.snapshot_id }))
  }

  get(mapId: string, version: string): StoredVersion | undefined {
    const row = this.statements
      .get('SELECT version, own, snapshot_id FROM map_versions WHERE map_id = ? AND version = ?')
      .get(mapId, version) as VersionRow | undefined
    return row && { version: row.version, own: row.own === 1, snapshotId: row.snapshot_id }
  }

  /**
   * Records that the map has seen `version`: a new one goes to the end of the list; one known
   * already keeps its place, becomes `own` when this says so, and gains the snapshot if it had none.
   */
  note(mapId: string, version: string, own: boolean, snapshotId: string | null): void {
    this.statements
      .get(
        `INSERT INTO map_versions (map_id, version, seq, own, snapshot_id)
         VALUES (@map_id, @version, (SELECT coalesce(max(seq), 0) + 1 FROM map_versions WHERE map_id = @map_id), @own, @snapshot_id)
         ON CONFLICT (map_id, version) DO UPDATE SET
           own = max(own, excluded.own),
           snapshot_id = coalesce(snapshot_id, excluded.snapshot_id)`
      )
      .run({ map_id: mapId, version, own: own ? 1 : 0, snapshot_id: snapshotId })
  }
}
