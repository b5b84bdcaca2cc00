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
import type { EntityKind, JourneyMap } from '../model'
import { checkIntegrity } from '../model/integrity'
import { applyPatch } from '../model/patch'
import { carryOver } from './carry-over'
import { applyChanges, changesOf, invertChanges, isEmpty, patchOf } from './changes'
import type { ChangeSet, Conflict, MapChange, PushResult } from './protocol'
import {
  EDIT_COMMAND,
  fromConflict,
  fromTypedText,
  fromUnfitting,
  OthersMemory,
  reapplication,
  type RecoveredDraft
} from './recovered'
import { revert } from './revert'
import { runSteps, type ForwardRun, type Step } from './steps'
import {
  failureOf,
  codeOf,
  type HistoryEntry,
  type PendingEdit,
  type Reason,
  type Recovered,
  type SaveFailure,
  type SessionNotice,
  type SessionOptions,
  type SessionState,
  type StoredEdit
} from './types'

export type { Step, ForwardRun } from './steps'
export * from './types'
export { TEXT_FIELDS } from './recovered'
export { applyChanges } from './changes'

type Pending = PendingEdit & {
  /** Set while (and after) it was sent: the push it went in. */
  pushId?: string
  /** The host committed it (its change event came) but its answer has not arrived yet. */
  committed?: boolean
}

const DEFAULT_HISTORY_LIMIT = 500
/** Reads of the map after which a push still refused as `conflict` is reported as a failure. */
const MAX_CONFLICT_RETRIES = 4

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
  readonly #others = new OthersMemory()
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

  /** Sends what waits again (after a failure: the map is read again first). */
  retry(): void {
    if (this.#failure) this.#needsReload = true
    this.#failure = null
    this.#emit()
    void this.#flush()
  }

  /**
   * The connection to the host is back: what it announced meanwhile never arrived, so the map is
   * read again (even with nothing to send, when no gap in the revisions would ever show it), then
   * what waits is sent.
   */
  reconnected(): void {
    this.#needsReload = true
    this.retry()
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
    const outcome = revert(this.#view, invertChanges(entry.changes))
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
    const outcome = revert(this.#view, entry.changes)
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
    if (!this.#view) return
    const draft = fromTypedText(this.#view, entity, id, values, this.#others)
    if (!draft) return
    this.#keep(draft)
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
    const edit = reapplication(entry, map)
    if ('reason' in edit) return this.#refuseRecovered(entry, edit.reason)
    const next = applyChanges(map, edit.changes)
    const problem = checkIntegrity(next, 1)[0]
    if (problem) return this.#refuseRecovered(entry, { code: 'brokenReference', detail: problem.message })
    this.#recovered = this.#recovered.filter((r) => r.id !== id)
    this.#record(edit.name, edit.changes, next)
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
      if (!own) this.#others.note(confirmed, change.patch, change.origin)
      this.#confirmed = { ...applyPatch(confirmed, change.patch), revision }
      this.#revision = revision
      if (own) own.committed = true
      changed = true
    }
    if (this.#ahead.size > 0) this.#needsReload = true
    if (changed && rebuild) this.#rebuild()
  }

  /**
   * Rebuilds the view from the committed map and the outbox, carrying each unsent edit over onto
   * what is there now (carry-over.ts): conflicts are kept for the user, edits that no longer fit
   * are dropped with the reason (and their text kept).
   */
  #rebuild(): void {
    const outcome = carryOver(this.#confirmed as JourneyMap, this.#pending, {
      committed: (edit) => edit.committed === true,
      inFlight: this.#inFlight,
      newId: this.#o.newId,
      now: this.#o.now()
    })
    for (const conflict of outcome.conflicts) this.#keepConflict(conflict)
    for (const { edit, reason, recordDeleted } of outcome.dropped) {
      this.#notice({ type: 'editDropped', command: edit.name, reason })
      if (edit.entryId !== null) {
        this.#undo = this.#undo.filter((e) => e.id !== edit.entryId)
        this.#redo = this.#redo.filter((e) => e.id !== edit.entryId)
      }
      // A deleted record's text is kept by its conflict already.
      if (!recordDeleted) fromUnfitting(edit.changes).forEach((draft) => this.#keep(draft))
    }
    this.#pending = outcome.edits.map((edit) =>
      edit.committed || edit === this.#inFlight || !edit.pushId ? edit : { ...edit, pushId: undefined }
    )
    this.#view = outcome.view
    this.#persist()
  }

  #keepConflict(conflict: Conflict): void {
    this.#keep(fromConflict(conflict, this.#others))
  }

  #keep(entry: RecoveredDraft): void {
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
