/**
 * Change sets: an edit as "each record before → after", the form the engine keeps for history
 * and sends to the host. Built from a command's patch and the map it ran on; turned back into a
 * patch to apply; inverted for undo; merged onto a newer map (merge.ts) when someone else
 * changed the map meanwhile.
 */
import { isDeepEqual } from '../commands/core'
import { ENTITY_COLLECTIONS, type EntityKind, type EntityTypes, type JourneyMap, type MapMeta } from '../model'
import { applyPatch, type MetaOp, type Patch, type PatchOp, type PutOp } from '../model/patch'
import { mergeFields, mergeRecord, type Fields } from './merge'
import type { ChangeSet, Conflict, MetaChange, MetaFields, RecordChange } from './protocol'

type WithId = { readonly id: string }
type AnyRecord = EntityTypes[EntityKind]

export const EMPTY_CHANGES: ChangeSet = { records: [], meta: null }

export const recordKey = (entity: EntityKind, id: string): string => `${entity}:${id}`

/** Finds records of a map by kind and id, indexing each collection on first use. */
export function recordFinder(map: JourneyMap): <K extends EntityKind>(entity: K, id: string) => EntityTypes[K] | null {
  const indexes = new Map<EntityKind, Map<string, WithId>>()
  return <K extends EntityKind>(entity: K, id: string) => {
    let index = indexes.get(entity)
    if (!index) {
      index = new Map((map[ENTITY_COLLECTIONS[entity]] as readonly WithId[]).map((r) => [r.id, r]))
      indexes.set(entity, index)
    }
    return (index.get(id) as EntityTypes[K] | undefined) ?? null
  }
}

/** The meta fields of `map` named by `keys`. */
export function metaFieldsOf(map: JourneyMap, keys: Iterable<string>): MetaFields {
  return Object.fromEntries([...keys].map((k) => [k, map[k as keyof MapMeta]])) as MetaFields
}

/** The edit `patch` makes to `map`, record by record (the last op on a record wins, as in applyPatch). */
export function changesOf(map: JourneyMap, patch: Patch): ChangeSet {
  const find = recordFinder(map)
  const afterByKey = new Map<string, { entity: EntityKind; id: string; after: AnyRecord | null }>()
  let metaSet: Record<string, unknown> | null = null
  for (const op of patch) {
    if (op.op === 'meta') {
      metaSet = { ...(metaSet ?? {}), ...op.set }
      continue
    }
    const id = op.op === 'put' ? op.value.id : op.id
    const key = recordKey(op.entity, id)
    afterByKey.delete(key) // keep the order of last writes
    afterByKey.set(key, { entity: op.entity, id, after: op.op === 'put' ? op.value : null })
  }
  const records: RecordChange[] = []
  for (const { entity, id, after } of afterByKey.values()) {
    const before = find(entity, id)
    if (before === null && after === null) continue
    if (before !== null && after !== null && isDeepEqual(before, after)) continue
    records.push({ entity, id, before, after } as RecordChange)
  }
  let meta: MetaChange | null = null
  if (metaSet) {
    const set = metaSet
    const keys = Object.keys(set).filter((k) => !isDeepEqual(map[k as keyof MapMeta], set[k]))
    if (keys.length > 0) {
      const after = Object.fromEntries(keys.map((k) => [k, set[k]])) as MetaFields
      meta = { before: metaFieldsOf(map, keys), after }
    }
  }
  return { records, meta }
}

/** True when the change set changes nothing. */
export const isEmpty = (changes: ChangeSet): boolean => changes.records.length === 0 && changes.meta === null

/** The patch that makes the change set's `after` true (meta first, then records in order). */
export function patchOf(changes: ChangeSet): Patch {
  const ops: PatchOp[] = []
  if (changes.meta) ops.push({ op: 'meta', set: changes.meta.after } as MetaOp)
  for (const c of changes.records) {
    if (c.after !== null) ops.push({ op: 'put', entity: c.entity, value: c.after } as PutOp)
    else ops.push({ op: 'delete', entity: c.entity, id: c.id })
  }
  return ops
}

/** `map` with the change set's `after` applied (the same map when it changes nothing). */
export function applyChanges(map: JourneyMap, changes: ChangeSet): JourneyMap {
  return isEmpty(changes) ? map : applyPatch(map, patchOf(changes))
}

/** The change set that undoes `changes`. */
export function invertChanges(changes: ChangeSet): ChangeSet {
  return {
    records: [...changes.records].reverse().map((c) => ({ ...c, before: c.after, after: c.before }) as RecordChange),
    meta: changes.meta ? { before: changes.meta.after, after: changes.meta.before } : null
  }
}

/** What `rebase` makes of a change set on a newer map. */
export interface Rebased {
  /** The edit as it now applies: before = the record on the newer map, after = the merge. */
  readonly changes: ChangeSet
  /** Where both changed the same field (theirs kept) or mine edited something deleted. */
  readonly conflicts: readonly Conflict[]
}

/**
 * Carries an edit over onto `map`, a newer state that may hold other people's changes: every
 * record is merged three ways (base = the edit's before, theirs = the record on `map`, mine =
 * the edit's after). Records nobody else touched come out unchanged; records that end up as
 * they already are on `map` drop out.
 */
export function rebase(changes: ChangeSet, map: JourneyMap): Rebased {
  const find = recordFinder(map)
  const records: RecordChange[] = []
  const conflicts: Conflict[] = []
  for (const c of changes.records) {
    const theirs = find(c.entity, c.id) as AnyRecord | null
    const merged = mergeRecord<Fields>(c.before, theirs, c.after)
    if (merged.kind === 'deleted') {
      conflicts.push({ kind: 'deleted', entity: c.entity, id: c.id, mine: merged.mine })
      continue
    }
    if (merged.kind === 'conflict' && theirs !== null && c.after !== null) {
      conflicts.push({ kind: 'field', entity: c.entity, id: c.id, fields: merged.conflicts, mine: c.after, theirs })
    }
    const after = merged.value as AnyRecord | null
    if (theirs === null ? after === null : after !== null && isDeepEqual(theirs, after)) continue
    records.push({ entity: c.entity, id: c.id, before: theirs, after } as RecordChange)
  }
  let meta: MetaChange | null = null
  if (changes.meta) {
    const keys = Object.keys(changes.meta.after)
    const theirs = metaFieldsOf(map, keys)
    const merged = mergeFields<Fields>(changes.meta.before, theirs, changes.meta.after)
    if (merged.conflicts.length > 0) {
      conflicts.push({
        kind: 'field',
        entity: 'map',
        id: map.id,
        fields: merged.conflicts,
        mine: changes.meta.after,
        theirs
      })
    }
    const changed = keys.filter((k) => !isDeepEqual(theirs[k as keyof MetaFields], merged.value[k]))
    if (changed.length > 0) {
      meta = {
        before: metaFieldsOf(map, changed),
        after: Object.fromEntries(changed.map((k) => [k, merged.value[k]])) as MetaFields
      }
    }
  }
  return { changes: { records, meta }, conflicts }
}

/** True when every record and field of the change set already is as `after` says on `map`. */
export function alreadyApplied(changes: ChangeSet, map: JourneyMap): boolean {
  const find = recordFinder(map)
  return (
    changes.records.every((c) => {
      const now = find(c.entity, c.id)
      return c.after === null ? now === null : now !== null && isDeepEqual(now, c.after)
    }) &&
    (changes.meta === null ||
      Object.entries(changes.meta.after).every(([k, v]) => isDeepEqual(map[k as keyof MapMeta], v)))
  )
}
