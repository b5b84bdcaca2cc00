/** JourneyApi over the web host's WebSocket. Reconnects by itself; never drops a call silently. */
import type { ApiEvent, ApiMethod, ApiRequest, ApiResponse, ApiTransport } from '../../../shared/api/contract'
import type { ServerMessage } from '../../../shared/api/wire'
import { JourneyError } from '../../../shared/errors'

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

export function createWsTransport(url: string, onStatus: (connected: boolean) => void): ApiTransport {
  const listeners = new Set<(event: ApiEvent) => void>()
  const pending = new Map<number, Pending>()
  const queue: string[] = []
  let nextId = 1
  let socket: WebSocket | undefined
  let retryDelay = 250

  const connect = () => {
    const ws = new WebSocket(url)
    socket = ws
    ws.onopen = () => {
      retryDelay = 250
      onStatus(true)
      for (const message of queue.splice(0)) ws.send(message)
    }
    ws.onmessage = (e: MessageEvent<string>) => {
      const message = JSON.parse(e.data) as ServerMessage
      if (message.t === 'event') listeners.forEach((l) => l(message.event))
      else if (message.t === 'result') {
        const call = pending.get(message.id)
        if (!call) return
        pending.delete(message.id)
        if (message.ok) call.resolve(message.value)
        else call.reject(new JourneyError(message.error.code, message.error.message, message.error.issues))
      }
    }
    ws.onclose = () => {
      onStatus(false)
      // Calls in flight may or may not have been applied: say so instead of guessing.
      for (const call of pending.values()) {
        call.reject(new JourneyError('storage', 'Lost the connection to the Journeyboard host before it answered.'))
      }
      pending.clear()
      setTimeout(connect, retryDelay)
      retryDelay = Math.min(retryDelay * 2, 5000)
    }
  }
  connect()

  return {
    call<K extends ApiMethod>(method: K, req: ApiRequest<K>): Promise<ApiResponse<K>> {
      const id = nextId++
      const text = JSON.stringify({ t: 'call', id, method, payload: req })
      return new Promise<ApiResponse<K>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
        if (socket?.readyState === WebSocket.OPEN) socket.send(text)
        else queue.push(text)
      })
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
