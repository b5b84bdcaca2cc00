/**
 * File ▸ Import… / Open…: pick a file (or open one dropped on the window, chosen in File ▸ Open…
 * or double-clicked in the desktop app). A .journeymap, JSON, CSV or Mermaid file is recognised
 * from its content; a PDF, PNG or SVG exported by Journeyboard gives the map embedded in it. The
 * library imports it whole or not at all; problems are listed where they are (a JSON path, a line
 * and column); on success the new map opens. A file whose map is already in the library offers
 * to merge it into that map (MergeDialog) or to import it as a new map.
 */
import { useEffect, useId, useState } from 'react'
import type { JourneyApi, MapSummary } from '../../../shared/api/contract'
import { MAX_IMPORT_BYTES } from '../../../shared/api/wire'
import { readImportFile, type ImportFileKind } from '../../../shared/export/import-file'
import { importNotices, type ImportNotice } from '../../../shared/export/preview'
import { parseInterchange, type ParsedInterchange } from '../../../shared/format/interchange'
import type { Issue } from '../../../shared/errors'
import { JourneyError } from '../../../shared/errors'
import { Dialog } from '../common/Dialog'
import { getLanguage, t } from '../i18n'
import { errorText, issueText, whereText } from '../i18n/errors'
import { useAppStore } from '../store'
import type { OpenedFile } from '../store/exchange'
import { formatSize } from './summary'
import './exchange.css'

interface Picked {
  readonly name: string
  readonly text: string
  readonly kind: ImportFileKind | null
  /** What importing it will do besides making the map (personas added, texts shortened). */
  readonly notices: readonly ImportNotice[]
  /** A Journeyboard file's content, read ahead to find its map in the library. */
  readonly document: ParsedInterchange | null
  /** The map of the library this file is a copy of (same id, not in the trash). */
  readonly existing: MapSummary | null
}

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'failed'; readonly message: string; readonly issues: readonly Issue[] }

const formatLimit = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`
const noticeText = (notice: ImportNotice) => t(`exchange.import.notice.${notice.code}`, notice.params)

/** "Recognised as …": the picture formats say that the map was found inside them. */
function detectedText(kind: ImportFileKind): string {
  if (kind === 'pdf' || kind === 'png' || kind === 'svg') {
    return t('files.import.embedded', { format: t(`exchange.format.${kind}`) })
  }
  if (kind === 'journeymap') return t('exchange.import.detected', { format: t('exchange.format.journeymap') })
  return t('exchange.import.detected', { format: t(`exchange.format.${kind}`) })
}

type Failed = { readonly failed: Extract<Status, { kind: 'failed' }> }

const failed = (message: string, issues: readonly Issue[] = []): Failed => ({
  failed: { kind: 'failed', message, issues }
})

/** Reads a picked file: its format, the map inside a picture, notices, and its map in the library. */
async function inspect(
  api: JourneyApi | null,
  name: string,
  size: number,
  read: () => Promise<Uint8Array>
): Promise<Picked | Failed> {
  // Refused before reading or sending: the web host accepts no bigger message (shared/api/wire.ts).
  if (size > MAX_IMPORT_BYTES) {
    return failed(t('exchange.import.tooLarge', { size: formatSize(size), limit: formatLimit(MAX_IMPORT_BYTES) }))
  }
  try {
    const file = readImportFile(await read())
    const personas = api ? await api.listPersonas({}) : []
    let document: ParsedInterchange | null = null
    if (file.kind === 'json' || file.embedded) {
      try {
        document = parseInterchange(file.text)
      } catch {
        // Importing says what is wrong, with every problem listed.
      }
    }
    const maps = api && document ? await api.listMaps({}) : []
    const existing = document ? (maps.find((m) => m.id === document.map.id) ?? null) : null
    const kind = document?.lineage && file.kind === 'json' ? 'journeymap' : file.kind
    return { name, text: file.text, kind, notices: importNotices(file.text, personas), document, existing }
  } catch (error) {
    if (error instanceof JourneyError) return failed(errorText(error), error.issues)
    return failed(t('exchange.import.unreadable', { message: errorText(error) }))
  }
}

export function ImportDialog({ onClose, initialFile }: { onClose(): void; initialFile?: OpenedFile | null }) {
  const api = useAppStore((s) => s.api)
  const goToMap = useAppStore((s) => s.goToMap)
  const refreshMaps = useAppStore((s) => s.refreshMaps)
  const refreshPersonas = useAppStore((s) => s.refreshPersonas)
  const startMerge = useAppStore((s) => s.startMerge)
  const [picked, setPicked] = useState<Picked | null>(null)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const inputId = useId()
  const working = status.kind === 'working'

  const fail = (message: string, issues: readonly Issue[] = []) => setStatus({ kind: 'failed', message, issues })
  const show = (outcome: Picked | Failed) => {
    if ('failed' in outcome) setStatus(outcome.failed)
    else setPicked(outcome)
  }

  const choose = (name: string, size: number, read: () => Promise<Uint8Array>) => {
    setStatus({ kind: 'idle' })
    setPicked(null)
    void inspect(api, name, size, read).then(show)
  }

  useEffect(() => {
    if (!initialFile) return
    let live = true
    void inspect(api, initialFile.name, initialFile.bytes.length, async () => initialFile.bytes).then((outcome) => {
      if (live) show(outcome)
    })
    return () => {
      live = false
    }
    // Only the file the dialog opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialFile])

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
      if (error instanceof JourneyError) fail(errorText(error), error.issues)
      else fail(errorText(error))
    }
  }

  const merge = () => {
    if (!picked?.document || !picked.existing) return
    const { map, personas, lineage } = picked.document
    startMerge({ mapId: picked.existing.id, fileName: picked.name, map, personas, lineage })
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
        {initialFile ? (
          <output id={inputId} className="exchange-file-name">
            {initialFile.name}
          </output>
        ) : (
          <input
            id={inputId}
            type="file"
            accept=".journeymap,.json,.csv,.tsv,.txt,.mmd,.mermaid,.md,.pdf,.png,.svg,application/json,text/csv,text/plain,application/pdf,image/png,image/svg+xml"
            disabled={working}
            onChange={(e) => {
              const file = e.target.files?.[0]
              if (file) choose(file.name, file.size, async () => new Uint8Array(await file.arrayBuffer()))
              else setPicked(null)
            }}
          />
        )}
      </div>
      {picked && (
        <p className="exchange-detected" role="status">
          {picked.kind ? detectedText(picked.kind) : t('exchange.import.unknown')}
        </p>
      )}
      {picked?.existing && (
        <div className="exchange-copy-of" role="note">
          <p>{t('files.import.copyOf', { title: picked.existing.title })}</p>
          <p className="hint">{t('files.import.copyOfHint')}</p>
        </div>
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
          {(status.issues.length > 1 || (status.issues.length > 0 && getLanguage() !== 'en')) && (
            <>
              <p>{t('exchange.import.problems', { count: status.issues.length })}</p>
              <ul className="exchange-issues">
                {status.issues.map((issue, i) => (
                  <li key={i}>
                    <code>{whereText(issue.path)}</code> {issueText(issue)}
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
        {picked?.existing ? (
          <>
            <button type="submit" disabled={working || !api}>
              {working ? t('exchange.import.working') : t('files.import.asNew')}
            </button>
            <button type="button" className="primary" disabled={working || !api} onClick={merge}>
              {t('files.import.merge', { title: picked.existing.title })}
            </button>
          </>
        ) : (
          <button type="submit" className="primary" disabled={!picked || working || !api}>
            {working ? t('exchange.import.working') : t('exchange.import.submit')}
          </button>
        )}
      </div>
    </Dialog>
  )
}
