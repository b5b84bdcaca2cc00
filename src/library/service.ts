/**
 * The library service: JourneyApi over one open library file. Calls run synchronously on the
 * connection (better-sqlite3), so they are naturally serialised; the Promise is the contract's
 * shape, and it resolves only after the write has committed.
 */
import type { ApiEvent, ApiMethod, ApiRequest, ApiResponse } from '../shared/api/contract'
import { JourneyError, reason } from '../shared/errors'
import { newId as defaultNewId } from '../shared/ids'
import { defaultBackupDir, takeDailyBackup } from './backups'
import { toJourneyError } from './connection/errors'
import { openLibraryConnection, type OpenedLibrary } from './connection/open'
import { createHandlers, notFound, readOnlyError, WRITE_METHODS, type Handlers } from './handlers'
import { MapRepository } from './repositories/maps'
import { PersonaRepository } from './repositories/personas'
import { SnapshotRepository } from './repositories/snapshots'
import { VersionRepository } from './repositories/versions'
import type { LibraryService, OpenLibraryOptions } from './service-types'
import { Statements } from './statements'

export interface LibraryServiceHandle extends LibraryService {
  /** Today's daily backup: resolves to its path, or null when none was due or it failed (see notices). */
  readonly dailyBackup: Promise<string | null>
}

/** Opens (or creates) the library file and serves JourneyApi over it. Throws JourneyError on refusal. */
export function openLibraryService(file: string, options: OpenLibraryOptions = {}): LibraryServiceHandle {
  const opened = openLibraryConnection(file, options)
  try {
    return createLibraryService(opened, options)
  } catch (error) {
    opened.close()
    throw error
  }
}

/** Serves JourneyApi over an already opened connection, which the service then owns. */
export function createLibraryService(opened: OpenedLibrary, options: OpenLibraryOptions = {}): LibraryServiceHandle {
  const clock = options.now ?? (() => new Date())
  const notices = [...opened.notices]
  const listeners = new Set<(event: ApiEvent) => void>()
  const statements = new Statements(opened.db)
  const maps = new MapRepository(statements)
  const handlers: Handlers = createHandlers({
    statements,
    maps,
    personas: new PersonaRepository(statements),
    snapshots: new SnapshotRepository(statements),
    versions: new VersionRepository(statements),
    path: opened.path,
    readOnly: opened.readOnly,
    notices,
    appVersion: options.appVersion ?? '0.0.0-dev',
    now: () => clock().toISOString(),
    newId: options.newId ?? defaultNewId,
    emit: (event) => {
      for (const listener of [...listeners]) {
        try {
          listener(event)
        } catch {
          // A failing listener must not turn a committed edit into an error for the caller.
        }
      }
    }
  })

  let closed = false
  const dailyBackup =
    opened.readOnly || opened.created
      ? Promise.resolve(null)
      : takeDailyBackup(opened.db, options.backupDir ?? defaultBackupDir(opened.path), clock()).catch(
          (error: unknown) => {
            if (!closed) notices.push(`Today's backup of the library could not be made (${String(error)}).`)
            return null
          }
        )

  return {
    path: opened.path,
    readOnly: opened.readOnly,
    dailyBackup,
    call<K extends ApiMethod>(method: K, req: ApiRequest<K>, origin = 'local'): Promise<ApiResponse<K>> {
      if (closed)
        return Promise.reject(new JourneyError('storage', 'The library is closed.', [], reason('library.closed')))
      if (opened.readOnly && WRITE_METHODS.has(method)) return Promise.reject(readOnlyError(opened.path))
      try {
        const handler = handlers[method] as (
          req: ApiRequest<K>,
          origin: string
        ) => ApiResponse<K> | Promise<ApiResponse<K>>
        return Promise.resolve(handler(req, origin)).catch((error: unknown) => {
          throw toJourneyError(error, opened.path)
        })
      } catch (error) {
        return Promise.reject(toJourneyError(error, opened.path))
      }
    },
    readMapInParts(id, size, sink) {
      if (closed) throw new JourneyError('storage', 'The library is closed.', [], reason('library.closed'))
      try {
        const map = opened.db.transaction(() => maps.loadInParts(id, size, sink.head, sink.notes))()
        if (map === undefined) throw notFound('This map')
        return map
      } catch (error) {
        throw toJourneyError(error, opened.path)
      }
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      if (closed) return
      closed = true
      listeners.clear()
      opened.close()
    }
  }
}
