/**
 * Planning a three-way merge of two copies of a map against their common ancestor: what merges
 * by itself, and what only the user can decide. The rules, as docs/merging.md states them:
 *
 * 1. Added on one side: kept.
 * 2. Changed on one side only: taken (field by field, ./fields.ts; where a record sits, its stage,
 *    lane and order, is one field).
 * 3. Changed on both sides to the same value: that value.
 * 4. Changed on both sides differently: a conflict.
 * 5. Deleted on one side and untouched on the other ("deletions win over untouched records"), or
 *    deleted on both: deleted.
 * 6. Deleted on one side, needed on the other (changed there, or referred to by a record added or
 *    changed there): a conflict. Records deleted together on one side and tied by references (a
 *    stage and its notes) are one such conflict: keep them all, or delete them all.
 * 7. Two records in one place (an emotion point per series and stage, an id), one from each
 *    side: a conflict, keep one.
 * 8. Without a common ancestor, records both have are merged as if both had added them.
 *
 * Nothing is applied here: ./resolve.ts makes the merged map once every conflict has a choice.
 * Pure and deterministic: conflicts come sorted by kind (the map, personas, then the collections
 * in model order) and id.
 */
import type { EntityKind, JourneyMap } from '../model'
import { mergeFields, type Fields } from './fields'
import {
  compareKeys,
  grouped,
  recordKey,
  recordsOf,
  referencesOf,
  sameRecord,
  splitKey,
  ungrouped,
  type MergeKind,
  type Rec
} from './records'

/** Which copy a value comes from: the library's map, or the one in the file. */
export type MergeSide = 'local' | 'incoming'

/** Both sides changed a field (or a field group, such as `position`) of one record differently. */
export interface FieldConflict {
  readonly type: 'field'
  /** Stable and unique within the plan: the key of the choice. */
  readonly id: string
  readonly kind: MergeKind
  readonly recordId: string
  /** The field, or the group (`position`: stage, lane and order). */
  readonly field: string
  /** undefined when the record did not exist in the ancestor (both added it). */
  readonly base: unknown
  readonly local: unknown
  readonly incoming: unknown
  /** The whole record on each side, for showing what it is. */
  readonly records: { readonly base: Rec | null; readonly local: Rec; readonly incoming: Rec }
}

export interface DeletedRecord {
  readonly kind: MergeKind
  readonly id: string
  readonly base: Rec
  /** As the other side has it: what keeping it restores. */
  readonly kept: Rec
}

export interface DependentRecord {
  readonly kind: MergeKind
  readonly id: string
  /** As the keeping side has it. */
  readonly record: Rec
}

/** One side deleted records that the other side changed, or added or changed records that need. */
export interface DeletionConflict {
  readonly type: 'deletion'
  readonly id: string
  readonly deletedBy: MergeSide
  /** The records deleted together, containers first (a stage before its notes). */
  readonly records: readonly DeletedRecord[]
  /** Records of the other side that need them; they go too when the deletion is chosen. */
  readonly dependents: readonly DependentRecord[]
}

/**
 * Each side has its own record where a map holds only one: an emotion point for the same series
 * and stage, or two records of different kinds under one id (ids are unique across a map).
 */
export interface DuplicateConflict {
  readonly type: 'duplicate'
  readonly id: string
  readonly local: { readonly kind: EntityKind; readonly record: Rec }
  readonly incoming: { readonly kind: EntityKind; readonly record: Rec }
}

export type MergeConflict = FieldConflict | DeletionConflict | DuplicateConflict

export interface MergePlan {
  readonly base: JourneyMap | null
  readonly local: JourneyMap
  readonly incoming: JourneyMap
  /** Every record that stays without asking, with the library's value where a field is in conflict. */
  readonly merged: ReadonlyMap<string, Rec>
  /** The same with the file's value where a field is in conflict. */
  readonly mergedIncoming: ReadonlyMap<string, Rec>
  readonly conflicts: readonly MergeConflict[]
}

/**
 * Records of which a map holds at most one per key (the model's integrity rules,
 * src/shared/model/integrity.ts): a kind with such a rule is listed here.
 */
export const UNIQUE_KEYS: Partial<Record<EntityKind, (record: Rec) => string>> = {
  emotionPoint: (p) =>
    `${String(p['personaId'] ?? '')}|${String(p['variant'])}|${String(p['stageId'])}${p['pathId'] === undefined ? '' : `|${String(p['pathId'])}`}`,
  kpiValue: (v) => `${String(v['metricId'])}|${String(v['date'])}`
}

/** The unique places a record takes in a map: its id (unique across kinds) and its kind's unique key. */
export function placesOf(key: string, record: Rec): string[] {
  const { kind } = splitKey(key)
  if (kind === 'map' || kind === 'persona') return []
  const unique = UNIQUE_KEYS[kind]
  return [`id:${record.id}`, ...(unique ? [`${kind}:${unique(record)}`] : [])]
}

const other = (side: MergeSide): MergeSide => (side === 'local' ? 'incoming' : 'local')

/** Plans the merge of `incoming` (a file's map) into `local` (the library's), against `base`. */
export function planMerge(base: JourneyMap | null, local: JourneyMap, incoming: JourneyMap): MergePlan {
  const B = recordsOf(base)
  const sides = { local: recordsOf(local), incoming: recordsOf(incoming) }
  const keys = [...new Set([...B.keys(), ...sides.local.keys(), ...sides.incoming.keys()])].sort(compareKeys)

  const merged = new Map<string, Rec>()
  const mergedIncoming = new Map<string, Rec>()
  const fieldConflicts: FieldConflict[] = []
  const deleted = { local: new Set<string>(), incoming: new Set<string>() }

  for (const key of keys) {
    const b = B.get(key) ?? null
    const l = sides.local.get(key) ?? null
    const i = sides.incoming.get(key) ?? null
    if (l && i) {
      // Both have it: field by field (with an empty ancestor when both added it).
      const g = { base: b ? grouped(b) : {}, local: grouped(l), incoming: grouped(i) }
      const withLocal = mergeFields<Fields>(g.base, g.local, g.incoming)
      const withIncoming = mergeFields<Fields>(g.base, g.incoming, g.local)
      merged.set(key, ungrouped(withLocal.value, l))
      mergedIncoming.set(key, ungrouped(withIncoming.value, l))
      const { kind, id } = splitKey(key)
      for (const field of withLocal.conflicts) {
        fieldConflicts.push({
          type: 'field',
          id: `${key}#${field}`,
          kind,
          recordId: id,
          field,
          base: b ? g.base[field] : undefined,
          local: g.local[field],
          incoming: g.incoming[field],
          records: { base: b, local: l, incoming: i }
        })
      }
    } else if (l || i) {
      const present = (l ?? i) as Rec
      if (!b) {
        // Added on one side.
        merged.set(key, present)
        mergedIncoming.set(key, present)
      } else deleted[l ? 'incoming' : 'local'].add(key)
    }
    // Neither has it: deleted on both sides (or never there).
  }

  const deletionConflicts = (['local', 'incoming'] as const).flatMap((side) =>
    deletionsOf(side, deleted[side], { base: B, ...sides }, side === 'local' ? mergedIncoming : merged)
  )
  // Undisputed deletions are simply not in `merged`; disputed ones come back if kept.
  const duplicates = duplicatesOf(sides, merged, mergedIncoming, deletionConflicts)
  const conflicts: MergeConflict[] = [...fieldConflicts, ...deletionConflicts, ...duplicates]
  return { base, local, incoming, merged, mergedIncoming, conflicts }
}

/**
 * The disputed deletions of one side: groups of records it deleted (tied by references) that the
 * other side changed or needs. `keptMerge` is the merge as the other side would have it.
 */
function deletionsOf(
  side: MergeSide,
  gone: ReadonlySet<string>,
  maps: { base: ReadonlyMap<string, Rec>; local: ReadonlyMap<string, Rec>; incoming: ReadonlyMap<string, Rec> },
  keptMerge: ReadonlyMap<string, Rec>
): DeletionConflict[] {
  if (gone.size === 0) return []
  const keeper = other(side)
  const kept = maps[keeper]
  // Union-find over the deleted records, joined where one refers to another (in the ancestor, or
  // as the other side has it): a stage and its notes, a note and its connectors.
  const parent = new Map([...gone].map((k) => [k, k]))
  const find = (k: string): string => {
    let root = k
    while (parent.get(root) !== root) root = parent.get(root)!
    parent.set(k, root)
    return root
  }
  const join = (a: string, b: string) => {
    const ra = find(a)
    const rb = find(b)
    if (ra === rb) return
    // The smaller key (kind order, then id) stands for the group: deterministic.
    if (compareKeys(ra, rb) < 0) parent.set(rb, ra)
    else parent.set(ra, rb)
  }
  const disputed = new Set<string>()
  for (const key of gone) {
    const before = maps.base.get(key)!
    const now = kept.get(key)!
    if (!sameRecord(before, now)) disputed.add(key)
    for (const ref of [...referencesOf(before), ...referencesOf(now)]) if (gone.has(ref.key)) join(key, ref.key)
  }
  // Records the keeping side has in the merge that refer to a deleted one need it.
  const dependents = new Map<string, Set<string>>()
  for (const [key, record] of keptMerge) {
    for (const ref of referencesOf(record)) {
      if (!gone.has(ref.key)) continue
      disputed.add(ref.key)
      let set = dependents.get(ref.key)
      if (!set) dependents.set(ref.key, (set = new Set()))
      set.add(key)
    }
  }
  const groups = new Map<string, string[]>()
  for (const key of [...gone].sort(compareKeys)) {
    const root = find(key)
    let list = groups.get(root)
    if (!list) groups.set(root, (list = []))
    list.push(key)
  }
  const conflicts: DeletionConflict[] = []
  for (const [root, members] of [...groups].sort(([a], [b]) => compareKeys(a, b))) {
    if (!members.some((k) => disputed.has(k))) continue
    const needing = [...new Set(members.flatMap((k) => [...(dependents.get(k) ?? [])]))].sort(compareKeys)
    conflicts.push({
      type: 'deletion',
      id: `deleted:${root}`,
      deletedBy: side,
      records: members.map((key) => ({ ...splitKey(key), base: maps.base.get(key)!, kept: kept.get(key)! })),
      dependents: needing.map((key) => ({ ...splitKey(key), record: keptMerge.get(key)! }))
    })
  }
  return conflicts
}

/** Pairs of records, one from each side, that would take the same unique place (rule 7). */
function duplicatesOf(
  sides: { local: ReadonlyMap<string, Rec>; incoming: ReadonlyMap<string, Rec> },
  merged: ReadonlyMap<string, Rec>,
  mergedIncoming: ReadonlyMap<string, Rec>,
  deletions: readonly DeletionConflict[]
): DuplicateConflict[] {
  // Every version a record may end up as, by the places it takes.
  const places = new Map<string, Set<string>>()
  const add = (key: string, record: Rec) => {
    for (const place of placesOf(key, record)) {
      let set = places.get(place)
      if (!set) places.set(place, (set = new Set()))
      set.add(key)
    }
  }
  for (const [key, record] of merged) add(key, record)
  for (const [key, record] of mergedIncoming) add(key, record)
  for (const conflict of deletions) for (const r of conflict.records) add(recordKey(r.kind, r.id), r.kept)
  const out: DuplicateConflict[] = []
  const seen = new Set<string>()
  for (const [place, keys] of [...places].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (keys.size < 2) continue
    const at = (side: 'local' | 'incoming') =>
      [...keys].sort(compareKeys).find((k) => {
        const r = sides[side].get(k)
        return r !== undefined && placesOf(k, r).includes(place)
      })
    const l = at('local')
    const i = at('incoming')
    if (!l || !i || l === i || seen.has(`${l} ${i}`)) continue
    seen.add(`${l} ${i}`)
    const side = (key: string, map: ReadonlyMap<string, Rec>) => ({
      kind: splitKey(key).kind as EntityKind,
      record: map.get(key)!
    })
    out.push({
      type: 'duplicate',
      // The same whichever side is which.
      id: `duplicate:${[l, i].sort(compareKeys).join(':')}`,
      local: side(l, sides.local),
      incoming: side(i, sides.incoming)
    })
  }
  return out
}
