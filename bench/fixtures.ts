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
    metrics: []
  }
}
