/**
 * A KPI's extra settings and history in the KPI dialog: whether it counts people (the funnel),
 * which path it is measured on, its dated values with a sparkline and its trend, and a row to
 * add a value for a date.
 */
import { useId, useState } from 'react'
import { kpiTrend } from '../../../shared/analysis/funnel'
import { formatKpiValue } from '../../../shared/analysis/kpi'
import { kpiHistory, sortedPaths } from '../../../shared/commands'
import type { JourneyMap, Metric } from '../../../shared/model'
import { PathOptions } from '../common/PathOptions'
import { t } from '../i18n'
import { useAppStore } from '../store'

const today = () => new Date().toISOString().slice(0, 10)

export function KpiHistory({ map, metric }: { readonly map: JourneyMap; readonly metric: Metric }) {
  const ids = useId()
  const execute = useAppStore.getState().execute
  const history = kpiHistory(map, metric.id)
  const paths = sortedPaths(map)
  const trend = kpiTrend(metric, history)
  const [date, setDate] = useState(today)
  const [value, setValue] = useState('')
  const values = history.map((v) => v.value)
  const min = Math.min(...values)
  const span = Math.max(...values) - min || 1
  const points = values.map((v, i) => `${(i / Math.max(1, values.length - 1)) * 120},${28 - ((v - min) / span) * 24}`)
  const add = () => {
    const n = Number(value.trim().replace(',', '.'))
    if (value.trim() === '' || !Number.isFinite(n) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return
    execute('setKpiValue', { metricId: metric.id, date, value: n })
    setValue('')
  }
  return (
    <div className="kpi-history">
      <label className="check">
        <input
          type="checkbox"
          checked={metric.funnel === true}
          onChange={(e) => execute('setMetric', { metricId: metric.id, funnel: e.target.checked })}
        />
        {t('metrics.kpi.funnel')}
      </label>
      {paths.length > 0 && (
        <label>
          {t('metrics.kpi.path')}{' '}
          <select
            value={metric.pathId ?? ''}
            onChange={(e) => execute('setMetric', { metricId: metric.id, pathId: e.target.value || null })}
          >
            <PathOptions paths={paths} all={t('metrics.kpi.allPaths')} />
          </select>
        </label>
      )}
      <details>
        <summary>
          {t('metrics.kpi.history')} ({history.length})
          {trend &&
            ` · ${t(trend.towardsTarget ? 'metrics.kpi.trendTowards' : 'metrics.kpi.trendAway', {
              trend: t(`metrics.kpi.trend.${trend.trend}`)
            })}`}
        </summary>
        {history.length >= 2 && (
          <svg width={124} height={32} className="kpi-spark" aria-hidden="true">
            <polyline points={points.join(' ')} fill="none" stroke="#495057" strokeWidth={1.5} />
          </svg>
        )}
        {history.length === 0 ? (
          <p className="hint">{t('metrics.kpi.noHistory')}</p>
        ) : (
          <ol className="kpi-values">
            {history.slice(-12).map((v) => (
              <li key={v.id}>
                {v.date}: {formatKpiValue(v.value, metric.unit)}
              </li>
            ))}
          </ol>
        )}
        <div className="kpi-add-value">
          <label htmlFor={`${ids}-date`}>{t('metrics.kpi.date')}</label>
          <input id={`${ids}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          <label htmlFor={`${ids}-v`}>{t('metrics.kpi.value')}</label>
          <input id={`${ids}-v`} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
          <button type="button" onClick={add}>
            {t('metrics.kpi.addValue')}
          </button>
        </div>
      </details>
    </div>
  )
}
