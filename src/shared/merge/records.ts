/**
 * A map seen as the merge sees it: a table of records, each under a key `kind:id`. The kinds
 * are every entity collection of the map (ENTITY_COLLECTIONS, so records added to the model
 * later are merged without code here), plus two of the map's own:
 *
 * - `map:map`, the map's own fields (title, description, emotion scale…), merged field by field;
 * - `persona:<id>`, one per linked persona (map.personaIds), so that linking and unlinking merge
 *   like adding and deleting a record.
 *
 * References between records are found by name, the model's convention: a field `xxxId` refers
 * to a record of the kind `xxx` ends with (`stageId` a stage, `fromNoteId` a note, `personaId` a
 * linked persona), `xxxIds` to several; nested objects (a marker's target) are searched too.
 */
import { isDeepEqual } from '../commands/core'
import { ENTITY_COLLECTIONS, type EntityKind, type JourneyMap } from '../model'
import type { Fields } from './fields'

/** What a record of the merge is. */
export type MergeKind = 'map' | 'persona' | EntityKind

/** A record of any kind: plain data with an id. */
export type Rec = Fields & { readonly id: string }

export const ENTITY_KINDS = Object.keys(ENTITY_COLLECTIONS) as EntityKind[]

/** Every kind, in the order conflicts and results are listed: the map, personas, then the collections. */
export const MERGE_KINDS: readonly MergeKind[] = ['map', 'persona', ...ENTITY_KINDS]

const KIND_RANK = new Map(MERGE_KINDS.map((k, i) => [k, i]))

export const recordKey = (kind: MergeKind, id: string): string => `${kind}:${id}`

export function splitKey(key: string): { kind: MergeKind; id: string } {
  const at = key.indexOf(':')
  return { kind: key.slice(0, at) as MergeKind, id: key.slice(at + 1) }
}

/** Kind order, then id: the one order every list of the merge is in. */
export function compareKeys(a: string, b: string): number {
  const ka = splitKey(a)
  const kb = splitKey(b)
  return (KIND_RANK.get(ka.kind) ?? 99) - (KIND_RANK.get(kb.kind) ?? 99) || (ka.id < kb.id ? -1 : ka.id > kb.id ? 1 : 0)
}

/** The id of the map's own record. */
export const MAP_RECORD_ID = 'map'

/** The map's fields that are not merged: its identity and the library's bookkeeping. */
const NOT_MERGED = new Set(['id', 'revision', 'createdAt', 'updatedAt', 'personaIds'])
const COLLECTIONS = new Set<string>(Object.values(ENTITY_COLLECTIONS))

/** The map's own fields as a record (without its collections, identity and bookkeeping). */
export function mapRecord(map: JourneyMap): Rec {
  const fields: Record<string, unknown> = { id: MAP_RECORD_ID }
  for (const [key, value] of Object.entries(map)) {
    if (!NOT_MERGED.has(key) && !COLLECTIONS.has(key)) fields[key] = value
  }
  return fields as Rec
}

/** Every record of a map under its key. */
export function recordsOf(map: JourneyMap | null): Map<string, Rec> {
  const out = new Map<string, Rec>()
  if (!map) return out
  out.set(recordKey('map', MAP_RECORD_ID), mapRecord(map))
  for (const id of map.personaIds) out.set(recordKey('persona', id), { id })
  for (const kind of ENTITY_KINDS) {
    for (const record of map[ENTITY_COLLECTIONS[kind]] as readonly Rec[]) out.set(recordKey(kind, record.id), record)
  }
  return out
}

const REFERRED_KINDS: readonly MergeKind[] = ['persona', ...ENTITY_KINDS]

/** The kind a field named `xxxId` / `xxxIds` refers to, or null when it is no reference. */
export function referredKind(field: string): MergeKind | null {
  const match = /^(.+?)Ids?$/.exec(field)
  if (!match) return null
  const stem = match[1]!.toLowerCase()
  let best: MergeKind | null = null
  for (const kind of REFERRED_KINDS) {
    if (stem.endsWith(kind.toLowerCase()) && (!best || kind.length > best.length)) best = kind
  }
  return best
}

export interface Reference {
  /** Key of the record referred to. */
  readonly key: string
  /** Where: the field, or the path to it in a nested object. */
  readonly path: readonly string[]
  /** Inside a list of ids (`personaIds`): dropping the id repairs it; a single reference cannot be dropped. */
  readonly inList: boolean
}

/** The records a record refers to. */
export function referencesOf(record: Fields): Reference[] {
  const out: Reference[] = []
  const walk = (value: Fields, path: readonly string[]) => {
    for (const [field, v] of Object.entries(value)) {
      if (field === 'id') continue
      const kind = referredKind(field)
      if (kind && typeof v === 'string') out.push({ key: recordKey(kind, v), path: [...path, field], inList: false })
      else if (kind && Array.isArray(v)) {
        for (const id of v)
          if (typeof id === 'string') out.push({ key: recordKey(kind, id), path: [...path, field], inList: true })
      } else if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(v as Fields, [...path, field])
      else if (Array.isArray(v)) {
        v.forEach((item, i) => {
          if (item !== null && typeof item === 'object') walk(item as Fields, [...path, field, String(i)])
        })
      }
    }
  }
  walk(record, [])
  return out
}

/**
 * Fields that only mean something together and so merge as one: where a record sits (its stage,
 * lane and place there). A note moved to one cell here and another there is one conflict, not
 * a stage from one side and a lane from the other.
 */
export const FIELD_GROUPS: Readonly<Record<string, readonly string[]>> = {
  position: ['stageId', 'laneId', 'order']
}

/** The record with grouped fields folded into one field each (for records with two or more of them). */
export function grouped(record: Fields): Fields {
  const out: Record<string, unknown> = { ...record }
  for (const [group, fields] of Object.entries(FIELD_GROUPS)) {
    const present = fields.filter((f) => f in record)
    if (present.length < 2) continue
    out[group] = Object.fromEntries(present.map((f) => [f, record[f]]))
    for (const f of present) delete out[f]
  }
  return out
}

/** Undoes `grouped`, keeping the record's own key order for the fields it had. */
export function ungrouped(fields: Fields, like: Fields): Rec {
  const flat: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    // An optional field chosen as absent (a note's comments on the side that removed them) stays absent.
    if (value === undefined) continue
    if (key in FIELD_GROUPS && value !== null && typeof value === 'object' && !(key in like)) {
      Object.assign(flat, value as Fields)
    } else flat[key] = value
  }
  const ordered: Record<string, unknown> = {}
  for (const key of Object.keys(like)) if (key in flat) ordered[key] = flat[key]
  for (const key of Object.keys(flat)) if (!(key in ordered)) ordered[key] = flat[key]
  return ordered as Rec
}

/** A field (or field group) of a record, as `grouped` shows it. */
export function fieldValue(record: Fields | null, field: string): unknown {
  return record ? grouped(record)[field] : undefined
}

export const sameRecord = (a: Fields | null | undefined, b: Fields | null | undefined): boolean =>
  a == null || b == null ? a == b : isDeepEqual(a, b)
