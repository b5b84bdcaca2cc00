/**
 * The three-way merge (src/shared/sync/merge.ts) and change sets (changes.ts), property-tested:
 * the rules hold for any values, not just the examples we thought of.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runCommand } from '../../src/shared/commands'
import { isDeepEqual } from '../../src/shared/commands/core'
import { applyPatch } from '../../src/shared/model/patch'
import { changesOf, invertChanges, patchOf, rebase } from '../../src/shared/sync/changes'
import { mergeFields, mergeRecord, type Fields } from '../../src/shared/sync/merge'
import { applyChanges } from '../../src/shared/sync/session'
import { argsFor, startMaps, stepArb } from './command-arbitraries'
import { buildMap, testContext } from './fixtures'

/** A small pool of values, so that sides often agree or collide by chance. */
const value = fc.oneof(
  fc.constantFrom('a', 'b', 'c', '', 1, 2, null, true),
  fc.constantFrom({ kind: 'note', noteId: 'n1' }, { kind: 'note', noteId: 'n2' }, ['p1'], ['p1', 'p2'])
)
const KEYS = ['text', 'color', 'order', 'target', 'personaIds'] as const
const record: fc.Arbitrary<Fields> = fc.record(Object.fromEntries(KEYS.map((k) => [k, value])), {
  requiredKeys: ['text', 'color']
})
/** Three versions of one record where each side changed some fields of base. */
const triple = fc.tuple(record, record, record, fc.boolean(), fc.boolean()).map(([base, t, m, useT, useM]) => ({
  base,
  theirs: useT ? { ...base, ...t } : t,
  mine: useM ? { ...base, ...m } : m
}))

const same = (a: unknown, b: unknown) => isDeepEqual(a, b)

describe('mergeFields', () => {
  it('keeps each field from the side that changed it, and theirs where both changed it differently', () => {
    fc.assert(
      fc.property(triple, ({ base, theirs, mine }) => {
        const { value: merged, conflicts } = mergeFields(base, theirs, mine)
        for (const key of new Set([...Object.keys(base), ...Object.keys(theirs), ...Object.keys(mine)])) {
          const [b, t, m, r] = [base[key], theirs[key], mine[key], merged[key]]
          if (same(m, b)) expect(r).toEqual(t)
          else if (same(t, b)) expect(r).toEqual(m)
          else expect(r).toEqual(t) // both changed: theirs was committed first
          expect(conflicts.includes(key)).toBe(!same(m, b) && !same(t, b) && !same(m, t))
        }
        expect([...conflicts]).toEqual([...conflicts].sort())
      })
    )
  })

  it('is the identity when only one side changed, and when both did the same', () => {
    fc.assert(
      fc.property(record, record, (base, other) => {
        expect(mergeFields(base, base, other)).toEqual({ value: other, conflicts: [] })
        expect(mergeFields(base, other, base)).toEqual({ value: other, conflicts: [] })
        expect(mergeFields(base, other, other)).toEqual({ value: other, conflicts: [] })
      })
    )
  })

  it('names the same conflicts whichever side is "theirs", and differs only there', () => {
    fc.assert(
      fc.property(triple, ({ base, theirs, mine }) => {
        const one = mergeFields(base, theirs, mine)
        const other = mergeFields(base, mine, theirs)
        expect(other.conflicts).toEqual(one.conflicts)
        for (const key of Object.keys({ ...one.value, ...other.value })) {
          if (!one.conflicts.includes(key)) expect(other.value[key]).toEqual(one.value[key])
        }
      })
    )
  })

  it('does not depend on the order of keys', () => {
    fc.assert(
      fc.property(triple, ({ base, theirs, mine }) => {
        const reversed = (r: Fields) => Object.fromEntries(Object.entries(r).reverse())
        expect(mergeFields(reversed(base), reversed(theirs), reversed(mine))).toEqual(mergeFields(base, theirs, mine))
      })
    )
  })
})

describe('mergeRecord', () => {
  const maybe = fc.option(record, { nil: null })

  it('lets a delete win over an edit, and reports an edit that lost to a delete', () => {
    fc.assert(
      fc.property(record, record, (base, edited) => {
        fc.pre(!same(base, edited))
        // Mine deletes what they edited: deleted.
        expect(mergeRecord(base, edited, null)).toEqual({ kind: 'clean', value: null })
        // They deleted what mine edited: stays deleted, mine is handed back.
        expect(mergeRecord(base, null, edited)).toEqual({ kind: 'deleted', value: null, mine: edited })
      })
    )
  })

  it('treats a create of a record that exists as already done', () => {
    fc.assert(
      fc.property(record, record, (created, now) => {
        const merged = mergeRecord(null, now, created)
        expect(merged.kind).toBe('clean')
        expect(merged.value).toEqual(now)
        expect(mergeRecord(null, null, created)).toEqual({ kind: 'clean', value: created })
      })
    )
  })

  it('always comes out as one of the three cases, with a value that is theirs, mine or a field mix', () => {
    fc.assert(
      fc.property(maybe, maybe, maybe, (base, theirs, mine) => {
        const merged = mergeRecord(base, theirs, mine)
        if (merged.kind === 'deleted') {
          expect(base).not.toBeNull()
          expect(theirs).toBeNull()
          expect(merged.mine).toEqual(mine)
        } else if (merged.value === null) {
          expect(theirs === null || mine === null).toBe(true)
        } else if (merged.kind === 'conflict') {
          expect(base && theirs && mine).toBeTruthy()
          expect(merged.conflicts.length).toBeGreaterThan(0)
        }
        // Merging is idempotent: merging the result again with the same theirs changes nothing.
        if (merged.value !== null && theirs !== null) {
          expect(mergeRecord(theirs, theirs, merged.value).value).toEqual(merged.value)
        }
      })
    )
  })
})

describe('change sets over commands', () => {
  it('describe a command exactly: applying them is applying its patch, inverting them undoes it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(startMaps)), fc.array(stepArb, { maxLength: 12 }), (start, steps) => {
        const ctx = testContext('c')
        let map = startMaps[start]!
        for (const step of steps) {
          const args = argsFor(map, step)
          if (args === null) continue
          const { patch } = runCommand(step.name, map, args, ctx)
          const next = applyPatch(map, patch)
          const changes = changesOf(map, patch)
          expect(applyPatch(map, patchOf(changes))).toStrictEqual(next)
          expect(applyChanges(next, invertChanges(changes))).toStrictEqual(map)
          // On the map it was made for, nothing needs merging.
          const rebased = rebase(changes, map)
          expect(rebased.conflicts).toEqual([])
          expect(rebased.changes).toEqual(changes)
          // On the map that already has it, nothing is left to do.
          expect(rebase(changes, next).changes).toEqual({ records: [], meta: null })
          map = next
        }
      }),
      { numRuns: 60 }
    )
  })

  it('carries an edit over onto someone else’s edit of other fields, and keeps theirs where both typed', () => {
    const map = buildMap({ notes: [{ id: 'n1', text: 'Free trial', color: '#fff59d' }] })
    const ctx = testContext('x')
    const mine = changesOf(map, runCommand('editNote', map, { noteId: 'n1', text: 'Free trial, 14 days' }, ctx).patch)
    const colour = applyPatch(map, runCommand('editNote', map, { noteId: 'n1', color: '#ef9a9a' }, ctx).patch)
    const merged = rebase(mine, colour)
    expect(merged.conflicts).toEqual([])
    expect(applyChanges(colour, merged.changes).notes[0]).toMatchObject({
      text: 'Free trial, 14 days',
      color: '#ef9a9a'
    })

    const typed = applyPatch(map, runCommand('editNote', map, { noteId: 'n1', text: 'Trial (30 days)' }, ctx).patch)
    const lost = rebase(mine, typed)
    expect(lost.changes).toEqual({ records: [], meta: null })
    expect(lost.conflicts).toEqual([
      expect.objectContaining({ kind: 'field', entity: 'note', id: 'n1', fields: ['text'] })
    ])
    expect(lost.conflicts[0]).toMatchObject({
      mine: { text: 'Free trial, 14 days' },
      theirs: { text: 'Trial (30 days)' }
    })
  })
})
