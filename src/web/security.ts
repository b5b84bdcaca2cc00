import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const TOKEN_COOKIE = 'jb_token'

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

function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return undefined
}

/** Whether the request carries the token: `?token=`, the X-Journeyboard-Token header, or our cookie. */
export function checkToken(req: IncomingMessage, url: URL, token: string): { valid: boolean; fromQuery: boolean } {
  if (sameToken(url.searchParams.get('token'), token)) return { valid: true, fromQuery: true }
  const header = req.headers['x-journeyboard-token']
  if (typeof header === 'string' && sameToken(header, token)) return { valid: true, fromQuery: false }
  return { valid: sameToken(cookieValue(req, TOKEN_COOKIE), token), fromQuery: false }
}
