/**
 * CSV export and import: one row per note, for spreadsheets.
 *
 * Export: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), comma-separated, CRLF line
 * ends, RFC 4180 quoting (a cell holding a comma, semicolon, quote, tab or line break, or
 * starting or ending with a space, is quoted; quotes inside are doubled). Columns:
 * stage, lane, lane_kind, kind, text, color, channel, category, personas (names joined by "; "),
 * votes, severity, impact, effort, path (the name of the path the note belongs to; empty: every
 * path). Rows go stage by stage, lane by lane, in note order. On import, each path named in the
 * path column becomes a path through the stages of its notes, left to right (a file without the
 * column imports as before).
 *
 * Formula injection: a cell starting with = + - @ (or tab or CR) is written with an apostrophe in
 * front, and import drops that apostrophe again; the exact, reversible rule is in ./csv-syntax.ts.
 * A cell a person wrote as '=1+1 in a spreadsheet therefore imports as =1+1.
 *
 * Layout rows: a stage or lane without notes, or an order that the note rows alone would not
 * give back (stages and lanes are created in order of first appearance), is kept by "layout
 * rows" at the top: rows with a stage, a lane and a lane kind but no text and no kind. On
 * import such a row creates its stage and lane and no note. They are written only when needed.
 * Stages (and lanes) are told apart by title: two with the same title are written as "Title"
 * and "Title (2)".
 *
 * Import takes the same columns in any order (names are matched loosely: "Lane kind" is
 * lane_kind), with comma, semicolon or tab as separator (read from the header line: spreadsheets
 * in many locales write semicolons). The header is required; stage, lane and text are the
 * required columns; an unknown column is an error. Empty cells take defaults: the note kind
 * from its lane, the colour from the kind, votes 0. A lane's kind comes from lane_kind, else is
 * guessed from its title ("Pain points"), else from its first note's kind, else "text".
 * Personas are matched by name to the personas given; a name none of them has (a file from a
 * colleague's library) becomes a new persona of that name, and the import says so. Nothing is
 * imported unless the whole file is valid: the error lists up to 20 problems, each located as
 * `line 7, column "severity"`.
 */
import { NOTE_COLORS, NOTE_KIND_FOR_LANE, defaultLaneHeight } from '../commands/defaults'
import { JourneyError, reason, type Reason } from '../errors'
import type { JourneyMap, Lane, LaneKind, Note, NoteKind, Persona, Stage } from '../model'
import { ColorSchema, COUNT_LIMITS, LIMITS, tooManyMessage } from '../schema/entities'
import { CategorySchema, ChannelSchema, LaneKindSchema, NoteKindSchema } from '../schema/enums'
import { DEFAULT_STAGE_WIDTH } from '../templates'
import { PATH_COLORS } from '../commands/paths'
import {
  DEFAULT_EMOTION_SCALE,
  IssueList,
  fileError,
  finishMap,
  mapTitle,
  matchEnum,
  newPersona,
  quoteForMessage,
  shorten,
  type ImportNotice,
  type ImportedMap,
  type TextImportOptions
} from './common'
import { encodeCell, parseCsv, restoreFormula, type CsvRecord } from './csv-syntax'

export const CSV_COLUMNS = [
  'stage',
  'lane',
  'lane_kind',
  'kind',
  'text',
  'color',
  'channel',
  'category',
  'personas',
  'votes',
  'severity',
  'impact',
  'effort',
  'path'
] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]

/** Columns an import cannot do without. */
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = ['stage', 'lane', 'text']

/** Joins persona names in the personas column. */
export const PERSONA_SEPARATOR = '; '

const BOM = '\uFEFF'
const EOL = '\r\n'

/** Untitled map, when the caller gives no title (CSV has none of its own). */
const DEFAULT_TITLE = 'Imported map'

// ---------------------------------------------------------------------------------------------
// Export

/**
 * The CSV of a map's notes (see the module comment). `personas` must hold every persona the
 * notes refer to; otherwise JourneyError('invalid_request'), as for the JSON export.
 */
export function exportCsv(map: JourneyMap, personas: readonly Persona[]): string {
  const names = new Map(personas.map((p) => [p.id, p.name]))
  const pathNames = new Map(map.paths.map((p) => [p.id, p.name]))
  const stages = [...map.stages].sort(byOrder)
  const lanes = [...map.lanes].sort(byOrder)
  const stageTitles = distinctTitles(stages)
  const laneTitles = distinctTitles(lanes)
  const notesByCell = new Map<string, Note[]>()
  for (const note of [...map.notes].sort(byOrder)) {
    const key = `${note.stageId}\u0000${note.laneId}`
    const list = notesByCell.get(key)
    if (list) list.push(note)
    else notesByCell.set(key, [note])
  }

  const rows: string[][] = []
  // Stages and lanes in the order an import would create them from the note rows alone.
  const stageOrder = new Set<string>()
  const laneOrder = new Set<string>()
  for (const stage of stages) {
    for (const lane of lanes) {
      for (const note of notesByCell.get(`${stage.id}\u0000${lane.id}`) ?? []) {
        stageOrder.add(stage.id)
        laneOrder.add(lane.id)
        rows.push(noteRow(note, stageTitles.get(stage.id)!, laneTitles.get(lane.id)!, lane.kind, names, pathNames))
      }
    }
  }
  const sameOrder = (order: ReadonlySet<string>, records: readonly { id: string }[]) =>
    order.size === records.length && [...order].every((id, i) => records[i]!.id === id)
  const layout: string[][] = []
  if (!sameOrder(stageOrder, stages) || !sameOrder(laneOrder, lanes)) {
    // Pairs stage i with lane i (the shorter list repeating its last) so each appears in order.
    for (let i = 0; i < Math.max(stages.length, lanes.length) && stages.length > 0 && lanes.length > 0; i++) {
      const stage = stages[Math.min(i, stages.length - 1)]!
      const lane = lanes[Math.min(i, lanes.length - 1)]!
      const cells: Partial<Record<CsvColumn, string>> = {
        stage: stageTitles.get(stage.id)!,
        lane: laneTitles.get(lane.id)!,
        lane_kind: lane.kind
      }
      layout.push(CSV_COLUMNS.map((column) => cells[column] ?? ''))
    }
  }
  const lines = [[...CSV_COLUMNS], ...layout, ...rows].map((row) => row.map(encodeCell).join(','))
  return BOM + lines.join(EOL) + EOL
}

function noteRow(
  note: Note,
  stage: string,
  lane: string,
  laneKind: LaneKind,
  names: ReadonlyMap<string, string>,
  pathNames: ReadonlyMap<string, string>
): string[] {
  const personaNames = note.personaIds.map((id) => {
    const name = names.get(id)
    if (name === undefined) {
      throw new JourneyError('invalid_request', `The map refers to persona "${id}", which was not given to the export.`)
    }
    return name
  })
  const values: Record<CsvColumn, string> = {
    stage,
    lane,
    lane_kind: laneKind,
    kind: note.kind,
    text: note.text,
    color: note.color,
    channel: note.channel ?? '',
    category: note.category ?? '',
    personas: personaNames.join(PERSONA_SEPARATOR),
    votes: String(note.votes),
    severity: note.severity === null ? '' : String(note.severity),
    impact: note.impact === null ? '' : String(note.impact),
    effort: note.effort === null ? '' : String(note.effort),
    path: note.pathId === undefined ? '' : (pathNames.get(note.pathId) ?? '')
  }
  return CSV_COLUMNS.map((column) => values[column])
}

/** Titles that tell records apart: a repeated title gets " (2)", " (3)"… */
function distinctTitles(records: readonly { id: string; title: string }[]): Map<string, string> {
  const used = new Set<string>()
  const out = new Map<string, string>()
  for (const record of records) {
    const base = record.title.trim()
    let title = base
    for (let n = 2; used.has(title); n++) title = `${base} (${n})`
    used.add(title)
    out.set(record.id, title)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Import

/**
 * Reads a CSV file of notes into a new map (see the module comment for the rules). Throws
 * JourneyError('invalid_request') when anything is wrong, naming the line and column of each
 * problem (at most 20), and imports nothing then.
 */
export function importCsv(text: string, options: TextImportOptions): ImportedMap {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') throw fileError('The file is empty.', reason('import.empty'))
  const issues = new IssueList()
  const records = parseCsv(body, detectDelimiter(body), issues)
  issues.throwIfAny()
  const [header, ...rows] = records
  const columns = readHeader(header!, issues)
  issues.throwIfAny()
  return buildMap(rows, columns!, options, issues)
}

/** The separator of the header line: the first of , ; tab that splits it into known columns. */
export function detectDelimiter(body: string): string {
  const text = body.replace(/^[\r\n]+/, '')
  const firstLine = text.slice(0, text.search(/\r|\n|$/))
  let best = ','
  let bestCount = 0
  for (const candidate of [',', ';', '\t']) {
    const known = firstLine
      .split(candidate)
      .map((name) => csvHeaderKey(name))
      .filter((name) => (CSV_COLUMNS as readonly string[]).includes(name)).length
    if (known > bestCount) {
      best = candidate
      bestCount = known
    }
  }
  return best
}

/** "Lane kind", " LANE-KIND " and "lane_kind" all name the lane_kind column. */
export function csvHeaderKey(name: string): string {
  return name
    .trim()
    .replace(/^"|"$/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

/** Index of each column in the rows; problems with the header are reported on line 1. */
function readHeader(header: CsvRecord, issues: IssueList): Map<CsvColumn, number> | undefined {
  const columns = new Map<CsvColumn, number>()
  const where = `line ${header.line}`
  header.cells.forEach((raw, index) => {
    const key = csvHeaderKey(raw)
    if (key === '' && index === header.cells.length - 1 && index > 0) return // a trailing separator
    if (!(CSV_COLUMNS as readonly string[]).includes(key)) {
      issues.add(
        `${where}, column ${quoteForMessage(raw.trim())}`,
        `unknown column; the columns are ${CSV_COLUMNS.join(', ')}`,
        reason('csv.unknownColumn', { columns: CSV_COLUMNS.join(', ') })
      )
      return
    }
    const column = key as CsvColumn
    if (columns.has(column))
      issues.add(`${where}, column "${column}"`, 'the column appears twice', reason('csv.duplicateColumn'))
    else columns.set(column, index)
  })
  for (const required of REQUIRED_CSV_COLUMNS) {
    if (!columns.has(required)) {
      issues.add(
        where,
        `the required column "${required}" is missing (is the first line the header?)`,
        reason('csv.missingColumn', { column: required })
      )
    }
  }
  return columns
}

/** Columns that make a row a note; a row with none of them filled is a layout row. */
const NOTE_COLUMNS: readonly CsvColumn[] = CSV_COLUMNS.filter((c) => c !== 'stage' && c !== 'lane' && c !== 'lane_kind')

/** The note fields of one row, once its cells are checked. */
interface RowData {
  readonly line: number
  readonly stage: string
  readonly lane: string
  readonly laneKind: LaneKind | null
  /** False for a layout row: it declares its stage and lane, and makes no note. */
  readonly isNote: boolean
  readonly kind: NoteKind | null
  readonly text: string
  readonly color: string | null
  readonly channel: Note['channel']
  readonly category: Note['category']
  readonly personaIds: readonly string[]
  readonly votes: number
  readonly severity: number | null
  readonly impact: number | null
  readonly effort: number | null
  /** The path's name, or "" for none. */
  readonly path: string
}

function buildMap(
  records: readonly CsvRecord[],
  columns: ReadonlyMap<CsvColumn, number>,
  options: TextImportOptions,
  issues: IssueList
): ImportedMap {
  const personas = new PersonaMatcher(options.personas ?? [], options)
  const rows: RowData[] = []
  for (const record of records) {
    if (issues.full) break
    const row = readRow(record, columns, personas, issues)
    if (row) rows.push(row)
  }
  // Rows with bad cells are left out here, so what follows reports only problems of its own.
  const laneKinds = resolveLaneKinds(rows, issues)
  const linked = personas.linked()
  if (linked.length > LIMITS.maxPersonasPerMap) {
    issues.add(
      'column "personas"',
      `a map can have at most ${LIMITS.maxPersonasPerMap} personas; this file names ${linked.length}`,
      reason('csv.tooManyPersonas', { max: LIMITS.maxPersonasPerMap, count: linked.length })
    )
  }
  issues.throwIfAny()
  if (rows.length === 0)
    throw fileError('The file has a header but no rows: there is nothing to import.', reason('import.noRows'))

  const stages = new Map<string, Stage>()
  const lanes = new Map<string, Lane>()
  const notes: Note[] = []
  const cellCounts = new Map<string, number>()
  /** Path name → its id and the stages its notes sit in. */
  const paths = new Map<string, { id: string; stages: Set<string> }>()
  for (const row of rows) {
    let stage = stages.get(row.stage)
    if (!stage && stages.size === COUNT_LIMITS.stages.max) {
      tooMany(
        issues,
        row.line,
        COUNT_LIMITS.stages,
        `this row starts stage ${stages.size + 1}, ${quoteForMessage(row.stage)}`
      )
      break
    }
    if (!lanes.has(row.lane) && lanes.size === COUNT_LIMITS.lanes.max) {
      tooMany(
        issues,
        row.line,
        COUNT_LIMITS.lanes,
        `this row starts lane ${lanes.size + 1}, ${quoteForMessage(row.lane)}`
      )
      break
    }
    if (row.isNote && notes.length === COUNT_LIMITS.notes.max) {
      tooMany(issues, row.line, COUNT_LIMITS.notes, `this row is note ${notes.length + 1}`)
      break
    }
    if (!stage) {
      stage = {
        id: options.newId(),
        title: row.stage,
        prompt: '',
        order: stages.size + 1,
        width: DEFAULT_STAGE_WIDTH,
        collapsed: false
      }
      stages.set(row.stage, stage)
    }
    let lane = lanes.get(row.lane)
    if (!lane) {
      const kind = laneKinds.get(row.lane)!
      lane = {
        id: options.newId(),
        title: row.lane,
        kind,
        prompt: '',
        order: lanes.size + 1,
        height: defaultLaneHeight(kind),
        collapsed: false
      }
      lanes.set(row.lane, lane)
    }
    if (!row.isNote) continue
    const cell = `${stage.id}\u0000${lane.id}`
    const order = (cellCounts.get(cell) ?? 0) + 1
    cellCounts.set(cell, order)
    const kind = row.kind ?? NOTE_KIND_FOR_LANE[lane.kind]
    let path = row.path === '' ? undefined : paths.get(row.path)
    if (row.path !== '' && !path) {
      if (paths.size === COUNT_LIMITS.paths.max) {
        tooMany(
          issues,
          row.line,
          COUNT_LIMITS.paths,
          `this row names path ${paths.size + 1}, ${quoteForMessage(row.path)}`
        )
        break
      }
      paths.set(row.path, (path = { id: options.newId(), stages: new Set() }))
    }
    path?.stages.add(stage.id)
    notes.push({
      id: options.newId(),
      stageId: stage.id,
      laneId: lane.id,
      order,
      text: row.text,
      color: row.color ?? NOTE_COLORS[kind],
      kind,
      channel: row.channel,
      category: row.category,
      personaIds: row.personaIds,
      votes: row.votes,
      severity: row.severity,
      impact: row.impact,
      effort: row.effort,
      ...(path ? { pathId: path.id } : {})
    })
  }
  issues.throwIfAny()
  const stageList = [...stages.values()]
  const map = finishMap({
    id: options.newId(),
    title: mapTitle(options.title, DEFAULT_TITLE),
    description: '',
    emotionScale: options.emotionScale ?? DEFAULT_EMOTION_SCALE,
    personaIds: linked.map((p) => p.id),
    createdAt: options.now,
    updatedAt: options.now,
    revision: 0,
    stages: [...stages.values()],
    lanes: [...lanes.values()],
    notes,
    emotionPoints: [],
    markers: [],
    connectors: [],
    metrics: [],
    paths: [...paths].map(([name, path], i) => ({
      id: path.id,
      name,
      color: PATH_COLORS[i % PATH_COLORS.length]!,
      order: i + 1,
      steps: stageList.filter((s) => path.stages.has(s.id)).map((s) => ({ stageId: s.id, event: '' }))
    })),
    kpiValues: []
  })
  return { map, personas: linked, notices: personas.notices }
}

function tooMany(issues: IssueList, line: number, limit: { max: number; what: string }, which: string): void {
  issues.add(
    `line ${line}`,
    `${tooManyMessage(limit.max, limit.what)}; ${which}`,
    reason('limit.tooMany', { max: limit.max, what: limit.what })
  )
}

/** Checks every cell of a row; undefined for a blank row (all cells empty) or one with problems. */
function readRow(
  record: CsvRecord,
  columns: ReadonlyMap<CsvColumn, number>,
  personas: PersonaMatcher,
  issues: IssueList
): RowData | undefined {
  const { line, cells } = record
  const width = Math.max(...columns.values()) + 1
  if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
    issues.add(
      `line ${line}`,
      `has ${cells.length} cells where the header has ${width}`,
      reason('csv.extraCells', { cells: cells.length, width })
    )
    return undefined
  }
  // Missing trailing cells count as empty: some tools drop them.
  const value = (column: CsvColumn) => {
    const index = columns.get(column)
    return index === undefined ? '' : restoreFormula(cells[index] ?? '')
  }
  if (CSV_COLUMNS.every((column) => value(column).trim() === '')) return undefined

  const before = issues.count
  const at = (column: CsvColumn) => `line ${line}, column "${column}"`
  const title = (column: 'stage' | 'lane') => {
    const text = value(column).trim()
    if (text === '') issues.add(at(column), 'must not be empty', reason('csv.emptyTitle'))
    else if (text.length > LIMITS.title)
      issues.add(at(column), `at most ${LIMITS.title} characters`, reason('csv.titleTooLong', { max: LIMITS.title }))
    return text
  }
  const enumCell = <T extends string>(column: CsvColumn, options: readonly T[], what: string): T | null => {
    const text = value(column).trim()
    if (text === '') return null
    const found = matchEnum(options, text)
    if (!found)
      issues.add(
        at(column),
        `${quoteForMessage(text)} is not ${what}; use one of ${options.join(', ')}`,
        reason('csv.notAllowed', { value: quoteForMessage(text), options: options.join(', ') })
      )
    return found ?? null
  }
  const wholeNumber = (column: CsvColumn, min: number, max: number, message: string, why: Reason): number | null => {
    const text = value(column).trim()
    if (text === '') return null
    const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN
    if (!(n >= min && n <= max)) {
      issues.add(at(column), message, why)
      return null
    }
    return n
  }

  const stage = title('stage')
  const lane = title('lane')
  const laneKind = enumCell('lane_kind', LaneKindSchema.options, 'a lane kind')
  const kind = enumCell('kind', NoteKindSchema.options, 'a note kind')
  const text = value('text')
  if (text.length > LIMITS.noteText) {
    issues.add(
      at('text'),
      `at most ${LIMITS.noteText} characters (this one has ${text.length})`,
      reason('csv.textTooLong', { max: LIMITS.noteText, length: text.length })
    )
  }
  const colorText = value('color').trim()
  if (colorText !== '' && !ColorSchema.safeParse(colorText).success) {
    issues.add(
      at('color'),
      `${quoteForMessage(colorText)} is not a colour; write #rgb or #rrggbb, e.g. #fff59d`,
      reason('csv.notColour', { value: quoteForMessage(colorText) })
    )
  }
  const channel = enumCell('channel', ChannelSchema.options, 'a channel')
  const category = enumCell('category', CategorySchema.options, 'a category')
  const personaIds = personas.match(value('personas'), at('personas'))
  const range = (min: number, max: number) => reason('csv.wholeNumber', { min, max })
  const votes = wholeNumber('votes', 0, 10000, 'must be a whole number from 0 to 10000', range(0, 10000)) ?? 0
  const severity = wholeNumber('severity', 1, 3, 'must be 1, 2 or 3', reason('csv.severity'))
  const impact = wholeNumber('impact', 1, 5, 'must be a whole number from 1 to 5', range(1, 5))
  const effort = wholeNumber('effort', 1, 5, 'must be a whole number from 1 to 5', range(1, 5))
  const path = value('path').trim()
  if (path.length > LIMITS.label)
    issues.add(at('path'), `at most ${LIMITS.label} characters`, reason('csv.titleTooLong', { max: LIMITS.label }))
  if (issues.count > before) return undefined

  const isNote = NOTE_COLUMNS.some((column) => value(column).trim() !== '')
  return {
    line,
    stage,
    lane,
    laneKind,
    isNote,
    kind,
    text,
    color: colorText === '' ? null : colorText,
    channel,
    category,
    personaIds,
    votes,
    severity,
    impact,
    effort,
    path
  }
}

/**
 * The kind of each lane, by title: the lane_kind cells (which must agree), else a guess from
 * the title, else from the first note kind given in the lane, else "text".
 */
function resolveLaneKinds(rows: readonly RowData[], issues: IssueList): Map<string, LaneKind> {
  const explicit = new Map<string, { kind: LaneKind; line: number }>()
  const fromNote = new Map<string, LaneKind>()
  for (const row of rows) {
    if (row.laneKind) {
      const first = explicit.get(row.lane)
      if (!first) explicit.set(row.lane, { kind: row.laneKind, line: row.line })
      else if (first.kind !== row.laneKind) {
        issues.add(
          `line ${row.line}, column "lane_kind"`,
          `lane ${quoteForMessage(row.lane)} was given the kind "${first.kind}" on line ${first.line}`,
          reason('csv.laneKindClash', { lane: quoteForMessage(row.lane), kind: first.kind, line: first.line })
        )
      }
    }
    if (row.kind && !fromNote.has(row.lane)) {
      const kind = LANE_KIND_FOR_NOTE[row.kind]
      if (kind) fromNote.set(row.lane, kind)
    }
  }
  const kinds = new Map<string, LaneKind>()
  for (const row of rows) {
    if (kinds.has(row.lane)) continue
    kinds.set(row.lane, explicit.get(row.lane)?.kind ?? guessLaneKind(row.lane) ?? fromNote.get(row.lane) ?? 'text')
  }
  return kinds
}

/** The lane a note of this kind usually sits in. */
const LANE_KIND_FOR_NOTE: Partial<Record<NoteKind, LaneKind>> = {
  goal: 'goals',
  action: 'actions',
  thought: 'thoughts',
  touchpoint: 'touchpoints',
  painPoint: 'painPoints',
  opportunity: 'opportunities',
  trigger: 'triggers',
  backstage: 'backstage'
}

/** English lane titles of the templates and their usual variants; first match wins. */
const LANE_TITLE_GUESSES: readonly [RegExp, LaneKind][] = [
  [/pain/, 'painPoints'],
  [/opportunit|improvement|idea/, 'opportunities'],
  [/touch\s*-?\s*points?|evidence|frontstage/, 'touchpoints'],
  [/channel/, 'channels'],
  [/emotion|feeling|mood|experience curve/, 'emotions'],
  [/thought|thinking/, 'thoughts'],
  [/trigger|conversion/, 'triggers'],
  [/backstage|support process|behind the scenes/, 'backstage'],
  [/\bkpis?\b|metric|measure/, 'kpis'],
  [/goal|\bneeds?\b|expectation/, 'goals'],
  [/action|behaviou?r|\bsteps?\b|activit|doing/, 'actions']
]

export function guessLaneKind(title: string): LaneKind | undefined {
  const lower = title.toLowerCase()
  return LANE_TITLE_GUESSES.find(([pattern]) => pattern.test(lower))?.[1]
}

/**
 * Matches persona names in a personas cell to the given personas, remembering link order. A
 * name none of them has becomes a new persona (one per name, however often it appears), with
 * a notice saying where it was first named.
 */
class PersonaMatcher {
  private readonly exact = new Map<string, Persona>()
  private readonly loose = new Map<string, Persona>()
  private readonly used = new Map<string, Persona>()
  private created = 0
  readonly notices: ImportNotice[] = []

  constructor(
    personas: readonly Persona[],
    private readonly options: Pick<TextImportOptions, 'newId' | 'now'>
  ) {
    for (const p of personas) this.remember(p)
  }

  private remember(p: Persona): void {
    const name = p.name.trim()
    if (!this.exact.has(name)) this.exact.set(name, p)
    if (!this.loose.has(name.toLowerCase())) this.loose.set(name.toLowerCase(), p)
  }

  /**
   * The ids named in a cell. Names are split at ";", but a name that itself holds "; " is
   * recognised by trying the longest run of pieces that makes a known name first.
   */
  match(cell: string, where: string): string[] {
    const pieces = cell.split(';')
    const ids: string[] = []
    let i = 0
    while (i < pieces.length) {
      let found: Persona | undefined
      let next = i + 1
      for (let j = pieces.length; j > i && !found; j--) {
        found = this.find(pieces.slice(i, j).join(';').trim())
        if (found) next = j
      }
      const name = pieces[i]!.trim()
      if (!found && name !== '') found = this.create(name, where)
      if (found) {
        if (!ids.includes(found.id)) ids.push(found.id)
        this.used.set(found.id, found)
      }
      i = next
    }
    return ids
  }

  private create(written: string, where: string): Persona {
    const name = shorten(written, LIMITS.label)
    const known = this.find(name)
    if (known) return known
    const persona = newPersona(name, this.created++, this.options)
    this.remember(persona)
    this.notices.push({
      code: 'persona_created',
      params: { name, line: where },
      message: `${where}: no persona here is named ${quoteForMessage(name)}; one of that name is added to the library`
    })
    return persona
  }

  private find(name: string): Persona | undefined {
    return name === '' ? undefined : (this.exact.get(name) ?? this.loose.get(name.toLowerCase()))
  }

  /** The personas matched (or created) so far, in order of first appearance. */
  linked(): Persona[] {
    return [...this.used.values()]
  }
}

const byOrder = (a: { order: number; id: string }, b: { order: number; id: string }) =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
