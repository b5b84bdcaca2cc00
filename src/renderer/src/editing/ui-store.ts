/**
 * What the board's interactions show besides the map and its selection: the text editor, the
 * rename field, the context menu, a dialog, the Connect tool, the series a click in the emotion
 * lane adds to, and the connector or marker in focus. Transient view state of the open board —
 * never saved, never in history — so it lives beside the app store rather than in it, and is
 * reset whenever a board opens.
 */
import { create } from 'zustand'
import type { MarkerTarget } from '../../../shared/model'
import type { SeriesRef } from './gesture'

/** The note text editor: a note being edited, or a note about to be added to a cell (created on commit). */
export type EditorTarget =
  | { readonly kind: 'note'; readonly noteId: string }
  | { readonly kind: 'new'; readonly stageId: string; readonly laneId: string }

/** The in-place rename field: a stage's or lane's title, or a connector's label. */
export type RenameTarget =
  | { readonly kind: 'stage'; readonly id: string }
  | { readonly kind: 'lane'; readonly id: string }
  | { readonly kind: 'connector'; readonly id: string }

/** What a context menu is about. */
export type MenuContext =
  | { readonly kind: 'notes'; readonly noteIds: readonly string[] }
  | { readonly kind: 'cell'; readonly stageId: string; readonly laneId: string }
  | { readonly kind: 'stage'; readonly stageId: string }
  | { readonly kind: 'lane'; readonly laneId: string }
  | { readonly kind: 'point'; readonly pointId: string }
  | { readonly kind: 'marker'; readonly markerId: string }
  | { readonly kind: 'connector'; readonly connectorId: string }
  /** The "Add lane" button: which kind of lane. */
  | { readonly kind: 'addLane' }

export interface MenuRequest {
  /** Where it opens, in viewport (client) pixels. */
  readonly x: number
  readonly y: number
  readonly context: MenuContext
}

export type DialogRequest =
  /** Add a pain-point marker to a target, or edit one. */
  | { readonly kind: 'marker'; readonly target: MarkerTarget; readonly markerId?: string }
  /** Delete a stage or lane that holds something. */
  | { readonly kind: 'confirmDelete'; readonly what: 'stage' | 'lane'; readonly id: string }

export interface BoardUiState {
  editor: EditorTarget | null
  rename: RenameTarget | null
  menu: MenuRequest | null
  dialog: DialogRequest | null
  connectMode: boolean
  activeSeries: SeriesRef | null
  /** A connector picked on the board (shown in the side panel; Delete removes it). */
  connectorId: string | null
  /** A marker picked on the board (its row in the side panel is highlighted). */
  markerId: string | null
  /** The side panel's list of every pain point is open. */
  painPointsOpen: boolean
  /** The find bar is open. */
  findOpen: boolean
  /** The keyboard shortcut help is open. */
  helpOpen: boolean
  /** The minimap is shown (null: as the map's size says). */
  overviewOpen: boolean | null
  /** The path the board shows (others faded), or null for all paths. */
  pathId: string | null
}

const initial: BoardUiState = {
  editor: null,
  rename: null,
  menu: null,
  dialog: null,
  connectMode: false,
  activeSeries: null,
  connectorId: null,
  markerId: null,
  painPointsOpen: false,
  findOpen: false,
  helpOpen: false,
  overviewOpen: null,
  pathId: null
}

export const useBoardUi = create<BoardUiState>()(() => ({ ...initial }))

/** Sets part of the board's UI state. */
export const setBoardUi = (patch: Partial<BoardUiState>) => useBoardUi.setState(patch)

/** A fresh board: nothing open, no tool on. */
export const resetBoardUi = () => useBoardUi.setState({ ...initial })

/** True while a text field, menu or dialog of the board has the keyboard. */
export const overlayOpen = (s: BoardUiState) =>
  s.editor !== null || s.rename !== null || s.menu !== null || s.dialog !== null
