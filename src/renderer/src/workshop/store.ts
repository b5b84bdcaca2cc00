/**
 * The workshop's session state for the open board: which workshop panel is open, the KPI
 * dialog, the dot-voting round (its votes are saved on the notes; the round itself — who cast
 * what — is not), the timer, presentation mode and the highlight of the last focused finding.
 * Transient view state, never saved and never in history, so it lives beside the app store like
 * the board's UI state (editing/ui-store.ts). A different map starts it afresh, except
 * the timer, which keeps running across maps.
 */
import type { PresentUnit } from '../editing/present'
import { create } from 'zustand'
import type { VoteRound } from '../../../shared/analysis'
import type { Rect } from '../../../shared/layout'
import { DEFAULT_TIMER, type TimerState } from './timer'

export type WorkshopPanel = 'analysis' | 'voting'
export type AnalysisTab = 'findings' | 'ranking' | 'matrix'

export interface WorkshopState {
  /** The map this state belongs to. */
  mapId: string | null
  /** The workshop side panel open on the left of the board, if any. */
  panel: WorkshopPanel | null
  analysisTab: AnalysisTab
  /** The KPI dialog, open on a stage. */
  kpiStageId: string | null
  /** The dot-voting round under way. */
  round: VoteRound | null
  /** The last round ended, whose ranking the voting panel shows. */
  endedRound: VoteRound | null
  timer: TimerState
  timerOpen: boolean
  /**
   * Presentation mode: the step shown (stages, then the whole map), stepping by stage or by lane,
   * and the stages chosen (null: all).
   */
  presenting: {
    readonly step: number
    readonly unit?: PresentUnit
    readonly stageIds?: readonly string[] | null
  } | null
  /** A short-lived outline around what a finding pointed at; `key` restarts its animation. */
  flash: { readonly rect: Rect; readonly key: number } | null
}

const fresh = {
  panel: null,
  analysisTab: 'findings',
  kpiStageId: null,
  round: null,
  endedRound: null,
  presenting: null,
  flash: null
} as const satisfies Partial<WorkshopState>

export const useWorkshop = create<WorkshopState>()(() => ({
  mapId: null,
  ...fresh,
  timer: DEFAULT_TIMER,
  timerOpen: false
}))

export const setWorkshop = (patch: Partial<WorkshopState>) => useWorkshop.setState(patch)

/** A board opened: keep the state if it is the same map, else start afresh (the timer stays). */
export function enterMap(mapId: string): void {
  if (useWorkshop.getState().mapId === mapId) return
  useWorkshop.setState({ mapId, ...fresh })
}

/** Opens a workshop panel, or closes it when it is the one open. */
export function togglePanel(panel: WorkshopPanel): void {
  setWorkshop({ panel: useWorkshop.getState().panel === panel ? null : panel })
}
