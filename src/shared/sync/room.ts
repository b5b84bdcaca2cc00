/**
 * The host's side of editing: one room for the whole library orders every client's pushes and
 * decides what each one commits. Storage sits behind `RoomStorage` (the SQLite library
 * implements it; src/library/repositories/patch.ts), so this file is pure policy:
 *
 * - Pushes are applied one at a time, in the order they arrive; each committed one adds one to
 *   the map's revision, and every record it writes gets that revision as its version.
 * - A record the client changed that nobody changed since it saw it (version ≤ the push's base
 *   revision) is written as pushed: one UPDATE, the common case.
 * - A record changed since is merged field by field with the client's `before` (merge.ts):
 *   edits of different fields both stay; for a field both changed, the value committed first
 *   (the stored one) stays and the client is told, with its value, so it can keep its text.
 * - A delete wins over an edit; an edit of a record deleted meanwhile is not applied and is
 *   reported as `deleted` (the client keeps the text and may restore the record).
 * - A push that no longer fits the map as a whole (it refers to something deleted meanwhile,
 *   a second emotion point lands on the same slot) is refused with `conflict` when the client
 *   was behind, so the client reloads and re-runs its command; with `invalid_request` when it
 *   was not (a real error).
 *
 * After each commit the room announces the committed patch (`MapChange`) to its listeners.
 * It assumes a synchronous storage (better-sqlite3): a push runs start to finish before the
 * next one begins.
 */
import { JourneyError } from '../errors'
import type { EntityKind, EntityTypes } from '../model'
import type { MetaOp, Patch, PatchOp, PutOp } from '../model/patch'
import { isDeepEqual } from '../commands/core'
import { mergeFields, mergeRecord, type Fields } from './merge'
import type { Conflict, MapChange, MetaFields, PushRequest, PushResult } from './protocol'

type AnyRecord = EntityTypes[EntityKind]

/** A record a commit writes or removes, with where it came from in the request (for error paths). */
export interface Written {
  readonly entity: EntityKind
  readonly id: string
  /** null: removed. */
  readonly value: AnyRecord | null
  /** Where the record's op is in the request, e.g. `patch[3]` or `changes.records[0]`. */
  readonly path: string
  /** Where the written value is, e.g. `patch[3].value` or `changes.records[0].after`. */
  readonly valuePath: string
}

/** What the room needs from storage. Every call but begin runs inside the one open transaction. */
export interface RoomStorage {
  /** Opens the write transaction (the one writer for its duration). */
  begin(): void
  /**
   * Checks what only the whole map can tell (references, ids unique across collections, one
   * emotion point per slot, scores inside the scale) and commits. Throws JourneyError
   * ('invalid_request', naming the request paths) when a rule fails; the caller rolls back.
   */
  commit(mapId: string, written: readonly Written[], metaPath: string | null): void
  /** Rolls back when a transaction is still open (after a failure); harmless otherwise. */
  rollback(): void
  /** One more edit of a live map: its new revision and time, or undefined (missing or in the trash). */
  bumpRevision(mapId: string, now: string): number | undefined
  /** The revision and time of a map as stored (for a push that changed nothing). */
  current(mapId: string): { readonly revision: number; readonly updatedAt: string }
  /** Why a map cannot be edited: it does not exist, or it is in the trash. */
  unavailable(mapId: string): JourneyError
  /**
   * Rewrites an existing record with `version = revision`; with `ifVersionAtMost`, only when its
   * version is at most that. False when no row was written.
   */
  update(entity: EntityKind, mapId: string, value: AnyRecord, revision: number, ifVersionAtMost?: number): boolean
  /**
   * Adds a record unless one with its id is there already (false then). Throws
   * JourneyError('invalid_request', at `path`) when another collection of the map uses the id.
   */
  insert(entity: EntityKind, mapId: string, value: AnyRecord, revision: number, path: string): boolean
  read<K extends EntityKind>(entity: K, mapId: string, id: string): EntityTypes[K] | null
  /** False when there was no such record. */
  remove(entity: EntityKind, mapId: string, id: string): boolean
  readMeta(mapId: string, keys: readonly string[]): MetaFields
  writeMeta(mapId: string, set: MetaFields): void
}

export interface RoomOptions {
  readonly storage: RoomStorage
  /** ISO time stamped on the map when a push commits. */
  readonly now: () => string
  /** Told about every commit, after it is durable. A listener that throws is ignored. */
  readonly onChange?: (change: MapChange) => void
}

export interface SyncRoom {
  /** Applies a client's push (merging where others changed the same records). */
  push(request: PushRequest, origin: string): PushResult
  /**
   * Applies a patch as it is, without merging (the CLI, imports, simple edits such as renaming
   * a map from the home screen). With `baseRevision`, refuses with `conflict` unless the map is
   * still at that revision.
   */
  applyPatch(
    mapId: string,
    patch: Patch,
    baseRevision: number | undefined,
    origin: string
  ): { revision: number; updatedAt: string }
}

export function createSyncRoom(options: RoomOptions): SyncRoom {
  const { storage } = options
  const announce = (change: MapChange) => {
    try {
      options.onChange?.(change)
    } catch {
      // A listener must not turn a committed edit into an error for the pusher.
    }
  }

  /** Runs `body` in one transaction after bumping the revision; rolls back on any throw. */
  const transact = <T>(mapId: string, body: (revision: number, now: string) => T): T => {
    const now = options.now()
    storage.begin()
    try {
      const revision = storage.bumpRevision(mapId, now)
      if (revision === undefined) throw storage.unavailable(mapId)
      return body(revision, now)
    } finally {
      storage.rollback()
    }
  }

  return {
    push(request, origin) {
      const { mapId, baseRevision } = request
      const { records, meta } = request.changes
      return transact(mapId, (revision, updatedAt) => {
        const stale = baseRevision < revision - 1
        const written: Written[] = []
        const conflicts: Conflict[] = []
        const applied: PatchOp[] = []
        let asPushed = true

        // Deletes first (a delete wins over any edit), then the rest.
        records.forEach((c, i) => {
          if (c.after !== null) return
          if (storage.remove(c.entity, mapId, c.id)) {
            const path = `changes.records[${i}]`
            written.push({ entity: c.entity, id: c.id, value: null, path, valuePath: `${path}.after` })
            applied.push({ op: 'delete', entity: c.entity, id: c.id })
          } else asPushed = false
        })
        records.forEach((c, i) => {
          if (c.after === null) return
          const path = `changes.records[${i}]`
          const write = (value: AnyRecord) => {
            written.push({ entity: c.entity, id: c.id, value, path, valuePath: `${path}.after` })
            applied.push({ op: 'put', entity: c.entity, value } as PutOp)
          }
          if (c.before === null) {
            // A new record; already there means this very push was committed before (its answer lost).
            if (storage.insert(c.entity, mapId, c.after, revision, path)) write(c.after)
            else asPushed = false
            return
          }
          if (storage.update(c.entity, mapId, c.after, revision, baseRevision)) return write(c.after)
          // Changed or deleted since the client saw it: merge.
          asPushed = false
          const theirs = storage.read(c.entity, mapId, c.id) as AnyRecord | null
          const merged = mergeRecord<Fields>(c.before, theirs, c.after)
          if (merged.kind === 'deleted') {
            conflicts.push({ kind: 'deleted', entity: c.entity, id: c.id, mine: c.after })
            return
          }
          if (merged.kind === 'conflict' && theirs) {
            conflicts.push({
              kind: 'field',
              entity: c.entity,
              id: c.id,
              fields: merged.conflicts,
              mine: c.after,
              theirs
            })
          }
          const value = merged.value as AnyRecord | null
          if (value === null || (theirs !== null && isDeepEqual(value, theirs))) return
          storage.update(c.entity, mapId, value, revision)
          write(value)
        })

        let metaPath: string | null = null
        if (meta) {
          const keys = Object.keys(meta.after)
          const theirs = storage.readMeta(mapId, keys)
          const merged = mergeFields<Fields>(meta.before, theirs, meta.after)
          if (merged.conflicts.length > 0) {
            conflicts.push({
              kind: 'field',
              entity: 'map',
              id: mapId,
              fields: merged.conflicts,
              mine: meta.after,
              theirs
            })
          }
          const changed = keys.filter((k) => !isDeepEqual(theirs[k as keyof MetaFields], merged.value[k]))
          if (changed.length !== keys.length || merged.conflicts.length > 0) asPushed = false
          if (changed.length > 0) {
            const set = Object.fromEntries(changed.map((k) => [k, merged.value[k]])) as MetaFields
            storage.writeMeta(mapId, set)
            applied.unshift({ op: 'meta', set } as MetaOp)
            metaPath = 'changes.meta'
          }
        }

        if (applied.length === 0) {
          storage.rollback() // nothing to commit: the revision stays where it was
          return { ...storage.current(mapId), outcome: 'discarded', conflicts }
        }
        try {
          storage.commit(mapId, written, metaPath)
        } catch (error) {
          // Behind and no longer fitting: the client must rebase, not give up.
          if (stale && error instanceof JourneyError && error.code === 'invalid_request') {
            throw new JourneyError('conflict', error.message, error.issues, error.reason)
          }
          throw error
        }
        announce({ type: 'mapChanged', mapId, revision, origin, patch: applied, pushId: request.pushId })
        return asPushed
          ? { revision, updatedAt, outcome: 'committed', conflicts }
          : { revision, updatedAt, outcome: 'merged', applied, conflicts }
      })
    },

    applyPatch(mapId, patch, baseRevision, origin) {
      return transact(mapId, (revision, updatedAt) => {
        if (baseRevision !== undefined && baseRevision !== revision - 1) {
          throw new JourneyError(
            'conflict',
            `The map changed meanwhile (revision ${revision - 1}, the edit was made on ${baseRevision}); reload and try again.`
          )
        }
        // The last op on a record decides it, as applyPatch does in memory.
        const last = new Map<string, { op: PatchOp; index: number }>()
        let metaSet: Record<string, unknown> | null = null
        let metaPath: string | null = null
        patch.forEach((op, index) => {
          if (op.op === 'meta') {
            metaSet = { ...metaSet, ...op.set }
            metaPath = `patch[${index}]`
            return
          }
          const key = `${op.entity}:${op.op === 'put' ? op.value.id : op.id}`
          last.delete(key)
          last.set(key, { op, index })
        })
        const written: Written[] = []
        for (const { op, index } of last.values()) {
          if (op.op !== 'delete') continue
          storage.remove(op.entity, mapId, op.id)
          const path = `patch[${index}]`
          written.push({ entity: op.entity, id: op.id, value: null, path, valuePath: `${path}.value` })
        }
        for (const { op, index } of last.values()) {
          if (op.op !== 'put') continue
          const path = `patch[${index}]`
          if (!storage.update(op.entity, mapId, op.value, revision)) {
            storage.insert(op.entity, mapId, op.value, revision, path)
          }
          written.push({ entity: op.entity, id: op.value.id, value: op.value, path, valuePath: `${path}.value` })
        }
        if (metaSet) storage.writeMeta(mapId, metaSet as MetaFields)
        storage.commit(mapId, written, metaPath)
        announce({ type: 'mapChanged', mapId, revision, origin, patch })
        return { revision, updatedAt }
      })
    }
  }
}
