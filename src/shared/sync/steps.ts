/**
 * Commands kept as data ("steps"), so an edit can run again on a newer map: running several
 * commands as one undo step, and re-running an unsaved edit whose records no longer fit after
 * someone else's change (a move into a cell whose neighbours changed, a note added to a stage
 * that was deleted: then the command's own sentence says why it cannot be applied).
 */
import { runCommand, type CommandName } from '../commands'
import type { JourneyMap } from '../model'
import { applyPatch, invertPatch, type Patch, type PatchOp } from '../model/patch'

/** One command invocation kept as data. */
export interface Step {
  readonly name: CommandName
  readonly args: unknown
}

/** Steps as they came out on one particular map. */
export interface ForwardRun {
  readonly patch: Patch
  /** Applied after `patch`, gives back the map the steps ran on. */
  readonly inverse: Patch
  /** The map after `patch`. */
  readonly map: JourneyMap
  /** Ids handed to the steps, in order; a re-run hands out the same ones so records keep their ids. */
  readonly ids: readonly string[]
  readonly createdIds: readonly string[]
  /** False when nothing changed (or a command said the edit is not a user step). */
  readonly history: boolean
}

/**
 * Runs `steps` one after another on `map` as one edit. Throws the commands' JourneyError when
 * one of them does not fit the map.
 */
export function runSteps(
  map: JourneyMap,
  steps: readonly Step[],
  ids: readonly string[],
  newId: () => string,
  now: string
): ForwardRun {
  const handed: string[] = []
  const ctx = {
    newId: () => {
      const id = handed.length < ids.length ? (ids[handed.length] as string) : newId()
      handed.push(id)
      return id
    },
    now
  }
  const only = steps.length === 1 ? steps[0] : undefined
  if (only) {
    const result = runCommand(only.name, map, only.args, ctx)
    return {
      patch: result.patch,
      inverse: result.inverse,
      map: result.patch.length > 0 ? applyPatch(map, result.patch) : map,
      ids: handed,
      createdIds: result.createdIds,
      history: result.history && result.patch.length > 0
    }
  }
  let current = map
  const ops: PatchOp[] = []
  const createdIds: string[] = []
  let history = false
  for (const step of steps) {
    const result = runCommand(step.name, current, step.args, ctx)
    if (result.patch.length === 0) continue
    ops.push(...result.patch)
    createdIds.push(...result.createdIds)
    history ||= result.history
    current = applyPatch(current, result.patch)
  }
  const patch = compact(ops)
  return {
    patch,
    inverse: invertPatch(map, patch),
    map: current,
    ids: handed,
    createdIds,
    history: history && patch.length > 0
  }
}

/** The last write of each record and the merged meta changes: what a run of patches amounts to. */
function compact(ops: readonly PatchOp[]): Patch {
  const byRecord = new Map<string, PatchOp>()
  let meta: Record<string, unknown> | undefined
  for (const op of ops) {
    if (op.op === 'meta') {
      meta = { ...meta, ...op.set }
      continue
    }
    const key = `${op.entity}:${op.op === 'put' ? op.value.id : op.id}`
    byRecord.delete(key) // keep the order of last writes
    byRecord.set(key, op)
  }
  return [...(meta ? [{ op: 'meta', set: meta } as PatchOp] : []), ...byRecord.values()]
}
