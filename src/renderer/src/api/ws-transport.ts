/**
 * JourneyApi over the web host's WebSocket. It presents the host's token as a subprotocol (never in
 * a URL or cookie), reconnects by itself with backoff when the host goes away, stops when the host
 * refuses the token (close 4401: a restarted host with a new token, or a page opened without the
 * token) and reports which of these it is in, so the UI can say what is happening in plain words.
 *
 * Never drops a call silently: a call sent before the connection was lost is rejected (it may or may
 * not have been applied); a call made while reconnecting is rejected at once (the editor keeps its
 * unsaved edits and saves them again once connected); only calls made while the page first
 * connects wait for that attempt. No DOM types here: the socket is injected (the browser's WebSocket in the app, the
 * `ws` package in unit tests against a real host).
 */
import type { ApiEvent, ApiMethod, ApiRequest, ApiResponse, ApiTransport } from '../../../shared/api/contract'
import {
  apiProtocols,
  CLOSE_TOKEN_REFUSED,
  MapAssembly,
  MapPartError,
  MAX_MESSAGE_BYTES,
  type ServerMessage
} from '../../../shared/api/wire'
import { fromErrorData, JourneyError } from '../../../shared/errors'
import { t } from '../i18n'

export type ConnectionState =
  /** Before the first answer from the host. */
  | { readonly kind: 'connecting' }
  | { readonly kind: 'connected' }
  /** Lost (or never reached); `attempt` failed attempts in a row, the next one due in `retryInMs`. */
  | { readonly kind: 'reconnecting'; readonly attempt: number; readonly retryInMs: number }
  /** The host refused this page's token, or the page has none: only the printed address helps. */
  | { readonly kind: 'refused'; readonly reason: 'token' | 'no-token' }

/** The part of the browser's WebSocket this transport uses (the `ws` package has it too). */
export interface SocketLike {
  readonly readyState: number
  onopen: ((event: unknown) => void) | null
  onmessage: ((event: { readonly data: unknown }) => void) | null
  onclose: ((event: { readonly code: number; readonly reason: string }) => void) | null
  onerror: ((event: unknown) => void) | null
  send(data: string): void
  close(code?: number, reason?: string): void
}

export type SocketFactory = (url: string, protocols: string[]) => SocketLike

export interface WsTransportOptions {
  /** ws://host:port/api — no secret in it. */
  readonly url: string
  /** The host's token (from the printed address's fragment), or null when the page has none. */
  readonly token: string | null
  readonly open: SocketFactory
  /** Backoff: first delay and ceiling in ms (250 → 5000 by default), with ±20 % jitter. */
  readonly retry?: { readonly firstMs: number; readonly maxMs: number }
  readonly random?: () => number
}

export interface WsTransport extends ApiTransport {
  state(): ConnectionState
  /** Called on every change of state; returns an unsubscribe function. */
  onState(listener: (state: ConnectionState) => void): () => void
  /** Skips the wait before the next attempt (Retry button, page shown again, network back). */
  reconnectNow(): void
  /** Connects again with another token (the host's newly printed address), whatever the state. */
  useToken(token: string): void
  /** Closes for good (tests; a page going away). */
  close(): void
}

interface Pending {
  readonly resolve: (value: unknown) => void
  readonly reject: (error: Error) => void
  /** A getMap call: the map may come in parts (wire.ts), put together here. */
  readonly assembly?: MapAssembly
}

const OPEN = 1
const MB = 1024 * 1024
const utf8Length = (text: string): number => {
  // Exact UTF-8 length without allocating: 1–3 bytes per UTF-16 unit, 4 per surrogate pair.
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/** A map part that broke the protocol, as the error its call fails with. */
function badPart(error: unknown): JourneyError {
  const part = error instanceof MapPartError ? error.part : 0
  const problem = error instanceof MapPartError ? error.problem : String(error)
  return new JourneyError('invalid_request', t('app.connection.badMapPart', { part, problem }))
}

export function createWsTransport(options: WsTransportOptions): WsTransport {
  const listeners = new Set<(event: ApiEvent) => void>()
  const stateListeners = new Set<(state: ConnectionState) => void>()
  const sent = new Map<number, Pending>()
  const waiting: { readonly id: number; readonly text: string; readonly call: Pending }[] = []
  const firstMs = options.retry?.firstMs ?? 250
  const maxMs = options.retry?.maxMs ?? 5000
  const random = options.random ?? Math.random
  let token = options.token
  let nextId = 1
  let socket: SocketLike | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let current: ConnectionState = { kind: 'connecting' }
  let failures = 0
  let closed = false

  const setState = (next: ConnectionState) => {
    current = next
    for (const listener of [...stateListeners]) listener(next)
  }

  const rejectAll = (calls: Iterable<Pending>, error: JourneyError) => {
    for (const call of calls) call.reject(error)
  }

  const refuse = (reason: 'token' | 'no-token') => {
    setState({ kind: 'refused', reason })
    rejectAll(
      waiting.splice(0).map((w) => w.call),
      new JourneyError('forbidden', t(reason === 'token' ? 'app.connection.refused' : 'app.connection.noToken'))
    )
  }

  const scheduleRetry = () => {
    failures++
    const base = Math.min(firstMs * 2 ** (failures - 1), maxMs)
    const delay = Math.round(base * (0.8 + 0.4 * random()))
    setState({ kind: 'reconnecting', attempt: failures, retryInMs: delay })
    rejectAll(
      waiting.splice(0).map((w) => w.call),
      new JourneyError('storage', t('app.connection.notConnected'))
    )
    timer = setTimeout(connect, delay)
  }

  const onMessage = (data: unknown) => {
    let message: ServerMessage
    try {
      message = JSON.parse(String(data)) as ServerMessage
    } catch {
      return // not ours to act on; the host only sends JSON
    }
    if (message.t === 'hello') {
      failures = 0
      setState({ kind: 'connected' })
      for (const { id, text, call } of waiting.splice(0)) {
        sent.set(id, call)
        socket?.send(text)
      }
    } else if (message.t === 'event') {
      for (const listener of [...listeners]) listener(message.event)
    } else if (message.t === 'map-part') {
      const call = sent.get(message.id)
      if (!call?.assembly) return
      try {
        call.assembly.add(message)
      } catch (error) {
        // The call fails with what was wrong; its remaining parts and result are ignored.
        sent.delete(message.id)
        call.reject(badPart(error))
      }
    } else if (message.t === 'result') {
      const call = sent.get(message.id)
      if (!call) return
      sent.delete(message.id)
      if (!message.ok) call.reject(fromErrorData(message.error))
      else if (message.value === null && call.assembly) {
        try {
          call.resolve(call.assembly.finish())
        } catch (error) {
          call.reject(badPart(error))
        }
      } else call.resolve(message.value)
    }
  }

  function connect(): void {
    timer = undefined
    if (closed) return
    if (!token) {
      refuse('no-token')
      return
    }
    let ws: SocketLike
    try {
      ws = options.open(options.url, apiProtocols(token))
    } catch {
      scheduleRetry()
      return
    }
    socket = ws
    ws.onmessage = (event) => onMessage(event.data)
    ws.onerror = () => {} // the close event that follows says what happened
    ws.onclose = (event) => {
      if (socket !== ws) return
      socket = undefined
      // Calls in flight may or may not have been applied: say so instead of guessing.
      rejectAll(sent.values(), new JourneyError('storage', t('app.connection.lostInFlight')))
      sent.clear()
      if (closed) return
      if (event.code === CLOSE_TOKEN_REFUSED) refuse('token')
      else scheduleRetry()
    }
  }

  connect()

  return {
    call<K extends ApiMethod>(method: K, req: ApiRequest<K>): Promise<ApiResponse<K>> {
      const id = nextId++
      // getMap asks for a big map in parts: each is received and checked in a task of its own.
      const parts = method === 'getMap'
      const text = JSON.stringify({ t: 'call', id, method, payload: req, ...(parts ? { parts } : {}) })
      return new Promise<ApiResponse<K>>((resolve, reject) => {
        const call: Pending = {
          resolve: resolve as (value: unknown) => void,
          reject,
          ...(parts ? { assembly: new MapAssembly() } : {})
        }
        // The host closes a connection that sends more than it accepts: refuse here, with the size.
        const bytes = text.length > MAX_MESSAGE_BYTES / 4 ? utf8Length(text) : text.length
        if (bytes > MAX_MESSAGE_BYTES) {
          const size = `${(bytes / MB).toFixed(1)} MB`
          const limit = `${Math.floor(MAX_MESSAGE_BYTES / MB)} MB`
          reject(new JourneyError('invalid_request', t('app.connection.tooLarge', { size, limit })))
          return
        }
        if (current.kind === 'connected' && socket?.readyState === OPEN) {
          sent.set(id, call)
          socket.send(text)
        } else if (current.kind === 'connecting') {
          waiting.push({ id, text, call })
        } else if (current.kind === 'refused') {
          const key = current.reason === 'token' ? 'app.connection.refused' : 'app.connection.noToken'
          reject(new JourneyError('forbidden', t(key)))
        } else {
          reject(new JourneyError('storage', t('app.connection.notConnected')))
        }
      })
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    state: () => current,
    onState(listener) {
      stateListeners.add(listener)
      return () => stateListeners.delete(listener)
    },
    reconnectNow() {
      if (closed || current.kind !== 'reconnecting' || !timer) return
      clearTimeout(timer)
      connect()
    },
    useToken(next) {
      token = next
      if (closed) return
      if (timer) clearTimeout(timer)
      timer = undefined
      const old = socket
      socket = undefined
      if (old) {
        old.onclose = null
        old.close(1000, 'connecting with another token')
        rejectAll(sent.values(), new JourneyError('storage', t('app.connection.lostInFlight')))
        sent.clear()
      }
      failures = 0
      setState({ kind: 'connecting' })
      connect()
    },
    close() {
      closed = true
      if (timer) clearTimeout(timer)
      timer = undefined
      socket?.close(1000, 'page closed')
      socket = undefined
      rejectAll(sent.values(), new JourneyError('storage', t('app.connection.lostInFlight')))
      sent.clear()
      rejectAll(
        waiting.splice(0).map((w) => w.call),
        new JourneyError('storage', t('app.connection.notConnected'))
      )
    }
  }
}
