/**
 * The analysis of a map as a report: the findings by category, each with its English sentence.
 * `cli analyze` prints it (as lines, or as JSON with --json); it is plain data.
 */
import type { JourneyMap } from '../model'
import { analyzeMap } from './index'
import type { AnalysisPersona } from './context'
import { CATEGORY_TEXT, describeFinding } from './messages'
import { CATEGORY_LIST, FINDING_CATEGORIES, type Finding, type FindingCategory } from './types'

export interface AnalysisReport {
  readonly map: { readonly id: string; readonly title: string }
  readonly sections: readonly {
    readonly category: FindingCategory
    readonly title: string
    readonly findings: readonly (Finding & { readonly message: string })[]
  }[]
}

export function analysisReport(map: JourneyMap, personas: readonly AnalysisPersona[]): AnalysisReport {
  const findings = analyzeMap(map, personas)
  return {
    map: { id: map.id, title: map.title },
    sections: FINDING_CATEGORIES.map((category) => ({
      category,
      title: CATEGORY_TEXT[category],
      findings: (findings[CATEGORY_LIST[category]] as readonly Finding[]).map((f) => ({
        ...f,
        message: describeFinding(f)
      }))
    }))
  }
}
