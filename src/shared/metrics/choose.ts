/** Picking the mapping for a file, and what the preview dialog shows of it. */
import { mappingFits, type MetricMapping } from './mapping'
import type { RawTable, TableRow } from './table'

/** The header a mapping would read: the first row it does not skip. */
export function headerFor(table: RawTable, mapping: Pick<MetricMapping, 'skipRowsStartingWith'>): TableRow | undefined {
  return table.rows.find((r) => !mapping.skipRowsStartingWith.some((p) => (r.cells[0] ?? '').trim().startsWith(p)))
}

/** The first of `candidates` whose columns are all in the file's header, or undefined. */
export function chooseMapping(table: RawTable, candidates: readonly MetricMapping[]): MetricMapping | undefined {
  return candidates.find((m) => {
    const header = headerFor(table, m)
    return header !== undefined && mappingFits(m, header.cells)
  })
}

/** What the preview shows: the first rows, and the distinct values of each column (for mapping stage values). */
export interface MetricsFilePreview {
  /** The first rows of the file as they are (comments included), with their lines. */
  readonly rows: readonly TableRow[]
  /** How many rows the file has in all. */
  readonly rowCount: number
  /** Per column index: up to 200 distinct values, in order of first appearance. */
  readonly distinct: readonly (readonly string[])[]
}

export function previewTable(table: RawTable, shownRows = 30, maxDistinct = 200): MetricsFilePreview {
  const distinct: string[][] = []
  const seen: Set<string>[] = []
  for (const row of table.rows) {
    row.cells.forEach((cell, i) => {
      const set = (seen[i] ??= new Set())
      const list = (distinct[i] ??= [])
      const value = cell.trim()
      if (list.length < maxDistinct && !set.has(value)) {
        set.add(value)
        list.push(value)
      }
    })
  }
  return { rows: table.rows.slice(0, shownRows), rowCount: table.rows.length, distinct }
}
