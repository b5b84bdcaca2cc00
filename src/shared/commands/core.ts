/**
 * The machinery every command shares: the context and result types, argument validation, a
 * patch builder that writes each record once, and lookups that fail with a readable sentence.
 */
import type { z } from 'zod'
import { JourneyError, formatPath, reason, type Reason } from '../errors'
import { ENTITY_COLLECTIONS, type EntityKind, type EntityTypes, type JourneyMap, type MapMeta } from '../model'
import { invertPatch, type MetaOp, type Patch, type PatchOp, type PutOp } from '../model/patch'
import { COUNT_LIMITS, tooManyMessage } from '../schema/entities'

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** What a command may take from the outside world; injected so tests stay deterministic. */
export interface CommandContext {
  /** Makes the id of every record a command creates. */
  readonly newId: () => string
  /** The clock as an ISO timestamp, for commands that stamp what they create. */
  readonly now: string
}

/** A named edit, ready to apply (patch) and to undo (inverse). */
export interface CommandResult<N extends string = string> {
  /** The command that made it, e.g. "moveNote"; shown in Edit ▸ Undo. */
  readonly name: N
  /** What to apply to the map, optimistically in the store and then in the library. */
  readonly patch: Patch
  /** Applied to the map after `patch`, gives back the map before it. */
  readonly inverse: Patch
  /**
   * Whether the edit becomes an undo step. Every command here is a user edit, so this is true
   * unless nothing changed (an empty patch, e.g. a note dropped where it was): then there is
   * nothing to send and nothing to undo.
   */
  readonly history: boolean
  /** Ids of the records the command created, in argument order (to select new notes, say). */
  readonly createdIds: readonly string[]
}

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T

/** A command: a pure function of the map, its arguments and the context. */
export interface Command<N extends string = string, S extends z.ZodType = z.ZodType> {
  (map: JourneyMap, args: DeepReadonly<z.input<S>>, ctx: CommandContext): CommandResult<N>
  /** Same as the registry key. */
  readonly commandName: N
  /** Validates the arguments; also usable on payloads from elsewhere. */
  readonly argsSchema: S
}

/** What a command body returns: the patch and the ids it created. */
export interface CommandOutput {
  readonly patch: Patch
  readonly createdIds?: readonly string[]
}

/** Throws the error every command uses for arguments that do not fit the map. */
export function invalid(message: string, why: Reason = reason('code.invalid_request')): never {
  throw new JourneyError('invalid_request', message, [], why)
}

export function defineCommand<N extends string, S extends z.ZodType>(
  name: N,
  argsSchema: S,
  body: (map: JourneyMap, args: z.output<S>, ctx: CommandContext) => CommandOutput
): Command<N, S> {
  const run = (map: JourneyMap, args: unknown, ctx: CommandContext): CommandResult<N> => {
    const parsed = argsSchema.safeParse(args)
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: formatPath(i.path), message: i.message }))
      const first = issues[0]
      throw new JourneyError(
        'invalid_request',
        `Invalid arguments for ${name}: ${first ? `${first.path}: ${first.message}` : 'wrong shape'}.`,
        issues
      )
    }
    const { patch, createdIds = [] } = body(map, parsed.data, ctx)
    return { name, patch, inverse: invertPatch(map, patch), history: patch.length > 0, createdIds }
  }
  return Object.assign(run, { commandName: name, argsSchema })
}

type WithId = { readonly id: string }
type OrderedKind = 'stage' | 'lane' | 'note' | 'metric'

/**
 * Collects the operations of one command. Each record is written at most once (a later write
 * replaces an earlier one), so cascades and renumbering can overlap without double puts, and
 * records whose value does not change are left out.
 */
export class PatchBuilder {
  private readonly ops = new Map<string, PatchOp>()
  private meta: Record<string, unknown> | undefined
  private readonly indexes = new Map<EntityKind, Map<string, WithId>>()

  constructor(private readonly map: JourneyMap) {}

  /** Writes `value`, unless it equals the record as it is in the map. */
  put<K extends EntityKind>(entity: K, value: EntityTypes[K]): void {
    const key = `${entity}:${value.id}`
    const before = this.original(entity, value.id)
    if (before && isDeepEqual(before, value)) this.ops.delete(key)
    else this.ops.set(key, { op: 'put', entity, value } as PutOp)
  }

  /** The record as this patch leaves it so far (for commands that touch a record twice). */
  current<K extends EntityKind>(entity: K, id: string): EntityTypes[K] | undefined {
    const op = this.ops.get(`${entity}:${id}`)
    if (op?.op === 'put') return op.value as EntityTypes[K]
    if (op?.op === 'delete') return undefined
    return this.original(entity, id)
  }

  /** Puts the records of a container whose order `orders` changes (see sequenceOrders). */
  reorder<K extends OrderedKind>(
    entity: K,
    records: readonly EntityTypes[K][],
    orders: ReadonlyMap<string, number>
  ): void {
    for (const record of records) {
      const order = orders.get(record.id)
      if (order !== undefined) this.put(entity, { ...record, order })
    }
  }

  delete(entity: EntityKind, id: string): void {
    this.ops.set(`${entity}:${id}`, { op: 'delete', entity, id })
  }

  /** Sets fields of the map itself, leaving out those that do not change. */
  setMeta(set: MetaOp['set']): void {
    for (const [key, value] of Object.entries(set)) {
      if (value === undefined || isDeepEqual(this.map[key as keyof MapMeta], value)) continue
      this.meta = { ...this.meta, [key]: value }
    }
  }

  /** Refuses, before anything is applied, an edit that would take a collection past its limit. */
  private checkCountLimits(): void {
    const added = new Map<EntityKind, number>()
    for (const op of this.ops.values()) {
      if (op.op !== 'put' || this.original(op.entity, op.value.id)) continue
      added.set(op.entity, (added.get(op.entity) ?? 0) + 1)
    }
    for (const [entity, count] of added) {
      const collection = ENTITY_COLLECTIONS[entity]
      const { max, what } = COUNT_LIMITS[collection]
      const deleted = [...this.ops.values()].filter(
        (op) => op.op === 'delete' && op.entity === entity && this.original(entity, op.id)
      ).length
      if (this.map[collection].length + count - deleted > max)
        invalid(`${capitalise(tooManyMessage(max, what))}.`, reason('edit.tooMany', { max, what: collection }))
    }
  }

  /** The record as it is in the map, through a per-collection index (cascades touch many). */
  private original<K extends EntityKind>(entity: K, id: string): EntityTypes[K] | undefined {
    let index = this.indexes.get(entity)
    if (!index) {
      index = new Map((this.map[ENTITY_COLLECTIONS[entity]] as readonly WithId[]).map((r) => [r.id, r]))
      this.indexes.set(entity, index)
    }
    return index.get(id) as EntityTypes[K] | undefined
  }

  build(createdIds?: readonly string[]): CommandOutput {
    this.checkCountLimits()
    const patch: PatchOp[] = []
    if (this.meta) patch.push({ op: 'meta', set: this.meta } as MetaOp)
    patch.push(...this.ops.values())
    return { patch, createdIds }
  }
}

function findRecord<K extends EntityKind>(map: JourneyMap, entity: K, id: string): EntityTypes[K] | undefined {
  return (map[ENTITY_COLLECTIONS[entity]] as readonly WithId[]).find((r) => r.id === id) as EntityTypes[K] | undefined
}

const ENTITY_LABELS: Record<EntityKind, string> = {
  stage: 'stage',
  lane: 'lane',
  note: 'note',
  emotionPoint: 'emotion point',
  marker: 'marker',
  connector: 'connector',
  metric: 'KPI',
  path: 'path',
  kpiValue: 'KPI value'
}

/** The record with this id, or an invalid_request error naming what is missing. */
export function requireRecord<K extends EntityKind>(map: JourneyMap, entity: K, id: string): EntityTypes[K] {
  const found = findRecord(map, entity, id)
  if (!found) invalid(`There is no ${ENTITY_LABELS[entity]} "${id}" in this map.`, reason('edit.missing'))
  return found
}

/** Checks a list of persona ids: no repeats, and each one linked to the map. */
export function requireLinkedPersonas(map: JourneyMap, personaIds: readonly string[]): void {
  const seen = new Set<string>()
  for (const id of personaIds) {
    if (seen.has(id)) invalid(`Persona "${id}" is listed twice.`, reason('edit.personaTwice'))
    seen.add(id)
    requireLinkedPersona(map, id)
  }
}

export function requireLinkedPersona(map: JourneyMap, personaId: string | null): void {
  if (personaId !== null && !map.personaIds.includes(personaId)) {
    invalid(
      `Persona "${personaId}" is not linked to this map; link it in the map settings first.`,
      reason('edit.personaNotLinked')
    )
  }
}

export function clamp(value: number, min: number, max: number): number {
  // `+ 0` turns -0 into 0, which JSON cannot tell apart and deep equality can.
  return Math.min(max, Math.max(min, value)) + 0
}

/** Drops keys whose value is undefined, so a partial edit never blanks a field. */
export function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>
}

/** Structural equality of plain data (records, arrays, primitives). */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      isDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
  )
}
