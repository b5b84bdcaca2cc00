/**
 * The one API client of the renderer. It picks the transport once at start-up (Electron's preload
 * bridge when present, the web host's WebSocket otherwise); nothing else knows which it is.
 */
import { API_METHODS, type ApiTransport, type JourneyApi } from '../../../shared/api/contract'
import { createIpcTransport, hasIpcBridge } from './ipc-transport'
import { createWsTransport } from './ws-transport'

export interface ApiClient {
  readonly api: JourneyApi
  readonly onEvent: ApiTransport['onEvent']
}

export function createApiClient(onStatus: (connected: boolean) => void): ApiClient {
  let transport: ApiTransport
  if (hasIpcBridge()) {
    transport = createIpcTransport()
    onStatus(true)
  } else {
    const token = new URLSearchParams(location.search).get('token') ?? ''
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
    transport = createWsTransport(`${scheme}://${location.host}/api?token=${encodeURIComponent(token)}`, onStatus)
  }
  const api = Object.fromEntries(
    API_METHODS.map((method) => [method, (req: unknown) => transport.call(method, req as never)])
  ) as unknown as JourneyApi
  return { api, onEvent: (listener) => transport.onEvent(listener) }
}
