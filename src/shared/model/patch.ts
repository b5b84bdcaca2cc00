/**
 * Patches: the unit of change between the UI and the library. A patch is a list of
 * put / delete / meta operations on one map, applied all-or-nothing.
 */
import type { z } from 'zod'
import type { MetaOpSchema } from '../schema/patch'
import {
  type DeepReadonly,
  ENTITY_COLLECTIONS,
  type EntityKind,
  type EntityTypes,
  type JourneyMap,
  type MapMeta
} from './index'

export type PutOp = {
  [K in EntityKind]: { readonly op: 'put'; readonly entity: K; readonly value: EntityTypes[K] }
}[EntityKind]
export interface DeleteOp {
  readonly op: 'delete'
  readonly entity: EntityKind
  readonly id: string
}
export interface MetaOp {
  readonly op: 'meta'
  readonly set: DeepReadonly<z.infer<typeof MetaOpSchema>['set']>
}
export type PatchOp = PutOp | DeleteOp | MetaOp
export type Patch = readonly PatchOp[]

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
type WithId = { readonly id: string }

const byOrderThenId = (a: { order: number; id: string }, b: { order: number; id: string }) =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const byId = (a: WithId, b: WithId) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Puts every collection in the one canonical order (ordered records by order then id, the rest
 * by id), so that a map built in memory and the same map read back from SQLite compare equal.
 */
export function canonicalize(map: JourneyMap): JourneyMap {
  return {
    ...map,
    stages: [...map.stages].sort(byOrderThenId),
    lanes: [...map.lanes].sort(byOrderThenId),
    notes: [...map.notes].sort(byOrderThenId),
    emotionPoints: [...map.emotionPoints].sort(byId),
    markers: [...map.markers].sort(byId),
    connectors: [...map.connectors].sort(byId),
    metrics: [...map.metrics].sort(byOrderThenId),
    paths: [...map.paths].sort(byOrderThenId),
    kpiValues: [...map.kpiValues].sort(byId)
  }
}

/** Applies a patch to a map, returning a new canonical map. Does not touch revision/updatedAt. */
export function applyPatch(map: JourneyMap, patch: Patch): JourneyMap {
  const out = { ...map } as Mutable<JourneyMap>
  const touched = new Map<EntityKind, Map<string, WithId | null>>()
  for (const op of patch) {
    if (op.op === 'meta') {
      Object.assign(out, op.set as Partial<MapMeta>)
      continue
    }
    let changes = touched.get(op.entity)
    if (!changes) touched.set(op.entity, (changes = new Map()))
    if (op.op === 'put') changes.set(op.value.id, op.value)
    else changes.set(op.id, null)
  }
  for (const [entity, changes] of touched) {
    const key = ENTITY_COLLECTIONS[entity]
    const current = out[key] as readonly WithId[]
    const next: WithId[] = []
    for (const record of current) {
      if (!changes.has(record.id)) next.push(record)
    }
    for (const value of changes.values()) if (value) next.push(value)
    ;(out as Record<string, unknown>)[key] = next
  }
  return canonicalize(out)
}

/** The patch that undoes `patch` when applied to applyPatch(map, patch). */
export function invertPatch(map: JourneyMap, patch: Patch): Patch {
  const inverse: PatchOp[] = []
  const indexes = new Map<EntityKind, Map<string, WithId>>()
  const lookup = (entity: EntityKind, id: string): WithId | undefined => {
    let index = indexes.get(entity)
    if (!index) {
      index = new Map((map[ENTITY_COLLECTIONS[entity]] as readonly WithId[]).map((r) => [r.id, r]))
      indexes.set(entity, index)
    }
    return index.get(id)
  }
  // Later ops in the same patch may touch the same record; the first touch decides its original.
  const seen = new Set<string>()
  const metaKeys = new Set<string>()
  for (const op of patch) {
    if (op.op === 'meta') {
      const keys = Object.keys(op.set).filter((k) => !metaKeys.has(k))
      keys.forEach((k) => metaKeys.add(k))
      if (keys.length > 0) {
        const set = Object.fromEntries(keys.map((k) => [k, map[k as keyof MapMeta]]))
        inverse.push({ op: 'meta', set } as MetaOp)
      }
      continue
    }
    const id = op.op === 'put' ? op.value.id : op.id
    const key = `${op.entity}:${id}`
    if (seen.has(key)) continue
    seen.add(key)
    const before = lookup(op.entity, id)
    if (before) inverse.push({ op: 'put', entity: op.entity, value: before } as PutOp)
    else if (op.op === 'put') inverse.push({ op: 'delete', entity: op.entity, id })
  }
  return inverse.reverse()
}
