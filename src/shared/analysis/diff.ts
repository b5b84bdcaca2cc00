/**
 * What changed between two versions of a map (a snapshot and the map as it is now, say), in the
 * terms a workshop talks about: notes added, removed and changed per stage; stages and lanes
 * added, removed, renamed; emotion scores per persona and stage. Pure: records are matched by id,
 * which snapshots, duplicates and restored copies keep.
 */
import { byOrderThenId } from '../commands/order'
import { isDeepEqual } from '../commands/core'
import type {
  EmotionPoint,
  EmotionScale,
  JourneyMap,
  Lane,
  Metric,
  Note,
  NoteKind,
  SeriesVariant,
  Stage
} from '../model'
import { kpiStatus, type KpiStatus } from './kpi'

export interface Change<T> {
  readonly before: T
  readonly after: T
}

/** A stage or lane as the diff names it. */
export interface ItemRef {
  readonly id: string
  readonly title: string
}

export interface StructureDiff {
  /** In the order of the later map. */
  readonly added: readonly ItemRef[]
  /** In the order of the earlier map. */
  readonly removed: readonly ItemRef[]
  readonly renamed: readonly (ItemRef & { readonly before: string })[]
  /** The items both maps have stand in a different order. */
  readonly reordered: boolean
}

/** A note as the diff shows it, with the titles of its cell in the map it comes from. */
export interface NoteRef {
  readonly id: string
  readonly text: string
  readonly kind: NoteKind
  readonly color: string
  readonly stageId: string
  readonly laneId: string
  readonly stageTitle: string
  readonly laneTitle: string
}

/**
 * What about a note changed: its text, kind, colour, cell (moved to another stage or lane), or
 * any of its other details (channel, category, persona tags, votes, severity, impact, effort).
 * Moving within the same cell is not reported.
 */
export type NoteField = 'text' | 'kind' | 'color' | 'cell' | 'details'

export interface NoteChange extends Change<NoteRef> {
  readonly id: string
  readonly fields: readonly NoteField[]
}

/** The note changes of one stage. Moved notes are listed under the stage they are in now. */
export interface StageNotesDiff {
  readonly stageId: string
  /** From the later map; from the earlier one for a stage that was removed. */
  readonly stageTitle: string
  readonly added: readonly NoteRef[]
  readonly removed: readonly NoteRef[]
  readonly changed: readonly NoteChange[]
}

/** A score over a stage that appeared, went, or moved. */
export interface EmotionChange {
  /** null: the map's general curve. */
  readonly personaId: string | null
  readonly variant: SeriesVariant
  readonly stageId: string
  readonly stageTitle: string
  /** null: there was no point. */
  readonly before: number | null
  /** null: there is no point any more. */
  readonly after: number | null
}

export interface CountDiff {
  readonly added: number
  readonly removed: number
  readonly changed: number
}

/** A KPI whose value or target changed, or that appeared or went; listed per stage. */
export interface KpiChange {
  readonly metricId: string
  readonly stageId: string
  readonly stageTitle: string
  readonly name: string
  readonly unit: string
  /** null: the KPI did not exist. */
  readonly before: { readonly value: number | null; readonly target: number | null; readonly status: KpiStatus } | null
  /** null: the KPI is gone. */
  readonly after: { readonly value: number | null; readonly target: number | null; readonly status: KpiStatus } | null
}

export interface MapDiff {
  readonly title: Change<string> | null
  readonly descriptionChanged: boolean
  readonly emotionScale: Change<EmotionScale> | null
  /** Persona ids linked to the later map only, and to the earlier one only. */
  readonly personas: { readonly linked: readonly string[]; readonly unlinked: readonly string[] }
  readonly stages: StructureDiff
  readonly lanes: StructureDiff
  /** Stages with note changes: the later map's stages left to right, then removed stages. */
  readonly notes: readonly StageNotesDiff[]
  /** By persona (in link order, general curve first), variant, then stage. */
  readonly emotions: readonly EmotionChange[]
  readonly markers: CountDiff
  readonly connectors: CountDiff
  readonly metrics: CountDiff
  /** KPI values and targets per stage: the later map's stages left to right, then removed ones. */
  readonly kpis: readonly KpiChange[]
}

const NOTE_DETAILS = ['channel', 'category', 'personaIds', 'votes', 'severity', 'impact', 'effort'] as const

function structureDiff<T extends Stage | Lane>(before: readonly T[], after: readonly T[]): StructureDiff {
  const earlier = [...before].sort(byOrderThenId)
  const later = [...after].sort(byOrderThenId)
  const beforeById = new Map(earlier.map((item) => [item.id, item]))
  const afterIds = new Set(later.map((item) => item.id))
  const common = (list: readonly T[], other: ReadonlySet<string>) =>
    list.filter((i) => other.has(i.id)).map((i) => i.id)
  return {
    added: later.filter((i) => !beforeById.has(i.id)).map(({ id, title }) => ({ id, title })),
    removed: earlier.filter((i) => !afterIds.has(i.id)).map(({ id, title }) => ({ id, title })),
    renamed: later.flatMap((i) => {
      const was = beforeById.get(i.id)
      return was && was.title !== i.title ? [{ id: i.id, title: i.title, before: was.title }] : []
    }),
    reordered: !isDeepEqual(common(earlier, afterIds), common(later, new Set(beforeById.keys())))
  }
}

/** Notes in reading order: stage, lane, then position in the cell. */
function noteSorter(map: JourneyMap): (a: Note, b: Note) => number {
  const rank = new Map<string, number>()
  ;[...map.stages].sort(byOrderThenId).forEach((s, i) => rank.set(`s:${s.id}`, i))
  ;[...map.lanes].sort(byOrderThenId).forEach((l, i) => rank.set(`l:${l.id}`, i))
  const at = (key: string) => rank.get(key) ?? Number.MAX_SAFE_INTEGER
  return (a, b) =>
    at(`s:${a.stageId}`) - at(`s:${b.stageId}`) || at(`l:${a.laneId}`) - at(`l:${b.laneId}`) || byOrderThenId(a, b)
}

function noteRef(titles: ReadonlyMap<string, string>, note: Note): NoteRef {
  return {
    id: note.id,
    text: note.text,
    kind: note.kind,
    color: note.color,
    stageId: note.stageId,
    laneId: note.laneId,
    stageTitle: titles.get(`s:${note.stageId}`) ?? '',
    laneTitle: titles.get(`l:${note.laneId}`) ?? ''
  }
}

function titlesOf(map: JourneyMap): Map<string, string> {
  return new Map([
    ...map.stages.map((s) => [`s:${s.id}`, s.title] as const),
    ...map.lanes.map((l) => [`l:${l.id}`, l.title] as const)
  ])
}

function noteFields(before: Note, after: Note): NoteField[] {
  const fields: NoteField[] = []
  if (before.text !== after.text) fields.push('text')
  if (before.kind !== after.kind) fields.push('kind')
  if (before.color.toLowerCase() !== after.color.toLowerCase()) fields.push('color')
  if (before.stageId !== after.stageId || before.laneId !== after.laneId) fields.push('cell')
  if (NOTE_DETAILS.some((key) => !isDeepEqual(before[key], after[key]))) fields.push('details')
  return fields
}

function notesDiff(before: JourneyMap, after: JourneyMap): StageNotesDiff[] {
  const beforeTitles = titlesOf(before)
  const afterTitles = titlesOf(after)
  const beforeNotes = new Map(before.notes.map((n) => [n.id, n]))
  const afterIds = new Set(after.notes.map((n) => n.id))
  type Group = { added: NoteRef[]; removed: NoteRef[]; changed: NoteChange[] }
  const groups = new Map<string, Group>()
  const group = (stageId: string) => {
    let g = groups.get(stageId)
    if (!g) groups.set(stageId, (g = { added: [], removed: [], changed: [] }))
    return g
  }
  for (const note of [...after.notes].sort(noteSorter(after))) {
    const was = beforeNotes.get(note.id)
    if (!was) {
      group(note.stageId).added.push(noteRef(afterTitles, note))
      continue
    }
    const fields = noteFields(was, note)
    if (fields.length === 0) continue
    group(note.stageId).changed.push({
      id: note.id,
      fields,
      before: noteRef(beforeTitles, was),
      after: noteRef(afterTitles, note)
    })
  }
  for (const note of [...before.notes].sort(noteSorter(before))) {
    if (!afterIds.has(note.id)) group(note.stageId).removed.push(noteRef(beforeTitles, note))
  }
  const afterStages = [...after.stages].sort(byOrderThenId)
  const afterStageIds = new Set(afterStages.map((s) => s.id))
  const order = [...afterStages, ...[...before.stages].sort(byOrderThenId).filter((s) => !afterStageIds.has(s.id))]
  return order.flatMap((stage) => {
    const g = groups.get(stage.id)
    return g ? [{ stageId: stage.id, stageTitle: stage.title, ...g }] : []
  })
}

function emotionsDiff(before: JourneyMap, after: JourneyMap): EmotionChange[] {
  const key = (p: EmotionPoint) => `${p.personaId ?? ''}\u0000${p.variant}\u0000${p.stageId}`
  const beforePoints = new Map(before.emotionPoints.map((p) => [key(p), p]))
  const afterPoints = new Map(after.emotionPoints.map((p) => [key(p), p]))
  const stageTitle = new Map([...before.stages, ...after.stages].map((s) => [s.id, s.title]))
  const changes: EmotionChange[] = []
  for (const k of new Set([...beforePoints.keys(), ...afterPoints.keys()])) {
    const was = beforePoints.get(k)
    const now = afterPoints.get(k)
    if (was && now && was.score === now.score) continue
    const point = (now ?? was) as EmotionPoint
    changes.push({
      personaId: point.personaId,
      variant: point.variant,
      stageId: point.stageId,
      stageTitle: stageTitle.get(point.stageId) ?? '',
      before: was?.score ?? null,
      after: now?.score ?? null
    })
  }
  const personaRank = new Map<string, number>()
  for (const id of [...after.personaIds, ...before.personaIds])
    if (!personaRank.has(id)) personaRank.set(id, personaRank.size)
  const stageRank = new Map<string, number>()
  for (const s of [...[...after.stages].sort(byOrderThenId), ...[...before.stages].sort(byOrderThenId)]) {
    if (!stageRank.has(s.id)) stageRank.set(s.id, stageRank.size)
  }
  const rank = (id: string | null) => (id === null ? -1 : (personaRank.get(id) ?? personaRank.size))
  return changes.sort(
    (a, b) =>
      rank(a.personaId) - rank(b.personaId) ||
      (a.personaId ?? '').localeCompare(b.personaId ?? '') ||
      (a.variant === b.variant ? 0 : a.variant === 'asIs' ? -1 : 1) ||
      (stageRank.get(a.stageId) ?? 0) - (stageRank.get(b.stageId) ?? 0)
  )
}

function countDiff<T extends { readonly id: string }>(before: readonly T[], after: readonly T[]): CountDiff {
  const earlier = new Map(before.map((r) => [r.id, r]))
  let added = 0
  let changed = 0
  for (const record of after) {
    const was = earlier.get(record.id)
    if (!was) added += 1
    else if (!isDeepEqual(was, record)) changed += 1
  }
  const laterIds = new Set(after.map((r) => r.id))
  return { added, removed: before.filter((r) => !laterIds.has(r.id)).length, changed }
}

/** Everything that differs from `before` to `after`. */
export function diffMaps(before: JourneyMap, after: JourneyMap): MapDiff {
  const linkedBefore = new Set(before.personaIds)
  const linkedAfter = new Set(after.personaIds)
  return {
    title: before.title === after.title ? null : { before: before.title, after: after.title },
    descriptionChanged: before.description !== after.description,
    emotionScale: isDeepEqual(before.emotionScale, after.emotionScale)
      ? null
      : { before: before.emotionScale, after: after.emotionScale },
    personas: {
      linked: after.personaIds.filter((id) => !linkedBefore.has(id)),
      unlinked: before.personaIds.filter((id) => !linkedAfter.has(id))
    },
    stages: structureDiff(before.stages, after.stages),
    lanes: structureDiff(before.lanes, after.lanes),
    notes: notesDiff(before, after),
    emotions: emotionsDiff(before, after),
    markers: countDiff(before.markers, after.markers),
    connectors: countDiff(before.connectors, after.connectors),
    metrics: countDiff(before.metrics, after.metrics),
    kpis: kpiChanges(before, after)
  }
}

function kpiChanges(before: JourneyMap, after: JourneyMap): KpiChange[] {
  const earlier = new Map(before.metrics.map((m) => [m.id, m]))
  const later = new Map(after.metrics.map((m) => [m.id, m]))
  const titles = new Map([...before.stages, ...after.stages].map((s) => [s.id, s.title]))
  const stageOrder = new Map(
    [...[...after.stages].sort(byOrderThenId), ...[...before.stages].sort(byOrderThenId)].map((s, i) => [s.id, i])
  )
  const side = (m: Metric | undefined) => (m ? { value: m.value, target: m.target, status: kpiStatus(m) } : null)
  const out: KpiChange[] = []
  for (const id of new Set([...earlier.keys(), ...later.keys()])) {
    const was = earlier.get(id)
    const now = later.get(id)
    if (was && now && was.value === now.value && was.target === now.target) continue
    const m = (now ?? was)!
    out.push({
      metricId: id,
      stageId: m.stageId,
      stageTitle: titles.get(m.stageId) ?? '',
      name: m.name,
      unit: m.unit,
      before: side(was),
      after: side(now)
    })
  }
  return out.sort(
    (a, b) =>
      (stageOrder.get(a.stageId) ?? 0) - (stageOrder.get(b.stageId) ?? 0) ||
      a.name.localeCompare(b.name) ||
      (a.metricId < b.metricId ? -1 : 1)
  )
}

const noCount = (c: CountDiff) => c.added === 0 && c.removed === 0 && c.changed === 0
const noStructure = (s: StructureDiff) =>
  s.added.length === 0 && s.removed.length === 0 && s.renamed.length === 0 && !s.reordered

/** True when the two maps hold the same content (ids, dates and revisions aside). */
export function isEmptyDiff(diff: MapDiff): boolean {
  return (
    diff.title === null &&
    !diff.descriptionChanged &&
    diff.emotionScale === null &&
    diff.personas.linked.length === 0 &&
    diff.personas.unlinked.length === 0 &&
    noStructure(diff.stages) &&
    noStructure(diff.lanes) &&
    diff.notes.length === 0 &&
    diff.emotions.length === 0 &&
    noCount(diff.markers) &&
    noCount(diff.connectors) &&
    noCount(diff.metrics) &&
    diff.kpis.length === 0
  )
}

/** Counts for a one-line summary: "3 notes added, 1 removed, 2 changed". */
export function noteTotals(diff: MapDiff): CountDiff {
  return diff.notes.reduce(
    (sum, g) => ({
      added: sum.added + g.added.length,
      removed: sum.removed + g.removed.length,
      changed: sum.changed + g.changed.length
    }),
    { added: 0, removed: 0, changed: 0 }
  )
}
