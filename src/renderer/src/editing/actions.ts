/**
 * What the board's menus, side panel, toolbar and keys can ask for, as data (BoardAction), and
 * carrying it out on the app store and the board's UI state. The same action does the same
 * thing whichever way the user asked, and a menu can be built and tested without React.
 */
import { NOTE_COLORS, NOTE_KIND_FOR_LANE, type CommandName, type CommandResult } from '../../../shared/commands'
import type { JourneyMap, LaneKind, MarkerTarget } from '../../../shared/model'
import { t } from '../i18n'
import type { AppState } from '../store'
import type { Selection } from '../store/editor'
import type { CommandCall, Effect, Preview, SeriesRef } from './gesture'
import { setBoardUi, useBoardUi, type EditorTarget, type RenameTarget } from './ui-store'

export type BoardAction =
  /** Runs commands, each its own undo step. */
  | { readonly type: 'execute'; readonly calls: readonly CommandCall[] }
  | { readonly type: 'editNote'; readonly noteId: string }
  | { readonly type: 'newNote'; readonly stageId: string; readonly laneId: string }
  | { readonly type: 'duplicate'; readonly noteIds: readonly string[] }
  | { readonly type: 'rename'; readonly target: RenameTarget }
  | { readonly type: 'markerDialog'; readonly target: MarkerTarget; readonly markerId?: string }
  | { readonly type: 'deleteStage'; readonly stageId: string }
  | { readonly type: 'deleteLane'; readonly laneId: string }
  | { readonly type: 'addStage'; readonly index: number }
  | { readonly type: 'addLane'; readonly kind: LaneKind; readonly index: number }
  | { readonly type: 'connectMode'; readonly on: boolean }
  /** Sets a series' point over a stage, and makes it the series clicks in the emotion lane add to. */
  | { readonly type: 'setPoint'; readonly series: SeriesRef; readonly stageId: string; readonly score: number }

/** Runs one named command; the result, or null when it could not run (the store said why). */
export function executeCall(state: AppState, call: CommandCall): CommandResult | null {
  const execute = state.execute as (name: CommandName, args: unknown) => CommandResult | null
  return execute(call.name, call.args)
}

/** Whether a note can be added to a cell: both exist and are open, and the lane is not the emotion lane. */
export function canAddNote(map: JourneyMap, stageId: string, laneId: string): boolean {
  const stage = map.stages.find((s) => s.id === stageId)
  const lane = map.lanes.find((l) => l.id === laneId)
  return !!stage && !!lane && !stage.collapsed && !lane.collapsed && lane.kind !== 'emotions'
}

/** The first cell (reading order) that takes notes. */
export function firstNoteCell(map: JourneyMap): { stageId: string; laneId: string } | null {
  const stages = [...map.stages].sort((a, b) => a.order - b.order)
  const lanes = [...map.lanes].sort((a, b) => a.order - b.order)
  for (const lane of lanes) {
    for (const stage of stages) if (canAddNote(map, stage.id, lane.id)) return { stageId: stage.id, laneId: lane.id }
  }
  return null
}

/** The cell "Add note" and N add to: the selected cell, the cell of the selected note, or the first cell. */
export function cellForNewNote(map: JourneyMap, selection: Selection): { stageId: string; laneId: string } | null {
  if (selection.kind === 'cell' && canAddNote(map, selection.stageId, selection.laneId)) {
    return { stageId: selection.stageId, laneId: selection.laneId }
  }
  if (selection.kind === 'notes') {
    const note = map.notes.find((n) => n.id === selection.noteIds.at(-1))
    if (note && canAddNote(map, note.stageId, note.laneId)) return { stageId: note.stageId, laneId: note.laneId }
  }
  return firstNoteCell(map)
}

/** Opens the text editor on a new note for a cell (nothing is created until the text is committed). */
export function startNewNote(map: JourneyMap, stageId: string, laneId: string): boolean {
  if (!canAddNote(map, stageId, laneId)) return false
  setBoardUi({ editor: { kind: 'new', stageId, laneId }, menu: null })
  return true
}

/** The colour a new note of a lane gets. */
export function newNoteColor(map: JourneyMap, laneId: string): string {
  const lane = map.lanes.find((l) => l.id === laneId)
  return NOTE_COLORS[lane ? NOTE_KIND_FOR_LANE[lane.kind] : 'note']
}

/**
 * Ends the text editor with `text`: a new note is added (only if it has text) and selected; an
 * edited note keeps its id and gets the text when it changed. `openedWith` is the note's text
 * when the editor opened: if someone else changed or deleted the note meanwhile, their change
 * (saved first) stays and the typed text is kept as recovered text instead of overwriting it.
 */
export function commitNoteText(state: AppState, target: EditorTarget, text: string, openedWith?: string): void {
  setBoardUi({ editor: null })
  const map = state.openMap
  if (!map) return
  if (target.kind === 'new') {
    if (!text.trim()) return
    const result = state.execute('addNote', { stageId: target.stageId, laneId: target.laneId, text })
    if (result) state.selectNotes(result.createdIds)
    return
  }
  const note = map.notes.find((n) => n.id === target.noteId)
  const typed = openedWith === undefined || text !== openedWith
  if (!note) {
    // Deleted elsewhere while it was being typed in: the text is kept, with a way to restore the note.
    if (typed) state.keepText('note', target.noteId, { text })
    return
  }
  if (note.text === text) return
  // Changed elsewhere while it was being typed in: that change was saved first and stays; the
  // typed text is kept for the user to copy or apply.
  if (openedWith !== undefined && note.text !== openedWith && typed) {
    state.keepText('note', note.id, { text })
    return
  }
  state.execute('editNote', { noteId: note.id, text })
}

/** What deleting a stage or lane would take with it. */
export function contentsOf(map: JourneyMap, what: 'stage' | 'lane', id: string): { notes: number; points: number } {
  if (what === 'stage') {
    return {
      notes: map.notes.filter((n) => n.stageId === id).length,
      points:
        map.emotionPoints.filter((p) => p.stageId === id).length + map.metrics.filter((m) => m.stageId === id).length
    }
  }
  const lane = map.lanes.find((l) => l.id === id)
  const curves = lane?.kind === 'emotions' && map.lanes.filter((l) => l.kind === 'emotions').length === 1
  return { notes: map.notes.filter((n) => n.laneId === id).length, points: curves ? map.emotionPoints.length : 0 }
}

/** Deletes a stage or lane at once when it is empty; otherwise asks first (it can be undone either way). */
function deleteOrAsk(state: AppState, what: 'stage' | 'lane', id: string): void {
  const map = state.openMap
  if (!map) return
  const { notes, points } = contentsOf(map, what, id)
  if (notes + points > 0) {
    setBoardUi({ dialog: { kind: 'confirmDelete', what, id }, menu: null })
    return
  }
  if (what === 'stage') state.execute('deleteStage', { stageId: id })
  else state.execute('deleteLane', { laneId: id })
}

/** Carries out an action from a menu, the side panel, the toolbar or a key. */
export function perform(action: BoardAction, state: AppState): void {
  const map = state.openMap
  if (!map) return
  switch (action.type) {
    case 'execute':
      for (const call of action.calls) if (!executeCall(state, call)) break
      return
    case 'editNote':
      if (map.notes.some((n) => n.id === action.noteId)) {
        state.selectNotes([action.noteId])
        setBoardUi({ editor: { kind: 'note', noteId: action.noteId }, menu: null })
      }
      return
    case 'newNote':
      startNewNote(map, action.stageId, action.laneId)
      return
    case 'duplicate': {
      const result = state.execute('duplicateNotes', { noteIds: action.noteIds })
      if (result) state.selectNotes(result.createdIds)
      return
    }
    case 'rename':
      setBoardUi({ rename: action.target, menu: null })
      return
    case 'markerDialog':
      setBoardUi({ dialog: { kind: 'marker', target: action.target, markerId: action.markerId }, menu: null })
      return
    case 'deleteStage':
      deleteOrAsk(state, 'stage', action.stageId)
      return
    case 'deleteLane':
      deleteOrAsk(state, 'lane', action.laneId)
      return
    case 'addStage': {
      const result = state.execute('addStage', { title: t('interaction.stage.newTitle'), index: action.index })
      const id = result?.createdIds[0]
      if (id) {
        state.select({ kind: 'stage', stageId: id })
        setBoardUi({ rename: { kind: 'stage', id }, menu: null })
      }
      return
    }
    case 'addLane': {
      const title = t(`interaction.laneKind.${action.kind}`)
      const result = state.execute('addLane', { title, kind: action.kind, index: action.index })
      const id = result?.createdIds[0]
      if (id) {
        state.select({ kind: 'lane', laneId: id })
        setBoardUi({ rename: { kind: 'lane', id }, menu: null })
      }
      return
    }
    case 'connectMode':
      setBoardUi({ connectMode: action.on })
      return
    case 'setPoint':
      setBoardUi({ activeSeries: { personaId: action.series.personaId, variant: action.series.variant } })
      state.execute('setEmotionPoint', { ...action.series, stageId: action.stageId, score: action.score })
      return
  }
}

/** Where the gestures' effects go besides the store: the preview painter. */
export interface EffectHost {
  readonly state: () => AppState
  readonly preview: (preview: Preview | null) => void
}

/** Carries out a gesture's effects in order. */
export function runEffects(effects: readonly Effect[], host: EffectHost): void {
  for (const effect of effects) {
    const state = host.state()
    switch (effect.type) {
      case 'selectNotes':
        state.selectNotes(effect.ids, effect.mode)
        break
      case 'select':
        state.select(effect.selection)
        break
      case 'beginDrag':
        state.beginDrag(effect.ids)
        break
      case 'dragOver':
        state.dragOver(effect.target)
        break
      case 'drop':
        state.drop()
        break
      case 'cancelDrag':
        state.cancelDrag()
        break
      case 'execute': {
        const result = executeCall(state, effect.call)
        const created = result?.createdIds[0]
        if (effect.then === 'labelConnector' && created) {
          // One arrow per use of the Connect tool: a click on a note then selects it again.
          setBoardUi({ connectorId: created, rename: { kind: 'connector', id: created }, connectMode: false })
          state.clearSelection()
        }
        break
      }
      case 'preview':
        host.preview(effect.preview)
        break
      case 'activeSeries':
        setBoardUi({ activeSeries: effect.series })
        break
      case 'focusConnector':
        if (useBoardUi.getState().connectorId !== effect.connectorId) setBoardUi({ connectorId: effect.connectorId })
        break
      case 'focusMarker':
        setBoardUi({ markerId: effect.markerId })
        break
    }
  }
}
