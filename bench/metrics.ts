/**
 * Import metrics (issue 14), end to end through the library service on a fresh library file:
 * - metrics.import_100k_rows_ms: a 100,000-row GA4-style funnel export (8 steps × 365 days × 34
 *   segments, two value columns) read, mapped onto a SaaS map's stages with the ready GA4 mapping,
 *   summed per stage and day, and committed as one edit (5,840 dated KPI values);
 * - metrics.parse_100k_rows_ms: of that, reading the CSV alone (papaparse);
 * - metrics.reimport_100k_rows_ms: the same file again (every value already there: nothing changes).
 * Median of three runs each.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibraryService } from '../src/library'
import { parseCsvTable } from '../src/shared/metrics/table'
import { median, round } from './stats'

const RUNS = 3
const STEPS = [
  '1. First visit',
  '2. View pricing',
  '3. Sign up',
  '4. Complete onboarding',
  '5. Weekly active',
  '6. Renewal',
  '7. Upgrade',
  '8. Referral'
]
const STAGES = [
  'Awareness',
  'Consideration',
  'Purchase / Sign-up',
  'Onboarding',
  'Adoption',
  'Retention',
  'Expansion',
  'Advocacy'
]

/** A GA4 funnel exploration export of `rows` rows (and its comment header). */
export function ga4Export(rows: number): string {
  const lines = ['# Funnel exploration', '# Property: bench', 'Step,Date,Segment,Active users,Abandonments']
  const segments = Math.ceil(rows / (STEPS.length * 365))
  let n = 0
  for (let day = 0; day < 365 && n < rows; day++) {
    const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10).replace(/-/g, '')
    for (let s = 0; s < segments && n < rows; s++) {
      let users = 1000 + ((day * 7 + s * 13) % 500)
      for (const step of STEPS) {
        if (n++ >= rows) break
        const next = Math.floor(users * 0.6)
        lines.push(`${step},${date},Segment ${s},${users},${users - next}`)
        users = next
      }
    }
  }
  return `${lines.join('\n')}\n`
}

export async function runMetricsBench(): Promise<Record<string, number>> {
  const text = ga4Export(100_000)
  const parse: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    parseCsvTable(text)
    parse.push(performance.now() - started)
  }
  const mapping = {
    name: 'GA4 funnel exploration (bench)',
    stageColumn: 'Step',
    stageValues: Object.fromEntries(STEPS.map((step, i) => [step, STAGES[i]!])),
    dateColumn: 'Date',
    dateFormat: 'YYYYMMDD' as const,
    measures: [
      { column: 'Active users', metric: 'Active users', unit: 'users', funnel: true },
      { column: 'Abandonments', metric: 'Abandonments', unit: 'users', funnel: false }
    ]
  }
  const first: number[] = []
  const again: number[] = []
  let values = 0
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'jb-bench-metrics-'))
    const service = openLibraryService(join(dir, 'bench.sqlite'))
    try {
      const map = await service.call('createMap', { template: 'saas', title: 'Funnel bench' })
      const request = { mapId: map.id, fileName: 'ga4.csv', data: text, encoding: 'text' as const, mapping }
      let started = performance.now()
      const result = await service.call('importMetrics', request)
      first.push(performance.now() - started)
      values = result.summary.values
      started = performance.now()
      await service.call('importMetrics', request)
      again.push(performance.now() - started)
    } finally {
      service.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return {
    'metrics.import_100k_rows_ms': round(median(first), 1),
    'metrics.parse_100k_rows_ms': round(median(parse), 1),
    'metrics.reimport_100k_rows_ms': round(median(again), 1),
    'metrics.import_100k_values': values
  }
}
