/**
 * File ▸ Export…: the format and its options, progress while the file is made, then a save
 * dialog (Electron) or a download (web host), and one sentence saying what was produced.
 */
import { useId, useState } from 'react'
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export/formats'
import { DEFAULT_PDF_OPTIONS, ORIENTATIONS, PAPER_SIZES, PDF_FITS } from '../../../shared/export/pdf/options'
import { PNG_RATIOS, type PngRatio } from '../../../shared/export/png-plan'
import type { JourneyMap } from '../../../shared/model'
import { JourneyError } from '../../../shared/errors'
import { saveFile, type SaveOutcome } from '../api/save-file'
import { Dialog } from '../common/Dialog'
import { t } from '../i18n'
import { useAppStore } from '../store'
import type { ExportPhase, ExportProduct, ExportRequest, PdfChoices } from './run-export'
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

export function ExportDialog({ map, onClose }: { map: JourneyMap; onClose(): void }) {
  const api = useAppStore((s) => s.api)
  const [format, setFormat] = useState<ExportFormat>('pdf')
  const [pdf, setPdf] = useState<PdfChoices>({
    paper: DEFAULT_PDF_OPTIONS.paper,
    orientation: DEFAULT_PDF_OPTIONS.orientation,
    fit: DEFAULT_PDF_OPTIONS.fit,
    header: DEFAULT_PDF_OPTIONS.header,
    personaPages: DEFAULT_PDF_OPTIONS.personaPages,
    notesTable: DEFAULT_PDF_OPTIONS.notesTable,
    analysisPage: false
  })
  const [ratio, setRatio] = useState<PngRatio>(2)
  const [background, setBackground] = useState<'white' | 'transparent'>('white')
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const working = status.kind === 'working'
  const idBase = useId()

  const submit = async () => {
    if (working || !api) return
    const request: ExportRequest =
      format === 'pdf' ? { format, pdf } : format === 'png' ? { format, png: { ratio, background } } : { format }
    setStatus({ kind: 'working', phase: { kind: 'drawing', done: 0, total: 1 } })
    try {
      const personas = await api.listPersonas({})
      // jsPDF and the exporters load with the first export, not with the app.
      const { runExport } = await import('./run-export')
      const product = await runExport(request, map, personas, (phase) => setStatus({ kind: 'working', phase }))
      setStatus({ kind: 'working', phase: { kind: 'saving' } })
      const outcome = await saveFile(product.file)
      setStatus({ kind: 'done', product, outcome })
    } catch (error) {
      const message = error instanceof JourneyError || error instanceof Error ? error.message : String(error)
      setStatus({ kind: 'failed', message })
    }
  }

  const pdfPaperFit = pdf.paper === 'fit'
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

      {format === 'pdf' && (
        <div className="exchange-options">
          <label className="exchange-option">
            <span>{t('exchange.pdf.paper')}</span>
            <select
              value={pdf.paper}
              disabled={working}
              onChange={(e) => setPdf({ ...pdf, paper: e.target.value as PdfChoices['paper'] })}
            >
              {PAPER_SIZES.map((paper) => (
                <option key={paper} value={paper}>
                  {t(`exchange.pdf.paper.${paper}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="exchange-option">
            <span>{t('exchange.pdf.orientation')}</span>
            <select
              value={pdf.orientation}
              disabled={working || pdfPaperFit}
              onChange={(e) => setPdf({ ...pdf, orientation: e.target.value as PdfChoices['orientation'] })}
            >
              {ORIENTATIONS.map((o) => (
                <option key={o} value={o}>
                  {t(`exchange.pdf.orientation.${o}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="exchange-option-group" disabled={working || pdfPaperFit}>
            <legend>{t('exchange.pdf.fit')}</legend>
            {PDF_FITS.map((fit) => (
              <label key={fit}>
                <input type="radio" name="fit" checked={pdf.fit === fit} onChange={() => setPdf({ ...pdf, fit })} />{' '}
                {t(`exchange.pdf.fit.${fit}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="exchange-option-group" disabled={working}>
            {(['header', 'personaPages', 'notesTable', 'analysisPage'] as const).map((key) => (
              <label key={key}>
                <input
                  type="checkbox"
                  checked={pdf[key] === true}
                  onChange={(e) => setPdf({ ...pdf, [key]: e.target.checked })}
                />{' '}
                {t(`exchange.pdf.${key}`)}
              </label>
            ))}
          </fieldset>
        </div>
      )}

      {format === 'png' && (
        <div className="exchange-options">
          <fieldset className="exchange-option-group inline" disabled={working}>
            <legend>{t('exchange.png.scale')}</legend>
            {PNG_RATIOS.map((r) => (
              <label key={r}>
                <input type="radio" name="ratio" checked={ratio === r} onChange={() => setRatio(r)} />{' '}
                {t('exchange.png.scale.option', { ratio: r })}
              </label>
            ))}
          </fieldset>
          <fieldset className="exchange-option-group inline" disabled={working}>
            <legend>{t('exchange.png.background')}</legend>
            {(['white', 'transparent'] as const).map((b) => (
              <label key={b}>
                <input type="radio" name="background" checked={background === b} onChange={() => setBackground(b)} />{' '}
                {t(`exchange.png.background.${b}`)}
              </label>
            ))}
          </fieldset>
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
