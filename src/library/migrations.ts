/**
 * Numbered schema migrations. `PRAGMA user_version` holds the number of the last one applied;
 * each runs in its own transaction together with that bump, so a crash leaves the file at a
 * whole version. Never edit a shipped migration: add the next one.
 *
 * Conventions: every table is STRICT. Map content tables are keyed (map_id, id) WITHOUT ROWID,
 * so one map's rows sit together on disk and inner ids only need to be unique within a map
 * (a duplicated map keeps them). References inside a map are composite foreign keys declared
 * DEFERRABLE INITIALLY DEFERRED, the schema-level form of `PRAGMA defer_foreign_keys = ON`:
 * they are checked at COMMIT, so the order of ops in a patch does not matter, and a dangling
 * reference fails the whole transaction. Rows go with their map through ON DELETE CASCADE.
 *
 * Indexes: the primary key (map_id, id) is the index for loading a map and for every lookup.
 * There are deliberately no secondary indexes on map content: each one would add a page to
 * every edit's commit (moving a note would rewrite its stage index entry), while the queries
 * they would serve (the foreign-key check when a stage, lane or note is deleted) already scan
 * only the one map's rows through the primary key prefix.
 */
import type Database from 'better-sqlite3'
import { APPLICATION_ID } from './connection/header'

export interface Migration {
  readonly version: number
  readonly description: string
  readonly up: (db: Database.Database) => void
}

const deferred = 'DEFERRABLE INITIALLY DEFERRED'
const mapChild = 'map_id TEXT NOT NULL REFERENCES maps (id) ON DELETE CASCADE'

const coreSchema = `
CREATE TABLE maps (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  scale_min INTEGER NOT NULL,
  scale_max INTEGER NOT NULL,
  persona_ids TEXT NOT NULL,          -- JSON array of persona ids, display order
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL,
  deleted_at TEXT                     -- set while the map is in the trash
) STRICT;

CREATE TABLE stages (
  ${mapChild},
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  prompt TEXT NOT NULL,
  sort_order REAL NOT NULL,
  width REAL NOT NULL,
  collapsed INTEGER NOT NULL,
  PRIMARY KEY (map_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE lanes (
  ${mapChild},
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  prompt TEXT NOT NULL,
  sort_order REAL NOT NULL,
  height REAL NOT NULL,
  collapsed INTEGER NOT NULL,
  PRIMARY KEY (map_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE notes (
  ${mapChild},
  id TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  lane_id TEXT NOT NULL,
  sort_order REAL NOT NULL,
  text TEXT NOT NULL,
  color TEXT NOT NULL,
  kind TEXT NOT NULL,
  channel TEXT,
  category TEXT,
  persona_ids TEXT NOT NULL,          -- JSON array of persona ids
  votes INTEGER NOT NULL,
  severity INTEGER,
  impact INTEGER,
  effort INTEGER,
  PRIMARY KEY (map_id, id),
  FOREIGN KEY (map_id, stage_id) REFERENCES stages (map_id, id) ${deferred},
  FOREIGN KEY (map_id, lane_id) REFERENCES lanes (map_id, id) ${deferred}
) STRICT, WITHOUT ROWID;

CREATE TABLE emotion_points (
  ${mapChild},
  id TEXT NOT NULL,
  persona_id TEXT,                    -- null: the map's general curve
  variant TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  score REAL NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (map_id, id),
  FOREIGN KEY (map_id, stage_id) REFERENCES stages (map_id, id) ${deferred}
) STRICT, WITHOUT ROWID;

CREATE TABLE markers (
  ${mapChild},
  id TEXT NOT NULL,
  severity INTEGER NOT NULL,
  label TEXT NOT NULL,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('curve', 'note')),
  note_id TEXT,                       -- target 'note'
  stage_id TEXT,                      -- target 'curve'
  persona_id TEXT,                    -- target 'curve'
  variant TEXT,                       -- target 'curve'
  PRIMARY KEY (map_id, id),
  FOREIGN KEY (map_id, note_id) REFERENCES notes (map_id, id) ${deferred},
  FOREIGN KEY (map_id, stage_id) REFERENCES stages (map_id, id) ${deferred}
) STRICT, WITHOUT ROWID;

CREATE TABLE connectors (
  ${mapChild},
  id TEXT NOT NULL,
  from_note_id TEXT NOT NULL,
  to_note_id TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (map_id, id),
  FOREIGN KEY (map_id, from_note_id) REFERENCES notes (map_id, id) ${deferred},
  FOREIGN KEY (map_id, to_note_id) REFERENCES notes (map_id, id) ${deferred}
) STRICT, WITHOUT ROWID;

CREATE TABLE metrics (
  ${mapChild},
  id TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  name TEXT NOT NULL,
  value REAL,
  target REAL,
  unit TEXT NOT NULL,
  direction TEXT NOT NULL,
  sort_order REAL NOT NULL,
  PRIMARY KEY (map_id, id),
  FOREIGN KEY (map_id, stage_id) REFERENCES stages (map_id, id) ${deferred}
) STRICT, WITHOUT ROWID;

CREATE TABLE personas (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  data TEXT NOT NULL,                 -- the whole Persona record as JSON
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`

const snapshotSchema = `
CREATE TABLE snapshots (
  id TEXT PRIMARY KEY NOT NULL,
  map_id TEXT NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  note_count INTEGER NOT NULL,
  data TEXT NOT NULL                  -- the frozen canonical JourneyMap as JSON
) STRICT;
CREATE INDEX snapshots_map ON snapshots (map_id, created_at);
`

/**
 * Per-record versions for the editing protocol (src/shared/sync): a record's version is the map
 * revision that last wrote it, so a push can write a record nobody changed since the client saw
 * it with one conditional UPDATE (`version <= base revision`) and merge only the others. Rows
 * written before this migration start at 0: older than any revision a client can have seen.
 */
const CONTENT_TABLES = ['stages', 'lanes', 'notes', 'emotion_points', 'markers', 'connectors', 'metrics']
const recordVersions = CONTENT_TABLES.map(
  (table) => `ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 0;`
).join('\n')

/**
 * File lineage (src/shared/format/lineage.ts): the versions of each map that went out in a file
 * or came in from one, and which snapshot holds that version's content. When a file comes back,
 * the newest version both know is the common ancestor of the merge.
 */
const mapVersionsSchema = `
CREATE TABLE map_versions (
  map_id TEXT NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
  version TEXT NOT NULL,              -- mapVersion(): 32 hex digits of the content's SHA-256
  seq INTEGER NOT NULL,               -- when this library learnt of it (the file's "seen" list, oldest first)
  own INTEGER NOT NULL,               -- 1: the map was at this version here (saved to or opened from a file)
  snapshot_id TEXT REFERENCES snapshots (id) ON DELETE SET NULL, -- the version's content, when kept
  PRIMARY KEY (map_id, version)
) STRICT, WITHOUT ROWID;
`

/**
 * Comments on notes and a picture per note (issue 17). Both are JSON in the note's row, NULL when
 * the note has none, so a note without them reads back exactly as before: comments as an array
 * of { id, author, at, text, resolved }, the picture as { mime, data (Base64), width, height }
 * after the renderer has downscaled it.
 */
const noteCommentsAndImages = `
ALTER TABLE notes ADD COLUMN comments TEXT;  -- JSON array of comments, NULL for none
ALTER TABLE notes ADD COLUMN image TEXT;     -- JSON picture, NULL for none
`

/**
 * Journeys as the articles describe them (issue 14): paths through the stages, each KPI's dated
 * history, and the columns that tie notes, emotion points, connectors and KPIs to a path; a
 * note's evidence; whether a KPI counts people (the funnel); and the column mappings saved by
 * Import metrics…, library-wide so the next export from the same tool reuses them. path_id has
 * no foreign key (SQLite cannot add a composite one to an existing table): the commands keep it
 * right, every write is checked for it (repositories/patch.ts), and every file read checks it
 * (checkIntegrity).
 */
const journeysSchema = `
CREATE TABLE paths (
  ${mapChild},
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  sort_order REAL NOT NULL,
  steps TEXT NOT NULL,                -- JSON array of {stageId, event}
  version INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (map_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE kpi_values (
  ${mapChild},
  id TEXT NOT NULL,
  metric_id TEXT NOT NULL,
  date TEXT NOT NULL,                 -- YYYY-MM-DD
  value REAL NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (map_id, id),
  FOREIGN KEY (map_id, metric_id) REFERENCES metrics (map_id, id) ${deferred}
) STRICT, WITHOUT ROWID;

ALTER TABLE notes ADD COLUMN path_id TEXT;
ALTER TABLE notes ADD COLUMN evidence TEXT;      -- JSON {level, source, reference}
ALTER TABLE emotion_points ADD COLUMN path_id TEXT;
ALTER TABLE connectors ADD COLUMN path_id TEXT;
ALTER TABLE metrics ADD COLUMN path_id TEXT;
ALTER TABLE metrics ADD COLUMN funnel INTEGER NOT NULL DEFAULT 0;

CREATE TABLE metric_mappings (
  name TEXT PRIMARY KEY NOT NULL,
  data TEXT NOT NULL,                 -- the MetricMapping as JSON
  updated_at TEXT NOT NULL
) STRICT;
`

/**
 * References no foreign key holds — a path's steps (JSON) name stages; notes, emotion points,
 * connectors and KPIs name their path (path_id); notes, curve points and curve markers name
 * personas the map links (maps.persona_ids) — could be crossed by two people editing one map at
 * once before the host checked them (one deleting a stage while another added a path through
 * it, say). Such a map's file would not open again, so every map is put right once:
 *
 * - a persona named but not linked is linked again when the library has it; when it does not,
 *   the notes drop it and its curve points and markers go (nothing could show them);
 * - a path loses the steps whose stage is gone, and goes when none is left (what carried its tag
 *   keeps the record without it, its own curve points go, as when a path is deleted);
 * - a tag naming a path that is not there is taken off (a path's own curve point goes).
 *
 * A map changed here gets a new revision, and the records written get it as their version.
 */
function repairCrossedReferences(db: Database.Database): void {
  const pathTagged = ['notes', 'connectors', 'metrics']
  const maps = db.prepare('SELECT id, persona_ids, revision FROM maps').all() as {
    id: string
    persona_ids: string
    revision: number
  }[]
  const library = new Set(db.prepare('SELECT id FROM personas').pluck().all() as string[])
  for (const map of maps) {
    const revision = map.revision + 1
    let changed = false
    const run = (sql: string, ...params: unknown[]) => {
      if (db.prepare(sql).run(...params).changes > 0) changed = true
    }
    // Personas.
    const linked: string[] = JSON.parse(map.persona_ids)
    const named = db
      .prepare(
        `SELECT j.value FROM notes n, json_each(n.persona_ids) j WHERE n.map_id = @id
         UNION SELECT persona_id FROM emotion_points WHERE map_id = @id AND persona_id IS NOT NULL
         UNION SELECT persona_id FROM markers WHERE map_id = @id AND persona_id IS NOT NULL`
      )
      .pluck()
      .all({ id: map.id }) as string[]
    const unlinked = named.filter((id) => !linked.includes(id)).sort()
    const relinked = unlinked.filter((id) => library.has(id))
    if (relinked.length > 0)
      run('UPDATE maps SET persona_ids = ? WHERE id = ?', JSON.stringify([...linked, ...relinked]), map.id)
    for (const persona of unlinked.filter((id) => !library.has(id))) {
      run(
        `UPDATE notes SET persona_ids = (SELECT json_group_array(value) FROM json_each(notes.persona_ids) WHERE value <> @persona),
         version = @revision WHERE map_id = @id AND EXISTS (SELECT 1 FROM json_each(notes.persona_ids) WHERE value = @persona)`,
        { id: map.id, persona, revision }
      )
      run('DELETE FROM markers WHERE map_id = ? AND persona_id = ?', map.id, persona)
      run('DELETE FROM emotion_points WHERE map_id = ? AND persona_id = ?', map.id, persona)
    }
    // Paths through stages that are gone.
    const stages = new Set(db.prepare('SELECT id FROM stages WHERE map_id = ?').pluck().all(map.id) as string[])
    const paths = db.prepare('SELECT id, steps FROM paths WHERE map_id = ?').all(map.id) as {
      id: string
      steps: string
    }[]
    for (const path of paths) {
      const steps = (JSON.parse(path.steps) as { stageId: string }[]).filter((step) => stages.has(step.stageId))
      if (steps.length === 0) run('DELETE FROM paths WHERE map_id = ? AND id = ?', map.id, path.id)
      else if (JSON.stringify(steps) !== path.steps) {
        run(
          'UPDATE paths SET steps = ?, version = ? WHERE map_id = ? AND id = ?',
          JSON.stringify(steps),
          revision,
          map.id,
          path.id
        )
      }
    }
    // Tags naming a path that is not there.
    const gone = 'path_id IS NOT NULL AND path_id NOT IN (SELECT id FROM paths WHERE map_id = @id)'
    for (const table of pathTagged) {
      run(`UPDATE ${table} SET path_id = NULL, version = @revision WHERE map_id = @id AND ${gone}`, {
        id: map.id,
        revision
      })
    }
    run(`DELETE FROM emotion_points WHERE map_id = @id AND ${gone}`, { id: map.id })
    if (changed) db.prepare('UPDATE maps SET revision = ? WHERE id = ?').run(revision, map.id)
  }
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'maps, their content and personas',
    up: (db) => {
      db.pragma(`application_id = ${APPLICATION_ID}`)
      db.exec(coreSchema)
    }
  },
  {
    version: 2,
    description: 'named snapshots of maps',
    up: (db) => db.exec(snapshotSchema)
  },
  {
    version: 3,
    description: 'per-record versions (the map revision that last wrote each record)',
    up: (db) => db.exec(recordVersions)
  },
  {
    version: 4,
    description: 'file lineage: versions of each map saved to or read from files',
    up: (db) => db.exec(mapVersionsSchema)
  },
  {
    version: 5,
    description: 'comments and pictures on notes',
    up: (db) => db.exec(noteCommentsAndImages)
  },
  {
    version: 6,
    description: 'paths, KPI history, evidence on notes, saved metric mappings',
    up: (db) => db.exec(journeysSchema)
  },
  {
    version: 7,
    description: 'references two people editing at once could cross, put right',
    up: repairCrossedReferences
  }
]

/** The schema version this build writes; a file with a higher user_version is refused. */
export const SCHEMA_VERSION = MIGRATIONS.length

export function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the file up to `target` (default: the newest version), one transaction per migration.
 * Returns the versions it applied.
 */
export function runMigrations(db: Database.Database, target: number = SCHEMA_VERSION): number[] {
  const applied: number[] = []
  for (const migration of MIGRATIONS) {
    if (migration.version > target || migration.version <= readUserVersion(db)) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
    applied.push(migration.version)
  }
  return applied
}
