/**
 * The desktop window's page comes from `app://journeyboard/…`, a privileged custom scheme served by
 * `protocol.handle` with the bundled renderer folder as its only source (Electron's security
 * checklist prefers this to file://, whose extra privileges are switched off by the
 * grantFileProtocolExtraPrivileges fuse in electron-builder.yml). Every response carries the
 * renderer's Content-Security-Policy as a header.
 *
 * The path resolver and the handler are plain functions over the standard Request/Response, with
 * Electron's `protocol` passed in: unit-tested in Node (tests/unit/app-protocol.test.ts).
 */
import type { Protocol } from 'electron'
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { APP_HOST, APP_SCHEME } from './app-url'

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8'
}

export type Resolved =
  | { readonly ok: true; readonly file: string; readonly type: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string }

/** One decoded path segment we serve: no `.`/`..`, no hidden file, no separator, NUL or drive colon. */
function safeSegment(raw: string): string | null {
  if (raw === '') return null
  // Encoded separators and dots are refused before decoding: they are how traversal hides.
  if (/%(2f|5c|00|2e)/i.test(raw)) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return null
  }
  if (decoded.startsWith('.')) return null
  if (/[/\\:]/.test(decoded) || [...decoded].some((c) => c.charCodeAt(0) < 0x20)) return null
  return decoded
}

/**
 * Maps an app:// URL to a file inside `root` (the bundled renderer folder), or says why not.
 * Only `app://journeyboard/<segments>`; `/` is index.html. Pure: no file system access.
 */
export function resolveAppRequest(root: string, requestUrl: string): Resolved {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { ok: false, status: 400, reason: 'Not a URL.' }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port !== '')
    return { ok: false, status: 404, reason: 'Not part of the app.' }
  if (url.username !== '' || url.password !== '') return { ok: false, status: 400, reason: 'Bad URL.' }
  const path = url.pathname === '' || url.pathname === '/' ? '/index.html' : url.pathname
  if (!path.startsWith('/')) return { ok: false, status: 400, reason: 'Bad path.' }
  const segments: string[] = []
  for (const raw of path.slice(1).split('/')) {
    const segment = safeSegment(raw)
    if (segment === null) return { ok: false, status: 403, reason: 'Forbidden path.' }
    segments.push(segment)
  }
  const file = join(root, ...segments)
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return { ok: false, status: 403, reason: 'Forbidden path.' }
  }
  return { ok: true, file, type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' }
}

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache'
} as const

function refusal(status: number, reason: string): Response {
  return new Response(`${reason}\n`, { status, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}

/** The app:// handler: a bundled file (its real path still inside the folder) or a plain refusal. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  const realRoot = realpath(root).catch(() => root)
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed.')
    const resolved = resolveAppRequest(root, request.url)
    if (!resolved.ok) return refusal(resolved.status, resolved.reason)
    try {
      // A link inside the folder must not lead out of it.
      const [real, base] = await Promise.all([realpath(resolved.file), realRoot])
      if (!real.startsWith(base + sep)) return refusal(403, 'Forbidden path.')
      if (!(await stat(real)).isFile()) return refusal(404, 'Not found.')
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(real))
      return new Response(body, { status: 200, headers: { ...HEADERS, 'Content-Type': resolved.type } })
    } catch {
      return refusal(404, 'Not found.')
    }
  }
}

/**
 * Before `ready`: app:// is a standard (relative URLs, an origin of its own), secure (a secure
 * context: clipboard, crypto) scheme that fetch() may read (the PDF export fetches the bundled
 * fonts). Not corsEnabled: no other origin may read it.
 */
export function registerAppScheme(electronProtocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  electronProtocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ])
}

/** After `ready`: serves the bundled renderer folder on app://. */
export function serveAppScheme(electronProtocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  electronProtocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir))
}
