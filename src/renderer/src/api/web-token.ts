/**
 * The web host's token, as the page gets it: once in the address's fragment (`#token=…`, which a
 * browser never sends to any server nor puts in a Referer), then kept in this tab's sessionStorage
 * so a reload still works, and removed from the address bar at once (workshops project it).
 * Only the WebSocket handshake ever presents it (ws-transport.ts).
 */
import { TOKEN_PATTERN } from '../../../shared/api/wire'

const STORAGE_KEY = 'journeyboard.hostToken'
let inMemory: string | null = null

function storage(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null // storage disabled: the token lasts until the page is reloaded
  }
}

/**
 * Takes `token` out of the fragment (keeping anything else there) and stores it; returns it (null
 * when the fragment had none). Call before anything reads the URL, and again on `hashchange`: a
 * newly printed address pasted into the same tab differs only in its fragment, so it does not
 * load the page again.
 */
export function adoptTokenFromAddress(): string | null {
  if (!location.hash.includes('token=')) return null
  const params = new URLSearchParams(location.hash.slice(1))
  const token = params.get('token')
  params.delete('token')
  const rest = params.toString()
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`)
  if (!token || !TOKEN_PATTERN.test(token)) return null
  inMemory = token
  try {
    storage()?.setItem(STORAGE_KEY, token)
  } catch {
    // quota or privacy mode: the in-memory copy serves this page
  }
  return token
}

/** The token this tab was given, or null (opened without the printed address). */
export function hostToken(): string | null {
  if (inMemory) return inMemory
  try {
    const stored = storage()?.getItem(STORAGE_KEY) ?? null
    return stored && TOKEN_PATTERN.test(stored) ? stored : null
  } catch {
    return null
  }
}
