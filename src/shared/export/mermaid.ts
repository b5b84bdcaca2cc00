/**
 * Mermaid `journey` diagrams (the text format GitHub and many documentation tools render):
 *
 * ```
 * journey
 *     title Onboarding
 *     section Sign-up
 *       Create account: 4: Maya, Ivan
 *       Confirm email: 2
 * ```
 *
 * Export: one section per stage; the tasks of a section are the stage's notes in touchpoint
 * lanes, or, for a stage without any, the notes of its top-most lane that has notes (so a map
 * without touchpoints still shows its first notes). A task's actors are the personas its note
 * is tagged with; its score (1–5) is the map's emotion scale mapped linearly onto 1…5 and
 * rounded, from the as-is curve at that stage: the average of the actors' points, else the
 * general curve's point, else the average of all points there, else 3.
 * Mermaid cannot take ":" in task or section names, nor "#" or ";" anywhere (they start a
 * comment or end the statement), nor "," in an actor's name, nor "%%" (a comment). These are
 * written with Mermaid's own escapes, entity codes, which it turns back into the character when
 * it draws the diagram: ":" is "#58;", "#" "#35;", ";" "#59;", "," "#44;", "%" of "%%" "#37;".
 * So "https://example.com" round-trips as itself. A line break is written "<br>", which Mermaid
 * draws as one. A task that would read as a keyword (journey, title, section, accTitle, accDescr)
 * gets an invisible U+200B in front.
 *
 * Import follows Mermaid's grammar: `journey` first (after an optional `---` front matter and
 * `%%` comments), then `title …`, `section …`, `Task name: score` or
 * `Task name: score: Actor, Actor`, `accTitle: …`, `accDescr: …` or `accDescr { … }` over
 * several lines; `%%` and `#` start comments; keywords in any case. The new map has one stage
 * per section (tasks before the first section get a stage of their own), a Touchpoints lane
 * with the tasks as notes tagged with their actors, an Emotions lane, and an as-is emotion
 * series per actor: the average of the actor's task scores in each section, mapped back onto
 * the map's scale (tasks without actors make the general series). Actors become personas:
 * matched by name to the personas given, or new ones. Entity codes ("#58;", "#quot;") become
 * their characters and "<br>" a line break, as Mermaid draws them. What Mermaid draws but a map
 * cannot hold (an actor's name over 120 characters, a section title over 200) is shortened with
 * an ellipsis and a notice naming the line. A score outside 1…5 or a line that is none of the
 * above is an error naming its line; nothing is imported then.
 */
import { NOTE_COLORS, defaultLaneHeight } from '../commands/defaults'
import { JourneyError, reason } from '../errors'
import type { EmotionPoint, EmotionScale, JourneyMap, Lane, Note, Persona, Stage } from '../model'
import { COUNT_LIMITS, LIMITS, tooManyMessage } from '../schema/entities'
import { DEFAULT_STAGE_WIDTH } from '../templates'
import {
  DEFAULT_EMOTION_SCALE,
  IssueList,
  fileError,
  finishMap,
  mapTitle,
  newPersona,
  quoteForMessage,
  shorten,
  type ImportNotice,
  type ImportedMap,
  type TextImportOptions
} from './common'

/** Lowest and highest score of a Mermaid task. */
export const MERMAID_MIN_SCORE = 1
export const MERMAID_MAX_SCORE = 5

const DEFAULT_TITLE = 'Imported journey'
/** Stage for tasks written before the first section. */
const UNSECTIONED_STAGE = 'Journey'
const KEYWORD_GUARD = '\u200b'

// ---------------------------------------------------------------------------------------------
// Scores

/** A score on the map's scale as a Mermaid score, 1…5 (not rounded). */
export function toMermaidScore(score: number, scale: EmotionScale): number {
  const span = scale.max - scale.min
  const t = span > 0 ? (score - scale.min) / span : 0.5
  return MERMAID_MIN_SCORE + Math.min(1, Math.max(0, t)) * (MERMAID_MAX_SCORE - MERMAID_MIN_SCORE)
}

/** A Mermaid score, 1…5, on the map's scale. */
export function fromMermaidScore(score: number, scale: EmotionScale): number {
  const t = (score - MERMAID_MIN_SCORE) / (MERMAID_MAX_SCORE - MERMAID_MIN_SCORE)
  return scale.min + t * (scale.max - scale.min)
}

// ---------------------------------------------------------------------------------------------
// Export

/**
 * The Mermaid journey of a map (see the module comment). `personas` must hold every persona the
 * exported notes are tagged with; otherwise JourneyError('invalid_request').
 */
export function exportMermaid(map: JourneyMap, personas: readonly Persona[]): string {
  const names = new Map(personas.map((p) => [p.id, p.name]))
  const stages = [...map.stages].sort(byOrder)
  const lanes = [...map.lanes].sort(byOrder)
  const notesByCell = new Map<string, Note[]>()
  for (const note of [...map.notes].sort(byOrder)) {
    const key = `${note.stageId}\u0000${note.laneId}`
    const list = notesByCell.get(key)
    if (list) list.push(note)
    else notesByCell.set(key, [note])
  }
  const asIs = map.emotionPoints.filter((p) => p.variant === 'asIs')

  const out = ['journey']
  const title = mermaidText(map.title, /[#;]/g, false)
  if (title !== '') out.push(`    title ${title}`)
  for (const stage of stages) {
    out.push(`    section ${mermaidText(stage.title, /[#;:]/g, true)}`)
    const cells = lanes.map((lane) => ({ lane, notes: notesByCell.get(`${stage.id}\u0000${lane.id}`) ?? [] }))
    const touchpoints = cells.filter((c) => c.lane.kind === 'touchpoints').flatMap((c) => c.notes)
    const tasks = touchpoints.length > 0 ? touchpoints : (cells.find((c) => c.notes.length > 0)?.notes ?? [])
    const points = asIs.filter((p) => p.stageId === stage.id)
    for (const note of tasks) {
      const name = taskName(note.text)
      if (name === '') continue // Mermaid has no nameless tasks
      const actors = note.personaIds.map((id) => {
        const personaName = names.get(id)
        if (personaName === undefined) {
          throw new JourneyError(
            'invalid_request',
            `The map refers to persona "${id}", which was not given to the export.`
          )
        }
        return actorName(personaName)
      })
      const score = Math.round(toMermaidScore(taskScore(note.personaIds, points, map.emotionScale), map.emotionScale))
      out.push(`      ${name}: ${score}${actors.length > 0 ? `: ${actors.join(', ')}` : ''}`)
    }
  }
  return `${out.join('\n')}\n`
}

/** The emotion a task shows, on the map's scale (see the module comment for the fallbacks). */
function taskScore(actorIds: readonly string[], points: readonly EmotionPoint[], scale: EmotionScale): number {
  const scoreOf = (personaId: string | null) => points.find((p) => p.personaId === personaId)?.score
  const actorScores = actorIds.map(scoreOf).filter((s): s is number => s !== undefined)
  if (actorScores.length > 0) return average(actorScores)
  const general = scoreOf(null)
  if (general !== undefined) return general
  if (points.length > 0) return average(points.map((p) => p.score))
  return fromMermaidScore(3, scale)
}

/**
 * One line of text with what Mermaid cannot take there written as its entity codes (see the
 * module comment); line breaks as "<br>" where Mermaid draws them (sections and tasks), else
 * spaces.
 */
function mermaidText(text: string, forbidden: RegExp, breaks: boolean): string {
  const lines = text
    .split(/\r\n|[\r\n\v\f\u2028\u2029]/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
  return lines
    .join(breaks ? '<br>' : ' ')
    .replace(new RegExp(`%(?=%)|${forbidden.source}`, 'g'), (ch) => `#${ch.codePointAt(0)};`)
}

function taskName(text: string): string {
  const name = mermaidText(text, /[#;:]/g, true)
  return /^(journey|title\s|section\s|acctitle|accdescr)/i.test(name) ? KEYWORD_GUARD + name : name
}

function actorName(name: string): string {
  return mermaidText(name, /[#;:,]/g, false)
}

/** How earlier versions wrote an actor: "," ":" "#" ";" as fullwidth forms. Still matched on import. */
function legacyActorName(name: string): string {
  const fullwidth: Readonly<Record<string, string>> = { ':': '：', ';': '；', '#': '＃', ',': '，' }
  return name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[#;:,]/g, (ch) => fullwidth[ch]!)
}

// Mermaid's entity codes ("#58;", "#quot;"), which it reads before the statement: a code's "#"
// is not a comment, nor its ";" the end of the statement. Held as private-use placeholders
// while a line is split up, then turned into their characters.
const ENTITY_OPEN = '\ue000'
const ENTITY_CLOSE = '\ue001'
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
  colon: ':',
  semi: ';',
  num: '#',
  comma: ',',
  percnt: '%',
  hash: '#'
}

const holdEntities = (line: string) =>
  line.replace(/#(\w+);/g, (_whole, code: string) => `${ENTITY_OPEN}${code}${ENTITY_CLOSE}`)

/** Placeholders back as characters ("58" → ":"), unknown codes as written; "<br>" as a line break. */
function releaseEntities(text: string, breaks: boolean): string {
  const released = text.replace(new RegExp(`${ENTITY_OPEN}(\\w+)${ENTITY_CLOSE}`, 'g'), (_whole, code: string) => {
    if (/^\d+$/.test(code)) {
      const cp = Number(code)
      if (cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) return String.fromCodePoint(cp)
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? `#${code};`
  })
  return breaks ? released.replace(/\s*<br\s*\/?>\s*/gi, '\n').trim() : released
}

// ---------------------------------------------------------------------------------------------
// Import

interface ParsedTask {
  readonly line: number
  readonly name: string
  readonly score: number
  readonly actors: readonly string[]
}

interface ParsedSection {
  readonly line: number
  readonly title: string
  readonly tasks: ParsedTask[]
}

interface ParsedJourney {
  title?: { readonly text: string; readonly line: number }
  description?: { readonly text: string; readonly line: number }
  readonly sections: ParsedSection[]
}

/** Other Mermaid diagram types, to say what a file is when it is not a journey. */
const OTHER_DIAGRAMS =
  /^(flowchart|graph|sequenceDiagram|classDiagram|stateDiagram|stateDiagram-v2|erDiagram|gantt|pie|timeline|mindmap|gitGraph|quadrantChart|requirementDiagram|C4Context|sankey-beta|xychart-beta|block-beta|packet-beta|kanban|architecture-beta|radar-beta)\b/i

/**
 * Reads a Mermaid journey into a new map (see the module comment). Throws
 * JourneyError('invalid_request') naming the line of each problem (at most 20).
 */
export function importMermaid(text: string, options: TextImportOptions): ImportedMap {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') throw fileError('The file is empty.', reason('import.empty'))
  const issues = new IssueList()
  const journey = parseJourney(body.split(/\r\n|\r|\n/), issues)
  issues.throwIfAny()
  return buildMap(journey!, options, issues)
}

function parseJourney(lines: readonly string[], issues: IssueList): ParsedJourney | undefined {
  const journey: ParsedJourney = { sections: [] }
  let i = 0
  let frontTitle: { text: string; line: number } | undefined
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, j) => j > 0 && l.trim() === '---')
    if (end === -1) {
      issues.add(
        'line 1',
        'the front matter that starts here is never closed with "---"',
        reason('mermaid.frontMatter')
      )
      return undefined
    }
    for (let j = 1; j < end; j++) {
      const match = /^title:\s*(.*)$/.exec(lines[j]!)
      if (match) frontTitle = { text: match[1]!.trim().replace(/^(["'])(.*)\1$/, '$2'), line: j + 1 }
    }
    i = end + 1
  }
  while (i < lines.length && isSkippable(lines[i]!)) i++
  const header = lines[i]?.trim()
  if (header === undefined) {
    issues.add(`line ${lines.length}`, 'the diagram has no "journey" line', reason('mermaid.noJourney'))
    return undefined
  }
  if (!/^journey\s*((%%|#).*)?$/i.test(header)) {
    const other = OTHER_DIAGRAMS.exec(header)
    issues.add(
      `line ${i + 1}`,
      other
        ? `this is a Mermaid ${other[1]} diagram; only journey diagrams can be imported`
        : `a Mermaid journey starts with the line "journey", not ${quoteForMessage(header)}`,
      other
        ? reason('mermaid.otherDiagram', { kind: other[1]! })
        : reason('mermaid.notJourney', { value: quoteForMessage(header) })
    )
    return undefined
  }

  let section: ParsedSection | undefined
  for (i++; i < lines.length && !issues.full; i++) {
    const lineNo = i + 1
    const where = `line ${lineNo}`
    const raw = holdEntities(lines[i]!.trim())
    if (isSkippable(raw)) continue

    const multiline = /^accDescr\s*\{(.*)$/i.exec(raw)
    if (multiline) {
      const parts: string[] = []
      let rest = multiline[1]!
      let j = i
      while (!rest.includes('}')) {
        parts.push(rest)
        j++
        if (j >= lines.length) break
        rest = lines[j]!
      }
      if (!rest.includes('}')) {
        issues.add(where, 'the "accDescr {" that starts here is never closed with "}"', reason('mermaid.accDescr'))
        break
      }
      parts.push(rest.slice(0, rest.indexOf('}')))
      journey.description = {
        text: releaseEntities(
          parts
            .map((p) => p.trim())
            .join('\n')
            .trim(),
          false
        ),
        line: lineNo
      }
      i = j
      continue
    }
    const acc = /^acc(Title|Descr)\s*:(.*)$/i.exec(raw)
    if (acc) {
      if (acc[1]!.toLowerCase() === 'descr')
        journey.description = { text: releaseEntities(acc[2]!.trim(), false), line: lineNo }
      continue // accTitle: the map has no place for it; the title line names the map
    }

    // "#" starts a comment; ";" ends a statement, which Mermaid then rejects.
    const statement = raw.split('#')[0]!.trimEnd()
    if (statement.includes(';')) {
      issues.add(
        where,
        `";" is not allowed in a Mermaid journey (write it as "#59;" or leave it out)`,
        reason('mermaid.semicolon')
      )
      continue
    }
    if (/^title(\s|$)/i.test(statement)) {
      const title = releaseEntities(statement.slice(5).trim(), false)
      if (title === '') issues.add(where, 'the title line has no title', reason('mermaid.noTitle'))
      else journey.title = { text: title, line: lineNo }
      continue
    }
    if (/^section(\s|$)/i.test(statement)) {
      const held = statement.slice(7).trim()
      const title = releaseEntities(held, true)
      if (title === '') issues.add(where, 'the section has no name', reason('mermaid.noSectionName'))
      else if (held.includes(':'))
        issues.add(where, 'a section name cannot hold ":" (write it as "#58;")', reason('mermaid.colonInSection'))
      else {
        section = { line: lineNo, title, tasks: [] }
        journey.sections.push(section)
      }
      continue
    }
    const task = parseTask(statement, where, issues)
    if (!task) continue
    if (!section) {
      section = { line: lineNo, title: UNSECTIONED_STAGE, tasks: [] }
      journey.sections.push(section)
    }
    section.tasks.push({ ...task, line: lineNo })
  }
  if (!journey.title && frontTitle) journey.title = frontTitle
  return journey
}

/** Blank lines and `%%` comments (directives `%%{…}%%` included) carry nothing. */
function isSkippable(line: string): boolean {
  const trimmed = line.trim()
  return trimmed === '' || trimmed.startsWith('%%') || trimmed.startsWith('#')
}

/** `Task name: score` or `Task name: score: Actor, Actor`, as Mermaid's addTask reads it. */
function parseTask(statement: string, where: string, issues: IssueList): Omit<ParsedTask, 'line'> | undefined {
  const colon = statement.indexOf(':')
  if (colon === -1) {
    issues.add(
      where,
      `${quoteForMessage(statement)} is not a title, section or task; a task is written "Task name: score: Actor, Actor"`,
      reason('mermaid.notStatement', { value: quoteForMessage(statement) })
    )
    return undefined
  }
  const name = releaseEntities(
    statement
      .slice(0, colon)
      .trim()
      .replace(/^\u200b/, ''),
    true
  )
  if (name === '') {
    issues.add(where, 'the task has no name before ":"', reason('mermaid.taskNoName'))
    return undefined
  }
  // Like Mermaid: the score, then the actors; anything after a third ":" is ignored.
  const [scoreText = '', actorText = ''] = statement.slice(colon + 1).split(':')
  const trimmed = scoreText.trim()
  const score = trimmed === '' ? NaN : Number(trimmed)
  if (!Number.isFinite(score) || score < MERMAID_MIN_SCORE || score > MERMAID_MAX_SCORE) {
    issues.add(
      where,
      trimmed === ''
        ? `the task ${quoteForMessage(name)} has no score; write a number from 1 to 5 after ":"`
        : `the score ${quoteForMessage(trimmed)} must be a number from 1 to 5`,
      trimmed === ''
        ? reason('mermaid.taskNoScore', { name: quoteForMessage(name) })
        : reason('mermaid.badScore', { value: quoteForMessage(trimmed) })
    )
    return undefined
  }
  const actors = [...new Set(actorText.split(',').map((a) => releaseEntities(a.trim(), false)))].filter((a) => a !== '')
  return { name, score, actors }
}

function buildMap(journey: ParsedJourney, options: TextImportOptions, issues: IssueList): ImportedMap {
  const scale = options.emotionScale ?? DEFAULT_EMOTION_SCALE
  if (journey.sections.length === 0) {
    throw fileError('The diagram has no sections and no tasks: there is nothing to import.', reason('import.noTasks'))
  }
  // Mermaid draws texts of any length; a map keeps its limits, so longer ones are shortened
  // (with an ellipsis) and the user is told which line.
  const notices: ImportNotice[] = []
  const fit = (text: string, limit: number, what: string, line: number) => {
    const short = shorten(text, limit)
    if (short !== text) {
      notices.push({
        code: 'text_shortened',
        params: { what, line, limit },
        message: `line ${line}: the ${what} was shortened to ${limit} characters, the most a map holds`
      })
    }
    return short
  }
  const title = journey.title && fit(journey.title.text, LIMITS.title, 'title', journey.title.line)
  const description =
    journey.description && fit(journey.description.text, LIMITS.description, 'description', journey.description.line)
  const actorLines = new Map<string, number>()
  /** An actor as written → the persona name it becomes. */
  const actorNames = new Map<string, string>()
  const sections = journey.sections.map((section) => ({
    ...section,
    title: fit(section.title, LIMITS.title, 'section name', section.line),
    tasks: section.tasks.map((task) => {
      for (const actor of task.actors) {
        if (!actorLines.has(actor)) actorLines.set(actor, task.line)
        if (!actorNames.has(actor)) actorNames.set(actor, fit(actor, LIMITS.label, "actor's name", task.line))
      }
      return { ...task, name: fit(task.name, LIMITS.noteText, 'task', task.line) }
    })
  }))
  const { stages: maxStages, notes: maxNotes } = COUNT_LIMITS
  const extraSection = journey.sections[maxStages.max]
  if (extraSection) {
    const message = tooManyMessage(maxStages.max, maxStages.what, journey.sections.length)
    issues.add(
      `line ${extraSection.line}`,
      `${message}; this is section ${maxStages.max + 1}`,
      reason('limit.tooMany', { max: maxStages.max, what: 'sections' })
    )
  }
  const extraTask = journey.sections.flatMap((section) => section.tasks)[maxNotes.max]
  if (extraTask)
    issues.add(
      `line ${extraTask.line}`,
      `${tooManyMessage(maxNotes.max, 'tasks')}; this is one too many`,
      reason('limit.tooMany', { max: maxNotes.max, what: 'tasks' })
    )
  if (actorLines.size > LIMITS.maxPersonasPerMap) {
    const line = [...actorLines.values()][LIMITS.maxPersonasPerMap]!
    issues.add(
      `line ${line}`,
      `a map can have at most ${LIMITS.maxPersonasPerMap} personas; the diagram has ${actorLines.size} actors`,
      reason('mermaid.tooManyActors', { max: LIMITS.maxPersonasPerMap, count: actorLines.size })
    )
  }
  issues.throwIfAny()

  const personaByActor = new Map<string, Persona>()
  const byName = new Map<string, Persona>()
  const known = options.personas ?? []
  for (const [actor, name] of actorNames) {
    const match =
      byName.get(name) ??
      known.find((p) => p.name.trim() === name) ??
      known.find((p) => legacyActorName(p.name) === name) ??
      known.find((p) => p.name.trim().toLowerCase() === name.toLowerCase())
    const persona = match ?? newPersona(name, byName.size, options)
    if (!match) {
      notices.push({
        code: 'persona_created',
        params: { name, line: actorLines.get(actor)! },
        message: `line ${actorLines.get(actor)!}: the actor ${quoteForMessage(name)} is not in this library; a persona of that name is added`
      })
    }
    byName.set(name, persona)
    personaByActor.set(actor, persona)
  }

  const touchpoints: Lane = {
    id: options.newId(),
    title: 'Touchpoints',
    kind: 'touchpoints',
    prompt: '',
    order: 1,
    height: defaultLaneHeight('touchpoints'),
    collapsed: false
  }
  const emotions: Lane = {
    id: options.newId(),
    title: 'Emotions',
    kind: 'emotions',
    prompt: '',
    order: 2,
    height: defaultLaneHeight('emotions'),
    collapsed: false
  }
  const stages: Stage[] = []
  const notes: Note[] = []
  const points: EmotionPoint[] = []
  sections.forEach((section, index) => {
    const stage: Stage = {
      id: options.newId(),
      title: section.title,
      prompt: '',
      order: index + 1,
      width: DEFAULT_STAGE_WIDTH,
      collapsed: false
    }
    stages.push(stage)
    const scores = new Map<string | null, number[]>()
    section.tasks.forEach((task, order) => {
      const personaIds = task.actors.map((a) => personaByActor.get(a)!.id)
      notes.push({
        id: options.newId(),
        stageId: stage.id,
        laneId: touchpoints.id,
        order: order + 1,
        text: task.name,
        color: NOTE_COLORS.touchpoint,
        kind: 'touchpoint',
        channel: null,
        category: null,
        personaIds: [...new Set(personaIds)],
        votes: 0,
        severity: null,
        impact: null,
        effort: null
      })
      for (const personaId of personaIds.length > 0 ? personaIds : [null]) {
        const list = scores.get(personaId)
        if (list) list.push(task.score)
        else scores.set(personaId, [task.score])
      }
    })
    for (const [personaId, list] of scores) {
      points.push({
        id: options.newId(),
        personaId,
        variant: 'asIs',
        stageId: stage.id,
        score: fromMermaidScore(average(list), scale),
        note: ''
      })
    }
  })
  const personas = [...new Map([...personaByActor.values()].map((p) => [p.id, p])).values()]
  const map = finishMap({
    id: options.newId(),
    title: mapTitle(title ?? options.title, DEFAULT_TITLE),
    description: description ?? '',
    emotionScale: scale,
    personaIds: personas.map((p) => p.id),
    createdAt: options.now,
    updatedAt: options.now,
    revision: 0,
    stages,
    lanes: [touchpoints, emotions],
    notes,
    emotionPoints: points,
    markers: [],
    connectors: [],
    metrics: [],
    paths: [],
    kpiValues: []
  })
  return { map, personas, notices }
}

const average = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length

const byOrder = (a: { order: number; id: string }, b: { order: number; id: string }) =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
