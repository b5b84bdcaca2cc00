import type { Issue } from '../errors'
import type { EmotionPoint, JourneyMap } from './index'

/** An emotion point's place: one per persona, variant, path and stage. */
export const emotionPointKey = (p: Pick<EmotionPoint, 'personaId' | 'variant' | 'stageId' | 'pathId'>): string =>
  `${p.personaId ?? ''}|${p.variant}|${p.stageId}${p.pathId === undefined ? '' : `|${p.pathId}`}`

/** A map as older code and older snapshots stored it lacks the collections added since: give it empty ones. */
export function withAllCollections<T extends Omit<JourneyMap, 'paths' | 'kpiValues'>>(
  map: T & Partial<Pick<JourneyMap, 'paths' | 'kpiValues'>>
): T & Pick<JourneyMap, 'paths' | 'kpiValues'> {
  return { ...map, paths: map.paths ?? [], kpiValues: map.kpiValues ?? [] }
}

/**
 * Cross-record rules zod cannot see: every reference points at a record of the same map (and
 * every persona named at one the map links), ids are unique, and there is at most one emotion
 * point per series and stage.
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
  unique('paths', map.paths)
  unique('kpiValues', map.kpiValues)

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
    const key = emotionPointKey(p)
    if (series.has(key)) add(`emotionPoints[${i}]`, 'a second point for the same persona, series, path and stage')
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
  const paths = new Set(map.paths.map((p) => p.id))
  const pathRef = (path: string, id: string | undefined) => {
    if (id !== undefined && !paths.has(id)) add(path, `refers to path "${id}", which is not in this map`)
  }
  map.notes.forEach((n, i) => pathRef(`notes[${i}].pathId`, n.pathId))
  map.emotionPoints.forEach((p, i) => pathRef(`emotionPoints[${i}].pathId`, p.pathId))
  map.connectors.forEach((c, i) => pathRef(`connectors[${i}].pathId`, c.pathId))
  map.metrics.forEach((m, i) => {
    stageRef(`metrics[${i}].stageId`, m.stageId)
    pathRef(`metrics[${i}].pathId`, m.pathId)
  })
  map.paths.forEach((p, i) => p.steps.forEach((step, j) => stageRef(`paths[${i}].steps[${j}].stageId`, step.stageId)))
  const linked = new Set(map.personaIds)
  const personaRef = (path: string, id: string | null) => {
    if (id !== null && !linked.has(id)) add(path, `refers to persona "${id}", which the map does not link`)
  }
  map.notes.forEach((n, i) => n.personaIds.forEach((id, j) => personaRef(`notes[${i}].personaIds[${j}]`, id)))
  map.emotionPoints.forEach((p, i) => personaRef(`emotionPoints[${i}].personaId`, p.personaId))
  map.markers.forEach((m, i) => {
    if (m.target.kind === 'curve') personaRef(`markers[${i}].target.personaId`, m.target.personaId)
  })
  const metrics = new Set(map.metrics.map((m) => m.id))
  const dated = new Set<string>()
  map.kpiValues.forEach((v, i) => {
    if (!metrics.has(v.metricId))
      add(`kpiValues[${i}].metricId`, `refers to KPI "${v.metricId}", which is not in this map`)
    const key = `${v.metricId}|${v.date}`
    if (dated.has(key)) add(`kpiValues[${i}]`, `a second value for KPI "${v.metricId}" on ${v.date}`)
    dated.add(key)
  })
  return issues
}
