/** A KPI's history: one dated value per KPI and day. The KPI's own value is its latest one. */
import { z } from 'zod'
import type { JourneyMap, KpiValue, Metric } from '../model'
import { IdSchema, KpiValueSchema } from '../schema/entities'
import { PatchBuilder, defineCommand, requireRecord } from './core'

/** A KPI's dated values, oldest first. */
export function kpiHistory(map: JourneyMap, metricId: string): KpiValue[] {
  return map.kpiValues
    .filter((v) => v.metricId === metricId)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/** Every KPI's history, oldest first, by KPI id. */
export function kpiHistories(map: JourneyMap): Map<string, KpiValue[]> {
  const out = new Map<string, KpiValue[]>()
  for (const value of map.kpiValues) {
    let list = out.get(value.metricId)
    if (!list) out.set(value.metricId, (list = []))
    list.push(value)
  }
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return out
}

/**
 * Records a KPI's value on a date (replacing that day's value). When it is the newest date, the
 * KPI's current value becomes it.
 */
export const setKpiValue = defineCommand(
  'setKpiValue',
  z.object({ metricId: IdSchema, date: KpiValueSchema.shape.date, value: KpiValueSchema.shape.value }).strict(),
  (map, { metricId, date, value }, ctx) => {
    const metric = requireRecord(map, 'metric', metricId)
    const history = kpiHistory(map, metricId)
    const existing = history.find((v) => v.date === date)
    const builder = new PatchBuilder(map)
    const id = existing?.id ?? ctx.newId()
    builder.put('kpiValue', { id, metricId, date, value })
    const newest = history.at(-1)
    if (!newest || newest.date <= date) builder.put('metric', { ...metric, value })
    return builder.build(existing ? [] : [id])
  }
)

/** Removes one dated value from a KPI's history. */
export const removeKpiValue = defineCommand(
  'removeKpiValue',
  z.object({ valueId: IdSchema }).strict(),
  (map, { valueId }) => {
    requireRecord(map, 'kpiValue', valueId)
    const builder = new PatchBuilder(map)
    builder.delete('kpiValue', valueId)
    return builder.build()
  }
)

/** Deletes KPIs with their histories. */
export function deleteMetricsWithHistory(builder: PatchBuilder, map: JourneyMap, metrics: readonly Metric[]): void {
  const ids = new Set(metrics.map((m) => m.id))
  for (const id of ids) builder.delete('metric', id)
  for (const value of map.kpiValues) if (ids.has(value.metricId)) builder.delete('kpiValue', value.id)
}
