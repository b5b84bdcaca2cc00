/**
 * Where the renderer lives, and the one test of "is this URL our app?" that navigation guards,
 * permission handlers and IPC sender checks all share. Pure (no Electron import): unit-tested.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'journeyboard'
/** The page the window loads in a built app: served by protocol.ts from the bundled renderer folder. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

export type AppLocation =
  | { readonly kind: 'dev'; readonly url: string; readonly origin: string }
  | { readonly kind: 'bundle'; readonly url: string; readonly rendererDir: string }

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The dev server (electron-vite sets ELECTRON_RENDERER_URL) when not packaged, else the built
 * renderer folder served over app://. A dev URL that is not plain http on loopback is refused:
 * the page we load receives the whole bridge.
 */
export function resolveAppLocation(env: {
  readonly isPackaged: boolean
  readonly devUrl: string | undefined
  readonly rendererDir: string
}): AppLocation {
  if (!env.isPackaged && env.devUrl) {
    const parsed = new URL(env.devUrl)
    if (parsed.protocol !== 'http:' || !LOOPBACK_HOSTS.has(parsed.hostname)) {
      throw new Error(`ELECTRON_RENDERER_URL must be an http:// loopback address, not ${parsed.origin}.`)
    }
    return { kind: 'dev', url: parsed.href, origin: parsed.origin }
  }
  return { kind: 'bundle', url: APP_INDEX_URL, rendererDir: env.rendererDir }
}

/**
 * True for the app's own page (any query or fragment), false for anything else, junk included:
 * in a built app only app://journeyboard/ or /index.html; with the dev server, its origin.
 */
export function isAppUrl(location: AppLocation, candidate: string): boolean {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  if (location.kind === 'dev') return url.origin === location.origin
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    (url.pathname === '/' || url.pathname === '/index.html')
  )
}
