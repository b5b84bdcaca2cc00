/**
 * Reading and writing the JSON interchange file (see ./schema.ts and docs/file-format.md).
 * Writing is strict so that every file we write can be read back; reading trusts nothing and
 * reports every problem it finds (up to 20) with its JSON path.
 */
import type { z } from 'zod'
import { JourneyError, formatPath, reason, type Issue } from '../errors'
import type { JourneyMap, Persona } from '../model'
import { checkIntegrity } from '../model/integrity'
import { canonicalize } from '../model/patch'
import { COUNT_LIMITS, JourneyMapSchema, LIMITS, tooManyMessage } from '../schema/entities'
import { findJsonSyntaxError } from './json-syntax'
import type { Lineage } from './lineage'
import { upgradeInterchange } from './migrate'
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION, InterchangeSchema } from './schema'

/** Import reports at most this many problems; the message says when there were more. */
export const MAX_REPORTED_ISSUES = 20

/** Every persona id a map refers to: linked ones first (in link order), then any others. */
export function referencedPersonaIds(map: JourneyMap): string[] {
  const ids = new Set<string>(map.personaIds)
  for (const note of map.notes) note.personaIds.forEach((id) => ids.add(id))
  for (const point of map.emotionPoints) if (point.personaId !== null) ids.add(point.personaId)
  for (const marker of map.markers) {
    if (marker.target.kind === 'curve' && marker.target.personaId !== null) ids.add(marker.target.personaId)
  }
  return [...ids]
}

/**
 * The interchange file for a map: pretty JSON (two-space indent, final newline), keys in schema
 * order, collections in canonical order, and only the personas the map refers to, in the
 * map's order. Throws JourneyError('invalid_request') rather than write a file that would not
 * import: when the map breaks the schema or refers to a persona missing from `personas`.
 */
export function serializeInterchange(
  map: JourneyMap,
  personas: readonly Persona[],
  now: string = new Date().toISOString(),
  lineage?: Lineage
): string {
  const byId = new Map(personas.map((p) => [p.id, p]))
  const linked = referencedPersonaIds(map).map((id) => {
    const persona = byId.get(id)
    if (!persona) {
      throw new JourneyError('invalid_request', `The map refers to persona "${id}", which was not given to the export.`)
    }
    return persona
  })
  const doc = {
    format: INTERCHANGE_FORMAT,
    version: INTERCHANGE_VERSION,
    exportedAt: now,
    map: canonicalize(map),
    personas: linked,
    ...(lineage ? { lineage } : {})
  }
  // Parsing also rebuilds every object with its keys in schema order, whatever order the
  // records arrived in: the same map always gives the same bytes.
  const parsed = InterchangeSchema.safeParse(doc)
  if (!parsed.success) {
    const issues = zodIssues(parsed.error.issues)
    throw new JourneyError('invalid_request', `The map cannot be exported: ${describeFirst(issues)}.`, issues)
  }
  return `${JSON.stringify(parsed.data, null, 2)}\n`
}

/**
 * Reads an interchange file. Throws JourneyError('invalid_request') for text that is not JSON
 * (with line and column), for JSON that is not a Journeyboard file or comes from a newer
 * version, and for any problem in the content: the error lists up to 20 problems in `issues`,
 * each with its JSON path (e.g. `map.notes[3].stageId`), and its message names the first one
 * and how many there are.
 */
export function parseInterchange(text: string): ParsedInterchange {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text // editors on Windows add a BOM
  if (body.trim() === '') throw new JourneyError('invalid_request', 'The file is empty.', [], reason('import.empty'))
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch {
    const problem = findJsonSyntaxError(body)
    const where = problem ? `line ${problem.line}, column ${problem.column}` : '(unknown position)'
    const what = problem ? problem.message : 'it could not be parsed'
    const why = reason('import.notJson', { line: problem?.line ?? 1, column: problem?.column ?? 1 })
    throw new JourneyError(
      'invalid_request',
      `The file is not valid JSON: ${what} at ${where}.`,
      [{ path: where, message: what, reason: why }],
      why
    )
  }
  checkEnvelope(data)
  checkCounts(data)
  const upgraded = upgradeInterchange(data as Record<string, unknown>, INTERCHANGE_VERSION)
  data = upgraded.data

  const issues: Issue[] = [...upgraded.issues]
  const parsed = InterchangeSchema.safeParse(data)
  if (parsed.success) {
    issues.push(...mapIssues(parsed.data.map), ...personaIssues(parsed.data.map, parsed.data.personas))
  } else {
    issues.push(...zodIssues(parsed.error.issues))
    // When only personas (or the envelope) are wrong, the map can still be checked on its own.
    const map = JourneyMapSchema.safeParse((data as { map?: unknown }).map)
    if (map.success) issues.push(...mapIssues(map.data))
  }
  if (issues.length > 0) {
    const shown = issues.slice(0, MAX_REPORTED_ISSUES)
    const count = issues.length > MAX_REPORTED_ISSUES ? `more than ${MAX_REPORTED_ISSUES}` : String(issues.length)
    const tally = issues.length === 1 ? '' : ` (1 of ${count} problems)`
    throw new JourneyError(
      'invalid_request',
      `The file cannot be imported: ${describeFirst(shown)}${tally}.`,
      shown,
      reason('import.failed', { count: issues.length })
    )
  }
  const file = parsed.data as z.infer<typeof InterchangeSchema>
  return { map: canonicalize(file.map), personas: file.personas, lineage: file.lineage ?? null }
}

export interface ParsedInterchange {
  readonly map: JourneyMap
  readonly personas: Persona[]
  /** Where the file came from (.journeymap documents and embedded maps); null for a plain JSON export. */
  readonly lineage: Lineage | null
}

/** The `format` and `version` fields, checked first so that the error says what matters most. */
function checkEnvelope(data: unknown): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const kind = Array.isArray(data) ? 'an array' : data === null ? 'null' : `a ${typeof data}`
    throw new JourneyError(
      'invalid_request',
      `This is not a Journeyboard file: it holds ${kind}, not an object.`,
      [],
      reason('import.notObject')
    )
  }
  const { format, version } = data as { format?: unknown; version?: unknown }
  if (format !== INTERCHANGE_FORMAT) {
    const found = format === undefined ? 'has no "format" field' : `has "format": ${JSON.stringify(format)}`
    throw new JourneyError(
      'invalid_request',
      `This is not a Journeyboard file: it ${found}, where "${INTERCHANGE_FORMAT}" was expected.`,
      [{ path: 'format', message: `must be "${INTERCHANGE_FORMAT}"` }],
      reason('import.wrongFormat', { format: INTERCHANGE_FORMAT })
    )
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new JourneyError(
      'invalid_request',
      'This Journeyboard file has no valid "version" (a whole number from 1).',
      [{ path: 'version', message: 'must be a whole number from 1' }],
      reason('import.noVersion')
    )
  }
  if (version > INTERCHANGE_VERSION) {
    throw new JourneyError(
      'invalid_request',
      `This file was made by a newer Journeyboard (file format version ${version}; this app reads up to version ` +
        `${INTERCHANGE_VERSION}). Update Journeyboard to import it.`,
      [{ path: 'version', message: `version ${version} is newer than ${INTERCHANGE_VERSION}` }],
      reason('import.tooNew', { version, supported: INTERCHANGE_VERSION })
    )
  }
}

/**
 * The collections' sizes, checked before their records are: a file far beyond the limits (say
 * 100,000 stages) is refused at once, naming the limit, instead of after validating every record.
 */
function checkCounts(data: unknown): void {
  const map = (data as { map?: unknown }).map
  if (typeof map !== 'object' || map === null) return
  const issues: Issue[] = []
  for (const [collection, { max, what }] of Object.entries(COUNT_LIMITS)) {
    const items = (map as Record<string, unknown>)[collection]
    if (Array.isArray(items) && items.length > max)
      issues.push({
        path: `map.${collection}`,
        message: tooManyMessage(max, what, items.length),
        reason: reason('limit.tooMany', { max, what: collection })
      })
  }
  const personas = (data as { personas?: unknown }).personas
  if (Array.isArray(personas) && personas.length > LIMITS.maxPersonasPerMap) {
    issues.push({
      path: 'personas',
      message: tooManyMessage(LIMITS.maxPersonasPerMap, 'personas', personas.length),
      reason: reason('limit.tooMany', { max: LIMITS.maxPersonasPerMap, what: 'personas' })
    })
  }
  if (issues.length === 0) return
  const tally = issues.length === 1 ? '' : ` (1 of ${issues.length} problems)`
  throw new JourneyError(
    'invalid_request',
    `The file cannot be imported: ${describeFirst(issues)}${tally}.`,
    issues,
    reason('import.failed', { count: issues.length })
  )
}

/** zod issues as Issues; an unknown field becomes one issue at the field's own path. */
function zodIssues(raw: readonly z.core.$ZodIssue[]): Issue[] {
  return raw.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: formatPath([...issue.path, key]),
          message: 'unknown field (this version of the format does not have it)'
        }))
      : [{ path: formatPath(issue.path), message: issue.message }]
  )
}

/** The cross-record rules of the map, with paths from the top of the file. */
function mapIssues(map: JourneyMap): Issue[] {
  return checkIntegrity(map, MAX_REPORTED_ISSUES + 1).map((i) => ({ path: `map.${i.path}`, message: i.message }))
}

/** Persona references: each must be in `personas` and linked by the map; no persona twice. */
function personaIssues(map: JourneyMap, personas: readonly Persona[]): Issue[] {
  const issues: Issue[] = []
  const known = new Set<string>()
  personas.forEach((p, i) => {
    if (known.has(p.id)) issues.push({ path: `personas[${i}].id`, message: `duplicate persona id "${p.id}"` })
    known.add(p.id)
  })
  const linked = new Set<string>()
  map.personaIds.forEach((id, i) => {
    const path = `map.personaIds[${i}]`
    if (linked.has(id)) issues.push({ path, message: `persona "${id}" is listed twice` })
    else if (!known.has(id)) issues.push({ path, message: `refers to persona "${id}", which is not in "personas"` })
    linked.add(id)
  })
  // One the map does not link is reported by checkIntegrity (mapIssues).
  const reference = (path: string, id: string | null) => {
    if (id !== null && linked.has(id) && !known.has(id))
      issues.push({ path, message: `refers to persona "${id}", which is not in "personas"` })
  }
  map.notes.forEach((n, i) => n.personaIds.forEach((id, j) => reference(`map.notes[${i}].personaIds[${j}]`, id)))
  map.emotionPoints.forEach((p, i) => reference(`map.emotionPoints[${i}].personaId`, p.personaId))
  map.markers.forEach((m, i) => {
    if (m.target.kind === 'curve') reference(`map.markers[${i}].target.personaId`, m.target.personaId)
  })
  return issues
}

function describeFirst(issues: readonly Issue[]): string {
  const first = issues[0]
  return first ? `${first.path}: ${first.message}` : 'wrong shape'
}
