/**
 * Which import format a file is, from its content alone (file names lie, and the CLI's
 * `import FILE` and the app's File ▸ Import… take any of them):
 * - JSON: the first character that is not white space (after a byte-order mark) is "{".
 * - Mermaid: the first line that is not blank, a `%%` comment or front matter is `journey`.
 * - CSV: the first non-blank line is a header naming the stage, lane and text columns
 *   (separated by commas, semicolons or tabs).
 * Anything else is null: the caller says which formats it reads.
 */
import { REQUIRED_CSV_COLUMNS, csvHeaderKey, detectDelimiter } from './csv'

export type ImportFormat = 'json' | 'csv' | 'mermaid'

export function detectFormat(text: string): ImportFormat | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const start = body.search(/\S/)
  if (start === -1) return null
  if (body[start] === '{') return 'json'

  const lines = body.split(/\r\n|\r|\n/)
  let i = 0
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, j) => j > 0 && l.trim() === '---')
    if (end !== -1) i = end + 1
  }
  while (i < lines.length && (lines[i]!.trim() === '' || lines[i]!.trim().startsWith('%%'))) i++
  if (/^journey\s*((%%|#).*)?$/i.test(lines[i]?.trim() ?? '')) return 'mermaid'

  const header = lines.find((l) => l.trim() !== '')!
  const delimiter = detectDelimiter(header)
  const names = new Set(header.split(delimiter).map(csvHeaderKey))
  return REQUIRED_CSV_COLUMNS.every((c) => names.has(c)) ? 'csv' : null
}
