/**
 * The KPIs of a stage, in a dialog: add one from the presets (or a custom one), and set each
 * one's name, value, target, unit and direction. Every change is one setMetric or removeMetric
 * edit, committed when a field is left or Enter is pressed, and undoable like any other.
 */
import { useId, useState } from 'react'
import { kpiStatus } from '../../../shared/analysis'
import { orderedStages, stageMetrics } from '../../../shared/commands'
import type { JourneyMap, Metric } from '../../../shared/model'
import { LIMITS } from '../../../shared/schema/entities'
import { Dialog } from '../common/Dialog'
import { t } from '../i18n'
import { useAppStore } from '../store'
import type { Selection } from '../store/editor'
import { setWorkshop } from '../workshop/store'
import { KPI_PRESETS, presetName, presetUnit } from './kpi-presets'
import { KpiHistory } from './KpiHistory'

/** The stage the KPI dialog opens on: the selected one (or the selected cell's or notes'), else the first. */
export function stageForKpis(map: JourneyMap, selection: Selection): string | null {
  let stageId: string | undefined
  if (selection.kind === 'stage' || selection.kind === 'cell') stageId = selection.stageId
  if (selection.kind === 'notes') stageId = map.notes.find((n) => n.id === selection.noteIds[0])?.stageId
  return stageId ?? orderedStages(map)[0]?.id ?? null
}

/** Text typed into a number field: a number, null for empty, undefined for something else. */
function parseNumber(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.')
  if (trimmed === '') return null
  const n = Number(trimmed)
  return Number.isFinite(n) ? n : undefined
}

const show = (n: number | null) => (n === null ? '' : String(n))

/** A field's text while it is edited; follows the map when the committed value changes. */
function useDraft(committed: string): [string, (text: string) => void] {
  const [draft, setDraft] = useState(committed)
  const [seen, setSeen] = useState(committed)
  if (seen !== committed) {
    setSeen(committed)
    setDraft(committed)
  }
  return [draft, setDraft]
}

export function KpiDialog({ map, stageId }: { readonly map: JourneyMap; readonly stageId: string }) {
  const stages = orderedStages(map)
  const stage = stages.find((s) => s.id === stageId) ?? stages[0]
  const [preset, setPreset] = useState<string>(KPI_PRESETS[0]!.id)
  const stageFieldId = useId()
  const presetFieldId = useId()
  const close = () => setWorkshop({ kpiStageId: null })
  if (!stage) return null
  const metrics = stageMetrics(map, stage.id)
  const hasKpiLane = map.lanes.some((l) => l.kind === 'kpis')
  const add = () => {
    const chosen = KPI_PRESETS.find((p) => p.id === preset) ?? KPI_PRESETS[0]!
    useAppStore.getState().execute('setMetric', {
      stageId: stage.id,
      name: presetName(chosen),
      unit: presetUnit(chosen),
      direction: chosen.direction
    })
  }
  return (
    <Dialog title={t('workshop.kpi.title')} onClose={close} className="kpi-dialog">
      <div className="kpi-stage">
        <label htmlFor={stageFieldId}>{t('workshop.kpi.stage')}</label>
        <select id={stageFieldId} value={stage.id} onChange={(e) => setWorkshop({ kpiStageId: e.target.value })}>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      {metrics.length === 0 ? (
        <p className="hint">{t('workshop.kpi.none')}</p>
      ) : (
        <ul className="kpi-list">
          {metrics.map((m) => (
            <MetricRow key={m.id} metric={m} map={map} />
          ))}
        </ul>
      )}
      <div className="kpi-add">
        <label htmlFor={presetFieldId}>{t('workshop.kpi.preset')}</label>
        <select id={presetFieldId} value={preset} onChange={(e) => setPreset(e.target.value)}>
          {KPI_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {presetName(p)}
              {p.unit ? ` (${presetUnit(p)})` : ''}
            </option>
          ))}
        </select>
        <button type="button" onClick={add}>
          + {t('workshop.kpi.add')}
        </button>
      </div>
      <p className="hint">{t('workshop.kpi.legend')}</p>
      {!hasKpiLane && <p className="notice">{t('workshop.kpi.noKpiLane')}</p>}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={close}>
          {t('workshop.kpi.done')}
        </button>
      </div>
    </Dialog>
  )
}

function MetricRow({ metric, map }: { metric: Metric; map: JourneyMap }) {
  const [name, setName] = useDraft(metric.name)
  const [value, setValue] = useDraft(show(metric.value))
  const [target, setTarget] = useDraft(show(metric.target))
  const [unit, setUnit] = useDraft(metric.unit)
  const [problem, setProblem] = useState<string | null>(null)
  const status = kpiStatus(metric)
  const ids = useId()
  const execute = useAppStore.getState().execute
  const set = (fields: {
    name?: string
    value?: number | null
    target?: number | null
    unit?: string
    direction?: 'higher' | 'lower'
  }) => execute('setMetric', { metricId: metric.id, ...fields })

  const commitNumber = (field: 'value' | 'target', text: string, reset: (text: string) => void) => {
    const parsed = parseNumber(text)
    if (parsed === undefined) {
      setProblem(t('workshop.kpi.notANumber'))
      return
    }
    setProblem(null)
    if (parsed !== metric[field]) set(field === 'value' ? { value: parsed } : { target: parsed })
    else reset(show(parsed))
  }
  const commitName = () => {
    if (name.trim() === '') {
      setProblem(t('workshop.kpi.nameRequired'))
      return
    }
    setProblem(null)
    if (name.trim() !== metric.name) set({ name: name.trim() })
  }
  const enter = (e: React.KeyboardEvent<HTMLInputElement>, commit: () => void) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      commit()
    }
  }
  return (
    <li className={`kpi-row ${status}`}>
      <div className="kpi-fields">
        <span className="kpi-field name">
          <label htmlFor={`${ids}-name`}>{t('workshop.kpi.name')}</label>
          <input
            id={`${ids}-name`}
            value={name}
            maxLength={LIMITS.label}
            onChange={(e) => setName(e.target.value)}
            onBlur={commitName}
            onKeyDown={(e) => enter(e, commitName)}
          />
        </span>
        <span className="kpi-field">
          <label htmlFor={`${ids}-value`}>{t('workshop.kpi.value')}</label>
          <input
            id={`${ids}-value`}
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onBlur={() => commitNumber('value', value, setValue)}
            onKeyDown={(e) => enter(e, () => commitNumber('value', value, setValue))}
          />
        </span>
        <span className="kpi-field">
          <label htmlFor={`${ids}-target`}>{t('workshop.kpi.target')}</label>
          <input
            id={`${ids}-target`}
            inputMode="decimal"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            onBlur={() => commitNumber('target', target, setTarget)}
            onKeyDown={(e) => enter(e, () => commitNumber('target', target, setTarget))}
          />
        </span>
        <span className="kpi-field unit">
          <label htmlFor={`${ids}-unit`}>{t('workshop.kpi.unit')}</label>
          <input
            id={`${ids}-unit`}
            value={unit}
            maxLength={20}
            onChange={(e) => setUnit(e.target.value)}
            onBlur={() => unit !== metric.unit && set({ unit })}
            onKeyDown={(e) => enter(e, () => unit !== metric.unit && set({ unit }))}
          />
        </span>
        <span className="kpi-field">
          <label htmlFor={`${ids}-direction`}>{t('workshop.kpi.direction')}</label>
          <select
            id={`${ids}-direction`}
            value={metric.direction}
            onChange={(e) => set({ direction: e.target.value === 'lower' ? 'lower' : 'higher' })}
          >
            <option value="higher">{t('workshop.kpi.higher')}</option>
            <option value="lower">{t('workshop.kpi.lower')}</option>
          </select>
        </span>
        <button
          type="button"
          className="quiet kpi-remove"
          aria-label={t('workshop.kpi.remove', { name: metric.name })}
          title={t('workshop.kpi.remove', { name: metric.name })}
          onClick={() => execute('removeMetric', { metricId: metric.id })}
        >
          ×
        </button>
      </div>
      <span className="kpi-status">
        <span className="kpi-swatch" aria-hidden="true" />
        {t(`workshop.kpi.status.${status}`)}
      </span>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
      <KpiHistory map={map} metric={metric} />
    </li>
  )
}
