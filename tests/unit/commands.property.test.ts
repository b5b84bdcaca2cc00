/**
 * Property tests over random edit sessions: random sequences of commands, each with valid
 * arguments drawn from the map as it is at that step.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COMMAND_NAMES, runCommand, type CommandName, type CommandResult } from '../../src/shared/commands'
import type { JourneyMap } from '../../src/shared/model'
import { checkIntegrity } from '../../src/shared/model/integrity'
import { applyPatch } from '../../src/shared/model/patch'
import { JourneyMapSchema } from '../../src/shared/schema/entities'
import { PatchSchema } from '../../src/shared/schema/patch'
import { argsFor, startMaps, stepArb, type Step } from './command-arbitraries'
import { testContext } from './fixtures'

/** Persona references in a map point only at personas the map links (the commands keep this). */
function unlinkedPersonaRefs(map: JourneyMap): string[] {
  const linked = new Set(map.personaIds)
  const refs = [
    ...map.notes.flatMap((n) => n.personaIds),
    ...map.emotionPoints.map((p) => p.personaId),
    ...map.markers.map((m) => (m.target.kind === 'curve' ? m.target.personaId : null))
  ]
  return refs.filter((id): id is string => id !== null && !linked.has(id))
}

describe('commands over random edit sessions', () => {
  it('keep every map valid, and undoing in reverse order restores each earlier map exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(startMaps)), fc.array(stepArb, { maxLength: 30 }), (start, steps) => {
        const ctx = testContext('g')
        const maps = [startMaps[start]!]
        const results: CommandResult[] = []
        for (const step of steps) {
          const map = maps[maps.length - 1]!
          const args = argsFor(map, step)
          if (args === null) continue
          const result = runCommand(step.name, map, args, ctx)
          expect(result.history).toBe(result.patch.length > 0)
          if (result.patch.length > 0) expect(PatchSchema.safeParse(result.patch).success).toBe(true)
          const next = applyPatch(map, result.patch)
          expect(checkIntegrity(next)).toEqual([])
          const parsed = JourneyMapSchema.safeParse(next)
          expect(parsed.success, parsed.error?.message).toBe(true)
          expect(unlinkedPersonaRefs(next)).toEqual([])
          maps.push(next)
          results.push(result)
        }
        let current = maps[maps.length - 1]!
        for (let i = results.length - 1; i >= 0; i--) {
          current = applyPatch(current, results[i]!.inverse)
          expect(current).toStrictEqual(maps[i])
        }
        for (let i = 0; i < results.length; i++) {
          current = applyPatch(current, results[i]!.patch)
          expect(current).toStrictEqual(maps[i + 1])
        }
      }),
      { numRuns: 100 }
    )
  })

  it('every command is reachable by the generator', () => {
    const covered = new Set<CommandName>()
    for (const name of COMMAND_NAMES) {
      for (const map of Object.values(startMaps)) {
        for (const flag of [true, false]) {
          const step: Step = { name, picks: [1, 2, 3, 4, 5, 6], text: 'x', num: 1, flag }
          if (argsFor(map, step) !== null) covered.add(name)
        }
      }
    }
    expect([...covered].sort()).toEqual([...COMMAND_NAMES].sort())
  })
})
