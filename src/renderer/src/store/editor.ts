/**
 * The editing core of the board: named commands applied at once to the open map, undo/redo per
 * map for the session, the selection, a note drag as one step, and a save queue that tells the
 * truth.
 *
 * `openMap` (the view slice) stays the one map the board draws; this slice replaces it on every
 * edit. Edits go to the library one at a time, in order, each against the revision the library
 * last confirmed; "saved" means the library answered. A failed save keeps every unsaved edit and
 * waits for retrySave() (or the next edit). When the library has a newer revision than ours
 * (someone else's edit, announced by an event or found through a conflict), the map is reloaded
 * and the unsaved edits are carried over on top of it; loading never enters undo history.
 */
import type { StateCreator } from 'zustand'
import type { ApiEvent } from '../../../shared/api/contract'
import type { CommandArgs, CommandName, CommandResult } from '../../../shared/commands'
import { JourneyError } from '../../../shared/errors'
import { newId as randomId } from '../../../shared/ids'
import type { JourneyMap } from '../../../shared/model'
import { applyPatch } from '../../../shared/model/patch'
import type { Patch } from '../../../shared/model/patch'
import {
  codeOf,
  planDrop,
  prepareBackward,
  reasonOf,
  rebaseUnsaved,
  runSteps,
  type DropTarget,
  type ForwardRun,
  type Step,
  type UnsavedEdit
} from '../editor/edits'
import { t, type MessageKey } from '../i18n'
import type { AppState } from './index'

export type { DropTarget, UnsavedEdit } from '../editor/edits'

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

/** One undo step. */
export interface HistoryEntry {
  readonly id: number
  /** The command, for Edit ▸ Undo "Move note". */
  readonly name: CommandName
  /** How to do it again (redo re-runs them on the map as it is then). */
  readonly steps: readonly Step[]
  readonly ids: readonly string[]
  /** The patch as last applied, and the inverse that undoes it. */
  readonly patch: Patch
  readonly inverse: Patch
}

/** Everything the editor keeps about one map for the session. */
export interface MapSession {
  readonly undo: readonly HistoryEntry[]
  readonly redo: readonly HistoryEntry[]
  /** Edits applied on screen that the library has not committed yet, oldest first. */
  readonly unsaved: readonly UnsavedEdit[]
  /** The map's revision in the library including every edit it committed for us. */
  readonly revision: number
  /** The newest revision the library announced; above `revision` means someone else's change to load. */
  readonly announced: number
  /** True while the save loop runs for this map (one request at a time). */
  readonly sending: boolean
  /** Why the last save failed, in words; null when it did not. */
  readonly failure: string | null
}

/** Injected so tests can seed ids and the clock. */
export interface EditorEnvironment {
  readonly newId: () => string
  readonly now: () => string
}

export const defaultEditorEnvironment: EditorEnvironment = {
  newId: randomId,
  now: () => new Date().toISOString()
}

/** Undo steps kept per map; the oldest go first. */
export const MAX_UNDO_STEPS = 500

export interface EditorSlice {
  /** Per map id, for every map opened this session. */
  editorSessions: ReadonlyMap<string, MapSession>
  /** Over all maps: saving while any edit waits, failed while any save failed. */
  saveStatus: SaveStatus
  selection: Selection
  drag: NoteDrag | null

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
  /** Library events from the transport: a newer revision of an open map is loaded. */
  receiveEvent(event: ApiEvent): void
  /** Shows a map just read from the library (goToMap), with this session's unsaved edits on top. */
  showLoadedMap(map: JourneyMap): void
}

const NOTHING: Selection = { kind: 'none' }
const NO_IDS: readonly string[] = []

const newSession = (revision: number): MapSession => ({
  undo: [],
  redo: [],
  unsaved: [],
  revision,
  announced: revision,
  sending: false,
  failure: null
})

const commandLabel = (name: CommandName) => t(`editor.command.${name}` as MessageKey)

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

export function createEditorSlice(
  env: EditorEnvironment = defaultEditorEnvironment
): StateCreator<AppState, [], [], EditorSlice> {
  return (set, get) => {
    let lastEntryId = 0

    const sessionOf = (mapId: string) => get().editorSessions.get(mapId)

    /** Updates one map's session (and anything else given) in one store update. */
    const update = (
      mapId: string,
      change: (session: MapSession) => Partial<MapSession>,
      also: (state: AppState) => Partial<AppState> = () => ({})
    ) =>
      set((state) => {
        const sessions = new Map(state.editorSessions)
        const current = sessions.get(mapId) ?? newSession(0)
        sessions.set(mapId, { ...current, ...change(current) })
        const extra = also(state)
        const openMap = extra.openMap !== undefined ? extra.openMap : state.openMap
        const mapChanged = extra.openMap !== undefined && extra.openMap !== state.openMap
        return {
          ...extra,
          editorSessions: sessions,
          saveStatus: saveStatusOf(sessions, openMap?.id, state.saveStatus),
          selection: mapChanged
            ? pruneSelection(extra.selection ?? state.selection, openMap)
            : (extra.selection ?? state.selection)
        }
      })

    /** Puts the map on screen when it is the open one. */
    const show = (mapId: string, map: JourneyMap) => (state: AppState) =>
      state.openMap?.id === mapId ? { openMap: map } : {}

    const report = (message: string) => get().showError(new JourneyError('conflict', message))

    /** Records a forward run as a new undo step and queues it for saving. */
    const record = (map: JourneyMap, name: CommandName, steps: readonly Step[], run: ForwardRun) => {
      const entry: HistoryEntry = {
        id: ++lastEntryId,
        name,
        steps,
        ids: run.ids,
        patch: run.patch,
        inverse: run.inverse
      }
      update(
        map.id,
        (s) => ({
          undo: [...s.undo, entry].slice(-MAX_UNDO_STEPS),
          redo: [],
          unsaved: [
            ...s.unsaved,
            { direction: 'forward', entryId: entry.id, name, patch: run.patch, steps, ids: run.ids }
          ]
        }),
        show(map.id, run.map)
      )
      void flush(map.id)
    }

    const perform = (name: CommandName, steps: readonly Step[]): ForwardRun | null => {
      const map = get().openMap
      if (!map) return null
      let run: ForwardRun
      try {
        run = runSteps(map, steps, [], env.newId, env.now())
      } catch (error) {
        if (!(error instanceof JourneyError)) console.error(error)
        get().showError(error)
        return null
      }
      if (run.history) record(map, name, steps, run)
      return run
    }

    /** Reads the map again and carries the unsaved edits over; 'moved' when the library had a newer revision. */
    const reload = async (mapId: string): Promise<'moved' | 'same'> => {
      const api = get().api
      if (!api) throw new JourneyError('storage', t('app.connectionLost'))
      const announcedBefore = sessionOf(mapId)?.announced ?? 0
      const fresh = await api.getMap({ id: mapId })
      const session = sessionOf(mapId)
      if (!session || fresh.revision <= session.revision) {
        // Nothing newer after all; keep only an announcement that arrived while we were reading.
        update(mapId, (s) => ({ announced: s.announced > announcedBefore ? s.announced : s.revision }))
        return 'same'
      }
      const outcome = rebaseUnsaved(fresh, session.unsaved, env.newId, env.now())
      const dropped = new Set(outcome.dropped.map((d) => d.entryId))
      const refresh = (entries: readonly HistoryEntry[]) =>
        entries
          .filter((e) => !dropped.has(e.id))
          .map((e) => {
            const rerun = outcome.rerun.get(e.id)
            return rerun ? { ...e, ...rerun } : e
          })
      update(
        mapId,
        (s) => ({
          revision: fresh.revision,
          announced: Math.max(s.announced, fresh.revision),
          unsaved: outcome.unsaved,
          undo: refresh(s.undo),
          redo: refresh(s.redo)
        }),
        show(mapId, outcome.map)
      )
      if (outcome.dropped.length > 0) {
        report(
          outcome.dropped
            .map(({ name, reason }) => t('editor.editDropped', { edit: commandLabel(name), reason }))
            .join(' ')
        )
      }
      return 'moved'
    }

    const needsReload = (mapId: string, s: MapSession) =>
      s.announced > s.revision && (s.unsaved.length > 0 || get().openMap?.id === mapId)

    /**
     * The save loop of one map: sends unsaved edits one by one, oldest first, each against the
     * revision the library last confirmed; reloads when the library has a newer revision. Stops
     * at the first failure, keeping what is left.
     */
    const flush = async (mapId: string): Promise<void> => {
      const start = sessionOf(mapId)
      const api = get().api
      if (!start || !api || start.sending) return
      if (start.unsaved.length === 0 && !needsReload(mapId, start)) return
      update(mapId, () => ({ sending: true, failure: null }))
      let failure: string | null = null
      try {
        for (;;) {
          const session = sessionOf(mapId) as MapSession
          if (needsReload(mapId, session)) {
            await reload(mapId)
            continue
          }
          const next = session.unsaved[0]
          if (!next) break
          try {
            const { revision } = await api.applyPatch({ mapId, baseRevision: session.revision, patch: next.patch })
            update(mapId, (s) => ({
              revision,
              announced: Math.max(s.announced, revision),
              unsaved: s.unsaved.slice(1)
            }))
          } catch (error) {
            // A conflict with our revision still current is not about revisions (say, the map is in the trash).
            if (codeOf(error) === 'conflict' && (await reload(mapId)) === 'moved') continue
            failure = reasonOf(error)
            break
          }
        }
      } catch (error) {
        failure = reasonOf(error)
      } finally {
        // A failed reload with nothing unsaved loses no work: the next event or visit loads again.
        update(mapId, (s) => ({ sending: false, failure: s.unsaved.length > 0 ? failure : null }))
      }
    }

    return {
      editorSessions: new Map(),
      saveStatus: 'saved',
      selection: NOTHING,
      drag: null,

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

      undo() {
        const map = get().openMap
        const entry = map ? sessionOf(map.id)?.undo.at(-1) : undefined
        if (!map || !entry) return false
        const prepared = prepareBackward(map, entry.inverse, entry.patch)
        if ('problem' in prepared) {
          update(map.id, (s) => ({ undo: s.undo.slice(0, -1) }))
          report(t('editor.undoFailed', { edit: commandLabel(entry.name), reason: prepared.problem }))
          return false
        }
        const edit: UnsavedEdit = {
          direction: 'backward',
          entryId: entry.id,
          name: entry.name,
          patch: prepared.patch,
          forward: entry.patch
        }
        update(
          map.id,
          (s) => ({
            undo: s.undo.slice(0, -1),
            redo: [...s.redo, entry],
            unsaved: prepared.patch.length > 0 ? [...s.unsaved, edit] : s.unsaved
          }),
          show(map.id, prepared.map)
        )
        void flush(map.id)
        return true
      },

      redo() {
        const map = get().openMap
        const entry = map ? sessionOf(map.id)?.redo.at(-1) : undefined
        if (!map || !entry) return false
        let run: ForwardRun
        try {
          run = runSteps(map, entry.steps, entry.ids, env.newId, env.now())
        } catch (error) {
          update(map.id, (s) => ({ redo: s.redo.slice(0, -1) }))
          report(t('editor.redoFailed', { edit: commandLabel(entry.name), reason: reasonOf(error) }))
          return false
        }
        const redone: HistoryEntry = { ...entry, ids: run.ids, patch: run.patch, inverse: run.inverse }
        const edit: UnsavedEdit = {
          direction: 'forward',
          entryId: entry.id,
          name: entry.name,
          patch: run.patch,
          steps: entry.steps,
          ids: run.ids
        }
        update(
          map.id,
          (s) => ({
            redo: s.redo.slice(0, -1),
            undo: [...s.undo, redone],
            unsaved: run.patch.length > 0 ? [...s.unsaved, edit] : s.unsaved
          }),
          show(map.id, run.map)
        )
        void flush(map.id)
        return true
      },

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
        for (const mapId of get().editorSessions.keys()) void flush(mapId)
      },

      receiveEvent(event) {
        if (event.type !== 'mapChanged') return
        const session = sessionOf(event.mapId)
        // A revision we already have is our own edit coming back (or an older one): nothing to load.
        if (!session || event.revision <= session.announced) return
        update(event.mapId, () => ({ announced: event.revision }))
        void flush(event.mapId)
      },

      showLoadedMap(map) {
        const { route } = get()
        if (route.name !== 'map' || route.mapId !== map.id) return // the user went elsewhere meanwhile
        const session = sessionOf(map.id)
        if (!session || (session.unsaved.length === 0 && !session.sending)) {
          // A read that crossed our last commit is older than what we know: the loop reloads it.
          update(
            map.id,
            (s) => ({ revision: map.revision, announced: Math.max(s.announced, s.revision, map.revision) }),
            () => ({ openMap: map, selection: NOTHING, drag: null })
          )
          void flush(map.id)
          return
        }
        // Edits of this map are still on their way: show them on top now; the save loop reloads
        // properly (carrying them over) if the library has moved on.
        const shown = session.unsaved.reduce((m, edit) => applyPatch(m, edit.patch), map)
        update(
          map.id,
          (s) => ({ announced: Math.max(s.announced, map.revision) }),
          () => ({
            openMap: shown,
            selection: NOTHING,
            drag: null
          })
        )
        void flush(map.id)
      }
    }
  }
}
