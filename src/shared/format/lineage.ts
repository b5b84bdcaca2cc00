/**
 * Where a map file came from: the version of the map it holds and the versions that copy has
 * seen before. A version is a hash of the map's content (everything but its id, revision and
 * last-change time), so the same content has the same version in every library. When a file
 * comes back, the newest version that both the file and the library know is the common
 * ancestor of a three-way merge (src/shared/merge); the library keeps each version that went
 * out in a file or came in from one as a snapshot, so it has that ancestor's content.
 *
 * The block is optional in the interchange file (a plain JSON export has none) and lives in its
 * own `lineage` field, next to `map`.
 */
import { z } from 'zod'
import type { DeepReadonly, JourneyMap } from '../model'
import { Sha256, toHex } from './sha256'

/** 32 lowercase hex digits: the first half of the SHA-256 of the map's content. */
export const MapVersionSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a map version is 32 lowercase hex digits')

/** How many earlier versions a file lists (the newest ones); older ancestors are rarely useful. */
export const MAX_SEEN_VERSIONS = 200

export const LineageSchema = z
  .object({
    /** The version of the map in this file (a hash of its content). */
    version: MapVersionSchema,
    /** Versions this copy of the map has been at before, oldest first; the newest 200 at most. */
    seen: z.array(MapVersionSchema).max(MAX_SEEN_VERSIONS)
  })
  .strict()

export type Lineage = DeepReadonly<z.infer<typeof LineageSchema>>

/**
 * JSON with object keys sorted (the same data always gives the same text, whatever built it),
 * given to `write` in pieces in order: a 50,000-note map's text is never held whole.
 */
function writeStableJson(value: unknown, write: (piece: string) => void): void {
  if (Array.isArray(value)) {
    write('[')
    value.forEach((item, i) => {
      if (i > 0) write(',')
      writeStableJson(item, write)
    })
    write(']')
    return
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
    write('{')
    keys.forEach((k, i) => {
      write(i > 0 ? `,${JSON.stringify(k)}:` : `${JSON.stringify(k)}:`)
      writeStableJson(record[k], write)
    })
    write('}')
    return
  }
  write(JSON.stringify(value) ?? 'null')
}

/** The SHA-256 of a value's stable JSON (UTF-8), hashed in chunks of about 64 KB as it is written. */
function stableJsonHash(value: unknown): Uint8Array {
  const hash = new Sha256()
  const encoder = new TextEncoder()
  let pieces: string[] = []
  let size = 0
  const flush = () => {
    hash.update(encoder.encode(pieces.join('')))
    pieces = []
    size = 0
  }
  writeStableJson(value, (piece) => {
    pieces.push(piece)
    size += piece.length
    if (size >= 65_536) flush()
  })
  flush()
  return hash.digest()
}

/**
 * The map's version: the same for two maps with the same content, whatever their ids, revisions
 * or last-change times (a copy opened in another library keeps its version until it is edited).
 * Collections are hashed in the order given: pass canonical maps (the library and the file
 * readers always do).
 */
export function mapVersion(map: JourneyMap): string {
  const content: Record<string, unknown> = { ...map }
  delete content['id']
  delete content['revision']
  delete content['updatedAt']
  // Collections added in format version 2 count only when they hold something, so a map that
  // uses none of them keeps the version it had before they existed.
  for (const key of ['paths', 'kpiValues']) {
    if (Array.isArray(content[key]) && (content[key] as unknown[]).length === 0) delete content[key]
  }
  return toHex(stableJsonHash(content)).slice(0, 32)
}

/**
 * The lineage of a file holding `map`: its version, and the versions seen before it (oldest
 * first, repeats and the map's own version left out, the newest MAX_SEEN_VERSIONS kept).
 */
export function lineageOf(map: JourneyMap, seen: readonly string[]): Lineage {
  const version = mapVersion(map)
  const earlier: string[] = []
  const listed = new Set<string>([version])
  for (let i = seen.length - 1; i >= 0 && earlier.length < MAX_SEEN_VERSIONS; i--) {
    const v = seen[i]!
    if (!listed.has(v)) earlier.push(v)
    listed.add(v)
  }
  return { version, seen: earlier.reverse() }
}
