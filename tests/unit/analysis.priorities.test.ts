/** Prioritisation: opportunity ranking and the 2×2 matrix, KPI status, dot-voting rounds. */
import { describe, expect, it } from 'vitest'
import {
  activeParticipant,
  analyzeMap,
  castVote,
  describeFinding,
  effectiveCasts,
  kpiStatus,
  notesInScope,
  quadrantOf,
  remainingVotes,
  startRound,
  takeBackVote,
  voteRanking,
  voteRefusal
} from '../../src/shared/analysis'
import type { JourneyMap } from '../../src/shared/model'
import { buildMap } from './fixtures'

const lanes = [
  { id: 'tp', kind: 'touchpoints' as const },
  { id: 'opp', kind: 'opportunities' as const },
  { id: 'pain', kind: 'painPoints' as const }
]

describe('opportunities', () => {
  const map = buildMap({
    stages: [
      { id: 's1', title: 'Find' },
      { id: 's2', title: 'Try' }
    ],
    lanes,
    notes: [
      { id: 'big', stageId: 's2', laneId: 'opp', text: 'Rebuild onboarding', impact: 5, effort: 5 },
      { id: 'quick', stageId: 's2', laneId: 'opp', text: 'Templates', impact: 4, effort: 1 },
      { id: 'tie', stageId: 's1', laneId: 'opp', text: 'FAQ', impact: 2, effort: 1, votes: 3 },
      { id: 'tie2', stageId: 's1', laneId: 'opp', text: 'Chat', impact: 2, effort: 1 },
      { id: 'elsewhere', stageId: 's1', laneId: 'tp', kind: 'opportunity', text: 'Retarget', impact: 3, effort: 3 },
      { id: 'unrated', stageId: 's1', laneId: 'opp', text: 'Webinars', impact: 4 },
      { id: 'notOpp', stageId: 's1', laneId: 'tp', text: 'Ads', impact: 5, effort: 1 }
    ]
  })
  const ranked = analyzeMap(map).opportunities

  it('ranks by impact × (6 − effort), ties by votes, unrated last', () => {
    // quick 4×5=20, tie 2×5=10 (3 votes), tie2 10, elsewhere 3×3=9, big 5×1=5.
    expect(ranked.map((o) => [o.noteId, o.score, o.rank])).toEqual([
      ['quick', 20, 1],
      ['tie', 10, 2],
      ['tie2', 10, 3],
      ['elsewhere', 9, 4],
      ['big', 5, 5],
      ['unrated', null, null]
    ])
    expect(ranked[0]!.focus).toEqual({ stageIds: ['s2'], noteIds: ['quick'], laneId: null })
    expect(describeFinding(ranked[0]!)).toBe('#1 “Templates” at “Try”: score 20 (impact 4, effort 1), quick win.')
    expect(describeFinding(ranked[5]!)).toBe('“Webinars” at “Find” is not rated yet (impact 4, effort not set).')
  })

  it('puts each rated opportunity in a quadrant split at 3', () => {
    expect(ranked.map((o) => o.quadrant)).toEqual([
      'quickWin',
      'fillIn',
      'fillIn',
      'majorProject',
      'majorProject',
      null
    ])
    expect([quadrantOf(3, 2), quadrantOf(3, 3), quadrantOf(2, 2), quadrantOf(2, 3)]).toEqual([
      'quickWin',
      'majorProject',
      'fillIn',
      'thankless'
    ])
  })
})

describe('kpiStatus', () => {
  const status = (value: number | null, target: number | null, direction: 'higher' | 'lower') =>
    kpiStatus({ value, target, direction })

  it('is green at or past the target, amber within 10% of it, red beyond', () => {
    expect([status(5, 5, 'higher'), status(4.5, 5, 'higher'), status(4.49, 5, 'higher')]).toEqual([
      'met',
      'near',
      'missed'
    ])
    expect([status(2, 2, 'lower'), status(2.2, 2, 'lower'), status(2.21, 2, 'lower'), status(1, 2, 'lower')]).toEqual([
      'met',
      'near',
      'missed',
      'met'
    ])
    expect([status(-12, -10, 'higher'), status(-10.5, -10, 'higher')]).toEqual(['missed', 'near'])
    expect([status(null, 5, 'higher'), status(3, null, 'lower')]).toEqual(['unknown', 'unknown'])
  })
})

describe('dot voting', () => {
  const base = buildMap({
    stages: ['s1', 's2'],
    lanes,
    notes: [
      { id: 'a', stageId: 's2', laneId: 'opp', kind: 'opportunity', votes: 2 },
      { id: 'b', stageId: 's1', laneId: 'opp', kind: 'opportunity' },
      { id: 'c', stageId: 's1', laneId: 'opp', kind: 'question' },
      { id: 'd', stageId: 's1', laneId: 'pain', kind: 'painPoint' }
    ]
  })
  const scope = { laneIds: ['opp'], kinds: ['opportunity' as const] }
  /** What the app does on a click: the round records the cast, the note gets a vote. */
  const vote = (state: { round: ReturnType<typeof startRound>; map: JourneyMap }, noteId: string) => {
    const round = castVote(state.round, state.map, noteId)
    const map = {
      ...state.map,
      notes: state.map.notes.map((n) => (n.id === noteId ? { ...n, votes: n.votes + 1 } : n))
    }
    return { round, map }
  }

  it('covers the chosen lanes and kinds, in board order', () => {
    expect(notesInScope(base, scope).map((n) => n.id)).toEqual(['b', 'a'])
  })

  it('counts each participant’s dots, moves on when one runs out, and ranks the round', () => {
    let state = { round: startRound(base, { scope, votesPerParticipant: 2, participants: ['Ana', ''] }), map: base }
    expect(voteRefusal(state.round, state.map, 'd')).toBe('notInScope')
    state = vote(state, 'b')
    state = vote(state, 'b')
    expect(remainingVotes(state.round, state.map)).toEqual([0, 2])
    expect(activeParticipant(state.round, state.map)).toBe(1)
    state = vote(state, 'a')
    state = vote(state, 'b')
    expect(voteRefusal(state.round, state.map, 'a')).toBe('noVotesLeft')
    expect(effectiveCasts(state.round, state.map).map((c) => `${c.participant}:${c.noteId}`)).toEqual([
      '0:b',
      '0:b',
      '1:a',
      '1:b'
    ])
    // a had 2 votes before the round: the ranking counts this round's only.
    expect(voteRanking(state.map, scope, new Map(Object.entries(state.round.baseline)))).toEqual([
      { noteId: 'b', text: '', stageId: 's1', laneId: 'opp', votes: 3, total: 3, rank: 1 },
      { noteId: 'a', text: '', stageId: 's2', laneId: 'opp', votes: 1, total: 3, rank: 2 }
    ])
  })

  it('believes the notes when an undo takes a vote back, and takes back a participant’s last dot', () => {
    let state = { round: startRound(base, { scope, votesPerParticipant: 3, participants: ['Ana'] }), map: base }
    state = vote(state, 'a')
    state = vote(state, 'b')
    // Undo of the last vote: b loses it on the map.
    const undone = { ...state.map, notes: state.map.notes.map((n) => (n.id === 'b' ? { ...n, votes: 0 } : n)) }
    expect(remainingVotes(state.round, undone)).toEqual([2])
    const back = takeBackVote(state.round, undone, 0)
    expect(back?.noteId).toBe('a')
    expect(back?.round.casts).toEqual([])
  })

  it('allows one dot per note and participant when asked', () => {
    let state = {
      round: startRound(base, { scope, votesPerParticipant: 3, participants: ['Ana'], onePerNote: true }),
      map: base
    }
    state = vote(state, 'a')
    expect(voteRefusal(state.round, state.map, 'a')).toBe('alreadyVoted')
    expect(vote(state, 'a').round).toBe(state.round)
  })

  it('shares ranks between equal counts', () => {
    const map = buildMap({
      stages: ['s1'],
      lanes,
      notes: [
        { id: 'x', laneId: 'opp', kind: 'opportunity', votes: 2 },
        { id: 'y', laneId: 'opp', kind: 'opportunity', votes: 2 },
        { id: 'z', laneId: 'opp', kind: 'opportunity', votes: 1 }
      ]
    })
    expect(voteRanking(map, scope, new Map()).map((r) => [r.noteId, r.rank])).toEqual([
      ['x', 1],
      ['y', 1],
      ['z', 3]
    ])
  })
})
