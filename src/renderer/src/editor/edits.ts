/**
 * The pure half of editing, free of zustand and React: running named commands as one undo step,
 * undoing with an inverse patch, planning a multi-note drop, and carrying unsaved edits over
 * onto a newer copy of the map after someone else changed it. The store (store/editor.ts) holds
 * the state and calls these.
 *
 * Forward edits (do, redo, replays after a conflict) re-run their commands on the map as it is,
 * so a move lands between the notes that are there now and an edit of a note's text leaves
 * another person's colour change alone. Backward edits (undo) apply the recorded inverse patch,
 * after checking it still fits the map.
 */
import { cellNotes, runCommand, type CommandName } from '../../../shared/commands'
import { isDeepEqual } from '../../../shared/commands/core'
import { ENTITY_COLLECTIONS, type EntityKind, type JourneyMap } from '../../../shared/model'
import { checkIntegrity } from '../../../shared/model/integrity'
import { applyPatch, invertPatch, type Patch, type PatchOp } from '../../../shared/model/patch'
import { t, type MessageKey } from '../i18n'

/** One command invocation kept as data, so it can run again on a newer map. */
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

type WithId = { readonly id: string }

/** Finds records by id, indexing each collection on first use. */
function recordFinder(map: JourneyMap): (entity: EntityKind, id: string) => WithId | undefined {
  const indexes = new Map<EntityKind, Map<string, WithId>>()
  return (entity, id) => {
    let index = indexes.get(entity)
    if (!index) {
      index = new Map((map[ENTITY_COLLECTIONS[entity]] as readonly WithId[]).map((r) => [r.id, r]))
      indexes.set(entity, index)
    }
    return index.get(id)
  }
}

function hasAnyId(map: JourneyMap, ids: readonly string[]): boolean {
  const wanted = new Set(ids)
  return Object.values(ENTITY_COLLECTIONS).some((key) =>
    (map[key] as readonly WithId[]).some((record) => wanted.has(record.id))
  )
}

/** True when the map already looks the way `patch` would leave it (say, the library committed it but its answer was lost). */
export function alreadyApplied(map: JourneyMap, patch: Patch): boolean {
  const find = recordFinder(map)
  return patch.every((op) => {
    if (op.op === 'meta') {
      return Object.entries(op.set).every(([key, value]) => isDeepEqual(map[key as keyof JourneyMap], value))
    }
    if (op.op === 'delete') return find(op.entity, op.id) === undefined
    return isDeepEqual(find(op.entity, op.value.id), op.value)
  })
}

const ENTITY_MESSAGE: Record<EntityKind, MessageKey> = {
  stage: 'editor.entity.stage',
  lane: 'editor.entity.lane',
  note: 'editor.entity.note',
  emotionPoint: 'editor.entity.emotionPoint',
  marker: 'editor.entity.marker',
  connector: 'editor.entity.connector',
  metric: 'editor.entity.metric'
}

export type Prepared = { readonly patch: Patch; readonly map: JourneyMap } | { readonly problem: string }

/**
 * `backward` (an inverse patch) made fit for `map` as it is now, or the reason it no longer fits.
 * `forward` is the patch it undoes: a record `forward` changed but did not create must still
 * exist (undoing an edit must not bring back what someone else deleted), deletes of records that
 * are already gone are left out, and the result must keep every reference whole.
 */
export function prepareBackward(map: JourneyMap, backward: Patch, forward: Patch): Prepared {
  const find = recordFinder(map)
  const created = new Set<string>()
  for (const op of backward) if (op.op === 'delete') created.add(`${op.entity}:${op.id}`)
  const deletedByForward = new Set<string>()
  for (const op of forward) if (op.op === 'delete') deletedByForward.add(`${op.entity}:${op.id}`)
  const ops: PatchOp[] = []
  for (const op of backward) {
    if (op.op === 'delete') {
      if (find(op.entity, op.id)) ops.push(op)
      continue
    }
    if (op.op === 'put' && !deletedByForward.has(`${op.entity}:${op.value.id}`) && !find(op.entity, op.value.id)) {
      return { problem: t('editor.reason.deletedElsewhere', { entity: t(ENTITY_MESSAGE[op.entity]) }) }
    }
    ops.push(op)
  }
  if (ops.length === 0) return { patch: ops, map }
  const next = applyPatch(map, ops)
  const issue = checkIntegrity(next, 1)[0]
  if (issue) return { problem: t('editor.reason.brokenReference', { detail: issue.message }) }
  return { patch: ops, map: next }
}

/** Where dragged notes are dropped: a cell, and a position among the cell's notes that are not dragged. */
export interface DropTarget {
  readonly stageId: string
  readonly laneId: string
  readonly index: number
}

/**
 * The moveNote steps that put `noteIds` side by side at `target`, in reading order (stage, lane,
 * position), as one undo step. Positions are worked out on the cell's order as each step leaves
 * it, the way moveNote counts them (among the other notes of the cell).
 */
export function planDrop(map: JourneyMap, noteIds: readonly string[], target: DropTarget): Step[] {
  const dragged = new Set(noteIds)
  const stageRank = new Map(map.stages.map((s, i) => [s.id, i]))
  const laneRank = new Map(map.lanes.map((l, i) => [l.id, i]))
  const notes = map.notes
    .filter((n) => dragged.has(n.id))
    .sort(
      (a, b) =>
        (stageRank.get(a.stageId) ?? 0) - (stageRank.get(b.stageId) ?? 0) ||
        (laneRank.get(a.laneId) ?? 0) - (laneRank.get(b.laneId) ?? 0) ||
        a.order - b.order ||
        (a.id < b.id ? -1 : 1)
    )
  let cell = cellNotes(map, target.stageId, target.laneId).map((n) => n.id)
  const anchor = cell.filter((id) => !dragged.has(id))[target.index]
  const steps: Step[] = []
  let previous: string | undefined
  for (const note of notes) {
    const others = cell.filter((id) => id !== note.id)
    const index =
      previous !== undefined
        ? others.indexOf(previous) + 1
        : anchor !== undefined
          ? others.indexOf(anchor)
          : others.length
    steps.push({ name: 'moveNote', args: { noteId: note.id, stageId: target.stageId, laneId: target.laneId, index } })
    cell = [...others.slice(0, index), note.id, ...others.slice(index)]
    previous = note.id
  }
  return steps
}

/** An edit shown on the board that the library has not committed yet. */
export type UnsavedEdit = {
  /** The history entry it belongs to. */
  readonly entryId: number
  readonly name: CommandName
  /** What goes to the library. */
  readonly patch: Patch
} & (
  | { readonly direction: 'forward'; readonly steps: readonly Step[]; readonly ids: readonly string[] }
  | { readonly direction: 'backward'; readonly forward: Patch }
)

export interface RebaseOutcome {
  /** The newer map with the edits that still fit. */
  readonly map: JourneyMap
  readonly unsaved: readonly UnsavedEdit[]
  /** Entries whose forward edit came out differently on the newer map. */
  readonly rerun: ReadonlyMap<
    number,
    { readonly patch: Patch; readonly inverse: Patch; readonly ids: readonly string[] }
  >
  /** Edits that no longer fit, with the reason in words. */
  readonly dropped: readonly { readonly entryId: number; readonly name: CommandName; readonly reason: string }[]
}

/**
 * Carries `unsaved` (oldest first) over onto `base`, a newer map from the library. Edits the
 * library already has are left out silently; edits that no longer fit are reported in `dropped`.
 */
export function rebaseUnsaved(
  base: JourneyMap,
  unsaved: readonly UnsavedEdit[],
  newId: () => string,
  now: string
): RebaseOutcome {
  let map = base
  const kept: UnsavedEdit[] = []
  const rerun = new Map<number, { patch: Patch; inverse: Patch; ids: readonly string[] }>()
  const dropped: { entryId: number; name: CommandName; reason: string }[] = []
  const droppedForward = new Set<number>()
  for (const edit of unsaved) {
    // An undo of an edit that could not be carried over has nothing left to undo.
    if (edit.direction === 'backward' && droppedForward.has(edit.entryId)) continue
    if (alreadyApplied(map, edit.patch)) continue
    if (edit.direction === 'forward') {
      // Ids are random: a record with one of ours means the library has this edit already
      // (its answer was lost), even if someone changed the record since.
      if (edit.ids.length > 0 && hasAnyId(map, edit.ids)) continue
      try {
        const run = runSteps(map, edit.steps, edit.ids, newId, now)
        if (run.patch.length === 0) continue
        rerun.set(edit.entryId, { patch: run.patch, inverse: run.inverse, ids: run.ids })
        kept.push({ ...edit, patch: run.patch, ids: run.ids })
        map = run.map
      } catch (error) {
        dropped.push({ entryId: edit.entryId, name: edit.name, reason: reasonOf(error) })
        droppedForward.add(edit.entryId)
      }
      continue
    }
    const redone = rerun.get(edit.entryId)
    const prepared = prepareBackward(map, redone?.inverse ?? edit.patch, redone?.patch ?? edit.forward)
    if ('problem' in prepared) {
      dropped.push({ entryId: edit.entryId, name: edit.name, reason: prepared.problem })
      continue
    }
    if (prepared.patch.length === 0) continue
    kept.push({ ...edit, patch: prepared.patch, forward: redone?.patch ?? edit.forward })
    map = prepared.map
  }
  return { map, unsaved: kept, rerun, dropped }
}

/** The sentence to show for a failure: a JourneyError's own message (also as plain data from a transport). */
export function reasonOf(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string' &&
    typeof (error as { code?: unknown }).code === 'string'
  ) {
    return (error as { message: string }).message
  }
  return t('editor.reason.unknown')
}

/** The JourneyError code of a failure, if it has one. */
export function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' ? code : undefined
}
