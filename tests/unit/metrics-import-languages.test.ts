/**
 * Metrics import on a map made in another language, and its problems as reasons: the ready GA4
 * mapping (which names the English SaaS stages) lands its values on a Russian SaaS map's stages,
 * and a bad row comes back with its line, column and a reason the Russian catalogue words.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyMetricMapping, problemIssues } from '../../src/shared/metrics/apply'
import { PRESET_MAPPINGS } from '../../src/shared/metrics/presets'
import { parseCsvTable } from '../../src/shared/metrics/table'
import { reasonTranslator } from '../../src/shared/i18n/reasons'
import { LIMITS } from '../../src/shared/schema/entities'
import { createMapFromTemplate } from '../../src/shared/templates'

const ids = () => {
  let n = 0
  return () => `id${++n}`
}
const ga4 = PRESET_MAPPINGS.find((m) => m.name === 'GA4 funnel exploration')!
const HEADER_NAMED = PRESET_MAPPINGS[0]!

describe('metrics import in other languages', () => {
  it('puts a GA4 export onto the stages of a SaaS map made in Russian', () => {
    const map = createMapFromTemplate('saas', 'Воронка', ids(), '2026-12-01T00:00:00.000Z', 'ru')
    const table = parseCsvTable(readFileSync('docs/examples/metrics/ga4-funnel-exploration.csv', 'utf8'))
    const result = applyMetricMapping(map, table, ga4, { newId: ids(), today: '2026-12-01' })
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.summary.stages).toEqual([
      'Осведомлённость',
      'Рассмотрение',
      'Покупка / регистрация',
      'Онбординг',
      'Освоение'
    ])
  })

  it('names a bad row by line and column, with a reason in Russian', () => {
    const map = createMapFromTemplate('saas', 'Карта', ids(), '2026-12-01T00:00:00.000Z', 'ru')
    const csv =
      'stage,metric,value,date\nОнбординг,Активации,10,2026-12-01\nНигде,Активации,5,2026-12-01\nОнбординг,Активации,много,02.12.2026\n'
    const result = applyMetricMapping(map, parseCsvTable(csv), HEADER_NAMED, { newId: ids(), today: '2026-12-01' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const say = reasonTranslator('ru', { isolate: false })
    const issues = problemIssues(result.problems)
    expect(issues.map((i) => [i.path, say(i.reason!.id, i.reason!.params)])).toEqual([
      ['line 3, column "stage"', '"Нигде" — не этап этой карты; сопоставьте его с этапом'],
      ['line 4, column "value"', '"много" — не число']
    ])
    expect(issues[0]!.message).toBe('"Нигде" is not a stage of this map; map it to a stage')
  })

  it('says how many more bad rows there are beyond the listed ones, as one plural message', () => {
    const map = createMapFromTemplate('saas', 'Карта', ids(), '2026-12-01T00:00:00.000Z', 'ru')
    const rows = Array.from({ length: 53 }, (_, i) => `Онбординг,Активации,x${i},2026-12-01`)
    const csv = `stage,metric,value,date\n${rows.join('\n')}\n`
    const result = applyMetricMapping(map, parseCsvTable(csv), HEADER_NAMED, { newId: ids(), today: '2026-12-01' })
    if (result.ok) throw new Error('imported bad rows')
    const last = result.problems.at(-1)!
    expect(last.reason).toEqual({ id: 'metrics.moreBadRows', params: { count: 3 } })
    expect(reasonTranslator('ru', { isolate: false })(last.reason.id, last.reason.params)).toBe(
      'и ещё 3 ошибочные строки'
    )
  })

  it('refuses an import that would pass the map’s KPI value or KPI limit, naming the limit', () => {
    const map = createMapFromTemplate('saas', 'Map', ids(), '2026-12-01T00:00:00.000Z', 'en')
    const stage = map.stages[0]!.title
    const day = (i: number) => new Date(Date.UTC(1970, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
    const tooManyValues = Array.from({ length: LIMITS.maxKpiValuesPerMap + 1 }, (_, i) => `${stage},Visits,1,${day(i)}`)
    const tooManyKpis = Array.from({ length: LIMITS.maxMetricsPerMap + 1 }, (_, i) => `${stage},KPI ${i},1,2026-12-01`)
    for (const [rows, what, max] of [
      [tooManyValues, 'kpiValues', LIMITS.maxKpiValuesPerMap],
      [tooManyKpis, 'metrics', LIMITS.maxMetricsPerMap]
    ] as const) {
      const csv = `stage,metric,value,date\n${rows.join('\n')}\n`
      const result = applyMetricMapping(map, parseCsvTable(csv), HEADER_NAMED, { newId: ids(), today: '2026-12-01' })
      if (result.ok) throw new Error(`imported past the ${what} limit`)
      expect(result.problems).toHaveLength(1)
      expect(result.problems[0]!.reason).toEqual({ id: 'limit.tooMany', params: { max, what } })
      expect(result.problems[0]!.message).toContain(max.toLocaleString('en-US'))
    }
  })
})
