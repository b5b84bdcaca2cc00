import type { ReasonId } from './i18n/reasons/en'

/** Error codes every transport carries unchanged from the library to the UI. */
export type JourneyErrorCode =
  | 'invalid_request'
  | 'not_found'
  | 'conflict'
  | 'read_only'
  | 'disk_full'
  | 'open_elsewhere'
  | 'not_our_file'
  | 'corrupt_file'
  | 'too_new'
  | 'storage'
  | 'forbidden'
  | 'internal'

/**
 * Why, as a code with parameters (src/shared/i18n/reasons): the app makes the sentence in the
 * user's language from it; `message` stays English for the CLI and logs.
 */
export interface Reason {
  readonly id: ReasonId
  readonly params: Readonly<Record<string, string | number>>
}

export function reason(id: ReasonId, params: Readonly<Record<string, string | number>> = {}): Reason {
  return { id, params }
}

/** One problem in a payload or a file, located by its JSON path or line/column. */
export interface Issue {
  readonly path: string
  readonly message: string
  /** The problem as a code with parameters, when the place that found it gave one. */
  readonly reason?: Reason
}

/**
 * An error meant for a person: `message` is one readable sentence, never a stack trace.
 * It crosses IPC and WebSocket as plain data ({ code, message, issues }).
 */
export class JourneyError extends Error {
  readonly code: JourneyErrorCode
  readonly issues: readonly Issue[]
  /** The refusal as a code with parameters, for the app's own words; absent where none was given. */
  readonly reason: Reason | undefined

  constructor(code: JourneyErrorCode, message: string, issues: readonly Issue[] = [], reason?: Reason) {
    super(message)
    this.name = 'JourneyError'
    this.code = code
    this.issues = issues
    this.reason = reason
  }

  toJSON(): ErrorData {
    return {
      code: this.code,
      message: this.message,
      issues: this.issues,
      ...(this.reason ? { reason: this.reason } : {})
    }
  }
}

/** A JourneyError as plain data, the same over IPC and WebSocket. */
export interface ErrorData {
  readonly code: JourneyErrorCode
  readonly message: string
  readonly issues: readonly Issue[]
  readonly reason?: Reason
}

/** A JourneyError from its plain-data form (what toJSON made on the other side). */
export function fromErrorData(data: ErrorData): JourneyError {
  return new JourneyError(data.code, data.message, data.issues ?? [], data.reason)
}

export function isJourneyErrorData(
  value: unknown
): value is { code: JourneyErrorCode; message: string; issues?: Issue[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  )
}

/** Formats a zod-style path such as ["notes", 3, "text"] as `notes[3].text`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out ? `.${String(part)}` : String(part)
  }
  return out || '(root)'
}

/**
 * What crosses a process boundary for any thrown value: a JourneyError as it is, anything else
 * as a generic 'internal' error (the details go to the log of the side that caught it, never to
 * the user).
 */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof JourneyError) return error.toJSON()
  return {
    code: 'internal',
    message: 'Something went wrong inside Journeyboard. Nothing was changed; the details were logged.',
    issues: [],
    reason: { id: 'code.internal', params: {} }
  }
}
