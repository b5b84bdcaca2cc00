/** KPIs per stage: value, target, unit and whether higher is better. */
import { z } from 'zod'
import { reason } from '../errors'
import type { JourneyMap, Metric } from '../model'
import { IdSchema, LIMITS, MetricSchema } from '../schema/entities'
import { titleArg } from './args'
import { deleteMetricsWithHistory } from './kpi-values'
import { PatchBuilder, defineCommand, definedOnly, invalid, requireRecord } from './core'
import { byOrderThenId, sequenceOrders } from './order'

const metricFields = MetricSchema.shape

/** The KPIs of a stage, in display order. */
export function stageMetrics(map: JourneyMap, stageId: string): Metric[] {
  return map.metrics.filter((m) => m.stageId === stageId).sort(byOrderThenId)
}

/**
 * Creates a KPI (without `metricId`: then `stageId` and `name` are required) or changes one
 * (fields left out stay). A KPI that moves to another stage goes last there.
 */
export const setMetric = defineCommand(
  'setMetric',
  z
    .object({
      metricId: IdSchema.optional(),
      stageId: IdSchema.optional(),
      name: titleArg(LIMITS.label).optional(),
      value: metricFields.value.optional(),
      target: metricFields.target.optional(),
      unit: metricFields.unit.optional(),
      direction: metricFields.direction.optional(),
      /** The path the KPI is measured on; null: the stage as a whole. */
      pathId: IdSchema.nullable().optional(),
      /** Whether the value counts people reaching the stage (the funnel). */
      funnel: z.boolean().optional()
    })
    .strict(),
  (map, { metricId, pathId, funnel, ...given }, ctx) => {
    // −0 is 0: JSON (the library, the wire) writes it as 0, and a replica keeping −0 would differ.
    const fields = {
      ...given,
      ...(given.value != null ? { value: given.value + 0 } : {}),
      ...(given.target != null ? { target: given.target + 0 } : {})
    }
    if (pathId) requireRecord(map, 'path', pathId)
    const tags = (metric: Metric): Metric => {
      const { pathId: oldPath, funnel: oldFunnel, ...rest } = metric
      const path = pathId === undefined ? oldPath : (pathId ?? undefined)
      const counts = funnel === undefined ? oldFunnel : funnel || undefined
      return { ...rest, ...(path ? { pathId: path } : {}), ...(counts ? { funnel: true as const } : {}) }
    }
    const builder = new PatchBuilder(map)
    const appendTo = (stageId: string, id: string): number => {
      const siblings = stageMetrics(map, stageId).filter((m) => m.id !== id)
      const orders = sequenceOrders(siblings, [...siblings.map((m) => m.id), id])
      builder.reorder('metric', siblings, orders)
      return orders.get(id) as number
    }
    if (metricId === undefined) {
      const { stageId, name } = fields
      if (stageId === undefined || name === undefined)
        invalid('A new KPI needs a stage and a name.', reason('edit.kpiNeedsName'))
      requireRecord(map, 'stage', stageId)
      const id = ctx.newId()
      builder.put(
        'metric',
        tags({
          id,
          stageId,
          name,
          value: fields.value ?? null,
          target: fields.target ?? null,
          unit: fields.unit ?? '',
          direction: fields.direction ?? 'higher',
          order: appendTo(stageId, id)
        })
      )
      return builder.build([id])
    }
    const metric = requireRecord(map, 'metric', metricId)
    let next = tags({ ...metric, ...definedOnly(fields) })
    if (next.stageId !== metric.stageId) {
      requireRecord(map, 'stage', next.stageId)
      next = { ...next, order: appendTo(next.stageId, metricId) }
    }
    builder.put('metric', next)
    return builder.build()
  }
)

export const removeMetric = defineCommand(
  'removeMetric',
  z.object({ metricId: IdSchema }).strict(),
  (map, { metricId }) => {
    requireRecord(map, 'metric', metricId)
    const builder = new PatchBuilder(map)
    deleteMetricsWithHistory(builder, map, [requireRecord(map, 'metric', metricId)])
    return builder.build()
  }
)
