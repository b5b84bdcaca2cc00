/**
 * Deterministic fixtures: seeded ids, a fixed clock, and builders for small maps and personas.
 * Every builder fills what a test does not care about and validates the result, so a broken
 * fixture fails loudly instead of making a test pass for the wrong reason.
 */
import { isDeepStrictEqual } from 'node:util'
import type { CommandContext } from '../../src/shared/commands'
import type {
  Connector,
  EmotionPoint,
  JourneyMap,
  Lane,
  Marker,
  Metric,
  Note,
  Persona,
  Stage
} from '../../src/shared/model'
import { checkIntegrity } from '../../src/shared/model/integrity'
import { applyPatch, canonicalize, type Patch } from '../../src/shared/model/patch'
import { JourneyMapSchema, PersonaSchema } from '../../src/shared/schema/entities'

export const FIXED_NOW = '2026-03-04T09:00:00.000Z'

/** id1, id2, id3… (or another prefix), fresh for each call. */
export function seededIds(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}${++n}`
}

/** A command context with seeded ids (`id1`, `id2`…) and the fixed clock. */
export function testContext(prefix = 'id'): CommandContext {
  return { newId: seededIds(prefix), now: FIXED_NOW }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

export interface MapSpec {
  /** Stage ids, or partial stages; default s1, s2, s3. Order follows the list. */
  readonly stages?: readonly (string | Partial<Stage>)[]
  /** Lane ids, or partial lanes; default l1 (touchpoints), l2 (painPoints). */
  readonly lanes?: readonly (string | Partial<Lane>)[]
  /** Notes; stage and lane default to the first ones, order to the next in the cell. */
  readonly notes?: readonly Partial<Note>[]
  readonly personaIds?: readonly string[]
  /** Points; stage defaults to the first, persona to the general curve. */
  readonly emotionPoints?: readonly Partial<EmotionPoint>[]
  readonly markers?: readonly (Partial<Marker> & Pick<Marker, 'target'>)[]
  readonly connectors?: readonly (Partial<Connector> & Pick<Connector, 'fromNoteId' | 'toNoteId'>)[]
  readonly metrics?: readonly Partial<Metric>[]
  readonly title?: string
  readonly emotionScale?: { readonly min: number; readonly max: number }
}

/** A valid, canonical map. Records without an id get seeded ones (id1, id2…). */
export function buildMap(spec: MapSpec = {}): JourneyMap {
  const nextId = seededIds('id')
  const stages: Stage[] = (spec.stages ?? ['s1', 's2', 's3']).map((s, i) => ({
    id: nextId(),
    title: `Stage ${i + 1}`,
    prompt: '',
    order: i + 1,
    width: 240,
    collapsed: false,
    ...(typeof s === 'string' ? { id: s } : s)
  }))
  const defaultLanes: Partial<Lane>[] = [
    { id: 'l1', kind: 'touchpoints' },
    { id: 'l2', kind: 'painPoints' }
  ]
  const lanes: Lane[] = (spec.lanes ?? defaultLanes).map((l, i) => ({
    id: nextId(),
    title: `Lane ${i + 1}`,
    kind: 'text',
    prompt: '',
    order: i + 1,
    height: 140,
    collapsed: false,
    ...(typeof l === 'string' ? { id: l } : l)
  }))
  const cellCounts = new Map<string, number>()
  const notes: Note[] = (spec.notes ?? []).map((n) => {
    const stageId = n.stageId ?? stages[0]!.id
    const laneId = n.laneId ?? lanes[0]!.id
    const cell = `${stageId}|${laneId}`
    const order = (cellCounts.get(cell) ?? 0) + 1
    cellCounts.set(cell, order)
    return {
      id: nextId(),
      order,
      text: '',
      color: '#fff59d',
      kind: 'note',
      channel: null,
      category: null,
      personaIds: [],
      votes: 0,
      severity: null,
      impact: null,
      effort: null,
      ...n,
      stageId,
      laneId
    }
  })
  const emotionPoints: EmotionPoint[] = (spec.emotionPoints ?? []).map((p) => ({
    id: nextId(),
    personaId: null,
    variant: 'asIs',
    stageId: stages[0]!.id,
    score: 0,
    note: '',
    ...p
  }))
  const markers = (spec.markers ?? []).map((m) => ({ id: nextId(), severity: 2, label: '', ...m })) as Marker[]
  const connectors: Connector[] = (spec.connectors ?? []).map((c) => ({ id: nextId(), label: '', ...c }))
  const metricCounts = new Map<string, number>()
  const metrics: Metric[] = (spec.metrics ?? []).map((m) => {
    const stageId = m.stageId ?? stages[0]!.id
    const order = (metricCounts.get(stageId) ?? 0) + 1
    metricCounts.set(stageId, order)
    return {
      id: nextId(),
      name: 'Conversion',
      value: null,
      target: null,
      unit: '%',
      direction: 'higher',
      order,
      ...m,
      stageId
    }
  })
  const map: Mutable<JourneyMap> = {
    id: 'map1',
    title: spec.title ?? 'Test map',
    description: '',
    emotionScale: spec.emotionScale ?? { min: -2, max: 2 },
    personaIds: spec.personaIds ?? [],
    createdAt: FIXED_NOW,
    updatedAt: FIXED_NOW,
    revision: 0,
    stages,
    lanes,
    notes,
    emotionPoints,
    markers,
    connectors,
    metrics,
    paths: [],
    kpiValues: []
  }
  assertValidMap(map)
  return canonicalize(map)
}

/** Fails with the first problem when a map breaks the schema or the integrity rules. */
export function assertValidMap(map: JourneyMap): void {
  const parsed = JourneyMapSchema.safeParse(map)
  if (!parsed.success) throw new Error(`invalid map: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`)
  const issues = checkIntegrity(map)
  if (issues.length > 0) throw new Error(`map breaks integrity: ${JSON.stringify(issues.slice(0, 3))}`)
}

/** A valid persona; everything but the id can be overridden. */
export function buildPersona(id: string, overrides: Partial<Persona> = {}): Persona {
  const persona: Persona = {
    id,
    name: `Persona ${id}`,
    initials: id.slice(0, 2).toUpperCase(),
    color: '#3366cc',
    role: 'Ops lead',
    quote: 'I just want it to work.',
    demographics: { age: '35-44', location: 'Leeds', education: 'BSc', income: '' },
    firmographics: { companySize: '50-200', industry: 'Logistics', revenue: '' },
    behaviour: '',
    goals: '',
    painPoints: '',
    channels: ['email', 'web'],
    segmentNotes: '',
    createdAt: FIXED_NOW,
    updatedAt: FIXED_NOW,
    ...overrides
  }
  PersonaSchema.parse(persona)
  return persona
}

/** A map with a bit of everything: notes in several cells, curves, markers, connectors, KPIs. */
export function richMap(): JourneyMap {
  return buildMap({
    personaIds: ['p1', 'p2'],
    notes: [
      { id: 'n1', stageId: 's1', laneId: 'l1', text: 'Ad', kind: 'touchpoint', channel: 'web', personaIds: ['p1'] },
      { id: 'n2', stageId: 's1', laneId: 'l1', text: 'Email' },
      { id: 'n3', stageId: 's2', laneId: 'l1', text: 'Demo' },
      { id: 'n4', stageId: 's2', laneId: 'l2', text: 'Price shock', kind: 'painPoint', severity: 3 },
      { id: 'n5', stageId: 's3', laneId: 'l2', text: 'Slow support', personaIds: ['p2'] }
    ],
    emotionPoints: [
      { id: 'e1', stageId: 's1', score: 1 },
      { id: 'e2', stageId: 's2', score: -2 },
      { id: 'e3', stageId: 's2', personaId: 'p1', score: 0.5 },
      { id: 'e4', stageId: 's3', personaId: 'p2', variant: 'toBe', score: 2 }
    ],
    markers: [
      { id: 'm1', target: { kind: 'note', noteId: 'n4' }, severity: 3, label: 'price' },
      { id: 'm2', target: { kind: 'curve', stageId: 's2', personaId: null, variant: 'asIs' } },
      { id: 'm3', target: { kind: 'curve', stageId: 's3', personaId: 'p2', variant: 'toBe' } }
    ],
    connectors: [
      { id: 'c1', fromNoteId: 'n1', toNoteId: 'n3', label: 'free trial' },
      { id: 'c2', fromNoteId: 'n3', toNoteId: 'n4' }
    ],
    metrics: [
      { id: 'k1', stageId: 's1', name: 'Visits', value: 1000, unit: '' },
      { id: 'k2', stageId: 's2', name: 'Conversion', value: 3, target: 5 },
      { id: 'k3', stageId: 's2', name: 'NPS', value: 30, target: 40, unit: 'pts' }
    ]
  })
}

/**
 * Applies a command result and checks what every command promises: the new map is valid and
 * the inverse brings back exactly the map before.
 */
export function applyResult(map: JourneyMap, result: { patch: Patch; inverse: Patch }): JourneyMap {
  const next = applyPatch(map, result.patch)
  assertValidMap(next)
  const restored = applyPatch(next, result.inverse)
  if (!isDeepStrictEqual(restored, map)) throw new Error('the inverse does not restore the map')
  return next
}
