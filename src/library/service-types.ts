import type { ApiEvent, ApiMethod, ApiRequest, ApiResponse } from '../shared/api/contract'

/**
 * What every door (Electron IPC, web host, CLI, tests) uses: the library service.
 * `call` expects a request already validated with parseApiCall (src/shared/api/validate.ts);
 * it throws JourneyError for anything a user can fix.
 */
export interface LibraryService {
  call<K extends ApiMethod>(method: K, req: ApiRequest<K>, origin?: string): Promise<ApiResponse<K>>
  onEvent(listener: (event: ApiEvent) => void): () => void
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
