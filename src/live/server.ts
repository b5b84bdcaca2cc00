/**
 * The participants' door: a second HTTP server, opened only while a session runs, on the room's
 * network (every address of the machine, or the one address the facilitator names). It serves
 * the participant page (`/j/<code>`), its assets and the participants' WebSocket (`/live`),
 * nothing else: the facilitator's API (`/api`) and its token are never reachable from here.
 *
 * The same checks as the web host: the Host header must be a literal address (no names: DNS
 * rebinding), an Origin must be this server, frames over the limit close their own connection.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { networkInterfaces } from 'node:os'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { LIVE_LIMITS, LIVE_PROTOCOL, type LiveAddress } from '../shared/live/protocol'
import { originAllowed } from '../web/security'
import { serveStatic } from '../web/static'
import { SECURITY_HEADERS } from '../web/server'
import type { LiveHub, LiveNetwork } from './hub'

export interface ParticipantServerOptions {
  readonly hub: LiveHub
  /** The built renderer (participant.html and assets). */
  readonly staticDir: string
  /** Address to listen on: one address of this machine, or 0.0.0.0 for all (the default). */
  readonly host?: string
  readonly log?: (line: string) => void
}

/** The machine's IPv4 addresses on the room's network, with their interface names. */
export function lanAddresses(): { iface: string; address: string }[] {
  const out: { iface: string; address: string }[] = []
  for (const [iface, list] of Object.entries(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push({ iface, address: a.address })
  return out
}

const LITERAL_HOST = /^(\d{1,3}\.){3}\d{1,3}(:\d+)?$|^\[[0-9a-f:]+\](:\d+)?$|^localhost(:\d+)?$/i

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
  res.end(`${message}\n`)
}

function participantPath(pathname: string): string | null {
  // The join link, or the bare address where the short code is typed in.
  if (pathname === '/' || /^\/j\/[A-Za-z0-9]{1,12}\/?$/.test(pathname)) return '/participant.html'
  // The page's assets: relative to /j/<code>/ or to the root.
  const asset = /^(?:\/j)?(\/(?:assets|fonts)\/[A-Za-z0-9._/-]+)$/.exec(pathname)
  if (asset && !asset[1]?.includes('..')) return asset[1] as string
  if (pathname === '/favicon.ico') return pathname
  return null
}

/** The network side of a hub: listens when a session starts or resumes, closes when it ends. */
export function participantNetwork(options: ParticipantServerOptions): LiveNetwork {
  const log = options.log ?? (() => {})
  const bindHost = options.host ?? '0.0.0.0'
  let server: Server | null = null
  let wss: WebSocketServer | null = null

  const addressedToUs = (req: IncomingMessage): string | null => {
    if (!LITERAL_HOST.test(req.headers.host ?? '')) return 'Forbidden: open the address the facilitator shows.'
    if (!originAllowed(req)) return 'Forbidden: cross-origin request.'
    return null
  }

  const open = async (port: number): Promise<{ port: number; addresses: LiveAddress[] }> => {
    if (server) await close()
    const http = createServer((req, res) => {
      const why = addressedToUs(req)
      if (why) return refuse(res, 403, why)
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.')
      let pathname: string
      try {
        pathname = new URL(req.url ?? '/', 'http://localhost').pathname
      } catch {
        return refuse(res, 400, 'Bad request.')
      }
      const file = participantPath(pathname)
      if (!file) return refuse(res, 404, 'Not found. Open the join link the facilitator shows.')
      serveStatic(options.staticDir, file, req, res, { ...SECURITY_HEADERS })
    })
    const sockets = new WebSocketServer({
      noServer: true,
      maxPayload: LIVE_LIMITS.messageBytes,
      handleProtocols: (protocols) => (protocols.has(LIVE_PROTOCOL) ? LIVE_PROTOCOL : false)
    })
    http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
      socket.on('error', () => socket.destroy())
      const why = addressedToUs(req)
      const path = (req.url ?? '').split('?')[0]
      const offered = String(req.headers['sec-websocket-protocol'] ?? '')
        .split(',')
        .map((p) => p.trim())
      if (why || path !== '/live' || !offered.includes(LIVE_PROTOCOL)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
        return
      }
      sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req))
    })
    sockets.on('connection', (ws: WebSocket, req: IncomingMessage) => {
      ws.on('error', (error: Error) => log(`participant connection closed: ${error.message}`))
      const handler = options.hub.connect({
        address: req.socket.remoteAddress ?? '?',
        send: (message) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
        },
        close: (code, reason) => ws.close(code, reason)
      })
      ws.on('message', (data: RawData, isBinary: boolean) => {
        if (isBinary) return ws.close(1003, 'text messages only')
        handler.message(Array.isArray(data) ? Buffer.concat(data).toString('utf8') : data.toString())
      })
      ws.on('close', () => handler.closed())
    })
    const bound = await new Promise<number>((resolve, reject) => {
      http.once('error', reject)
      http.listen(port, bindHost, () => {
        http.off('error', reject)
        resolve((http.address() as AddressInfo).port)
      })
    })
    http.on('error', (error) => log(`participant server error: ${error.message}`))
    server = http
    wss = sockets
    const shown = bindHost === '0.0.0.0' || bindHost === '::' ? lanAddresses() : [{ iface: '', address: bindHost }]
    const list = shown.length > 0 ? shown : [{ iface: 'lo', address: '127.0.0.1' }]
    return {
      port: bound,
      addresses: list.map((a) => ({
        ...a,
        url: `http://${a.address.includes(':') ? `[${a.address}]` : a.address}:${bound}`
      }))
    }
  }

  const close = (): Promise<void> => {
    const http = server
    const sockets = wss
    server = null
    wss = null
    if (!http) return Promise.resolve()
    return new Promise<void>((resolve) => {
      for (const client of sockets?.clients ?? []) client.close(1001, 'session closed')
      sockets?.close()
      http.closeAllConnections()
      http.close(() => resolve())
    })
  }

  return { open, close }
}
