/**
 * How the columns of an analytics or CRM export become KPI values: which column names the stage
 * (and which of its values mean which stage), which the date, and which columns hold values of
 * which KPI. Saved by name and reused for the next export from the same tool.
 */
import { z } from 'zod'
import { LIMITS } from '../schema/entities'

const columnName = z.string().trim().min(1, 'name a column').max(200)
const label = z.string().max(LIMITS.label)

/** How the date column writes dates. `auto` tries YYYY-MM-DD, YYYYMMDD, DD.MM.YYYY and MM/DD/YYYY. */
export const DateFormatSchema = z.enum(['auto', 'YYYY-MM-DD', 'YYYYMMDD', 'DD.MM.YYYY', 'MM/DD/YYYY', 'DD/MM/YYYY'])
export type DateFormat = z.infer<typeof DateFormatSchema>

/** One KPI read from a column of each row (wide exports: a column per measure). */
export const MeasureSchema = z
  .object({
    /** The column holding the value; null: each row counts 1 (an export with a row per deal). */
    column: columnName.nullable(),
    /** The KPI's name on the stage ("Active users"); created when the stage has none of that name. */
    metric: z.string().trim().min(1, 'name the KPI').max(LIMITS.label),
    /** Unit of a KPI the import creates. */
    unit: z.string().max(20).default(''),
    /** Whether the value counts people or deals reaching the stage (the funnel). */
    funnel: z.boolean().default(false)
  })
  .strict()

export const MetricMappingSchema = z
  .object({
    /** "GA4 funnel exploration"; the key it is saved under. */
    name: z.string().trim().min(1, 'name the mapping').max(LIMITS.label),
    /** Which tool's export it reads, shown in the list. */
    tool: label.default(''),
    /** The column naming the stage (or page, event, goal, pipeline stage). */
    stageColumn: columnName,
    /**
     * A value of the stage column → the title of the stage it means; "" ignores rows with that
     * value. Values not listed must be a stage title of the map (case and spacing aside).
     */
    stageValues: z.record(z.string().max(200), z.string().max(LIMITS.title)).default({}),
    /** The column holding the date; null: every row is dated the day of the import (or --date). */
    dateColumn: columnName.nullable(),
    dateFormat: DateFormatSchema.default('auto'),
    /** Values dated within one month land on its first day (monthly history from a per-deal export). */
    period: z.enum(['day', 'month']).default('day'),
    /** Long exports: the column naming the KPI of each row (with `valueColumn`). */
    metricColumn: columnName.nullable().default(null),
    /** Long exports: the column holding each row's value. */
    valueColumn: columnName.nullable().default(null),
    /** Unit and funnel flag of KPIs a long export creates. */
    unit: z.string().max(20).default(''),
    funnel: z.boolean().default(false),
    /** Wide exports: a KPI per column. */
    measures: z.array(MeasureSchema).max(20).default([]),
    /** Several rows for one stage, KPI and date (segments, devices, several source values): add them up, or keep the last. */
    combine: z.enum(['sum', 'last']).default('sum'),
    /** Rows whose first cell starts with one of these are not data (comments, totals, footers). */
    skipRowsStartingWith: z.array(z.string().min(1).max(100)).max(20).default(['#'])
  })
  .strict()
  .refine((m) => m.measures.length > 0 || (m.metricColumn !== null && m.valueColumn !== null), {
    message: 'say which columns hold values: a KPI column and a value column, or one or more value columns',
    path: ['measures']
  })

export type MetricMapping = z.output<typeof MetricMappingSchema>
export type MetricMappingInput = z.input<typeof MetricMappingSchema>

/** The mapping for a CSV whose header already says stage, metric, value and date. */
export const HEADER_NAMED_MAPPING: MetricMappingInput = {
  name: 'Columns named stage, metric, value, date',
  tool: 'Any',
  stageColumn: 'stage',
  dateColumn: 'date',
  dateFormat: 'auto',
  metricColumn: 'metric',
  valueColumn: 'value'
}

/** The columns a mapping reads (to tell whether a file's header fits it). */
export function mappingColumns(mapping: MetricMapping): string[] {
  const columns = [mapping.stageColumn, mapping.dateColumn, mapping.metricColumn, mapping.valueColumn]
  for (const measure of mapping.measures) columns.push(measure.column)
  return columns.filter((c): c is string => c !== null)
}

const normal = (s: string) => s.trim().toLowerCase()

/** Whether every column the mapping reads is in the header (case and spacing aside). */
export function mappingFits(mapping: MetricMapping, header: readonly string[]): boolean {
  const have = new Set(header.map(normal))
  return mappingColumns(mapping).every((c) => have.has(normal(c)))
}
