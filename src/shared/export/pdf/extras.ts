/**
 * The optional pages after the board: one section per persona of the map, and a table of the
 * notes (with the stage's KPIs) for each stage. Text is wrapped with the same measure as the
 * board and drawn with the same per-glyph font fallback, so any script prints.
 */
import { FONT_FAMILY, wrapText, type Font } from '../../layout'
import type { JourneyMap, Metric, Note, Persona } from '../../model'
import type { PageOrientation, PaperSize, PdfLabels } from './options'
import { fill } from './options'
import { MARGIN, paperSize } from './pages'
import type { PdfSurface } from './surface'

export const INK = '#1f2430'
export const MUTED = '#5b6272'
const RULE = '#d9dce3'
export const HEADER_FILL = '#eef1f6'
const GOOD = '#2b8a3e'
export const BAD = '#c92a2a'

const font = (size: number, weight: Font['weight'] = 'normal'): Font => ({
  family: FONT_FAMILY,
  size,
  weight,
  style: 'normal'
})

/** Pages of flowing content: a cursor that starts a new page when the next block does not fit. */
export class Flow {
  y = 0
  readonly width: number
  readonly height: number

  constructor(
    readonly surface: PdfSurface,
    paper: PaperSize,
    orientation: PageOrientation,
    private readonly onNewPage: (flow: Flow) => void
  ) {
    // A map-sized board page has no paper size for the pages after it: those are A4.
    const size = paperSize(paper === 'fit' ? 'a4' : paper, orientation === 'auto' ? 'portrait' : orientation)
    this.width = size.w
    this.height = size.h
  }

  get left(): number {
    return MARGIN
  }
  get right(): number {
    return this.width - MARGIN
  }
  get bottom(): number {
    return this.height - MARGIN
  }

  newPage(): void {
    this.surface.doc.addPage([this.width, this.height], this.width > this.height ? 'landscape' : 'portrait')
    this.surface.pageStarted()
    this.y = MARGIN
    this.onNewPage(this)
  }

  /** Makes room for `height` points, on a new page when this one is too full. */
  need(height: number): void {
    if (this.y + height > this.bottom && this.y > MARGIN + 1) this.newPage()
  }

  /**
   * Before a heading: room for the heading and what follows it (`next`, e.g. a table's header
   * row and first row), so a heading is never left alone at the bottom of a page. What cannot
   * fit on a page at all starts at the top of one.
   */
  keepWithNext(heading: number, next: number): void {
    this.need(Math.min(heading + next, this.bottom - MARGIN))
  }

  wrap(text: string, width: number, size: number, weight: Font['weight'] = 'normal'): string[] {
    return wrapText(text, width, font(size, weight), this.surface.fonts.measure).lines.map((l) => l.text)
  }

  /** Draws lines from the cursor down, breaking pages between lines. */
  lines(lines: readonly string[], x: number, size: number, lineHeight: number, weight: Font['weight'], color: string) {
    for (const line of lines) {
      this.need(lineHeight)
      this.surface.pageText(line, x, this.y + (lineHeight + 0.71 * size) / 2, size, weight, color)
      this.y += lineHeight
    }
  }

  rule(color = RULE): void {
    this.surface.pageLine(this.left, this.y, this.right, this.y, color, 0.5)
  }
}

export interface ExtrasContext {
  readonly surface: PdfSurface
  readonly map: JourneyMap
  readonly personas: readonly Persona[]
  readonly labels: PdfLabels
  readonly paper: PaperSize
  readonly orientation: PageOrientation
  /** Draws the page's running header/footer parts that do not depend on the content. */
  readonly decorate: () => void
}

/** One section per persona of the map (in the map's order), each starting on a new page. */
export function writePersonaPages(ctx: ExtrasContext): void {
  const linked = ctx.map.personaIds
    .map((id) => ctx.personas.find((p) => p.id === id))
    .filter((p): p is Persona => p !== undefined)
  if (linked.length === 0) return
  const flow = new Flow(ctx.surface, ctx.paper, ctx.orientation, () => ctx.decorate())
  const L = ctx.labels
  for (const persona of linked) {
    flow.newPage()
    const s = ctx.surface
    // Avatar: the persona's colour with its initials, as in the app.
    const r = 20
    s.fillPageCircle(flow.left + r, flow.y + r, r, persona.color)
    const initials = persona.initials.slice(0, 3)
    const iw = s.textWidth(initials, 13, 'bold')
    s.pageText(initials, flow.left + r - iw / 2, flow.y + r + 4.6, 13, 'bold', '#ffffff')
    const textX = flow.left + 2 * r + 12
    const nameLines = flow.wrap(persona.name, flow.right - textX, 16, 'bold')
    let y = flow.y + 4
    for (const line of nameLines) {
      s.pageText(line, textX, y + 15, 16, 'bold', INK)
      y += 20
    }
    if (persona.role.trim()) {
      for (const line of flow.wrap(persona.role, flow.right - textX, 10.5)) {
        s.pageText(line, textX, y + 11, 10.5, 'normal', MUTED)
        y += 14
      }
    }
    flow.y = Math.max(flow.y + 2 * r, y) + 14
    if (persona.quote.trim()) {
      flow.lines(
        flow.wrap(`“${persona.quote.trim()}”`, flow.right - flow.left - 12, 11),
        flow.left + 12,
        11,
        15,
        'normal',
        INK
      )
      flow.y += 8
    }
    const rows: [string, string][] = [
      [L.fields.age, persona.demographics.age],
      [L.fields.location, persona.demographics.location],
      [L.fields.education, persona.demographics.education],
      [L.fields.income, persona.demographics.income],
      [L.fields.companySize, persona.firmographics.companySize],
      [L.fields.industry, persona.firmographics.industry],
      [L.fields.revenue, persona.firmographics.revenue],
      [L.fields.goals, persona.goals],
      [L.fields.painPoints, persona.painPoints],
      [L.fields.behaviour, persona.behaviour],
      [L.fields.channels, persona.channels.map((c) => L.channels[c] ?? c).join(', ')],
      [L.fields.segmentNotes, persona.segmentNotes]
    ]
    const keyWidth = 120
    for (const [key, value] of rows) {
      if (!value.trim()) continue
      const valueLines = value
        .split(/\r?\n/)
        .flatMap((paragraph) => flow.wrap(paragraph, flow.right - flow.left - keyWidth, 10))
      flow.need(Math.min(valueLines.length, 3) * 14 + 6)
      flow.rule()
      flow.y += 4
      s.pageText(key, flow.left, flow.y + 10.5, 9, 'bold', MUTED)
      flow.lines(valueLines, flow.left + keyWidth, 10, 14, 'normal', INK)
      flow.y += 4
    }
  }
}

/** For each stage: its title, its KPIs against their targets, and its notes lane by lane. */
export function writeNotesTable(ctx: ExtrasContext, personas: readonly Persona[]): void {
  const L = ctx.labels
  const s = ctx.surface
  const flow = new Flow(ctx.surface, ctx.paper, ctx.orientation, () => ctx.decorate())
  const stages = [...ctx.map.stages].sort((a, b) => a.order - b.order)
  const lanes = [...ctx.map.lanes].sort((a, b) => a.order - b.order)
  const personaName = new Map(personas.map((p) => [p.id, p.name]))
  const size = 9
  const lineHeight = 12
  const pad = 4
  const tableWidth = () => flow.right - flow.left
  const columns = () => {
    const w = tableWidth()
    return [
      { x: flow.left, w: w * 0.2 },
      { x: flow.left + w * 0.2, w: w * 0.5 },
      { x: flow.left + w * 0.7, w: w * 0.3 }
    ]
  }
  const headerRow = () => {
    const cols = columns()
    s.fillPageRect(flow.left, flow.y, tableWidth(), lineHeight + 2 * pad, HEADER_FILL)
    ;[L.lane, L.note, L.details].forEach((title, i) => {
      s.pageText(title, cols[i]!.x + pad, flow.y + pad + (lineHeight + 0.71 * size) / 2, size, 'bold', INK)
    })
    flow.y += lineHeight + 2 * pad
  }

  flow.newPage()
  flow.lines([L.notesTable], flow.left, 16, 22, 'bold', INK)
  flow.y += 6
  for (const stage of stages) {
    const notes = ctx.map.notes.filter((n) => n.stageId === stage.id)
    const metrics = ctx.map.metrics.filter((m) => m.stageId === stage.id).sort((a, b) => a.order - b.order)
    const title = flow.wrap(stage.title, tableWidth(), 13, 'bold')
    const metricLines = metrics.map((metric) => {
      const { text, color } = metricLine(metric, L)
      return { lines: flow.wrap(text, tableWidth(), size), color }
    })
    const metricsHeight = metricLines.reduce((sum, m) => sum + m.lines.length * lineHeight, metrics.length > 0 ? 2 : 0)
    const firstRow = notes.length === 0 ? lineHeight : 2 * (lineHeight + 2 * pad)
    // The stage's title, its KPIs and the table's first row stay on one page.
    flow.keepWithNext(6 + title.length * 18, metricsHeight + 4 + firstRow)
    flow.y += 6
    flow.lines(title, flow.left, 13, 18, 'bold', INK)
    if (metrics.length > 0) {
      flow.y += 2
      for (const { lines, color } of metricLines) flow.lines(lines, flow.left, size, lineHeight, 'normal', color)
    }
    flow.y += 4
    if (notes.length === 0) {
      flow.lines([L.noNotes], flow.left, size, lineHeight, 'normal', MUTED)
      continue
    }
    headerRow()
    for (const lane of lanes) {
      const laneNotes = notes.filter((n) => n.laneId === lane.id).sort((a, b) => a.order - b.order)
      laneNotes.forEach((note, index) => {
        const cols = columns()
        const cells = [
          index === 0 ? flow.wrap(lane.title, cols[0]!.w - 2 * pad, size, 'bold') : [],
          [
            ...note.text.split(/\r?\n/),
            // Comments below the note's text, oldest first; a resolved one says so.
            ...(note.comments ?? []).map((c) =>
              [
                '  ' +
                  fill(
                    L.comment,
                    { author: c.author || '—', date: c.at.slice(0, 10), text: c.text.replace(/\s+/g, ' ') },
                    L.locale
                  ),
                c.resolved ? L.resolved : ''
              ]
                .filter(Boolean)
                .join(' ')
            )
          ].flatMap((p) => flow.wrap(p, cols[1]!.w - 2 * pad, size)),
          flow.wrap(details(note, L, personaName), cols[2]!.w - 2 * pad, size)
        ]
        const rowLines = Math.max(1, ...cells.map((c) => c.length))
        const rowHeight = rowLines * lineHeight + 2 * pad
        if (flow.y + rowHeight > flow.bottom) {
          flow.newPage()
          headerRow()
        }
        cells.forEach((lines, i) => {
          lines.forEach((line, k) => {
            const baseline = flow.y + pad + k * lineHeight + (lineHeight + 0.71 * size) / 2
            s.pageText(line, cols[i]!.x + pad, baseline, size, i === 0 ? 'bold' : 'normal', i === 2 ? MUTED : INK)
          })
        })
        flow.y += rowHeight
        flow.rule()
      })
    }
  }
}

function details(note: Note, L: PdfLabels, personaName: ReadonlyMap<string, string>): string {
  const parts = [L.kinds[note.kind] ?? note.kind]
  if (note.channel) parts.push(L.channels[note.channel] ?? note.channel)
  if (note.category) parts.push(L.categories[note.category] ?? note.category)
  const names = note.personaIds.map((id) => personaName.get(id)).filter((n): n is string => n !== undefined)
  if (names.length > 0) parts.push(names.join(', '))
  if (note.votes > 0) parts.push(fill(L.votes, { count: note.votes }, L.locale))
  if (note.severity !== null) parts.push(fill(L.severity, { value: note.severity }, L.locale))
  if (note.impact !== null) parts.push(fill(L.impact, { value: note.impact }, L.locale))
  if (note.effort !== null) parts.push(fill(L.effort, { value: note.effort }, L.locale))
  return parts.join(' · ')
}

/** "NPS: 32 pts (target 40 pts)", red when it misses the target in the KPI's direction, green when it meets it. */
export function metricLine(metric: Metric, L: PdfLabels): { text: string; color: string } {
  const unit = metric.unit ? ` ${metric.unit}` : ''
  const value = metric.value === null ? L.notMeasured : `${formatNumber(metric.value)}${unit}`
  const target =
    metric.target === null ? '' : ` (${fill(L.target, { value: `${formatNumber(metric.target)}${unit}` }, L.locale)})`
  let color = INK
  if (metric.value !== null && metric.target !== null) {
    const met = metric.direction === 'higher' ? metric.value >= metric.target : metric.value <= metric.target
    color = met ? GOOD : BAD
  }
  return { text: `${metric.name}: ${value}${target}`, color }
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100))
