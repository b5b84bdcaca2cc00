/**
 * Emotion lanes: score guides, the scale's tick labels, one smooth curve per series (persona ×
 * as-is/to-be) and its legend. The first expanded emotion lane carries the curves.
 */
import { curveMonotoneX, line } from 'd3-shape'
import type { EmotionPoint, EmotionScale, JourneyMap, Lane, Stage } from '../model'
import {
  DEFAULT_LABELS,
  singleLine,
  textBlock,
  type Band,
  type LayoutOptions,
  type SeriesLabels,
  type Wrapper
} from './common'
import { COLORS, LAYOUT, TO_BE_DASH } from './metrics'
import type { CurveItem, CurvePoint, GuideItem, LaneHeaderItem, LegendItem, TextBlock } from './scene'

/** Room at the left of an emotion lane's first cell for the scale's labels (+2 … −2). */
const TICK_COLUMN = 26

const LEGEND_ROW = 18
const LEGEND_GAP = 6

/** Colours for personas that have none we know of, picked by their position. */
const FALLBACK_PALETTE = ['#3b5bdb', '#e8590c', '#2f9e44', '#ae3ec9', '#1098ad', '#f08c00', '#c2255c']

export const seriesKey = (personaId: string | null, variant: string) => `${personaId ?? 'all'}:${variant}`

/** Maps a score to y within a plot band, clamped to the scale. */
/** How far apart series with the same score at a stage are drawn (board units): a line's width and a gap. */
const COINCIDENT_SPREAD = LAYOUT.curveWidth + 2.5

export function scoreToY(score: number, scale: EmotionScale, top: number, bottom: number): number {
  const clamped = Math.min(scale.max, Math.max(scale.min, score))
  return bottom - ((clamped - scale.min) / (scale.max - scale.min)) * (bottom - top)
}

/** The inverse of scoreToY, for dragging a point (not snapped). */
export function yToScore(y: number, scale: EmotionScale, top: number, bottom: number): number {
  const t = (bottom - y) / (bottom - top)
  return Math.min(scale.max, Math.max(scale.min, scale.min + t * (scale.max - scale.min)))
}

/** Top and bottom of the plot inside an emotion lane of the given row. */
export const plotBand = (rowStart: number, rowSize: number) => ({
  top: rowStart + LAYOUT.emotionPadding,
  bottom: rowStart + rowSize - LAYOUT.emotionPadding
})

interface Series {
  readonly key: string
  readonly personaId: string | null
  readonly variant: EmotionPoint['variant']
  readonly points: EmotionPoint[]
  readonly color: string
  readonly name: string
}

const pathOf = line<CurvePoint>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveMonotoneX)
  .digits(2)

export interface PreparedEmotions {
  /** Extra header height the lane's legend needs (0 for lanes without curves). */
  legendHeight(laneId: string): number
  layout(
    columns: readonly Band<Stage>[],
    rows: readonly Band<Lane>[],
    laneHeaders: readonly LaneHeaderItem[]
  ): {
    guides: GuideItem[]
    curves: CurveItem[]
    legend: LegendItem[]
    laneHeaders: LaneHeaderItem[]
  }
}

export function prepareEmotions(
  map: JourneyMap,
  lanes: readonly Lane[],
  wrap: Wrapper,
  options: LayoutOptions
): PreparedEmotions {
  const L = LAYOUT
  const labels: SeriesLabels = options.labels ?? DEFAULT_LABELS
  const personas = new Map((options.personas ?? []).map((p) => [p.id, p]))
  const curveLane = lanes.find((l) => l.kind === 'emotions' && !l.collapsed) ?? null
  const scale = map.emotionScale.max > map.emotionScale.min ? map.emotionScale : { min: -2, max: 2 }

  // Series in display order: the general one, then the map's personas in order, as-is before to-be.
  const seriesByKey = new Map<string, Series>()
  const rank = (personaId: string | null) => {
    if (personaId === null) return -1
    const i = map.personaIds.indexOf(personaId)
    return i === -1 ? map.personaIds.length : i
  }
  for (const point of map.emotionPoints) {
    const key = seriesKey(point.personaId, point.variant)
    let series = seriesByKey.get(key)
    if (!series) {
      const persona = point.personaId === null ? undefined : personas.get(point.personaId)
      const baseName = point.personaId === null ? labels.everyone : (persona?.name ?? '?')
      const color =
        point.personaId === null
          ? COLORS.everyone
          : (persona?.color ?? FALLBACK_PALETTE[Math.max(0, rank(point.personaId)) % FALLBACK_PALETTE.length]!)
      series = {
        key,
        personaId: point.personaId,
        variant: point.variant,
        points: [],
        color,
        name: point.variant === 'toBe' ? labels.toBe.replace('{name}', baseName) : baseName
      }
      seriesByKey.set(key, series)
    }
    series.points.push(point)
  }
  const allSeries = [...seriesByKey.values()].sort(
    (a, b) =>
      rank(a.personaId) - rank(b.personaId) ||
      (a.personaId ?? '').localeCompare(b.personaId ?? '') ||
      (a.variant === b.variant ? 0 : a.variant === 'asIs' ? -1 : 1)
  )
  const legendHeight = allSeries.length > 0 ? LEGEND_GAP + allSeries.length * LEGEND_ROW : 0

  return {
    legendHeight: (laneId) => (laneId === curveLane?.id ? legendHeight : 0),
    layout(columns, rows, laneHeaders) {
      const guides: GuideItem[] = []
      const curves: CurveItem[] = []
      const legend: LegendItem[] = []
      const boardLeft = L.laneHeaderWidth
      const boardRight =
        columns.length > 0 ? columns[columns.length - 1]!.start + columns[columns.length - 1]!.size : boardLeft
      const headers = laneHeaders.map((header, i) => {
        const row = rows[i]
        if (!row || row.item.kind !== 'emotions' || row.collapsed) return header
        const { top, bottom } = plotBand(row.start, row.size)
        const step = Math.max(1, Math.ceil((scale.max - scale.min) / 8))
        const ticks: TextBlock[] = []
        for (let score = scale.min; score <= scale.max; score += 1) {
          if ((score - scale.min) % step !== 0 && score !== 0) continue
          const y = scoreToY(score, scale, top, bottom)
          guides.push({
            kind: 'guide',
            x1: boardLeft + TICK_COLUMN,
            y1: y,
            x2: boardRight,
            y2: y,
            stroke: score === 0 ? COLORS.guideZero : COLORS.guide,
            width: 1,
            dash: score === 0 ? [] : [4, 4]
          })
          const label = score > 0 ? `+${score}` : score < 0 ? `\u2212${-score}` : '0'
          const wrapped = singleLine(wrap, label, TICK_COLUMN, L.smallFont)
          ticks.push(
            textBlock(
              wrapped,
              boardLeft,
              y - L.smallLineHeight / 2,
              L.smallFont,
              L.smallLineHeight,
              COLORS.muted,
              'right',
              TICK_COLUMN - 4
            )
          )
        }
        return { ...header, texts: [...header.texts, ...ticks] }
      })

      const curveRow = rows.find((r) => r.item.id === curveLane?.id)
      if (!curveRow) return { guides, curves, legend, laneHeaders: headers }
      const { top, bottom } = plotBand(curveRow.start, curveRow.size)
      const columnOf = new Map(columns.map((c, i) => [c.item.id, { column: c, i }]))
      const header = headers.find((h) => h.id === curveRow.item.id)
      const titleBottom =
        (header?.texts[0]?.y ?? curveRow.start) + (header?.texts[0]?.lines.length ?? 1) * L.laneTitleLineHeight
      // Series with the same score at a stage (three personas linked and not yet rated, all at 0)
      // would be drawn on top of each other and read as one line: each is moved apart a little,
      // symmetrically around the score's line.
      const sharing = new Map<string, string[]>()
      for (const series of allSeries) {
        for (const p of series.points) {
          const key = `${p.stageId}:${scoreToY(p.score, scale, top, bottom)}`
          const list = sharing.get(key)
          if (!list) sharing.set(key, [series.key])
          else if (!list.includes(series.key)) list.push(series.key)
        }
      }
      const offsetOf = (seriesKey: string, stageId: string, score: number) => {
        const list = sharing.get(`${stageId}:${scoreToY(score, scale, top, bottom)}`) ?? []
        if (list.length < 2) return 0
        return (list.indexOf(seriesKey) - (list.length - 1) / 2) * COINCIDENT_SPREAD
      }
      allSeries.forEach((series, i) => {
        const dash = series.variant === 'toBe' ? [...TO_BE_DASH] : []
        const seen = new Set<string>()
        const points: CurvePoint[] = series.points
          .map((p) => ({ p, at: columnOf.get(p.stageId) }))
          .filter(({ p, at }) => at && !at.column.collapsed && !seen.has(p.stageId) && seen.add(p.stageId))
          .sort((a, b) => a.at!.i - b.at!.i)
          .map(({ p, at }) => ({
            id: p.id,
            stageId: p.stageId,
            score: p.score,
            x: at!.column.start + at!.column.size / 2,
            y: scoreToY(p.score, scale, top, bottom) + offsetOf(series.key, p.stageId, p.score)
          }))
        curves.push({
          kind: 'curve',
          id: series.key,
          laneId: curveRow.item.id,
          personaId: series.personaId,
          variant: series.variant,
          stroke: series.color,
          width: L.curveWidth,
          dash,
          points,
          path: points.length > 1 ? (pathOf(points) ?? '') : '',
          pointRadius: L.curvePointRadius
        })
        const rowTop = titleBottom + LEGEND_GAP + i * LEGEND_ROW
        const textX = L.headerPadding + L.legendSwatchWidth + 6
        const maxText = L.laneHeaderWidth - textX - L.headerPadding
        legend.push({
          kind: 'legend',
          id: series.key,
          laneId: curveRow.item.id,
          swatch: { x: L.headerPadding, y: rowTop + LEGEND_ROW / 2 - 1.5, w: L.legendSwatchWidth, h: 3 },
          stroke: series.color,
          dash,
          text: textBlock(
            singleLine(wrap, series.name, maxText, L.smallFont),
            textX,
            rowTop + (LEGEND_ROW - L.smallLineHeight) / 2,
            L.smallFont,
            L.smallLineHeight,
            COLORS.ink
          )
        })
      })
      return { guides, curves, legend, laneHeaders: headers }
    }
  }
}
