import type { ApiEvent, ApiMethod, ApiRequest, ApiResponse } from '../shared/api/contract'
import type { JourneyMap, Note } from '../shared/model'

/** When a map goes in parts (more notes than `over`), and how many notes a part holds. */
export interface PartSize {
  readonly over: number
  readonly notes: number
}

/** Where readMapInParts puts a big map's parts as it reads them. */
export interface MapPartSink {
  head(map: Omit<JourneyMap, 'notes'>, notes: number): void
  notes(part: Note[]): void
}

/**
 * What every door (Electron IPC, web host, CLI, tests) uses: the library service.
 * `call` expects a request already validated with parseApiCall (src/shared/api/validate.ts);
 * it throws JourneyError for anything a user can fix.
 */
export interface LibraryService {
  call<K extends ApiMethod>(method: K, req: ApiRequest<K>, origin?: string): Promise<ApiResponse<K>>
  onEvent(listener: (event: ApiEvent) => void): () => void
  /**
   * getMap for a door that sends a big map in parts (the web host): a map of more than
   * `size.over` notes goes to `sink` — the map without notes and their count, then its notes
   * `size.notes` at a time, each part as soon as it is read from the file (one read
   * transaction) — and the result is null; a smaller map is returned whole. Throws JourneyError
   * not_found like getMap.
   */
  readMapInParts(id: string, size: PartSize, sink: MapPartSink): JourneyMap | null
  /** Checkpoints the WAL and closes the file. Safe to call twice. */
  close(): void
  readonly path: string
  readonly readOnly: boolean
}

export interface OpenLibraryOptions {
  /** Folder for rolling daily backups and pre-migration backups. Default: `<file>.backups/` beside the file. */
  readonly backupDir?: string
  /** Clock, injectable for tests of daily backups. */
  readonly now?: () => Date
  /** Open without ever writing, even when the file is writable (e.g. the CLI's read commands). */
  readonly readOnly?: boolean
  /** Shown in AppInfo.version; main passes app.getVersion(). */
  readonly appVersion?: string
  /** Id generator for new maps, snapshots and copies; injectable for deterministic tests. */
  readonly newId?: () => string
  /** The better-sqlite3 native module to load (Electron's own build); default: node_modules/better-sqlite3's. */
  readonly nativeBinding?: string
}
