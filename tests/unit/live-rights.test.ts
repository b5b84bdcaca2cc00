/** The live workshop's rules as pure functions: what a participant's push may do, what they see, dots. */
import { describe, expect, it } from 'vitest'
import { DEFAULT_RIGHTS, type LiveRights } from '../../src/shared/live/protocol'
import {
  castDots,
  cellOpen,
  changeForParticipant,
  checkParticipantPush,
  mapForParticipant,
  tallyOf,
  type RightsRefusal
} from '../../src/shared/live/rights'
import { runCommand } from '../../src/shared/commands'
import type { JourneyMap, Note } from '../../src/shared/model'
import { applyPatch } from '../../src/shared/model/patch'
import { changesOf } from '../../src/shared/sync/changes'
import type { PushRequest } from '../../src/shared/sync/protocol'
import { buildMap, testContext } from './fixtures'

const map = buildMap({
  notes: [
    { id: 'mine', stageId: 's1', laneId: 'l2', text: 'Mine' },
    { id: 'theirs', stageId: 's1', laneId: 'l2', text: 'Theirs' },
    { id: 'facilitator', stageId: 's1', laneId: 'l1', text: 'Board' }
  ],
  markers: [{ target: { kind: 'note', noteId: 'theirs' }, severity: 2 }]
})
const authors: Record<string, string> = { mine: 'ana', theirs: 'ben' }
const authorOf = (id: string) => authors[id]
const note = (id: string) => map.notes.find((n) => n.id === id) as Note
const push = (records: PushRequest['changes']['records'], mapId = map.id): PushRequest => ({
  mapId,
  pushId: 'p-1',
  baseRevision: map.revision,
  changes: { records, meta: null }
})
const check = (p: PushRequest, rights: LiveRights = DEFAULT_RIGHTS) =>
  checkParticipantPush(p, { rights, sessionMapId: map.id, map, participantId: 'ana', authorOf })
const fresh: Note = { ...note('mine'), id: 'new', text: 'New idea', votes: 0 }

describe('a participant’s push', () => {
  it('adds a note to an open cell only', () => {
    const chosen: LiveRights = { ...DEFAULT_RIGHTS, addNotes: 'chosen', openLaneIds: ['l2'] }
    expect(check(push([{ entity: 'note', id: 'new', before: null, after: fresh }]), chosen)).toBeNull()
    const closed = { ...fresh, laneId: 'l1' }
    expect(check(push([{ entity: 'note', id: 'new', before: null, after: closed }]), chosen)).toBe('closedCell')
    expect(cellOpen({ ...chosen, openStageIds: ['s1'] }, 's1', 'l1')).toBe(true)
    expect(
      check(push([{ entity: 'note', id: 'new', before: null, after: fresh }]), { ...DEFAULT_RIGHTS, addNotes: 'none' })
    ).toBe('closedCell')
    expect(check(push([{ entity: 'note', id: 'new', before: null, after: { ...fresh, votes: 3 } }]))).toBe(
      'fieldNotAllowed'
    )
  })

  it('edits and deletes only the participant’s own notes, and never their votes', () => {
    const mine = note('mine')
    expect(check(push([{ entity: 'note', id: 'mine', before: mine, after: { ...mine, text: 'Better' } }]))).toBeNull()
    expect(check(push([{ entity: 'note', id: 'mine', before: mine, after: null }]))).toBeNull()
    expect(check(push([{ entity: 'note', id: 'mine', before: mine, after: { ...mine, votes: 5 } }]))).toBe(
      'fieldNotAllowed'
    )
    const theirs = note('theirs')
    expect(check(push([{ entity: 'note', id: 'theirs', before: theirs, after: { ...theirs, text: 'x' } }]))).toBe(
      'notYours'
    )
    const board = note('facilitator')
    expect(check(push([{ entity: 'note', id: 'facilitator', before: board, after: null }]))).toBe('notYours')
    // Claiming someone else's note by "creating" it again.
    expect(check(push([{ entity: 'note', id: 'theirs', before: null, after: theirs }]))).toBe('notYours')
    expect(
      check(push([{ entity: 'note', id: 'mine', before: mine, after: { ...mine, text: 'x' } }]), {
        ...DEFAULT_RIGHTS,
        editOwn: false
      })
    ).toBe('noEditing')
  })

  it('refuses other maps, other records, the map’s own fields and a locked board', () => {
    expect(check(push([{ entity: 'note', id: 'new', before: null, after: fresh }], 'other-map'))).toBe('otherMap')
    const stage = map.stages[0]!
    expect(check(push([{ entity: 'stage', id: stage.id, before: stage, after: { ...stage, title: 'x' } }]))).toBe(
      'notNotes'
    )
    expect(
      check({ ...push([]), changes: { records: [], meta: { before: { title: map.title }, after: { title: 'x' } } } })
    ).toBe('mapFields')
    expect(
      check(push([{ entity: 'note', id: 'new', before: null, after: fresh }]), { ...DEFAULT_RIGHTS, locked: true })
    ).toBe('locked')
  })

  it('refuses the paths and KPI values commands (issue 14), and a note’s path or evidence', () => {
    let current = map
    const refusals: Record<string, RightsRefusal | null> = {}
    const run = (name: string, args: (m: JourneyMap) => unknown) => {
      const result = runCommand(name, current, args(current), testContext())
      refusals[name] = check(push(changesOf(current, result.patch).records))
      current = applyPatch(current, result.patch)
    }
    const stageIds = map.stages.map((s) => ({ stageId: s.id, event: '' }))
    run('addPath', () => ({ name: 'Trial', steps: stageIds }))
    run('editPath', (m) => ({ pathId: m.paths[0]!.id, name: 'Demo' }))
    run('setMetric', () => ({ stageId: map.stages[0]!.id, name: 'Visitors' }))
    run('setKpiValue', (m) => ({ metricId: m.metrics[0]!.id, date: '2026-10-01', value: 5 }))
    run('removeKpiValue', (m) => ({ valueId: m.kpiValues[0]!.id }))
    run('removePath', (m) => ({ pathId: m.paths[0]!.id }))
    expect(refusals).toEqual({
      addPath: 'notNotes',
      editPath: 'notNotes',
      setMetric: 'notNotes',
      setKpiValue: 'notNotes',
      removeKpiValue: 'notNotes',
      removePath: 'notNotes'
    })
    const mine = note('mine')
    expect(check(push([{ entity: 'note', id: 'new', before: null, after: { ...fresh, pathId: 'p1' } }]))).toBe(
      'fieldNotAllowed'
    )
    const evidence = { level: 'assumed', source: 'interview', reference: '' } as const
    expect(check(push([{ entity: 'note', id: 'mine', before: mine, after: { ...mine, evidence } }]))).toBe(
      'fieldNotAllowed'
    )
    expect(check(push([{ entity: 'note', id: 'mine', before: { ...mine, pathId: 'p1' }, after: mine }]))).toBe(
      'fieldNotAllowed'
    )
    expect(mapForParticipant(current, DEFAULT_RIGHTS, 'ana', authorOf)).toMatchObject({ paths: [], kpiValues: [] })
  })
})

describe('what a participant sees', () => {
  it('everything of the notes when allowed, else their own and the facilitator’s; never markers or curves', () => {
    const hidden = { ...DEFAULT_RIGHTS, seeOthers: false }
    expect(mapForParticipant(map, DEFAULT_RIGHTS, 'ana', authorOf).notes).toHaveLength(3)
    expect(
      mapForParticipant(map, hidden, 'ana', authorOf)
        .notes.map((n) => n.id)
        .sort()
    ).toEqual(['facilitator', 'mine'])
    expect(mapForParticipant(map, DEFAULT_RIGHTS, 'ana', authorOf).markers).toEqual([])
    const change = changeForParticipant(
      {
        type: 'mapChanged',
        mapId: map.id,
        revision: 9,
        origin: 'x',
        patch: [
          { op: 'put', entity: 'note', value: note('theirs') },
          { op: 'put', entity: 'note', value: note('mine') }
        ]
      },
      hidden,
      'ana',
      authorOf
    )
    expect(change.revision).toBe(9)
    expect(change.patch).toHaveLength(1)
  })
})

describe('dots', () => {
  const voting = { dots: 2, severalPerNote: false, hidden: true, revealed: false }
  it('keeps to the budget and to one per note, and takes dots back', () => {
    let ballots = {}
    const cast = (noteId: string, delta = 1) => castDots(ballots, voting, false, 'ana', noteId, delta, true)
    let r = cast('mine')
    expect('ballots' in r).toBe(true)
    if ('ballots' in r) ballots = r.ballots
    expect(cast('mine')).toEqual({ refusal: 'onePerNote' })
    r = cast('theirs')
    if ('ballots' in r) ballots = r.ballots
    expect(cast('facilitator')).toEqual({ refusal: 'noDotsLeft' })
    r = cast('mine', -1)
    if ('ballots' in r) ballots = r.ballots
    expect(tallyOf(ballots)).toEqual({ theirs: 1 })
    expect(castDots(ballots, { ...voting, revealed: true }, false, 'ana', 'mine', 1, true)).toEqual({
      refusal: 'noVoting'
    })
    expect(castDots(ballots, voting, false, 'ana', 'gone', 1, false)).toEqual({ refusal: 'noSuchNote' })
  })
})
