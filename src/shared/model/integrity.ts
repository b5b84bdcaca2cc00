import type { Issue } from '../errors'
import type { JourneyMap } from './index'

/**
 * Cross-record rules zod cannot see: every reference points at a record of the same map, ids
 * are unique, and there is at most one emotion point per series and stage.
 */
export function checkIntegrity(map: JourneyMap, limit = 20): Issue[] {
  const issues: Issue[] = []
  const add = (path: string, message: string) => {
    if (issues.length < limit) issues.push({ path, message })
  }
  const ids = new Set<string>()
  const unique = (collection: string, list: readonly { id: string }[]) => {
    list.forEach((r, i) => {
      if (ids.has(r.id)) add(`${collection}[${i}].id`, `duplicate id "${r.id}"`)
      ids.add(r.id)
    })
  }
  unique('stages', map.stages)
  unique('lanes', map.lanes)
  unique('notes', map.notes)
  unique('emotionPoints', map.emotionPoints)
  unique('markers', map.markers)
  unique('connectors', map.connectors)
  unique('metrics', map.metrics)

  const stages = new Set(map.stages.map((s) => s.id))
  const lanes = new Set(map.lanes.map((l) => l.id))
  const notes = new Set(map.notes.map((n) => n.id))
  const stageRef = (path: string, id: string) => {
    if (!stages.has(id)) add(path, `refers to stage "${id}", which is not in this map`)
  }
  map.notes.forEach((n, i) => {
    stageRef(`notes[${i}].stageId`, n.stageId)
    if (!lanes.has(n.laneId)) add(`notes[${i}].laneId`, `refers to lane "${n.laneId}", which is not in this map`)
  })
  const series = new Set<string>()
  map.emotionPoints.forEach((p, i) => {
    stageRef(`emotionPoints[${i}].stageId`, p.stageId)
    const key = `${p.personaId ?? ''}|${p.variant}|${p.stageId}`
    if (series.has(key)) add(`emotionPoints[${i}]`, 'a second point for the same persona, series and stage')
    series.add(key)
    if (p.score < map.emotionScale.min || p.score > map.emotionScale.max) {
      add(
        `emotionPoints[${i}].score`,
        `score ${p.score} is outside the scale ${map.emotionScale.min}…${map.emotionScale.max}`
      )
    }
  })
  map.markers.forEach((m, i) => {
    if (m.target.kind === 'note') {
      if (!notes.has(m.target.noteId))
        add(`markers[${i}].target.noteId`, `refers to note "${m.target.noteId}", which is not in this map`)
    } else stageRef(`markers[${i}].target.stageId`, m.target.stageId)
  })
  map.connectors.forEach((c, i) => {
    if (!notes.has(c.fromNoteId))
      add(`connectors[${i}].fromNoteId`, `refers to note "${c.fromNoteId}", which is not in this map`)
    if (!notes.has(c.toNoteId))
      add(`connectors[${i}].toNoteId`, `refers to note "${c.toNoteId}", which is not in this map`)
  })
  map.metrics.forEach((m, i) => stageRef(`metrics[${i}].stageId`, m.stageId))
  return issues
}
