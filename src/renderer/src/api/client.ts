/**
 * The one API client of the renderer. It picks the transport once at start-up (Electron's preload
 * bridge when present, the web host's WebSocket otherwise); nothing else knows which it is.
 */
import { API_METHODS, type ApiTransport, type JourneyApi } from '../../../shared/api/contract'
import { createIpcTransport, hasIpcBridge } from './ipc-transport'
import { adoptTokenFromAddress, hostToken } from './web-token'
import { createWsTransport, type ConnectionState, type SocketLike } from './ws-transport'

export type { ConnectionState } from './ws-transport'

export interface ApiClient {
  readonly api: JourneyApi
  readonly onEvent: ApiTransport['onEvent']
  /** Skips the wait before the next reconnection attempt (no-op when connected or in the desktop app). */
  readonly reconnectNow: () => void
}

export function createApiClient(onConnection: (state: ConnectionState) => void): ApiClient {
  let transport: ApiTransport
  let reconnectNow = () => {}
  if (hasIpcBridge()) {
    transport = createIpcTransport()
    onConnection({ kind: 'connected' })
  } else {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
    const ws = createWsTransport({
      url: `${scheme}://${location.host}/api`,
      token: hostToken(),
      open: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike
    })
    ws.onState(onConnection)
    onConnection(ws.state())
    reconnectNow = () => ws.reconnectNow()
    // Coming back to the tab or to the network: try at once rather than at the end of the backoff.
    window.addEventListener('online', reconnectNow)
    // The host's new address pasted into this tab: same page, new fragment. Connect with its token.
    window.addEventListener('hashchange', () => {
      const token = adoptTokenFromAddress()
      if (token) ws.useToken(token)
    })
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') reconnectNow()
    })
    transport = ws
  }
  const api = Object.fromEntries(
    API_METHODS.map((method) => [method, (req: unknown) => transport.call(method, req as never)])
  ) as unknown as JourneyApi
  return { api, onEvent: (listener) => transport.onEvent(listener), reconnectNow }
}
