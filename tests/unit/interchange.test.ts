import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JourneyError } from '../../src/shared/errors'
import { parseInterchange, serializeInterchange } from '../../src/shared/format/interchange'
import { findJsonSyntaxError } from '../../src/shared/format/json-syntax'
import type { JourneyMap } from '../../src/shared/model'
import { FIXED_NOW, buildMap, buildPersona, richMap } from './fixtures'

const personas = () => [buildPersona('p2'), buildPersona('p9'), buildPersona('p1', { name: 'Maya' })]
const fileOf = (map: JourneyMap = richMap()) => JSON.parse(serializeInterchange(map, personas(), FIXED_NOW))

/** The JourneyError parseInterchange throws for `text`. */
function importError(text: string): JourneyError {
  try {
    parseInterchange(text)
  } catch (error) {
    expect(error).toBeInstanceOf(JourneyError)
    expect((error as JourneyError).code).toBe('invalid_request')
    return error as JourneyError
  }
  throw new Error('expected the import to fail')
}
const importErrorOf = (file: unknown) => importError(JSON.stringify(file))

describe('serializeInterchange', () => {
  it('writes the envelope, the map and only the personas it refers to, in link order', () => {
    const file = fileOf()
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'map', 'personas'])
    expect(file).toMatchObject({ format: 'journeyboard', version: 2, exportedAt: FIXED_NOW })
    expect(file.personas.map((p: { id: string }) => p.id)).toEqual(['p1', 'p2'])
  })

  it('gives the same bytes whatever order records and keys arrive in', () => {
    const map = richMap()
    const shuffled = JSON.parse(JSON.stringify(map), (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : Array.isArray(value)
          ? [...value].reverse()
          : value
    ) as JourneyMap
    const fixedPersonaIds = { ...shuffled, personaIds: map.personaIds }
    const text = serializeInterchange(map, personas(), FIXED_NOW)
    expect(serializeInterchange(fixedPersonaIds, [...personas()].reverse(), FIXED_NOW)).toBe(text)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe('  "format": "journeyboard",')
  })

  it('refuses to write a file that would not import', () => {
    expect(() => serializeInterchange(richMap(), [buildPersona('p1')], FIXED_NOW)).toThrow(
      'The map refers to persona "p2", which was not given to the export.'
    )
    const broken = { ...richMap(), title: '' }
    expect(() => serializeInterchange(broken, personas(), FIXED_NOW)).toThrow(/map.title: must not be empty/)
  })
})

describe('parseInterchange', () => {
  it('round-trips: serialize then parse gives the same map and personas', () => {
    const map = richMap()
    const parsed = parseInterchange(serializeInterchange(map, personas(), FIXED_NOW))
    expect(parsed.map).toStrictEqual(map)
    expect(parsed.personas).toStrictEqual([buildPersona('p1', { name: 'Maya' }), buildPersona('p2')])
  })

  it('accepts a byte-order mark and returns collections in canonical order', () => {
    const file = fileOf()
    file.map.notes.reverse()
    const parsed = parseInterchange(`\uFEFF${JSON.stringify(file)}`)
    expect(parsed.map).toStrictEqual(richMap())
  })

  it('reports truncated JSON with line and column', () => {
    const text = serializeInterchange(richMap(), personas(), FIXED_NOW)
    const cut = text.slice(0, 500)
    const error = importError(cut)
    const lines = cut.split('\n')
    expect(error.message).toBe(
      `The file is not valid JSON: the text ends too early (is the file cut off?) at line ${lines.length}, column ${lines.at(-1)!.length + 1}.`
    )
    expect(error.issues).toHaveLength(1)
  })

  it('reports a syntax error where it is', () => {
    const error = importError('{\n  "format": "journeyboard",\n  "version": 1,\n}')
    expect(error.message).toBe(
      'The file is not valid JSON: unexpected "}" where a field name in double quotes should be at line 4, column 1.'
    )
    expect(importError('').message).toBe('The file is empty.')
  })

  it('tells other JSON from a Journeyboard file', () => {
    expect(importErrorOf([1, 2]).message).toBe('This is not a Journeyboard file: it holds an array, not an object.')
    expect(importErrorOf({ ...fileOf(), format: 'excalidraw' }).message).toBe(
      'This is not a Journeyboard file: it has "format": "excalidraw", where "journeyboard" was expected.'
    )
    expect(importErrorOf({ version: 1 }).message).toMatch(/has no "format" field/)
    expect(importErrorOf({ ...fileOf(), version: '1' }).message).toMatch(/no valid "version"/)
  })

  it('reads a version-1 file (no paths, no KPI history) as a map without them', () => {
    const v2 = fileOf()
    const { paths: _p, kpiValues: _k, ...v1Map } = v2.map
    const parsed = parseInterchange(JSON.stringify({ ...v2, version: 1, map: v1Map }))
    expect(parsed.map.paths).toEqual([])
    expect(parsed.map.kpiValues).toEqual([])
    expect(parsed.map.notes).toEqual(richMap().notes)
    // and it goes out again as version 2
    expect(JSON.parse(serializeInterchange(parsed.map, personas(), FIXED_NOW)).version).toBe(2)
  })

  it('refuses a version-1 file that holds what only version 2 has', () => {
    const error = importErrorOf({ ...fileOf(), version: 1 })
    expect(error.message).toMatch(/map\.paths: unknown field \(version 1 of the format does not have it\)/)
  })

  it('round-trips paths with a loop, path tags, evidence and KPI history', () => {
    const base = richMap()
    const map: JourneyMap = {
      ...base,
      paths: [
        {
          id: 'pa',
          name: 'Self-serve trial',
          color: '#2563eb',
          order: 1,
          steps: [
            { stageId: 's1', event: '' },
            { stageId: 's2', event: 'Starts trial' },
            { stageId: 's1', event: 'Trial expires' }
          ]
        },
        { id: 'pb', name: 'Sales-led demo', color: '#d97706', order: 2, steps: [{ stageId: 's3', event: '' }] }
      ],
      notes: base.notes.map((n) =>
        n.id === 'n3'
          ? {
              ...n,
              pathId: 'pb',
              evidence: { level: 'observed' as const, source: 'interview' as const, reference: '#4' }
            }
          : n
      ),
      kpiValues: [{ id: 'v1', metricId: 'k1', date: '2026-02-01', value: 900 }]
    }
    const back = parseInterchange(serializeInterchange(map, personas(), FIXED_NOW)).map
    expect(back).toEqual(map)
  })

  it('says when a file comes from a newer Journeyboard', () => {
    const error = importErrorOf({ ...fileOf(), version: 3, somethingNew: true })
    expect(error.message).toBe(
      'This file was made by a newer Journeyboard (file format version 3; this app reads up to version 2). Update Journeyboard to import it.'
    )
  })

  it('names a bad reference with its JSON path', () => {
    const file = fileOf()
    file.map.notes[3].stageId = 'gone'
    const error = importErrorOf(file)
    expect(error.message).toBe(
      'The file cannot be imported: map.notes[3].stageId: refers to stage "gone", which is not in this map.'
    )
    expect(error.issues).toEqual([
      { path: 'map.notes[3].stageId', message: 'refers to stage "gone", which is not in this map' }
    ])
  })

  it('checks persona references against the personas in the file and the map links', () => {
    const file = fileOf()
    file.personas = file.personas.filter((p: { id: string }) => p.id !== 'p2')
    file.map.personaIds = ['p1', 'p2', 'p1']
    const error = importErrorOf(file)
    expect(error.issues).toEqual([
      { path: 'map.personaIds[1]', message: 'refers to persona "p2", which is not in "personas"' },
      { path: 'map.personaIds[2]', message: 'persona "p1" is listed twice' },
      { path: 'map.notes[3].personaIds[0]', message: 'refers to persona "p2", which is not in "personas"' },
      { path: 'map.emotionPoints[3].personaId', message: 'refers to persona "p2", which is not in "personas"' },
      { path: 'map.markers[2].target.personaId', message: 'refers to persona "p2", which is not in "personas"' }
    ])
    expect(error.message).toMatch(/^The file cannot be imported: map\.personaIds\[1\]: .* \(1 of 5 problems\)\.$/)

    const unlinked = fileOf()
    unlinked.map.personaIds = ['p1']
    expect(importErrorOf(unlinked).issues[0]).toEqual({
      path: 'map.notes[3].personaIds[0]',
      message: 'refers to persona "p2", which the map does not link'
    })
  })

  it('reports schema and integrity problems together', () => {
    const file = fileOf()
    file.personas[0].color = 'blue'
    file.map.connectors[0].toNoteId = 'ghost'
    const error = importErrorOf(file)
    expect(error.issues.map((i) => i.path)).toEqual(['personas[0].color', 'map.connectors[0].toNoteId'])
    expect(error.message).toBe(
      'The file cannot be imported: personas[0].color: colour must be #rgb or #rrggbb (1 of 2 problems).'
    )
  })

  it('caps the list at 20 problems and says there were more', () => {
    const map = buildMap({ notes: Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, text: `${i}` })) })
    const file = fileOf(map)
    for (const note of file.map.notes) note.laneId = 'nowhere'
    const error = importErrorOf(file)
    expect(error.issues).toHaveLength(20)
    expect(error.message).toMatch(/\(1 of more than 20 problems\)\.$/)
  })

  it('rejects unknown fields at any level (strict schemas; new fields mean a new version)', () => {
    const file = fileOf()
    file.map.notes[0].pinned = true
    file.generator = 'hand-made'
    const error = importErrorOf(file)
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'generator', message: 'unknown field (this version of the format does not have it)' },
        { path: 'map.notes[0].pinned', message: 'unknown field (this version of the format does not have it)' }
      ])
    )
  })

  it('checks values as the app does: blank titles, scores off the scale, bad enums', () => {
    const file = fileOf()
    file.map.stages[0].title = '   '
    file.map.emotionPoints[0].score = 5
    file.map.lanes[0].kind = 'feelings'
    const paths = importErrorOf(file).issues.map((i) => i.path)
    expect(paths).toEqual(['map.stages[0].title', 'map.lanes[0].kind'])
    const offScale = fileOf()
    offScale.map.emotionPoints[0].score = 5
    expect(importErrorOf(offScale).issues).toEqual([
      { path: 'map.emotionPoints[0].score', message: 'score 5 is outside the scale -2…2' }
    ])
  })
})

describe('findJsonSyntaxError', () => {
  it('agrees with JSON.parse on valid JSON and on random near-JSON', () => {
    const agrees = (text: string) => {
      let valid = true
      try {
        JSON.parse(text)
      } catch {
        valid = false
      }
      return (findJsonSyntaxError(text) === null) === valid
    }
    fc.assert(fc.property(fc.json(), (text) => agrees(text)))
    const mutated = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', '\\', '\n', '1', '-', 'e', 'tru', '\u0001')
      )
      .map(([text, at, insert]) => {
        const i = at % (text.length + 1)
        return text.slice(0, i) + insert + text.slice(i + (at % 2))
      })
    fc.assert(
      fc.property(mutated, (text) => agrees(text)),
      { numRuns: 500 }
    )
  })

  it('locates errors by line and column in characters', () => {
    expect(findJsonSyntaxError('{"a": 1,\n "b": tru }')).toEqual({
      line: 2,
      column: 7,
      message: 'unexpected "t" where a value should be'
    })
    expect(findJsonSyntaxError('["😀😀", 01]')).toMatchObject({ line: 1, column: 9 })
    expect(findJsonSyntaxError('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9 })
    expect(findJsonSyntaxError('[1] 2')?.message).toBe('unexpected "2" after the end of the JSON value')
  })
})
