/**
 * Paths: named, coloured routes through the stages (one per segment), and what belongs to one.
 * Deleting a path keeps what belonged to it for every path (notes, connectors, KPIs lose the
 * tag); its own emotion series goes, since the shared series already has a point there.
 */
import { z } from 'zod'
import { reason } from '../errors'
import type { JourneyMap, Path } from '../model'
import { IdSchema, LIMITS, PathSchema, PathStepSchema } from '../schema/entities'
import { titleArg } from './args'
import { PatchBuilder, defineCommand, definedOnly, invalid, requireRecord } from './core'
import { byOrderThenId } from './order'

/** The colours new paths take in turn. */
export const PATH_COLORS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#dc2626']

/** The map's paths in display order. */
export function sortedPaths(map: JourneyMap): Path[] {
  return [...map.paths].sort(byOrderThenId)
}

const stepsArg = z.array(PathStepSchema).min(1, 'a path needs at least one stage').max(LIMITS.maxPathSteps)

function requireStages(map: JourneyMap, steps: readonly { stageId: string }[]): void {
  for (const step of steps) requireRecord(map, 'stage', step.stageId)
}

/** Adds a path; without steps it takes every stage left to right. */
export const addPath = defineCommand(
  'addPath',
  z
    .object({
      name: titleArg(LIMITS.label),
      color: PathSchema.shape.color.optional(),
      steps: stepsArg.optional()
    })
    .strict(),
  (map, { name, color, steps }, ctx) => {
    const stages = [...map.stages].sort(byOrderThenId)
    const route = steps ?? stages.map((s) => ({ stageId: s.id, event: '' }))
    if (route.length === 0)
      invalid('A path needs at least one stage; add a stage first.', reason('edit.pathNeedsStage'))
    requireStages(map, route)
    const paths = sortedPaths(map)
    const id = ctx.newId()
    const builder = new PatchBuilder(map)
    builder.put('path', {
      id,
      name,
      color: color ?? PATH_COLORS[paths.length % PATH_COLORS.length]!,
      order: (paths.at(-1)?.order ?? 0) + 1,
      steps: route
    })
    return builder.build([id])
  }
)

/** Renames, recolours or re-routes a path; fields left out stay. */
export const editPath = defineCommand(
  'editPath',
  z
    .object({
      pathId: IdSchema,
      name: titleArg(LIMITS.label).optional(),
      color: PathSchema.shape.color.optional(),
      steps: stepsArg.optional()
    })
    .strict(),
  (map, { pathId, ...changes }) => {
    const path = requireRecord(map, 'path', pathId)
    if (changes.steps) requireStages(map, changes.steps)
    const builder = new PatchBuilder(map)
    builder.put('path', { ...path, ...definedOnly(changes) })
    return builder.build()
  }
)

/** Deletes a path: its records stay, for every path; its own emotion points go. */
export const removePath = defineCommand('removePath', z.object({ pathId: IdSchema }).strict(), (map, { pathId }) => {
  requireRecord(map, 'path', pathId)
  const builder = new PatchBuilder(map)
  deletePathWithTags(builder, map, pathId)
  return builder.build()
})

/** Deletes a path and takes its tag off everything that carries it. */
export function deletePathWithTags(builder: PatchBuilder, map: JourneyMap, pathId: string): void {
  builder.delete('path', pathId)
  const untag = <T extends { pathId?: string }>(record: T): T => {
    const { pathId: _drop, ...rest } = record
    return rest as T
  }
  // Records this edit already deletes (a stage's notes, say) stay deleted.
  for (const note of map.notes) {
    const current = note.pathId === pathId ? builder.current('note', note.id) : undefined
    if (current) builder.put('note', untag(current))
  }
  for (const connector of map.connectors) {
    const current = connector.pathId === pathId ? builder.current('connector', connector.id) : undefined
    if (current) builder.put('connector', untag(current))
  }
  for (const metric of map.metrics) {
    const current = metric.pathId === pathId ? builder.current('metric', metric.id) : undefined
    if (current) builder.put('metric', untag(current))
  }
  for (const point of map.emotionPoints) if (point.pathId === pathId) builder.delete('emotionPoint', point.id)
}

/** After a stage is deleted: paths drop its steps; a path left with none goes. */
export function dropStageFromPaths(builder: PatchBuilder, map: JourneyMap, stageId: string): void {
  for (const path of map.paths) {
    if (!path.steps.some((s) => s.stageId === stageId)) continue
    const steps = path.steps.filter((s) => s.stageId !== stageId)
    if (steps.length === 0) deletePathWithTags(builder, map, path.id)
    else builder.put('path', { ...path, steps })
  }
}
