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
 * right, and every file read checks it (checkIntegrity).
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
