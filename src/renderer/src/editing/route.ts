/**
 * The app's address: `#/` is the home screen, `#/map/<id>` a map (a link that opens it). The web
 * host's `#token=…` fragment is not a route: it is taken out of the address before anything reads
 * it (api/web-token.ts), and ignored here if it is still there. Pure.
 */
export type Route = { readonly name: 'home' } | { readonly name: 'map'; readonly mapId: string }

const MAP = /^#?\/map\/([^/?#&]+)\/?$/

/** The route an address's fragment names; home for anything else. */
export function parseRoute(hash: string): Route {
  const match = MAP.exec(hash)
  if (match?.[1]) {
    try {
      return { name: 'map', mapId: decodeURIComponent(match[1]) }
    } catch {
      return { name: 'home' }
    }
  }
  return { name: 'home' }
}

/** The fragment of a route. */
export function routeHash(route: Route): string {
  return route.name === 'map' ? `#/map/${encodeURIComponent(route.mapId)}` : '#/'
}

export const sameRoute = (a: Route, b: Route) =>
  a.name === b.name && (a.name === 'home' || (b.name === 'map' && a.mapId === b.mapId))
