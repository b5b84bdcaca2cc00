/**
 * Fixtures for layout tests: a deterministic fake text measure, seeded maps built from the
 * templates, and note builders. Widths are simple enough to reason about in a test.
 */
import type { EmotionPoint, JourneyMap, Marker, Note } from '../../src/shared/model'
import type { Font, MeasureText } from '../../src/shared/layout'
import { createMapFromTemplate } from '../../src/shared/templates'
import type { TemplateId } from '../../src/shared/model'

export const NOW = '2026-03-04T09:00:00.000Z'

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u
const MARK = /\p{M}/u

/**
 * A fake but plausible measure: ideographs and full-width punctuation 1 em, combining marks 0,
 * spaces 0.3 em, everything else 0.6 em; bold 10% wider.
 */
export const fakeMeasure: MeasureText = (text: string, font: Font) => {
  let em = 0
  for (const ch of text) {
    if (MARK.test(ch)) continue
    em += WIDE.test(ch) ? 1 : ch === ' ' ? 0.3 : 0.6
  }
  return em * font.size * (font.weight === 'bold' ? 1.1 : 1)
}

/** A font for wrapping tests: 10 units, so a Latin letter is 6 wide and an ideograph 10. */
export const TEN: Font = { family: 'Test Sans', size: 10, weight: 'normal', style: 'normal' }

export function seededIds(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}${++n}`
}

/** A template map with ids t1, t2… in template order: stages first, then lanes, then the map. */
export function templateMap(template: TemplateId = 'saas'): JourneyMap {
  return createMapFromTemplate(template, 'Test map', seededIds('t'), NOW)
}

export function note(map: JourneyMap, stageIndex: number, laneIndex: number, fields: Partial<Note> = {}): Note {
  const stage = map.stages[stageIndex]
  const lane = map.lanes[laneIndex]
  if (!stage || !lane) throw new Error(`no cell ${stageIndex}×${laneIndex}`)
  return {
    id: fields.id ?? `n${stageIndex}_${laneIndex}_${fields.order ?? 0}`,
    stageId: stage.id,
    laneId: lane.id,
    order: 0,
    text: 'Short note',
    color: '#fff59d',
    kind: 'note',
    channel: null,
    category: null,
    personaIds: [],
    votes: 0,
    severity: null,
    impact: null,
    effort: null,
    ...fields
  }
}

export function point(
  map: JourneyMap,
  stageIndex: number,
  score: number,
  fields: Partial<EmotionPoint> = {}
): EmotionPoint {
  const stage = map.stages[stageIndex]
  if (!stage) throw new Error(`no stage ${stageIndex}`)
  return {
    id: `p${fields.personaId ?? 'all'}_${fields.variant ?? 'asIs'}_${stageIndex}`,
    personaId: null,
    variant: 'asIs',
    stageId: stage.id,
    score,
    note: '',
    ...fields
  }
}

export function marker(id: string, severity: number, target: Marker['target'], label = ''): Marker {
  return { id, severity, label, target }
}

export const withNotes = (map: JourneyMap, notes: readonly Note[]): JourneyMap => ({
  ...map,
  notes: [...map.notes, ...notes]
})

/** Index of the lane of a kind in a template map. */
export const laneIndex = (map: JourneyMap, kind: string) => map.lanes.findIndex((l) => l.kind === kind)

/**
 * A big map like the benchmark's: `stages` × `lanes` (one of them emotions), `perCell` notes of
 * mixed-script text in every other cell, two persona curves and markers.
 */
export function bigMap(stages = 20, lanes = 8, notes = 2000): JourneyMap {
  const ids = seededIds('b')
  const base = createMapFromTemplate('blank', 'Big map', ids, NOW)
  const stageList = Array.from({ length: stages }, (_, i) => ({
    id: `bs${i}`,
    title: `Stage ${i + 1}`,
    prompt: 'What happens here?',
    order: i + 1,
    width: 240,
    collapsed: false
  }))
  const laneList = Array.from({ length: lanes }, (_, i) => ({
    id: `bl${i}`,
    title: i === 3 ? 'Emotions' : `Lane ${i + 1}`,
    kind: i === 3 ? ('emotions' as const) : ('touchpoints' as const),
    prompt: 'Where do they meet us?',
    order: i + 1,
    height: i === 3 ? 180 : 140,
    collapsed: false
  }))
  const texts = [
    'Signs up for the free trial after reading a comparison article',
    'Не может найти, где пригласить коллег в рабочее пространство',
    '试用期结束前没有收到提醒邮件，感到意外',
    'ลูกค้าต้องการคู่มือเริ่มต้นใช้งานที่ชัดเจนกว่านี้',
    'Billing page'
  ]
  const noteLanes = laneList.filter((l) => l.kind !== 'emotions')
  const list: Note[] = []
  for (let i = 0; i < notes; i++) {
    const stage = stageList[i % stages]!
    const lane = noteLanes[Math.floor(i / stages) % noteLanes.length]!
    list.push({
      id: `bn${i}`,
      stageId: stage.id,
      laneId: lane.id,
      order: i,
      text: `${texts[i % texts.length]} #${i}`,
      color: ['#fff59d', '#90caf9', '#ef9a9a', '#a5d6a7'][i % 4]!,
      kind: 'note',
      channel: null,
      category: null,
      personaIds: [],
      votes: 0,
      severity: null,
      impact: null,
      effort: null
    })
  }
  const points: EmotionPoint[] = []
  for (const persona of ['pa', 'pb']) {
    stageList.forEach((s, i) =>
      points.push({
        id: `e${persona}${i}`,
        personaId: persona,
        variant: 'asIs',
        stageId: s.id,
        score: Math.round(Math.sin(i + persona.length) * 2),
        note: ''
      })
    )
  }
  const markers: Marker[] = list
    .slice(0, 50)
    .map((n, i) => marker(`m${i}`, (i % 3) + 1, { kind: 'note', noteId: n.id }, 'slow'))
  return {
    ...base,
    personaIds: ['pa', 'pb'],
    stages: stageList,
    lanes: laneList,
    notes: list,
    emotionPoints: points,
    markers
  }
}
