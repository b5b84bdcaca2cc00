/**
 * Where the renderer lives, and the one test of "is this URL our app?" that navigation guards,
 * permission handlers and IPC sender checks all share.
 */
import { app } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export type AppLocation =
  | { readonly kind: 'dev'; readonly url: string; readonly origin: string }
  | { readonly kind: 'file'; readonly file: string; readonly url: string }

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The dev server (electron-vite sets ELECTRON_RENDERER_URL) when not packaged, else the built
 * out/renderer/index.html. A dev URL that is not plain http on loopback is refused: the page we
 * load receives the whole bridge.
 */
export function resolveAppLocation(): AppLocation {
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  if (!app.isPackaged && devUrl) {
    const parsed = new URL(devUrl)
    if (parsed.protocol !== 'http:' || !LOOPBACK_HOSTS.has(parsed.hostname)) {
      throw new Error(`ELECTRON_RENDERER_URL must be an http:// loopback address, not ${parsed.origin}.`)
    }
    return { kind: 'dev', url: parsed.href, origin: parsed.origin }
  }
  const file = join(import.meta.dirname, '../renderer/index.html')
  return { kind: 'file', file, url: pathToFileURL(file).href }
}

function normalisedPath(url: URL): string {
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return ''
  }
  return process.platform === 'win32' ? path.toLowerCase() : path
}

/** True for the app's own page (any query or hash), false for anything else, including junk. */
export function isAppUrl(location: AppLocation, candidate: string): boolean {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  if (location.kind === 'dev') return url.origin === location.origin
  const own = new URL(location.url)
  return url.protocol === 'file:' && url.host === own.host && normalisedPath(url) === normalisedPath(own)
}
