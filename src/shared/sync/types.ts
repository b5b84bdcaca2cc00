/**
 * The editing engine's vocabulary: what a session needs from outside (transport, outbox), what
 * it shows (state, recovered text, notices) and how failures are described as data.
 */
import type { CommandName } from '../commands'
import type { EntityKind, JourneyMap } from '../model'
import type { ChangeSet, PushRequest, PushResult } from './protocol'
import type { Step } from './steps'

/** How the session reaches the host. */
export interface SyncTransport {
  pushChanges(request: PushRequest): Promise<PushResult>
  getMap(mapId: string): Promise<JourneyMap>
}

/** An unsaved edit as kept outside the session (to survive a crash or a reload of the page). */
export interface StoredEdit {
  readonly name: CommandName
  readonly changes: ChangeSet
  readonly steps?: readonly Step[]
  readonly ids?: readonly string[]
}

/** Where a session keeps its unsaved edits; told after every change to them (null: none left). */
export interface OutboxStore {
  save(mapId: string, edits: readonly StoredEdit[] | null): void
}

export interface SessionOptions {
  readonly mapId: string
  readonly transport: SyncTransport
  /** Unique for this session's lifetime (pushes are named after it). */
  readonly clientId: string
  readonly newId: () => string
  /** ISO time, for commands that stamp what they create. */
  readonly now: () => string
  readonly outbox?: OutboxStore
  /** Undo steps kept; the oldest go first. */
  readonly historyLimit?: number
}

/** Why something could not be done, as data; the UI makes the sentence. */
export type Reason =
  | { readonly code: 'deletedElsewhere'; readonly entity: EntityKind }
  | { readonly code: 'changedElsewhere'; readonly entity: EntityKind | 'map'; readonly fields: readonly string[] }
  | { readonly code: 'brokenReference'; readonly detail: string }
  /** A record to restore is there again already. */
  | { readonly code: 'exists'; readonly entity: EntityKind }
  /** A command's or the library's own sentence (JourneyError message), and its reason as a code. */
  | { readonly code: 'refused'; readonly message: string; readonly why?: ReasonData }

/** Things the user should be told once. */
export type SessionNotice =
  | { readonly type: 'commandFailed'; readonly error: unknown }
  | { readonly type: 'editDropped'; readonly command: CommandName; readonly reason: Reason }
  | { readonly type: 'undoFailed' | 'redoFailed'; readonly command: CommandName; readonly reason: Reason }
  /** Undone or redone, except fields someone else changed since. */
  | { readonly type: 'undoPartial' | 'redoPartial'; readonly command: CommandName; readonly reason: Reason }
  /** Unsaved edits from before a reload or crash were taken up again. */
  | { readonly type: 'replayed'; readonly count: number }

/** Text (or another value) that lost a conflict, kept for the user. */
export interface Recovered {
  readonly id: string
  /** When it was kept (ISO). */
  readonly at: string
  /** changedElsewhere: someone changed the same field first; deletedElsewhere: the record was deleted. */
  readonly kind: 'changedElsewhere' | 'deletedElsewhere'
  readonly entity: EntityKind | 'map'
  readonly recordId: string
  /** The fields that lost (empty for a deleted record). */
  readonly fields: readonly string[]
  /** The record (or map fields) as this side wanted it. */
  readonly mine: Readonly<Record<string, unknown>>
  /** What was kept instead; null when the record is gone. */
  readonly theirs: Readonly<Record<string, unknown>> | null
  /** The record as this side last saw it (names a deleted note by the text it had); null if unknown. */
  readonly was: Readonly<Record<string, unknown>> | null
  /** Who made the change that was kept, when known (a change event's origin). */
  readonly by: string | null
  /** A deleted record this session knows whole enough to bring back. */
  readonly restorable: boolean
}

/** One undo step: the records it changed, before → after as last applied. */
export interface HistoryEntry {
  readonly id: number
  readonly name: CommandName
  readonly changes: ChangeSet
}

/** An edit on screen that the host has not acknowledged. */
export interface PendingEdit {
  /** The undo step it belongs to; null for an edit taken up after a reload. */
  readonly entryId: number | null
  readonly name: CommandName
  /** Relative to the map before it (confirmed + the pending edits ahead of it). */
  readonly changes: ChangeSet
  /** How to make the edit again on a newer map (forward edits). */
  readonly steps?: readonly Step[]
  readonly ids?: readonly string[]
}

export interface SaveFailure {
  /** The JourneyError code ('storage' for a lost connection, 'read_only', …); 'unknown' otherwise. */
  readonly code: string
  /** The library's sentence, or null when there was none. */
  readonly message: string | null
  /** The JourneyError's reason (src/shared/errors), for the app's own words; absent when none. */
  readonly why?: ReasonData
}

/** A JourneyError's reason as plain data (the engine keeps to records and commands: no import of errors). */
export interface ReasonData {
  readonly id: string
  readonly params: Readonly<Record<string, string | number>>
}

const reasonOf = (error: unknown): ReasonData | undefined => {
  const why = typeof error === 'object' && error !== null ? (error as { reason?: unknown }).reason : undefined
  return typeof why === 'object' && why !== null && typeof (why as { id?: unknown }).id === 'string'
    ? (why as ReasonData)
    : undefined
}

export interface SessionState {
  /** What to draw: the committed map with the unsaved edits on top; null until loaded. */
  readonly map: JourneyMap | null
  /** The revision of the committed map this session holds. */
  readonly revision: number
  readonly undo: readonly HistoryEntry[]
  readonly redo: readonly HistoryEntry[]
  readonly unsaved: readonly PendingEdit[]
  /** True while an edit is on its way to the host or the map is being reloaded. */
  readonly sending: boolean
  /** Why saving stopped; null while it is not stopped. */
  readonly failure: SaveFailure | null
  readonly recovered: readonly Recovered[]
}

export const codeOf = (error: unknown): string | undefined => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' ? code : undefined
}

/** A failure as data: a JourneyError's code and sentence (also as plain data from a transport). */
export function failureOf(error: unknown): SaveFailure {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined
  const code = codeOf(error)
  if (!code || typeof message !== 'string') return { code: 'unknown', message: null }
  const why = reasonOf(error)
  return why ? { code, message, why } : { code, message }
}
