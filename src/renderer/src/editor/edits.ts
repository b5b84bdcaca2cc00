/**
 * Planning a multi-note drop on the board: the moveNote steps that put the dragged notes side by
 * side where they were dropped, as one undo step. (The editing engine itself, which runs, saves,
 * merges and undoes edits, is src/shared/sync/session.ts.)
 */
import { cellNotes } from '../../../shared/commands'
import type { JourneyMap } from '../../../shared/model'
import type { Step } from '../../../shared/sync/steps'

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
