/**
 * What goes with a deleted record. Each function adds the deletes to the builder, so the
 * generic inverse puts everything back in one undo step.
 */
import type { JourneyMap, MarkerTarget, SeriesVariant } from '../model'
import type { PatchBuilder } from './core'
import { deleteMetricsWithHistory } from './kpi-values'
import { dropStageFromPaths } from './paths'

/** Deletes notes, the markers pinned to them and the connectors touching them. */
export function deleteNotesWithAttachments(builder: PatchBuilder, map: JourneyMap, noteIds: ReadonlySet<string>): void {
  for (const note of map.notes) if (noteIds.has(note.id)) builder.delete('note', note.id)
  for (const marker of map.markers) {
    if (marker.target.kind === 'note' && noteIds.has(marker.target.noteId)) builder.delete('marker', marker.id)
  }
  for (const connector of map.connectors) {
    if (noteIds.has(connector.fromNoteId) || noteIds.has(connector.toNoteId)) builder.delete('connector', connector.id)
  }
}

/** A series of the emotion curve: whose, and which flavour. */
export interface SeriesKey {
  readonly personaId: string | null
  readonly variant: SeriesVariant
}

/** Deletes the curve markers that `matches` selects. */
export function deleteCurveMarkers(
  builder: PatchBuilder,
  map: JourneyMap,
  matches: (target: Extract<MarkerTarget, { kind: 'curve' }>) => boolean
): void {
  for (const marker of map.markers) {
    if (marker.target.kind === 'curve' && matches(marker.target)) builder.delete('marker', marker.id)
  }
}

/** Deletes a stage and everything that lives in its column. */
export function deleteStageWithContents(builder: PatchBuilder, map: JourneyMap, stageId: string): void {
  builder.delete('stage', stageId)
  const notes = new Set(map.notes.filter((n) => n.stageId === stageId).map((n) => n.id))
  deleteNotesWithAttachments(builder, map, notes)
  for (const point of map.emotionPoints) if (point.stageId === stageId) builder.delete('emotionPoint', point.id)
  deleteCurveMarkers(builder, map, (t) => t.stageId === stageId)
  deleteMetricsWithHistory(
    builder,
    map,
    map.metrics.filter((m) => m.stageId === stageId)
  )
  dropStageFromPaths(builder, map, stageId)
}

/** Deletes a lane and the notes in its row. */
export function deleteLaneWithContents(builder: PatchBuilder, map: JourneyMap, laneId: string): void {
  builder.delete('lane', laneId)
  const notes = new Set(map.notes.filter((n) => n.laneId === laneId).map((n) => n.id))
  deleteNotesWithAttachments(builder, map, notes)
}

/**
 * Unlinks personas from everything in the map: their curves and the markers on them go, and
 * notes lose the tag. Keeps the rule that a map refers only to personas it links.
 */
export function unlinkPersonas(builder: PatchBuilder, map: JourneyMap, personaIds: ReadonlySet<string>): void {
  for (const point of map.emotionPoints) {
    if (point.personaId !== null && personaIds.has(point.personaId)) builder.delete('emotionPoint', point.id)
  }
  deleteCurveMarkers(builder, map, (t) => t.personaId !== null && personaIds.has(t.personaId))
  for (const note of map.notes) {
    if (note.personaIds.some((id) => personaIds.has(id))) {
      const current = builder.current('note', note.id) ?? note
      builder.put('note', { ...current, personaIds: current.personaIds.filter((id) => !personaIds.has(id)) })
    }
  }
}
