/** Lanes: the rows of the board. */
import { z } from 'zod'
import { reason } from '../errors'
import type { JourneyMap, Lane } from '../model'
import { IdSchema, LaneSchema, LIMITS } from '../schema/entities'
import { LaneKindSchema } from '../schema/enums'
import { indexArg, sizeArg, titleArg } from './args'
import { deleteLaneWithContents } from './cascade'
import { PatchBuilder, clamp, defineCommand, definedOnly, invalid, requireRecord } from './core'
import { defaultLaneHeight } from './defaults'
import { byOrderThenId, ordersForInsert } from './order'

const HEIGHT = { min: LaneSchema.shape.height.minValue ?? 40, max: LaneSchema.shape.height.maxValue ?? 2000 }
const promptArg = LaneSchema.shape.prompt

/** The lanes, top to bottom. */
export function orderedLanes(map: JourneyMap): Lane[] {
  return [...map.lanes].sort(byOrderThenId)
}

/** Adds a lane of a kind at `index` (default: last). */
export const addLane = defineCommand(
  'addLane',
  z
    .object({
      title: titleArg(LIMITS.title),
      kind: LaneKindSchema,
      prompt: promptArg.default(''),
      index: indexArg.optional(),
      height: sizeArg.optional()
    })
    .strict(),
  (map, { title, kind, prompt, index, height }, ctx) => {
    const id = ctx.newId()
    const lanes = orderedLanes(map)
    const orders = ordersForInsert(lanes, index, id)
    const builder = new PatchBuilder(map)
    builder.reorder('lane', lanes, orders)
    builder.put('lane', {
      id,
      title,
      kind,
      prompt,
      order: orders.get(id) as number,
      height: clamp(Math.round(height ?? defaultLaneHeight(kind)), HEIGHT.min, HEIGHT.max),
      collapsed: false
    })
    return builder.build([id])
  }
)

/** Changes a lane's title and/or its guiding prompt. */
export const renameLane = defineCommand(
  'renameLane',
  z.object({ laneId: IdSchema, title: titleArg(LIMITS.title).optional(), prompt: promptArg.optional() }).strict(),
  (map, { laneId, ...changes }) => {
    const lane = requireRecord(map, 'lane', laneId)
    const builder = new PatchBuilder(map)
    builder.put('lane', { ...lane, ...definedOnly(changes) })
    return builder.build()
  }
)

/** Moves a lane to `index` among the other lanes. */
export const moveLane = defineCommand(
  'moveLane',
  z.object({ laneId: IdSchema, index: indexArg }).strict(),
  (map, { laneId, index }) => {
    const lane = requireRecord(map, 'lane', laneId)
    const others = orderedLanes(map).filter((l) => l.id !== laneId)
    const builder = new PatchBuilder(map)
    if (Math.min(index, others.length) === orderedLanes(map).indexOf(lane)) return builder.build()
    const orders = ordersForInsert(others, index, laneId)
    builder.reorder('lane', [...others, lane], orders)
    return builder.build()
  }
)

/** Sets a lane's height, clamped to what the board allows and rounded to whole units. */
export const resizeLane = defineCommand(
  'resizeLane',
  z.object({ laneId: IdSchema, height: sizeArg }).strict(),
  (map, { laneId, height }) => {
    const lane = requireRecord(map, 'lane', laneId)
    const builder = new PatchBuilder(map)
    builder.put('lane', { ...lane, height: clamp(Math.round(height), HEIGHT.min, HEIGHT.max) })
    return builder.build()
  }
)

/** Folds a lane to a thin strip, or unfolds it. */
export const collapseLane = defineCommand(
  'collapseLane',
  z.object({ laneId: IdSchema, collapsed: z.boolean() }).strict(),
  (map, { laneId, collapsed }) => {
    const lane = requireRecord(map, 'lane', laneId)
    const builder = new PatchBuilder(map)
    builder.put('lane', { ...lane, collapsed })
    return builder.build()
  }
)

/**
 * Deletes a lane with the notes in its row (and their markers and connectors). The last lane
 * cannot go: a board needs a row.
 */
export const deleteLane = defineCommand('deleteLane', z.object({ laneId: IdSchema }).strict(), (map, { laneId }) => {
  requireRecord(map, 'lane', laneId)
  if (map.lanes.length === 1)
    invalid('A map needs at least one lane, so the last one cannot be deleted.', reason('edit.lastLane'))
  const builder = new PatchBuilder(map)
  deleteLaneWithContents(builder, map, laneId)
  return builder.build()
})
