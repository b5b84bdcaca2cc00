/**
 * The merge rules (docs/merging.md) on small readable cases: what combines by itself, what is a
 * conflict and what each choice gives, and the applyMerge command that makes the result one
 * undo step.
 */
import { describe, expect, it } from 'vitest'
import { runCommand } from '../../src/shared/commands'
import { chooseAll, planMerge, resolveMerge, type MergePlan } from '../../src/shared/merge'
import type { JourneyMap, Note } from '../../src/shared/model'
import { applyPatch } from '../../src/shared/model/patch'
import { buildMap, richMap, testContext } from './fixtures'

const note = (map: JourneyMap, id: string) => map.notes.find((n) => n.id === id)
const withNote = (map: JourneyMap, id: string, change: Partial<Note>): JourneyMap => ({
  ...map,
  notes: map.notes.map((n) => (n.id === id ? { ...n, ...change } : n))
})
const run = (map: JourneyMap, name: string, args: unknown, prefix = 'x') =>
  applyPatch(map, runCommand(name, map, args, testContext(prefix)).patch)

describe('what merges by itself', () => {
  const base = richMap()

  it('combines changes to different fields of one note and to different records', () => {
    const local = withNote(run(base, 'renameStage', { stageId: 's1', title: 'Discover' }), 'n1', {
      text: 'Ad (LinkedIn)'
    })
    const incoming = withNote(run(base, 'addNote', { stageId: 's2', laneId: 'l1', text: 'Trial' }, 'f'), 'n1', {
      color: '#ffd43b'
    })
    const plan = planMerge(base, local, incoming)
    expect(plan.conflicts).toEqual([])
    const { map, patch } = resolveMerge(plan, {})
    expect(note(map, 'n1')).toMatchObject({ text: 'Ad (LinkedIn)', color: '#ffd43b' })
    expect(map.stages.find((s) => s.id === 's1')?.title).toBe('Discover')
    expect(map.notes.map((n) => n.text)).toContain('Trial')
    // The patch changes only what the file brought: the colour and the new note.
    expect(patch.map((op) => (op.op === 'put' ? `put ${op.entity} ${op.value.id}` : op.op))).toEqual([
      'put note n1',
      'put note f1'
    ])
  })

  it('lets a deletion win over a record the other side left untouched', () => {
    const local = run(base, 'deleteNotes', { noteIds: ['n2'] })
    const incoming = withNote(base, 'n5', { text: 'Slow support, again' })
    const plan = planMerge(base, local, incoming)
    expect(plan.conflicts).toEqual([])
    const { map } = resolveMerge(plan, {})
    expect(note(map, 'n2')).toBeUndefined()
    expect(note(map, 'n5')?.text).toBe('Slow support, again')
  })

  it('takes a copy that did nothing as nothing to merge', () => {
    const local = run(base, 'deleteStage', { stageId: 's3' })
    const { map, patch } = resolveMerge(planMerge(base, local, base), {})
    expect(patch).toEqual([])
    expect(map).toStrictEqual(local)
  })
})

describe('conflicts', () => {
  const base = richMap()
  const only = (plan: MergePlan) => {
    expect(plan.conflicts).toHaveLength(1)
    return plan.conflicts[0]!
  }

  it('asks when both changed the same field, and applies the choice', () => {
    const plan = planMerge(
      base,
      withNote(base, 'n3', { text: 'Live demo' }),
      withNote(base, 'n3', { text: 'Video demo' })
    )
    expect(only(plan)).toMatchObject({
      type: 'field',
      id: 'note:n3#text',
      field: 'text',
      base: 'Demo',
      local: 'Live demo',
      incoming: 'Video demo'
    })
    expect(note(resolveMerge(plan, { 'note:n3#text': 'incoming' }).map, 'n3')?.text).toBe('Video demo')
    expect(note(resolveMerge(plan, { 'note:n3#text': 'local' }).map, 'n3')?.text).toBe('Live demo')
    expect(() => resolveMerge(plan, {})).toThrow(/1 of the merge's conflicts have no choice yet/)
  })

  it('treats where a note sits (stage, lane, order) as one thing', () => {
    const local = run(base, 'moveNote', { noteId: 'n2', stageId: 's3', laneId: 'l1', index: 0 })
    const incoming = run(base, 'moveNote', { noteId: 'n2', stageId: 's2', laneId: 'l2', index: 0 })
    const conflict = only(planMerge(base, local, incoming))
    expect(conflict).toMatchObject({ type: 'field', field: 'position' })
    const { map } = resolveMerge(
      planMerge(base, local, incoming),
      chooseAll(planMerge(base, local, incoming), 'incoming')
    )
    expect(note(map, 'n2')).toMatchObject({ stageId: 's2', laneId: 'l2' })
  })

  it('asks before deleting a stage the other copy added a note to, and deletes or keeps both', () => {
    const local = run(base, 'deleteStage', { stageId: 's3' })
    const incoming = run(base, 'addNote', { stageId: 's3', laneId: 'l1', text: 'Renewal call' }, 'f')
    const plan = planMerge(base, local, incoming)
    const conflict = only(plan)
    expect(conflict.type).toBe('deletion')
    if (conflict.type !== 'deletion') return
    expect(conflict.deletedBy).toBe('local')
    expect(conflict.records.map((r) => `${r.kind}:${r.id}`)).toEqual([
      'stage:s3',
      'note:n5',
      'emotionPoint:e4',
      'marker:m3'
    ])
    expect(conflict.dependents.map((d) => `${d.kind}:${d.id}`)).toEqual(['note:f1'])
    const deleted = resolveMerge(plan, { [conflict.id]: 'local' }).map
    expect(deleted.stages.map((s) => s.id)).toEqual(['s1', 's2'])
    expect(note(deleted, 'f1')).toBeUndefined()
    const kept = resolveMerge(plan, { [conflict.id]: 'incoming' }).map
    expect(kept.stages.map((s) => s.id)).toEqual(['s1', 's2', 's3'])
    expect(
      kept.notes
        .filter((n) => n.stageId === 's3')
        .map((n) => n.text)
        .sort()
    ).toEqual(['Renewal call', 'Slow support'])
  })

  it('asks before unlinking a persona the other copy tagged a note with', () => {
    const local = run(base, 'setMapMeta', { personaIds: ['p1'] })
    const incoming = withNote(base, 'n3', { personaIds: ['p2'] })
    const plan = planMerge(base, local, incoming)
    const conflict = plan.conflicts.find((c) => c.type === 'deletion')
    expect(conflict).toMatchObject({ deletedBy: 'local', dependents: [{ kind: 'note', id: 'n3' }] })
    const unlinked = resolveMerge(plan, chooseAll(plan, 'local')).map
    expect(unlinked.personaIds).toEqual(['p1'])
    expect(note(unlinked, 'n3')?.personaIds).toEqual([])
    const kept = resolveMerge(plan, chooseAll(plan, 'incoming')).map
    expect(kept.personaIds).toEqual(['p1', 'p2'])
    expect(note(kept, 'n3')?.personaIds).toEqual(['p2'])
  })

  it('asks which of two emotion points for the same place stays', () => {
    const start = buildMap({ personaIds: ['p1'] })
    const local = run(start, 'setEmotionPoint', { personaId: 'p1', variant: 'asIs', stageId: 's1', score: 1 }, 'L')
    const incoming = run(start, 'setEmotionPoint', { personaId: 'p1', variant: 'asIs', stageId: 's1', score: -1 }, 'I')
    const plan = planMerge(start, local, incoming)
    expect(only(plan)).toMatchObject({ type: 'duplicate', local: { kind: 'emotionPoint' } })
    expect(resolveMerge(plan, chooseAll(plan, 'incoming')).map.emotionPoints.map((p) => p.score)).toEqual([-1])
    expect(resolveMerge(plan, chooseAll(plan, 'local')).map.emotionPoints.map((p) => p.score)).toEqual([1])
  })
})

describe('applyMerge', () => {
  it('applies the merge as one edit whose inverse undoes all of it', () => {
    const base = richMap()
    const local = run(base, 'renameLane', { laneId: 'l1', title: 'Channels' })
    const incoming = run(run(base, 'deleteNotes', { noteIds: ['n1', 'n4'] }), 'addStage', { title: 'Renewal' }, 'f')
    const { map, patch } = resolveMerge(planMerge(base, local, incoming), {})
    const result = runCommand('applyMerge', local, { patch }, testContext())
    expect(result.history).toBe(true)
    expect(applyPatch(local, result.patch)).toStrictEqual(map)
    expect(applyPatch(map, result.inverse)).toStrictEqual(local)
  })

  it('refuses a merge that no longer fits the map it is applied to', () => {
    const base = richMap()
    const incoming = run(base, 'addNote', { stageId: 's3', laneId: 'l1', text: 'Late' }, 'f')
    const { patch } = resolveMerge(planMerge(base, base, incoming), {})
    const changed = run(base, 'deleteStage', { stageId: 's3' })
    expect(() => runCommand('applyMerge', changed, { patch }, testContext())).toThrow(/no longer fits the map/)
  })
})
