/**
 * The three-way merge of two copies edited apart (src/shared/merge), over random edit sessions:
 * both copies start from the same map and each runs its own random sequence of real commands.
 * Whatever the user then chooses, the merged map is valid; no edit that only one side made is
 * lost unless a conflict the user saw covers it; every field both sides changed differently and
 * every record one side deleted while the other changed it is flagged; and the rules treat the
 * two sides alike.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runCommand } from '../../src/shared/commands'
import { isDeepEqual } from '../../src/shared/commands/core'
import {
  chooseAll,
  planMerge,
  resolveMerge,
  type MergeConflict,
  type MergePlan,
  type MergeSide
} from '../../src/shared/merge'
import {
  grouped,
  recordKey,
  recordsOf,
  referencesOf,
  referredKind,
  splitKey,
  type Rec
} from '../../src/shared/merge/records'
import type { JourneyMap } from '../../src/shared/model'
import { checkIntegrity } from '../../src/shared/model/integrity'
import { applyPatch, canonicalize } from '../../src/shared/model/patch'
import { JourneyMapSchema } from '../../src/shared/schema/entities'
import { argsFor, startMaps, stepArb, type Step } from './command-arbitraries'
import { testContext } from './fixtures'

/** A copy of `map` after a random edit session; ids made by it start with `prefix`. */
function edit(map: JourneyMap, steps: readonly Step[], prefix: string): JourneyMap {
  const ctx = testContext(prefix)
  let current = map
  for (const step of steps) {
    const args = argsFor(current, step)
    if (args === null) continue
    current = applyPatch(current, runCommand(step.name, current, args, ctx).patch)
  }
  return current
}

/** The records each conflict is about: what the user's choice may keep or drop. */
function coveredKeys(conflicts: readonly MergeConflict[]): Set<string> {
  const out = new Set<string>()
  for (const c of conflicts) {
    if (c.type === 'field') out.add(recordKey(c.kind, c.recordId))
    else if (c.type === 'deletion') {
      for (const r of c.records) out.add(recordKey(r.kind, r.id))
      for (const d of c.dependents) out.add(recordKey(d.kind, d.id))
    } else {
      out.add(recordKey(c.local.kind, c.local.record.id))
      out.add(recordKey(c.incoming.kind, c.incoming.record.id))
    }
  }
  return out
}

/** Records that lost something to a conflict's choice may lose what hangs on them too. */
function coveredClosure(plan: MergePlan, covered: Set<string>): Set<string> {
  const all = new Map([...recordsOf(plan.local), ...recordsOf(plan.incoming)])
  for (let grew = true; grew;) {
    grew = false
    for (const [key, record] of all) {
      if (covered.has(key)) continue
      if (referencesOf(record).some((r) => covered.has(r.key))) {
        covered.add(key)
        grew = true
      }
    }
  }
  return covered
}

/**
 * A side's value of a field as the merged map may show it: ids of records no longer in the
 * merge dropped from lists, scores clamped into the merged scale (the documented repairs).
 */
function repaired(value: unknown, field: string, result: Map<string, Rec>, scale: { min: number; max: number }) {
  const kind = referredKind(field)
  if (kind && Array.isArray(value)) return value.filter((id) => result.has(recordKey(kind, id as string)))
  if (field === 'score' && typeof value === 'number') return Math.min(scale.max, Math.max(scale.min, value)) + 0
  return value
}

function checkMerge(base: JourneyMap, local: JourneyMap, incoming: JourneyMap): void {
  const plan = planMerge(base, local, incoming)
  const B = recordsOf(base)
  const L = recordsOf(local)
  const I = recordsOf(incoming)
  const fieldConflicts = new Set(plan.conflicts.filter((c) => c.type === 'field').map((c) => c.id))
  const deletedInConflict = new Set(
    plan.conflicts.flatMap((c) => (c.type === 'deletion' ? c.records.map((r) => recordKey(r.kind, r.id)) : []))
  )
  const ids = plan.conflicts.map((c) => c.id)
  expect(new Set(ids).size, 'conflict ids are unique').toBe(ids.length)

  // Every real conflict is flagged.
  for (const key of new Set([...B.keys(), ...L.keys(), ...I.keys()])) {
    const b = B.get(key)
    const l = L.get(key)
    const i = I.get(key)
    if (l && i) {
      const gb = b ? grouped(b) : {}
      const gl = grouped(l)
      const gi = grouped(i)
      for (const field of new Set([...Object.keys(gl), ...Object.keys(gi)])) {
        const changedBoth = !isDeepEqual(gl[field], gb[field]) && !isDeepEqual(gi[field], gb[field])
        if (changedBoth && !isDeepEqual(gl[field], gi[field])) {
          expect(fieldConflicts.has(`${key}#${field}`), `${key}#${field} changed on both sides`).toBe(true)
        }
      }
    } else if (b && (l || i) && !isDeepEqual(l ?? i, b)) {
      expect(deletedInConflict.has(key), `${key} deleted on one side, changed on the other`).toBe(true)
    }
  }

  const covered = coveredClosure(plan, coveredKeys(plan.conflicts))
  for (const side of ['local', 'incoming'] as const satisfies readonly MergeSide[]) {
    const { map, patch } = resolveMerge(plan, chooseAll(plan, side))
    expect(checkIntegrity(map)).toEqual([])
    const parsed = JourneyMapSchema.safeParse(map)
    expect(parsed.success, parsed.error?.message).toBe(true)
    expect(applyPatch(local, patch)).toStrictEqual(map)
    const R = recordsOf(map)

    // No edit that one side alone made is lost, unless a conflict covers the record.
    for (const key of new Set([...B.keys(), ...L.keys(), ...I.keys()])) {
      if (covered.has(key)) continue
      const b = B.get(key)
      const l = L.get(key)
      const i = I.get(key)
      const r = R.get(key)
      const label = `${side}: ${key}`
      if (!l && !i) expect(r, `${label} deleted on both sides`).toBeUndefined()
      else if (!b && (!l || !i)) expect(r, `${label} added on one side`).toBeDefined()
      else if (b && (!l || !i)) expect(r, `${label} deleted on one side, untouched on the other`).toBeUndefined()
      if (!r) continue
      const gr = grouped(r)
      const gb = b ? grouped(b) : {}
      for (const version of [l, i]) {
        if (!version) continue
        const gv = grouped(version)
        const otherVersion = version === l ? i : l
        const go = otherVersion ? grouped(otherVersion) : gb
        for (const field of Object.keys(gv)) {
          if (splitKey(key).kind === 'map' && field === 'id') continue
          const onlyHere = !isDeepEqual(gv[field], gb[field]) && isDeepEqual(go[field], gb[field])
          if (!onlyHere && b) continue
          if (fieldConflicts.has(`${key}#${field}`)) continue
          const expected = repaired(gv[field], field, R, map.emotionScale)
          const actual = repaired(gr[field], field, R, map.emotionScale)
          expect(actual, `${label}.${field}`).toStrictEqual(expected)
        }
      }
    }
  }

  // The rules treat both sides alike: swapping them and the choices gives the same content.
  const content = (map: JourneyMap) => ({
    ...map,
    id: '',
    createdAt: '',
    updatedAt: '',
    revision: 0,
    personaIds: [...map.personaIds].sort()
  })
  const swapped = planMerge(base, incoming, local)
  expect(swapped.conflicts.map((c) => c.id).sort()).toEqual([...ids].sort())
  expect(content(resolveMerge(swapped, chooseAll(swapped, 'incoming')).map)).toStrictEqual(
    content(resolveMerge(plan, chooseAll(plan, 'local')).map)
  )
}

const sessions = fc.record({
  start: fc.constantFrom(...Object.keys(startMaps)),
  local: fc.array(stepArb, { maxLength: 14 }),
  incoming: fc.array(stepArb, { maxLength: 14 }),
  // Ids made apart are different, except when both sides' id generators run alike (a copy
  // duplicated from the same library, say): then the same id may hold different records.
  sameIds: fc.boolean()
})

describe('merging two copies edited apart', () => {
  it('keeps every one-sided edit, flags every real conflict, and stays valid whatever is chosen', () => {
    fc.assert(
      fc.property(sessions, ({ start, local, incoming, sameIds }) => {
        const base = startMaps[start]!
        checkMerge(base, edit(base, local, sameIds ? 'x' : 'L'), edit(base, incoming, sameIds ? 'x' : 'I'))
      }),
      { numRuns: 300 }
    )
  })

  it('merging a copy into itself, or an untouched copy, changes nothing and asks nothing', () => {
    fc.assert(
      fc.property(sessions, ({ start, local }) => {
        const base = startMaps[start]!
        const edited = edit(base, local, 'L')
        for (const [l, i, expected] of [
          [edited, edited, edited],
          [base, edited, edited],
          [edited, base, edited]
        ] as const) {
          const plan = planMerge(base, l, i)
          expect(plan.conflicts).toEqual([])
          const { map } = resolveMerge(plan, {})
          expect({ ...map, id: '', createdAt: '' }).toStrictEqual(canonicalize({ ...expected, id: '', createdAt: '' }))
        }
      }),
      { numRuns: 150 }
    )
  })

  it('without a common ancestor, keeps what only one copy has and asks about every difference', () => {
    fc.assert(
      fc.property(sessions, ({ start, local, incoming }) => {
        const base = startMaps[start]!
        const l = edit(base, local, 'L')
        const i = edit(base, incoming, 'I')
        const plan = planMerge(null, l, i)
        expect(plan.conflicts.every((c) => c.type !== 'deletion')).toBe(true)
        for (const side of ['local', 'incoming'] as const) {
          const { map } = resolveMerge(plan, chooseAll(plan, side))
          expect(checkIntegrity(map)).toEqual([])
          const R = recordsOf(map)
          for (const key of [...recordsOf(l).keys(), ...recordsOf(i).keys()]) {
            if (splitKey(key).kind !== 'emotionPoint') expect(R.has(key) || coveredDuplicate(plan, key), key).toBe(true)
          }
        }
      }),
      { numRuns: 100 }
    )
  })
})

/** A record that may give way to the other side's in a duplicate conflict, or hangs on one that did. */
function coveredDuplicate(plan: MergePlan, key: string): boolean {
  return coveredClosure(plan, coveredKeys(plan.conflicts.filter((c) => c.type === 'duplicate'))).has(key)
}
