/**
 * The four map templates. Prompts are guidance shown as placeholders in empty cells, never notes.
 */
import type { Language } from '../i18n/languages'
import type { JourneyMap, Lane, LaneKind, Stage, TemplateId } from '../model'
import { TEMPLATE_TEXTS } from './texts'

export interface TemplateInfo {
  readonly id: TemplateId
  readonly name: string
  readonly description: string
  readonly stages: readonly { readonly title: string; readonly prompt: string }[]
  readonly lanes: readonly { readonly title: string; readonly kind: LaneKind; readonly prompt: string }[]
}

const JOURNEY: readonly LaneKind[] = [
  'goals',
  'actions',
  'touchpoints',
  'thoughts',
  'emotions',
  'painPoints',
  'opportunities',
  'kpis'
]

/** Each template's structure: the kinds of its lanes, in order. Its words (in every language,
 * English included) are in ./texts.ts, in the same order. */
const LANE_KINDS: Readonly<Record<TemplateId, readonly LaneKind[]>> = {
  saas: JOURNEY,
  b2b: [...JOURNEY.slice(0, 3), 'triggers', ...JOURNEY.slice(3)],
  blueprint: ['touchpoints', 'actions', 'touchpoints', 'backstage', 'backstage'],
  blank: ['touchpoints', 'emotions']
}

function build(id: TemplateId): TemplateInfo {
  const text = TEMPLATE_TEXTS.en[id]
  return {
    id,
    name: text.name,
    description: text.description,
    stages: text.stages,
    lanes: text.lanes.map((l, i) => ({ title: l.title, kind: LANE_KINDS[id][i] as LaneKind, prompt: l.prompt }))
  }
}

export const TEMPLATES: Readonly<Record<TemplateId, TemplateInfo>> = {
  saas: build('saas'),
  b2b: build('b2b'),
  blueprint: build('blueprint'),
  blank: build('blank')
}

/**
 * A template in a language: the same stages and lanes (kinds, order) with their titles, prompts,
 * name and description in that language (./texts.ts).
 */
export function templateIn(template: TemplateId, language: Language = 'en'): TemplateInfo {
  const info = TEMPLATES[template]
  const text = TEMPLATE_TEXTS[language][template]
  return {
    ...info,
    name: text.name,
    description: text.description,
    stages: info.stages.map((s, i) => text.stages[i] ?? s),
    lanes: info.lanes.map((l, i) => ({ ...l, ...(text.lanes[i] ?? {}) }))
  }
}

export const DEFAULT_STAGE_WIDTH = 240
export const DEFAULT_LANE_HEIGHT = 140

/**
 * A new, empty map built from a template, its stages and lanes titled in `language`. Ids and
 * clock are injected so tests stay deterministic.
 */
export function createMapFromTemplate(
  template: TemplateId,
  title: string,
  newId: () => string,
  now: string,
  language: Language = 'en'
): JourneyMap {
  const info = templateIn(template, language)
  const stages: Stage[] = info.stages.map((s, i) => ({
    id: newId(),
    title: s.title,
    prompt: s.prompt,
    order: i + 1,
    width: DEFAULT_STAGE_WIDTH,
    collapsed: false
  }))
  const lanes: Lane[] = info.lanes.map((l, i) => ({
    id: newId(),
    title: l.title,
    kind: l.kind,
    prompt: l.prompt,
    order: i + 1,
    height: l.kind === 'emotions' ? 180 : DEFAULT_LANE_HEIGHT,
    collapsed: false
  }))
  return {
    id: newId(),
    title: title.trim(),
    description: '',
    emotionScale: { min: -2, max: 2 },
    personaIds: [],
    createdAt: now,
    updatedAt: now,
    revision: 0,
    stages,
    lanes,
    notes: [],
    emotionPoints: [],
    markers: [],
    connectors: [],
    metrics: [],
    paths: [],
    kpiValues: []
  }
}
