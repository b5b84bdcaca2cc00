/**
 * CSV syntax (RFC 4180) and the formula neutralisation rule; what the columns mean is ./csv.ts.
 *
 * Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
 * return) as a formula. Such a cell is written with an apostrophe in front, which spreadsheets
 * show as plain text. To keep that reversible, a cell that starts with apostrophes followed by
 * one of those characters gets one more apostrophe; reading drops one apostrophe from any cell
 * made of apostrophes followed by one of them. So writing then reading gives back every text.
 */
import type { IssueList } from './common'

const TRIGGER = /^'*[=+\-@\t\r]/
const NEUTRALISED = /^'+[=+\-@\t\r]/
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/

/** A cell as written: neutralised against formulas, then quoted when needed. */
export function encodeCell(value: string): string {
  const safe = neutraliseFormula(value)
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Puts an apostrophe before a cell a spreadsheet would run as a formula (see module comment). */
export function neutraliseFormula(value: string): string {
  return TRIGGER.test(value) ? `'${value}` : value
}

/** Undoes neutraliseFormula: drops the first apostrophe of `'=…`, `''+…` and the like. */
export function restoreFormula(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value
}

/** One record of the file and the physical line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number
  readonly cells: string[]
}

/**
 * RFC 4180 records: cells separated by `delimiter`, records by CRLF, LF or CR; a quoted cell may
 * hold anything, a doubled quote standing for one. Blank lines are skipped. A quote left open
 * at the end of the file is reported at the line it was opened on.
 */
export function parseCsv(body: string, delimiter: string, issues: IssueList): CsvRecord[] {
  const records: CsvRecord[] = []
  let line = 1
  let recordLine = 1
  let cells: string[] = []
  let cell = ''
  // Whether the current cell has begun (a quote only opens a cell at its very start).
  let started = false
  const endCell = () => {
    cells.push(cell)
    cell = ''
    started = false
  }
  const endRecord = () => {
    endCell()
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells })
    cells = []
  }
  const isBreak = (ch: string | undefined) => ch === '\n' || ch === '\r'
  let i = 0
  while (i < body.length) {
    const ch = body[i]!
    if (!started && ch === '"') {
      const openedOn = line
      started = true
      i++
      for (;;) {
        if (i >= body.length) {
          issues.add(
            `line ${openedOn}`,
            'a quoted cell that starts on this line is never closed (is the file cut short?)'
          )
          return records
        }
        const inner = body[i]!
        if (inner === '"') {
          if (body[i + 1] !== '"') break
          cell += '"'
          i += 2
        } else if (inner === '\r' && body[i + 1] === '\n') {
          cell += '\r\n'
          i += 2
          line++
        } else {
          if (isBreak(inner)) line++
          cell += inner
          i++
        }
      }
      i++ // the closing quote
      if (i < body.length && body[i] !== delimiter && !isBreak(body[i])) {
        issues.add(
          `line ${line}`,
          'text after the closing quote of a cell; quote the whole cell and double the quotes inside'
        )
        while (i < body.length && body[i] !== delimiter && !isBreak(body[i])) i++
      }
    } else if (ch === delimiter) {
      endCell()
      i++
    } else if (isBreak(ch)) {
      i += ch === '\r' && body[i + 1] === '\n' ? 2 : 1
      line++
      endRecord()
      recordLine = line
    } else {
      cell += ch
      started = true
      i++
    }
  }
  if (started || cells.length > 0) endRecord()
  return records
}
