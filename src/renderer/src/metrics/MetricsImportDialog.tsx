/**
 * Import metrics…: pick an export, check or set how its columns map onto the map (stage, date,
 * KPI values, which stage each stage value means), see the first rows, and import. The library
 * reads the file and writes all values in one edit, or nothing with every bad row listed.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { stageTitled, type MetricsImportSummary } from '../../../shared/metrics/apply'
import { headerFor } from '../../../shared/metrics/choose'
import {
  DateFormatSchema,
  MetricMappingSchema,
  type MetricMapping,
  type MetricMappingInput
} from '../../../shared/metrics/mapping'
import type { ApiResponse } from '../../../shared/api/contract'
import { orderedStages } from '../../../shared/commands'
import { JourneyError, type Issue } from '../../../shared/errors'
import type { JourneyMap } from '../../../shared/model'
import { Dialog } from '../common/Dialog'
import { fmt, t } from '../i18n'
import { errorText, issueText, whereText } from '../i18n/errors'
import { useAppStore } from '../store'
import './metrics.css'

type Preview = ApiResponse<'previewMetricsFile'>
interface PickedFile {
  readonly fileName: string
  readonly data: string
  readonly encoding: 'text' | 'base64'
}

const AS_IS = '\u0000as-is'
const SHOWN_STAGE_VALUES = 40

async function readFile(file: File): Promise<PickedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b
  if (!zip) return { fileName: file.name, data: new TextDecoder('utf-8').decode(bytes), encoding: 'text' }
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { fileName: file.name, data: btoa(binary), encoding: 'base64' }
}

/** A blank mapping for a header: the first column as stage, a column called date as date, the rest as values. */
function blankMapping(header: readonly string[], name: string): MetricMappingInput {
  const date = header.find((h) => /date|day|week|month|дата/i.test(h)) ?? null
  const stage = header.find((h) => h !== date) ?? header[0] ?? 'stage'
  return {
    name,
    stageColumn: stage,
    dateColumn: date,
    measures: header
      .filter((h) => h !== stage && h !== date)
      .slice(0, 1)
      .map((h) => ({ column: h, metric: h }))
  }
}

export function MetricsImportDialog({ map, onClose }: { readonly map: JourneyMap; readonly onClose: () => void }) {
  const api = useAppStore((s) => s.api)
  const [file, setFile] = useState<PickedFile | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [choices, setChoices] = useState<ApiResponse<'listMetricMappings'> | null>(null)
  const [mapping, setMapping] = useState<MetricMapping | null>(null)
  const [save, setSave] = useState(true)
  const [busy, setBusy] = useState(false)
  const [problems, setProblems] = useState<readonly Issue[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [done, setDone] = useState<MetricsImportSummary | null>(null)
  const fileId = useId()
  const mappingId = useId()
  // The outcome sits below the mapping, often past the dialog's fold: bring it into view.
  const outcome = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (problems || failure || done) outcome.current?.scrollIntoView({ block: 'nearest' })
  }, [problems, failure, done])

  const pick = async (chosen: File) => {
    if (!api) return
    setBusy(true)
    setProblems(null)
    setFailure(null)
    setDone(null)
    try {
      const picked = await readFile(chosen)
      const [shown, list] = await Promise.all([api.previewMetricsFile(picked), api.listMetricMappings({})])
      setFile(picked)
      setPreview(shown)
      setChoices(list)
      const header = headerFor({ rows: shown.rows }, { skipRowsStartingWith: ['#'] })?.cells ?? []
      setMapping(shown.suggested ?? MetricMappingSchema.parse(blankMapping(header, t('metrics.import.defaultName'))))
    } catch (error) {
      setFailure(errorText(error))
    } finally {
      setBusy(false)
    }
  }

  const submit = async () => {
    if (!api || !file || !mapping) return
    setBusy(true)
    setProblems(null)
    setFailure(null)
    try {
      const parsed = MetricMappingSchema.safeParse(mapping)
      if (!parsed.success) {
        setFailure(t('metrics.import.incomplete'))
        return
      }
      const result = await api.importMetrics({ ...file, mapId: map.id, mapping: parsed.data, saveMapping: save })
      setDone(result.summary)
    } catch (error) {
      if (error instanceof JourneyError && error.issues.length > 0) setProblems(error.issues)
      else setFailure(errorText(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('metrics.import.title')} onClose={onClose} className="metrics-import">
      <p className="hint">{t('metrics.import.intro')}</p>
      <div className="field">
        <label htmlFor={fileId}>{t('metrics.import.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const chosen = e.target.files?.[0]
            if (chosen) void pick(chosen)
          }}
        />
      </div>
      {preview && file && (
        <p className="hint">{t('metrics.import.rows', { count: preview.rowCount, name: file.fileName })}</p>
      )}
      {preview && mapping && choices && (
        <>
          <div className="field">
            <label htmlFor={mappingId}>{t('metrics.import.mapping')}</label>
            <select
              id={mappingId}
              value={mapping.name}
              onChange={(e) => {
                const next = [...choices.saved, ...choices.ready].find((m) => m.name === e.target.value)
                if (next) setMapping(next)
              }}
            >
              {!choices.saved.some((m) => m.name === mapping.name) &&
                !choices.ready.some((m) => m.name === mapping.name) && (
                  <option value={mapping.name}>{mapping.name}</option>
                )}
              {choices.saved.map((m) => (
                <option key={`s:${m.name}`} value={m.name}>
                  {t('metrics.import.mappingSaved', { name: m.name })}
                </option>
              ))}
              {choices.ready.map((m) => (
                <option key={`r:${m.name}`} value={m.name}>
                  {t('metrics.import.mappingReady', { name: m.name })}
                </option>
              ))}
            </select>
            <span className="hint">
              {preview.suggested
                ? t('metrics.import.mappingSuggested', { name: preview.suggested.name })
                : t('metrics.import.noMapping')}
            </span>
          </div>
          <MappingEditor map={map} preview={preview} mapping={mapping} onChange={setMapping} />
          <label className="check">
            <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} />
            {t('metrics.import.save')}
            <input
              type="text"
              aria-label={t('metrics.import.save')}
              value={mapping.name}
              maxLength={120}
              onChange={(e) => setMapping({ ...mapping, name: e.target.value })}
            />
          </label>
        </>
      )}
      <div ref={outcome}>
        {failure && (
          <p className="notice" role="alert">
            {failure}
          </p>
        )}
        {problems && (
          <div className="metrics-problems" role="alert">
            <p>{t('metrics.import.failed')}</p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{p.path === '(file)' ? issueText(p) : `${whereText(p.path)}: ${issueText(p)}`}</li>
              ))}
            </ul>
          </div>
        )}
        {done && (
          <p className="metrics-done" role="status">
            {t('metrics.import.done', {
              values: done.values,
              rows: done.rows,
              stages: fmt().list(done.stages),
              from: done.firstDate ? fmt().date(done.firstDate, { dateStyle: 'medium', timeZone: 'UTC' }) : '',
              to: done.lastDate ? fmt().date(done.lastDate, { dateStyle: 'medium', timeZone: 'UTC' }) : ''
            })}{' '}
            {done.createdMetrics > 0 ? t('metrics.import.created', { count: done.createdMetrics }) : ''}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('metrics.import.close')}
        </button>
        <button type="button" className="primary" disabled={!mapping || busy} onClick={() => void submit()}>
          {busy ? t('metrics.import.importing') : t('metrics.import.submit')}
        </button>
      </div>
    </Dialog>
  )
}

function MappingEditor({
  map,
  preview,
  mapping,
  onChange
}: {
  readonly map: JourneyMap
  readonly preview: Preview
  readonly mapping: MetricMapping
  onChange(next: MetricMapping): void
}) {
  const ids = useId()
  const headerRow = headerFor({ rows: preview.rows }, mapping)
  const header = headerRow?.cells ?? []
  const stages = orderedStages(map)
  const set = (patch: Partial<MetricMapping>) => onChange({ ...mapping, ...patch })
  const columnIndex = (name: string | null) =>
    name === null ? -1 : header.findIndex((h) => h.trim().toLowerCase() === name.trim().toLowerCase())
  const stageIndex = columnIndex(mapping.stageColumn)
  const stageValues = (stageIndex >= 0 ? (preview.distinct[stageIndex] ?? []) : []).filter(
    (v) => v !== '' && v !== header[stageIndex] && !mapping.skipRowsStartingWith.some((prefix) => v.startsWith(prefix))
  )
  const long = mapping.metricColumn !== null && mapping.valueColumn !== null
  const valueColumns = header.filter((h, i) => i !== stageIndex && i !== columnIndex(mapping.dateColumn))
  const measureFor = (column: string) => mapping.measures.find((m) => m.column === column)
  const dataRows = preview.rows.filter((r) => r !== headerRow && r.line > (headerRow?.line ?? 0)).slice(0, 6)

  return (
    <div className="metrics-mapping">
      <div className="mapping-grid">
        <label htmlFor={`${ids}-stage`}>{t('metrics.import.stageColumn')}</label>
        <select
          id={`${ids}-stage`}
          value={header[stageIndex] ?? ''}
          onChange={(e) => set({ stageColumn: e.target.value })}
        >
          {stageIndex < 0 && <option value="">—</option>}
          {header.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-date`}>{t('metrics.import.dateColumn')}</label>
        <select
          id={`${ids}-date`}
          value={mapping.dateColumn === null ? '' : (header[columnIndex(mapping.dateColumn)] ?? '')}
          onChange={(e) => set({ dateColumn: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">{t('metrics.import.noDate')}</option>
          {header.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-format`}>{t('metrics.import.dateFormat')}</label>
        <select
          id={`${ids}-format`}
          value={mapping.dateFormat}
          onChange={(e) => set({ dateFormat: DateFormatSchema.parse(e.target.value) })}
        >
          {DateFormatSchema.options.map((f) => (
            <option key={f} value={f}>
              {f === 'auto' ? t('metrics.import.dateFormat.auto') : f}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-period`}>{t('metrics.import.period')}</label>
        <select
          id={`${ids}-period`}
          value={mapping.period}
          onChange={(e) => set({ period: e.target.value === 'month' ? 'month' : 'day' })}
        >
          <option value="day">{t('metrics.import.period.day')}</option>
          <option value="month">{t('metrics.import.period.month')}</option>
        </select>
        <label htmlFor={`${ids}-combine`}>{t('metrics.import.combine')}</label>
        <select
          id={`${ids}-combine`}
          value={mapping.combine}
          onChange={(e) => set({ combine: e.target.value === 'last' ? 'last' : 'sum' })}
        >
          <option value="sum">{t('metrics.import.combine.sum')}</option>
          <option value="last">{t('metrics.import.combine.last')}</option>
        </select>
        {long && (
          <>
            <label htmlFor={`${ids}-metric`}>{t('metrics.import.metricColumn')}</label>
            <select
              id={`${ids}-metric`}
              value={mapping.metricColumn ?? ''}
              onChange={(e) => set({ metricColumn: e.target.value })}
            >
              {header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
            <label htmlFor={`${ids}-value`}>{t('metrics.import.valueColumn')}</label>
            <select
              id={`${ids}-value`}
              value={mapping.valueColumn ?? ''}
              onChange={(e) => set({ valueColumn: e.target.value })}
            >
              {header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {!long && (
        <fieldset>
          <legend>{t('metrics.import.valuesHeading')}</legend>
          {mapping.measures
            .filter((m) => m.column === null)
            .map((m) => (
              <p key={m.metric} className="hint">
                {t('metrics.import.countRows', { name: m.metric })}
              </p>
            ))}
          {valueColumns.map((column) => {
            const measure = measureFor(column)
            const update = (next: Partial<MetricMapping['measures'][number]> | null) => {
              const others = mapping.measures.filter((m) => m.column !== column)
              set({
                measures:
                  next === null
                    ? others
                    : [...others, { column, metric: column, unit: '', funnel: false, ...measure, ...next }]
              })
            }
            return (
              <div key={column} className="measure-row">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={measure !== undefined}
                    onChange={(e) => update(e.target.checked ? {} : null)}
                  />
                  {t('metrics.import.useColumn', { column })}
                </label>
                {measure && (
                  <>
                    <input
                      type="text"
                      aria-label={t('metrics.import.kpiName', { column })}
                      value={measure.metric}
                      maxLength={120}
                      onChange={(e) => update({ metric: e.target.value })}
                    />
                    <input
                      type="text"
                      className="unit"
                      aria-label={t('metrics.import.unit')}
                      placeholder={t('metrics.import.unit')}
                      value={measure.unit}
                      maxLength={20}
                      onChange={(e) => update({ unit: e.target.value })}
                    />
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={measure.funnel}
                        onChange={(e) => update({ funnel: e.target.checked })}
                      />
                      {t('metrics.import.funnel')}
                    </label>
                  </>
                )}
              </div>
            )
          })}
        </fieldset>
      )}
      {stageValues.length > 0 && (
        <fieldset>
          <legend>{t('metrics.import.stagesHeading')}</legend>
          <div className="mapping-grid">
            {stageValues.slice(0, SHOWN_STAGE_VALUES).map((value) => {
              const mapped = Object.entries(mapping.stageValues).find(
                ([k]) => k.trim().toLowerCase() === value.toLowerCase()
              )?.[1]
              // A ready mapping names the English template stages; a map made in another language has them in its own.
              const current = mapped === undefined ? AS_IS : (stageTitled(stages, mapped)?.title ?? mapped)
              return (
                <StageValueRow
                  key={value}
                  value={value}
                  current={current}
                  stages={stages.map((s) => s.title)}
                  onChange={(title) => {
                    const rest = Object.fromEntries(
                      Object.entries(mapping.stageValues).filter(
                        ([k]) => k.trim().toLowerCase() !== value.toLowerCase()
                      )
                    )
                    set({ stageValues: title === AS_IS ? rest : { ...rest, [value]: title } })
                  }}
                />
              )
            })}
          </div>
          {stageValues.length > SHOWN_STAGE_VALUES && (
            <p className="hint">{t('metrics.import.moreValues', { count: stageValues.length - SHOWN_STAGE_VALUES })}</p>
          )}
        </fieldset>
      )}
      <h3>{t('metrics.import.previewHeading')}</h3>
      <div className="metrics-preview">
        <table>
          <thead>
            <tr>
              <th>#</th>
              {header.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dataRows.map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                {header.map((_, i) => (
                  <td key={i}>{row.cells[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function StageValueRow({
  value,
  current,
  stages,
  onChange
}: {
  readonly value: string
  readonly current: string
  readonly stages: readonly string[]
  onChange(title: string): void
}) {
  const id = useId()
  return (
    <>
      <label htmlFor={id}>{value}</label>
      <select id={id} value={current} onChange={(e) => onChange(e.target.value)}>
        <option value={AS_IS}>{t('metrics.import.asIs')}</option>
        <option value="">{t('metrics.import.ignore')}</option>
        {stages.map((title) => (
          <option key={title} value={title}>
            {title}
          </option>
        ))}
      </select>
    </>
  )
}
