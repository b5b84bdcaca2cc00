/**
 * Recovered text: what a user typed that lost to someone else's change, kept as data so it can
 * be shown, copied, applied after all, or — for a record deleted meanwhile — restored. Also what
 * a session remembers of others' recent changes to say who won and to bring a deleted note back.
 */
import type { CommandName } from '../commands'
import { isDeepEqual } from '../commands/core'
import type { EntityKind, EntityTypes, JourneyMap } from '../model'
import type { Patch } from '../model/patch'
import { metaFieldsOf, recordFinder, recordKey } from './changes'
import type { ChangeSet, Conflict, RecordChange } from './protocol'
import type { Reason, Recovered } from './types'

type AnyRecord = EntityTypes[EntityKind]
type Fields = Readonly<Record<string, unknown>>
/** A recovered entry before it gets its id and time. */
export type RecoveredDraft = Omit<Recovered, 'id' | 'at'>

/** The fields of each kind a person types (shown in recovered entries). */
export const TEXT_FIELDS: Readonly<Record<EntityKind | 'map', readonly string[]>> = {
  note: ['text'],
  stage: ['title', 'prompt'],
  lane: ['title', 'prompt'],
  connector: ['label'],
  marker: ['label'],
  metric: ['name', 'unit'],
  emotionPoint: ['note'],
  path: ['name'],
  kpiValue: [],
  map: ['title', 'description']
}

/** The command whose name labels an edit that re-applies a record's fields. */
export const EDIT_COMMAND: Readonly<Record<EntityKind | 'map', CommandName>> = {
  note: 'editNote',
  stage: 'renameStage',
  lane: 'renameLane',
  connector: 'relabelConnector',
  marker: 'editMarker',
  metric: 'setMetric',
  emotionPoint: 'setEmotionPoint',
  path: 'editPath',
  kpiValue: 'setKpiValue',
  map: 'setMapMeta'
}

/** The command whose name labels bringing a deleted record back. */
const RESTORE_COMMAND: Readonly<Record<EntityKind, CommandName>> = {
  note: 'addNote',
  stage: 'addStage',
  lane: 'addLane',
  connector: 'connect',
  marker: 'addMarker',
  metric: 'setMetric',
  emotionPoint: 'setEmotionPoint',
  path: 'addPath',
  kpiValue: 'setKpiValue'
}

/** Records deleted by others that are remembered, and how many "who changed it last". */
const REMEMBERED_DELETES = 200
const REMEMBERED_ORIGINS = 2000

/** What a session remembers of others' recent changes. */
export class OthersMemory {
  readonly #deleted = new Map<string, { record: AnyRecord; origin: string }>()
  readonly #lastOrigin = new Map<string, string>()

  /** Notes a change someone else committed, on the map it was applied to. */
  note(map: JourneyMap, patch: Patch, origin: string): void {
    const find = recordFinder(map)
    for (const op of patch) {
      if (op.op === 'meta') continue
      const id = op.op === 'put' ? op.value.id : op.id
      const key = recordKey(op.entity, id)
      this.#lastOrigin.delete(key)
      this.#lastOrigin.set(key, origin)
      if (op.op === 'delete') {
        const record = find(op.entity, id)
        if (record) this.#deleted.set(key, { record, origin })
      }
    }
    trim(this.#lastOrigin, REMEMBERED_ORIGINS)
    trim(this.#deleted, REMEMBERED_DELETES)
  }

  deleted(entity: EntityKind, id: string): { record: AnyRecord; origin: string } | undefined {
    return this.#deleted.get(recordKey(entity, id))
  }

  lastOrigin(entity: EntityKind | 'map', id: string): string | null {
    return entity === 'map' ? null : (this.#lastOrigin.get(recordKey(entity, id)) ?? null)
  }
}

/** What a conflict reported by the host (or found carrying an edit over) keeps for the user. */
export function fromConflict(conflict: Conflict, others: OthersMemory): RecoveredDraft {
  if (conflict.kind === 'deleted') {
    const deleted = others.deleted(conflict.entity, conflict.id)
    return {
      kind: 'deletedElsewhere',
      entity: conflict.entity,
      recordId: conflict.id,
      fields: [],
      mine: conflict.mine,
      theirs: null,
      was: deleted?.record ?? null,
      by: deleted?.origin ?? others.lastOrigin(conflict.entity, conflict.id),
      restorable: true
    }
  }
  return {
    kind: 'changedElsewhere',
    entity: conflict.entity,
    recordId: conflict.id,
    fields: conflict.fields,
    mine: conflict.mine,
    theirs: conflict.theirs,
    was: conflict.theirs,
    by: others.lastOrigin(conflict.entity, conflict.id),
    restorable: false
  }
}

/** The typed text of an edit that could not be carried over (one entry per record with text). */
export function fromUnfitting(changes: ChangeSet): RecoveredDraft[] {
  const kept: RecoveredDraft[] = []
  for (const c of changes.records) {
    if (c.after === null) continue
    const after = c.after as Fields
    const before = c.before as Fields | null
    const typed = TEXT_FIELDS[c.entity].some((f) => {
      const value = after[f]
      return typeof value === 'string' && value.trim() !== '' && value !== before?.[f]
    })
    if (!typed) continue
    kept.push({
      kind: 'deletedElsewhere',
      entity: c.entity,
      recordId: c.id,
      fields: [],
      mine: after,
      theirs: null,
      was: before,
      by: null,
      restorable: true
    })
  }
  return kept
}

/**
 * Values the user typed into a record that changed (or went away) while they typed; null when
 * they equal what is there now.
 */
export function fromTypedText(
  map: JourneyMap,
  entity: EntityKind,
  id: string,
  values: Fields,
  others: OthersMemory
): RecoveredDraft | null {
  const current = recordFinder(map)(entity, id) as Fields | null
  if (current) {
    const fields = Object.keys(values).filter((k) => !isDeepEqual(values[k], current[k]))
    if (fields.length === 0) return null
    return {
      kind: 'changedElsewhere',
      entity,
      recordId: id,
      fields: fields.sort(),
      mine: { ...current, ...values },
      theirs: current,
      was: current,
      by: others.lastOrigin(entity, id),
      restorable: false
    }
  }
  const deleted = others.deleted(entity, id)
  return {
    kind: 'deletedElsewhere',
    entity,
    recordId: id,
    fields: [],
    mine: { ...deleted?.record, ...values },
    theirs: null,
    was: deleted?.record ?? null,
    by: deleted?.origin ?? null,
    restorable: deleted !== undefined
  }
}

/**
 * The edit that applies a recovered entry on `map`: the user's values over the record as it is
 * now, or the deleted record brought back; the reason when it cannot be.
 */
export function reapplication(
  entry: Recovered,
  map: JourneyMap
): { readonly name: CommandName; readonly changes: ChangeSet } | { readonly reason: Reason } {
  if (entry.entity === 'map') {
    const keys = entry.fields.length > 0 ? entry.fields : Object.keys(entry.mine)
    const after = Object.fromEntries(keys.map((k) => [k, entry.mine[k]]))
    return { name: 'setMapMeta', changes: { records: [], meta: { before: metaFieldsOf(map, keys), after } } }
  }
  const current = recordFinder(map)(entry.entity, entry.recordId) as AnyRecord | null
  let after: AnyRecord
  let name: CommandName
  if (entry.kind === 'changedElsewhere') {
    if (!current) return { reason: { code: 'deletedElsewhere', entity: entry.entity } }
    after = { ...current, ...Object.fromEntries(entry.fields.map((f) => [f, entry.mine[f]])) } as AnyRecord
    name = EDIT_COMMAND[entry.entity]
  } else {
    if (!entry.restorable) return { reason: { code: 'deletedElsewhere', entity: entry.entity } }
    if (current) return { reason: { code: 'exists', entity: entry.entity } }
    after = entry.mine as AnyRecord
    name = RESTORE_COMMAND[entry.entity]
  }
  const record = { entity: entry.entity, id: entry.recordId, before: current, after } as RecordChange
  return { name, changes: { records: [record], meta: null } }
}

/** Keeps the newest `max` entries of an insertion-ordered map. */
function trim<K, V>(map: Map<K, V>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) break
    map.delete(key)
  }
}
