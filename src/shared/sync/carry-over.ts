/**
 * Carrying the outbox over onto a newer committed map (someone else's change arrived, or the map
 * was read again): each unsent edit is merged three ways onto what is there now; an edit that no
 * longer fits (its record was deleted, a reference broke) makes its command again on the newer
 * map, or is dropped with the reason. Pure: the session applies the outcome.
 */
import type { CommandName } from '../commands'
import type { EntityKind, JourneyMap } from '../model'
import { checkIntegrity } from '../model/integrity'
import { applyChanges, changesOf, isEmpty, rebase } from './changes'
import type { ChangeSet, Conflict } from './protocol'
import { runSteps, type Step } from './steps'
import { failureOf, type Reason } from './types'

/** An edit of the outbox, as carry-over needs it. */
export interface OutboxEdit {
  readonly name: CommandName
  readonly changes: ChangeSet
  readonly steps?: readonly Step[]
  readonly ids?: readonly string[]
}

export interface CarryOver<E extends OutboxEdit> {
  /** The outbox on the newer map (edits with nothing left are gone). */
  readonly edits: readonly E[]
  /** The newer map with the outbox on top. */
  readonly view: JourneyMap
  /** Where an edit and someone else's change met (theirs kept), for the user. */
  readonly conflicts: readonly Conflict[]
  /** Edits that no longer fit, with why (the text of the first one is lost unless kept). */
  readonly dropped: readonly { readonly edit: E; readonly reason: Reason; readonly recordDeleted: boolean }[]
}

export interface CarryOverOptions<E> {
  /** Edits the host already committed (shown in `confirmed` already): kept as they are. */
  readonly committed: (edit: E) => boolean
  /**
   * The edit on its way to the host: shown merged, but left as sent (the host decides it and
   * reports its conflicts).
   */
  readonly inFlight: E | null
  readonly newId: () => string
  readonly now: string
}

export function carryOver<E extends OutboxEdit>(
  confirmed: JourneyMap,
  outbox: readonly E[],
  options: CarryOverOptions<E>
): CarryOver<E> {
  let map = confirmed
  const edits: E[] = []
  const conflicts: Conflict[] = []
  const dropped: { edit: E; reason: Reason; recordDeleted: boolean }[] = []
  for (const edit of outbox) {
    if (options.committed(edit)) {
      edits.push(edit)
      continue
    }
    const merged = rebase(edit.changes, map)
    if (edit === options.inFlight) {
      const shown = applyChanges(map, merged.changes)
      if (checkIntegrity(shown, 1).length === 0) map = shown
      edits.push(edit)
      continue
    }
    let changes = merged.changes
    let next = applyChanges(map, changes)
    let problem: Reason | null = null
    const lost = merged.conflicts.find((c) => c.kind === 'deleted')
    const broken = checkIntegrity(next, 1)[0]
    if (lost || broken) {
      // It no longer fits as it was: make the edit again on the newer map, if it can be.
      if (edit.steps) {
        try {
          const run = runSteps(map, edit.steps, edit.ids ?? [], options.newId, options.now)
          changes = changesOf(map, run.patch)
          next = run.map
        } catch (error) {
          const failure = failureOf(error)
          problem = { code: 'refused', message: failure.message ?? '', ...(failure.why ? { why: failure.why } : {}) }
        }
      } else if (lost) problem = { code: 'deletedElsewhere', entity: lost.entity as EntityKind }
      else if (broken) problem = { code: 'brokenReference', detail: broken.message }
    }
    conflicts.push(...merged.conflicts)
    if (problem) {
      dropped.push({ edit, reason: problem, recordDeleted: lost !== undefined })
      continue
    }
    if (isEmpty(changes)) continue // already in (its answer was lost), or nothing of it left
    map = next
    edits.push({ ...edit, changes })
  }
  return { edits, view: map, conflicts, dropped }
}
