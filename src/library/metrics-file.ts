/**
 * Reading an analytics or CRM export into rows of text cells: CSV (any common delimiter) with
 * papaparse, XLSX with exceljs (the first worksheet; dates as YYYY-MM-DD, numbers as written).
 * Told apart by content (an XLSX file is a ZIP archive), not by the file name.
 */
import type ExcelJS from 'exceljs'
import { JourneyError, reason } from '../shared/errors'
import { MAX_IMPORT_ROWS, parseCsvTable, type RawTable, type TableRow } from '../shared/metrics/table'

/** The file as it arrives: text, or the bytes of a binary file in base64. */
export interface MetricsFileData {
  readonly fileName: string
  readonly data: string
  readonly encoding: 'text' | 'base64'
}

const isZip = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b

export async function readMetricsTable(file: MetricsFileData): Promise<RawTable> {
  if (file.encoding === 'text') return parseCsvTable(file.data)
  const bytes = Buffer.from(file.data, 'base64')
  if (isZip(bytes)) return readXlsx(bytes, file.fileName)
  return parseCsvTable(new TextDecoder('utf-8').decode(bytes))
}

const pad = (n: number) => String(n).padStart(2, '0')

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    if ('error' in value) return ''
  }
  return String(value)
}

async function readXlsx(bytes: Buffer, fileName: string): Promise<RawTable> {
  // Loaded on first use: exceljs is large, and every library open (each CLI command) would pay for it.
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new JourneyError(
      'invalid_request',
      `${fileName} is not a readable Excel workbook (.xlsx).`,
      [],
      reason('metrics.notXlsx', { file: fileName })
    )
  }
  const sheet = workbook.worksheets[0]
  if (!sheet)
    throw new JourneyError(
      'invalid_request',
      `${fileName} has no worksheet.`,
      [],
      reason('metrics.noSheet', { file: fileName })
    )
  if (sheet.rowCount > MAX_IMPORT_ROWS) {
    throw new JourneyError(
      'invalid_request',
      `The worksheet has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows; split it and import the parts.`,
      [],
      reason('metrics.tooManyRows', { max: MAX_IMPORT_ROWS })
    )
  }
  const rows: TableRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]
    // exceljs rows are 1-based: values[0] is always empty.
    const cells = values.slice(1).map(cellText)
    for (let i = 0; i < cells.length; i++) cells[i] ??= ''
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? '') })
  })
  return { rows }
}
