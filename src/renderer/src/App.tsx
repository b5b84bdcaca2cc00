import { useEffect, useRef } from 'react'
import { createApiClient } from './api/client'
import { ConnectionBanner } from './ConnectionBanner'
import { ExchangeHost } from './exchange/ExchangeHost'
import { HomeScreen } from './home/HomeScreen'
import { MapScreen } from './map/MapScreen'
import { t } from './i18n'
import { useAppStore } from './store'

export function App() {
  const route = useAppStore((s) => s.route)
  const api = useAppStore((s) => s.api)
  const reconnectNow = useRef<() => void>(() => {})
  const error = useAppStore((s) => s.error)
  const readOnly = useAppStore((s) => s.appInfo?.readOnly)
  const dismissError = useAppStore((s) => s.dismissError)

  useEffect(() => {
    const { setApi, setConnection, refreshMaps } = useAppStore.getState()
    let lost = false
    const client = createApiClient((state) => {
      setConnection(state)
      if (state.kind === 'reconnecting' || state.kind === 'refused') lost = true
      if (state.kind !== 'connected' || !lost) return
      // Back after a loss or a refusal (the host restarted; its new address pasted): read what
      // changed meanwhile and send the edits that could not be saved.
      lost = false
      const { api: current, retrySave } = useAppStore.getState()
      if (current) setApi(current)
      void refreshMaps()
      retrySave()
    })
    reconnectNow.current = client.reconnectNow
    setApi(client.api)
    return client.onEvent((event) => {
      useAppStore.getState().receiveEvent(event)
      if (event.type === 'libraryChanged' || event.type === 'mapChanged') void refreshMaps()
    })
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
      {route.name === 'home' ? <HomeScreen /> : <MapScreen />}
      <ExchangeHost />
    </>
  )
}
