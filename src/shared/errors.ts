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

/** One problem in a payload or a file, located by its JSON path or line/column. */
export interface Issue {
  readonly path: string
  readonly message: string
}

/**
 * An error meant for a person: `message` is one readable sentence, never a stack trace.
 * It crosses IPC and WebSocket as plain data ({ code, message, issues }).
 */
export class JourneyError extends Error {
  readonly code: JourneyErrorCode
  readonly issues: readonly Issue[]

  constructor(code: JourneyErrorCode, message: string, issues: readonly Issue[] = []) {
    super(message)
    this.name = 'JourneyError'
    this.code = code
    this.issues = issues
  }

  toJSON(): { code: JourneyErrorCode; message: string; issues: readonly Issue[] } {
    return { code: this.code, message: this.message, issues: this.issues }
  }
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
export function toErrorData(error: unknown): { code: JourneyErrorCode; message: string; issues: readonly Issue[] } {
  if (error instanceof JourneyError) return error.toJSON()
  return {
    code: 'internal',
    message: 'Something went wrong inside Journeyboard. Nothing was changed; the details were logged.',
    issues: []
  }
}
