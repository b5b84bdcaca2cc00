/** What the text importers (CSV, Mermaid) share: their options, result and error reporting. */
import { JourneyError, formatPath, reason, type Issue, type Reason } from '../errors'
import { MAX_REPORTED_ISSUES } from '../format/interchange'
import type { EmotionScale, JourneyMap, Persona } from '../model'
import { checkIntegrity } from '../model/integrity'
import { canonicalize } from '../model/patch'
import { JourneyMapSchema, LIMITS } from '../schema/entities'

export interface TextImportOptions {
  /** Makes the id of every record the import creates. */
  readonly newId: () => string
  /** The clock as an ISO timestamp, for createdAt/updatedAt. */
  readonly now: string
  /** Personas already in the library; names in the file are matched against them. */
  readonly personas?: readonly Persona[]
  /** Title for the map when the file has none (CSV never has one), e.g. the file name. */
  readonly title?: string
  /** Emotion scale of the new map; default −2…+2. */
  readonly emotionScale?: EmotionScale
}

/** A map read from a file, ready to insert, with the personas it refers to. */
export interface ImportedMap {
  /** A new map (fresh ids, revision 0). */
  readonly map: JourneyMap
  /**
   * Every persona the map refers to, in link order: ones given in the options (matched by
   * name) and ones the import created. The caller stores those the library does not have yet.
   */
  readonly personas: readonly Persona[]
  /** What the user should know about an import that went through (see ImportNotice). */
  readonly notices?: readonly ImportNotice[]
}

/**
 * Something an import did that the user did not write: a persona added to the library, a text
 * shortened to what a map holds. A code with parameters (for the app's words) and an English
 * sentence (for the CLI and logs).
 */
export interface ImportNotice {
  readonly code: 'persona_created' | 'text_shortened'
  readonly params: Readonly<Record<string, string | number>>
  readonly message: string
}

export const DEFAULT_EMOTION_SCALE: EmotionScale = { min: -2, max: 2 }

/**
 * Collects the problems of a file, up to one more than are reported (so the message can say
 * "more than 20"), and throws them together: nothing is imported unless the whole file is good.
 */
export class IssueList {
  private readonly list: Issue[] = []

  /** One problem: where, the English sentence, and the same as a code for the app's words. */
  add(path: string, message: string, why?: Reason): void {
    if (this.list.length <= MAX_REPORTED_ISSUES) this.list.push({ path, message, ...(why ? { reason: why } : {}) })
  }

  /** Whether there are so many problems that looking for more is pointless. */
  get full(): boolean {
    return this.list.length > MAX_REPORTED_ISSUES
  }

  get count(): number {
    return this.list.length
  }

  /** Throws JourneyError('invalid_request') naming the first problem, when there is any. */
  throwIfAny(): void {
    if (this.list.length > 0) throw importError(this.list)
  }
}

/** The error every importer throws: the first problem in the message, up to 20 in `issues`. */
export function importError(issues: readonly Issue[]): JourneyError {
  const shown = issues.slice(0, MAX_REPORTED_ISSUES)
  const count = issues.length > MAX_REPORTED_ISSUES ? `more than ${MAX_REPORTED_ISSUES}` : String(issues.length)
  const tally = issues.length === 1 ? '' : ` (1 of ${count} problems)`
  const first = shown[0]
  const what = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'wrong shape'
  return new JourneyError(
    'invalid_request',
    `The file cannot be imported: ${what}${tally}.`,
    shown,
    reason('import.failed', { count: issues.length })
  )
}

/** An error about the file as a whole (empty, not this format): one sentence, one issue. */
export function fileError(message: string, why: Reason, path = '(file)'): JourneyError {
  return new JourneyError('invalid_request', message, [{ path, message, reason: why }], why)
}

/** The map's title: the one given, trimmed and cut to the limit, else `fallback`. */
export function mapTitle(title: string | undefined, fallback: string): string {
  const trimmed = (title ?? '').replace(/\s+/g, ' ').trim()
  return trimmed === '' ? fallback : clip(trimmed, LIMITS.title)
}

/** The longest start of `text` of at most `max` UTF-16 units that does not split a character. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let out = ''
  for (const ch of text) {
    if (out.length + ch.length > max) break
    out += ch
  }
  return out
}

/** `text` cut to at most `max` UTF-16 units, ending with "…" when cut. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${clip(text, max - 1).trimEnd()}…`
}

const PERSONA_COLORS = ['#3b5bdb', '#e8590c', '#2f9e44', '#ae3ec9', '#1098ad', '#f08c00', '#c2255c']

/** A persona for a name the library does not know (a Mermaid actor, a CSV cell): initials and a colour. */
export function newPersona(name: string, index: number, options: Pick<TextImportOptions, 'newId' | 'now'>): Persona {
  const words = name.split(/[\s,.;:_-]+/).filter((w) => /[\p{L}\p{N}]/u.test(w))
  const letters = words
    .slice(0, 2)
    .map((w) => Array.from(w.replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '')
    .join('')
    .toUpperCase()
  const empty = { age: '', location: '', education: '', income: '' }
  return {
    id: options.newId(),
    name,
    initials: clip(letters, 3) || '?',
    color: PERSONA_COLORS[index % PERSONA_COLORS.length]!,
    role: '',
    quote: '',
    demographics: empty,
    firmographics: { companySize: '', industry: '', revenue: '' },
    behaviour: '',
    goals: '',
    painPoints: '',
    channels: [],
    segmentNotes: '',
    createdAt: options.now,
    updatedAt: options.now
  }
}

/**
 * Last line of defence: the built map must pass the schema and the integrity rules. An
 * importer that checked every cell never fails here; if one does, the error still says why.
 */
export function finishMap(map: JourneyMap): JourneyMap {
  const parsed = JourneyMapSchema.safeParse(map)
  const issues: Issue[] = parsed.success
    ? checkIntegrity(map, MAX_REPORTED_ISSUES + 1)
    : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }))
  if (issues.length > 0) throw importError(issues)
  return canonicalize(map)
}

/** Text shortened for an error message: at most 40 characters, on one line. */
export function quoteForMessage(text: string): string {
  const flat = text.replace(/\s+/g, ' ')
  const chars = Array.from(flat)
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : flat)
}

/** Case, spaces, "-" and "_" do not matter: "Pain points", "pain_points" and "painPoints" match. */
export function looseKey(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, '')
}

/** The enum value a loosely written cell means, or undefined. */
export function matchEnum<T extends string>(options: readonly T[], value: string): T | undefined {
  const key = looseKey(value)
  return options.find((option) => looseKey(option) === key)
}
