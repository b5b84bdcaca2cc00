/**
 * The web host: serves the renderer and the library's JourneyApi over a WebSocket on 127.0.0.1.
 * Every request must carry the per-run token and come addressed to this server (Host/Origin), so a
 * web page in the user's browser cannot reach the library by DNS rebinding or cross-site requests.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { parseApiCall } from '../shared/api/validate'
import { ClientMessageSchema, MAX_MESSAGE_BYTES, type ServerMessage } from '../shared/api/wire'
import { JourneyError, toErrorData } from '../shared/errors'
import type { LibraryService } from '../library/service-types'
import { allowedHosts, checkToken, hostAllowed, originAllowed, TOKEN_COOKIE } from './security'
import { serveStatic } from './static'

export interface WebHostOptions {
  readonly service: LibraryService
  /** Folder holding the built renderer (index.html and assets). */
  readonly staticDir: string
  readonly host?: string
  readonly port?: number
  /** Fixed token (tests); a random one per run otherwise. */
  readonly token?: string
  readonly log?: (line: string) => void
}

export interface WebHost {
  readonly url: string
  readonly port: number
  readonly token: string
  close(): Promise<void>
}

const SECURITY_HEADERS = {
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

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const bindHost = options.host ?? '127.0.0.1'
  const openToLan = bindHost !== '127.0.0.1' && bindHost !== 'localhost' && bindHost !== '::1'
  const token = options.token ?? randomBytes(24).toString('base64url')
  const log = options.log ?? (() => {})
  let hosts = new Set<string>()
  let connectionCount = 0

  const gate = (
    req: IncomingMessage
  ): { ok: true; url: URL; fromQuery: boolean } | { ok: false; status: number; why: string } => {
    if (!hostAllowed(req, hosts, openToLan)) return { ok: false, status: 403, why: 'Forbidden: unknown Host.' }
    if (!originAllowed(req)) return { ok: false, status: 403, why: 'Forbidden: cross-origin request.' }
    const url = new URL(req.url ?? '/', 'http://localhost')
    const { valid, fromQuery } = checkToken(req, url, token)
    if (!valid)
      return { ok: false, status: 403, why: 'Forbidden: open the address printed by the web host, with its token.' }
    return { ok: true, url, fromQuery }
  }

  const server = createServer((req, res) => {
    const checked = gate(req)
    if (!checked.ok) return refuse(res, checked.status, checked.why)
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.')
    const headers: Record<string, string> = { ...SECURITY_HEADERS }
    // The page is opened once with ?token=…; its scripts and styles then carry the token as a cookie.
    if (checked.fromQuery) headers['Set-Cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
    serveStatic(options.staticDir, checked.url.pathname, req, res, headers)
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  server.on('upgrade', (req, socket, head) => {
    const checked = gate(req)
    if (!checked.ok || checked.url.pathname !== '/api') {
      socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  wss.on('connection', (ws: WebSocket) => {
    const origin = `web-${++connectionCount}`
    const send = (message: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
    }
    send({ t: 'hello', origin })
    const unsubscribe = options.service.onEvent((event) => send({ t: 'event', event }))
    ws.on('close', unsubscribe)
    ws.on('message', async (data) => {
      let id = -1
      try {
        let raw: unknown
        try {
          raw = JSON.parse(data.toString())
        } catch {
          throw new JourneyError('invalid_request', 'The message is not valid JSON.')
        }
        const parsed = ClientMessageSchema.safeParse(raw)
        if (!parsed.success) throw new JourneyError('invalid_request', 'The message is not a Journeyboard API call.')
        id = parsed.data.id
        const { method, req } = parseApiCall(parsed.data.method, parsed.data.payload)
        const value = await options.service.call(method, req, origin)
        send({ t: 'result', id, ok: true, value })
      } catch (error) {
        if (!(error instanceof JourneyError))
          log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
        send({ t: 'result', id, ok: false, error: toErrorData(error) })
      }
    })
  })

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
  hosts = allowedHosts(bindHost, port)
  const shownHost = openToLan ? bindHost : '127.0.0.1'
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/?token=${token}`

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
