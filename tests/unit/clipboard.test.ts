/** Copy and paste of notes, the pure half: the payload, reading the clipboard, and planning a paste. */
import { describe, expect, it } from 'vitest'
import { runCommand } from '../../src/shared/commands'
import {
  copyPayload,
  MAX_PASTE_LINES,
  planPaste,
  plainTextOf,
  readClipboardText,
  type PasteCall
} from '../../src/renderer/src/editing/clipboard'
import type { JourneyMap } from '../../src/shared/model'
import { assertValidMap, buildMap, testContext } from './fixtures'

/** Three stages, a touchpoint lane, the emotion lane and a pain-point lane; notes in two cells. */
function source(): JourneyMap {
  return buildMap({
    stages: ['s1', 's2', 's3'],
    lanes: [
      { id: 'l1', kind: 'touchpoints', title: 'Touchpoints' },
      { id: 'le', kind: 'emotions', title: 'Emotions' },
      { id: 'l2', kind: 'painPoints', title: 'Pain points' }
    ],
    personaIds: ['maya'],
    notes: [
      { id: 'a', stageId: 's1', laneId: 'l1', text: 'First', color: '#ffcc80', channel: 'web', personaIds: ['maya'] },
      { id: 'b', stageId: 's1', laneId: 'l1', text: 'Second', votes: 4 },
      { id: 'c', stageId: 's2', laneId: 'l2', text: 'Slow setup', kind: 'painPoint', severity: 3 }
    ]
  })
}

/** Another map: stages in another order and with other ids, one of them titled like the source's second. */
function target(): JourneyMap {
  return buildMap({
    stages: [
      { id: 't1', title: 'Discover' },
      { id: 't2', title: 'Stage 2' }
    ],
    lanes: [
      { id: 'm1', kind: 'touchpoints', title: 'Channels' },
      { id: 'm2', kind: 'painPoints', title: 'Pain points' },
      { id: 'me', kind: 'emotions', title: 'Feelings' }
    ]
  })
}

const cells = (calls: readonly PasteCall[]) => calls.map((c) => [c.args.stageId, c.args.laneId, c.args.text])

/** Runs the calls on the map as the store would (one after another), and checks the result. */
function paste(map: JourneyMap, calls: readonly PasteCall[]): JourneyMap {
  const ctx = testContext('p')
  let current = map
  for (const call of calls) {
    const result = runCommand(call.name, current, call.args, ctx)
    current = { ...current, notes: [...current.notes] }
    for (const op of result.patch) {
      if (op.op === 'put' && op.entity === 'note') {
        current = { ...current, notes: [...current.notes.filter((n) => n.id !== op.value.id), op.value as never] }
      }
    }
  }
  assertValidMap(current)
  return current
}

describe('copying notes', () => {
  it('keeps their fields, reading order and cells by position and title (not votes, not ids)', () => {
    const payload = copyPayload(source(), ['c', 'b', 'a'])!
    expect(payload.journeyboard).toBe('notes')
    expect(payload.version).toBe(1)
    expect(payload.notes.map((n) => n.text)).toEqual(['First', 'Second', 'Slow setup'])
    expect(payload.notes[0]).toEqual({
      text: 'First',
      color: '#ffcc80',
      kind: 'note',
      channel: 'web',
      category: null,
      personaIds: ['maya'],
      severity: null,
      impact: null,
      effort: null,
      stage: { index: 0, title: 'Stage 1' },
      lane: { index: 0, title: 'Touchpoints' }
    })
    // The emotion lane takes no notes, so the pain-point lane is the second note lane.
    expect(payload.notes[2]!.lane).toEqual({ index: 1, title: 'Pain points' })
    expect(plainTextOf(payload)).toBe('First\nSecond\nSlow setup')
    expect(copyPayload(source(), ['missing'])).toBeNull()
  })
})

describe('reading the clipboard', () => {
  it('reads our payload back, and refuses a damaged or newer one with a reason', () => {
    const payload = copyPayload(source(), ['a'])!
    expect(readClipboardText(JSON.stringify(payload))).toEqual({ kind: 'notes', notes: payload.notes })
    const damaged = { ...payload, notes: [{ ...payload.notes[0], color: 'red' }] }
    expect(readClipboardText(JSON.stringify(damaged))).toEqual({
      problem: 'The copied notes are damaged and cannot be pasted.'
    })
    expect(readClipboardText(JSON.stringify({ ...payload, version: 2 }))).toHaveProperty('problem')
    // Any other JSON is just text.
    expect(readClipboardText('{"a": 1}')).toEqual({ kind: 'text', notes: [{ text: '{"a": 1}' }] })
  })

  it('turns plain text into one note per non-empty line, capped, with a clear message', () => {
    expect(readClipboardText('  Calls support \r\n\nWaits two days\n')).toEqual({
      kind: 'text',
      notes: [{ text: 'Calls support' }, { text: 'Waits two days' }]
    })
    expect(readClipboardText('   \n ')).toHaveProperty('problem')
    const tooMany = Array.from({ length: MAX_PASTE_LINES + 1 }, (_, i) => `Line ${i}`).join('\n')
    expect(readClipboardText(tooMany)).toEqual({
      problem: `The pasted text has ${MAX_PASTE_LINES + 1} lines; at most ${MAX_PASTE_LINES} notes (one per line) can be pasted at once.`
    })
    expect(readClipboardText('x'.repeat(2001))).toHaveProperty('problem')
  })
})

describe('planning a paste', () => {
  const notes = () => copyPayload(source(), ['a', 'b', 'c'])!.notes

  it('into a selected cell: the block keeps its shape from there, clamped to the map', () => {
    const map = source()
    const plan = planPaste(map, { kind: 'cell', stageId: 's2', laneId: 'l1' }, notes())
    if ('problem' in plan) throw new Error(plan.problem)
    expect(cells(plan.calls)).toEqual([
      ['s2', 'l1', 'First'],
      ['s2', 'l1', 'Second'],
      ['s3', 'l2', 'Slow setup']
    ])
    // From the last stage, the second column has nowhere to go but the last stage too.
    const clamped = planPaste(map, { kind: 'cell', stageId: 's3', laneId: 'l2' }, notes())
    if ('problem' in clamped) throw new Error(clamped.problem)
    expect(cells(clamped.calls)).toEqual([
      ['s3', 'l2', 'First'],
      ['s3', 'l2', 'Second'],
      ['s3', 'l2', 'Slow setup']
    ])
    // New notes at the end of their cells, in the copied order, with the copied fields but no votes.
    const after = paste(map, plan.calls)
    const added = after.notes.filter((n) => !['a', 'b', 'c'].includes(n.id))
    expect(added.map((n) => [n.text, n.color, n.channel, n.personaIds, n.votes, n.severity])).toEqual([
      ['First', '#ffcc80', 'web', ['maya'], 0, null],
      ['Second', '#fff59d', null, [], 0, null],
      ['Slow setup', '#fff59d', null, [], 0, 3]
    ])
  })

  it('with the cell of the last selected note as the anchor, and not into the emotion lane', () => {
    const plan = planPaste(source(), { kind: 'notes', noteIds: ['c'] }, notes().slice(0, 1))
    expect('calls' in plan && cells(plan.calls)).toEqual([['s2', 'l2', 'First']])
    expect(planPaste(source(), { kind: 'cell', stageId: 's1', laneId: 'le' }, notes())).toEqual({
      problem: 'Notes cannot be pasted into the emotion lane; select another cell.'
    })
  })

  it('with nothing selected, on another map: same title first, else same position, clamped', () => {
    const map = target()
    const plan = planPaste(map, { kind: 'none' }, notes())
    if ('problem' in plan) throw new Error(plan.problem)
    // "Stage 1" has no namesake: position 0 (t1); "Stage 2" is t2 by title; lanes by position and title.
    expect(cells(plan.calls)).toEqual([
      ['t1', 'm1', 'First'],
      ['t1', 'm1', 'Second'],
      ['t2', 'm2', 'Slow setup']
    ])
    // Personas not linked to this map are left off rather than refused.
    const after = paste(map, plan.calls)
    expect(after.notes.find((n) => n.text === 'First')?.personaIds).toEqual([])
  })

  it('plain text goes to the selected cell, with the lane’s kind and colour', () => {
    const text = readClipboardText('One\nTwo')
    if ('problem' in text) throw new Error(text.problem)
    const plan = planPaste(target(), { kind: 'cell', stageId: 't2', laneId: 'm2' }, text.notes)
    if ('problem' in plan) throw new Error(plan.problem)
    expect(plan.calls.map((c) => c.args)).toEqual([
      { stageId: 't2', laneId: 'm2', text: 'One' },
      { stageId: 't2', laneId: 'm2', text: 'Two' }
    ])
    const none = planPaste(target(), { kind: 'none' }, text.notes)
    expect('calls' in none && cells(none.calls)).toEqual([
      ['t1', 'm1', 'One'],
      ['t1', 'm1', 'Two']
    ])
    expect(
      planPaste(buildMap({ lanes: [{ id: 'e', kind: 'emotions' }] }), { kind: 'none' }, text.notes)
    ).toHaveProperty('problem')
  })
})
