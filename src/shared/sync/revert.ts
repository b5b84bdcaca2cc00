/**
 * Undo and redo over a map others may have changed since: a step's changes (inverted for undo)
 * merged three ways onto the map as it is now, so only the fields the step changed and nobody
 * changed since go back; what someone else changed or deleted is left alone, and said.
 */
import { isDeepEqual } from '../commands/core'
import type { EntityKind, JourneyMap } from '../model'
import { checkIntegrity } from '../model/integrity'
import { applyChanges, isEmpty, rebase, recordFinder } from './changes'
import type { ChangeSet } from './protocol'
import type { Reason } from './types'

export type Reverted =
  /** Fit to apply; `partial` says what was left because others changed it since. */
  | { readonly changes: ChangeSet; readonly map: JourneyMap; readonly partial: Reason | null }
  /** Nothing of it can be applied. */
  | { readonly reason: Reason }

/**
 * `changes` (an undo's inverted changes, or a redo's) made fit for `map`. Refused when a record
 * it touches was deleted elsewhere, when it would delete a record someone else has changed since
 * (their work), when the result would break a reference, or when others changed every field it
 * would set.
 */
export function revert(map: JourneyMap, changes: ChangeSet): Reverted {
  const find = recordFinder(map)
  for (const c of changes.records) {
    if (c.after !== null) continue
    const now = find(c.entity, c.id)
    if (now && c.before && !isDeepEqual(now, c.before)) {
      return { reason: { code: 'changedElsewhere', entity: c.entity, fields: differingFields(c.before, now) } }
    }
  }
  const { changes: merged, conflicts } = rebase(changes, map)
  const deleted = conflicts.find((c) => c.kind === 'deleted')
  if (deleted) return { reason: { code: 'deletedElsewhere', entity: deleted.entity as EntityKind } }
  const next = applyChanges(map, merged)
  const problem = checkIntegrity(next, 1)[0]
  if (problem) return { reason: { code: 'brokenReference', detail: problem.message } }
  const first = conflicts[0]
  const partial: Reason | null =
    first?.kind === 'field' ? { code: 'changedElsewhere', entity: first.entity, fields: first.fields } : null
  if (isEmpty(merged) && partial) return { reason: partial }
  return { changes: merged, map: next, partial }
}

function differingFields(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !isDeepEqual(a[k], b[k])).sort()
}
