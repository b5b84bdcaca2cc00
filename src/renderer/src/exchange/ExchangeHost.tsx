/**
 * Where File ▸ Open…, Save map as…, Import… and Export… live: the dialogs, opened from the store
 * (toolbar and home screen buttons), from the native menu (Electron's onMenu commands), from files
 * the desktop app was asked to open, or dropped on the window; the merge dialog; and the one
 * sentence saying what the last of them did.
 */
import { useEffect } from 'react'
import { onMenuCommand } from '../api/ipc-transport'
import { onOpenedFiles } from '../api/opened-files'
import { t } from '../i18n'
import { errorText } from '../i18n/errors'
import { useAppStore } from '../store'
import { ExportDialog } from './ExportDialog'
import { FileDrop } from './FileDrop'
import { ImportDialog } from './ImportDialog'
import { MergeDialog } from './MergeDialog'
import { saveMapAs } from './save-map-as'
import './exchange.css'

/** Save map as… for the open map; what happened goes to the notice line (or the error banner). */
async function saveOpenMapAs(): Promise<void> {
  const { openMap } = useAppStore.getState()
  if (!openMap) return
  try {
    const notice = await saveMapAs(openMap)
    if (notice) useAppStore.setState({ exchangeNotice: notice })
  } catch (error) {
    useAppStore.setState({
      exchangeNotice: t('files.saveAs.failed', { message: errorText(error) })
    })
  }
}

export function ExchangeHost() {
  const dialog = useAppStore((s) => s.exchangeDialog)
  const openedFile = useAppStore((s) => s.openedFile)
  const merge = useAppStore((s) => s.merge)
  const notice = useAppStore((s) => s.exchangeNotice)
  const map = useAppStore((s) => s.openMap)
  const close = useAppStore((s) => s.closeExchange)
  const dismiss = useAppStore((s) => s.dismissExchangeNotice)

  useEffect(
    () =>
      onMenuCommand((command) => {
        const { openExchange } = useAppStore.getState()
        if (command === 'importMap') openExchange('import')
        else if (command === 'exportMap') openExchange('export')
        else if (command === 'saveMapAs') void saveOpenMapAs()
      }),
    []
  )
  useEffect(
    () =>
      onOpenedFiles((file) => {
        if ('bytes' in file) useAppStore.getState().openFile(file)
        else
          useAppStore.setState({ exchangeNotice: t('files.open.unreadable', { name: file.name, reason: file.error }) })
      }),
    []
  )

  return (
    <>
      <FileDrop />
      {merge ? (
        <MergeDialog key={`${merge.mapId}:${merge.fileName}`} request={merge} />
      ) : dialog === 'import' ? (
        <ImportDialog onClose={close} initialFile={openedFile} />
      ) : dialog === 'export' && map ? (
        <ExportDialog map={map} onClose={close} />
      ) : null}
      {notice && (
        <div className="exchange-notice" role="status">
          <span>{notice}</span>
          <button type="button" onClick={dismiss} aria-label={t('files.notice.dismiss')}>
            ×
          </button>
        </div>
      )}
    </>
  )
}

/** The home screen's Import… button (on a map, Import… is in the header's File ▾ menu). */
export function ExchangeButtons() {
  const open = useAppStore((s) => s.openExchange)
  return (
    <span className="exchange-buttons">
      <button type="button" onClick={() => open('import')}>
        {t('exchange.importButton')}
      </button>
    </span>
  )
}
