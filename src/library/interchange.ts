/**
 * importMap / exportMapJson on the library side: the JSON interchange format itself (schema,
 * version, migration of old files) is src/shared/format/interchange.ts; this adds what only
 * the library knows: ids free in this library, personas already stored, file names.
 */
import { reason } from '../shared/errors'
import { fileError } from '../shared/export/common'
import { safeFileStem } from '../shared/export/formats'
import { importCsv } from '../shared/export/csv'
import { detectFormat } from '../shared/export/detect'
import { importMermaid } from '../shared/export/mermaid'
import { parseInterchange, referencedPersonaIds, serializeInterchange } from '../shared/format/interchange'
import type { Lineage } from '../shared/format/lineage'
import type { JourneyMap, Persona } from '../shared/model'
import { canonicalize } from '../shared/model/patch'

export interface ImportedMap {
  /** The map to insert, at revision 0: under the file's id when that may be kept, else a fresh one. */
  readonly map: JourneyMap
  /** Personas from the file; the caller stores those the library does not have yet. */
  readonly personas: readonly Persona[]
  /** Where the file came from (a .journeymap or an embedded map); null for other files. */
  readonly lineage?: Lineage | null
}

/**
 * Parses and checks an interchange file (schema and cross-record rules). Throws invalid_request
 * with issues (JSON paths, at most 20). The map keeps the file's id when `keepId` allows it (no
 * map of this library has it), so a copy that comes back later is recognised as the same map;
 * otherwise it gets a new one: importing never overwrites a map.
 */
export function readInterchange(
  text: string,
  newId: () => string,
  now: string,
  keepId: (id: string) => boolean = () => false
): ImportedMap {
  const { map, personas, lineage } = parseInterchange(text)
  const id = keepId(map.id) ? map.id : newId()
  return { map: canonicalize({ ...map, id, revision: 0, updatedAt: now }), personas, lineage }
}

export interface ImportContext {
  readonly newId: () => string
  readonly now: string
  /** The library's personas: names in a CSV or Mermaid file are matched against them. */
  readonly personas: readonly Persona[]
  /** The file's name, if known: a CSV file's map is named after it. */
  readonly fileName?: string
  /** Whether a Journeyboard file's map may keep its id (see readInterchange). */
  readonly keepId?: (id: string) => boolean
}

/**
 * Any file the app imports, told apart by content (detectFormat): Journeyboard JSON, CSV, or a
 * Mermaid journey. Throws invalid_request with located issues (a JSON path, or a line and
 * column) when the file is none of them or is not valid; nothing is returned half-read.
 */
export function readImport(text: string, ctx: ImportContext): ImportedMap {
  const format = detectFormat(text)
  const options = { newId: ctx.newId, now: ctx.now, personas: ctx.personas, title: titleFromFileName(ctx.fileName) }
  switch (format) {
    case 'json':
      return readInterchange(text, ctx.newId, ctx.now, ctx.keepId)
    case 'csv':
      return importCsv(text, options)
    case 'mermaid':
      return importMermaid(text, options)
    default:
      // A table without the required columns: the CSV reader says which one is missing, and where.
      if (/^[^\n]*[,;\t]/.test(text.replace(/^\uFEFF?\s*/, ''))) return importCsv(text, options)
      throw fileError(
        'This file is neither a Journeyboard JSON file, nor a CSV file with stage, lane and text columns, nor a Mermaid journey diagram.',
        reason('import.notRecognised')
      )
  }
}

/** "Workshop 3 (final).csv" → "Workshop 3 (final)"; undefined when there is no name. */
export function titleFromFileName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const stem = base.replace(/\.[^.]*$/, '').trim()
  return stem === '' ? undefined : stem
}

/** The export of a map; `personas` must hold every persona it refers to (see referencedPersonaIds). */
export function writeInterchange(
  map: JourneyMap,
  personas: readonly Persona[],
  now: string
): { text: string; fileName: string } {
  return { text: serializeInterchange(map, personas, now), fileName: `${safeFileStem(map.title)}.json` }
}

export { referencedPersonaIds }

/** A file name stem every desktop OS accepts (shared with the app's exports). */
export { safeFileStem }
