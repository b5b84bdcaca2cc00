/**
 * `cli diff A B`: what changed from map A to map B, as the Versions panel's comparison says it
 * (diffMaps), in plain text. A and B are files of any format the app imports (a .journeymap,
 * JSON, CSV, Mermaid, or a PDF/PNG/SVG exported with its map) or maps of the library by id or
 * exact title. Called with the seven arguments git gives an external diff program
 * (path old-file old-hex old-mode new-file new-hex new-mode), it compares the two versions of
 * that file, so git can show map changes in `git diff` (see README, "Maps in git").
 * The library is opened (read-only) only when a map of it is named.
 */
import { existsSync, statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { readImport } from '../library/interchange'
import type { LibraryService } from '../library/service-types'
import { diffMaps } from '../shared/analysis/diff'
import { diffText } from '../shared/analysis/diff-text'
import { JourneyError } from '../shared/errors'
import { readImportFile } from '../shared/export/import-file'
import type { JourneyMap, Persona } from '../shared/model'
import { readBytes } from './exchange'

export const DIFF_USAGE = `  diff A B                                       what changed from map A to map B; each is a file (.journeymap,
                                                 JSON, CSV, Mermaid, or a PDF/PNG/SVG with its map) or a map
                                                 of the library (id or exact title); also a git diff driver`

interface Side {
  readonly label: string
  readonly map: JourneyMap
  readonly personas: readonly Persona[]
}

/** Git names an absent side (a file added or deleted) /dev/null. */
const NO_FILE = '/dev/null'

/** An empty map: the other side of a file git sees added or deleted. */
function emptyLike(map: JourneyMap): JourneyMap {
  return {
    ...map,
    title: '',
    description: '',
    personaIds: [],
    stages: [],
    lanes: [],
    notes: [],
    emotionPoints: [],
    markers: [],
    connectors: [],
    metrics: [],
    paths: [],
    kpiValues: []
  }
}

/**
 * A map from a file. CSV and Mermaid files have no ids: both sides number their records the same
 * way, so records match by the order they appear in.
 */
function readMapFile(file: string): { map: JourneyMap; personas: readonly Persona[] } {
  let n = 0
  try {
    const { text } = readImportFile(readBytes(file))
    return readImport(text, {
      newId: () => `r${++n}`,
      now: '2000-01-01T00:00:00.000Z',
      personas: [],
      fileName: basename(file)
    })
  } catch (error) {
    if (error instanceof JourneyError) throw new JourneyError(error.code, `${file}: ${error.message}`, error.issues)
    throw error
  }
}

async function fromLibrary(service: LibraryService, ref: string): Promise<Side> {
  const maps = await service.call('listMaps', {})
  const matches = maps.filter((m) => m.id === ref).concat(maps.filter((m) => m.id !== ref && m.title === ref))
  if (matches.length === 0) {
    throw new JourneyError('not_found', `"${ref}" is neither a file nor a map of the library (id or exact title).`)
  }
  if (matches.length > 1 && matches[0]!.id !== ref) {
    throw new JourneyError(
      'invalid_request',
      `${matches.length} maps are titled "${ref}"; use an id: ${matches.map((m) => m.id).join(', ')}`
    )
  }
  const map = await service.call('getMap', { id: matches[0]!.id })
  return {
    label: `${map.title} (${map.id}, revision ${map.revision})`,
    map,
    personas: await service.call('listPersonas', {})
  }
}

/** The lines `cli diff` prints. `library` opens the library when an argument names one of its maps. */
export async function diffCommand(args: readonly string[], library: () => LibraryService): Promise<string[]> {
  let refs: [string, string]
  let labels: [string, string] | null = null
  if (args.length === 7) {
    // git's external diff: path old-file old-hex old-mode new-file new-hex new-mode
    refs = [args[1]!, args[4]!]
    labels = [`a/${args[0]}`, `b/${args[0]}`]
  } else if (args.length === 2) refs = [args[0]!, args[1]!]
  else throw new DiffUsageError('diff needs two maps: A B (files, or maps of the library by id or exact title)')

  // Run through `npm --prefix … run cli` (as git does, per the README), relative paths are the caller's.
  const base = process.env['INIT_CWD'] ?? process.cwd()
  const side = async (ref: string, i: 0 | 1): Promise<Side | null> => {
    if (ref === NO_FILE) return null
    const path = resolve(base, ref)
    if (existsSync(path) && statSync(path).isFile()) {
      const { map, personas } = readMapFile(path)
      return { label: labels?.[i] ?? ref, map, personas }
    }
    return fromLibrary(library(), ref)
  }
  const before = await side(refs[0], 0)
  const after = await side(refs[1], 1)
  if (!before && !after) return []
  const a: Side = before ?? { label: NO_FILE, map: emptyLike(after!.map), personas: [] }
  const b: Side = after ?? { label: NO_FILE, map: emptyLike(a.map), personas: [] }
  const names = new Map([...a.personas, ...b.personas].map((p) => [p.id, p.name]))
  const title = (s: Side) => (s.map.title === '' ? s.label : `${s.label}  ${JSON.stringify(s.map.title)}`)
  return diffText(diffMaps(a.map, b.map), {
    before: title(a),
    after: title(b),
    personaName: (id) => names.get(id) ?? id
  })
}

/** A problem with how `diff` was called (exit 2 with the usage). */
export class DiffUsageError extends Error {}
