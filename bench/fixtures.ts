/**
 * Deterministic large maps for the benchmarks: stages × lanes with an emotion lane, notes spread
 * evenly over the other lanes, multilingual text, two persona curves and some markers.
 */
import type { EmotionPoint, JourneyMap, Lane, Marker, Note, Persona, Stage } from '../src/shared/model'
import type { LaneKind } from '../src/shared/model'

const TEXTS = [
  'Reads a comparison article and signs up for the newsletter',
  'Не может найти цены на сайте — звонит в отдел продаж',
  'Търси отзиви от други клиенти преди демо',
  'ลูกค้าต้องการทดลองใช้งานฟรีก่อนตัดสินใจ',
  '在入职过程中需要帮助设置团队权限',
  'Invites two colleagues; one never accepts the invitation',
  'Gets an invoice in the wrong currency'
]
const COLORS = ['#fff3bf', '#d3f9d8', '#d0ebff', '#ffe3e3', '#f3d9fa']
const LANE_KINDS: LaneKind[] = [
  'goals',
  'actions',
  'touchpoints',
  'thoughts',
  'painPoints',
  'opportunities',
  'backstage',
  'text'
]

export const BENCH_PERSONAS: Persona[] = ['Maya', 'Dev'].map((name, i) => ({
  id: `persona${i}`,
  name,
  initials: name.slice(0, 2).toUpperCase(),
  color: i === 0 ? '#e8590c' : '#1c7ed6',
  role: i === 0 ? 'Operations lead' : 'Developer',
  quote: '',
  demographics: { age: '', location: '', education: '', income: '' },
  firmographics: { companySize: '', industry: '', revenue: '' },
  behaviour: '',
  goals: '',
  painPoints: '',
  channels: [],
  segmentNotes: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z'
}))

export function buildLargeMap(noteCount: number, stageCount = 20, laneCount = 8): JourneyMap {
  const now = '2026-01-01T00:00:00.000Z'
  const stages: Stage[] = Array.from({ length: stageCount }, (_, i) => ({
    id: `s${i}`,
    title: `Stage ${i + 1}`,
    prompt: '',
    order: i + 1,
    width: 240,
    collapsed: false
  }))
  const lanes: Lane[] = Array.from({ length: laneCount }, (_, i) => ({
    id: `l${i}`,
    title: LANE_KINDS[i % LANE_KINDS.length] ?? 'text',
    kind: LANE_KINDS[i % LANE_KINDS.length] ?? 'text',
    prompt: '',
    order: i + 1,
    height: 140,
    collapsed: false
  }))
  lanes.push({
    id: 'lemo',
    title: 'Emotions',
    kind: 'emotions',
    prompt: '',
    order: laneCount + 1,
    height: 180,
    collapsed: false
  })
  const notes: Note[] = Array.from({ length: noteCount }, (_, i) => {
    const cell = i % (stageCount * laneCount)
    return {
      id: `n${i}`,
      stageId: `s${cell % stageCount}`,
      laneId: `l${Math.floor(cell / stageCount)}`,
      order: Math.floor(i / (stageCount * laneCount)) + 1,
      text: TEXTS[i % TEXTS.length] ?? '',
      color: COLORS[i % COLORS.length] ?? '#fff3bf',
      kind: 'note',
      channel: null,
      category: null,
      personaIds: [],
      votes: 0,
      severity: null,
      impact: null,
      effort: null
    }
  })
  const emotionPoints: EmotionPoint[] = BENCH_PERSONAS.flatMap((p, pi) =>
    stages.map((s, si) => ({
      id: `e${pi}_${si}`,
      personaId: p.id,
      variant: 'asIs' as const,
      stageId: s.id,
      score: Math.round(2 * Math.sin((si + pi * 3) / 2)),
      note: ''
    }))
  )
  const markers: Marker[] = stages
    .filter((_, i) => i % 3 === 0)
    .map((s, i) => ({
      id: `m${i}`,
      severity: (i % 3) + 1,
      label: 'pain',
      target: { kind: 'curve' as const, stageId: s.id, personaId: 'persona0', variant: 'asIs' as const }
    }))
  return {
    id: `bench${noteCount}`,
    title: `Benchmark map (${noteCount} notes)`,
    description: '',
    emotionScale: { min: -2, max: 2 },
    personaIds: BENCH_PERSONAS.map((p) => p.id),
    createdAt: now,
    updatedAt: now,
    revision: 0,
    stages,
    lanes,
    notes,
    emotionPoints,
    markers,
    connectors: [],
    metrics: [],
    paths: [],
    kpiValues: []
  }
}

export interface MapSize {
  readonly stages: number
  readonly lanes: number
  readonly notes: number
  readonly connectors: number
  readonly markers: number
  readonly metrics: number
  /** Personas linked to the map, each with an as-is and a to-be curve over every stage. */
  readonly personas: number
}

export const limitPersonas = (count: number): Persona[] =>
  Array.from({ length: count }, (_, i) => ({
    ...BENCH_PERSONAS[0]!,
    id: `lp${i}`,
    name: `Persona ${i + 1}`,
    initials: `P${i + 1}`.slice(0, 3),
    color: COLORS[i % COLORS.length]!
  }))

/**
 * A map of the given size (the largest the app accepts, at LIMITS): lanes of every kind with one
 * emotion lane, notes spread over every cell, connectors chaining neighbouring notes, markers on
 * notes and curves, KPIs spread over the stages, and two curves per persona.
 */
export function buildSizedMap(size: MapSize): JourneyMap {
  const base = buildLargeMap(size.notes, size.stages, size.lanes - 1)
  const personas = limitPersonas(size.personas)
  const emotionPoints: EmotionPoint[] = [null, ...personas.map((p) => p.id)].flatMap((personaId, pi) =>
    (['asIs', 'toBe'] as const).flatMap((variant, vi) =>
      base.stages.map((s, si) => ({
        id: `e${pi}_${vi}_${si}`,
        personaId,
        variant,
        stageId: s.id,
        score: Math.round(2 * Math.sin((si + pi + vi * 2) / 2)),
        note: ''
      }))
    )
  )
  const markers: Marker[] = Array.from({ length: size.markers }, (_, i) =>
    i % 2 === 0
      ? { id: `m${i}`, severity: (i % 3) + 1, label: 'pain', target: { kind: 'note' as const, noteId: `n${i}` } }
      : {
          id: `m${i}`,
          severity: (i % 3) + 1,
          label: 'dip',
          target: { kind: 'curve' as const, stageId: `s${i % size.stages}`, personaId: null, variant: 'asIs' as const }
        }
  )
  return {
    ...base,
    id: 'limits',
    title: `Largest map (${size.stages} stages, ${size.lanes} lanes, ${size.notes} notes)`,
    personaIds: personas.map((p) => p.id),
    emotionPoints,
    markers,
    connectors: Array.from({ length: size.connectors }, (_, i) => ({
      id: `c${i}`,
      fromNoteId: `n${i}`,
      toNoteId: `n${(i + 1) % size.notes}`,
      label: i % 4 === 0 ? 'free trial' : ''
    })),
    metrics: Array.from({ length: size.metrics }, (_, i) => ({
      id: `k${i}`,
      stageId: `s${i % size.stages}`,
      name: ['Conversion', 'NPS', 'Churn', 'CSAT'][i % 4]!,
      value: (i * 7) % 100,
      target: 50,
      unit: '%',
      direction: i % 3 === 0 ? ('lower' as const) : ('higher' as const),
      order: Math.floor(i / size.stages) + 1
    }))
  }
}

/** Every note's text made unique (its number appended), so no cache sees the same text twice. */
export function uniqueTextMap(notes: number) {
  const map = buildLargeMap(notes)
  return {
    ...map,
    id: `open${notes}`,
    title: `Open benchmark (${notes} notes)`,
    notes: map.notes.map((n, i) => ({ ...n, text: `${n.text} ${i + 1}` }))
  }
}
