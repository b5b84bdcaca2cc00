/**
 * Analysis of a journey map: gaps, hotspots, bottlenecks, inconsistencies and ranked
 * opportunities, computed from the map alone (and persona names). Pure: the app's analysis
 * panel and `cli analyze` show the same findings. The rules and their thresholds are described
 * in each rule's module; THRESHOLDS holds the numbers.
 */
import type { JourneyMap } from '../model'
import { findBottlenecks } from './bottlenecks'
import { createContext, type AnalysisOptions, type AnalysisPersona } from './context'
import { findGaps } from './gaps'
import { findHotspots } from './hotspots'
import { findInconsistencies } from './inconsistencies'
import { rankOpportunities } from './opportunities'
import { CATEGORY_LIST, FINDING_CATEGORIES, type Finding, type Findings } from './types'

export type * from './types'
export { THRESHOLDS, type AnalysisOptions, type AnalysisPersona } from './context'
export { KPI_AMBER_TOLERANCE, formatKpiNumber, formatKpiValue, kpiShortfall, kpiStatus, type KpiStatus } from './kpi'
export { opportunityScore, quadrantOf } from './opportunities'
export {
  activeParticipant,
  castVote,
  effectiveCasts,
  notesInScope,
  remainingVotes,
  startRound,
  takeBackVote,
  voteRanking,
  voteRefusal,
  type RankedNote,
  type RoundScope,
  type RoundSettings,
  type VoteCast,
  type VoteRefusal,
  type VoteRound
} from './votes'
export {
  CATEGORY_TEXT,
  CHANNEL_TEXT,
  ENGLISH_LABELS,
  FINDING_TEXT,
  QUADRANT_TEXT,
  describeFinding,
  fillText,
  findingMessage,
  formatScore,
  type FindingLabels,
  type FindingMessageId
} from './messages'
export { CATEGORY_LIST, FINDING_CATEGORIES } from './types'

/** Everything the analysis finds in `map`; `personas` gives the linked personas their names. */
export function analyzeMap(
  map: JourneyMap,
  personas: readonly AnalysisPersona[] = [],
  options: AnalysisOptions = {}
): Findings {
  const ctx = createContext(map, personas, options)
  return {
    gaps: findGaps(ctx),
    hotspots: findHotspots(ctx),
    bottlenecks: findBottlenecks(ctx),
    inconsistencies: findInconsistencies(ctx),
    opportunities: rankOpportunities(ctx)
  }
}

/** Every finding, category by category in FINDING_CATEGORIES order. */
export function allFindings(findings: Findings): Finding[] {
  return FINDING_CATEGORIES.flatMap((c) => findings[CATEGORY_LIST[c]] as readonly Finding[])
}
