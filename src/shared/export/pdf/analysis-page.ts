/**
 * The optional analysis pages after the board: the findings of src/shared/analysis by category
 * (gaps, hotspots, bottlenecks, inconsistencies), each as its sentence, then the ranking of the
 * opportunities as a table. The same findings as the app's analysis panel and `cli analyze`;
 * text goes through the surface's per-glyph font fallback, so any script prints.
 */
import { analyzeMap, type Finding, type FindingCategory, type Severity } from '../../analysis'
import type { Persona } from '../../model'
import { BAD, Flow, HEADER_FILL, INK, MUTED, type ExtrasContext } from './extras'

const SECTIONS = [
  ['gap', 'gaps'],
  ['hotspot', 'hotspots'],
  ['bottleneck', 'bottlenecks'],
  ['inconsistency', 'inconsistencies']
] as const satisfies readonly (readonly [FindingCategory, string])[]

/** The dot before a finding: act on it (red), worth discussing (amber), worth a look (grey). */
const SEVERITY_COLOR: Readonly<Record<Severity, string>> = { 3: BAD, 2: '#e8590c', 1: '#adb5bd' }

export function writeAnalysisPages(ctx: ExtrasContext, personas: readonly Persona[]): void {
  const L = ctx.labels
  const s = ctx.surface
  const findings = analyzeMap(ctx.map, personas)
  const flow = new Flow(ctx.surface, ctx.paper, ctx.orientation, () => ctx.decorate())
  const size = 9.5
  const lineHeight = 13
  const indent = 14

  /** A section's title, kept on one page with the first `next` points of what follows it. */
  const sectionTitle = (title: string, next: number) => {
    const lines = flow.wrap(title, flow.right - flow.left, 13, 'bold')
    flow.keepWithNext(6 + lines.length * 18 + 2, next)
    flow.y += 6
    flow.lines(lines, flow.left, 13, 18, 'bold', INK)
    flow.y += 2
  }
  const findingLines = (finding: Finding) => flow.wrap(L.finding(finding), flow.right - flow.left - indent, size)

  flow.newPage()
  flow.lines(flow.wrap(L.analysis, flow.right - flow.left, 16, 'bold'), flow.left, 16, 22, 'bold', INK)
  flow.y += 4
  for (const [category, list] of SECTIONS) {
    const items: readonly Finding[] = findings[list]
    sectionTitle(L.findingCategories[category], items[0] ? findingLines(items[0]).length * lineHeight : lineHeight)
    if (items.length === 0) {
      flow.lines([L.noFindings], flow.left, size, lineHeight, 'normal', MUTED)
      continue
    }
    for (const finding of items) {
      const lines = findingLines(finding)
      flow.need(lineHeight)
      s.fillPageCircle(flow.left + 4, flow.y + lineHeight / 2, 2.6, SEVERITY_COLOR[finding.severity])
      flow.lines(lines, flow.left + indent, size, lineHeight, 'normal', INK)
      flow.y += 2
    }
  }

  const pad = 4
  const columns = () => {
    const w = flow.right - flow.left
    const narrow = Math.min(56, w * 0.1)
    const stage = w * 0.2
    const text = w - 4 * narrow - stage
    const xs = [0, narrow, narrow + text, narrow + text + stage, 2 * narrow + text + stage, 3 * narrow + text + stage]
    const widths = [narrow, text, stage, narrow, narrow, narrow]
    return xs.map((x, i) => ({ x: flow.left + x, w: widths[i]! }))
  }
  const headerRow = () => {
    const cols = columns()
    s.fillPageRect(flow.left, flow.y, flow.right - flow.left, lineHeight + 2 * pad, HEADER_FILL)
    const R = L.ranking
    ;[R.rank, R.opportunity, R.stage, R.impact, R.effort, R.score].forEach((title, i) => {
      s.pageText(title, cols[i]!.x + pad, flow.y + pad + (lineHeight + 0.71 * size) / 2, size, 'bold', INK)
    })
    flow.y += lineHeight + 2 * pad
  }
  const orUnset = (n: number | null) => (n === null ? L.unset : String(n))
  const cellsOf = (opportunity: (typeof findings.opportunities)[number]) => {
    const cols = columns()
    return [
      [orUnset(opportunity.rank)],
      opportunity.text.split(/\r?\n/).flatMap((p) => flow.wrap(p, cols[1]!.w - 2 * pad, size)),
      flow.wrap(opportunity.stage.title, cols[2]!.w - 2 * pad, size),
      [orUnset(opportunity.impact)],
      [orUnset(opportunity.effort)],
      [orUnset(opportunity.score)]
    ]
  }
  const rowHeightOf = (cells: readonly string[][]) => Math.max(1, ...cells.map((c) => c.length)) * lineHeight + 2 * pad

  const first = findings.opportunities[0]
  // The title stays with the table's header row and its first row ("Opportunities ranked" is
  // never the last line of a page).
  sectionTitle(L.findingCategories.opportunity, first ? lineHeight + 2 * pad + rowHeightOf(cellsOf(first)) : lineHeight)
  if (!first) {
    flow.lines([L.noFindings], flow.left, size, lineHeight, 'normal', MUTED)
    return
  }
  headerRow()
  for (const opportunity of findings.opportunities) {
    const cols = columns()
    const cells = cellsOf(opportunity)
    const rowHeight = rowHeightOf(cells)
    if (flow.y + rowHeight > flow.bottom) {
      flow.newPage()
      headerRow()
    }
    cells.forEach((lines, i) => {
      lines.forEach((line, k) => {
        const baseline = flow.y + pad + k * lineHeight + (lineHeight + 0.71 * size) / 2
        const weight = i === 0 || i === 5 ? 'bold' : 'normal'
        s.pageText(line, cols[i]!.x + pad, baseline, size, weight, i === 2 ? MUTED : INK)
      })
    })
    flow.y += rowHeight
    flow.rule()
  }
}
