/**
 * Badges: KPI chips in the KPI lane and dot-vote counts on notes.
 *
 * In a lane of kind "kpis", each stage's KPIs stack at the top of its cell, above its notes: a
 * chip with the KPI's name, then its value and target, and a bar on its left edge coloured by
 * how the value stands against the target (green met, amber within 10% of it, red missed, grey
 * not judged; see analysis/kpi). A note with dot votes gets a round count on its top-left corner
 * (pain-point markers take the top-right one).
 */
import { formatKpiValue, kpiStatus, type KpiStatus } from '../analysis/kpi'
import type { JourneyMap, Lane, Metric, Stage } from '../model'
import { byOrder, cellId, singleLine, textBlock, type Band, type Wrapper } from './common'
import { COLORS, font, LAYOUT } from './metrics'
import type { BadgeItem, NoteItem } from './scene'

const CHIP = {
  height: 40,
  gap: 6,
  padX: 8,
  padY: 5,
  accentWidth: 4,
  radius: 4,
  nameFont: font(12, 'bold'),
  nameLineHeight: 16,
  valueFont: font(11),
  valueLineHeight: 14
} as const

/** Chip colours by status: the bar, and the chip's pale fill. */
export const KPI_COLORS: Readonly<Record<KpiStatus, { readonly bar: string; readonly fill: string }>> = {
  met: { bar: '#2f9e44', fill: '#ebfbee' },
  near: { bar: '#f59f00', fill: '#fff9db' },
  missed: { bar: '#e03131', fill: '#fff5f5' },
  unknown: { bar: '#adb5bd', fill: '#f8f9fa' }
}

const VOTE = { height: 18, padX: 5, font: font(11, 'bold'), fill: '#3b5bdb', ink: '#ffffff' } as const

/** "3% · target ≥ 5%", "— · target ≤ 2 h", "42 pts". */
export function kpiLine(metric: Pick<Metric, 'value' | 'target' | 'unit' | 'direction'>): string {
  const value = metric.value === null ? '—' : formatKpiValue(metric.value, metric.unit)
  if (metric.target === null) return value
  return `${value} · target ${metric.direction === 'higher' ? '≥' : '≤'} ${formatKpiValue(metric.target, metric.unit)}`
}

/** The KPIs each KPI-lane cell shows, and how much of the cell they take above its notes. */
export interface KpiStacks {
  /** Height of the chips in a cell (0 for none). */
  height(cell: string): number
  /** Chips of every cell, once rows and columns are placed. */
  badges(rows: readonly Band<Lane>[], columns: readonly Band<Stage>[], wrap: Wrapper): BadgeItem[]
}

export function kpiStacks(map: JourneyMap, lanes: readonly Lane[], columns: readonly Band<Stage>[]): KpiStacks {
  const byCell = new Map<string, Metric[]>()
  const kpiLanes = lanes.filter((l) => l.kind === 'kpis' && !l.collapsed)
  if (kpiLanes.length > 0 && map.metrics.length > 0) {
    const byStage = new Map<string, Metric[]>()
    for (const metric of byOrder(map.metrics)) {
      const list = byStage.get(metric.stageId)
      if (list) list.push(metric)
      else byStage.set(metric.stageId, [metric])
    }
    for (const column of columns) {
      const metrics = byStage.get(column.item.id)
      if (column.collapsed || !metrics) continue
      for (const lane of kpiLanes) byCell.set(cellId(column.item.id, lane.id), metrics)
    }
  }
  const heightOf = (count: number) => (count === 0 ? 0 : count * CHIP.height + (count - 1) * CHIP.gap)
  return {
    height: (cell) => heightOf(byCell.get(cell)?.length ?? 0),
    badges(rows, cols, wrap) {
      const out: BadgeItem[] = []
      for (const row of rows) {
        for (const column of cols) {
          const metrics = byCell.get(cellId(column.item.id, row.item.id))
          if (!metrics) continue
          const x = column.start + LAYOUT.cellPadding
          const w = column.size - 2 * LAYOUT.cellPadding
          metrics.forEach((metric, i) => {
            const y = row.start + LAYOUT.cellPadding + i * (CHIP.height + CHIP.gap)
            out.push(kpiChip(metric, x, y, w, wrap))
          })
        }
      }
      return out
    }
  }
}

function kpiChip(metric: Metric, x: number, y: number, w: number, wrap: Wrapper): BadgeItem {
  const status = kpiStatus(metric)
  const colors = KPI_COLORS[status]
  const textX = x + CHIP.accentWidth + CHIP.padX
  const textWidth = Math.max(1, w - CHIP.accentWidth - 2 * CHIP.padX)
  const name = singleLine(wrap, metric.name, textWidth, CHIP.nameFont)
  const line = singleLine(wrap, kpiLine(metric), textWidth, CHIP.valueFont)
  return {
    kind: 'badge',
    id: `kpi:${metric.id}`,
    role: 'kpi',
    targetId: metric.id,
    x,
    y,
    w,
    h: CHIP.height,
    fill: colors.fill,
    stroke: COLORS.line,
    cornerRadius: CHIP.radius,
    accent: { x, y, w: CHIP.accentWidth, h: CHIP.height, fill: colors.bar },
    texts: [
      textBlock(name, textX, y + CHIP.padY, CHIP.nameFont, CHIP.nameLineHeight, COLORS.ink),
      textBlock(
        line,
        textX,
        y + CHIP.padY + CHIP.nameLineHeight,
        CHIP.valueFont,
        CHIP.valueLineHeight,
        status === 'missed' ? '#c92a2a' : COLORS.muted
      )
    ]
  }
}

/** A round count of dot votes on the top-left corner of every drawn note that has any. */
export function voteBadges(map: JourneyMap, notes: readonly NoteItem[], wrap: Wrapper): BadgeItem[] {
  const votes = new Map<string, number>()
  for (const n of map.notes) if (n.votes > 0) votes.set(n.id, n.votes)
  if (votes.size === 0) return []
  const out: BadgeItem[] = []
  for (const note of notes) {
    const count = votes.get(note.id)
    if (count === undefined) continue
    const text = singleLine(wrap, String(count), 60, VOTE.font)
    const w = Math.max(VOTE.height, (text.lines[0]?.width ?? 0) + 2 * VOTE.padX)
    const x = note.x - 5
    const y = note.y - 7
    out.push({
      kind: 'badge',
      id: `votes:${note.id}`,
      role: 'votes',
      targetId: note.id,
      x,
      y,
      w,
      h: VOTE.height,
      fill: VOTE.fill,
      stroke: '#ffffff',
      cornerRadius: VOTE.height / 2,
      accent: null,
      texts: [textBlock(text, x, y, VOTE.font, VOTE.height, VOTE.ink, 'center', w)]
    })
  }
  return out
}

const AUTHOR = { height: 16, padX: 5, font: font(10, 'bold'), ink: '#ffffff', maxWidth: 90 } as const

/** The name of the participant who added a note, as a tag in their colour on its bottom-left edge (open comments take the bottom-right corner). */
export function authorBadges(
  authors: ReadonlyMap<string, { readonly name: string; readonly color: string }> | undefined,
  notes: readonly NoteItem[],
  wrap: Wrapper
): BadgeItem[] {
  if (!authors || authors.size === 0) return []
  const out: BadgeItem[] = []
  for (const note of notes) {
    const author = authors.get(note.id)
    if (!author) continue
    const text = singleLine(wrap, author.name, AUTHOR.maxWidth, AUTHOR.font)
    const w = (text.lines[0]?.width ?? 0) + 2 * AUTHOR.padX
    const x = note.x + 4
    const y = note.y + note.h - AUTHOR.height / 2
    out.push({
      kind: 'badge',
      id: `author:${note.id}`,
      role: 'author',
      targetId: note.id,
      x,
      y,
      w,
      h: AUTHOR.height,
      fill: author.color,
      stroke: '#ffffff',
      cornerRadius: AUTHOR.height / 2,
      accent: null,
      texts: [textBlock(text, x, y, AUTHOR.font, AUTHOR.height, AUTHOR.ink, 'center', w)]
    })
  }
  return out
}

const COMMENTS = { height: 18, padX: 5, font: font(11, 'bold'), fill: '#b8440b', ink: '#ffffff' } as const

/** The number of open (unresolved) comments, in a tab at a note's bottom-right corner. */
export function commentBadges(map: JourneyMap, notes: readonly NoteItem[], wrap: Wrapper): BadgeItem[] {
  const open = new Map<string, number>()
  for (const n of map.notes) {
    const count = n.comments?.filter((c) => !c.resolved).length ?? 0
    if (count > 0) open.set(n.id, count)
  }
  if (open.size === 0) return []
  const out: BadgeItem[] = []
  for (const note of notes) {
    const count = open.get(note.id)
    if (count === undefined) continue
    const text = singleLine(wrap, `\u201C${count}`, 60, COMMENTS.font)
    const w = Math.max(COMMENTS.height, (text.lines[0]?.width ?? 0) + 2 * COMMENTS.padX)
    const x = note.x + note.w - w + 5
    const y = note.y + note.h - COMMENTS.height + 7
    out.push({
      kind: 'badge',
      id: `comments:${note.id}`,
      role: 'comments',
      targetId: note.id,
      x,
      y,
      w,
      h: COMMENTS.height,
      fill: COMMENTS.fill,
      stroke: '#ffffff',
      cornerRadius: 4,
      accent: null,
      texts: [textBlock(text, x, y, COMMENTS.font, COMMENTS.height, COMMENTS.ink, 'center', w)]
    })
  }
  return out
}
