/** Stages: the columns of the board. */
import { z } from 'zod'
import { reason } from '../errors'
import type { JourneyMap, Stage } from '../model'
import { IdSchema, LIMITS, StageSchema } from '../schema/entities'
import { DEFAULT_STAGE_WIDTH } from '../templates'
import { indexArg, sizeArg, titleArg } from './args'
import { deleteStageWithContents } from './cascade'
import { PatchBuilder, clamp, defineCommand, definedOnly, invalid, requireRecord } from './core'
import { byOrderThenId, ordersForInsert } from './order'

const WIDTH = { min: StageSchema.shape.width.minValue ?? 80, max: StageSchema.shape.width.maxValue ?? 2000 }
const promptArg = StageSchema.shape.prompt

/** The stages, left to right. */
export function orderedStages(map: JourneyMap): Stage[] {
  return [...map.stages].sort(byOrderThenId)
}

/** Adds a stage at `index` (default: last). */
export const addStage = defineCommand(
  'addStage',
  z
    .object({
      title: titleArg(LIMITS.title),
      prompt: promptArg.default(''),
      index: indexArg.optional(),
      width: sizeArg.optional()
    })
    .strict(),
  (map, { title, prompt, index, width }, ctx) => {
    const id = ctx.newId()
    const stages = orderedStages(map)
    const orders = ordersForInsert(stages, index, id)
    const builder = new PatchBuilder(map)
    builder.reorder('stage', stages, orders)
    builder.put('stage', {
      id,
      title,
      prompt,
      order: orders.get(id) as number,
      width: clamp(Math.round(width ?? DEFAULT_STAGE_WIDTH), WIDTH.min, WIDTH.max),
      collapsed: false
    })
    return builder.build([id])
  }
)

/** Changes a stage's title and/or its guiding prompt. */
export const renameStage = defineCommand(
  'renameStage',
  z.object({ stageId: IdSchema, title: titleArg(LIMITS.title).optional(), prompt: promptArg.optional() }).strict(),
  (map, { stageId, ...changes }) => {
    const stage = requireRecord(map, 'stage', stageId)
    const builder = new PatchBuilder(map)
    builder.put('stage', { ...stage, ...definedOnly(changes) })
    return builder.build()
  }
)

/** Moves a stage to `index` among the other stages. */
export const moveStage = defineCommand(
  'moveStage',
  z.object({ stageId: IdSchema, index: indexArg }).strict(),
  (map, { stageId, index }) => {
    const stage = requireRecord(map, 'stage', stageId)
    const others = orderedStages(map).filter((s) => s.id !== stageId)
    const builder = new PatchBuilder(map)
    if (Math.min(index, others.length) === orderedStages(map).indexOf(stage)) return builder.build()
    const orders = ordersForInsert(others, index, stageId)
    builder.reorder('stage', [...others, stage], orders)
    return builder.build()
  }
)

/** Sets a stage's width, clamped to what the board allows and rounded to whole units. */
export const resizeStage = defineCommand(
  'resizeStage',
  z.object({ stageId: IdSchema, width: sizeArg }).strict(),
  (map, { stageId, width }) => {
    const stage = requireRecord(map, 'stage', stageId)
    const builder = new PatchBuilder(map)
    builder.put('stage', { ...stage, width: clamp(Math.round(width), WIDTH.min, WIDTH.max) })
    return builder.build()
  }
)

/** Folds a stage to a narrow strip, or unfolds it. */
export const collapseStage = defineCommand(
  'collapseStage',
  z.object({ stageId: IdSchema, collapsed: z.boolean() }).strict(),
  (map, { stageId, collapsed }) => {
    const stage = requireRecord(map, 'stage', stageId)
    const builder = new PatchBuilder(map)
    builder.put('stage', { ...stage, collapsed })
    return builder.build()
  }
)

/**
 * Deletes a stage with everything in its column: its notes (and their markers and connectors),
 * emotion points, curve markers and KPIs. The last stage cannot go: a board needs a column.
 */
export const deleteStage = defineCommand(
  'deleteStage',
  z.object({ stageId: IdSchema }).strict(),
  (map, { stageId }) => {
    requireRecord(map, 'stage', stageId)
    if (map.stages.length === 1)
      invalid('A map needs at least one stage, so the last one cannot be deleted.', reason('edit.lastStage'))
    const builder = new PatchBuilder(map)
    deleteStageWithContents(builder, map, stageId)
    return builder.build()
  }
)
