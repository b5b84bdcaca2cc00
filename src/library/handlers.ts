/**
 * What each JourneyApi method does to the library. Requests arrive validated (parseApiCall);
 * every write checks it may write, runs in one IMMEDIATE transaction, and announces the change
 * only after the commit.
 */
import type { ApiEvent, ApiMethod, ApiRequest, ApiResponse } from '../shared/api/contract'
import { LIMITS } from '../shared/schema/entities'
import { JourneyError, reason } from '../shared/errors'
import type { JourneyMap, Persona } from '../shared/model'
import { createMapFromTemplate } from '../shared/templates'
import { lineageOf, mapVersion, type Lineage } from '../shared/format/lineage'
import { checkIntegrity } from '../shared/model/integrity'
import { canonicalize } from '../shared/model/patch'
import { readImport, referencedPersonaIds, titleFromFileName, writeInterchange } from './interchange'
import type { MapRepository } from './repositories/maps'
import { SqliteRoomStorage } from './repositories/patch'
import { createSyncRoom } from '../shared/sync/room'
import type { PersonaRepository } from './repositories/personas'
import { searchMaps } from './repositories/search'
import { MetricMappingRepository, metricsHandlers } from './metrics-import'
import type { SnapshotRepository } from './repositories/snapshots'
import type { VersionRepository } from './repositories/versions'
import type { Statements } from './statements'

export interface LibraryContext {
  readonly statements: Statements
  readonly maps: MapRepository
  readonly personas: PersonaRepository
  readonly snapshots: SnapshotRepository
  readonly versions: VersionRepository
  readonly path: string
  readonly readOnly: boolean
  readonly notices: readonly string[]
  readonly appVersion: string
  /** ISO time of the injected clock. */
  now(): string
  newId(): string
  emit(event: ApiEvent): void
}

export type Handlers = {
  [K in ApiMethod]: (req: ApiRequest<K>, origin: string) => ApiResponse<K> | Promise<ApiResponse<K>>
}

/** Methods that change the library: refused up front on a read-only library, even when they would change nothing. */
export const WRITE_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'createMap',
  'applyPatch',
  'pushChanges',
  'duplicateMap',
  'trashMap',
  'restoreMap',
  'emptyTrash',
  'importMap',
  'recordMergedFile',
  'savePersona',
  'deletePersona',
  'createSnapshot',
  'restoreSnapshot',
  'importMetrics'
])

export const readOnlyError = (path: string): JourneyError =>
  new JourneyError(
    'read_only',
    `The library ${JSON.stringify(path)} is open read-only; nothing can be changed.`,
    [],
    reason('library.readOnly')
  )

export const notFound = (what: string) =>
  new JourneyError(
    'not_found',
    `${what} does not exist (it may have been deleted for good).`,
    [],
    reason('library.notFound')
  )

/** `title + suffix`, shortening the title so the whole fits the title limit. */
export function titleWithSuffix(title: string, suffix: string): string {
  const room = LIMITS.title - suffix.length
  return (title.length > room ? title.slice(0, room).trimEnd() : title) + suffix
}

/** A snapshot's name made of a sentence and a file name, within the name limit. */
export function snapshotName(prefix: string, fileName: string | undefined): string {
  const stem = titleFromFileName(fileName)
  return stem ? titleWithSuffix(prefix, ` ${stem}`).slice(0, LIMITS.label) : prefix
}

/** The live workshop's methods belong to the door that can listen on the network (src/live). */
const noLiveSession = (): never => {
  throw new JourneyError('forbidden', 'Inviting participants needs the Journeyboard app or its web host.')
}

export function createHandlers(ctx: LibraryContext): Handlers {
  const { maps, personas, snapshots, versions } = ctx
  const db = ctx.statements.db
  // The one room that orders every edit of every map (src/shared/sync/room.ts).
  const room = createSyncRoom({
    storage: new SqliteRoomStorage(ctx.statements, maps),
    now: ctx.now,
    onChange: (change) => ctx.emit(change)
  })

  const assertWritable = () => {
    if (ctx.readOnly) throw readOnlyError(ctx.path)
  }
  /** Runs a write in one transaction; announces libraryChanged after the commit when asked to. */
  const write = <T>(fn: () => T, announce = true): T => {
    assertWritable()
    const result = db.transaction(fn).immediate()
    if (announce) ctx.emit({ type: 'libraryChanged' })
    return result
  }
  const load = (id: string): JourneyMap => {
    const map = maps.load(id)
    if (!map) throw notFound('This map')
    return map
  }
  /**
   * Records `version` of a map as seen, keeping `content` as its snapshot unless the library
   * already holds one. Inside a write.
   */
  const keepVersion = (mapId: string, content: JourneyMap, own: boolean, name: string): void => {
    const version = mapVersion(content)
    const known = versions.get(mapId, version)
    const snapshotId = known?.snapshotId ?? snapshots.create(ctx.newId(), name, ctx.now(), { ...content, id: mapId }).id
    versions.note(mapId, version, own, snapshotId)
  }
  /** The versions a file lists as seen before its own, known from now on (names only). */
  const noteAncestors = (mapId: string, lineage: Lineage): void => {
    for (const version of lineage.seen) versions.note(mapId, version, false, null)
  }
  /** Stores `source` as a brand-new map (new map id; inner ids are per map and kept). */
  const insertCopy = (source: JourneyMap, title: string): JourneyMap => {
    const now = ctx.now()
    const copy: JourneyMap = { ...source, id: ctx.newId(), title, revision: 0, createdAt: now, updatedAt: now }
    write(() => maps.insert(copy))
    return load(copy.id)
  }

  return {
    ...metricsHandlers({
      mappings: new MetricMappingRepository(ctx.statements),
      room,
      load,
      assertWritable,
      write,
      now: ctx.now,
      newId: ctx.newId
    }),
    getAppInfo: () => ({
      version: ctx.appVersion,
      libraryPath: ctx.path,
      readOnly: ctx.readOnly,
      notices: [...ctx.notices]
    }),
    listMaps: () => maps.summaries(),
    searchMaps: ({ query }) => searchMaps(ctx.statements, query),
    getMap: ({ id }) => load(id),
    createMap: ({ template, title, language }) => {
      const map = createMapFromTemplate(template, title, ctx.newId, ctx.now(), language)
      write(() => maps.insert(map))
      return load(map.id)
    },
    applyPatch: ({ mapId, baseRevision, patch }, origin) => {
      assertWritable()
      return room.applyPatch(mapId, patch, baseRevision, origin)
    },
    pushChanges: (request, origin) => {
      assertWritable()
      return room.push(request, origin)
    },
    duplicateMap: ({ id, title }) => {
      const source = load(id)
      return insertCopy(source, title?.trim() || titleWithSuffix(source.title, ' (copy)'))
    },
    trashMap: ({ id }) => {
      const row = maps.row(id)
      if (!row) throw notFound('This map')
      if (row.deleted_at === null) write(() => maps.setDeletedAt(id, ctx.now()))
      return null
    },
    listTrash: () => maps.trashed(),
    restoreMap: ({ id }) => {
      const row = maps.row(id)
      if (!row) throw notFound('This map')
      if (row.deleted_at !== null) write(() => maps.setDeletedAt(id, null))
      return null
    },
    emptyTrash: () => {
      let removed = 0
      write(() => (removed = maps.purgeTrash()), false)
      if (removed > 0) ctx.emit({ type: 'libraryChanged' })
      return { removed }
    },
    importMap: ({ text, fileName }) => {
      assertWritable()
      const imported = readImport(text, {
        newId: ctx.newId,
        now: ctx.now(),
        personas: personas.list(),
        fileName,
        keepId: (id) => !maps.exists(id)
      })
      write(() => {
        // A persona the library already has is kept as stored: the library's copy is the newer truth.
        for (const persona of imported.personas) if (!personas.get(persona.id)) personas.upsert(persona)
        maps.insert(imported.map)
        // A file with a lineage can come back edited: keep what it held as the ancestor of that merge.
        if (imported.lineage) {
          noteAncestors(imported.map.id, imported.lineage)
          // A file edited by hand since it was saved holds another version than it names.
          if (imported.lineage.version !== mapVersion(imported.map)) {
            versions.note(imported.map.id, imported.lineage.version, false, null)
          }
          keepVersion(imported.map.id, imported.map, true, snapshotName('Opened from', fileName))
        }
      })
      return load(imported.map.id)
    },
    prepareMapFile: ({ mapId }) => {
      const map = load(mapId)
      // A read-only library, or a map in the trash, still exports; it just cannot remember doing so.
      if (!ctx.readOnly && maps.row(mapId)?.deleted_at === null) {
        write(() => keepVersion(mapId, map, true, 'Saved to a file'), false)
      }
      const seen = versions.list(mapId).map((v) => v.version)
      return { map, personas: personas.some(referencedPersonaIds(map)), lineage: lineageOf(map, seen) }
    },
    findMergeBase: ({ mapId, lineage }) => {
      const map = load(mapId)
      const current = mapVersion(map)
      // Newest first: the file's own version, then what it saw before, latest first.
      for (const version of [lineage.version, ...[...lineage.seen].reverse()]) {
        if (version === current) return { map, base: { version, snapshot: null, map } }
        const known = versions.get(mapId, version)
        if (!known?.snapshotId) continue
        // The file's own version, known only because it was merged before: that merge may have
        // been undone, so the merge is worked out again from the version before it.
        if (version === lineage.version && !known.own) continue
        const snapshot = snapshots.get(known.snapshotId)
        if (snapshot) return { map, base: { version, snapshot: snapshot.info, map: snapshot.map } }
      }
      return { map, base: null }
    },
    recordMergedFile: ({ mapId, fileName, map: theirs, lineage }) => {
      load(mapId)
      const content = canonicalize(theirs as JourneyMap)
      const broken = checkIntegrity(content, 1)[0]
      if (broken) {
        throw new JourneyError(
          'invalid_request',
          `The merged file's map is not valid: ${broken.path}: ${broken.message}.`
        )
      }
      return write(() => {
        noteAncestors(mapId, lineage)
        const name = snapshotName('Merged from', fileName)
        keepVersion(mapId, content, false, name)
        const snapshotId = versions.get(mapId, mapVersion(content))?.snapshotId
        const snapshot = snapshotId ? snapshots.get(snapshotId) : undefined
        if (!snapshot) throw new JourneyError('storage', 'The merged file could not be kept as a snapshot.')
        return snapshot.info
      })
    },
    exportMapJson: ({ id }) => {
      const map = load(id)
      return writeInterchange(map, personas.some(referencedPersonaIds(map)), ctx.now())
    },
    listPersonas: () => personas.list(),
    savePersona: ({ persona }) => {
      let stored: Persona = persona
      write(() => {
        const existing = personas.get(persona.id)
        stored = { ...persona, createdAt: existing?.createdAt ?? persona.createdAt, updatedAt: ctx.now() }
        personas.upsert(stored)
      })
      return stored
    },
    deletePersona: ({ id }) => {
      const persona = personas.get(id)
      if (!persona) throw notFound('This persona')
      // Refused while linked: deleting would silently take emotion curves out of maps.
      const linked = maps.mapsLinkingPersona(id)
      if (linked.length > 0) {
        const names = linked.slice(0, 3).map((m) => `"${m.title}"${m.trashed ? ' (in the trash)' : ''}`)
        const more = linked.length > 3 ? ` and ${linked.length - 3} more` : ''
        throw new JourneyError(
          'conflict',
          `The persona "${persona.name}" is used by ${names.join(', ')}${more}; remove it from ${linked.length === 1 ? 'that map' : 'those maps'} first.`
        )
      }
      write(() => personas.delete(id))
      return null
    },
    listSnapshots: ({ mapId }) => {
      if (!maps.exists(mapId)) throw notFound('This map')
      return snapshots.list(mapId)
    },
    createSnapshot: ({ mapId, name }) => {
      return write(() => snapshots.create(ctx.newId(), name.trim(), ctx.now(), load(mapId)))
    },
    getSnapshot: ({ id }) => {
      const snapshot = snapshots.get(id)
      if (!snapshot) throw notFound('This snapshot')
      return snapshot.map
    },
    restoreSnapshot: ({ id }) => {
      const snapshot = snapshots.get(id)
      if (!snapshot) throw notFound('This snapshot')
      return insertCopy(snapshot.map, titleWithSuffix(snapshot.map.title, ` (restored ${snapshot.info.name})`))
    },
    liveStatus: noLiveSession,
    startLive: noLiveSession,
    resumeLive: noLiveSession,
    updateLive: noLiveSession,
    removeParticipant: noLiveSession,
    revealVotes: noLiveSession,
    endLive: noLiveSession
  }
}
