import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { API_PROTOCOL, TOKEN_PATTERN, TOKEN_PROTOCOL_PREFIX } from '../shared/api/wire'

/** Host header values we answer to; anything else is a DNS-rebinding attempt. */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
  if (bindHost !== '0.0.0.0' && bindHost !== '::')
    hosts.add(`${bindHost.includes(':') ? `[${bindHost}]` : bindHost}:${port}`)
  return hosts
}

export function hostAllowed(req: IncomingMessage, hosts: Set<string>, openToLan: boolean): boolean {
  const host = (req.headers.host ?? '').toLowerCase()
  if (hosts.has(host)) return true
  // Opened to the LAN on purpose: any literal IP address of this machine, but never a name
  // (a name is how DNS rebinding reaches us).
  return openToLan && /^(\d{1,3}\.){3}\d{1,3}:\d+$/.test(host)
}

/** An Origin header, when present, must be this very server. */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  return origin === `http://${req.headers.host ?? ''}`
}

/** The subprotocols a WebSocket handshake offers (Sec-WebSocket-Protocol, comma-separated). */
export function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol']
  if (typeof header !== 'string') return []
  return header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
}

export function offersApiProtocol(req: IncomingMessage): boolean {
  return offeredProtocols(req).includes(API_PROTOCOL)
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given || !TOKEN_PATTERN.test(given)) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Whether a WebSocket handshake carries the host's token, as the subprotocol
 * `journeyboard.token.<token>`. The token is accepted nowhere else: no cookie (a cookie for
 * 127.0.0.1 goes to every local server, whatever its port), no query string (it would stay in
 * the address bar and in logs).
 */
export function handshakeHasToken(req: IncomingMessage, token: string): boolean {
  const offered = offeredProtocols(req).filter((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))
  return offered.length === 1 && sameToken(offered[0]?.slice(TOKEN_PROTOCOL_PREFIX.length), token)
}
