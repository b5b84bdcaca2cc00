/** Defaults for records the commands create. */
import type { LaneKind, NoteKind } from '../model'

/** The note kind a lane suggests for a note dropped into it. */
export const NOTE_KIND_FOR_LANE: Readonly<Record<LaneKind, NoteKind>> = {
  goals: 'goal',
  actions: 'action',
  thoughts: 'thought',
  touchpoints: 'touchpoint',
  channels: 'touchpoint',
  emotions: 'note',
  painPoints: 'painPoint',
  opportunities: 'opportunity',
  triggers: 'trigger',
  backstage: 'backstage',
  kpis: 'note',
  text: 'note'
}

/** Sticky-note colour per kind, light enough for dark text. */
export const NOTE_COLORS: Readonly<Record<NoteKind, string>> = {
  note: '#fff59d',
  goal: '#c5e1a5',
  action: '#90caf9',
  thought: '#e1bee7',
  touchpoint: '#80deea',
  painPoint: '#ef9a9a',
  opportunity: '#a5d6a7',
  trigger: '#ffcc80',
  backstage: '#cfd8dc',
  question: '#f8bbd0'
}

/** Default row height for a new lane; the emotion lane needs room for its curve. */
export function defaultLaneHeight(kind: LaneKind): number {
  return kind === 'emotions' ? 180 : 140
}
