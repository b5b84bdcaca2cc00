/**
 * File ▸ Export…: the format and its options, progress while the file is made, then a save
 * dialog (Electron) or a download (web host), and one sentence saying what was produced.
 */
import { useId, useState } from 'react'
import { mapForPath } from '../../../shared/export/path-view'
import {
  EXPORTERS,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptionsByFormat,
  type ExportRequest,
  type OptionSpec
} from '../../../shared/export/registry'
import type { JourneyMap } from '../../../shared/model'
import { JourneyError } from '../../../shared/errors'
import { saveFile, type SaveOutcome } from '../api/save-file'
import { Dialog } from '../common/Dialog'
import { t, type MessageKey } from '../i18n'
import { errorText } from '../i18n/errors'
import { en } from '../i18n/en'
import { whenSaved } from '../editor/when-saved'
import { useAppStore } from '../store'
import type { ExportPhase, ExportProduct } from './run-export'
import { describe, warnings } from './summary'
import './exchange.css'

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly phase: ExportPhase | { readonly kind: 'saving' } }
  | { readonly kind: 'done'; readonly product: ExportProduct; readonly outcome: SaveOutcome }
  | { readonly kind: 'failed'; readonly message: string }

function progressText(phase: ExportPhase | { readonly kind: 'saving' }): string {
  if (phase.kind === 'fonts') return t('exchange.export.fonts')
  if (phase.kind === 'saving') return t('exchange.export.saving')
  if (phase.total > 1) return t('exchange.export.progress', { done: phase.done, total: phase.total })
  return t('exchange.export.working')
}

/**
 * The words of a format's option: `exchange.<format>.<option>` and `…<option>.<value>`. The
 * registry's options are data, so the keys are checked at run time (and by a unit test that
 * every option of every format has its words).
 */
function optionText(...parts: string[]): string {
  const key = `exchange.${parts.join('.')}`
  return key in en ? t(key as MessageKey) : parts[parts.length - 1]!
}

type AllOptions = { -readonly [F in ExportFormat]: ExportOptionsByFormat[F] }

const initialOptions = (): AllOptions =>
  Object.fromEntries(EXPORT_FORMATS.map((f) => [f, { ...EXPORTERS[f].defaults }])) as unknown as AllOptions

export function ExportDialog({ map, onClose }: { map: JourneyMap; onClose(): void }) {
  const api = useAppStore((s) => s.api)
  const [format, setFormat] = useState<ExportFormat>('pdf')
  const [options, setOptions] = useState<AllOptions>(initialOptions)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [pathId, setPathId] = useState<string>('')
  const working = status.kind === 'working'
  // JSON and .journeymap carry the whole map; the pictures, CSV and Mermaid can show one path.
  const perPath = map.paths.length > 0 && format !== 'json' && format !== 'journeymap'
  const idBase = useId()

  const current = options[format] as Readonly<Record<string, unknown>>
  const setOption = (key: string, value: unknown) =>
    setOptions((all) => ({ ...all, [format]: { ...all[format], [key]: value } }))

  const submit = async () => {
    if (working || !api) return
    const onePath = perPath && pathId !== ''
    // One path's picture is not the map: it carries no editable copy of it.
    const chosen = onePath && 'embedMap' in options[format] ? { ...options[format], embedMap: false } : options[format]
    const request = { format, options: chosen } as ExportRequest
    setStatus({ kind: 'working', phase: { kind: 'drawing', done: 0, total: 1 } })
    try {
      // The file carries the map as the library has it, so every edit must be there first.
      if (!(await whenSaved(map.id))) throw new JourneyError('conflict', t('files.saveAs.notSaved'))
      const personas = await api.listPersonas({})
      // jsPDF and the exporters load with the first export, not with the app.
      const { runExport } = await import('./run-export')
      const exported = onePath ? mapForPath(map, pathId) : map
      const product = await runExport(request, exported, personas, (phase) => setStatus({ kind: 'working', phase }))
      setStatus({ kind: 'working', phase: { kind: 'saving' } })
      const outcome = await saveFile(product.file)
      setStatus({ kind: 'done', product, outcome })
    } catch (error) {
      const message = errorText(error)
      setStatus({ kind: 'failed', message })
    }
  }

  const specs = EXPORTERS[format].options
  const choices = specs.filter((s): s is Extract<OptionSpec, { kind: 'choice' }> => s.kind === 'choice')
  const flags = specs.filter((s) => s.kind === 'flag')
  const applies = (spec: OptionSpec) => !spec.appliesWhen || spec.appliesWhen(current)

  return (
    <Dialog
      title={t('exchange.export.title', { title: map.title })}
      onClose={() => {
        if (!working) onClose()
      }}
      onSubmit={() => void submit()}
      className="exchange-dialog export-dialog"
    >
      <fieldset className="exchange-formats" disabled={working}>
        <legend>{t('exchange.export.format')}</legend>
        {EXPORT_FORMATS.map((id) => (
          <label key={id} className={`exchange-format${format === id ? ' selected' : ''}`}>
            <input
              type="radio"
              name="format"
              value={id}
              checked={format === id}
              onChange={() => setFormat(id)}
              aria-labelledby={`${idBase}-${id}`}
              aria-describedby={`${idBase}-${id}-hint`}
            />
            <span id={`${idBase}-${id}`} className="exchange-format-name">
              {t(`exchange.format.${id}`)}
            </span>
            <span id={`${idBase}-${id}-hint`} className="exchange-format-hint">
              {t(`exchange.format.${id}.hint`)}
            </span>
          </label>
        ))}
      </fieldset>

      {perPath && (
        <div className="exchange-options">
          <label>
            {t('exchange.export.path')}{' '}
            <select value={pathId} disabled={working} onChange={(e) => setPathId(e.target.value)}>
              <option value="">{t('exchange.export.allPaths')}</option>
              {map.paths.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}

      {specs.length > 0 && (
        <div className="exchange-options">
          {choices.map((spec) =>
            spec.control === 'select' ? (
              <label key={spec.key} className="exchange-option">
                <span>{optionText(format, spec.key)}</span>
                <select
                  value={String(current[spec.key])}
                  disabled={working || !applies(spec)}
                  onChange={(e) => setOption(spec.key, e.target.value)}
                >
                  {spec.values.map((value) => (
                    <option key={value} value={value}>
                      {optionText(format, spec.key, value)}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <fieldset
                key={spec.key}
                className={`exchange-option-group${spec.values.every((v) => optionText(format, spec.key, v).length <= 42) ? ' inline' : ''}`}
                disabled={working || !applies(spec)}
              >
                <legend>{optionText(format, spec.key)}</legend>
                {spec.values.map((value) => (
                  <label key={value}>
                    <input
                      type="radio"
                      name={`${format}-${spec.key}`}
                      checked={current[spec.key] === value}
                      onChange={() => setOption(spec.key, value)}
                    />{' '}
                    {optionText(format, spec.key, value)}
                  </label>
                ))}
              </fieldset>
            )
          )}
          {flags.length > 0 && (
            <fieldset className="exchange-option-group" disabled={working}>
              {flags.map((spec) => (
                <label key={spec.key}>
                  <input
                    type="checkbox"
                    checked={current[spec.key] === true}
                    disabled={!applies(spec)}
                    onChange={(e) => setOption(spec.key, e.target.checked)}
                  />{' '}
                  {optionText(format, spec.key)}
                </label>
              ))}
            </fieldset>
          )}
        </div>
      )}

      <div className="exchange-status" aria-live="polite">
        {status.kind === 'working' && (
          <>
            <span>{progressText(status.phase)}</span>
            {status.phase.kind === 'drawing' && status.phase.total > 1 ? (
              <progress max={status.phase.total} value={status.phase.done} />
            ) : (
              <progress />
            )}
          </>
        )}
        {status.kind === 'done' && (
          <div className="exchange-result" role="status">
            <p>
              {status.outcome.kind === 'file'
                ? t('exchange.saved.file', { what: describe(status.product), path: status.outcome.path })
                : status.outcome.kind === 'download'
                  ? t('exchange.saved.download', { what: describe(status.product), name: status.outcome.name })
                  : t('exchange.saved.cancelled')}
            </p>
            {warnings(status.product).map((w) => (
              <p key={w} className="exchange-warning">
                {w}
              </p>
            ))}
          </div>
        )}
        {status.kind === 'failed' && (
          <p className="exchange-error" role="alert">
            {t('exchange.export.failed', { message: status.message })}
          </p>
        )}
      </div>

      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={working}>
          {status.kind === 'done' ? t('exchange.close') : t('exchange.cancel')}
        </button>
        <button type="submit" className="primary" disabled={working || !api}>
          {working ? t('exchange.export.working') : t('exchange.export.submit')}
        </button>
      </div>
    </Dialog>
  )
}
