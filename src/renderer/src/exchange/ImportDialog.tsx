/**
 * File ▸ Import…: pick a file; its format (JSON, CSV, Mermaid) is recognised from the content
 * and shown; the library imports it whole or not at all. Problems are listed where they are
 * (a JSON path, a line and column); on success the new map opens.
 */
import { useId, useState } from 'react'
import { MAX_IMPORT_BYTES } from '../../../shared/api/wire'
import { detectFormat, type ImportFormat } from '../../../shared/export/detect'
import { importNotices, type ImportNotice } from '../../../shared/export/preview'
import type { Issue } from '../../../shared/errors'
import { JourneyError } from '../../../shared/errors'
import { Dialog } from '../common/Dialog'
import { t } from '../i18n'
import { useAppStore } from '../store'
import { formatSize } from './summary'
import './exchange.css'

interface Picked {
  readonly name: string
  readonly text: string
  readonly format: ImportFormat | null
  /** What importing it will do besides making the map (personas added, texts shortened). */
  readonly notices: readonly ImportNotice[]
}

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'failed'; readonly message: string; readonly issues: readonly Issue[] }

const formatName = (format: ImportFormat) => t(`exchange.format.${format}`)
const formatLimit = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`

const noticeText = (notice: ImportNotice) => t(`exchange.import.notice.${notice.code}`, notice.params)

export function ImportDialog({ onClose }: { onClose(): void }) {
  const api = useAppStore((s) => s.api)
  const goToMap = useAppStore((s) => s.goToMap)
  const refreshMaps = useAppStore((s) => s.refreshMaps)
  const refreshPersonas = useAppStore((s) => s.refreshPersonas)
  const [picked, setPicked] = useState<Picked | null>(null)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const inputId = useId()
  const working = status.kind === 'working'

  const choose = async (file: File | undefined) => {
    setStatus({ kind: 'idle' })
    setPicked(null)
    if (!file) return
    // Refused before reading or sending: the web host accepts no bigger message (shared/api/wire.ts).
    if (file.size > MAX_IMPORT_BYTES) {
      const message = t('exchange.import.tooLarge', {
        size: formatSize(file.size),
        limit: formatLimit(MAX_IMPORT_BYTES)
      })
      setStatus({ kind: 'failed', message, issues: [] })
      return
    }
    try {
      const text = await file.text()
      const personas = api ? await api.listPersonas({}) : []
      setPicked({ name: file.name, text, format: detectFormat(text), notices: importNotices(text, personas) })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      setStatus({ kind: 'failed', message: t('exchange.import.unreadable', { message }), issues: [] })
    }
  }

  const submit = async () => {
    if (!picked || !api || working) return
    setStatus({ kind: 'working' })
    try {
      const map = await api.importMap({ text: picked.text, fileName: picked.name })
      void refreshPersonas()
      void refreshMaps()
      onClose()
      await goToMap(map.id)
    } catch (error) {
      if (error instanceof JourneyError) setStatus({ kind: 'failed', message: error.message, issues: error.issues })
      else setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error), issues: [] })
    }
  }

  return (
    <Dialog
      title={t('exchange.import.title')}
      onClose={() => {
        if (!working) onClose()
      }}
      onSubmit={() => void submit()}
      className="exchange-dialog import-dialog"
    >
      <p className="hint">{t('exchange.import.intro')}</p>
      <div className="field">
        <label htmlFor={inputId} className="field-label">
          {t('exchange.import.file')}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".json,.csv,.tsv,.txt,.mmd,.mermaid,.md,application/json,text/csv,text/plain"
          disabled={working}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {picked && (
        <p className="exchange-detected" role="status">
          {picked.format
            ? t('exchange.import.detected', { format: formatName(picked.format) })
            : t('exchange.import.unknown')}
        </p>
      )}
      {picked && picked.notices.length > 0 && (
        <div className="exchange-notices">
          <p>{t('exchange.import.notices')}</p>
          <ul>
            {picked.notices.map((notice, i) => (
              <li key={i}>{noticeText(notice)}</li>
            ))}
          </ul>
        </div>
      )}
      {status.kind === 'failed' && (
        <div className="exchange-error" role="alert">
          <p>
            <strong>{t('exchange.import.failed')}</strong> {status.message}
          </p>
          {status.issues.length > 1 && (
            <>
              <p>{t('exchange.import.problems', { count: status.issues.length })}</p>
              <ul className="exchange-issues">
                {status.issues.map((issue, i) => (
                  <li key={i}>
                    <code>{issue.path}</code> {issue.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={working}>
          {t('exchange.cancel')}
        </button>
        <button type="submit" className="primary" disabled={!picked || working || !api}>
          {working ? t('exchange.import.working') : t('exchange.import.submit')}
        </button>
      </div>
    </Dialog>
  )
}
