/**
 * The merged map, once every conflict of a plan (./plan.ts) has a choice, and the patch that
 * turns the library's map into it (one undo step in the editor). After the choices are applied,
 * what no longer fits is repaired, always the same way:
 *
 * - a record that refers to one that is gone goes too (a note whose stage was deleted, a
 *   connector to a deleted note, the emotion points of an unlinked persona), and so on down;
 *   a gone id in a list of ids (a note's personas) is dropped from the list instead;
 * - of two records taking the same unique place, the one chosen stays (else the library's);
 * - emotion scores outside the merged scale are clamped into it, as narrowing it in the app does;
 * - linked personas are in the order of the copy that changed the list (the library's when both
 *   did), followed by those only the other copy links.
 */
import { JourneyError, reason } from '../errors'
import { ENTITY_COLLECTIONS, type JourneyMap } from '../model'
import { checkIntegrity } from '../model/integrity'
import { canonicalize, type MetaOp, type Patch, type PatchOp, type PutOp } from '../model/patch'
import { isDeepEqual } from '../commands/core'
import { placesOf, type MergePlan, type MergeSide } from './plan'
import {
  ENTITY_KINDS,
  MAP_RECORD_ID,
  compareKeys,
  grouped,
  recordKey,
  mapRecord,
  recordsOf,
  referencesOf,
  referredKind,
  splitKey,
  ungrouped,
  type Rec
} from './records'

/** The user's choice for each conflict, by conflict id: which copy's version to keep. */
export type MergeChoices = Readonly<Record<string, MergeSide>>

export interface MergeResult {
  /** The merged map (the library's id, revision and dates). */
  readonly map: JourneyMap
  /** From the library's map to the merged one; empty when the file brings nothing new. */
  readonly patch: Patch
}

/** Every conflict given the same answer (tests, and the dialog's "take all from…"). */
export function chooseAll(plan: MergePlan, side: MergeSide): MergeChoices {
  return Object.fromEntries(plan.conflicts.map((c) => [c.id, side]))
}

/** Makes the merged map. Throws invalid_request when a conflict has no choice. */
export function resolveMerge(plan: MergePlan, choices: MergeChoices): MergeResult {
  const missing = plan.conflicts.filter((c) => choices[c.id] !== 'local' && choices[c.id] !== 'incoming')
  if (missing.length > 0) {
    throw new JourneyError(
      'invalid_request',
      `${missing.length} of the merge's conflicts have no choice yet.`,
      [],
      reason('merge.unchosen', { count: missing.length })
    )
  }
  const records = new Map(plan.merged)
  const preferred = new Set<string>()
  for (const conflict of plan.conflicts) {
    const side = choices[conflict.id]!
    switch (conflict.type) {
      case 'field': {
        if (side === 'local') break
        const key = recordKey(conflict.kind, conflict.recordId)
        const current = records.get(key)
        if (current) records.set(key, ungrouped({ ...grouped(current), [conflict.field]: conflict.incoming }, current))
        break
      }
      case 'deletion':
        // Keeping restores the records as the other side has them; deleting leaves them out.
        if (side !== conflict.deletedBy) {
          for (const r of conflict.records) records.set(recordKey(r.kind, r.id), r.kept)
        }
        break
      case 'duplicate': {
        const chosen = conflict[side]
        preferred.add(recordKey(chosen.kind, chosen.record.id))
        break
      }
    }
  }
  // Field choices were made on the merged records; a restored record takes the other side's
  // version whole, so a field conflict on it cannot arise (it was deleted on one side).
  repair(records, preferred, new Set(recordsOf(plan.local).keys()))
  const map = buildMap(plan, records)
  const issues = checkIntegrity(map, 5)
  if (issues.length > 0) {
    // The repairs above keep every rule of checkIntegrity; reaching this is a bug, not bad input.
    throw new JourneyError(
      'internal',
      `The merged map breaks a rule: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`
    )
  }
  return { map, patch: patchBetween(plan.local, map) }
}

/** Drops what refers to something gone, and all but one of records sharing a unique place. */
function repair(records: Map<string, Rec>, preferred: ReadonlySet<string>, local: ReadonlySet<string>): void {
  for (let changed = true; changed;) {
    changed = false
    for (const [key, record] of [...records].sort(([a], [b]) => compareKeys(a, b))) {
      if (!records.has(key)) continue
      const refs = referencesOf(record)
      if (refs.every((r) => records.has(r.key))) continue
      if (refs.some((r) => !r.inList && !records.has(r.key))) {
        records.delete(key)
      } else {
        records.set(key, withoutGoneIds(record, records))
      }
      changed = true
    }
    const places = new Map<string, string[]>()
    for (const [key, record] of records) {
      for (const place of placesOf(key, record)) places.set(place, [...(places.get(place) ?? []), key])
    }
    for (const keys of places.values()) {
      if (keys.length < 2 || !keys.every((k) => records.has(k))) continue
      const rank = (k: string) => (preferred.has(k) ? 0 : local.has(k) ? 1 : 2)
      const [keep] = [...keys].sort((a, b) => rank(a) - rank(b) || compareKeys(a, b))
      for (const k of keys) if (k !== keep) records.delete(k)
      changed = true
    }
  }
}

/** The record with ids of gone records taken out of its lists of ids (at any depth). */
function withoutGoneIds(record: Rec, records: ReadonlyMap<string, Rec>): Rec {
  const clean = (value: unknown, field: string): unknown => {
    if (Array.isArray(value)) {
      const kind = referredKind(field)
      return value
        .filter((v) => !(kind && typeof v === 'string' && !records.has(recordKey(kind, v))))
        .map((v) => (v !== null && typeof v === 'object' ? cleanObject(v as Record<string, unknown>) : v))
    }
    if (value !== null && typeof value === 'object') return cleanObject(value as Record<string, unknown>)
    return value
  }
  const cleanObject = (obj: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, clean(v, k)]))
  return cleanObject(record) as Rec
}

/** The merged records as a map: the library's identity, merged fields, personas in order. */
function buildMap(plan: MergePlan, records: ReadonlyMap<string, Rec>): JourneyMap {
  const own = records.get(recordKey('map', MAP_RECORD_ID)) ?? {}
  // The order of the side that changed the list (the library's when both did), then the rest.
  const linked = (map: JourneyMap) => map.personaIds.filter((id) => records.has(recordKey('persona', id)))
  const localFirst = !isDeepEqual(plan.local.personaIds, plan.base?.personaIds ?? [])
  const [first, second] = localFirst ? [plan.local, plan.incoming] : [plan.incoming, plan.local]
  const personaIds = [...new Set([...linked(first), ...linked(second)])]
  const fields: Record<string, unknown> = { ...plan.local, ...own, id: plan.local.id, personaIds }
  for (const kind of ENTITY_KINDS) fields[ENTITY_COLLECTIONS[kind]] = []
  for (const [key, record] of records) {
    const { kind } = splitKey(key)
    if (kind === 'map' || kind === 'persona') continue
    ;(fields[ENTITY_COLLECTIONS[kind]] as Rec[]).push(record)
  }
  const map = fields as unknown as JourneyMap
  const { min, max } = map.emotionScale
  const clamp = (score: number) => Math.min(max, Math.max(min, score)) + 0
  return canonicalize({
    ...map,
    emotionPoints: map.emotionPoints.map((p) => (p.score < min || p.score > max ? { ...p, score: clamp(p.score) } : p))
  })
}

/** The patch from `before` to `after` (same map): meta fields, then puts and deletes per record. */
export function patchBetween(before: JourneyMap, after: JourneyMap): Patch {
  const patch: PatchOp[] = []
  const set: Record<string, unknown> = {}
  const fields = [...Object.keys(mapRecord(after)).filter((k) => k !== 'id'), 'personaIds'] as (keyof JourneyMap)[]
  for (const key of fields) if (!isDeepEqual(before[key], after[key])) set[key] = after[key]
  if (Object.keys(set).length > 0) patch.push({ op: 'meta', set } as MetaOp)
  for (const kind of ENTITY_KINDS) {
    const collection = ENTITY_COLLECTIONS[kind]
    const was = new Map((before[collection] as readonly Rec[]).map((r) => [r.id, r]))
    const now = new Set<string>()
    for (const record of after[collection] as readonly Rec[]) {
      now.add(record.id)
      if (!isDeepEqual(was.get(record.id), record)) patch.push({ op: 'put', entity: kind, value: record } as PutOp)
    }
    for (const id of was.keys()) if (!now.has(id)) patch.push({ op: 'delete', entity: kind, id })
  }
  return patch
}
