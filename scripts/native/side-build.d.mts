// Types of side-build.mjs (plain JavaScript, so that `npm start` runs it with plain Node).

export type Runtime = 'electron' | 'node'
export type BuildFailureCause = 'download' | 'python' | 'compiler' | 'timeout' | 'verify' | 'interrupted' | 'other'

export interface BuildStamp {
  readonly runtime: Runtime
  readonly target: string
  readonly abi: string | null
  readonly platform: string
  readonly arch: string
  readonly moduleVersion: string
  readonly method: 'prebuilt' | 'compiled'
  readonly seconds: number
  readonly builtAt: string
  readonly nodeBuild: { readonly path: string; readonly sha256: string | null }
}

export interface WantedBuild {
  readonly runtime: Runtime
  readonly target: string
  readonly platform: string
  readonly arch: string
  readonly moduleVersion: string
}

export type SideBuildState =
  { readonly kind: 'ready' } | { readonly kind: 'missing' } | { readonly kind: 'stale'; readonly why: string }

export type BuildResult =
  | { readonly ok: true; readonly binding: string; readonly stamp: BuildStamp; readonly seconds: number }
  | {
      readonly ok: false
      readonly cause: BuildFailureCause
      readonly line: string
      readonly logFile: string
      readonly seconds: number
    }

export type StartDecision =
  | { readonly action: 'web'; readonly line: string }
  | { readonly action: 'build'; readonly reason: string }
  | { readonly action: 'electron'; readonly path: string }

export const ELECTRON_SIDE_DIR: string
export const BINDING_FILE: string
export const STAMP_FILE: string
export const LOG_FILE: string
export const NODE_BUILD: string
export const ELECTRON_HEADERS_URL: string

export function runtimeLabel(runtime: Runtime, target: string): string
export function sideBuildState(stamp: BuildStamp | null, bindingExists: boolean, wanted: WantedBuild): SideBuildState
export function classifyBuildFailure(log: string, timedOut?: boolean): BuildFailureCause
export function buildFailureLine(runtime: Runtime, target: string, cause: BuildFailureCause, logFile: string): string
export function buildStartLine(runtime: Runtime, target: string, reason?: string): string
export function buildDoneLine(
  runtime: Runtime,
  target: string,
  method: 'prebuilt' | 'compiled',
  seconds: number,
  dir: string
): string
export function startDecision(facts: {
  readonly electron: { readonly path?: string; readonly reason?: string }
  readonly sideState: SideBuildState | null
  readonly buildResult?: BuildResult
}): StartDecision
export function elapsed(seconds: number): string
