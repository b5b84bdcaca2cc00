/**
 * What the workshop tools do: cast and take back dots (each an editNote of the note's votes, so
 * saved with the map and undoable like any edit), start and end rounds, and enter and leave
 * presentation mode.
 */
import { castVote, startRound, takeBackVote, voteRefusal, type RoundSettings } from '../../../shared/analysis'
import { useAppStore } from '../store'
import { showNotes } from './board-link'
import { setWorkshop, useWorkshop } from './store'

/** A dot for a note from the round's active participant. False (and nothing changes) when it cannot take one. */
export function castDot(noteId: string): boolean {
  const { round } = useWorkshop.getState()
  const app = useAppStore.getState()
  const map = app.openMap
  if (!round || !map || round.mapId !== map.id || voteRefusal(round, map, noteId) !== null) return false
  const note = map.notes.find((n) => n.id === noteId)
  if (!note) return false
  if (!app.execute('editNote', { noteId, votes: note.votes + 1 })) return false
  setWorkshop({ round: castVote(round, map, noteId) })
  return true
}

/** Takes back a participant's last dot of the round. */
export function takeBackDot(participant: number): boolean {
  const { round } = useWorkshop.getState()
  const app = useAppStore.getState()
  const map = app.openMap
  if (!round || !map) return false
  const back = takeBackVote(round, map, participant)
  const note = back && map.notes.find((n) => n.id === back.noteId)
  if (!back || !note || note.votes === 0) return false
  if (!app.execute('editNote', { noteId: note.id, votes: note.votes - 1 })) return false
  setWorkshop({ round: back.round })
  return true
}

export function startVoting(settings: RoundSettings): void {
  const map = useAppStore.getState().openMap
  if (!map) return
  useAppStore.getState().clearSelection()
  const round = startRound(map, settings)
  setWorkshop({ round, endedRound: null })
  // Every note of the round in view, clear of the panel.
  showNotes(Object.keys(round.baseline))
}

/** Ends the round; its ranking stays in the voting panel until a new round or the panel closes. */
export function endVoting(): void {
  const { round } = useWorkshop.getState()
  setWorkshop({ round: null, endedRound: round })
}

function fullscreen(on: boolean): void {
  // Not every window can go full screen (an iframe, a browser that says no): presenting works anyway.
  try {
    if (on && !document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => {})
    if (!on && document.fullscreenElement) void document.exitFullscreen?.().catch(() => {})
  } catch {
    // Ignored for the same reason.
  }
}

/** Presentation mode: full screen where the browser allows, chrome hidden, from the first stage. */
export function startPresentation(): void {
  useAppStore.getState().clearSelection()
  setWorkshop({ presenting: { step: 0 }, panel: null, flash: null })
  fullscreen(true)
}

export function stopPresentation(): void {
  if (!useWorkshop.getState().presenting) return
  setWorkshop({ presenting: null })
  fullscreen(false)
}
