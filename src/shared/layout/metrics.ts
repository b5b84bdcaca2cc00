/** Sizes and colours of the board, in board units. One place, so the board and the PDF agree. */
import type { Font } from './scene'

export const FONT_FAMILY = "'Noto Sans', sans-serif"

export const font = (size: number, weight: Font['weight'] = 'normal', style: Font['style'] = 'normal'): Font => ({
  family: FONT_FAMILY,
  size,
  weight,
  style
})

export const LAYOUT = {
  /** Width of the column of lane headers on the left. */
  laneHeaderWidth: 188,
  /** Height of the row of stage headers at the top. */
  stageHeaderHeight: 76,
  /** A collapsed stage is a strip this wide... */
  collapsedStageWidth: 40,
  /** ...and a collapsed lane a strip this high. */
  collapsedLaneHeight: 32,
  /** Space between a cell's edge and its notes. */
  cellPadding: 10,
  /** Vertical gap between stacked notes. */
  noteGap: 8,
  /** Space between a note's edge and its text. */
  notePadding: 8,
  noteMinHeight: 40,
  /** A note grows with its text up to this height; beyond it the text is cut with an ellipsis. */
  noteMaxHeight: 176,
  noteCornerRadius: 4,
  noteFont: font(13),
  noteLineHeight: 18,
  headerPadding: 12,
  stageTitleFont: font(15, 'bold'),
  stageTitleLineHeight: 20,
  stagePromptFont: font(12),
  stagePromptLineHeight: 16,
  laneTitleFont: font(13, 'bold'),
  laneTitleLineHeight: 18,
  placeholderFont: font(12, 'normal', 'italic'),
  placeholderLineHeight: 16,
  smallFont: font(11),
  smallLineHeight: 14,
  /** Space above and below the plot inside an emotion lane. */
  emotionPadding: 18,
  curveWidth: 2.5,
  curvePointRadius: 4.5,
  connectorWidth: 1.5,
  arrowLength: 10,
  arrowWidth: 8,
  markerLabelMaxWidth: 140,
  legendSwatchWidth: 18
} as const

export const COLORS = {
  ink: '#1f2430',
  inkOnDark: '#ffffff',
  muted: '#5b6272',
  placeholder: '#9aa1ad',
  line: '#d9dce3',
  boardBackground: '#f6f7f9',
  cell: '#ffffff',
  cellCollapsed: '#eceef2',
  header: '#eef1f6',
  headerCollapsed: '#e3e7ee',
  noteStroke: 'rgba(31, 36, 48, 0.14)',
  guide: '#e4e7ec',
  guideZero: '#c3c8d1',
  /** The general ("Everyone") series and personas without a colour. */
  everyone: '#868e96',
  connector: '#495057',
  labelBox: 'rgba(255, 255, 255, 0.92)',
  /** Severity 1, 2, 3. */
  severity: ['#fab005', '#f76707', '#e03131'] as const
} as const

/** Marker radius by severity 1, 2, 3. */
export const MARKER_RADIUS = [6, 8, 10.5] as const

/** Dash pattern of to-be (target) series; as-is series are solid. */
export const TO_BE_DASH = [7, 5] as const

/** Picks ink or white text for a note colour by its relative luminance. */
export function textColorOn(fill: string): string {
  const hex = fill.replace('#', '')
  const full =
    hex.length === 3
      ? hex
          .split('')
          .map((c) => c + c)
          .join('')
      : hex
  const n = Number.parseInt(full, 16)
  if (full.length !== 6 || Number.isNaN(n)) return COLORS.ink
  const channel = (v: number) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  // Contrast against ink (#1f2430, L≈0.017) vs white: pick the larger.
  return (luminance + 0.05) / 0.067 >= 1.05 / (luminance + 0.05) ? COLORS.ink : COLORS.inkOnDark
}

/** Baseline of a line of `font` in a line box of `lineHeight`, from the line box's top. */
export function baselineIn(lineHeight: number, size: number): number {
  // Centres the x-height/cap-height band in the line box (Noto Sans cap height ≈ 0.71 em).
  return (lineHeight + 0.71 * size) / 2
}
