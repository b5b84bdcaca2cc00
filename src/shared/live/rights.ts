/**
 * What a participant may do, decided on the host for every message whatever the page sent:
 * pushes of notes into open cells, edits and deletions of their own notes only, dots within
 * their budget. And what a participant sees: the map cut down to stages, lanes and the notes the
 * facilitator lets them see (the same cut applies to every change event).
 */
import { isDeepEqual } from '../commands/core'
import type { JourneyMap, Note } from '../model'
import type { Patch } from '../model/patch'
import type { MapChange, PushRequest } from '../sync/protocol'
import { LIVE_LIMITS, type LiveRights, type Voting } from './protocol'

/** Why a participant's message was refused: a code the page turns into a sentence. */
export type RightsRefusal =
  | 'locked'
  | 'otherMap'
  | 'notNotes'
  | 'mapFields'
  | 'tooMany'
  | 'closedCell'
  | 'notYours'
  | 'noEditing'
  | 'fieldNotAllowed'
  | 'noVoting'
  | 'noDotsLeft'
  | 'onePerNote'
  | 'noSuchNote'

/** The fields of a note a participant may set. Votes, personas, scores stay the facilitator's. */
const PARTICIPANT_FIELDS = new Set<keyof Note>(['id', 'stageId', 'laneId', 'order', 'text', 'color', 'kind'])

export function cellOpen(rights: LiveRights, stageId: string, laneId: string): boolean {
  if (rights.locked) return false
  if (rights.addNotes === 'all') return true
  if (rights.addNotes === 'none') return false
  return rights.openLaneIds.includes(laneId) || rights.openStageIds.includes(stageId)
}

export interface PushContext {
  readonly rights: LiveRights
  readonly sessionMapId: string
  /** The map as the host has it now. */
  readonly map: JourneyMap
  readonly participantId: string
  /** The author of each note participants added. */
  readonly authorOf: (noteId: string) => string | undefined
}

/** Null when the push is within the participant's rights; otherwise why not. */
export function checkParticipantPush(push: PushRequest, ctx: PushContext): RightsRefusal | null {
  const { rights, map } = ctx
  if (push.mapId !== ctx.sessionMapId) return 'otherMap'
  if (rights.locked) return 'locked'
  if (push.changes.meta !== null) return 'mapFields'
  if (push.changes.records.length > LIVE_LIMITS.pushRecords) return 'tooMany'
  const notes = new Map(map.notes.map((n) => [n.id, n]))
  for (const change of push.changes.records) {
    if (change.entity !== 'note') return 'notNotes'
    const { before, after } = change
    const current = notes.get(change.id)
    const author = ctx.authorOf(change.id)
    const mine = author === ctx.participantId
    if (current && !mine) return 'notYours'
    if (!current && author !== undefined && !mine) return 'notYours'
    if (before === null && after !== null) {
      // A new note (or the replay of one whose answer was lost: then it is already the author's).
      if (!cellOpen(rights, after.stageId, after.laneId)) return 'closedCell'
      if (after.votes !== 0 || after.personaIds.length > 0) return 'fieldNotAllowed'
      if (after.severity !== null || after.impact !== null || after.effort !== null) return 'fieldNotAllowed'
      if (after.channel !== null || after.category !== null) return 'fieldNotAllowed'
      // Paths and evidence (issue 14) stay the facilitator's.
      if (after.pathId !== undefined || after.evidence !== undefined) return 'fieldNotAllowed'
      continue
    }
    if (!mine) return 'notYours'
    if (!rights.editOwn) return 'noEditing'
    if (after === null) continue
    if (before !== null) {
      // Both sides' keys: dropping an optional field (a path, evidence) is a change too.
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Note>) {
        if (!PARTICIPANT_FIELDS.has(key) && !isDeepEqual(before[key], after[key])) return 'fieldNotAllowed'
      }
      const moved = before.stageId !== after.stageId || before.laneId !== after.laneId
      if (moved && !cellOpen(rights, after.stageId, after.laneId)) return 'closedCell'
    }
  }
  return null
}

/** Whether a participant sees a note: the facilitator's always, their own always, others' when allowed. */
export function noteVisible(
  rights: LiveRights,
  participantId: string,
  authorOf: (noteId: string) => string | undefined,
  noteId: string
): boolean {
  if (rights.seeOthers) return true
  const author = authorOf(noteId)
  return author === undefined || author === participantId
}

/**
 * The map as a participant gets it: the map's own fields, stages, lanes and the notes they may
 * see. Curves, markers, connectors, KPIs (and their history) and paths stay on the facilitator's board.
 */
export function mapForParticipant(
  map: JourneyMap,
  rights: LiveRights,
  participantId: string,
  authorOf: (noteId: string) => string | undefined
): JourneyMap {
  return {
    ...map,
    notes: map.notes.filter((n) => noteVisible(rights, participantId, authorOf, n.id)),
    emotionPoints: [],
    markers: [],
    connectors: [],
    metrics: [],
    paths: [],
    kpiValues: []
  }
}

/** A change event cut the same way (kept even when empty: its revision still counts). */
export function changeForParticipant(
  change: MapChange,
  rights: LiveRights,
  participantId: string,
  authorOf: (noteId: string) => string | undefined
): MapChange {
  const patch: Patch = change.patch.filter((op) => {
    if (op.op === 'meta') return true
    if (op.entity === 'stage' || op.entity === 'lane') return true
    if (op.entity !== 'note') return false
    const id = op.op === 'put' ? op.value.id : op.id
    return noteVisible(rights, participantId, authorOf, id)
  })
  return { ...change, patch }
}

// ---------------------------------------------------------------------------------------------
// Dot voting: who put how many dots on which note, kept by the host until the facilitator reveals.

/** Dots by participant, then by note. */
export type Ballots = Readonly<Record<string, Readonly<Record<string, number>>>>

export const dotsUsed = (ballot: Readonly<Record<string, number>> | undefined): number =>
  Object.values(ballot ?? {}).reduce((sum, n) => sum + n, 0)

/** One dot more (+1) or one taken back (-1) on a note, or why not. */
export function castDots(
  ballots: Ballots,
  voting: Voting | null,
  locked: boolean,
  participantId: string,
  noteId: string,
  delta: number,
  noteExists: boolean
): { ballots: Ballots } | { refusal: RightsRefusal } {
  if (locked) return { refusal: 'locked' }
  if (!voting || voting.revealed) return { refusal: 'noVoting' }
  if (delta !== 1 && delta !== -1) return { refusal: 'fieldNotAllowed' }
  const ballot = ballots[participantId] ?? {}
  const onNote = ballot[noteId] ?? 0
  if (delta === 1) {
    if (!noteExists) return { refusal: 'noSuchNote' }
    if (dotsUsed(ballot) >= voting.dots) return { refusal: 'noDotsLeft' }
    if (!voting.severalPerNote && onNote >= 1) return { refusal: 'onePerNote' }
  } else if (onNote === 0) return { ballots }
  const next = { ...ballot, [noteId]: onNote + delta }
  if (next[noteId] === 0) delete next[noteId]
  return { ballots: { ...ballots, [participantId]: next } }
}

/** Every note's dots. */
export function tallyOf(ballots: Ballots): Record<string, number> {
  const tally: Record<string, number> = {}
  for (const ballot of Object.values(ballots))
    for (const [noteId, n] of Object.entries(ballot)) tally[noteId] = (tally[noteId] ?? 0) + n
  return tally
}
