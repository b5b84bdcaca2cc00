/**
 * Shared by the export-*.test.ts files: real sentences in the languages a workshop writes in
 * (taken from the source articles in shared/seeds), a multilingual map, and a readable digest
 * of a map's content to compare after a round trip.
 */
import { expect } from 'vitest'
import { JourneyError } from '../../src/shared/errors'
import type { JourneyMap, Persona } from '../../src/shared/model'
import { buildMap, buildPersona } from './fixtures'

export const SENTENCES = {
  russian: 'Эти карты служат основой для понимания потребностей клиентов, определения препятствий и поиска путей.',
  bulgarian: 'Пътуванията на клиентите в SaaS често се изобразяват като линейни пътеки.',
  thai: 'เส้นทางของลูกค้า SaaS: การทำแผนที่เส้นทางสู่ความสำเร็จของลูกค้า',
  chinese: '要构建客户旅程地图，您需要了解客户从意识到您的产品到成为客户的整个旅程。',
  english: 'Define your customer personas: start by segmenting your target audience.'
} as const

export const personas = (): Persona[] => [
  buildPersona('p1', { name: 'Maya, the ops lead' }),
  buildPersona('p2', { name: 'Иван' }),
  buildPersona('p3', { name: 'สมชาย' })
]

/** Stages and lanes titled in several languages, a note per language, fields of every kind. */
export function multilingualMap(): JourneyMap {
  return buildMap({
    personaIds: ['p1', 'p2', 'p3'],
    stages: [
      { id: 's1', title: 'Осведомлённость' },
      { id: 's2', title: 'การพิจารณา' },
      { id: 's3', title: '购买' }
    ],
    lanes: [
      { id: 'l1', title: 'Touchpoints', kind: 'touchpoints' },
      { id: 'l2', title: 'Болки', kind: 'painPoints' },
      { id: 'l3', title: 'Opportunities', kind: 'opportunities' }
    ],
    notes: [
      {
        stageId: 's1',
        laneId: 'l1',
        text: SENTENCES.russian,
        kind: 'touchpoint',
        channel: 'web',
        category: 'marketing',
        personaIds: ['p1', 'p2'],
        votes: 3
      },
      { stageId: 's1', laneId: 'l1', text: SENTENCES.english, kind: 'touchpoint', channel: 'email' },
      { stageId: 's2', laneId: 'l1', text: SENTENCES.thai, kind: 'touchpoint', personaIds: ['p3'] },
      { stageId: 's2', laneId: 'l2', text: SENTENCES.bulgarian, kind: 'painPoint', severity: 3, color: '#ef9a9a' },
      { stageId: 's3', laneId: 'l1', text: SENTENCES.chinese, kind: 'touchpoint', category: 'sales' },
      {
        stageId: 's3',
        laneId: 'l3',
        text: 'Self-serve "trial", then\nsales',
        kind: 'opportunity',
        impact: 4,
        effort: 2
      }
    ],
    emotionPoints: [
      { stageId: 's1', personaId: 'p1', score: 1 },
      { stageId: 's1', personaId: 'p2', score: 2 },
      { stageId: 's2', personaId: 'p3', score: -2 },
      { stageId: 's3', score: 0 }
    ]
  })
}

/** What a person would call the map's content, without ids: for round-trip comparisons. */
export function contentOf(map: JourneyMap, people: readonly Persona[]) {
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? `?${id}`
  const stages = [...map.stages].sort((a, b) => a.order - b.order)
  const lanes = [...map.lanes].sort((a, b) => a.order - b.order)
  const title = (list: readonly { id: string; title: string }[], id: string) => list.find((r) => r.id === id)!.title
  return {
    stages: stages.map((s) => s.title),
    lanes: lanes.map((l) => `${l.title} (${l.kind})`),
    notes: stages.flatMap((s) =>
      lanes.flatMap((l) =>
        map.notes
          .filter((n) => n.stageId === s.id && n.laneId === l.id)
          .sort((a, b) => a.order - b.order)
          .map((n) => ({
            cell: `${title(map.stages, n.stageId)} × ${title(map.lanes, n.laneId)}`,
            text: n.text,
            kind: n.kind,
            color: n.color,
            channel: n.channel,
            category: n.category,
            personas: n.personaIds.map(name),
            votes: n.votes,
            severity: n.severity,
            impact: n.impact,
            effort: n.effort
          }))
      )
    )
  }
}

/** The JourneyError `run` throws; fails the test when it throws nothing or something else. */
export function errorOf(run: () => unknown): JourneyError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(JourneyError)
    expect((error as JourneyError).code).toBe('invalid_request')
    return error as JourneyError
  }
  throw new Error('expected the import to fail')
}

/** An id source that records how many ids were asked for: an import that fails must mint none. */
export function countingIds(prefix = 'x'): { newId: () => string; count: () => number } {
  let n = 0
  return { newId: () => `${prefix}${++n}`, count: () => n }
}
