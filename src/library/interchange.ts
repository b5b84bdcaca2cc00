/**
 * importMap / exportMapJson on the library side: the JSON interchange format itself (schema,
 * version, migration of old files) is src/shared/format/interchange.ts; this adds what only
 * the library knows: ids free in this library, personas already stored, file names.
 */
import { parseInterchange, referencedPersonaIds, serializeInterchange } from '../shared/format/interchange'
import type { JourneyMap, Persona } from '../shared/model'
import { canonicalize } from '../shared/model/patch'

export interface ImportedMap {
  /** The map to insert, under a fresh id, at revision 0. */
  readonly map: JourneyMap
  /** Personas from the file; the caller stores those the library does not have yet. */
  readonly personas: readonly Persona[]
}

/**
 * Parses and checks an interchange file (schema and cross-record rules). Throws invalid_request
 * with issues (JSON paths, at most 20).
 */
export function readInterchange(text: string, newId: () => string, now: string): ImportedMap {
  const { map, personas } = parseInterchange(text)
  // Always a new map: importing the same file twice gives two maps, never an overwrite.
  return { map: canonicalize({ ...map, id: newId(), revision: 0, updatedAt: now }), personas }
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

/** A file name stem every desktop OS accepts: no path separators, reserved or control characters. */
export function safeFileStem(title: string): string {
  const stem = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 80)
    .trim()
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem) || stem === '' ? 'journey-map' : stem
}
