/**
 * Findings in words. The English sentences live here once: the CLI prints them, and the app's
 * message catalogue takes them over (as workshop.finding.*) so they can be translated there. A
 * sentence has {placeholders}; findingParams fills them from a finding, with the names of
 * channels and quadrants given by the caller (English by default).
 */
import type { Channel } from '../model'
import type { Finding, FindingCategory, Quadrant } from './types'
import { formatKpiValue } from './kpi'
import { formatShare } from './funnel'

export const FINDING_TEXT = {
  stageWithoutTouchpoints: 'No touchpoint at “{stage}”: where does the customer meet us here?',
  emptyLane: 'The lane “{lane}” is empty.',
  missingCurve: '{series} has no emotion curve yet.',
  incompleteCurve: 'The curve of {series} has no point at {stages}.',
  painHotspot: '{series}: pain clusters at “{stage}” (weight {pain}) where the emotion is {score}.',
  emotionDrop: '{series}: the emotion falls by {drop} from “{from}” ({fromScore}) to “{to}” ({toScore}).',
  kpiMiss: '{name} at “{stage}” is {value}, short of its target {target}.',
  funnelDrop: 'Funnel: {dropOff} of {metric} drop off from “{from}” ({fromValue}) to “{to}” ({toValue}).',
  assumptionOnly: 'The opportunity “{text}” at “{stage}” rests only on assumptions: check it with research first.',
  channelSpread: '{channel} feels very different across stages: {highScore} at “{high}”, {lowScore} at “{low}”.',
  personaDivergence: 'At “{stage}”, {high} ({highScore}) and {low} ({lowScore}) feel very differently.',
  opportunity: '#{rank} “{text}” at “{stage}”: score {score} (impact {impact}, effort {effort}), {quadrant}.',
  opportunityUnrated: '“{text}” at “{stage}” is not rated yet (impact {impact}, effort {effort}).'
} as const

export type FindingMessageId = keyof typeof FINDING_TEXT

export const CATEGORY_TEXT = {
  gap: 'Gaps',
  hotspot: 'Hotspots',
  bottleneck: 'Bottlenecks',
  inconsistency: 'Inconsistencies',
  opportunity: 'Opportunities ranked'
} as const satisfies Record<FindingCategory, string>

export const QUADRANT_TEXT = {
  quickWin: 'quick win',
  majorProject: 'major project',
  fillIn: 'fill-in',
  thankless: 'thankless task'
} as const satisfies Record<Quadrant, string>

export const CHANNEL_TEXT = {
  web: 'Web',
  email: 'Email',
  phone: 'Phone',
  inApp: 'In-app',
  social: 'Social',
  event: 'Event',
  support: 'Support ticket',
  chat: 'Chat',
  store: 'Store',
  partner: 'Partner',
  other: 'Other'
} as const satisfies Record<Channel, string>

export interface FindingLabels {
  readonly channel: (channel: Channel) => string
  readonly quadrant: (quadrant: Quadrant) => string
  /** Shown for an unset impact, effort or score. */
  readonly unset: string
}

export const ENGLISH_LABELS: FindingLabels = {
  channel: (c) => CHANNEL_TEXT[c],
  quadrant: (q) => QUADRANT_TEXT[q],
  unset: 'not set'
}

/** A score on the emotion scale with its sign: "+1", "−2", "0", "+0.5". */
export function formatScore(score: number): string {
  const rounded = Math.round(score * 100) / 100
  const text = String(Math.abs(rounded))
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : '0'
}

const amount = (n: number) => String(Math.round(n * 100) / 100)

/** "Onboarding, Adoption and Retention". */
function listOf(titles: readonly string[]): string {
  const quoted = titles.map((t) => `“${t}”`)
  if (quoted.length <= 1) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
}

/** Which sentence describes a finding, and what fills it. */
export function findingMessage(
  finding: Finding,
  labels: FindingLabels = ENGLISH_LABELS
): { readonly id: FindingMessageId; readonly params: Record<string, string> } {
  const orUnset = (n: number | null) => (n === null ? labels.unset : String(n))
  switch (finding.rule) {
    case 'stageWithoutTouchpoints':
      return { id: finding.rule, params: { stage: finding.stage.title } }
    case 'emptyLane':
      return { id: finding.rule, params: { lane: finding.lane.title } }
    case 'missingCurve':
      return { id: finding.rule, params: { series: finding.series.name } }
    case 'incompleteCurve':
      return {
        id: finding.rule,
        params: { series: finding.series.name, stages: listOf(finding.missing.map((s) => s.title)) }
      }
    case 'painHotspot':
      return {
        id: finding.rule,
        params: {
          series: finding.series.name,
          stage: finding.stage.title,
          pain: amount(finding.pain),
          score: finding.score === null ? labels.unset : formatScore(finding.score)
        }
      }
    case 'emotionDrop':
      return {
        id: finding.rule,
        params: {
          series: finding.series.name,
          drop: amount(finding.drop),
          from: finding.from.title,
          fromScore: formatScore(finding.from.score),
          to: finding.to.title,
          toScore: formatScore(finding.to.score)
        }
      }
    case 'kpiMiss':
      return {
        id: finding.rule,
        params: {
          name: finding.name,
          stage: finding.stage.title,
          value: formatKpiValue(finding.value, finding.unit),
          target: `${finding.direction === 'higher' ? '≥' : '≤'} ${formatKpiValue(finding.target, finding.unit)}`
        }
      }
    case 'funnelDrop':
      return {
        id: finding.rule,
        params: {
          dropOff: formatShare(finding.dropOff),
          metric: finding.metric,
          from: finding.from.title,
          fromValue: formatKpiValue(finding.from.value, finding.unit),
          to: finding.to.title,
          toValue: formatKpiValue(finding.to.value, finding.unit)
        }
      }
    case 'assumptionOnly':
      return {
        id: finding.rule,
        params: { text: finding.text.replace(/\s+/g, ' ').trim(), stage: finding.stage.title }
      }
    case 'channelSpread':
      return {
        id: finding.rule,
        params: {
          channel: labels.channel(finding.channel),
          high: finding.high.title,
          highScore: formatScore(finding.high.score),
          low: finding.low.title,
          lowScore: formatScore(finding.low.score)
        }
      }
    case 'personaDivergence':
      return {
        id: finding.rule,
        params: {
          stage: finding.stage.title,
          high: finding.high.name,
          highScore: formatScore(finding.high.score),
          low: finding.low.name,
          lowScore: formatScore(finding.low.score)
        }
      }
    case 'opportunity': {
      const common = {
        text: finding.text.replace(/\s+/g, ' ').trim(),
        stage: finding.stage.title,
        impact: orUnset(finding.impact),
        effort: orUnset(finding.effort)
      }
      if (finding.rank === null || finding.score === null || finding.quadrant === null) {
        return { id: 'opportunityUnrated', params: common }
      }
      return {
        id: 'opportunity',
        params: {
          ...common,
          rank: String(finding.rank),
          score: String(finding.score),
          quadrant: labels.quadrant(finding.quadrant)
        }
      }
    }
  }
}

/** Fills a sentence's {placeholders}. */
export function fillText(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)
}

/** A finding as an English sentence. */
export function describeFinding(finding: Finding): string {
  const { id, params } = findingMessage(finding)
  return fillText(FINDING_TEXT[id], params)
}
