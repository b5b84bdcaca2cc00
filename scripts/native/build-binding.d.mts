// Types of build-binding.mjs (plain JavaScript, so that `npm start` runs it with plain Node).
import type { BuildResult, BuildStamp, Runtime } from './side-build.mjs'

export interface BuildSideBindingOptions {
  /** Project root: the sources are read from node_modules/better-sqlite3. */
  readonly root: string
  /** The side folder; its .node file and build-info.json are replaced on success only. */
  readonly outDir: string
  readonly runtime: Runtime
  /** The runtime's version, e.g. "39.8.10". */
  readonly target: string
  /** A folder holding the runtime's headers (include/node): compiles offline. */
  readonly nodedir?: string
  /** Where node-gyp downloads the headers from when there is no nodedir. */
  readonly distUrl?: string
  /** Try better-sqlite3's prebuilt module for the runtime first (needs the internet). */
  readonly prebuilt?: boolean
  /** The runtime to test-load the result in. */
  readonly verify?: { readonly command: string; readonly env?: Record<string, string> } | null
  /** Extra environment for the build tools (e.g. PATH, CC). */
  readonly env?: Record<string, string>
  readonly onPhase?: (phase: string) => void
}

export function betterSqlite3Module(root: string): { dir: string; version: string }
export function readStamp(outDir: string): BuildStamp | null
export function buildSideBinding(options: BuildSideBindingOptions): Promise<BuildResult>
