/** Messages of the web host's WebSocket, its subprotocol and its limits. The server validates every incoming message. */
import { z } from 'zod'
import type { ApiEvent } from './contract'
import type { ErrorData } from '../errors'
import { COUNT_LIMITS, JourneyMapSchema, NoteSchema } from '../schema/entities'
import type { DeepReadonly, JourneyMap } from '../model'

export const ClientMessageSchema = z
  .object({
    t: z.literal('call'),
    id: z.number().int().min(0),
    method: z.string().max(64),
    payload: z.unknown(),
    /**
     * The page takes a big map in parts (`map-part` messages, then the result): getMap only. A
     * client that leaves it out gets the map in one result, as before.
     */
    parts: z.literal(true).optional()
  })
  .strict()
export type ClientMessage = z.infer<typeof ClientMessageSchema>

export type { ErrorData }

export type ServerMessage =
  | { readonly t: 'result'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly t: 'result'; readonly id: number; readonly ok: false; readonly error: ErrorData }
  | { readonly t: 'event'; readonly event: ApiEvent }
  | { readonly t: 'hello'; readonly origin: string }
  | MapPart

/**
 * Notes per `map-part` message. A 50,000-note map is one 12 MB text; the browser receives and
 * parses a WebSocket message in one main-thread task (≈ 0.7 s for 12 MB here), so a big map
 * travels as its head (the map without notes) and notes in parts of this many, each received and
 * checked in a task of its own, then the result (`value` null: the parts are the map).
 */
export const MAP_PART_NOTES = 2000
/**
 * A map of more notes than this travels in parts. A smaller one travels whole (≈ 0.5 MB at most):
 * one message is received sooner than its parts can be checked note by note (2,000 notes: ≈ 50
 * ms whole, ≈ 85 ms in parts; `npm run bench -- open`).
 */
export const MAP_IN_PARTS_FROM = 2000

/** The map without its notes, and how many notes follow in `notes` parts. */
const MapHeadSchema = z
  .object({
    t: z.literal('map-part'),
    id: z.number().int().min(0),
    part: z.literal('head'),
    map: JourneyMapSchema.extend({ notes: z.array(NoteSchema).max(0) }),
    notes: z.number().int().min(0).max(COUNT_LIMITS.notes.max)
  })
  .strict()

type Note = JourneyMap['notes'][number]
const NOTE_FIELDS = Object.keys(NoteSchema.shape) as [keyof Note, ...(keyof Note)[]]

/**
 * Notes `from` (their index in the map's notes) on, as a table: `same` holds the fields every
 * note of the part has with one value (no channel, no votes yet…), `columns` names the other
 * fields every note has, each row holds their values in that order, and a note with more fields
 * (comments, a picture, a path, evidence) carries them in one more value, an object. A third of
 * the bytes of the same notes as objects (keys and empty fields are not repeated 2,000 times),
 * and the browser receives a WebSocket message at a few tens of MB a second: fewer bytes, less
 * wait. Each note is checked with NoteSchema once put back together (MapAssembly).
 */
const MapNotesSchema = z
  .object({
    t: z.literal('map-part'),
    id: z.number().int().min(0),
    part: z.literal('notes'),
    from: z.number().int().min(0),
    same: z.partialRecord(z.enum(NOTE_FIELDS), z.unknown()),
    columns: z.array(z.enum(NOTE_FIELDS)).max(NOTE_FIELDS.length),
    rows: z
      .array(z.array(z.unknown()).max(NOTE_FIELDS.length + 1))
      .min(1)
      .max(MAP_PART_NOTES)
  })
  .strict()

/** One part of a map sent in parts; the client checks each with this schema as it arrives. */
export const MapPartSchema = z.discriminatedUnion('part', [MapHeadSchema, MapNotesSchema])
export type MapPart = DeepReadonly<z.infer<typeof MapPartSchema>>

/** A notes part's table (MapNotesSchema) of these notes. */
export function packNotes(notes: readonly Note[]): {
  same: Partial<Record<keyof Note, unknown>>
  columns: (keyof Note)[]
  rows: unknown[][]
} {
  const first = notes[0]
  const shared = first ? (Object.keys(first) as (keyof Note)[]).filter((key) => notes.every((note) => key in note)) : []
  const same: Partial<Record<keyof Note, unknown>> = {}
  const columns: (keyof Note)[] = []
  for (const key of shared) {
    const value = JSON.stringify(first![key])
    if (notes.every((note) => note[key] === first![key] || JSON.stringify(note[key]) === value)) same[key] = first![key]
    else columns.push(key)
  }
  const inTable = new Set<string>(shared)
  const rows = notes.map((note) => {
    const row: unknown[] = columns.map((key) => note[key])
    const keys = Object.keys(note)
    if (keys.length > shared.length) {
      const more: Record<string, unknown> = {}
      for (const key of keys) if (!inTable.has(key)) more[key] = note[key as keyof Note]
      row.push(more)
    }
    return row
  })
  return { same, columns, rows }
}

/** The notes of a part's table, as objects (not checked yet), or the row that does not fit. */
function unpackNotes(
  same: Readonly<Record<string, unknown>>,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[]
): unknown[] | string {
  if (new Set(columns).size !== columns.length) return 'columns: a field named twice'
  const fixed = Object.entries(same)
  if (fixed.some(([key]) => columns.includes(key))) return 'same: a field that is also a column'
  const notes: unknown[] = []
  for (const [i, row] of rows.entries()) {
    // Own properties only (a "__proto__" key stays a key, which NoteSchema then refuses). A value
    // of `same` that is an object or array is shared by every note: notes are never mutated.
    const note: Record<string, unknown> = Object.fromEntries([...fixed, ...columns.map((key, k) => [key, row[k]])])
    if (row.length === columns.length + 1) {
      const more = row[columns.length]
      if (typeof more !== 'object' || more === null || Array.isArray(more))
        return `rows.${i}: ${row.length} values for ${columns.length} fields`
      for (const [key, value] of Object.entries(more)) {
        if (Object.hasOwn(note, key)) return `rows.${i}.${key}: given twice`
        Object.defineProperty(note, key, { value, enumerable: true, writable: true, configurable: true })
      }
    } else if (row.length !== columns.length) return `rows.${i}: ${row.length} values for ${columns.length} fields`
    notes.push(note)
  }
  return notes
}

const NotesSchema = z.object({ notes: z.array(NoteSchema) })

/** The messages that carry `map` (parts, then the result) when it is worth splitting, else null. */
export function mapParts(id: number, map: JourneyMap): MapPart[] | null {
  if (map.notes.length <= MAP_IN_PARTS_FROM) return null
  const parts: MapPart[] = [mapHead(id, map, map.notes.length)]
  for (let from = 0; from < map.notes.length; from += MAP_PART_NOTES) {
    parts.push(notesPart(id, from, map.notes.slice(from, from + MAP_PART_NOTES)))
  }
  return parts
}

/** The head of a map sent in parts: the map without notes, and how many follow. */
export function mapHead(id: number, map: Omit<JourneyMap, 'notes'>, notes: number): MapPart {
  return { t: 'map-part', id, part: 'head', map: { ...map, notes: [] }, notes }
}

/** A part of notes `from` on (at most MAP_PART_NOTES). */
export function notesPart(id: number, from: number, notes: readonly Note[]): MapPart {
  return { t: 'map-part', id, part: 'notes', from, ...packNotes(notes) }
}

/**
 * Puts a map sent in parts together, checking each part as it comes: the head first, then notes
 * in order, every note valid, and exactly as many as the head announced. `add` throws a
 * MapPartError (which part, what is wrong) on the first bad part.
 */
export class MapAssembly {
  #head: JourneyMap | null = null
  #expected = 0
  #notes: Note[] = []
  #parts = 0

  add(raw: unknown): void {
    this.#parts++
    const parsed = MapPartSchema.safeParse(raw)
    if (!parsed.success) throw this.#problem(parsed.error)
    const part = parsed.data
    if (part.part === 'head') {
      if (this.#head) throw new MapPartError(this.#parts, 'a second head')
      this.#head = part.map as JourneyMap
      this.#expected = part.notes
      return
    }
    if (!this.#head) throw new MapPartError(this.#parts, 'notes before the head')
    if (part.from !== this.#notes.length)
      throw new MapPartError(this.#parts, `notes from ${part.from}, expected ${this.#notes.length}`)
    if (this.#notes.length + part.rows.length > this.#expected)
      throw new MapPartError(this.#parts, `more than the ${this.#expected} notes announced`)
    const unpacked = unpackNotes(part.same, part.columns, part.rows)
    if (typeof unpacked === 'string') throw new MapPartError(this.#parts, unpacked)
    const notes = NotesSchema.safeParse({ notes: unpacked })
    if (!notes.success) throw this.#problem(notes.error)
    for (const note of notes.data.notes) this.#notes.push(note as Note)
  }

  #problem(error: z.ZodError): MapPartError {
    const issue = error.issues[0]
    return new MapPartError(this.#parts, `${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'not valid'}`)
  }

  /** The whole map, once the result says every part was sent. */
  finish(): JourneyMap {
    if (!this.#head) throw new MapPartError(this.#parts, 'no head')
    if (this.#notes.length !== this.#expected)
      throw new MapPartError(this.#parts, `${this.#notes.length} of the ${this.#expected} notes announced`)
    return { ...this.#head, notes: this.#notes }
  }
}

/** A map part that is not what the protocol says: `part` counts from 1, `problem` in English. */
export class MapPartError extends Error {
  constructor(
    readonly part: number,
    readonly problem: string
  ) {
    super(`map part ${part}: ${problem}`)
  }
}

/**
 * The WebSocket subprotocol of the API. The page offers it together with `journeyboard.token.<token>`
 * (the host's secret travels in the handshake's Sec-WebSocket-Protocol header only: never in a
 * URL, a cookie or a static file request); the host answers with API_PROTOCOL alone.
 */
export const API_PROTOCOL = 'journeyboard.v1'
export const TOKEN_PROTOCOL_PREFIX = 'journeyboard.token.'

/** The subprotocols a client offers to open the API with `token`. */
export function apiProtocols(token: string): string[] {
  return [API_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`]
}

/** What a host token looks like (base64url; anything else is refused before comparing). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/

/**
 * Close codes the host uses besides the standard ones (1009 too big, 1007 invalid UTF-8, 1002
 * protocol error, 1003 binary data, 1001 host stopping). 4401: the token was wrong or missing;
 * reconnecting with the same token cannot help, the user must open the address the host printed.
 */
export const CLOSE_TOKEN_REFUSED = 4401

/**
 * The largest file the Import dialog sends (in the desktop app and the browser alike). A
 * 10,000-note map is about 4 MB as JSON; the limit leaves room for long notes and many personas
 * while keeping what the web host may hold in memory per connection small (see MAX_MESSAGE_BYTES).
 */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024

/**
 * Largest WebSocket message the host accepts: an import of MAX_IMPORT_BYTES after JSON escaping
 * (quotes and backslashes double; typical interchange files grow by about 13 %). A bigger frame
 * closes only its own connection (1009); the client refuses to send one (ws-transport.ts).
 */
export const MAX_MESSAGE_BYTES = 20 * 1024 * 1024
