import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportMermaid, fromMermaidScore, importMermaid, toMermaidScore } from '../../src/shared/export/mermaid'
import type { JourneyMap, Persona } from '../../src/shared/model'
import { SENTENCES, countingIds, errorOf, multilingualMap, personas } from './export-fixtures'
import { FIXED_NOW, assertValidMap, buildMap, buildPersona, seededIds } from './fixtures'

const options = (extra: Partial<Parameters<typeof importMermaid>[1]> = {}) => ({
  newId: seededIds('m'),
  now: FIXED_NOW,
  personas: personas(),
  ...extra
})
const lines = (...rows: string[]) => `${rows.join('\n')}\n`

/** Who is who in an imported map: persona names by id, from the result's personas. */
const namesOf = (people: readonly Persona[]) => new Map(people.map((p) => [p.id, p.name]))

/** Tasks per stage as "text: score: actors", read back from an imported map. */
function tasksOf(map: JourneyMap, people: readonly Persona[]): string[] {
  const names = namesOf(people)
  return [...map.stages]
    .sort((a, b) => a.order - b.order)
    .flatMap((stage) =>
      map.notes
        .filter((n) => n.stageId === stage.id)
        .sort((a, b) => a.order - b.order)
        .map((n) => `${stage.title} / ${n.text} / ${n.personaIds.map((id) => names.get(id)).join(', ')}`)
    )
}

/** Emotion points as "stage / persona name or (general): score". */
function pointsOf(map: JourneyMap, people: readonly Persona[]): string[] {
  const names = namesOf(people)
  const stage = (id: string) => map.stages.find((s) => s.id === id)!.title
  return map.emotionPoints
    .map((p) => `${stage(p.stageId)} / ${p.personaId ? names.get(p.personaId) : '(general)'}: ${p.score}`)
    .sort()
}

function onboardingMap(): JourneyMap {
  return buildMap({
    title: 'Onboarding: day #1',
    personaIds: ['p1', 'p2'],
    stages: [
      { id: 's1', title: 'Sign-up' },
      { id: 's2', title: 'First use: setup' },
      { id: 's3', title: 'Later' }
    ],
    lanes: [
      { id: 'l1', title: 'Touchpoints', kind: 'touchpoints' },
      { id: 'l2', title: 'Pain', kind: 'painPoints' }
    ],
    notes: [
      { stageId: 's1', laneId: 'l1', text: 'Create account', personaIds: ['p1', 'p2'] },
      { stageId: 's1', laneId: 'l1', text: 'Confirm email' },
      { stageId: 's1', laneId: 'l2', text: 'Not a task: touchpoints come first' },
      { stageId: 's2', laneId: 'l2', text: 'Setup wizard; too long' },
      { stageId: 's2', laneId: 'l2', text: 'Asks for a card' },
      { stageId: 's3', laneId: 'l1', text: 'Weekly digest' }
    ],
    emotionPoints: [
      { stageId: 's1', personaId: 'p1', score: 2 },
      { stageId: 's1', personaId: 'p2', score: 0 },
      { stageId: 's1', score: -2 },
      { stageId: 's2', personaId: 'p1', score: -1 }
    ]
  })
}

describe('exportMermaid', () => {
  it('writes sections per stage, touchpoint notes (else the first notes) as tasks, scores and actors', () => {
    expect(exportMermaid(onboardingMap(), personas())).toBe(
      lines(
        'journey',
        '    title Onboarding: day #35;1',
        '    section Sign-up',
        '      Create account: 4: Maya#44; the ops lead, Иван',
        '      Confirm email: 1',
        '    section First use#58; setup',
        '      Setup wizard#59; too long: 2',
        '      Asks for a card: 2',
        '    section Later',
        '      Weekly digest: 3'
      )
    )
  })

  it('maps the emotion scale linearly onto 1…5', () => {
    const scale = { min: -2, max: 2 }
    expect([-2, -1, 0, 1, 2].map((s) => toMermaidScore(s, scale))).toEqual([1, 2, 3, 4, 5])
    expect(toMermaidScore(5, { min: -10, max: 10 })).toBe(4)
    expect(toMermaidScore(0, { min: 0, max: 10 })).toBe(1)
    expect([1, 3, 5].map((s) => fromMermaidScore(s, { min: -10, max: 10 }))).toEqual([-10, 0, 10])
  })

  it('keeps task names Mermaid would misread as keywords, comments or separators', () => {
    const texts = [
      'Price: high',
      'title of the plan',
      'Journey mapping',
      'Section 2 review',
      'accDescr: hmm',
      '5%% off',
      '#1 priority',
      'line\nbreak\r\n  again',
      '   '
    ]
    const map = buildMap({ notes: texts.map((text) => ({ text })) })
    const tasks = exportMermaid(map, [])
      .split('\n')
      .filter((line) => line.startsWith('      '))
    expect(tasks).toEqual([
      '      Price#58; high: 3',
      '      \u200btitle of the plan: 3',
      '      \u200bJourney mapping: 3',
      '      \u200bSection 2 review: 3',
      '      \u200baccDescr#58; hmm: 3',
      '      5#37;% off: 3',
      '      #35;1 priority: 3',
      '      line<br>break<br>again: 3'
    ])
    // Mermaid's entity codes and <br> come back as the characters and line breaks they stand for.
    const back = importMermaid(exportMermaid(map, []), options())
    expect(back.map.notes.map((n) => n.text)).toEqual([
      'Price: high',
      'title of the plan',
      'Journey mapping',
      'Section 2 review',
      'accDescr: hmm',
      '5%% off',
      '#1 priority',
      'line\nbreak\nagain'
    ])
  })

  it('refuses to export a note tagged with a persona it was not given', () => {
    expect(() => exportMermaid(onboardingMap(), [])).toThrow(/persona "p1", which was not given/)
  })
})

describe('Mermaid round trip', () => {
  it('gives back sections, tasks, actors and scores: exporting the import gives the same text', () => {
    const text = exportMermaid(onboardingMap(), personas())
    const { map, personas: linked } = importMermaid(text, options())
    assertValidMap(map)
    expect(map.title).toBe('Onboarding: day #1')
    expect(map.lanes.map((l) => `${l.title} (${l.kind})`)).toEqual(['Touchpoints (touchpoints)', 'Emotions (emotions)'])
    expect(linked.map((p) => p.id)).toEqual(['p1', 'p2']) // matched to the given personas, not new ones
    expect(tasksOf(map, linked)).toEqual([
      'Sign-up / Create account / Maya, the ops lead, Иван',
      'Sign-up / Confirm email / ',
      'First use: setup / Setup wizard; too long / ',
      'First use: setup / Asks for a card / ',
      'Later / Weekly digest / '
    ])
    expect(pointsOf(map, linked)).toEqual([
      'First use: setup / (general): -1',
      'Later / (general): 0',
      'Sign-up / (general): -2',
      'Sign-up / Maya, the ops lead: 1',
      'Sign-up / Иван: 1'
    ])
    expect(exportMermaid(map, linked)).toBe(text)
  })

  it('keeps text in every script', () => {
    const text = exportMermaid(multilingualMap(), personas())
    const { map, personas: linked } = importMermaid(text, options())
    expect(map.stages.map((s) => s.title)).toEqual(['Осведомлённость', 'การพิจารณา', '购买'])
    expect(tasksOf(map, linked).map((task) => task.split(' / ')[1])).toEqual([
      SENTENCES.russian,
      SENTENCES.english,
      SENTENCES.thai,
      SENTENCES.chinese
    ])
    expect(exportMermaid(map, linked)).toBe(text)
  })

  it('gives each actor back its emotion within rounding (property)', () => {
    const scale = { min: -3, max: 3 }
    const step = (scale.max - scale.min) / 4
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 6 }), (scores) => {
        const stages = scores.map((_, i) => `s${i + 1}`)
        const map = buildMap({
          emotionScale: scale,
          personaIds: ['p1'],
          stages,
          notes: stages.map((stageId) => ({ stageId, text: `Task ${stageId}`, personaIds: ['p1'] })),
          emotionPoints: scores.map((score, i) => ({ stageId: stages[i], personaId: 'p1', score }))
        })
        const back = importMermaid(exportMermaid(map, personas()), options({ emotionScale: scale })).map
        expect(back.emotionPoints).toHaveLength(scores.length)
        scores.forEach((score, i) => {
          const stage = back.stages.find((st) => st.order === i + 1)!
          const point = back.emotionPoints.find((p) => p.stageId === stage.id)!
          expect(point.personaId).toBe('p1')
          expect(Math.abs(point.score - score)).toBeLessThanOrEqual(step / 2 + 1e-9)
        })
      }),
      { numRuns: 100 }
    )
  })
})

describe('importMermaid', () => {
  it('reads the example of the Mermaid documentation', () => {
    const text = lines(
      'journey',
      '    title My working day',
      '    section Go to work',
      '      Make tea: 5: Me',
      '      Go upstairs: 3: Me',
      '      Do work: 1: Me, Cat',
      '    section Go home',
      '      Go downstairs: 5: Me',
      '      Sit down: 5: Me'
    )
    const { map, personas: created } = importMermaid(text, options({ personas: [] }))
    assertValidMap(map)
    expect(map.title).toBe('My working day')
    expect(created.map((p) => `${p.name} ${p.initials} ${p.color}`)).toEqual(['Me M #3b5bdb', 'Cat C #e8590c'])
    expect(map.personaIds).toEqual(created.map((p) => p.id))
    expect(tasksOf(map, created)).toEqual([
      'Go to work / Make tea / Me',
      'Go to work / Go upstairs / Me',
      'Go to work / Do work / Me, Cat',
      'Go home / Go downstairs / Me',
      'Go home / Sit down / Me'
    ])
    expect(map.notes.every((n) => n.kind === 'touchpoint' && n.laneId === map.lanes[0]!.id)).toBe(true)
    expect(pointsOf(map, created)).toEqual(['Go home / Me: 2', 'Go to work / Cat: -2', 'Go to work / Me: 0'])
  })

  it('tolerates front matter, directives, comments, accessibility lines, any keyword case and CRLF', () => {
    const text = [
      '---',
      'title: "From front matter"',
      'config:',
      '  theme: forest',
      '---',
      '%%{init: {"theme": "dark"}}%%',
      '%% a comment',
      'JOURNEY',
      '  accTitle: Accessible title',
      '  accDescr {',
      '    A journey',
      '    over two lines',
      '  }',
      '  # a hash comment',
      '  Before any section: 3',
      '  Section Начало',
      '    Регистрация: 5: Маша  # a trailing comment',
      '    สมัครสมาชิก: 2',
      '  section 注册',
      '    注册账户: 1: Маша, 李雷,',
      ''
    ].join('\r\n')
    const { map, personas: created } = importMermaid(text, options({ personas: [] }))
    expect(map.title).toBe('From front matter')
    expect(map.description).toBe('A journey\nover two lines')
    expect(map.stages.map((s) => s.title)).toEqual(['Journey', 'Начало', '注册'])
    expect(created.map((p) => `${p.name} ${p.initials}`)).toEqual(['Маша М', '李雷 李'])
    expect(tasksOf(map, created)).toEqual([
      'Journey / Before any section / ',
      'Начало / Регистрация / Маша',
      'Начало / สมัครสมาชิก / ',
      '注册 / 注册账户 / Маша, 李雷'
    ])
    expect(pointsOf(map, created)).toEqual([
      'Journey / (general): 0',
      'Начало / (general): -1',
      'Начало / Маша: 2',
      '注册 / Маша: -2',
      '注册 / 李雷: -2'
    ])
  })

  it('takes one-line accDescr, a title line over the front matter, decimals and the map scale', () => {
    const text = lines(
      '---',
      'title: Ignored',
      '---',
      'journey',
      'title Real',
      'accDescr: Short',
      'section A',
      'T: 4.5'
    )
    const { map } = importMermaid(text, options({ emotionScale: { min: -10, max: 10 } }))
    expect(map).toMatchObject({ title: 'Real', description: 'Short', emotionScale: { min: -10, max: 10 } })
    expect(map.emotionPoints.map((p) => p.score)).toEqual([7.5])
  })

  it('matches actors to the given personas by name, also as the export wrote them', () => {
    const text = lines('journey', 'section A', 'x: 3: Maya， the ops lead, иван, Someone new')
    const { map, personas: linked } = importMermaid(text, options())
    expect(linked.map((p) => p.id)).toEqual(['p1', 'p2', 'm1'])
    expect(linked[2]).toMatchObject({ name: 'Someone new', initials: 'SN', createdAt: FIXED_NOW })
    expect(map.personaIds).toEqual(['p1', 'p2', 'm1'])
  })
})

describe('importMermaid of bad files', () => {
  it('names the line of a score out of range, and imports nothing', () => {
    const ids = countingIds()
    const text = lines('journey', '  section A', '    Fine: 5: Me', '    Task: 6: Me')
    const error = errorOf(() => importMermaid(text, { newId: ids.newId, now: FIXED_NOW }))
    expect(error.message).toBe('The file cannot be imported: line 4: the score "6" must be a number from 1 to 5.')
    expect(error.issues).toMatchObject([{ path: 'line 4', message: 'the score "6" must be a number from 1 to 5' }])
    expect(ids.count()).toBe(0)
  })

  it('names malformed lines', () => {
    const text = lines(
      'journey',
      'section A',
      'just words',
      ': 3',
      'Task: high',
      'Task:',
      'section B: no',
      'section',
      'title',
      'Task: 3; Me'
    )
    expect(errorOf(() => importMermaid(text, options())).issues).toMatchObject([
      {
        path: 'line 3',
        message: '"just words" is not a title, section or task; a task is written "Task name: score: Actor, Actor"'
      },
      { path: 'line 4', message: 'the task has no name before ":"' },
      { path: 'line 5', message: 'the score "high" must be a number from 1 to 5' },
      { path: 'line 6', message: 'the task "Task" has no score; write a number from 1 to 5 after ":"' },
      { path: 'line 7', message: 'a section name cannot hold ":" (write it as "#58;")' },
      { path: 'line 8', message: 'the section has no name' },
      { path: 'line 9', message: 'the title line has no title' },
      { path: 'line 10', message: '";" is not allowed in a Mermaid journey (write it as "#59;" or leave it out)' }
    ])
  })

  it('says what a file is when it is not a journey, is empty, cut short or garbage', () => {
    expect(errorOf(() => importMermaid('flowchart TD\n  A-->B\n', options())).message).toBe(
      'The file cannot be imported: line 1: this is a Mermaid flowchart diagram; only journey diagrams can be imported.'
    )
    expect(errorOf(() => importMermaid('\n\n', options())).message).toBe('The file is empty.')
    expect(errorOf(() => importMermaid('journey\n  title Half a fi', options())).message).toBe(
      'The diagram has no sections and no tasks: there is nothing to import.'
    )
    expect(errorOf(() => importMermaid('journey\n accDescr {\n never closed', options())).message).toBe(
      'The file cannot be imported: line 2: the "accDescr {" that starts here is never closed with "}".'
    )
    expect(errorOf(() => importMermaid('---\ntitle: x\njourney\n', options())).message).toMatch(
      /line 1: the front matter/
    )
    expect(errorOf(() => importMermaid('\u0000PK\u0003\u0004 binary', options())).message).toMatch(
      /^The file cannot be imported: line 1: a Mermaid journey starts with the line "journey", not /
    )
  })

  it('reports at most 20 problems and says there were more', () => {
    const text = lines('journey', 'section A', ...Array.from({ length: 25 }, (_, i) => `Task ${i}: 9`))
    const error = errorOf(() => importMermaid(text, options()))
    expect(error.issues).toHaveLength(20)
    expect(error.message).toMatch(
      /line 3: the score "9" must be a number from 1 to 5 \(1 of more than 20 problems\)\.$/
    )
  })

  it('keeps the persona limit: more than 20 actors is refused', () => {
    const actors = Array.from({ length: 21 }, (_, i) => `A${i}`).join(', ')
    const text = lines('journey', 'section S', `x: 3: ${actors}`)
    expect(errorOf(() => importMermaid(text, options())).issues.map((i) => i.message)).toEqual([
      'a map can have at most 20 personas; the diagram has 21 actors'
    ])
  })

  it('accepts the long names Mermaid draws, shortened to what a map holds, with a notice per line', () => {
    const actor = `Customer success manager for ${'enterprise '.repeat(12)}accounts`
    expect(actor.length).toBeGreaterThan(120)
    const text = lines(
      'journey',
      `title ${'t'.repeat(201)}`,
      `section ${'s'.repeat(201)}`,
      `  Kick-off call: 4: ${actor}, Maya`,
      `  Follow-up: 2: ${actor}`
    )
    const { map, personas: linked, notices } = importMermaid(text, options({ personas: [] }))
    assertValidMap(map)
    expect(map.title).toHaveLength(200)
    expect(map.title.endsWith('…')).toBe(true)
    expect(map.stages[0]!.title).toHaveLength(200)
    const long = linked.find((p) => p.name.startsWith('Customer success'))!
    expect(long.name).toHaveLength(120)
    expect(long.name.endsWith('…')).toBe(true)
    // One persona for the actor on both lines.
    expect(map.notes.map((n) => n.personaIds.includes(long.id))).toEqual([true, true])
    expect(notices).toEqual([
      expect.objectContaining({ code: 'text_shortened', params: { what: 'title', line: 2, limit: 200 } }),
      expect.objectContaining({ code: 'text_shortened', params: { what: 'section name', line: 3, limit: 200 } }),
      expect.objectContaining({ code: 'text_shortened', params: { what: "actor's name", line: 4, limit: 120 } }),
      expect.objectContaining({ code: 'persona_created', params: { name: long.name, line: 4 } }),
      expect.objectContaining({ code: 'persona_created', params: { name: 'Maya', line: 4 } })
    ])
    expect(notices![2]!.message).toBe("line 4: the actor's name was shortened to 120 characters, the most a map holds")
  })

  it('turns <br> in sections and tasks into line breaks, and line breaks back into <br>', () => {
    const text = lines('journey', 'section First<br>steps', '  Sign up<br/>and confirm: 4', '  Invite<BR />team: 3')
    const { map } = importMermaid(text, options())
    expect(map.stages[0]!.title).toBe('First\nsteps')
    expect(map.notes.map((n) => n.text)).toEqual(['Sign up\nand confirm', 'Invite\nteam'])
    const again = exportMermaid(map, [])
    expect(again).toContain('    section First<br>steps\n')
    expect(again).toContain('      Sign up<br>and confirm: 4\n')
  })

  it('round-trips ":" (URLs) and "#" ";" "," with Mermaid’s entity codes, and reads its named codes', () => {
    const url = 'Read https://example.com/pricing#plans; then call: 555-0100'
    const map = buildMap({
      personaIds: ['p1'],
      stages: [{ id: 's1', title: 'Step 1: look' }],
      notes: [{ stageId: 's1', text: url, personaIds: ['p1'] }]
    })
    const people = [buildPersona('p1', { name: 'Doe, Jane: #1' })]
    const text = exportMermaid(map, people)
    expect(text).toContain('section Step 1#58; look')
    expect(text).toContain(
      'Read https#58;//example.com/pricing#35;plans#59; then call#58; 555-0100: 3: Doe#44; Jane#58; #35;1'
    )
    expect(text).not.toMatch(/[：；＃，]/)
    const back = importMermaid(text, options({ personas: people }))
    expect(back.map.notes[0]!.text).toBe(url)
    expect(back.map.stages[0]!.title).toBe('Step 1: look')
    expect(back.personas.map((p) => p.id)).toEqual(['p1'])
    expect(exportMermaid(back.map, back.personas)).toBe(text)
    // Named codes as Mermaid's documentation writes them; unknown ones stay as written.
    const named = importMermaid(lines('journey', 'section S', '  Say #quot;hi#quot; #colon; now #nope;: 3'), options())
    expect(named.map.notes[0]!.text).toBe('Say "hi" : now #nope;')
  })

  it('does not confuse a persona built for an actor with one of the given', () => {
    const given = [buildPersona('p1', { name: 'Me' })]
    const { personas: linked } = importMermaid(
      lines('journey', 'section A', 'x: 3: me, Cat'),
      options({ personas: given })
    )
    expect(linked.map((p) => p.id)).toEqual(['p1', 'm1'])
  })
})
