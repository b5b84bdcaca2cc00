import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { analysisReport } from '../../src/shared/analysis/report'
import { serializeInterchange } from '../../src/shared/format/interchange'
import { buildMap, buildPersona } from '../unit/fixtures'
import { runCli } from './run-cli'

let dir: string
let db: string

const cli = (...args: string[]) => runCli(db, args)

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jb-cli-analyze-'))
  db = join(dir, 'library.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Three stages, Maya's curve falling into Trial where pain clusters, an empty stage, a missed KPI, two ideas. */
const map = buildMap({
  title: 'Trial journey',
  stages: [
    { id: 'sFind', title: 'Find' },
    { id: 'sTrial', title: 'Trial' },
    { id: 'sPay', title: 'Pay' }
  ],
  lanes: [
    { id: 'lTouch', kind: 'touchpoints', title: 'Touchpoints' },
    { id: 'lPain', kind: 'painPoints', title: 'Pain points' },
    { id: 'lOpp', kind: 'opportunities', title: 'Opportunities' },
    { id: 'lEmo', kind: 'emotions', title: 'Emotions' },
    { id: 'lKpi', kind: 'kpis', title: 'KPIs' }
  ],
  personaIds: ['pMaya'],
  notes: [
    { id: 'nAd', stageId: 'sFind', laneId: 'lTouch', text: 'LinkedIn ad', kind: 'touchpoint', channel: 'social' },
    { id: 'nForm', stageId: 'sTrial', laneId: 'lTouch', text: 'Sign-up form', kind: 'touchpoint', channel: 'web' },
    { id: 'nCard', stageId: 'sTrial', laneId: 'lPain', text: 'Card before trial', kind: 'painPoint', severity: 3 },
    { id: 'nNoCard', stageId: 'sTrial', laneId: 'lOpp', text: 'Trial without card', impact: 5, effort: 2 },
    { id: 'nDocs', stageId: 'sPay', laneId: 'lOpp', text: 'Pricing FAQ', impact: 2, effort: 1 }
  ],
  emotionPoints: [
    { personaId: 'pMaya', stageId: 'sFind', score: 1 },
    { personaId: 'pMaya', stageId: 'sTrial', score: -1.5 },
    { personaId: 'pMaya', stageId: 'sPay', score: 0 }
  ],
  metrics: [{ id: 'kConv', stageId: 'sTrial', name: 'Trial conversion', value: 3, target: 5, unit: '%' }]
})
const maya = buildPersona('pMaya', { name: 'Maya' })

describe('cli analyze', () => {
  it('prints the findings by category, most important first', () => {
    const file = join(dir, 'trial.json')
    writeFileSync(file, serializeInterchange(map, [maya]))
    expect(cli('import', file).code).toBe(0)

    const result = cli('analyze', 'Trial journey')
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toMatch(/^Analysis of "Trial journey" \(\S+\)$/)
    expect(result.stdout).toContain(
      [
        'Gaps (1)',
        '  !!  No touchpoint at “Pay”: where does the customer meet us here?',
        '',
        'Hotspots (1)',
        '  !!! Maya: pain clusters at “Trial” (weight 3) where the emotion is −1.5.',
        '',
        'Bottlenecks (2)',
        '  !!! Maya: the emotion falls by 2.5 from “Find” (+1) to “Trial” (−1.5).',
        '  !!  Trial conversion at “Trial” is 3%, short of its target ≥ 5%.',
        '',
        'Inconsistencies (0)',
        '  none',
        '',
        'Opportunities ranked (2)',
        '  !!! #1 “Trial without card” at “Trial”: score 20 (impact 5, effort 2), quick win.',
        '  !!  #2 “Pricing FAQ” at “Pay”: score 10 (impact 2, effort 1), fill-in.',
        ''
      ].join('\n')
    )
  })

  it('prints the same findings as JSON with --json', () => {
    const file = join(dir, 'trial.json')
    writeFileSync(file, serializeInterchange(map, [maya]))
    const id = cli('import', file).stdout.trim()
    const result = cli('analyze', id, '--json')
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as ReturnType<typeof analysisReport>
    // The library gives imported maps new ids; everything else is the same report.
    expect(report.map).toEqual({ id, title: 'Trial journey' })
    const expected = analysisReport(map, [maya])
    const strip = (r: typeof report) => r.sections.map((s) => [s.category, s.findings.map((f) => [f.id, f.message])])
    expect(strip(report)).toEqual(strip(expected))
    expect(report.sections[2]!.findings[1]).toMatchObject({
      rule: 'kpiMiss',
      value: 3,
      target: 5,
      focus: { stageIds: ['sTrial'], noteIds: [], laneId: 'lKpi' }
    })
  })

  it('says which map it could not find', () => {
    expect(cli('new', '--template', 'blank', '--title', 'Something else').code).toBe(0)
    const result = cli('analyze', 'Nothing here')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/No map has the id or title "Nothing here"/)
    expect(cli('analyze').code).toBe(2)
  })
})
