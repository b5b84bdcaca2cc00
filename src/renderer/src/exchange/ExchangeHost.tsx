/**
 * Where File ▸ Import… and File ▸ Export… live: the dialogs, opened from the store (toolbar
 * and home screen buttons) or from the native menu (Electron's onMenu commands).
 */
import { useEffect } from 'react'
import { onMenuCommand } from '../api/ipc-transport'
import { t } from '../i18n'
import { useAppStore } from '../store'
import { ExportDialog } from './ExportDialog'
import { ImportDialog } from './ImportDialog'
import './exchange.css'

export function ExchangeHost() {
  const dialog = useAppStore((s) => s.exchangeDialog)
  const map = useAppStore((s) => s.openMap)
  const close = useAppStore((s) => s.closeExchange)

  useEffect(
    () =>
      onMenuCommand((command) => {
        const { openExchange } = useAppStore.getState()
        if (command === 'importMap') openExchange('import')
        else if (command === 'exportMap') openExchange('export')
      }),
    []
  )

  if (dialog === 'import') return <ImportDialog onClose={close} />
  if (dialog === 'export' && map) return <ExportDialog map={map} onClose={close} />
  return null
}

/** Export… and Import… for a toolbar. */
export function ExchangeButtons({ exportable }: { exportable: boolean }) {
  const open = useAppStore((s) => s.openExchange)
  return (
    <span className="exchange-buttons">
      {exportable && (
        <button type="button" onClick={() => open('export')}>
          {t('exchange.exportButton')}
        </button>
      )}
      <button type="button" onClick={() => open('import')}>
        {t('exchange.importButton')}
      </button>
    </span>
  )
}
