/**
 * The three-way merge of one record, field by field: the step the map merge (./plan.ts) takes
 * for every record both copies still have.
 *
 * Given `base` (the record as both sides last agreed on it), `theirs` (what the stored side made
 * of it) and `mine` (what the incoming side made of it), each field is decided alone:
 *
 * - changed on one side only → that side's value;
 * - changed on both sides to the same value → that value;
 * - changed on both sides to different values → a conflict: `theirs` is kept in `value`, and the
 *   field is listed so the caller can ask the user.
 *
 * Fields are compared as whole values (an object or array field, such as a marker's target or a
 * note's persona ids, is one value). Pure and deterministic: the result depends only on the three
 * values, never on key order (conflicting fields come back sorted).
 *
 * The signature is the one of the live editing engine's per-record merge (src/shared/sync on its
 * branch), so that both kinds of merge use one rule; when that engine is in main, this file gives
 * way to it.
 */
import { isDeepEqual } from '../commands/core'

/** A plain-data record: the fields of a note, a stage, the map's own fields… */
export type Fields = { readonly [field: string]: unknown }

export interface FieldMerge<T extends Fields> {
  /** The merged record; `theirs` where both changed a field differently. */
  readonly value: T
  /** Fields both sides changed to different values (sorted). */
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
