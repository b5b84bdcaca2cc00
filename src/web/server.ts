/**
 * The web host: serves the renderer and the library's JourneyApi over a WebSocket on 127.0.0.1.
 *
 * - Every request must be addressed to this server (Host) and come from it (Origin), so a web page
 *   in the user's browser cannot reach the library by DNS rebinding or cross-site requests.
 * - Static files carry no secret and need no token. The API needs the host's token, offered as a
 *   WebSocket subprotocol (see security.ts); a handshake with a wrong token is answered, then
 *   closed with 4401 so the page can tell the user what to do instead of retrying forever.
 * - One bad frame (too big, invalid UTF-8, unknown opcode, unmasked, RSV bits, bad close code)
 *   closes its own connection with the matching close code; nothing a client sends can stop the
 *   process or the other connections.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { parseApiCall } from '../shared/api/validate'
import {
  API_PROTOCOL,
  CLOSE_TOKEN_REFUSED,
  ClientMessageSchema,
  MAP_IN_PARTS_FROM,
  MAP_PART_NOTES,
  mapHead,
  MAX_MESSAGE_BYTES,
  notesPart,
  type ServerMessage
} from '../shared/api/wire'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import type { ApiRequest } from '../shared/api/contract'
import { JourneyError, toErrorData } from '../shared/errors'
import type { LibraryService } from '../library/service-types'
import { allowedHosts, handshakeHasToken, hostAllowed, offersApiProtocol, originAllowed } from './security'
import { serveStatic } from './static'
import { newToken } from './token-store'

export interface WebHostOptions {
  readonly service: LibraryService
  /** Folder holding the built renderer (index.html and assets). */
  readonly staticDir: string
  readonly host?: string
  readonly port?: number
  /** The token the API requires (kept per library by token-store.ts); a random one otherwise. */
  readonly token?: string
  readonly log?: (line: string) => void
}

export interface WebHost {
  /** The address to open: the token travels in the fragment, which browsers never send to a server. */
  readonly url: string
  readonly port: number
  readonly token: string
  close(): Promise<void>
}

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin'
} as const

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
  res.end(`${message}\n`)
}

function refuseUpgrade(socket: Socket, status: string, message: string): void {
  const body = `${message}\n`
  socket.end(
    `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  )
}

const byteLength = (data: RawData): number =>
  Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer | ArrayBuffer).byteLength

const textOf = (data: RawData): string =>
  Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8')

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const bindHost = options.host ?? '127.0.0.1'
  const openToLan = bindHost !== '127.0.0.1' && bindHost !== 'localhost' && bindHost !== '::1'
  const token = options.token ?? newToken()
  const log = options.log ?? (() => {})
  let hosts = new Set<string>()
  let connectionCount = 0

  /** Host and Origin: checked on every request, static or API. */
  const addressedToUs = (req: IncomingMessage): string | null => {
    if (!hostAllowed(req, hosts, openToLan)) return 'Forbidden: unknown Host.'
    if (!originAllowed(req)) return 'Forbidden: cross-origin request.'
    return null
  }
  const pathOf = (req: IncomingMessage): string | null => {
    try {
      return new URL(req.url ?? '/', 'http://localhost').pathname
    } catch {
      return null
    }
  }

  const server = createServer((req, res) => {
    const why = addressedToUs(req)
    if (why) return refuse(res, 403, why)
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.')
    const pathname = pathOf(req)
    if (pathname === null) return refuse(res, 400, 'Bad request.')
    if (pathname === '/api') return refuse(res, 426, 'The API is a WebSocket.')
    serveStatic(options.staticDir, pathname, req, res, { ...SECURITY_HEADERS })
  })

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // The client offers the API protocol and its token; the answer names the API protocol only.
    handleProtocols: (protocols) => (protocols.has(API_PROTOCOL) ? API_PROTOCOL : false)
  })
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    // After 'upgrade' Node no longer watches the socket: a reset while we refuse must not become
    // an unhandled 'error' event (which would stop the process).
    socket.on('error', () => socket.destroy())
    const why = addressedToUs(req)
    if (why) return refuseUpgrade(socket, '403 Forbidden', why)
    if (pathOf(req) !== '/api') return refuseUpgrade(socket, '404 Not Found', 'Not found.')
    if (!offersApiProtocol(req))
      return refuseUpgrade(socket, '400 Bad Request', `Offer the ${API_PROTOCOL} subprotocol.`)
    const authorised = handshakeHasToken(req, token)
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (authorised) {
        wss.emit('connection', ws, req)
        return
      }
      // Answered so that the page learns why (a refused handshake looks like a host that is down).
      ws.on('error', () => {})
      ws.close(CLOSE_TOKEN_REFUSED, 'token refused: open the address the Journeyboard host printed')
    })
  })

  wss.on('connection', (ws: WebSocket) => {
    const origin = `web-${++connectionCount}`
    // ws reports a bad frame here and closes the connection itself with the matching code
    // (1009, 1007, 1002); without a listener the 'error' event would stop the whole process.
    ws.on('error', (error: Error & { code?: string }) => {
      log(`connection ${origin} closed: ${error.message}${error.code ? ` (${error.code})` : ''}`)
    })
    const send = (message: ServerMessage) => {
      if (ws.readyState !== ws.OPEN) return
      let text: string
      try {
        text = JSON.stringify(message)
      } catch (error) {
        log(`internal error: an answer could not be encoded: ${String(error)}`)
        if (message.t !== 'result') return
        text = JSON.stringify({ t: 'result', id: message.id, ok: false, error: toErrorData(error) })
      }
      ws.send(text)
    }
    send({ t: 'hello', origin })
    const unsubscribe = options.service.onEvent((event) => send({ t: 'event', event }))
    ws.on('close', unsubscribe)

    const answer = async (data: RawData): Promise<void> => {
      let id = -1
      try {
        let raw: unknown
        try {
          raw = JSON.parse(textOf(data))
        } catch {
          throw new JourneyError('invalid_request', 'The message is not valid JSON.')
        }
        const parsed = ClientMessageSchema.safeParse(raw)
        if (!parsed.success) throw new JourneyError('invalid_request', 'The message is not a Journeyboard API call.')
        id = parsed.data.id
        const { method, req } = parseApiCall(parsed.data.method, parsed.data.payload)
        if (parsed.data.parts && method === 'getMap') {
          // A big map goes in parts the page receives and checks one task at a time (wire.ts),
          // each sent as soon as it is read: the page receives the first while the rest is read.
          const callId = id
          let from = 0
          const size = { over: MAP_IN_PARTS_FROM, notes: MAP_PART_NOTES }
          const whole = options.service.readMapInParts((req as ApiRequest<'getMap'>).id, size, {
            head: (map, notes) => send(mapHead(callId, map, notes)),
            notes: (part) => {
              send(notesPart(callId, from, part))
              from += part.length
            }
          })
          send({ t: 'result', id, ok: true, value: whole })
          return
        }
        const value = await options.service.call(method, req, origin)
        send({ t: 'result', id, ok: true, value })
      } catch (error) {
        if (!(error instanceof JourneyError))
          log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
        send({ t: 'result', id, ok: false, error: toErrorData(error) })
      }
    }

    // Calls of one connection are answered in order, one at a time. While more than one
    // maximum-size message waits, the socket is paused: a connection holds at most about two
    // messages' worth of memory, however fast it sends.
    let queue: Promise<void> = Promise.resolve()
    let waitingBytes = 0
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        ws.close(1003, 'Journeyboard accepts JSON text messages only')
        return
      }
      const size = byteLength(data)
      waitingBytes += size
      if (waitingBytes > MAX_MESSAGE_BYTES) ws.pause()
      queue = queue
        .then(() => answer(data))
        .catch((error: unknown) => log(`internal error: ${String(error)}`))
        .finally(() => {
          waitingBytes -= size
          if (ws.isPaused && waitingBytes <= MAX_MESSAGE_BYTES) ws.resume()
        })
    })
  })

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
  // A listening server's own errors (rare: EMFILE on accept) are logged, never fatal.
  server.on('error', (error) => log(`web host error: ${error.message}`))
  hosts = allowedHosts(bindHost, port)
  const shownHost = openToLan ? bindHost : '127.0.0.1'
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/#token=${token}`

  let closing: Promise<void> | undefined
  return {
    url,
    port,
    token,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const client of wss.clients) client.close(1001, 'server stopping')
        wss.close()
        server.closeAllConnections()
        server.close(() => resolve())
      })
      return closing
    }
  }
}
