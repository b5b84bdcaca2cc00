/**
 * Keeps the address bar and the app's route in step: opening a map pushes `#/map/<id>` (so Back
 * returns to the home screen inside the app, and the address is a link to the map), Back and
 * Forward and a pasted address change the route, and a reload opens the same map. The board's
 * camera for the map is kept in the history entry's state, so a reload (or coming Back to the
 * map) shows the same part of it.
 */
import type { Camera } from '../../../shared/layout'
import { parseRoute, routeHash, sameRoute, type Route } from '../editing/route'
import type { useAppStore } from '../store'

type Store = typeof useAppStore

interface EntryState {
  readonly camera?: { readonly mapId: string; readonly x: number; readonly y: number; readonly zoom: number }
}

const entryState = (): EntryState =>
  (history.state && typeof history.state === 'object' ? history.state : {}) as EntryState

function follow(store: Store, route: Route): void {
  const state = store.getState()
  const loaded = route.name === 'home' || state.openMap?.id === route.mapId
  if (sameRoute(state.route, route) && loaded) return
  if (route.name === 'map') void state.goToMap(route.mapId)
  else state.goHome()
}

/** The route the address names, for the store's first state (a reload shows "Loading map…", not home). */
export function routeAtStart(): Route {
  return parseRoute(location.hash)
}

/** Starts following the address; call once the API client is set. Returns the way to stop. */
export function installRouter(store: Store): () => void {
  let applying = false
  const fromAddress = (event?: Event) => {
    // A new host address pasted into the tab (`#token=…`) is the web host's key, not a route:
    // api/web-token.ts takes it out of the address, and the app stays where it is.
    // (Going to such an address fires popstate, then hashchange, before the key is taken out.)
    if (location.hash.includes('token=')) return
    if (event instanceof HashChangeEvent && event.newURL.includes('token=')) return
    applying = true
    try {
      follow(store, parseRoute(location.hash))
    } finally {
      applying = false
    }
  }
  const offStore = store.subscribe((s, prev) => {
    if (s.route === prev.route) return
    const hash = routeHash(s.route)
    if (sameRoute(parseRoute(location.hash), s.route) && location.hash !== '') return
    // A map that could not be opened sends the app home: that replaces the entry, not a new one.
    if (applying || (s.route.name === 'home' && prev.route.name === 'map' && !s.openMap && !prev.openMap)) {
      history.replaceState({}, '', hash)
    } else history.pushState({}, '', hash)
  })
  window.addEventListener('popstate', fromAddress)
  window.addEventListener('hashchange', fromAddress)
  fromAddress()
  return () => {
    offStore()
    window.removeEventListener('popstate', fromAddress)
    window.removeEventListener('hashchange', fromAddress)
  }
}

/** The camera last seen on this map in this history entry (a reload, or Back to it), if any. */
export function savedCamera(mapId: string): Camera | null {
  const saved = entryState().camera
  return saved && saved.mapId === mapId ? { x: saved.x, y: saved.y, zoom: saved.zoom } : null
}

let pending: ReturnType<typeof setTimeout> | null = null

/** Remembers the camera in the current history entry (at most a few times a second). */
export function saveCamera(mapId: string, camera: Camera): void {
  if (pending) clearTimeout(pending)
  pending = setTimeout(() => {
    pending = null
    if (!sameRoute(parseRoute(location.hash), { name: 'map', mapId })) return
    history.replaceState({ ...entryState(), camera: { mapId, x: camera.x, y: camera.y, zoom: camera.zoom } }, '')
  }, 250)
}
