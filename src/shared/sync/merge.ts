/**
 * The three-way merge of one record, field by field: the one rule every part of Journeyboard
 * uses when two people changed the same thing (the host merging a push, a client carrying its
 * unsaved edits over onto a newer map, undo over someone else's change, and later merging two
 * offline copies of a file).
 *
 * Given `base` (the record as both sides last agreed on it), `theirs` (what the other side made
 * of it, already committed) and `mine` (what this side wants), each field is decided alone:
 *
 * - changed on one side only → that side's value;
 * - changed on both sides to the same value → that value;
 * - changed on both sides to different values → a conflict: `theirs` wins (it was committed
 *   first), and the field is listed so the caller can tell the user and keep `mine` for them.
 *
 * Fields are compared as whole values (an object or array field, such as a marker's target or
 * a note's persona ids, is one value). A record that one side deleted is a whole-record case:
 * a delete wins over an edit, whichever came first; an edit that loses to a delete is reported
 * as `deleted`, so the user keeps their text and may restore it.
 *
 * Pure and deterministic: the result depends only on the three values, never on key order
 * (conflicting fields come back sorted).
 */
import { isDeepEqual } from '../commands/core'

/** A plain-data record: the fields of a note, a stage, the map's meta fields… */
export type Fields = { readonly [field: string]: unknown }

export interface FieldMerge<T extends Fields> {
  /** The merged record. */
  readonly value: T
  /** Fields both sides changed to different values; `theirs` was kept for each (sorted). */
  readonly conflicts: readonly string[]
}

/**
 * Merges the fields of three versions of one record. Every key of any of the three is
 * considered; a key missing from a version counts as `undefined` there (and is left out of the
 * result when that is the value chosen).
 */
export function mergeFields<T extends Fields>(base: T, theirs: T, mine: T): FieldMerge<T> {
  const keys = new Set([...Object.keys(base), ...Object.keys(theirs), ...Object.keys(mine)])
  const value: Record<string, unknown> = {}
  const conflicts: string[] = []
  for (const key of [...keys].sort()) {
    const b = base[key]
    const t = theirs[key]
    const m = mine[key]
    let chosen: unknown
    if (isDeepEqual(m, b) || isDeepEqual(m, t)) chosen = t
    else if (isDeepEqual(t, b)) chosen = m
    else {
      chosen = t
      conflicts.push(key)
    }
    if (chosen !== undefined) value[key] = chosen
  }
  return { value: value as T, conflicts }
}

/** How a record came out of a three-way merge. */
export type RecordMerge<T extends Fields> =
  /** Nothing to argue about: `value` is the result (null: the record does not exist). */
  | { readonly kind: 'clean'; readonly value: T | null }
  /** Both changed some fields differently: `value` keeps theirs there; `conflicts` names them. */
  | { readonly kind: 'conflict'; readonly value: T; readonly conflicts: readonly string[] }
  /** Mine edited a record that theirs deleted: it stays deleted; `mine` is what was lost. */
  | { readonly kind: 'deleted'; readonly value: null; readonly mine: T }

/**
 * Merges three versions of a whole record, any of which may be absent (null): `base` absent
 * means the record did not exist when the edit began (mine creates it), `theirs` absent means
 * it is not there now, `mine` absent means mine deletes it.
 */
export function mergeRecord<T extends Fields>(base: T | null, theirs: T | null, mine: T | null): RecordMerge<T> {
  // Nothing changed on one side, or both did the same: no decision to make.
  if (sameRecord(mine, base) || sameRecord(mine, theirs)) return { kind: 'clean', value: theirs }
  if (sameRecord(theirs, base)) return { kind: 'clean', value: mine }
  // A delete wins over an edit (on either side).
  if (mine === null) return { kind: 'clean', value: null }
  // (Here base is present: a base and theirs both absent would have been "theirs unchanged".)
  if (theirs === null) return { kind: 'deleted', value: null, mine }
  // Mine created a record that exists now: it is mine, committed before (its answer was lost)
  // and changed since; the newer state stays.
  if (base === null) return { kind: 'clean', value: theirs }
  const merged = mergeFields(base, theirs, mine)
  return merged.conflicts.length === 0
    ? { kind: 'clean', value: merged.value }
    : { kind: 'conflict', value: merged.value, conflicts: merged.conflicts }
}

function sameRecord(a: Fields | null, b: Fields | null): boolean {
  return a === null || b === null ? a === b : isDeepEqual(a, b)
}
