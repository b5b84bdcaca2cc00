/**
 * The editing session of one map on one client: the engine behind the facilitator's board, a
 * participant's page and the tests, free of React and zustand. (store/editor.ts is a thin
 * adapter over it.)
 *
 * It keeps three things, as tldraw's sync client does:
 * - `confirmed`: the map as the host committed it, at `revision`, advanced only by committed
 *   changes taken strictly in revision order (the host's answers and its change events);
 * - `pending`: the edits shown on screen that the host has not acknowledged yet (the outbox),
 *   oldest first, each as "records before → after" (a ChangeSet), kept in `OutboxStore` so a
 *   crash or a reload does not lose them;
 * - the view: `confirmed` with the pending edits on top — what the board draws.
 *
 * Edits go to the host one at a time, each against the revision the client had seen; the host
 * merges them field by field with what others committed meanwhile (room.ts) and answers with
 * what it committed and any conflicts. When someone else's change arrives, the unsent edits are
 * carried over onto it with the same three-way merge, so the screen already shows what the host
 * will decide; an edit that no longer fits (its note was deleted, its stage is gone) re-runs its
 * command on the newer map, or is dropped with the command's own reason. Text that loses a
 * conflict is kept in `recovered`, to copy, re-apply or restore.
 *
 * Undo and redo are per map and merge too: undoing an edit reverts only the fields it changed
 * and nobody changed since; what someone else changed or deleted is left alone, and the
 * session says so. Loading and others' changes never enter the history.
 */
import type { CommandName } from '../commands'
import { isDeepEqual } from '../commands/core'
import type { EntityKind, EntityTypes, JourneyMap } from '../model'
import { checkIntegrity } from '../model/integrity'
import { applyPatch } from '../model/patch'
import { changesOf, invertChanges, isEmpty, metaFieldsOf, patchOf, rebase, recordFinder, recordKey } from './changes'
import type { ChangeSet, Conflict, MapChange, PushRequest, PushResult, RecordChange } from './protocol'
import { runSteps, type ForwardRun, type Step } from './steps'

export type { Step, ForwardRun } from './steps'

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
  /** A command's or the library's own sentence (JourneyError message). */
  | { readonly code: 'refused'; readonly message: string }

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

/** The fields of each kind a person types (shown in recovered entries). */
export const TEXT_FIELDS: Readonly<Record<EntityKind | 'map', readonly string[]>> = {
  note: ['text'],
  stage: ['title', 'prompt'],
  lane: ['title', 'prompt'],
  connector: ['label'],
  marker: ['label'],
  metric: ['name', 'unit'],
  emotionPoint: ['note'],
  map: ['title', 'description']
}

/** The command whose name labels an edit that re-applies or restores a record of this kind. */
const EDIT_COMMAND: Readonly<Record<EntityKind | 'map', CommandName>> = {
  note: 'editNote',
  stage: 'renameStage',
  lane: 'renameLane',
  connector: 'relabelConnector',
  marker: 'editMarker',
  metric: 'setMetric',
  emotionPoint: 'setEmotionPoint',
  map: 'setMapMeta'
}
const RESTORE_COMMAND: Readonly<Record<EntityKind, CommandName>> = {
  note: 'addNote',
  stage: 'addStage',
  lane: 'addLane',
  connector: 'connect',
  marker: 'addMarker',
  metric: 'setMetric',
  emotionPoint: 'setEmotionPoint'
}

type AnyRecord = EntityTypes[EntityKind]
type Pending = PendingEdit & {
  /** Set while (and after) it was sent: the push it went in. */
  pushId?: string
  /** The host committed it (its change event came) but its answer has not arrived yet. */
  committed?: boolean
}

const DEFAULT_HISTORY_LIMIT = 500
/** Reads of the map after which a push still refused as `conflict` is reported as a failure. */
const MAX_CONFLICT_RETRIES = 4
/** Records deleted by others that the session remembers, to restore text typed into them. */
const REMEMBERED_DELETES = 200
const REMEMBERED_ORIGINS = 2000

export const codeOf = (error: unknown): string | undefined => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' ? code : undefined
}

/** A failure as data: a JourneyError's code and sentence (also as plain data from a transport). */
export function failureOf(error: unknown): SaveFailure {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined
  const code = codeOf(error)
  return code && typeof message === 'string' ? { code, message } : { code: 'unknown', message: null }
}

export function applyChanges(map: JourneyMap, changes: ChangeSet): JourneyMap {
  return isEmpty(changes) ? map : applyPatch(map, patchOf(changes))
}

export class EditingSession {
  readonly mapId: string
  readonly #o: SessionOptions
  #confirmed: JourneyMap | null = null
  #revision = 0
  #view: JourneyMap | null = null
  #pending: Pending[] = []
  #undo: HistoryEntry[] = []
  #redo: HistoryEntry[] = []
  #recovered: Recovered[] = []
  /** Committed changes that arrived ahead of the next revision, by revision. */
  readonly #ahead = new Map<number, { patch: MapChange['patch']; pushId?: string; origin: string }>()
  #failure: SaveFailure | null = null
  #flushing = false
  #inFlight: Pending | null = null
  /** Someone else's changes may be missing (a gap, a lost connection): read the map again before sending. */
  #needsReload = false
  #lastEntryId = 0
  #pushCount = 0
  #recoveredCount = 0
  #persistedEmpty = true
  readonly #deletedByOthers = new Map<string, { record: AnyRecord; origin: string }>()
  readonly #lastOrigin = new Map<string, string>()
  #state: SessionState
  readonly #listeners = new Set<(state: SessionState) => void>()
  readonly #noticeListeners = new Set<(notice: SessionNotice) => void>()

  constructor(options: SessionOptions) {
    this.mapId = options.mapId
    this.#o = options
    this.#state = this.#snapshot()
  }

  /** The current state; a new object after every change (cheap to compare). */
  get state(): SessionState {
    return this.#state
  }

  get map(): JourneyMap | null {
    return this.#view
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  onNotice(listener: (notice: SessionNotice) => void): () => void {
    this.#noticeListeners.add(listener)
    return () => this.#noticeListeners.delete(listener)
  }

  // -------------------------------------------------------------------------------------------
  // Loading and others' changes (never in history)

  /** A copy of the map read from the host; ignored when older than what the session has. */
  load(map: JourneyMap): void {
    if (this.#confirmed !== null && map.revision <= this.#revision) {
      if (this.#pending.length > 0 || this.#needsReload) void this.#flush()
      return
    }
    this.#takeFresh(map)
    this.#emit()
    void this.#flush()
  }

  /** A change event from the host (any client's, this one's included). */
  receive(change: MapChange): void {
    if (change.mapId !== this.mapId || this.#confirmed === null || change.revision <= this.#revision) return
    this.#ahead.set(change.revision, { patch: change.patch, pushId: change.pushId, origin: change.origin })
    this.#advance()
    this.#emit()
    if (this.#needsReload && !this.#flushing) void this.#flush()
  }

  /**
   * Unsaved edits kept from an earlier page or session of this map (see OutboxStore): they are
   * carried over onto the map as it is now and sent, without entering undo history.
   */
  adopt(edits: readonly StoredEdit[]): void {
    if (edits.length === 0) return
    this.#pending = [
      ...this.#pending,
      ...edits.map((e): Pending => ({ entryId: null, name: e.name, changes: e.changes, steps: e.steps, ids: e.ids }))
    ]
    this.#notice({ type: 'replayed', count: edits.length })
    if (this.#confirmed !== null) this.#rebuild()
    this.#persist()
    this.#emit()
    void this.#flush()
  }

  /** Sends what waits again (after a failure, or when the connection is back). */
  retry(): void {
    if (this.#failure) this.#needsReload = true
    this.#failure = null
    this.#emit()
    void this.#flush()
  }

  // -------------------------------------------------------------------------------------------
  // Edits

  /**
   * Runs commands on the map as one edit: shown at once, recorded for undo, sent to the host.
   * Returns the run, or null when a command does not fit (told as a `commandFailed` notice). A
   * run that changes nothing is neither recorded nor sent.
   */
  run(name: CommandName, steps: readonly Step[]): ForwardRun | null {
    const map = this.#view
    if (!map) return null
    let run: ForwardRun
    try {
      run = runSteps(map, steps, [], this.#o.newId, this.#o.now())
    } catch (error) {
      this.#notice({ type: 'commandFailed', error })
      return null
    }
    if (run.history) this.#record(name, changesOf(map, run.patch), run.map, steps, run.ids)
    return run
  }

  undo(): boolean {
    const entry = this.#undo.at(-1)
    if (!entry || !this.#view) return false
    const outcome = this.#revert(invertChanges(entry.changes))
    if ('reason' in outcome) {
      this.#undo = this.#undo.slice(0, -1)
      this.#notice({ type: 'undoFailed', command: entry.name, reason: outcome.reason })
      this.#emit()
      return false
    }
    if (outcome.partial) this.#notice({ type: 'undoPartial', command: entry.name, reason: outcome.partial })
    this.#undo = this.#undo.slice(0, -1)
    this.#redo = [...this.#redo, entry]
    this.#queue({ entryId: entry.id, name: entry.name, changes: outcome.changes }, outcome.map)
    return true
  }

  redo(): boolean {
    const entry = this.#redo.at(-1)
    if (!entry || !this.#view) return false
    const outcome = this.#revert(entry.changes)
    if ('reason' in outcome) {
      this.#redo = this.#redo.slice(0, -1)
      this.#notice({ type: 'redoFailed', command: entry.name, reason: outcome.reason })
      this.#emit()
      return false
    }
    if (outcome.partial) this.#notice({ type: 'redoPartial', command: entry.name, reason: outcome.partial })
    this.#redo = this.#redo.slice(0, -1)
    this.#undo = [...this.#undo, entry]
    this.#queue({ entryId: entry.id, name: entry.name, changes: outcome.changes }, outcome.map)
    return true
  }

  // -------------------------------------------------------------------------------------------
  // Recovered text

  /**
   * Keeps values the user typed that could not be applied as they are: the record changed
   * (or was deleted) while they typed. `values` are the fields as the user wanted them.
   */
  keepText(entity: EntityKind, id: string, values: Readonly<Record<string, unknown>>): void {
    const map = this.#view
    if (!map) return
    const current = recordFinder(map)(entity, id) as Readonly<Record<string, unknown>> | null
    const key = recordKey(entity, id)
    if (current) {
      const fields = Object.keys(values).filter((k) => !isDeepEqual(values[k], current[k]))
      if (fields.length === 0) return
      this.#keep({
        kind: 'changedElsewhere',
        entity,
        recordId: id,
        fields: fields.sort(),
        mine: { ...current, ...values },
        theirs: current,
        was: current,
        by: this.#lastOrigin.get(key) ?? null,
        restorable: false
      })
    } else {
      const deleted = this.#deletedByOthers.get(key)
      this.#keep({
        kind: 'deletedElsewhere',
        entity,
        recordId: id,
        fields: [],
        mine: { ...deleted?.record, ...values },
        theirs: null,
        was: deleted?.record ?? null,
        by: deleted?.origin ?? null,
        restorable: deleted !== undefined
      })
    }
    this.#emit()
  }

  dismissRecovered(id: string): void {
    const before = this.#recovered.length
    this.#recovered = this.#recovered.filter((r) => r.id !== id)
    if (this.#recovered.length !== before) this.#emit()
  }

  /**
   * Applies a recovered entry as a new edit (an undo step): the user's values over the record
   * as it is now, or the deleted record brought back. False (with a notice) when it no longer fits.
   */
  reapplyRecovered(id: string): boolean {
    const entry = this.#recovered.find((r) => r.id === id)
    const map = this.#view
    if (!entry || !map) return false
    let changes: ChangeSet
    let name: CommandName
    if (entry.entity === 'map') {
      const keys = entry.fields.length > 0 ? entry.fields : Object.keys(entry.mine)
      const after = Object.fromEntries(keys.map((k) => [k, entry.mine[k]]))
      changes = { records: [], meta: { before: metaFieldsOf(map, keys), after } }
      name = 'setMapMeta'
    } else {
      const current = recordFinder(map)(entry.entity, entry.recordId) as AnyRecord | null
      let after: AnyRecord
      if (entry.kind === 'changedElsewhere') {
        if (!current) return this.#refuseRecovered(entry, { code: 'deletedElsewhere', entity: entry.entity })
        after = { ...current, ...Object.fromEntries(entry.fields.map((f) => [f, entry.mine[f]])) } as AnyRecord
        name = EDIT_COMMAND[entry.entity]
      } else {
        if (current || !entry.restorable) return false
        after = entry.mine as AnyRecord
        name = RESTORE_COMMAND[entry.entity]
      }
      changes = {
        records: [{ entity: entry.entity, id: entry.recordId, before: current, after } as RecordChange],
        meta: null
      }
    }
    const next = applyChanges(map, changes)
    const problem = checkIntegrity(next, 1)[0]
    if (problem) return this.#refuseRecovered(entry, { code: 'brokenReference', detail: problem.message })
    this.#recovered = this.#recovered.filter((r) => r.id !== id)
    this.#record(name, changes, next)
    return true
  }

  // -------------------------------------------------------------------------------------------
  // Internals

  #refuseRecovered(entry: Recovered, reason: Reason): false {
    this.#notice({ type: 'editDropped', command: EDIT_COMMAND[entry.entity], reason })
    return false
  }

  #record(name: CommandName, changes: ChangeSet, map: JourneyMap, steps?: readonly Step[], ids?: readonly string[]) {
    const entry: HistoryEntry = { id: ++this.#lastEntryId, name, changes }
    this.#undo = [...this.#undo, entry].slice(-(this.#o.historyLimit ?? DEFAULT_HISTORY_LIMIT))
    this.#redo = []
    this.#queue({ entryId: entry.id, name, changes, steps, ids }, map)
  }

  /** Puts an edit in the outbox and on screen, and starts sending. */
  #queue(edit: Pending, map: JourneyMap): void {
    if (!isEmpty(edit.changes)) this.#pending = [...this.#pending, edit]
    this.#view = map
    this.#persist()
    this.#emit()
    void this.#flush()
  }

  /**
   * An undo (inverse changes) or redo (the entry's changes) made fit for the map as it is now:
   * merged three ways, so fields someone else changed since stay theirs; a record someone else
   * deleted, or changed when the step would delete it, makes the step fail.
   */
  #revert(changes: ChangeSet): { changes: ChangeSet; map: JourneyMap; partial: Reason | null } | { reason: Reason } {
    const map = this.#view as JourneyMap
    const find = recordFinder(map)
    for (const c of changes.records) {
      if (c.after !== null) continue
      const now = find(c.entity, c.id)
      // The step would delete a record someone else changed since: that is their work.
      if (now && c.before && !isDeepEqual(now, c.before)) {
        return { reason: { code: 'changedElsewhere', entity: c.entity, fields: differingFields(c.before, now) } }
      }
    }
    const { changes: merged, conflicts } = rebase(changes, map)
    const deleted = conflicts.find((c) => c.kind === 'deleted')
    if (deleted) return { reason: { code: 'deletedElsewhere', entity: deleted.entity as EntityKind } }
    const next = applyChanges(map, merged)
    const problem = checkIntegrity(next, 1)[0]
    if (problem) return { reason: { code: 'brokenReference', detail: problem.message } }
    const first = conflicts[0]
    const partial: Reason | null =
      first?.kind === 'field' ? { code: 'changedElsewhere', entity: first.entity, fields: first.fields } : null
    if (isEmpty(merged) && partial) return { reason: partial }
    return { changes: merged, map: next, partial }
  }

  /** Takes a map read from the host as the committed state and carries the outbox over onto it. */
  #takeFresh(map: JourneyMap): void {
    this.#confirmed = map
    this.#revision = map.revision
    for (const revision of [...this.#ahead.keys()]) if (revision <= map.revision) this.#ahead.delete(revision)
    this.#needsReload = false
    this.#advance(false)
    this.#rebuild()
  }

  /** Applies committed changes that are next in revision order; asks for a reload on a gap. */
  #advance(rebuild = true): void {
    let changed = false
    while (this.#ahead.has(this.#revision + 1)) {
      const revision = this.#revision + 1
      const change = this.#ahead.get(revision)!
      this.#ahead.delete(revision)
      const own = change.pushId ? this.#pending.find((p) => p.pushId === change.pushId) : undefined
      const confirmed = this.#confirmed as JourneyMap
      if (own && !changed && own === this.#pending[0] && this.#pending.length === 1 && this.#view) {
        // Our only unsaved edit, committed: the screen already shows exactly this when it went in as sent.
        if (isDeepEqual(change.patch, patchOf(own.changes))) {
          own.committed = true
          this.#confirmed = { ...this.#view, revision }
          this.#revision = revision
          continue
        }
      }
      if (!own) this.#noteOthers(confirmed, change.patch, change.origin)
      this.#confirmed = { ...applyPatch(confirmed, change.patch), revision }
      this.#revision = revision
      if (own) own.committed = true
      changed = true
    }
    if (this.#ahead.size > 0) this.#needsReload = true
    if (changed && rebuild) this.#rebuild()
  }

  /** Remembers what others deleted (to restore text typed into it) and who changed what. */
  #noteOthers(map: JourneyMap, patch: MapChange['patch'], origin: string): void {
    const find = recordFinder(map)
    for (const op of patch) {
      if (op.op === 'meta') continue
      const id = op.op === 'put' ? op.value.id : op.id
      const key = recordKey(op.entity, id)
      this.#lastOrigin.delete(key)
      this.#lastOrigin.set(key, origin)
      if (op.op === 'delete') {
        const record = find(op.entity, id)
        if (record) this.#deletedByOthers.set(key, { record, origin })
      }
    }
    trim(this.#lastOrigin, REMEMBERED_ORIGINS)
    trim(this.#deletedByOthers, REMEMBERED_DELETES)
  }

  /**
   * Rebuilds the view from the committed map and the outbox, carrying each unsent edit over onto
   * what is there now (conflicts kept for the user, edits that no longer fit re-run or dropped).
   * The edit on its way to the host is shown merged but left as sent: the host decides it.
   */
  #rebuild(): void {
    let map = this.#confirmed as JourneyMap
    const kept: Pending[] = []
    for (const edit of this.#pending) {
      if (edit.committed) {
        kept.push(edit)
        continue
      }
      const { changes: merged, conflicts } = rebase(edit.changes, map)
      if (edit === this.#inFlight) {
        const shown = applyChanges(map, merged)
        if (checkIntegrity(shown, 1).length === 0) map = shown
        kept.push(edit)
        continue
      }
      let changes = merged
      let next = applyChanges(map, changes)
      let problem: Reason | null = null
      const lost = conflicts.find((c) => c.kind === 'deleted')
      const broken = checkIntegrity(next, 1)[0]
      if (lost || broken) {
        // It no longer fits as it was: make the edit again on the newer map, if it can be.
        if (edit.steps) {
          try {
            const run = runSteps(map, edit.steps, edit.ids ?? [], this.#o.newId, this.#o.now())
            changes = changesOf(map, run.patch)
            next = run.map
          } catch (error) {
            problem = { code: 'refused', message: failureOf(error).message ?? '' }
          }
        } else if (lost) problem = { code: 'deletedElsewhere', entity: lost.entity as EntityKind }
        else if (broken) problem = { code: 'brokenReference', detail: broken.message }
      }
      for (const conflict of conflicts) this.#keepConflict(conflict)
      if (problem) {
        this.#notice({ type: 'editDropped', command: edit.name, reason: problem })
        if (edit.entryId !== null) {
          this.#undo = this.#undo.filter((e) => e.id !== edit.entryId)
          this.#redo = this.#redo.filter((e) => e.id !== edit.entryId)
        }
        if (!lost) this.#keepUnfitting(edit)
        continue
      }
      if (isEmpty(changes)) continue // already in (its answer was lost), or nothing of it left
      map = next
      kept.push({ ...edit, changes, pushId: undefined })
    }
    this.#pending = kept
    this.#view = map
    this.#persist()
  }

  /** Keeps the typed text of an edit that could not be carried over. */
  #keepUnfitting(edit: Pending): void {
    for (const c of edit.changes.records) {
      if (c.after === null) continue
      const typed = TEXT_FIELDS[c.entity].some((f) => {
        const value = (c.after as Readonly<Record<string, unknown>>)[f]
        const was = (c.before as Readonly<Record<string, unknown>> | null)?.[f]
        return typeof value === 'string' && value.trim() !== '' && value !== was
      })
      if (!typed) continue
      this.#keep({
        kind: 'deletedElsewhere',
        entity: c.entity,
        recordId: c.id,
        fields: [],
        mine: c.after,
        theirs: null,
        was: c.before,
        by: null,
        restorable: true
      })
    }
  }

  #keepConflict(conflict: Conflict): void {
    const by = this.#lastOrigin.get(recordKey(conflict.entity as EntityKind, conflict.id)) ?? null
    if (conflict.kind === 'deleted') {
      this.#keep({
        kind: 'deletedElsewhere',
        entity: conflict.entity,
        recordId: conflict.id,
        fields: [],
        mine: conflict.mine,
        theirs: null,
        was: this.#deletedByOthers.get(recordKey(conflict.entity, conflict.id))?.record ?? null,
        by: this.#deletedByOthers.get(recordKey(conflict.entity, conflict.id))?.origin ?? by,
        restorable: true
      })
      return
    }
    this.#keep({
      kind: 'changedElsewhere',
      entity: conflict.entity,
      recordId: conflict.id,
      fields: conflict.fields,
      mine: conflict.mine,
      theirs: conflict.theirs,
      was: conflict.theirs,
      by,
      restorable: false
    })
  }

  #keep(entry: Omit<Recovered, 'id' | 'at'>): void {
    this.#recovered = [
      ...this.#recovered,
      { ...entry, id: `${this.#o.clientId}:${++this.#recoveredCount}`, at: this.#o.now() }
    ]
  }

  /**
   * The save loop: sends the outbox one edit at a time, oldest first, each against the revision
   * the session holds; reads the map again first when others' changes may be missing. Stops at
   * the first failure, keeping what is left.
   */
  async #flush(): Promise<void> {
    if (this.#flushing || this.#confirmed === null) return
    this.#flushing = true
    this.#failure = null
    // Conflicts answered right after reading the map: others kept committing in between. A few
    // more tries, then it is something reading again cannot fix (say, the map is in the trash).
    let conflictsAfterRead = 0
    try {
      for (;;) {
        if (this.#needsReload) {
          this.#emit()
          const fresh = await this.#o.transport.getMap(this.mapId)
          if (fresh.revision > this.#revision) this.#takeFresh(fresh)
          else
            for (const revision of [...this.#ahead.keys()]) if (revision <= this.#revision) this.#ahead.delete(revision)
          this.#needsReload = false
          this.#emit()
          continue
        }
        const edit = this.#pending.find((p) => !p.committed)
        if (!edit) break
        edit.pushId = `${this.#o.clientId}-${++this.#pushCount}`
        this.#inFlight = edit
        this.#emit()
        let result: PushResult
        try {
          result = await this.#o.transport.pushChanges({
            mapId: this.mapId,
            pushId: edit.pushId,
            baseRevision: this.#revision,
            changes: edit.changes
          })
        } catch (error) {
          this.#inFlight = null
          // No longer on its way: it is carried over onto what others committed meanwhile, like the rest.
          this.#rebuild()
          if (edit.committed) {
            // Its change event came: it is in, whatever happened to the answer.
            this.#drop(edit)
            continue
          }
          // Behind the host and no longer fitting: read the map again and carry the edit over.
          if (codeOf(error) === 'conflict' && conflictsAfterRead++ < MAX_CONFLICT_RETRIES) {
            this.#needsReload = true
            continue
          }
          this.#failure = failureOf(error)
          // Whatever happened meanwhile was not seen: read the map again before the next try.
          this.#needsReload = true
          break
        }
        this.#inFlight = null
        conflictsAfterRead = 0
        this.#accept(edit, result)
      }
    } catch (error) {
      this.#failure = failureOf(error)
      this.#needsReload = true
    } finally {
      this.#flushing = false
      this.#inFlight = null
      if (this.#pending.length === 0) this.#failure = null
      this.#emit()
    }
  }

  /** Takes the host's answer to a push. */
  #accept(edit: Pending, result: PushResult): void {
    for (const conflict of result.conflicts) this.#keepConflict(conflict)
    if (result.outcome === 'discarded') {
      this.#drop(edit)
      if (result.revision > this.#revision) this.#needsReload = true
      this.#rebuild()
      return
    }
    if (!edit.committed && result.revision > this.#revision) {
      this.#ahead.set(result.revision, {
        patch: result.applied ?? patchOf(edit.changes),
        pushId: edit.pushId,
        origin: ''
      })
      this.#advance()
    }
    // Committed but not applied yet (a gap before it): it stays on screen until the map is read again.
    if (edit.committed || result.revision <= this.#revision) this.#drop(edit)
  }

  #drop(edit: Pending): void {
    this.#pending = this.#pending.filter((p) => p !== edit)
    this.#persist()
  }

  #persist(): void {
    const outbox = this.#o.outbox
    if (!outbox || (this.#pending.length === 0 && this.#persistedEmpty)) return
    this.#persistedEmpty = this.#pending.length === 0
    const edits = this.#pending.map((p): StoredEdit => ({
      name: p.name,
      changes: p.changes,
      ...(p.steps ? { steps: p.steps, ids: p.ids } : {})
    }))
    outbox.save(this.mapId, edits.length > 0 ? edits : null)
  }

  #notice(notice: SessionNotice): void {
    for (const listener of [...this.#noticeListeners]) listener(notice)
  }

  #snapshot(): SessionState {
    return {
      map: this.#view,
      revision: this.#revision,
      undo: this.#undo,
      redo: this.#redo,
      unsaved: this.#pending,
      sending: this.#flushing,
      failure: this.#failure,
      recovered: this.#recovered
    }
  }

  #emit(): void {
    const next = this.#snapshot()
    const previous = this.#state
    if (
      next.map === previous.map &&
      next.revision === previous.revision &&
      next.undo === previous.undo &&
      next.redo === previous.redo &&
      next.unsaved === previous.unsaved &&
      next.sending === previous.sending &&
      next.failure === previous.failure &&
      next.recovered === previous.recovered
    ) {
      return
    }
    this.#state = next
    for (const listener of [...this.#listeners]) listener(next)
  }
}

function differingFields(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !isDeepEqual(a[k], b[k])).sort()
}

/** Keeps the newest `max` entries of an insertion-ordered map. */
function trim<K, V>(map: Map<K, V>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) break
    map.delete(key)
  }
}
