import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, exportCsv, guessLaneKind, importCsv } from '../../src/shared/export/csv'
import { neutraliseFormula, restoreFormula } from '../../src/shared/export/csv-syntax'
import type { JourneyMap } from '../../src/shared/model'
import { PersonaSchema } from '../../src/shared/schema/entities'
import { SENTENCES, contentOf, countingIds, errorOf, multilingualMap, personas } from './export-fixtures'
import { FIXED_NOW, assertValidMap, buildMap, buildPersona, richMap, seededIds } from './fixtures'

const HEADER = CSV_COLUMNS.join(',')
const options = (extra: Partial<Parameters<typeof importCsv>[1]> = {}) => ({
  newId: seededIds('n'),
  now: FIXED_NOW,
  personas: personas(),
  ...extra
})
/** Export, then import with the same personas. */
const roundTrip = (map: JourneyMap) => importCsv(exportCsv(map, personas()), options())
/** The data lines of an export, without BOM and header. */
const dataLines = (csv: string) => csv.slice(1).split('\r\n').slice(1, -1)

describe('exportCsv', () => {
  it('writes a BOM, the header and one CRLF-terminated row per note, stage by stage and lane by lane', () => {
    const map = richMap()
    const csv = exportCsv(map, [buildPersona('p1', { name: 'Maya' }), buildPersona('p2', { name: 'Ivan' })])
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(dataLines(csv)).toEqual([
      'Stage 1,Lane 1,touchpoints,touchpoint,Ad,#fff59d,web,,Maya,0,,,,',
      'Stage 1,Lane 1,touchpoints,note,Email,#fff59d,,,,0,,,,',
      'Stage 2,Lane 1,touchpoints,note,Demo,#fff59d,,,,0,,,,',
      'Stage 2,Lane 2,painPoints,painPoint,Price shock,#fff59d,,,,0,3,,,',
      'Stage 3,Lane 2,painPoints,note,Slow support,#fff59d,,,Ivan,0,,,,'
    ])
  })

  it('quotes cells with separators, quotes and line breaks (RFC 4180), and joins persona names with "; "', () => {
    const csv = exportCsv(multilingualMap(), personas())
    expect(csv).toContain(`,"${SENTENCES.russian}",`) // it holds a comma
    expect(csv).toContain(',"Self-serve ""trial"", then\nsales",')
    expect(csv).toContain(',"Maya, the ops lead; Иван",')
    expect(csv).toContain(`,${SENTENCES.chinese},`) // a fullwidth comma needs no quotes
  })

  it('refuses to export a note tagged with a persona it was not given', () => {
    expect(() => exportCsv(richMap(), [])).toThrow(/persona "p1", which was not given/)
  })

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const texts = ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', "'=1", "''+1", "'plain", 'a=1']
    const map = buildMap({
      stages: [{ id: 's1', title: '=cmd|/C calc!A0' }],
      lanes: [{ id: 'l1', title: '@lane', kind: 'text' }],
      notes: texts.map((text) => ({ stageId: 's1', laneId: 'l1', text }))
    })
    const lines = dataLines(exportCsv(map, []))
    const textCells = lines.map((line) => line.split(',')[4])
    expect(lines.every((line) => line.startsWith(`'=cmd|/C calc!A0,'@lane,`))).toBe(true)
    expect(textCells.slice(0, 4)).toEqual([`"'=HYPERLINK(""http://x"")"`, "'+1", "'-2+3", "'@SUM(A1)"])
    expect(textCells.slice(6)).toEqual(["''=1", "'''+1", "'plain", 'a=1'])
    // No cell of the file starts with a formula character.
    for (const line of lines) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+\-@\t\r]/)
    expect(importCsv(exportCsv(map, []), options()).map.notes.map((n) => n.text)).toEqual(texts)
    expect(importCsv(exportCsv(map, []), options()).map.stages[0]!.title).toBe('=cmd|/C calc!A0')
  })

  it('neutraliseFormula and restoreFormula undo each other', () => {
    for (const text of ['=1', "'=1", "''=1", "'", "'a", '', '-', '@', ' =1']) {
      expect(restoreFormula(neutraliseFormula(text))).toBe(text)
    }
    expect(neutraliseFormula(' =1')).toBe(' =1') // spreadsheets do not run a formula after a space
  })

  it('adds layout rows only when the notes alone would lose a stage, a lane or their order', () => {
    const kinds = dataLines(exportCsv(richMap(), personas())).map((line) => line.split(',')[3])
    expect(kinds).not.toContain('') // every row is a note
    const sparse = buildMap({
      stages: ['s1', 's2', 's3'],
      lanes: [
        { id: 'l1', title: 'Goals', kind: 'goals' },
        { id: 'l2', title: 'Actions', kind: 'actions' }
      ],
      notes: [{ stageId: 's2', laneId: 'l2', text: 'Compare plans' }]
    })
    const csv = exportCsv(sparse, [])
    expect(dataLines(csv)).toEqual([
      'Stage 1,Goals,goals,,,,,,,,,,,',
      'Stage 2,Actions,actions,,,,,,,,,,,',
      'Stage 3,Actions,actions,,,,,,,,,,,',
      'Stage 2,Actions,actions,note,Compare plans,#fff59d,,,,0,,,,'
    ])
    const back = importCsv(csv, options()).map
    expect(contentOf(back, [])).toEqual(contentOf(sparse, []))
  })

  it('writes the path of each note by name and makes the paths again on import', () => {
    const base = richMap()
    const map = {
      ...base,
      paths: [
        {
          id: 'pa',
          name: 'Self-serve trial',
          color: '#2563eb',
          order: 1,
          steps: [
            { stageId: 's1', event: '' },
            { stageId: 's2', event: '' }
          ]
        }
      ],
      notes: base.notes.map((n) => (n.id === 'n1' || n.id === 'n3' ? { ...n, pathId: 'pa' } : n))
    }
    const csv = exportCsv(map, personas())
    expect(dataLines(csv)[0]).toBe(
      'Stage 1,Lane 1,touchpoints,touchpoint,Ad,#fff59d,web,,"Maya, the ops lead",0,,,,Self-serve trial'
    )
    const back = importCsv(csv, options()).map
    expect(back.paths.map((p) => [p.name, p.steps.length])).toEqual([['Self-serve trial', 2]])
    expect(back.notes.filter((n) => n.pathId === back.paths[0]!.id).map((n) => n.text)).toEqual(['Ad', 'Demo'])
  })

  it('tells stages and lanes with the same title apart', () => {
    const map = buildMap({
      stages: [
        { id: 's1', title: 'Onboarding' },
        { id: 's2', title: 'Onboarding' }
      ],
      notes: [
        { stageId: 's1', text: 'first' },
        { stageId: 's2', text: 'second' }
      ]
    })
    const back = importCsv(exportCsv(map, []), options()).map
    expect(back.stages.map((s) => s.title)).toEqual(['Onboarding', 'Onboarding (2)'])
    expect(back.notes.map((n) => n.text)).toEqual(['first', 'second'])
  })
})

describe('CSV round trip', () => {
  it('gives back stages, lanes and every field of every note, in any script', () => {
    const map = multilingualMap()
    const { map: back, personas: linked } = roundTrip(map)
    assertValidMap(back)
    expect(contentOf(back, personas())).toEqual(contentOf(map, personas()))
    expect(linked.map((p) => p.id)).toEqual(['p1', 'p2', 'p3'])
    expect(back.personaIds).toEqual(['p1', 'p2', 'p3'])
    expect(back).toMatchObject({ title: 'Imported map', revision: 0, createdAt: FIXED_NOW, emotionPoints: [] })
  })

  it('keeps the rich fixture map too (notes, lanes and personas)', () => {
    const people = [buildPersona('p1'), buildPersona('p2')]
    const back = importCsv(exportCsv(richMap(), people), options({ personas: people, title: 'From CSV' })).map
    expect(contentOf(back, people)).toEqual(contentOf(richMap(), people))
    expect(back.title).toBe('From CSV')
  })

  it('is the identity on note texts, whatever they hold (property)', () => {
    const special = fc.constantFrom(
      '',
      '=',
      '+',
      '-',
      '@',
      "'",
      "'=",
      "''-",
      '\t',
      '\r',
      '\n',
      '"',
      ',',
      ';',
      ' ',
      '\uFEFF'
    )
    const text = fc.tuple(special, fc.string({ unit: 'binary', maxLength: 40 }), special).map(([a, b, c]) => a + b + c)
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (texts) => {
        const map = buildMap({ notes: texts.map((t) => ({ text: t })) })
        const back = importCsv(exportCsv(map, []), options()).map
        expect(back.notes.map((n) => n.text)).toEqual(texts)
      }),
      { numRuns: 300 }
    )
  })
})

describe('importCsv of files people write', () => {
  it('takes columns in any order, loose header names, semicolons, and fills the defaults', () => {
    const csv = [
      'Text;Stage;Lane;Kind;Personas;Votes',
      'Sees an ad;Awareness;Touchpoints;;maya, the ops lead;2',
      'Too expensive;Consideration;Pain points;;;',
      'Compare plans;Consideration;Customer actions;question;"Иван; Maya, the ops lead";',
      'Signs up;Purchase;Touchpoints;;;'
    ].join('\n')
    const { map, personas: linked } = importCsv(csv, options())
    expect(contentOf(map, personas())).toEqual({
      stages: ['Awareness', 'Consideration', 'Purchase'],
      lanes: ['Touchpoints (touchpoints)', 'Pain points (painPoints)', 'Customer actions (actions)'],
      notes: [
        expect.objectContaining({ text: 'Sees an ad', kind: 'touchpoint', color: '#80deea', votes: 2 }),
        expect.objectContaining({ text: 'Too expensive', kind: 'painPoint', personas: [] }),
        expect.objectContaining({ text: 'Compare plans', kind: 'question', personas: ['Иван', 'Maya, the ops lead'] }),
        expect.objectContaining({ text: 'Signs up', cell: 'Purchase × Touchpoints' })
      ]
    })
    expect(linked.map((p) => p.name)).toEqual(['Maya, the ops lead', 'Иван'])
  })

  it('reads a lane kind from lane_kind, the title, or its notes, in that order', () => {
    expect(guessLaneKind('Triggers / conversion events')).toBe('triggers')
    expect(guessLaneKind('Support processes')).toBe('backstage')
    expect(guessLaneKind('Болки')).toBeUndefined()
    const csv = [
      'stage,lane,lane_kind,kind,text',
      'A,Болки,,painPoint,Slow',
      'A,Ideas,goals,,Do more',
      'A,Misc,,,Hello',
      'A,Opportunities,"Pain points",,x'
    ].join('\r\n')
    expect(importCsv(csv, options()).map.lanes.map((l) => l.kind)).toEqual([
      'painPoints',
      'goals',
      'text',
      'painPoints'
    ])
  })

  it('accepts CRLF inside quoted cells, blank lines, a trailing separator and empty rows', () => {
    const csv = '\uFEFFstage,lane,text,\r\n\r\nA,B,"two\r\nlines",\r\n,,,\r\nA,B,x\r\n'
    expect(importCsv(csv, options()).map.notes.map((n) => n.text)).toEqual(['two\r\nlines', 'x'])
  })
})

describe('importCsv from another library', () => {
  it('adds the personas this library lacks, once each, links the notes to them, and says so', () => {
    const csv = exportCsv(multilingualMap(), personas())
    // A colleague's library: it knows "Иван" only, under another id.
    const theirs = [buildPersona('x9', { name: 'иван' })]
    const { map, personas: linked, notices } = importCsv(csv, options({ personas: theirs }))
    assertValidMap(map)
    expect(linked.map((p) => p.name)).toEqual(['Maya, the ops lead', 'иван', 'สมชาย'])
    expect(linked[1]!.id).toBe('x9')
    expect(map.personaIds).toEqual(linked.map((p) => p.id))
    const byName = new Map(linked.map((p) => [p.id, p.name]))
    expect(map.notes.flatMap((n) => n.personaIds.map((id) => byName.get(id))).sort()).toEqual(
      ['Maya, the ops lead', 'иван', 'สมชาย'].sort()
    )
    expect(notices).toEqual([
      {
        code: 'persona_created',
        params: { name: 'Maya, the ops lead', line: 'line 2, column "personas"' },
        message:
          'line 2, column "personas": no persona here is named "Maya, the ops lead"; one of that name is added to the library'
      },
      expect.objectContaining({ code: 'persona_created', params: expect.objectContaining({ name: 'สมชาย' }) })
    ])
    // Created personas are whole records the library can store.
    for (const p of linked) expect(PersonaSchema.safeParse(p).success, p.name).toBe(true)
  })

  it('imports into an empty library too, and shortens a name longer than a persona may have', () => {
    const long = 'N'.repeat(130)
    const { personas: linked, notices } = importCsv(
      ['stage,lane,text,personas', `A,B,x,${long}; Ann`, 'A,B,y,Ann'].join('\n'),
      options({ personas: [] })
    )
    expect(linked.map((p) => p.name.length)).toEqual([120, 3])
    expect(notices?.map((n) => n.params['name'])).toEqual([`${'N'.repeat(119)}…`, 'Ann'])
  })
})

describe('importCsv of bad files', () => {
  it('names a missing required column, and imports nothing', () => {
    const ids = countingIds()
    const error = errorOf(() => importCsv('stage,text\nA,hello\n', { newId: ids.newId, now: FIXED_NOW }))
    expect(error.message).toBe(
      'The file cannot be imported: line 1: the required column "lane" is missing (is the first line the header?).'
    )
    expect(error.issues).toHaveLength(1)
    expect(ids.count()).toBe(0)
  })

  it('names an unknown column', () => {
    const error = errorOf(() => importCsv('stage,lane,text,mood\nA,B,c,happy\n', options()))
    expect(error.message).toMatch(
      /^The file cannot be imported: line 1, column "mood": unknown column; the columns are stage/
    )
  })

  it('names the line and column of a bad cell', () => {
    const csv = `${HEADER}\nA,B,,,ok,,,,,0,,,\nA,B,,,ok,,,,,0,,,\nA,B,,,ok,,,,,0,,,\nA,B,,,ok,,,,,0,,,\nA,B,,,ok,,,,,0,,,\nA,B,,,bad,,,,,0,4,,\n`
    const error = errorOf(() => importCsv(csv, options()))
    expect(error.message).toBe('The file cannot be imported: line 7, column "severity": must be 1, 2 or 3.')
    expect(error.issues).toMatchObject([{ path: 'line 7, column "severity"', message: 'must be 1, 2 or 3' }])
    // The same as codes with parameters, for the app to say in the user's language.
    expect(error.reason).toEqual({ id: 'import.failed', params: { count: 1 } })
    expect(error.issues[0]?.reason).toEqual({ id: 'csv.severity', params: {} })
  })

  it('counts lines by the file, not by records, when cells hold line breaks', () => {
    const csv = `stage,lane,text,votes\nA,B,"one\ntwo\nthree",1\nA,B,x,-1\n`
    expect(errorOf(() => importCsv(csv, options())).issues[0]!.path).toBe('line 5, column "votes"')
  })

  it('reports every problem of every row, at most 20, and says there were more', () => {
    const rows = Array.from({ length: 30 }, () => 'A,B,x,purple,sideways')
    const csv = ['stage,lane,text,color,kind', ...rows].join('\n')
    const error = errorOf(() => importCsv(csv, options()))
    expect(error.issues).toHaveLength(20)
    expect(error.message).toMatch(
      /line 2, column "kind": "sideways" is not a note kind; .*\(1 of more than 20 problems\)\.$/
    )
    expect(error.issues[1]).toMatchObject({
      path: 'line 2, column "color"',
      message: '"purple" is not a colour; write #rgb or #rrggbb, e.g. #fff59d'
    })
  })

  it('checks enums, numbers, lengths, personas and lane kinds', () => {
    const csv = [
      'stage,lane,lane_kind,text,channel,category,votes,impact,effort,personas',
      ',B,,x,,,,,,',
      'A,B,cloud,x,pigeon,finance,1.5,0,6,',
      `A,B,,${'y'.repeat(2001)},,,,,,`,
      'A,C,goals,x,,,,,,',
      'A,C,actions,x,,,,,,'
    ].join('\n')
    const messages = errorOf(() => importCsv(csv, options())).issues.map((i) => `${i.path}: ${i.message}`)
    expect(messages).toEqual([
      'line 2, column "stage": must not be empty',
      expect.stringMatching(/^line 3, column "lane_kind": "cloud" is not a lane kind; use one of goals,/),
      expect.stringMatching(/^line 3, column "channel": "pigeon" is not a channel/),
      expect.stringMatching(/^line 3, column "category": "finance" is not a category/),
      'line 3, column "votes": must be a whole number from 0 to 10000',
      'line 3, column "impact": must be a whole number from 1 to 5',
      'line 3, column "effort": must be a whole number from 1 to 5',
      'line 4, column "text": at most 2000 characters (this one has 2001)',
      'line 6, column "lane_kind": lane "C" was given the kind "goals" on line 5'
    ])
  })

  it('gives one clear error for a truncated file, text after a quote, extra cells, and garbage', () => {
    expect(errorOf(() => importCsv('stage,lane,text\nA,B,"never closed\nmore', options())).message).toBe(
      'The file cannot be imported: line 2: a quoted cell that starts on this line is never closed (is the file cut short?).'
    )
    expect(errorOf(() => importCsv('stage,lane,text\nA,B,"x"y\n', options())).issues[0]!.path).toBe('line 2')
    expect(errorOf(() => importCsv('stage,lane,text\nA,B,x,extra\n', options())).message).toMatch(
      /line 2: has 4 cells where the header has 3\.$/
    )
    expect(errorOf(() => importCsv('\u0000\u0001PK\u0003\u0004garbage', options())).message).toMatch(
      /^The file cannot be imported: line 1, column ".*": unknown column/
    )
    expect(errorOf(() => importCsv(' \r\n', options())).message).toBe('The file is empty.')
    expect(errorOf(() => importCsv(`\uFEFF${HEADER}\r\n`, options())).message).toBe(
      'The file has a header but no rows: there is nothing to import.'
    )
  })

  it('refuses more personas than a map may have', () => {
    const many = Array.from({ length: 21 }, (_, i) => buildPersona(`q${i}`, { name: `P${i}` }))
    const csv = ['stage,lane,text,personas', ...many.map((p) => `A,B,x,${p.name}`)].join('\n')
    expect(errorOf(() => importCsv(csv, options({ personas: many }))).message).toMatch(/at most 20 personas/)
  })
})
