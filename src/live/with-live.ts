/**
 * The library service as a door serves it when it can host a live session: the live workshop's
 * JourneyApi methods go to the hub, everything else to the library; the hub's status changes
 * reach every facilitator window as `liveChanged` events beside the library's own.
 */
import type { ApiEvent, ApiMethod, ApiRequest, ApiResponse, LiveMethod } from '../shared/api/contract'
import { LIVE_METHODS } from '../shared/api/contract'
import type { LibraryService } from '../library/service-types'
import type { LiveHub } from './hub'

const isLive = (method: ApiMethod): method is LiveMethod => (LIVE_METHODS as readonly string[]).includes(method)

export function withLive(service: LibraryService, hub: LiveHub): LibraryService {
  const liveCall = async <K extends LiveMethod>(method: K, req: ApiRequest<K>): Promise<ApiResponse<K>> => {
    switch (method) {
      case 'liveStatus':
        return hub.status()
      case 'startLive':
        return hub.start((req as ApiRequest<'startLive'>).mapId)
      case 'resumeLive':
        return hub.resume()
      case 'updateLive': {
        const { rights, view } = req as ApiRequest<'updateLive'>
        return hub.update({ rights: rights as never, view: view as never })
      }
      case 'removeParticipant':
        return hub.remove((req as ApiRequest<'removeParticipant'>).participantId)
      case 'revealVotes':
        return hub.reveal()
      default:
        return hub.end()
    }
  }
  return {
    call<K extends ApiMethod>(method: K, req: ApiRequest<K>, origin?: string): Promise<ApiResponse<K>> {
      if (isLive(method)) return liveCall(method, req as never) as Promise<ApiResponse<K>>
      return service.call(method, req, origin)
    },
    readMapInParts: (id, size, sink) => service.readMapInParts(id, size, sink),
    onEvent(listener: (event: ApiEvent) => void) {
      const a = service.onEvent(listener)
      const b = hub.onStatus((status) => listener({ type: 'liveChanged', status }))
      return () => {
        a()
        b()
      }
    },
    close: () => service.close(),
    get path() {
      return service.path
    },
    get readOnly() {
      return service.readOnly
    }
  }
}
