/**
 * The editor slice: a thin adapter between the app store and the editing engine
 * (src/shared/sync/session.ts), one EditingSession per map opened this session. The engine owns
 * the history, the outbox of unsaved edits, the merging of others' changes and the conflicts;
 * this slice mirrors each session's state into the store (the open one's map is `openMap`),
 * turns the engine's notices into sentences, and keeps what is the board's alone: the
 * selection and a note drag in progress.
 *
 * "Saved" means the library answered for every edit; a failure keeps every unsaved edit (also
 * in the browser's storage, editor/outbox.ts) and waits for Retry, the next edit, or the
 * connection coming back.
 */
import { failureText } from '../i18n/errors'
import type { StateCreator } from 'zustand'
import type { ApiEvent } from '../../../shared/api/contract'
import type { CommandArgs, CommandName, CommandResult } from '../../../shared/commands'
import { JourneyError } from '../../../shared/errors'
import { newId as randomId } from '../../../shared/ids'
import type { EntityKind, JourneyMap } from '../../../shared/model'
import {
  EditingSession,
  type HistoryEntry,
  type PendingEdit,
  type Reason,
  type Recovered,
  type SessionNotice,
  type SessionState,
  type StoredEdit,
  type SyncTransport
} from '../../../shared/sync/session'
import { planDrop, type DropTarget } from '../editor/edits'
import type { OutboxKeeper } from '../editor/outbox'
import { plural } from '../common/plural'
import { listOf, t, type MessageKey } from '../i18n'
import type { AppState } from './index'

export type { DropTarget } from '../editor/edits'
export type { HistoryEntry, Recovered } from '../../../shared/sync/session'

/** "Saved" only once the library has committed every edit; a failure keeps the edits and says why. */
export type SaveStatus = 'saved' | 'saving' | { readonly failed: string }

/** What is selected on the board. */
export type Selection =
  | { readonly kind: 'none' }
  | { readonly kind: 'notes'; readonly noteIds: readonly string[] }
  | { readonly kind: 'cell'; readonly stageId: string; readonly laneId: string }
  | { readonly kind: 'stage'; readonly stageId: string }
  | { readonly kind: 'lane'; readonly laneId: string }

/** Notes being dragged: transient, never saved, never in history. `target` drives the drop indicator. */
export interface NoteDrag {
  readonly noteIds: readonly string[]
  /** Where they would land if dropped now; null over a place that takes no notes. */
  readonly target: DropTarget | null
}

/** Everything the editor shows about one map's session. */
export interface MapSession {
  readonly undo: readonly HistoryEntry[]
  readonly redo: readonly HistoryEntry[]
  /** Edits applied on screen that the library has not committed yet, oldest first. */
  readonly unsaved: readonly PendingEdit[]
  /** The map's revision in the library as this session last applied it. */
  readonly revision: number
  /** True while an edit is on its way or the map is being read again. */
  readonly sending: boolean
  /** Why the last save failed, in words; null when it did not. */
  readonly failure: string | null
  /** Text that lost a conflict, kept to copy, re-apply or restore. */
  readonly recovered: readonly Recovered[]
}

/** Injected so tests can seed ids and the clock, and give pages a storage of their own. */
export interface EditorEnvironment {
  readonly newId: () => string
  readonly now: () => string
  /**
   * Where unsaved edits wait (the browser's storage), given the library's path once known;
   * null keeps them in memory only.
   */
  readonly outbox?: ((libraryPath: string, clientId: string) => OutboxKeeper | null) | null
}

export const defaultEditorEnvironment: EditorEnvironment = {
  newId: randomId,
  now: () => new Date().toISOString(),
  outbox: null
}

export interface EditorSlice {
  /** Per map id, for every map opened this session. */
  editorSessions: ReadonlyMap<string, MapSession>
  /** Over all maps: saving while any edit waits, failed while any save failed. */
  saveStatus: SaveStatus
  selection: Selection
  drag: NoteDrag | null
  /** Something the editor wants the user to know that is not an error (edits taken up after a reload). */
  editorNotice: string | null

  /**
   * Runs a command on the open map: shown at once, recorded for undo, queued for saving. Returns
   * the result (createdIds to select new notes), or null when it could not run (the reason is
   * shown with showError). A result that changes nothing (or says history: false) is neither
   * applied, recorded nor saved.
   */
  execute<N extends CommandName>(name: N, args: CommandArgs<N>): CommandResult<N> | null
  /**
   * Runs several commands, one after another, as one undo step named `name` (say, the notes of
   * a paste): all or nothing. Returns what they created, or null when one could not run (said why).
   */
  executeMany(
    name: CommandName,
    calls: readonly { readonly name: CommandName; readonly args: unknown }[]
  ): { readonly createdIds: readonly string[]; readonly history: boolean } | null
  /** Undoes the last step on the open map; false when there was none or it no longer fits (said why). */
  undo(): boolean
  redo(): boolean

  select(selection: Selection): void
  /** Replaces the selected notes, adds to them (shift-click, rubber band) or toggles them. */
  selectNotes(noteIds: readonly string[], mode?: 'replace' | 'add' | 'toggle'): void
  selectAllNotes(): void
  clearSelection(): void

  /** A drag of notes starts (after the pointer moved past the threshold). */
  beginDrag(noteIds: readonly string[]): void
  /** The drop target under the pointer changed; cheap to call on every pointer move. */
  dragOver(target: DropTarget | null): void
  /** Ends the drag: moves the notes as one undo step. False when nothing moved. */
  drop(): boolean
  /** Esc, pointercancel, blur: the drag ends and nothing changes. */
  cancelDrag(): void

  /** Sends every unsaved edit again (after a failure). */
  retrySave(): void
  /** The connection is back: the open map (and any with unsaved edits) is read again, then what waits is sent. */
  reconnected(): void
  /** Library events from the transport: others' changes are applied to the maps open this session. */
  receiveEvent(event: ApiEvent): void
  /** Shows a map just read from the library (goToMap), with this session's unsaved edits on top. */
  showLoadedMap(map: JourneyMap): void
  /**
   * Unsaved edits left by an earlier page (a reload, a crash): taken up and sent, with a word to
   * the user. Needs the library's path (appInfo) to find them.
   */
  resumeStoredEdits(): Promise<void>
  /** Forgets the unsaved edits of every map (the user chose to discard them on closing). */
  discardUnsavedEdits(): void

  /** Keeps text typed into a record that changed or went away meanwhile (see Recovered). */
  keepText(entity: EntityKind, id: string, values: Readonly<Record<string, unknown>>): void
  dismissRecovered(mapId: string, id: string): void
  /** Applies recovered text (or restores a deleted note) as a new edit; false when it no longer fits (said why). */
  reapplyRecovered(mapId: string, id: string): boolean
  dismissEditorNotice(): void
}

const NOTHING: Selection = { kind: 'none' }
const NO_IDS: readonly string[] = []
const NO_RECOVERED: readonly Recovered[] = []

const commandLabel = (name: CommandName) => t(`editor.command.${name}` as MessageKey)
const entityLabel = (entity: EntityKind | 'map') => t(`editor.entity.${entity}` as MessageKey)

/** A reason as a sentence fragment, in the user's language. */
export function reasonText(reason: Reason): string {
  switch (reason.code) {
    case 'deletedElsewhere':
      return t('editor.reason.deletedElsewhere', { entity: entityLabel(reason.entity) })
    case 'changedElsewhere':
      return t('editor.reason.changedElsewhere', {
        entity: entityLabel(reason.entity),
        fields: listOf(reason.fields.map(fieldLabel))
      })
    case 'brokenReference':
      return t('editor.reason.brokenReference', { detail: reason.detail })
    case 'exists':
      return t('editor.reason.exists', { entity: entityLabel(reason.entity) })
    case 'refused':
      return failureText({ code: 'invalid_request', message: reason.message || null, why: reason.why })
  }
}

const LABELLED_FIELDS = new Set([
  'text',
  'title',
  'prompt',
  'description',
  'color',
  'kind',
  'channel',
  'category',
  'personaIds',
  'order',
  'stageId',
  'laneId',
  'votes',
  'severity',
  'impact',
  'effort',
  'label',
  'width',
  'height',
  'collapsed',
  'score',
  'note',
  'name',
  'value',
  'target',
  'unit',
  'emotionScale'
])

/** A record field's name as the user knows it ("text", "colour"); the field's own name otherwise. */
export function fieldLabel(field: string): string {
  return LABELLED_FIELDS.has(field) ? t(`editor.field.${field}` as MessageKey) : field
}

/** The open map's session, for the selectors below. */
export const selectOpenSession = (s: AppState): MapSession | undefined =>
  s.openMap ? s.editorSessions.get(s.openMap.id) : undefined
export const selectCanUndo = (s: AppState): boolean => (selectOpenSession(s)?.undo.length ?? 0) > 0
export const selectCanRedo = (s: AppState): boolean => (selectOpenSession(s)?.redo.length ?? 0) > 0
/** "Undo Move note", or null when there is nothing to undo. */
export const selectUndoLabel = (s: AppState): string | null => {
  const entry = selectOpenSession(s)?.undo.at(-1)
  return entry ? t('editor.undo', { edit: commandLabel(entry.name) }) : null
}
export const selectRedoLabel = (s: AppState): string | null => {
  const entry = selectOpenSession(s)?.redo.at(-1)
  return entry ? t('editor.redo', { edit: commandLabel(entry.name) }) : null
}
export const selectSelectedNoteIds = (s: AppState): readonly string[] =>
  s.selection.kind === 'notes' ? s.selection.noteIds : NO_IDS
/** True while any edit of any map is not committed (ask before closing the window). */
export const selectHasUnsavedEdits = (s: AppState): boolean =>
  [...s.editorSessions.values()].some((session) => session.unsaved.length > 0)
/** Recovered text of the open map, oldest first. */
export const selectRecovered = (s: AppState): readonly Recovered[] => selectOpenSession(s)?.recovered ?? NO_RECOVERED

function saveStatusOf(sessions: ReadonlyMap<string, MapSession>, openMapId: string | undefined, previous: SaveStatus) {
  let failed: string | null = null
  let waiting = false
  for (const [id, session] of sessions) {
    if (session.failure && (failed === null || id === openMapId)) failed = session.failure
    if (session.unsaved.length > 0) waiting = true
  }
  const next: SaveStatus = failed !== null ? { failed } : waiting ? 'saving' : 'saved'
  const same =
    typeof next === 'object' ? typeof previous === 'object' && previous.failed === next.failed : next === previous
  return same ? previous : next
}

/** The selection without what `map` no longer has; the same object when nothing went. */
function pruneSelection(selection: Selection, map: JourneyMap | null): Selection {
  if (selection.kind === 'none') return selection
  if (!map) return NOTHING
  switch (selection.kind) {
    case 'notes': {
      const ids = new Set(map.notes.map((n) => n.id))
      const kept = selection.noteIds.filter((id) => ids.has(id))
      if (kept.length === selection.noteIds.length) return selection
      return kept.length > 0 ? { kind: 'notes', noteIds: kept } : NOTHING
    }
    case 'cell':
      return map.stages.some((s) => s.id === selection.stageId) && map.lanes.some((l) => l.id === selection.laneId)
        ? selection
        : NOTHING
    case 'stage':
      return map.stages.some((s) => s.id === selection.stageId) ? selection : NOTHING
    case 'lane':
      return map.lanes.some((l) => l.id === selection.laneId) ? selection : NOTHING
  }
}

function sessionView(state: SessionState): MapSession {
  return {
    undo: state.undo,
    redo: state.redo,
    unsaved: state.unsaved,
    revision: state.revision,
    sending: state.sending,
    failure: state.failure ? failureText(state.failure) : null,
    recovered: state.recovered
  }
}

export function createEditorSlice(
  env: EditorEnvironment = defaultEditorEnvironment
): StateCreator<AppState, [], [], EditorSlice> {
  return (set, get) => {
    const clientId = `c${env.newId()}`
    const engines = new Map<string, EditingSession>()
    let outbox: OutboxKeeper | null = null
    /** Edits saved before the library's path (the outbox's scope) was known. */
    const early = new Map<string, readonly StoredEdit[] | null>()

    const outboxStore = {
      save(mapId: string, edits: readonly StoredEdit[] | null) {
        if (outbox) outbox.save(mapId, edits)
        else early.set(mapId, edits)
      }
    }

    let outboxTried = false
    const ensureOutbox = (): OutboxKeeper | null => {
      const libraryPath = get().appInfo?.libraryPath
      if (outboxTried || !env.outbox || libraryPath === undefined) return outbox
      outboxTried = true
      outbox = env.outbox(libraryPath, clientId)
      if (outbox) for (const [mapId, edits] of early) outbox.save(mapId, edits)
      early.clear()
      return outbox
    }

    const transport: SyncTransport = {
      pushChanges: (request) => {
        const api = get().api
        if (!api) return Promise.reject(new JourneyError('storage', t('app.connectionLost')))
        return api.pushChanges(request)
      },
      getMap: (id) => {
        const api = get().api
        if (!api) return Promise.reject(new JourneyError('storage', t('app.connectionLost')))
        return api.getMap({ id })
      }
    }

    const onNotice = (mapId: string, notice: SessionNotice) => {
      switch (notice.type) {
        case 'commandFailed':
          if (!(notice.error instanceof JourneyError)) console.error(notice.error)
          get().showError(notice.error)
          return
        case 'editDropped':
          get().showError(
            new JourneyError(
              'conflict',
              t('editor.editDropped', { edit: commandLabel(notice.command), reason: reasonText(notice.reason) })
            )
          )
          return
        case 'undoFailed':
        case 'redoFailed':
          get().showError(
            new JourneyError(
              'conflict',
              t(notice.type === 'undoFailed' ? 'editor.undoFailed' : 'editor.redoFailed', {
                edit: commandLabel(notice.command),
                reason: reasonText(notice.reason)
              })
            )
          )
          return
        case 'undoPartial':
        case 'redoPartial':
          set({
            editorNotice: t(notice.type === 'undoPartial' ? 'editor.undoPartial' : 'editor.redoPartial', {
              edit: commandLabel(notice.command),
              reason: reasonText(notice.reason)
            })
          })
          return
        case 'replayed':
          set({
            editorNotice: plural('editor.replayed', notice.count, {
              title: engines.get(mapId)?.map?.title ?? t('editor.entity.map')
            })
          })
          return
      }
    }

    /** Mirrors one session's state into the store (and its map into openMap when it is the open one). */
    const mirror = (mapId: string, state: SessionState) =>
      set((s) => {
        const sessions = new Map(s.editorSessions)
        sessions.set(mapId, sessionView(state))
        const isOpen = s.openMap?.id === mapId && state.map !== null
        const openMap = isOpen ? state.map : s.openMap
        return {
          editorSessions: sessions,
          saveStatus: saveStatusOf(sessions, openMap?.id, s.saveStatus),
          ...(isOpen && openMap !== s.openMap ? { openMap, selection: pruneSelection(s.selection, openMap) } : {})
        }
      })

    const engineFor = (mapId: string): EditingSession => {
      let engine = engines.get(mapId)
      if (engine) return engine
      ensureOutbox()
      engine = new EditingSession({
        mapId,
        transport,
        clientId,
        newId: env.newId,
        now: env.now,
        outbox: outboxStore
      })
      engines.set(mapId, engine)
      const created = engine
      engine.subscribe((state) => mirror(mapId, state))
      engine.onNotice((notice) => onNotice(mapId, notice))
      mirror(mapId, created.state)
      return engine
    }

    /** Takes up the unsaved edits that pages gone meanwhile left in this browser. */
    const resumeOrphans = async (): Promise<void> => {
      const keeper = ensureOutbox()
      const api = get().api
      if (!keeper || !api) return
      const orphans = keeper.orphans()
      const taken: string[] = []
      for (const [mapId, edits] of orphans.edits) {
        const engine = engineFor(mapId)
        try {
          if (!engine.map) engine.load(await api.getMap({ id: mapId }))
        } catch (error) {
          // Kept where they are: tried again when the connection comes back, or said why not.
          if (error instanceof JourneyError && error.code === 'not_found') {
            get().showError(
              new JourneyError('not_found', t('editor.unsavedMapGone', { count: edits.length, reason: error.message }))
            )
          }
          continue
        }
        engine.adopt(edits)
        taken.push(mapId)
      }
      orphans.release(taken)
      if (orphans.unreadable > 0) get().showError(new JourneyError('invalid_request', t('editor.outboxUnreadable')))
    }
    let resuming: Promise<void> | null = null

    const openEngine = () => {
      const map = get().openMap
      return map ? engines.get(map.id) : undefined
    }

    const perform = (name: CommandName, steps: readonly { name: CommandName; args: unknown }[]) => {
      const engine = openEngine()
      return engine ? engine.run(name, steps) : null
    }

    return {
      editorSessions: new Map(),
      saveStatus: 'saved',
      selection: NOTHING,
      drag: null,
      editorNotice: null,

      execute(name, args) {
        const run = perform(name, [{ name, args }])
        return run
          ? { name, patch: run.patch, inverse: run.inverse, history: run.history, createdIds: run.createdIds }
          : null
      },

      executeMany(name, calls) {
        if (calls.length === 0) return null
        const run = perform(name, calls)
        return run ? { createdIds: run.createdIds, history: run.history } : null
      },

      undo: () => openEngine()?.undo() ?? false,
      redo: () => openEngine()?.redo() ?? false,

      select(selection) {
        set((state) => ({ selection: pruneSelection(selection, state.openMap) }))
      },

      selectNotes(noteIds, mode = 'replace') {
        const current = selectSelectedNoteIds(get())
        let next: readonly string[]
        if (mode === 'replace') next = [...new Set(noteIds)]
        else if (mode === 'add') next = [...new Set([...current, ...noteIds])]
        else {
          const toggled = new Set(noteIds)
          next = [...current.filter((id) => !toggled.has(id)), ...noteIds.filter((id) => !current.includes(id))]
        }
        get().select(next.length > 0 ? { kind: 'notes', noteIds: next } : NOTHING)
      },

      selectAllNotes() {
        const map = get().openMap
        set({
          selection: map && map.notes.length > 0 ? { kind: 'notes', noteIds: map.notes.map((n) => n.id) } : NOTHING
        })
      },

      clearSelection() {
        if (get().selection.kind !== 'none') set({ selection: NOTHING })
      },

      beginDrag(noteIds) {
        const map = get().openMap
        const present = new Set(map?.notes.map((n) => n.id))
        const dragged = noteIds.filter((id) => present.has(id))
        set({ drag: dragged.length > 0 ? { noteIds: dragged, target: null } : null })
      },

      dragOver(target) {
        const drag = get().drag
        if (!drag) return
        const same =
          target === drag.target ||
          (target !== null &&
            drag.target !== null &&
            target.stageId === drag.target.stageId &&
            target.laneId === drag.target.laneId &&
            target.index === drag.target.index)
        if (!same) set({ drag: { ...drag, target } })
      },

      drop() {
        const { drag, openMap: map } = get()
        set({ drag: null })
        if (!drag?.target || !map) return false
        const run = perform('moveNote', planDrop(map, drag.noteIds, drag.target))
        return run?.history ?? false
      },

      cancelDrag() {
        if (get().drag) set({ drag: null })
      },

      retrySave() {
        for (const engine of engines.values()) engine.retry()
      },

      reconnected() {
        const { route } = get()
        for (const [mapId, engine] of engines) {
          // A map not on screen with nothing to send is read again when it is opened (goToMap).
          if ((route.name === 'map' && route.mapId === mapId) || engine.state.unsaved.length > 0) engine.reconnected()
        }
      },

      receiveEvent(event) {
        if (event.type === 'mapChanged') engines.get(event.mapId)?.receive(event)
      },

      showLoadedMap(map) {
        const { route } = get()
        if (route.name !== 'map' || route.mapId !== map.id) return // the user went elsewhere meanwhile
        const engine = engineFor(map.id)
        engine.load(map)
        set((s) => ({
          openMap: engine.map ?? map,
          selection: NOTHING,
          drag: null,
          saveStatus: saveStatusOf(s.editorSessions, map.id, s.saveStatus)
        }))
      },

      resumeStoredEdits() {
        // One at a time: two at once would take the same edits up twice.
        resuming ??= resumeOrphans().finally(() => (resuming = null))
        return resuming
      },

      discardUnsavedEdits() {
        for (const [mapId, engine] of engines) {
          if (engine.state.unsaved.length > 0) outboxStore.save(mapId, null)
        }
      },

      keepText(entity, id, values) {
        openEngine()?.keepText(entity, id, values)
      },

      dismissRecovered(mapId, id) {
        engines.get(mapId)?.dismissRecovered(id)
      },

      reapplyRecovered(mapId, id) {
        return engines.get(mapId)?.reapplyRecovered(id) ?? false
      },

      dismissEditorNotice() {
        if (get().editorNotice !== null) set({ editorNotice: null })
      }
    }
  }
}
