/**
 * How many records one map may hold (LIMITS): a file beyond them is refused by every importer
 * with a message naming the limit and where (JSON path or line), and a command that would go
 * past one is refused before anything changes. The library's own check of patches is in
 * tests/library/limits.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { addNote, moveNote } from '../../src/shared/commands/notes'
import { addLane } from '../../src/shared/commands/lanes'
import { addStage } from '../../src/shared/commands/stages'
import { importCsv } from '../../src/shared/export/csv'
import { importMermaid } from '../../src/shared/export/mermaid'
import { JourneyError } from '../../src/shared/errors'
import { parseInterchange, serializeInterchange } from '../../src/shared/format/interchange'
import { JourneyMapSchema, LIMITS } from '../../src/shared/schema/entities'
import { FIXED_NOW, buildMap, seededIds, testContext } from './fixtures'

function refusal(fn: () => unknown): JourneyError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(JourneyError)
    return error as JourneyError
  }
  throw new Error('expected a refusal')
}

const stageIds = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`)
const fileWith = (map: object) =>
  JSON.stringify({ format: 'journeyboard', version: 1, exportedAt: FIXED_NOW, map, personas: [] })

describe('a JSON file beyond the limits', () => {
  it('with 100,000 stages is refused at once, naming the limit and the JSON path', () => {
    const map = JSON.parse(serializeInterchange(buildMap(), [], FIXED_NOW)).map as { stages: object[] }
    const stage = map.stages[0]!
    const huge = { ...map, stages: Array.from({ length: 100_000 }, (_, i) => ({ ...stage, id: `s${i}`, order: i })) }
    const error = refusal(() => parseInterchange(fileWith(huge)))
    expect(error.message).toBe(
      `The file cannot be imported: map.stages: a map can have at most ${LIMITS.maxStagesPerMap} stages (this one has 100,000).`
    )
    expect(error.issues).toMatchObject([
      { path: 'map.stages', message: `a map can have at most ${LIMITS.maxStagesPerMap} stages (this one has 100,000)` }
    ])
  })

  it('names every collection over its limit', () => {
    const map = JSON.parse(serializeInterchange(buildMap(), [], FIXED_NOW)).map as Record<string, unknown>
    const over = (n: number) => Array.from({ length: n + 1 }, () => ({}))
    const error = refusal(() =>
      parseInterchange(
        fileWith({ ...map, lanes: over(LIMITS.maxLanesPerMap), connectors: over(LIMITS.maxConnectorsPerMap) })
      )
    )
    expect(error.issues.map((i) => i.path)).toEqual(['map.lanes', 'map.connectors'])
    expect(error.issues[1]!.message).toMatch(/at most [\d,]+ connectors/)
  })

  it('at the limit is accepted', () => {
    const map = buildMap({ stages: stageIds(LIMITS.maxStagesPerMap) })
    expect(parseInterchange(serializeInterchange(map, [], FIXED_NOW)).map.stages).toHaveLength(LIMITS.maxStagesPerMap)
  })

  it('is refused by the schema too, which every door validates with', () => {
    const map = buildMap()
    const parsed = JourneyMapSchema.safeParse({
      ...map,
      stages: stageIds(LIMITS.maxStagesPerMap + 1).map((id, order) => ({ ...map.stages[0]!, id, order }))
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues[0]).toMatchObject({
      path: ['stages'],
      message: `a map can have at most ${LIMITS.maxStagesPerMap} stages (this one has ${LIMITS.maxStagesPerMap + 1})`
    })
  })
})

describe('a CSV or Mermaid file beyond the limits', () => {
  const options = { newId: seededIds('n'), now: FIXED_NOW, personas: [] }

  it('CSV: names the line that starts one stage too many', () => {
    const rows = stageIds(LIMITS.maxStagesPerMap + 5).map((s) => `${s},Touchpoints,Note in ${s}`)
    const error = refusal(() => importCsv(['stage,lane,text', ...rows].join('\n'), options))
    const line = LIMITS.maxStagesPerMap + 2 // the header is line 1
    expect(error.issues[0]).toMatchObject({
      path: `line ${line}`,
      message: `a map can have at most ${LIMITS.maxStagesPerMap} stages; this row starts stage ${LIMITS.maxStagesPerMap + 1}, "s${LIMITS.maxStagesPerMap}"`
    })
  })

  it('CSV: names the line of one note too many', () => {
    const rows = Array.from({ length: LIMITS.maxNotesPerMap + 1 }, (_, i) => `Stage,Touchpoints,Note ${i}`)
    const error = refusal(() => importCsv(['stage,lane,text', ...rows].join('\n'), options))
    expect(error.issues[0]!.path).toBe(`line ${LIMITS.maxNotesPerMap + 2}`)
    expect(error.issues[0]!.message).toMatch(/^a map can have at most [\d,]+ notes; this row is note [\d,]+$/)
  })

  it('Mermaid: names the line of one section too many', () => {
    const sections = stageIds(LIMITS.maxStagesPerMap + 1).flatMap((s) => [`  section ${s}`, `    Task in ${s}: 3`])
    const error = refusal(() => importMermaid(['journey', '  title Long', ...sections].join('\n'), options))
    const line = 3 + 2 * LIMITS.maxStagesPerMap
    expect(error.issues[0]).toMatchObject({
      path: `line ${line}`,
      message: `a map can have at most ${LIMITS.maxStagesPerMap} stages (this one has ${LIMITS.maxStagesPerMap + 1}); this is section ${LIMITS.maxStagesPerMap + 1}`
    })
  })
})

describe('commands at a limit', () => {
  it('adding a stage, a lane or a note past the limit is refused before anything changes', () => {
    const full = buildMap({
      stages: stageIds(LIMITS.maxStagesPerMap),
      lanes: Array.from({ length: LIMITS.maxLanesPerMap }, (_, i) => `l${i}`)
    })
    expect(refusal(() => addStage(full, { title: 'One more' }, testContext())).message).toBe(
      `A map can have at most ${LIMITS.maxStagesPerMap} stages.`
    )
    expect(refusal(() => addLane(full, { title: 'One more', kind: 'text' }, testContext())).message).toBe(
      `A map can have at most ${LIMITS.maxLanesPerMap} lanes.`
    )
    const oneShort = buildMap({ stages: stageIds(LIMITS.maxStagesPerMap - 1) })
    expect(addStage(oneShort, { title: 'Last one' }, testContext()).patch).toHaveLength(1)
  })

  it('a map full of notes takes no more, while its notes can still be moved', () => {
    const notes = Array.from({ length: LIMITS.maxNotesPerMap }, (_, i) => ({ id: `n${i}`, text: `Note ${i}` }))
    const full = buildMap({ notes })
    const add = () => addNote(full, { stageId: 's1', laneId: 'l1', text: 'One too many' }, testContext())
    expect(refusal(add).message).toBe(`A map can have at most ${LIMITS.maxNotesPerMap.toLocaleString('en-US')} notes.`)
    const moved = moveNote(full, { noteId: 'n7', stageId: 's2', laneId: 'l2', index: 0 }, testContext())
    expect(moved.patch).toEqual([
      { op: 'put', entity: 'note', value: expect.objectContaining({ id: 'n7', stageId: 's2' }) }
    ])
  })
})
