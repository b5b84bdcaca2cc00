/**
 * Dot voting: which notes a round covers, and the ranking it leaves. Votes live on the notes
 * (Note.votes, saved with the map); a round remembers each note's count when it started, so its
 * ranking counts the votes cast in that round. Notes that tie share a rank (1, 1, 3).
 */
import { orderedLanes, orderedStages } from '../commands'
import type { JourneyMap, Note, NoteKind } from '../model'

export interface RoundScope {
  /** Lanes whose notes can be voted on. */
  readonly laneIds: readonly string[]
  /** Kinds of note that can be voted on. */
  readonly kinds: readonly NoteKind[]
}

/** The notes a round covers, in board order (stage, lane, position in the cell). */
export function notesInScope(map: JourneyMap, scope: RoundScope): Note[] {
  const lanes = new Set(scope.laneIds)
  const kinds = new Set(scope.kinds)
  const stageIndex = new Map(orderedStages(map).map((s, i) => [s.id, i]))
  const laneIndex = new Map(orderedLanes(map).map((l, i) => [l.id, i]))
  return map.notes
    .filter((n) => lanes.has(n.laneId) && kinds.has(n.kind))
    .sort(
      (a, b) =>
        (stageIndex.get(a.stageId) ?? 0) - (stageIndex.get(b.stageId) ?? 0) ||
        (laneIndex.get(a.laneId) ?? 0) - (laneIndex.get(b.laneId) ?? 0) ||
        a.order - b.order ||
        (a.id < b.id ? -1 : 1)
    )
}

export interface RankedNote {
  readonly noteId: string
  readonly text: string
  readonly stageId: string
  readonly laneId: string
  /** Votes cast in the round (the note's votes now minus at the start). */
  readonly votes: number
  /** The note's votes now, over all rounds. */
  readonly total: number
  /** 1-based; equal votes share a rank. */
  readonly rank: number
}

/**
 * The ranking of a round: the notes in scope that gained votes, most first (ties in board
 * order). `baseline` holds each note's votes when the round started (missing: 0).
 */
export function voteRanking(map: JourneyMap, scope: RoundScope, baseline: ReadonlyMap<string, number>): RankedNote[] {
  const gained = notesInScope(map, scope)
    .map((n) => ({ note: n, votes: n.votes - (baseline.get(n.id) ?? 0) }))
    .filter((x) => x.votes > 0)
  // A stable sort keeps board order among equals.
  gained.sort((a, b) => b.votes - a.votes)
  let rank = 0
  return gained.map((x, i) => {
    if (i === 0 || gained[i - 1]!.votes !== x.votes) rank = i + 1
    return {
      noteId: x.note.id,
      text: x.note.text,
      stageId: x.note.stageId,
      laneId: x.note.laneId,
      votes: x.votes,
      total: x.note.votes,
      rank
    }
  })
}

/** One dot: who put it (index into the round's participants) on which note. */
export interface VoteCast {
  readonly participant: number
  readonly noteId: string
}

/**
 * A dot-voting round as the facilitator runs it on one laptop. The round itself is session
 * state; the votes it casts are saved on the notes. The ledger of casts says who voted for what,
 * so each participant's remaining dots can be shown; when the notes say otherwise (an undo took a
 * vote back), the notes win: see effectiveCasts.
 */
export interface VoteRound {
  readonly mapId: string
  readonly scope: RoundScope
  readonly votesPerParticipant: number
  /** One entry per participant; an empty name is shown as "Participant n". */
  readonly participants: readonly string[]
  /** When true a participant may put at most one dot on a note. */
  readonly onePerNote: boolean
  /** Each note's votes when the round started, by note id. */
  readonly baseline: Readonly<Record<string, number>>
  /** Every dot cast in the round, oldest first. */
  readonly casts: readonly VoteCast[]
  /** The participant the facilitator picked; votes go to the next one with dots left when they have none. */
  readonly current: number
}

export interface RoundSettings {
  readonly scope: RoundScope
  readonly votesPerParticipant: number
  readonly participants: readonly string[]
  readonly onePerNote?: boolean
}

export function startRound(map: JourneyMap, settings: RoundSettings): VoteRound {
  return {
    mapId: map.id,
    scope: settings.scope,
    votesPerParticipant: Math.max(1, Math.floor(settings.votesPerParticipant)),
    participants: settings.participants.length > 0 ? settings.participants : [''],
    onePerNote: settings.onePerNote ?? false,
    baseline: Object.fromEntries(notesInScope(map, settings.scope).map((n) => [n.id, n.votes])),
    casts: [],
    current: 0
  }
}

/**
 * The casts the notes still carry: per note, the oldest ones up to the votes it gained in the
 * round. An undone vote drops the latest cast on its note; a redo brings it back.
 */
export function effectiveCasts(round: VoteRound, map: JourneyMap): VoteCast[] {
  const gained = new Map(map.notes.map((n) => [n.id, n.votes - (round.baseline[n.id] ?? n.votes)]))
  const kept: VoteCast[] = []
  for (const cast of round.casts) {
    const left = gained.get(cast.noteId) ?? 0
    if (left <= 0) continue
    gained.set(cast.noteId, left - 1)
    kept.push(cast)
  }
  return kept
}

/** Dots each participant has left. */
export function remainingVotes(round: VoteRound, map: JourneyMap): number[] {
  const used = round.participants.map(() => 0)
  for (const cast of effectiveCasts(round, map)) used[cast.participant] = (used[cast.participant] ?? 0) + 1
  return used.map((n) => Math.max(0, round.votesPerParticipant - n))
}

/** Who the next dot is for: the picked participant, or the next one with dots left; null when all are spent. */
export function activeParticipant(round: VoteRound, map: JourneyMap): number | null {
  const left = remainingVotes(round, map)
  const n = round.participants.length
  for (let step = 0; step < n; step++) {
    const i = (round.current + step) % n
    if ((left[i] ?? 0) > 0) return i
  }
  return null
}

export type VoteRefusal = 'notInScope' | 'noVotesLeft' | 'alreadyVoted'

/** Why a dot cannot go on a note now, or null when it can (for the active participant). */
export function voteRefusal(round: VoteRound, map: JourneyMap, noteId: string): VoteRefusal | null {
  if (!(noteId in round.baseline)) return 'notInScope'
  const who = activeParticipant(round, map)
  if (who === null) return 'noVotesLeft'
  if (round.onePerNote && effectiveCasts(round, map).some((c) => c.participant === who && c.noteId === noteId)) {
    return 'alreadyVoted'
  }
  return null
}

/** The round after a dot for `noteId` by the active participant; the caller adds the vote to the note. */
export function castVote(round: VoteRound, map: JourneyMap, noteId: string): VoteRound {
  const who = activeParticipant(round, map)
  if (who === null || voteRefusal(round, map, noteId) !== null) return round
  // Casts the notes no longer carry (undone) are dropped, so a redo cannot double-count them.
  return { ...round, casts: [...effectiveCasts(round, map), { participant: who, noteId }], current: who }
}

/** The participant's latest dot taken back: the round without it and the note to take a vote from. */
export function takeBackVote(
  round: VoteRound,
  map: JourneyMap,
  participant: number
): { readonly round: VoteRound; readonly noteId: string } | null {
  const casts = effectiveCasts(round, map)
  for (let i = casts.length - 1; i >= 0; i--) {
    const cast = casts[i]!
    if (cast.participant !== participant) continue
    return { round: { ...round, casts: [...casts.slice(0, i), ...casts.slice(i + 1)] }, noteId: cast.noteId }
  }
  return null
}
