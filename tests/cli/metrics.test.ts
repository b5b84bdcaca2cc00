/** `cli metrics import`: each sample export onto a map, history kept, bad rows named by line. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JourneyMap } from '../../src/shared/model'
import { runCli } from './run-cli'

let dir: string
let db: string

const cli = (...args: string[]) => runCli(db, args)

function mapOf(title: string): JourneyMap {
  const file = join(dir, `${title}.json`)
  expect(cli('export', title, '--format', 'json', '--out', file).code).toBe(0)
  return (JSON.parse(spawnSync('cat', [file], { encoding: 'utf8' }).stdout) as { map: JourneyMap }).map
}

/** The KPI named `name` on the stage titled `stage`, with its history (date → value). */
function kpi(map: JourneyMap, stage: string, name: string) {
  const stageId = map.stages.find((s) => s.title === stage)!.id
  const metric = map.metrics.find((m) => m.stageId === stageId && m.name === name)
  if (!metric) throw new Error(`no KPI ${name} on ${stage}`)
  const history = Object.fromEntries(
    map.kpiValues
      .filter((v) => v.metricId === metric.id)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((v) => [v.date, v.value])
  )
  return { metric, history }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jb-metrics-'))
  db = join(dir, 'library.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('cli metrics import', { timeout: 180_000 }, () => {
  it('reads the GA4 and Yandex.Metrica samples onto the SaaS stages, summing segments, keeping history', () => {
    cli('new', '--template', 'saas', '--title', 'Trial')
    const ga4 = cli('metrics', 'import', 'Trial', 'docs/examples/metrics/ga4-funnel-exploration.csv')
    expect(ga4.stderr).toBe('')
    expect(ga4.stdout).toMatch(
      /Imported 70 values from 70 rows with "GA4 funnel exploration" \(2026-11-01 to 2026-11-07\)/
    )
    const yandex = cli('metrics', 'import', 'Trial', 'docs/examples/metrics/yandex-metrica-goals.csv')
    expect(yandex.stdout).toMatch(/with "Yandex.Metrica goals report"/)

    const map = mapOf('Trial')
    const awareness = kpi(map, 'Awareness', 'Active users')
    // 2026-11-01: the Desktop (727) and Mobile (688) rows of step 1, added up.
    expect(Object.keys(awareness.history)).toHaveLength(7)
    expect(awareness.history['2026-11-01']).toBe(727 + 688)
    expect(awareness.metric.value).toBe(awareness.history['2026-11-07'])
    expect(awareness.metric.funnel).toBe(true)
    expect(kpi(map, 'Consideration', 'Visits').history['2026-11-01']).toBe(850)
  })

  it('reads the HubSpot (CSV and XLSX) and Salesforce samples onto the B2B stages', () => {
    cli('new', '--template', 'b2b', '--title', 'Pipeline')
    expect(cli('metrics', 'import', 'Pipeline', 'docs/examples/metrics/hubspot-deal-stages.xlsx').code).toBe(0)
    const fromXlsx = kpi(mapOf('Pipeline'), 'Lead', 'Deals').history
    expect(fromXlsx['2026-11-02']).toBe(48)
    // The same report as CSV gives the same values: nothing changes.
    expect(cli('metrics', 'import', 'Pipeline', 'docs/examples/metrics/hubspot-deal-stages.csv').code).toBe(0)
    expect(kpi(mapOf('Pipeline'), 'Lead', 'Deals').history).toEqual(fromXlsx)
    // Three HubSpot stages map to Opportunity: their deals add up.
    expect(kpi(mapOf('Pipeline'), 'Opportunity', 'Deals').history['2026-11-02']).toBe(16 + 9 + 4)

    const sf = cli(
      'metrics',
      'import',
      'Pipeline',
      'docs/examples/metrics/salesforce-opportunities.csv',
      '--mapping',
      'Salesforce opportunity report'
    )
    expect(sf.stderr).toBe('')
    const opportunities = kpi(mapOf('Pipeline'), 'Customer', 'Opportunities').history
    expect(Object.keys(opportunities).every((d) => d.endsWith('-01'))).toBe(true)
  })

  it('names every bad row by line and column and imports nothing', () => {
    cli('new', '--template', 'saas', '--title', 'Trial')
    const file = join(dir, 'bad.csv')
    writeFileSync(
      file,
      'stage,metric,value,date\nAwareness,Visitors,100,2026-10-01\nNowhere,Visitors,100,2026-10-01\nAwareness,Visitors,abc,2026-10-02\n'
    )
    const result = cli('metrics', 'import', 'Trial', file)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'Nothing was imported from bad.csv: line 3, column "stage": "Nowhere" is not a stage of this map'
    )
    expect(result.stderr).toContain('line 4, column "value": "abc" is not a number')
    const map = mapOf('Trial')
    expect(map.kpiValues).toEqual([])
    expect(map.metrics).toEqual([])
  })
})

describe('cli and paths', { timeout: 180_000 }, () => {
  it('exports one path as Mermaid, writes the path column in CSV, and still imports version-1 files', () => {
    expect(cli('import', 'docs/examples/two-paths.json').code).toBe(0)
    const mermaid = join(dir, 'demo.mmd')
    const exported = cli('export', 'Trial or demo', '--format', 'mermaid', '--path', 'Sales-led demo', '--out', mermaid)
    expect(exported.stderr).toBe('')
    const text = spawnSync('cat', [mermaid], { encoding: 'utf8' }).stdout
    expect(text).toContain('title Trial or demo — Sales-led demo')
    expect(text).toContain('section Demo')
    expect(text).not.toContain('section Free trial')
    expect(cli('export', 'Trial or demo', '--format', 'mermaid', '--path', 'Nope', '--out', mermaid).stderr).toContain(
      'The map has no path "Nope"; its paths are "Self-serve trial", "Sales-led demo".'
    )

    const csv = join(dir, 'map.csv')
    expect(cli('export', 'Trial or demo', '--format', 'csv', '--out', csv).code).toBe(0)
    const rows = spawnSync('cat', [csv], { encoding: 'utf8' }).stdout
    expect(rows.split('\r\n')[0]).toMatch(/,path$/)
    expect(rows).toContain(',Sales-led demo\r\n')

    // docs/examples holds .journeymap files of format version 1: they open as maps without paths.
    const v1 = cli('import', 'docs/examples/sign-up-before.journeymap')
    expect(v1.code).toBe(0)
  })
})
