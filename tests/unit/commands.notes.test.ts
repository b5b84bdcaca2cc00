import { describe, expect, it } from 'vitest'
import {
  addNote,
  cellNotes,
  commands,
  deleteNotes,
  duplicateNotes,
  editNote,
  moveNote,
  runCommand,
  COMMAND_NAMES,
  type CommandArgs
} from '../../src/shared/commands'
import { JourneyError } from '../../src/shared/errors'
import { applyResult, buildMap, richMap, testContext } from './fixtures'

const texts = (map: ReturnType<typeof buildMap>, stageId: string, laneId: string) =>
  cellNotes(map, stageId, laneId).map((n) => n.text)

const threeNotes = () =>
  buildMap({
    notes: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
      { id: 'c', text: 'C' }
    ]
  })

describe('addNote', () => {
  it('adds at the end of the cell with kind and colour from the lane', () => {
    const map = threeNotes()
    const result = addNote(map, { stageId: 's1', laneId: 'l1', text: 'D' }, testContext())
    expect(result).toMatchObject({ name: 'addNote', history: true, createdIds: ['id1'] })
    const next = applyResult(map, result)
    expect(texts(next, 's1', 'l1')).toEqual(['A', 'B', 'C', 'D'])
    expect(next.notes.find((n) => n.id === 'id1')).toMatchObject({ kind: 'touchpoint', order: 4, votes: 0 })
    expect(result.patch).toHaveLength(1)
    expect(result.inverse).toEqual([{ op: 'delete', entity: 'note', id: 'id1' }])
  })

  it('inserts at an index with an order between the neighbours', () => {
    const map = threeNotes()
    const next = applyResult(map, addNote(map, { stageId: 's1', laneId: 'l1', index: 1, text: 'X' }, testContext()))
    expect(texts(next, 's1', 'l1')).toEqual(['A', 'X', 'B', 'C'])
    expect(next.notes.find((n) => n.id === 'id1')?.order).toBe(1.5)
    const first = applyResult(map, addNote(map, { stageId: 's1', laneId: 'l1', index: 0, text: 'Y' }, testContext()))
    expect(texts(first, 's1', 'l1')).toEqual(['Y', 'A', 'B', 'C'])
  })

  it('treats an index past the end as the end', () => {
    const map = threeNotes()
    const next = applyResult(map, addNote(map, { stageId: 's1', laneId: 'l1', index: 99, text: 'Z' }, testContext()))
    expect(texts(next, 's1', 'l1')).toEqual(['A', 'B', 'C', 'Z'])
  })

  it('renumbers the cell in the same patch when orders are exhausted', () => {
    const map = buildMap({
      notes: [
        { id: 'a', text: 'A', order: 1 },
        { id: 'b', text: 'B', order: 1 + Number.EPSILON }
      ]
    })
    const result = addNote(map, { stageId: 's1', laneId: 'l1', index: 1, text: 'X' }, testContext())
    const next = applyResult(map, result)
    expect(texts(next, 's1', 'l1')).toEqual(['A', 'X', 'B'])
    expect(cellNotes(next, 's1', 'l1').map((n) => n.order)).toEqual([1, 2, 3])
    expect(result.patch).toHaveLength(2)
  })

  it('takes explicit fields and refuses what does not fit', () => {
    const map = buildMap({ personaIds: ['p1'] })
    const ctx = testContext()
    const next = applyResult(
      map,
      addNote(map, { stageId: 's2', laneId: 'l2', kind: 'opportunity', impact: 4, effort: 2, personaIds: ['p1'] }, ctx)
    )
    expect(next.notes[0]).toMatchObject({ kind: 'opportunity', color: '#a5d6a7', impact: 4, personaIds: ['p1'] })
    expect(() => addNote(map, { stageId: 'nope', laneId: 'l1' }, ctx)).toThrow('There is no stage "nope" in this map.')
    expect(() => addNote(map, { stageId: 's1', laneId: 'l9' }, ctx)).toThrow(/no lane "l9"/)
    expect(() => addNote(map, { stageId: 's1', laneId: 'l1', personaIds: ['p2'] }, ctx)).toThrow(/not linked/)
    expect(() => addNote(map, { stageId: 's1', laneId: 'l1', text: 'x'.repeat(2001) }, ctx)).toThrow(
      'Invalid arguments for addNote: text: at most 2000 characters.'
    )
    expect(() => addNote(map, { stageId: 's1', laneId: 'l1', index: -1 }, ctx)).toThrow(/index must not be negative/)
  })

  it('throws JourneyError invalid_request with issues for bad arguments', () => {
    try {
      addNote(buildMap(), { stageId: 's1', laneId: 'l1', color: 'red', bogus: 1 } as never, testContext())
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(JourneyError)
      expect((error as JourneyError).code).toBe('invalid_request')
      expect((error as JourneyError).issues.map((i) => i.path)).toEqual(['color', '(root)'])
    }
  })
})

describe('editNote', () => {
  it('changes only the given fields', () => {
    const map = richMap()
    const next = applyResult(
      map,
      editNote(map, { noteId: 'n1', text: 'Banner ad', votes: 3, severity: null }, testContext())
    )
    expect(next.notes.find((n) => n.id === 'n1')).toMatchObject({ text: 'Banner ad', votes: 3, channel: 'web' })
  })

  it('returns an empty patch outside history when nothing changes', () => {
    const map = richMap()
    const result = editNote(map, { noteId: 'n1', text: 'Ad' }, testContext())
    expect(result).toMatchObject({ patch: [], inverse: [], history: false })
  })

  it('refuses unknown notes, bad values and unlinked personas', () => {
    const map = richMap()
    const ctx = testContext()
    expect(() => editNote(map, { noteId: 'zz', text: 'x' }, ctx)).toThrow(/no note "zz"/)
    expect(() => editNote(map, { noteId: 'n1', severity: 4 }, ctx)).toThrow(/severity/)
    expect(() => editNote(map, { noteId: 'n1', votes: Number.NaN }, ctx)).toThrow(/votes/)
    expect(() => editNote(map, { noteId: 'n1', personaIds: ['p1', 'p1'] }, ctx)).toThrow(/listed twice/)
    expect(() => editNote(map, { noteId: 'n1', personaIds: ['p7'] }, ctx)).toThrow(/not linked/)
  })
})

describe('moveNote', () => {
  it('reorders inside a cell', () => {
    const map = threeNotes()
    const down = applyResult(map, moveNote(map, { noteId: 'a', stageId: 's1', laneId: 'l1', index: 2 }, testContext()))
    expect(texts(down, 's1', 'l1')).toEqual(['B', 'C', 'A'])
    const up = applyResult(map, moveNote(map, { noteId: 'c', stageId: 's1', laneId: 'l1', index: 0 }, testContext()))
    expect(texts(up, 's1', 'l1')).toEqual(['C', 'A', 'B'])
    const middle = moveNote(map, { noteId: 'c', stageId: 's1', laneId: 'l1', index: 1 }, testContext())
    expect(middle.patch).toHaveLength(1)
    expect(texts(applyResult(map, middle), 's1', 'l1')).toEqual(['A', 'C', 'B'])
  })

  it('is a no-op when dropped where it was', () => {
    const map = threeNotes()
    expect(moveNote(map, { noteId: 'b', stageId: 's1', laneId: 'l1', index: 1 }, testContext()).history).toBe(false)
    expect(moveNote(map, { noteId: 'c', stageId: 's1', laneId: 'l1', index: 50 }, testContext()).patch).toEqual([])
  })

  it('moves to another cell and keeps markers and connectors', () => {
    const map = richMap()
    const result = moveNote(map, { noteId: 'n4', stageId: 's3', laneId: 'l2', index: 0 }, testContext())
    expect(result.patch).toHaveLength(1)
    const next = applyResult(map, result)
    expect(cellNotes(next, 's3', 'l2').map((n) => n.id)).toEqual(['n4', 'n5'])
    expect(next.markers).toEqual(map.markers)
    expect(next.connectors).toEqual(map.connectors)
  })

  it('refuses unknown targets', () => {
    const map = richMap()
    expect(() => moveNote(map, { noteId: 'n1', stageId: 's9', laneId: 'l1', index: 0 }, testContext())).toThrow(
      /no stage "s9"/
    )
    expect(() => moveNote(map, { noteId: 'n1', stageId: 's1', laneId: 'l1', index: 0.5 }, testContext())).toThrow(
      /whole number/
    )
  })
})

describe('deleteNotes', () => {
  it('deletes the notes with their markers and connectors; the inverse restores all', () => {
    const map = richMap()
    const result = deleteNotes(map, { noteIds: ['n3', 'n4', 'n3'] }, testContext())
    const next = applyResult(map, result)
    expect(next.notes.map((n) => n.id).sort()).toEqual(['n1', 'n2', 'n5'])
    expect(next.markers.map((m) => m.id)).toEqual(['m2', 'm3'])
    expect(next.connectors).toEqual([])
    expect(result.inverse).toHaveLength(5)
  })

  it('refuses an empty list and unknown notes, deleting nothing', () => {
    const map = richMap()
    expect(() => deleteNotes(map, { noteIds: [] }, testContext())).toThrow(/at least one note/)
    expect(() => deleteNotes(map, { noteIds: ['n1', 'ghost'] }, testContext())).toThrow(/no note "ghost"/)
  })
})

describe('duplicateNotes', () => {
  it('places each copy right after its original, without votes or attachments', () => {
    const map = buildMap({
      notes: [
        { id: 'a', text: 'A', votes: 4 },
        { id: 'b', text: 'B' },
        { id: 'c', text: 'C' },
        { id: 'd', stageId: 's2', text: 'D' }
      ],
      markers: [{ id: 'm', target: { kind: 'note', noteId: 'a' } }]
    })
    const result = duplicateNotes(map, { noteIds: ['d', 'a', 'b'] }, testContext())
    expect(result.createdIds).toEqual(['id1', 'id2', 'id3'])
    const next = applyResult(map, result)
    expect(texts(next, 's1', 'l1')).toEqual(['A', 'A', 'B', 'B', 'C'])
    expect(cellNotes(next, 's1', 'l1').map((n) => n.id)).toEqual(['a', 'id2', 'b', 'id3', 'c'])
    expect(texts(next, 's2', 'l1')).toEqual(['D', 'D'])
    expect(next.notes.find((n) => n.id === 'id2')?.votes).toBe(0)
    expect(next.markers).toHaveLength(1)
  })
})

describe('registry', () => {
  it('names every command by its key and runs commands by name', () => {
    for (const name of COMMAND_NAMES) expect(commands[name].commandName).toBe(name)
    const map = richMap()
    const result = runCommand('deleteNotes', map, { noteIds: ['n1'] }, testContext())
    expect(result.name).toBe('deleteNotes')
    expect(() => runCommand('formatDisk', map, {}, testContext())).toThrow('There is no command named "formatDisk".')
  })

  it('types arguments per command and accepts readonly data from the store', () => {
    const move: CommandArgs<'moveNote'> = { noteId: 'n1', stageId: 's2', laneId: 'l1', index: 0 }
    // @ts-expect-error: moveNote has no `position`
    const wrong: CommandArgs<'moveNote'> = { noteId: 'n1', stageId: 's2', laneId: 'l1', position: 0 }
    const selection: readonly string[] = ['n1', 'n2']
    const map = richMap()
    expect(moveNote(map, move, testContext()).history).toBe(true)
    expect(() => moveNote(map, wrong, testContext())).toThrow(/moveNote: index: .* received undefined/)
    expect(deleteNotes(map, { noteIds: selection }, testContext()).patch.length).toBeGreaterThan(2)
  })
})
