/**
 * The four map templates. Prompts are guidance shown as placeholders in empty cells, never notes.
 */
import type { JourneyMap, Lane, LaneKind, Stage, TemplateId } from '../model'

export interface TemplateInfo {
  readonly id: TemplateId
  readonly name: string
  readonly description: string
  readonly stages: readonly { readonly title: string; readonly prompt: string }[]
  readonly lanes: readonly { readonly title: string; readonly kind: LaneKind; readonly prompt: string }[]
}

const journeyLanes: TemplateInfo['lanes'] = [
  { title: 'Goals', kind: 'goals', prompt: 'What is the customer trying to achieve?' },
  { title: 'Actions', kind: 'actions', prompt: 'What do they do?' },
  { title: 'Touchpoints', kind: 'touchpoints', prompt: 'Where do they meet us?' },
  { title: 'Thoughts', kind: 'thoughts', prompt: 'What are they thinking?' },
  { title: 'Emotions', kind: 'emotions', prompt: '' },
  { title: 'Pain points', kind: 'painPoints', prompt: 'What gets in their way?' },
  { title: 'Opportunities', kind: 'opportunities', prompt: 'What could we do better?' },
  { title: 'KPIs', kind: 'kpis', prompt: 'How do we measure this stage?' }
]

export const TEMPLATES: Readonly<Record<TemplateId, TemplateInfo>> = {
  saas: {
    id: 'saas',
    name: 'SaaS journey',
    description: 'From first hearing of the product to recommending it.',
    stages: [
      { title: 'Awareness', prompt: 'How do they first hear of us?' },
      { title: 'Consideration', prompt: 'How do they compare options?' },
      { title: 'Purchase / Sign-up', prompt: 'What makes them commit?' },
      { title: 'Onboarding', prompt: 'What is the first value moment?' },
      { title: 'Adoption', prompt: 'How does it become a habit?' },
      { title: 'Retention', prompt: 'Why do they stay?' },
      { title: 'Expansion', prompt: 'When do they buy more?' },
      { title: 'Advocacy', prompt: 'Why would they recommend us?' }
    ],
    lanes: journeyLanes
  },
  b2b: {
    id: 'b2b',
    name: 'B2B lifecycle',
    description: 'The account lifecycle from first visit to post-sale.',
    stages: [
      { title: 'First-time visitor', prompt: 'What brought them here?' },
      { title: 'Lead', prompt: 'What did they give us, and why?' },
      { title: 'Qualified lead', prompt: 'What tells us they fit?' },
      { title: 'Opportunity', prompt: 'Who decides, and on what?' },
      { title: 'Customer', prompt: 'What did they buy into?' },
      { title: 'Post-sale', prompt: 'How do we keep and grow them?' }
    ],
    lanes: [
      ...journeyLanes.slice(0, 3),
      { title: 'Triggers / conversion events', kind: 'triggers', prompt: 'What moves them to the next stage?' },
      ...journeyLanes.slice(3)
    ]
  },
  blueprint: {
    id: 'blueprint',
    name: 'Service blueprint',
    description: 'What the customer sees, and what happens behind the scenes.',
    stages: [
      { title: 'Discover', prompt: '' },
      { title: 'Request', prompt: '' },
      { title: 'Receive', prompt: '' },
      { title: 'Follow-up', prompt: '' }
    ],
    lanes: [
      { title: 'Evidence', kind: 'touchpoints', prompt: 'What does the customer see or keep?' },
      { title: 'Customer actions', kind: 'actions', prompt: 'What does the customer do?' },
      { title: 'Frontstage', kind: 'touchpoints', prompt: 'What do our people and systems do in view?' },
      { title: 'Backstage', kind: 'backstage', prompt: 'What happens out of view?' },
      { title: 'Support processes', kind: 'backstage', prompt: 'Which systems and teams make it possible?' }
    ]
  },
  blank: {
    id: 'blank',
    name: 'Blank',
    description: 'Three stages and two lanes to start from.',
    stages: [
      { title: 'Stage 1', prompt: '' },
      { title: 'Stage 2', prompt: '' },
      { title: 'Stage 3', prompt: '' }
    ],
    lanes: [
      { title: 'Touchpoints', kind: 'touchpoints', prompt: '' },
      { title: 'Emotions', kind: 'emotions', prompt: '' }
    ]
  }
}

export const DEFAULT_STAGE_WIDTH = 240
export const DEFAULT_LANE_HEIGHT = 140

/** A new, empty map built from a template. Ids and clock are injected so tests stay deterministic. */
export function createMapFromTemplate(
  template: TemplateId,
  title: string,
  newId: () => string,
  now: string
): JourneyMap {
  const info = TEMPLATES[template]
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
