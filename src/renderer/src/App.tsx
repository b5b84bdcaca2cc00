import { useEffect, useRef } from 'react'
import { createApiClient } from './api/client'
import { ConnectionBanner } from './ConnectionBanner'
import { hasIpcBridge, onCloseRequest } from './api/ipc-transport'
import { closeWindow, installLeaveGuard } from './editor/leave-guard'
import { ExchangeHost } from './exchange/ExchangeHost'
import { HomeScreen } from './home/HomeScreen'
import { MapScreen } from './map/MapScreen'
import { installRouter } from './map/router'
import { ShortcutHelp } from './map/ShortcutHelp'
import { useAppKeys } from './map/useAppKeys'
import { setBoardUi, useBoardUi } from './editing/ui-store'
import { t, useLanguage } from './i18n'
import { useAppStore } from './store'
import { setLiveStatus } from './live/store'

export function App() {
  // A language switch re-renders the whole tree (nothing is remounted: open maps, dialogs and
  // typed text stay); components read their words with t() while rendering.
  useLanguage()
  const route = useAppStore((s) => s.route)
  const api = useAppStore((s) => s.api)
  const reconnectNow = useRef<() => void>(() => {})
  const error = useAppStore((s) => s.error)
  const readOnly = useAppStore((s) => s.appInfo?.readOnly)
  const dismissError = useAppStore((s) => s.dismissError)
  const editorNotice = useAppStore((s) => s.editorNotice)
  const dismissEditorNotice = useAppStore((s) => s.dismissEditorNotice)

  const helpOpen = useBoardUi((s) => s.helpOpen)
  useAppKeys()
  // Unsaved edits or text being typed: leaving the page (or closing the window) asks first.
  useEffect(() => installLeaveGuard(useAppStore), [])
  useEffect(() => onCloseRequest((request) => void closeWindow(useAppStore, request)), [])

  useEffect(() => {
    const { setApi, setConnection, refreshMaps } = useAppStore.getState()
    const client = createApiClient(setConnection)
    reconnectNow.current = client.reconnectNow
    setApi(client.api)
    // The address names the screen: a reload or a link opens the map it names.
    const offRouter = installRouter(useAppStore)
    const offEvents = client.onEvent((event) => {
      if (event.type === 'liveChanged') return setLiveStatus(event.status)
      useAppStore.getState().receiveEvent(event)
      if (event.type === 'libraryChanged' || event.type === 'mapChanged') void refreshMaps()
    })
    return () => {
      offRouter()
      offEvents()
    }
  }, [])

  return (
    <>
      {api && <ConnectionBanner onRetry={() => reconnectNow.current()} />}
      {readOnly && (
        <div className="banner warning" role="status">
          {t('app.readOnly')}
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          {t('error.generic', { message: error })} <button onClick={dismissError}>{t('error.dismiss')}</button>
        </div>
      )}
      {editorNotice && (
        <div className="banner info" role="status">
          {editorNotice} <button onClick={dismissEditorNotice}>{t('editor.notice.dismiss')}</button>
        </div>
      )}
      {route.name === 'home' ? <HomeScreen /> : <MapScreen />}
      <ExchangeHost />
      {helpOpen && <ShortcutHelp desktop={hasIpcBridge()} onClose={() => setBoardUi({ helpOpen: false })} />}
    </>
  )
}
