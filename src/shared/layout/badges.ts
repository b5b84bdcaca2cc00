/**
 * Badges: KPI chips in the KPI lane and dot-vote counts on notes.
 *
 * In a lane of kind "kpis", each stage's KPIs stack at the top of its cell, above its notes: a
 * chip with the KPI's name, then its value and target, and a bar on its left edge coloured by
 * how the value stands against the target (green met, amber within 10% of it, red missed, grey
 * not judged; see analysis/kpi). A note with dot votes gets a round count on its top-left corner
 * (pain-point markers take the top-right one).
 */
import { formatShare, funnelSteps, kpiTrend, type FunnelStep } from '../analysis/funnel'
import { formatKpiValue, kpiStatus, type KpiStatus } from '../analysis/kpi'
import type { JourneyMap, KpiValue, Lane, Metric, Path, Stage } from '../model'
import { faded, FADED_INK, otherPath } from './paths'
import {
  byOrder,
  cellId,
  DEFAULT_LABELS,
  fillLabel,
  singleLine,
  textBlock,
  type Band,
  type SeriesLabels,
  type Wrapper
} from './common'
import { COLORS, font, LAYOUT } from './metrics'
import type { BadgeItem, NoteItem, Point } from './scene'

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

/** A chip in a KPI cell: a KPI, or the funnel step into the stage (first). */
type Chip = { readonly metric: Metric } | { readonly step: FunnelStep }

export function kpiStacks(
  map: JourneyMap,
  lanes: readonly Lane[],
  columns: readonly Band<Stage>[],
  path: Path | null = null,
  labels: SeriesLabels = DEFAULT_LABELS
): KpiStacks {
  const byCell = new Map<string, Chip[]>()
  const kpiLanes = lanes.filter((l) => l.kind === 'kpis' && !l.collapsed)
  const focus = path?.id ?? null
  const histories = new Map<string, KpiValue[]>()
  for (const v of map.kpiValues) {
    const list = histories.get(v.metricId)
    if (list) list.push(v)
    else histories.set(v.metricId, [v])
  }
  for (const list of histories.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const stepsInto = new Map<string, FunnelStep[]>()
  for (const step of funnelSteps(map, path)) stepsInto.set(step.to.id, [...(stepsInto.get(step.to.id) ?? []), step])
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
      const steps = stepsInto.get(column.item.id) ?? []
      const chips: Chip[] = [...steps.map((step) => ({ step })), ...metrics.map((metric) => ({ metric }))]
      for (const lane of kpiLanes) byCell.set(cellId(column.item.id, lane.id), chips)
    }
  }
  const heightOf = (count: number) => (count === 0 ? 0 : count * CHIP.height + (count - 1) * CHIP.gap)
  return {
    height: (cell) => heightOf(byCell.get(cell)?.length ?? 0),
    badges(rows, cols, wrap) {
      const out: BadgeItem[] = []
      for (const row of rows) {
        for (const column of cols) {
          const chips = byCell.get(cellId(column.item.id, row.item.id))
          if (!chips) continue
          const x = column.start + LAYOUT.cellPadding
          const w = column.size - 2 * LAYOUT.cellPadding
          chips.forEach((chip, i) => {
            const y = row.start + LAYOUT.cellPadding + i * (CHIP.height + CHIP.gap)
            if ('step' in chip) out.push(funnelChip(chip.step, x, y, w, wrap, labels))
            else {
              const history = histories.get(chip.metric.id) ?? []
              out.push(kpiChip(chip.metric, x, y, w, wrap, history, otherPath(focus, chip.metric.pathId)))
            }
          })
        }
      }
      return out
    }
  }
}

/** Space a sparkline takes at the right of a KPI chip. */
const SPARK = { width: 52, padY: 9, stroke: '#495057' } as const

/** A trend as an arrow: up, down or flat. */
const TREND_ARROW = { up: '↑', down: '↓', flat: '→' } as const

/** The sparkline of a history inside a box (at least two values), oldest left. */
function sparkPoints(history: readonly KpiValue[], x: number, y: number, w: number, h: number): Point[] {
  const values = history.map((v) => v.value)
  const min = Math.min(...values)
  const max = Math.max(...values)
  const span = max - min || 1
  return values.map((v, i) => ({
    x: x + (values.length === 1 ? w / 2 : (i / (values.length - 1)) * w),
    y: y + h - ((v - min) / span) * h
  }))
}

function kpiChip(
  metric: Metric,
  x: number,
  y: number,
  w: number,
  wrap: Wrapper,
  history: readonly KpiValue[] = [],
  dim = false
): BadgeItem {
  const status = kpiStatus(metric)
  const colors = dim ? { bar: faded(KPI_COLORS[status].bar), fill: '#f8f9fa' } : KPI_COLORS[status]
  const textX = x + CHIP.accentWidth + CHIP.padX
  const showSpark = history.length >= 2 && w >= 150
  const textWidth = Math.max(1, w - CHIP.accentWidth - 2 * CHIP.padX - (showSpark ? SPARK.width + CHIP.padX : 0))
  const trend = kpiTrend(metric, history)
  const arrow = trend ? ` ${TREND_ARROW[trend.trend]}` : ''
  const name = singleLine(wrap, metric.name, textWidth, CHIP.nameFont)
  const line = singleLine(wrap, `${kpiLine(metric)}${arrow}`, textWidth, CHIP.valueFont)
  const trendColor =
    trend === null || trend.trend === 'flat' ? COLORS.muted : trend.towardsTarget ? '#2b8a3e' : '#c92a2a'
  const spark = showSpark
    ? {
        points: sparkPoints(
          history.slice(-24),
          x + w - CHIP.padX - SPARK.width,
          y + SPARK.padY,
          SPARK.width,
          CHIP.height - 2 * SPARK.padY
        ),
        stroke: dim ? FADED_INK : trendColor
      }
    : undefined
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
        dim ? FADED_INK : status === 'missed' ? '#c92a2a' : trend && trend.trend !== 'flat' ? trendColor : COLORS.muted
      )
    ],
    ...(spark ? { spark } : {})
  }
}

/** The funnel step into a stage: conversion from the previous stage and the drop-off, at the top of its KPI cell. */
function funnelChip(step: FunnelStep, x: number, y: number, w: number, wrap: Wrapper, labels: SeriesLabels): BadgeItem {
  const bar = step.dropOff >= 0.75 ? '#e03131' : step.dropOff >= 0.5 ? '#f59f00' : '#1c7ed6'
  const textX = x + CHIP.accentWidth + CHIP.padX
  const textWidth = Math.max(1, w - CHIP.accentWidth - 2 * CHIP.padX)
  const fromText = fillLabel(labels.funnelFrom ?? DEFAULT_LABELS.funnelFrom, {
    share: formatShare(step.conversion),
    stage: step.from.title
  })
  const dropText = fillLabel(labels.funnelDropOff ?? DEFAULT_LABELS.funnelDropOff, {
    share: formatShare(step.dropOff),
    metric: step.metric,
    from: formatKpiValue(step.fromValue, step.unit),
    to: formatKpiValue(step.toValue, step.unit)
  })
  const name = singleLine(wrap, fromText, textWidth, CHIP.nameFont)
  const line = singleLine(wrap, dropText, textWidth, CHIP.valueFont)
  return {
    kind: 'badge',
    id: `funnel:${step.from.id}:${step.to.id}`,
    role: 'funnel',
    targetId: step.to.id,
    x,
    y,
    w,
    h: CHIP.height,
    fill: '#e7f5ff',
    stroke: COLORS.line,
    cornerRadius: CHIP.radius,
    accent: { x, y, w: CHIP.accentWidth, h: CHIP.height, fill: bar },
    texts: [
      textBlock(name, textX, y + CHIP.padY, CHIP.nameFont, CHIP.nameLineHeight, COLORS.ink),
      textBlock(line, textX, y + CHIP.padY + CHIP.nameLineHeight, CHIP.valueFont, CHIP.valueLineHeight, COLORS.muted)
    ]
  }
}

/** Evidence levels as the corner mark shows them: a letter (SeriesLabels.evidence) on a colour. */
export const EVIDENCE_MARK = {
  observed: { fill: '#2f9e44' },
  reported: { fill: '#1971c2' },
  assumed: { fill: '#868e96' }
} as const

const MARK = { size: 14, font: font(9, 'bold'), inset: 3 } as const

/**
 * Small marks inside a drawn note's bottom corners: its evidence level on the right (a letter on
 * a colour), its path's colour on the left.
 */
export function noteMarks(
  map: JourneyMap,
  notes: readonly NoteItem[],
  wrap: Wrapper,
  labels: SeriesLabels = DEFAULT_LABELS
): BadgeItem[] {
  const letters = labels.evidence ?? DEFAULT_LABELS.evidence
  const byId = new Map(map.notes.map((n) => [n.id, n]))
  const pathColor = new Map(map.paths.map((p) => [p.id, p.color]))
  const out: BadgeItem[] = []
  for (const item of notes) {
    const note = byId.get(item.id)
    if (!note || item.h < 2 * MARK.size) continue
    const y = item.y + item.h - MARK.size - MARK.inset
    const color = note.pathId === undefined ? undefined : pathColor.get(note.pathId)
    if (color) {
      const x = item.x + MARK.inset
      out.push({
        kind: 'badge',
        id: `path:${note.id}`,
        role: 'path',
        targetId: note.id,
        x,
        y: y + MARK.size / 2 - 3,
        w: 16,
        h: 6,
        fill: color,
        stroke: null,
        cornerRadius: 3,
        accent: null,
        texts: []
      })
    }
    if (note.evidence) {
      const mark = EVIDENCE_MARK[note.evidence.level]
      const x = item.x + item.w - MARK.size - MARK.inset
      const text = singleLine(wrap, letters[note.evidence.level], 20, MARK.font)
      out.push({
        kind: 'badge',
        id: `evidence:${note.id}`,
        role: 'evidence',
        targetId: note.id,
        x,
        y,
        w: MARK.size,
        h: MARK.size,
        fill: mark.fill,
        stroke: '#ffffff',
        cornerRadius: 3,
        accent: null,
        texts: [textBlock(text, x, y, MARK.font, MARK.size, '#ffffff', 'center', MARK.size)]
      })
    }
  }
  return out
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
