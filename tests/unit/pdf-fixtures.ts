/**
 * Maps for the PDF and PNG export tests and benchmarks: whole sentences from the source
 * articles (shared/seeds, copied here so CI does not need that folder) in Russian, Bulgarian,
 * Thai, Chinese and English, on a map that uses every kind of thing the board draws.
 * No test framework imports: benchmarks and scripts use these too.
 */
import type { JourneyMap, Note, Persona } from '../../src/shared/model'
import { buildMap, buildPersona } from './fixtures'

/** One sentence per language, each from the seed article in that language. */
export const SEED_SENTENCES = {
  russian:
    'Эти карты служат основой для понимания потребностей клиентов, определения препятствий и поиска путей для повышения удовлетворённости.',
  bulgarian:
    'Пътуванията на клиентите в SaaS често се изобразяват като линейни пътеки, като клиентите преминават от покупка към приемане до подновяване.',
  // Tone marks over upper vowels (ที่), a cancelled consonant (ภัณฑ์): what jsPDF cannot shape.
  thai: 'แผนที่การเดินทางของลูกค้าคือการแสดงภาพว่าลูกค้ามีส่วนร่วมกับแบรนด์หรือผลิตภัณฑ์ของคุณอย่างไร',
  chinese: '要构建客户旅程地图,您需要了解客户从意识到您的产品到成为客户的整个旅程。',
  english: 'Use a combination of demographic, firmographic, and behavioral data to build distinct groups.'
} as const

/**
 * A sentence in each of thirteen languages, eleven scripts and emoji: the seed articles' five, and
 * sentences on the same subject written for the languages the seeds lack. The Arabic one holds a
 * number with a per cent sign and ends with a full stop (what bidi moves when it is done wrong);
 * the Hindi one has conjuncts and vowel signs drawn before their consonant; the emoji one a skin
 * tone, a ZWJ sequence and a flag.
 */
export const WORLD_SENTENCES = {
  ...SEED_SENTENCES,
  japanese: 'カスタマージャーニーマップは、顧客が製品を知ってから購入するまでの体験を可視化します。',
  korean: '고객 여정 지도는 고객이 제품을 처음 알게 된 순간부터 충성 고객이 되기까지의 과정을 보여 줍니다.',
  arabic: 'تساعد خريطة رحلة العميل الفريق على فهم تجربة العميل، وقد ارتفع معدل التحويل بنسبة 15% بعد التحسينات.',
  hebrew: 'מפת מסע לקוח עוזרת לצוות להבין את החוויה של הלקוח מההתחלה ועד הסוף.',
  hindi: 'ग्राहक यात्रा मानचित्र टीम को यह समझने में मदद करता है कि ग्राहक किसी उत्पाद के साथ कैसे जुड़ते हैं।',
  greek: 'Ο χάρτης διαδρομής πελάτη δείχνει κάθε σημείο επαφής από την πρώτη επίσκεψη έως την ανανέωση.',
  vietnamese: 'Bản đồ hành trình khách hàng giúp đội ngũ hiểu rõ trải nghiệm của khách hàng ở từng giai đoạn.',
  emoji: 'Launch day 🚀 went well 👍🏽 thanks to the team 👩‍💻 and a few 🇺🇦 flags ✅'
} as const

export type WorldLanguage = keyof typeof WORLD_SENTENCES

/** Cells of worldMap, lane by lane: each right-to-left note shares its column with a left-to-right one. */
const WORLD_ORDER: readonly WorldLanguage[] = [
  ...['russian', 'bulgarian', 'thai', 'chinese', 'english'],
  ...['japanese', 'korean', 'hindi', 'vietnamese', 'arabic'],
  ...['hebrew', 'greek', 'emoji']
] as WorldLanguage[]

/**
 * Every world sentence in a note of its own, one language per cell over five stages and three
 * lanes, so a reader meets each note's lines together.
 */
export function worldMap(): JourneyMap {
  const entries = WORLD_ORDER.map((language) => WORLD_SENTENCES[language])
  return buildMap({
    title: 'Thirteen languages',
    stages: Array.from({ length: 5 }, (_, i) => ({ id: `s${i + 1}`, title: `Stage ${i + 1}`, width: 300 })),
    lanes: [
      { id: 'l1', title: 'Touchpoints', kind: 'touchpoints' },
      { id: 'l2', title: 'Thoughts', kind: 'thoughts' },
      { id: 'l3', title: 'Pain points', kind: 'painPoints' }
    ],
    notes: entries.map((text, i) => ({
      id: `w${i + 1}`,
      stageId: `s${(i % 5) + 1}`,
      laneId: `l${Math.floor(i / 5) + 1}`,
      text
    }))
  })
}

/** `count` notes in eleven scripts and emoji over 8 stages × 4 lanes (the 65-note trial). */
export function worldNotesMap(count: number): JourneyMap {
  const texts = Object.values(WORLD_SENTENCES)
  const stages = Array.from({ length: 8 }, (_, i) => ({ id: `s${i + 1}`, title: `Stage ${i + 1}` }))
  const lanes = [
    { id: 'l1', title: 'Touchpoints', kind: 'touchpoints' as const },
    { id: 'l2', title: 'Thoughts', kind: 'thoughts' as const },
    { id: 'l3', title: 'Pain points', kind: 'painPoints' as const },
    { id: 'l4', title: 'Opportunities', kind: 'opportunities' as const }
  ]
  const notes: Partial<Note>[] = Array.from({ length: count }, (_, i) => ({
    stageId: `s${(i % 8) + 1}`,
    laneId: `l${(Math.floor(i / 8) % 4) + 1}`,
    text: texts[i % texts.length]!
  }))
  return buildMap({ title: `${count} notes in eleven scripts`, stages, lanes, notes })
}

export const pdfPersonas = (): Persona[] => [
  buildPersona('p1', {
    name: 'Maya, the ops lead',
    initials: 'M',
    color: '#e8590c',
    goals: 'Roll out the tool to three teams before the end of the quarter.',
    painPoints: 'Permissions are confusing; invoices arrive in the wrong currency.'
  }),
  buildPersona('p2', { name: 'Иван Петров', initials: 'ИП', color: '#1c7ed6', role: 'Руководитель отдела продаж' }),
  buildPersona('p3', {
    name: 'สมชาย ใจดี',
    initials: 'สช',
    color: '#2f9e44',
    role: 'ผู้จัดการฝ่ายขาย',
    quote: 'ทดลองใช้งานฟรีก่อนตัดสินใจ'
  })
]

/** A map with every sentence in a note, curves for two personas, markers, connectors and KPIs. */
export function pdfShowcaseMap(): JourneyMap {
  return buildMap({
    title: 'Клиентский путь — SaaS 客户旅程 (แผนที่)',
    personaIds: ['p1', 'p2', 'p3'],
    stages: [
      { id: 's1', title: 'Осведомлённость', prompt: 'How do they hear of us?' },
      { id: 's2', title: 'การพิจารณา', prompt: 'ลูกค้าเปรียบเทียบอะไร' },
      { id: 's3', title: '购买 / Purchase' },
      { id: 's4', title: 'Onboarding', width: 300 },
      { id: 's5', title: 'Collapsed stage', collapsed: true }
    ],
    lanes: [
      { id: 'l1', title: 'Touchpoints', kind: 'touchpoints' },
      { id: 'l2', title: 'Болки (pain points)', kind: 'painPoints', prompt: 'What hurts?' },
      { id: 'l3', title: 'Emotions', kind: 'emotions', height: 180 },
      { id: 'l4', title: 'Opportunities', kind: 'opportunities', prompt: 'What could we do better?' },
      { id: 'l5', title: 'KPIs', kind: 'kpis' }
    ],
    notes: [
      { id: 'n1', stageId: 's1', laneId: 'l1', text: SEED_SENTENCES.russian, kind: 'touchpoint', channel: 'web' },
      { id: 'n2', stageId: 's1', laneId: 'l1', text: SEED_SENTENCES.english, kind: 'touchpoint', color: '#d0ebff' },
      { id: 'n3', stageId: 's2', laneId: 'l1', text: SEED_SENTENCES.thai, kind: 'touchpoint', personaIds: ['p3'] },
      {
        id: 'n4',
        stageId: 's2',
        laneId: 'l2',
        text: SEED_SENTENCES.bulgarian,
        kind: 'painPoint',
        severity: 3,
        color: '#ffc9c9'
      },
      { id: 'n5', stageId: 's3', laneId: 'l1', text: SEED_SENTENCES.chinese, kind: 'touchpoint', category: 'sales' },
      {
        id: 'n6',
        stageId: 's4',
        laneId: 'l4',
        text: 'Self-serve trial → sales ✓ ★',
        kind: 'opportunity',
        impact: 4,
        effort: 2,
        color: '#1971c2'
      },
      {
        id: 'n7',
        stageId: 's4',
        laneId: 'l1',
        text: 'Welcome email 📧 with setup checklist',
        kind: 'touchpoint',
        votes: 4
      }
    ],
    emotionPoints: [
      { stageId: 's1', personaId: 'p1', score: 1 },
      { stageId: 's2', personaId: 'p1', score: -1 },
      { stageId: 's3', personaId: 'p1', score: -2 },
      { stageId: 's4', personaId: 'p1', score: 1.5 },
      { stageId: 's1', personaId: 'p2', score: 0 },
      { stageId: 's2', personaId: 'p2', score: 1 },
      { stageId: 's3', personaId: 'p2', score: -1 },
      { stageId: 's4', personaId: 'p2', score: 2 },
      { stageId: 's3', personaId: 'p1', variant: 'toBe', score: 1 },
      { stageId: 's4', personaId: 'p1', variant: 'toBe', score: 2 }
    ],
    markers: [
      { target: { kind: 'note', noteId: 'n4' }, severity: 3, label: 'цены' },
      { target: { kind: 'curve', stageId: 's3', personaId: 'p1', variant: 'asIs' }, severity: 2, label: 'price shock' }
    ],
    connectors: [
      { fromNoteId: 'n1', toNoteId: 'n3', label: 'free trial' },
      { fromNoteId: 'n3', toNoteId: 'n5', label: 'demo' }
    ],
    metrics: [
      { stageId: 's1', name: 'Visits', value: 1200, target: 1000, unit: '' },
      { stageId: 's2', name: 'Конверсия', value: 3, target: 5, unit: '%' },
      { stageId: 's4', name: 'Time to value', value: 4, target: 7, unit: 'days', direction: 'lower' }
    ]
  })
}

const TEXTS = Object.values(SEED_SENTENCES)

/**
 * One note per sentence, stacked in one cell: text extraction reads a column of notes in order,
 * where notes side by side at the same height may come out interleaved line by line.
 */
export function sentencesMap(): JourneyMap {
  return buildMap({
    title: 'Five languages',
    stages: [{ id: 's1', title: 'Awareness', width: 420 }, 's2'],
    lanes: [{ id: 'l1', title: 'Touchpoints', kind: 'touchpoints' }],
    notes: TEXTS.map((text) => ({ stageId: 's1', laneId: 'l1', text, kind: 'touchpoint' as const }))
  })
}

/** `count` notes over 8 stages × 4 lanes, the sentences in turn (and a short note now and then). */
export function multilingualMap(count: number): JourneyMap {
  const stages = Array.from({ length: 8 }, (_, i) => ({ id: `s${i + 1}`, title: `Stage ${i + 1}` }))
  const lanes = [
    { id: 'l1', title: 'Touchpoints', kind: 'touchpoints' as const },
    { id: 'l2', title: 'Thoughts', kind: 'thoughts' as const },
    { id: 'l3', title: 'Pain points', kind: 'painPoints' as const },
    { id: 'l4', title: 'Opportunities', kind: 'opportunities' as const }
  ]
  const notes: Partial<Note>[] = Array.from({ length: count }, (_, i) => ({
    stageId: `s${(i % 8) + 1}`,
    laneId: `l${(Math.floor(i / 8) % 4) + 1}`,
    text: i % 7 === 6 ? `#${i} short` : TEXTS[i % TEXTS.length]!
  }))
  return buildMap({ title: `${count} multilingual notes`, stages, lanes, notes })
}

/**
 * The showcase map with one more note in a script no bundled font covers (Tamil), for the
 * exports' "characters no font has" reports.
 */
export function pdfShowcaseMapWithUncovered(): JourneyMap {
  const map = pdfShowcaseMap()
  const first = map.notes[0]!
  return {
    ...map,
    notes: [...map.notes, { ...first, id: 'note-tamil', order: first.order + 1000, text: 'Tamil த stays a box' }]
  }
}
