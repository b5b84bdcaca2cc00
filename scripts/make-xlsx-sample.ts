/**
 * Writes docs/examples/metrics/hubspot-deal-stages.xlsx from the CSV beside it: the same report
 * as HubSpot's "Export ▸ XLSX" gives it (dates as dates, numbers as numbers).
 * Run: npx tsx scripts/make-xlsx-sample.ts
 */
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { parseCsvTable } from '../src/shared/metrics/table'

const dir = 'docs/examples/metrics'
const table = parseCsvTable(readFileSync(`${dir}/hubspot-deal-stages.csv`, 'utf8'))
const workbook = new ExcelJS.Workbook()
workbook.created = new Date('2026-11-30T00:00:00Z')
workbook.modified = workbook.created
const sheet = workbook.addWorksheet('Deal stage report')
table.rows.forEach((row, i) => {
  if (i === 0) return void sheet.addRow([...row.cells])
  const [stage, week, count, amount] = row.cells as [string, string, string, string]
  const [m, d, y] = week.split('/').map(Number) as [number, number, number]
  sheet.addRow([stage, new Date(Date.UTC(y, m - 1, d)), Number(count), Number(amount.replace(/,/g, ''))])
})
await workbook.xlsx.writeFile(`${dir}/hubspot-deal-stages.xlsx`)
console.log(`Wrote ${dir}/hubspot-deal-stages.xlsx`)
