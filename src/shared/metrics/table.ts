/**
 * An export as rows of text cells, each with the line it came from (so a bad row can be named).
 * CSV (and TSV, semicolon-separated) is read with papaparse; XLSX is read by the library
 * (src/library/metrics-file.ts) into the same shape.
 */
import Papa from 'papaparse'
import { JourneyError, reason } from '../errors'

export interface TableRow {
  /** 1-based line (CSV) or row number (XLSX) in the file. */
  readonly line: number
  readonly cells: readonly string[]
}

export interface RawTable {
  readonly rows: readonly TableRow[]
}

/** The most rows an import reads: a year of daily values per stage and KPI, several times over. */
export const MAX_IMPORT_ROWS = 1_000_000

/** Reads CSV text; the delimiter (comma, semicolon, tab) is detected. */
export function parseCsvTable(text: string): RawTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') throw new JourneyError('invalid_request', 'The file is empty.', [], reason('import.empty'))
  const result = Papa.parse<string[]>(body, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] })
  const rows: TableRow[] = []
  // Lines, not records: a quoted cell may span lines, so count the newlines each record took.
  let line = 1
  const data = result.data
  for (let i = 0; i < data.length; i++) {
    const cells = data[i]!
    if (cells.length > 1 || (cells[0] ?? '').trim() !== '') rows.push({ line, cells })
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new JourneyError(
        'invalid_request',
        `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows; split it and import the parts.`,
        [],
        reason('metrics.tooManyRows', { max: MAX_IMPORT_ROWS })
      )
    }
    line += 1 + countNewlines(cells)
  }
  const fatal = result.errors.find((e) => e.type === 'Quotes')
  if (fatal) {
    // papaparse counts records from 0; the line is the first line of that record.
    const line = fatal.row === undefined ? undefined : rows[fatal.row]?.line
    const where = line === undefined ? '' : ` (line ${line})`
    throw new JourneyError(
      'invalid_request',
      `The CSV file is not well-formed: ${fatal.message}${where}.`,
      [
        {
          path: line === undefined ? '(file)' : `line ${line}`,
          message: fatal.message,
          reason: reason('metrics.badQuotes')
        }
      ],
      reason('metrics.notWellFormed')
    )
  }
  return { rows }
}

function countNewlines(cells: readonly string[]): number {
  let n = 0
  for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n++
  return n
}
