/**
 * Turns an export (a RawTable) read through a MetricMapping into one patch of a map: KPI values
 * with their dates, the KPIs they belong to (created when a stage has none of that name), and
 * each KPI's current value (its newest dated one). Every row is checked first; when any row is
 * bad the result lists them all (line and column) and holds no patch: nothing is half-imported.
 */
import { reason, type Issue, type Reason } from '../errors'
import type { JourneyMap, KpiValue, Metric } from '../model'
import type { Patch, PatchOp } from '../model/patch'
import { COUNT_LIMITS, tooManyMessage } from '../schema/entities'
import { byOrderThenId } from '../commands/order'
import { TEMPLATE_TEXTS } from '../templates/texts'
import type { DateFormat, MetricMapping } from './mapping'
import type { RawTable } from './table'

/** A bad row: its line (0: the file as a whole), the column ('' for the row), and what is wrong. */
export interface RowProblem {
  readonly line: number
  readonly column: string
  /** English, for the CLI and logs. */
  readonly message: string
  /** The same as a code with parameters, for the app's own words (src/shared/i18n/reasons). */
  readonly reason: Reason
}

export interface MetricsImportSummary {
  /** Data rows read (comments, totals and ignored stages left out). */
  readonly rows: number
  /** Dated values written (after combining rows). */
  readonly values: number
  /** KPIs the import created. */
  readonly createdMetrics: number
  /** Stage titles that received values, left to right. */
  readonly stages: readonly string[]
  /** Oldest and newest date. */
  readonly firstDate: string | null
  readonly lastDate: string | null
}

export type MetricsImportResult =
  | { readonly ok: true; readonly patch: Patch; readonly summary: MetricsImportSummary; readonly createdIds: string[] }
  | { readonly ok: false; readonly problems: readonly RowProblem[]; readonly rowCount: number }

/** The most bad rows listed; the message says how many there were in all. */
export const MAX_LISTED_PROBLEMS = 50

/** Where a problem is, as the issues of every import say it: `line 12, column "Date"`, `line 12`, `(file)`. */
export function problemPlace(p: Pick<RowProblem, 'line' | 'column'>): string {
  if (p.line <= 0) return '(file)'
  return p.column === '' ? `line ${p.line}` : `line ${p.line}, column "${p.column}"`
}

/** The problem of an import that would take the map past one of its limits, or null. */
function limitProblem(what: 'kpiValues' | 'metrics', total: number): RowProblem | null {
  const limit = COUNT_LIMITS[what]
  if (total <= limit.max) return null
  return {
    line: 0,
    column: '',
    message: tooManyMessage(limit.max, limit.what, total),
    reason: reason('limit.tooMany', { max: limit.max, what })
  }
}

/** Problems as the issues of a JourneyError. */
export function problemIssues(problems: readonly RowProblem[]): Issue[] {
  return problems.map((p) => ({ path: problemPlace(p), message: p.message, reason: p.reason }))
}

const normal = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase()

/** A number as analytics tools write it: "12,345", "12 345", "3.1%", "3,1", "(1.5)"; null when it is none. */
export function parseNumber(raw: string): number | null {
  let s = raw.trim().replace(/[\s\u00a0\u202f%]/g, '')
  if (s === '' || s === '-' || s === '—') return null
  const negative = /^\(.*\)$/.test(s)
  if (negative) s = s.slice(1, -1)
  s = s.replace(/^([$€£¥₽]|[A-Z]{3})|([$€£¥₽]|[A-Z]{3})$/g, '')
  if (s.includes(',') && s.includes('.')) {
    s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '')
  } else if (/^-?\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/,/g, '')
  else s = s.replace(',', '.')
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null
  const n = Number(s)
  return Number.isFinite(n) ? (negative ? -n : n) : null
}

const pad = (n: number) => String(n).padStart(2, '0')

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  if (y < 1900 || y > 2200) return null
  return `${y}-${pad(m)}-${pad(d)}`
}

/** A date cell as YYYY-MM-DD, or null when it is not a date in `format`. */
export function parseDate(raw: string, format: DateFormat): string | null {
  const s = raw.trim()
  const tries: [RegExp, (m: RegExpExecArray) => string | null][] = []
  const iso: [RegExp, (m: RegExpExecArray) => string | null] = [
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/,
    (m) => validDate(+m[1]!, +m[2]!, +m[3]!)
  ]
  const compact: [RegExp, (m: RegExpExecArray) => string | null] = [
    /^(\d{4})(\d{2})(\d{2})$/,
    (m) => validDate(+m[1]!, +m[2]!, +m[3]!)
  ]
  const dotted: [RegExp, (m: RegExpExecArray) => string | null] = [
    /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/,
    (m) => validDate(+m[3]!, +m[2]!, +m[1]!)
  ]
  const us: [RegExp, (m: RegExpExecArray) => string | null] = [
    /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
    (m) => validDate(+m[3]!, +m[1]!, +m[2]!)
  ]
  const eu: [RegExp, (m: RegExpExecArray) => string | null] = [
    /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
    (m) => validDate(+m[3]!, +m[2]!, +m[1]!)
  ]
  // ISO dates are unambiguous and are what spreadsheet cells holding real dates give: always read.
  tries.push(iso)
  if (format === 'YYYY-MM-DD') {
    // nothing else
  } else if (format === 'YYYYMMDD') tries.push(compact)
  else if (format === 'DD.MM.YYYY') tries.push(dotted)
  else if (format === 'MM/DD/YYYY') tries.push(us)
  else if (format === 'DD/MM/YYYY') tries.push(eu)
  else tries.push(compact, dotted, us)
  for (const [pattern, make] of tries) {
    const m = pattern.exec(s)
    if (m) return make(m)
  }
  return null
}

/** A cell that is not a date in the mapping's format, said in English and as a reason. */
function notADate(raw: string, format: DateFormat): { message: string; reason: Reason } {
  const value = `"${raw}"`
  return format === 'auto'
    ? { message: `${value} is not a date such as 2026-11-30`, reason: reason('metrics.notDate', { value }) }
    : {
        message: `${value} is not a date written ${format}`,
        reason: reason('metrics.notDateIn', { value, format })
      }
}

export interface ApplyOptions {
  readonly newId: () => string
  /** The date of rows when the mapping has no date column (YYYY-MM-DD). */
  readonly today: string
}

/**
 * A template stage's title in every language, by the title in any of them: the ready mappings
 * name the English SaaS and B2B stages, and a map made in Russian has them in Russian.
 */
const TEMPLATE_STAGE_TITLES: ReadonlyMap<string, readonly string[]> = (() => {
  const byTitle = new Map<string, string[]>()
  const languages = Object.values(TEMPLATE_TEXTS)
  for (const [template, text] of Object.entries(TEMPLATE_TEXTS.en)) {
    text.stages.forEach((_, i) => {
      const titles = languages.map((l) => normal(l[template as keyof typeof l].stages[i]?.title ?? ''))
      for (const title of titles) if (title !== '') byTitle.set(title, [...(byTitle.get(title) ?? []), ...titles])
    })
  }
  return byTitle
})()

/**
 * The stage a mapping's title names: the stage of that title (case and spacing aside), else the
 * stage whose title is the same template stage in another language.
 */
export function stageTitled<S extends { readonly title: string }>(stages: readonly S[], title: string): S | undefined {
  const want = normal(title)
  const exact = stages.find((s) => normal(s.title) === want)
  if (exact) return exact
  const equivalents = new Set(TEMPLATE_STAGE_TITLES.get(want) ?? [])
  return equivalents.size === 0 ? undefined : stages.find((s) => equivalents.has(normal(s.title)))
}

/** Where each column the mapping names sits in the header (case and spacing aside). */
function locate(header: readonly string[], name: string): number {
  const want = normal(name)
  return header.findIndex((h) => normal(h) === want)
}

/**
 * Reads `table` through `mapping` onto `map`. The header is the first row that is not skipped.
 */
export function applyMetricMapping(
  map: JourneyMap,
  table: RawTable,
  mapping: MetricMapping,
  options: ApplyOptions
): MetricsImportResult {
  const problems: RowProblem[] = []
  let problemCount = 0
  const problem = (line: number, column: string, message: string, why: Reason) => {
    problemCount++
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ line, column, message, reason: why })
  }
  const skipped = (cells: readonly string[]) => {
    const first = (cells[0] ?? '').trim()
    return mapping.skipRowsStartingWith.some((prefix) => first.startsWith(prefix))
  }
  const rows = table.rows.filter((r) => !skipped(r.cells))
  const headerRow = rows[0]
  if (!headerRow)
    return {
      ok: false,
      problems: [{ line: 0, column: '', message: 'the file has no header row', reason: reason('metrics.noHeader') }],
      rowCount: 0
    }
  const header = headerRow.cells
  const need = (name: string | null): number => {
    if (name === null) return -1
    const index = locate(header, name)
    if (index < 0)
      problem(headerRow.line, name, `the header has no column "${name}"`, reason('metrics.noColumn', { column: name }))
    return index
  }
  const stageCol = need(mapping.stageColumn)
  const dateCol = need(mapping.dateColumn)
  const metricCol = need(mapping.metricColumn)
  const valueCol = need(mapping.valueColumn)
  const measureCols = mapping.measures.map((m) => need(m.column))
  if (problems.length > 0) return { ok: false, problems, rowCount: rows.length - 1 }

  const stages = [...map.stages].sort(byOrderThenId)
  const stageByTitle = new Map(stages.map((s) => [normal(s.title), s]))
  const stageValues = new Map(Object.entries(mapping.stageValues).map(([k, v]) => [normal(k), v]))
  const ignored = new Set([...stageValues].filter(([, v]) => v.trim() === '').map(([k]) => k))

  /** stageId|metric name → date → value */
  const values = new Map<string, Map<string, number>>()
  const kpiMeta = new Map<string, { stageId: string; name: string; unit: string; funnel: boolean }>()
  let dataRows = 0
  for (const row of rows.slice(1)) {
    const cell = (index: number) => (index >= 0 ? (row.cells[index] ?? '') : '')
    const rawStage = cell(stageCol).trim()
    if (ignored.has(normal(rawStage))) continue
    dataRows++
    const title = stageValues.get(normal(rawStage)) ?? rawStage
    const stage = stageByTitle.get(normal(title)) ?? stageTitled(stages, title)
    if (!stage) {
      const mapped = stageValues.has(normal(rawStage))
      if (rawStage === '') problem(row.line, mapping.stageColumn, 'no stage', reason('metrics.noStage'))
      else
        problem(
          row.line,
          mapping.stageColumn,
          `"${rawStage}" is not a stage of this map${mapped ? ` (it is mapped to "${title}")` : ''}; map it to a stage`,
          mapped
            ? reason('metrics.mappedNotStage', { value: `"${rawStage}"`, title: `"${title}"` })
            : reason('metrics.notStage', { value: `"${rawStage}"` })
        )
      continue
    }
    let date = options.today
    if (mapping.dateColumn !== null) {
      const parsed = parseDate(cell(dateCol), mapping.dateFormat)
      if (!parsed) {
        const bad = notADate(cell(dateCol), mapping.dateFormat)
        problem(row.line, mapping.dateColumn, bad.message, bad.reason)
        continue
      }
      date = parsed
    }
    if (mapping.period === 'month') date = `${date.slice(0, 7)}-01`
    const readings: { name: string; unit: string; funnel: boolean; column: string | null; index: number }[] = []
    if (mapping.metricColumn !== null && mapping.valueColumn !== null) {
      const name = cell(metricCol).trim()
      if (name === '') {
        problem(row.line, mapping.metricColumn, 'no KPI name', reason('metrics.noKpiName'))
        continue
      }
      readings.push({ name, unit: mapping.unit, funnel: mapping.funnel, column: mapping.valueColumn, index: valueCol })
    }
    mapping.measures.forEach((m, i) =>
      readings.push({ name: m.metric, unit: m.unit, funnel: m.funnel, column: m.column, index: measureCols[i]! })
    )
    for (const reading of readings) {
      let value = 1
      if (reading.column !== null) {
        const raw = cell(reading.index)
        const parsed = parseNumber(raw)
        if (parsed === null) {
          if (raw.trim() === '') problem(row.line, reading.column, 'no value', reason('metrics.noValue'))
          else
            problem(
              row.line,
              reading.column,
              `"${raw}" is not a number`,
              reason('metrics.notNumber', { value: `"${raw}"` })
            )
          continue
        }
        value = parsed
      }
      const key = `${stage.id}\u0000${normal(reading.name)}`
      if (!kpiMeta.has(key))
        kpiMeta.set(key, { stageId: stage.id, name: reading.name, unit: reading.unit, funnel: reading.funnel })
      let byDate = values.get(key)
      if (!byDate) values.set(key, (byDate = new Map()))
      const before = byDate.get(date)
      byDate.set(date, mapping.combine === 'sum' && before !== undefined ? before + value : value)
    }
  }
  if (problemCount > 0) {
    if (problemCount > problems.length) {
      const last = problems.at(-1)!
      const more = problemCount - problems.length
      problems.push({
        line: last.line,
        column: '',
        message: `and ${more} more bad rows`,
        reason: reason('metrics.moreBadRows', { count: more })
      })
    }
    return { ok: false, problems, rowCount: dataRows }
  }
  if (values.size === 0) {
    return {
      ok: false,
      problems: [
        { line: headerRow.line, column: '', message: 'the file has no data rows', reason: reason('metrics.noDataRows') }
      ],
      rowCount: 0
    }
  }
  return buildPatch(map, values, kpiMeta, options, dataRows, stages)
}

function buildPatch(
  map: JourneyMap,
  values: Map<string, Map<string, number>>,
  kpiMeta: Map<string, { stageId: string; name: string; unit: string; funnel: boolean }>,
  options: ApplyOptions,
  dataRows: number,
  stages: readonly { id: string; title: string }[]
): MetricsImportResult {
  const ops: PatchOp[] = []
  const createdIds: string[] = []
  const existingValues = new Map<string, KpiValue>()
  for (const v of map.kpiValues) existingValues.set(`${v.metricId}\u0000${v.date}`, v)
  const newest = new Map<string, string>()
  for (const v of map.kpiValues) if ((newest.get(v.metricId) ?? '') < v.date) newest.set(v.metricId, v.date)
  const nextOrder = new Map<string, number>()
  for (const m of map.metrics) nextOrder.set(m.stageId, Math.max(nextOrder.get(m.stageId) ?? 0, m.order))
  let added = 0
  let created = 0
  let first: string | null = null
  let last: string | null = null
  const touched = new Set<string>()
  for (const [key, byDate] of values) {
    const meta = kpiMeta.get(key)!
    touched.add(meta.stageId)
    let metric: Metric | undefined = map.metrics.find(
      (m) => m.stageId === meta.stageId && m.pathId === undefined && normal(m.name) === normal(meta.name)
    )
    const dates = [...byDate.keys()].sort()
    const latestDate = dates.at(-1)!
    const latestValue = byDate.get(latestDate)!
    if (!metric) {
      const order = (nextOrder.get(meta.stageId) ?? 0) + 1
      nextOrder.set(meta.stageId, order)
      const id = options.newId()
      createdIds.push(id)
      created++
      metric = {
        id,
        stageId: meta.stageId,
        name: meta.name,
        value: latestValue,
        target: null,
        unit: meta.unit,
        direction: 'higher',
        order,
        ...(meta.funnel ? { funnel: true as const } : {})
      }
      ops.push({ op: 'put', entity: 'metric', value: metric })
    } else if ((newest.get(metric.id) ?? '') <= latestDate && metric.value !== latestValue) {
      ops.push({ op: 'put', entity: 'metric', value: { ...metric, value: latestValue } })
    }
    for (const date of dates) {
      const value = byDate.get(date)!
      const existing = existingValues.get(`${metric.id}\u0000${date}`)
      if (existing) {
        if (existing.value !== value) ops.push({ op: 'put', entity: 'kpiValue', value: { ...existing, value } })
      } else {
        added++
        ops.push({ op: 'put', entity: 'kpiValue', value: { id: options.newId(), metricId: metric.id, date, value } })
      }
      if (first === null || date < first) first = date
      if (last === null || date > last) last = date
    }
  }
  const overLimit =
    limitProblem('kpiValues', map.kpiValues.length + added) ?? limitProblem('metrics', map.metrics.length + created)
  if (overLimit) return { ok: false, problems: [overLimit], rowCount: dataRows }
  let valueCount = 0
  for (const byDate of values.values()) valueCount += byDate.size
  return {
    ok: true,
    patch: ops,
    createdIds,
    summary: {
      rows: dataRows,
      values: valueCount,
      createdMetrics: created,
      stages: stages.filter((s) => touched.has(s.id)).map((s) => s.title),
      firstDate: first,
      lastDate: last
    }
  }
}
