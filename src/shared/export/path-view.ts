/**
 * One path of a map as a map of its own, for the exports that print or draw "one path": the
 * stages the path passes through (each once, left to right), the notes, connectors and KPIs of
 * that path or of every path, its emotion series (its own points where it has them), and the
 * path itself. PDF, PNG, SVG, CSV and Mermaid exports of one path are the exports of this map.
 */
import { pointsForPath } from '../layout/paths'
import type { JourneyMap } from '../model'
import { LIMITS } from '../schema/entities'

/** The map restricted to a path; the map itself when the path is not one of its own. */
export function mapForPath(map: JourneyMap, pathId: string | null | undefined): JourneyMap {
  const path = pathId ? map.paths.find((p) => p.id === pathId) : undefined
  if (!path) return map
  const stageIds = new Set(path.steps.map((s) => s.stageId))
  const mine = (tag: string | undefined) => tag === undefined || tag === path.id
  const notes = map.notes.filter((n) => stageIds.has(n.stageId) && mine(n.pathId))
  const noteIds = new Set(notes.map((n) => n.id))
  const metrics = map.metrics.filter((m) => stageIds.has(m.stageId) && mine(m.pathId))
  const metricIds = new Set(metrics.map((m) => m.id))
  const suffix = ` — ${path.name}`
  const room = LIMITS.title - suffix.length
  return {
    ...map,
    title: (map.title.length > room ? map.title.slice(0, room).trimEnd() : map.title) + suffix,
    stages: map.stages.filter((s) => stageIds.has(s.id)),
    notes,
    emotionPoints: pointsForPath(map.emotionPoints, path.id)
      .filter((p) => stageIds.has(p.stageId))
      .map(({ pathId: _own, ...point }) => point),
    markers: map.markers.filter((m) =>
      m.target.kind === 'note' ? noteIds.has(m.target.noteId) : stageIds.has(m.target.stageId)
    ),
    connectors: map.connectors.filter((c) => noteIds.has(c.fromNoteId) && noteIds.has(c.toNoteId) && mine(c.pathId)),
    metrics,
    kpiValues: map.kpiValues.filter((v) => metricIds.has(v.metricId)),
    paths: [path]
  }
}
