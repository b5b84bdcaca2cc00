/**
 * The scene: everything the board and the PDF exporter paint, in board coordinates (1 unit = 1 CSS
 * pixel at 100% zoom), as plain data. Painters never decide where anything goes; they draw these
 * rectangles, text lines, paths and circles in the order of the Scene's fields.
 */
import type { SeriesVariant } from '../model'

/** A font as painters need it: canvas turns it into a CSS font string, jsPDF into a font + size. */
export interface Font {
  /** CSS font-family list, e.g. "'Noto Sans', sans-serif". */
  readonly family: string
  /** Size in board units. */
  readonly size: number
  readonly weight: 'normal' | 'bold'
  readonly style: 'normal' | 'italic'
}

/** Writing direction of a paragraph: its first strong character's (Hebrew, Arabic: right to left). */
export type TextDirection = 'ltr' | 'rtl'

/**
 * Measures the advance width of a run of text in board units. Injected: the text engine (board,
 * PDF and PNG alike), or a fake in tests. `direction` is the paragraph's, when known: it decides
 * the embedding levels of neutral characters, so a right-to-left line may be split into font runs
 * slightly differently.
 */
export type MeasureText = (text: string, font: Font, direction?: TextDirection) => number

export interface TextLine {
  readonly text: string
  /** Left edge of the line, relative to the block's origin. */
  readonly x: number
  /** Alphabetic baseline, relative to the block's origin. */
  readonly baseline: number
  /** Measured width of the line. */
  readonly width: number
}

/** Wrapped text, ready to draw line by line with an alphabetic baseline. */
export interface TextBlock {
  /** Origin of the block in board coordinates; lines are placed relative to it. */
  readonly x: number
  readonly y: number
  /** Clockwise rotation in degrees about the origin; 0 for ordinary text. */
  readonly rotation: number
  readonly font: Font
  readonly color: string
  readonly lineHeight: number
  /**
   * The paragraph direction (its first strong character): lines are laid out with it (bidi) and,
   * in a box, right-to-left text is right-aligned.
   */
  readonly direction: TextDirection
  readonly lines: readonly TextLine[]
  /** True when the text did not fit and the last line ends with an ellipsis. */
  readonly truncated: boolean
}

export interface Rect {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export interface Point {
  readonly x: number
  readonly y: number
}

export interface BoxItem extends Rect {
  readonly fill: string
  /** Outline colour, or null for none. */
  readonly stroke: string | null
}

export interface StageHeaderItem extends BoxItem {
  readonly kind: 'stageHeader'
  /** The stage's id. */
  readonly id: string
  readonly collapsed: boolean
  /** Title (and, below it, the stage's prompt when there is room); rotated on a collapsed stage. */
  readonly texts: readonly TextBlock[]
}

export interface LaneHeaderItem extends BoxItem {
  readonly kind: 'laneHeader'
  /** The lane's id. */
  readonly id: string
  readonly collapsed: boolean
  /** Title, and for emotion lanes the scale's tick labels. */
  readonly texts: readonly TextBlock[]
}

export interface CellItem extends BoxItem {
  readonly kind: 'cell'
  /** `${stageId}:${laneId}` */
  readonly id: string
  readonly stageId: string
  readonly laneId: string
  /** Folded away because its stage or lane is collapsed: a strip, its notes not drawn. */
  readonly collapsed: boolean
  /** Notes in the cell (also when collapsed). */
  readonly noteCount: number
  /**
   * The lane's prompt as a placeholder when the cell is empty (a hint for editing, which exports
   * leave out), or the note count when folded.
   */
  readonly label: TextBlock | null
}

export interface NoteItem extends BoxItem {
  readonly kind: 'note'
  /** The note's id. */
  readonly id: string
  readonly stageId: string
  readonly laneId: string
  /** Position among the drawn notes of its cell, from 0. */
  readonly index: number
  readonly cornerRadius: number
  readonly text: TextBlock
  /** The note's picture, above its text (absent: none). `src` is a data: URL. */
  readonly image?: Rect & { readonly src: string; readonly naturalWidth: number; readonly naturalHeight: number }
}

export interface GuideItem {
  readonly kind: 'guide'
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
  readonly stroke: string
  readonly width: number
  /** Dash pattern, empty for solid. */
  readonly dash: readonly number[]
}

export interface CurvePoint extends Point {
  /** The emotion point's id. */
  readonly id: string
  readonly stageId: string
  readonly score: number
}

export interface CurveItem {
  readonly kind: 'curve'
  /** Series key: `${personaId ?? 'all'}:${variant}`. */
  readonly id: string
  readonly laneId: string
  readonly personaId: string | null
  readonly variant: SeriesVariant
  readonly stroke: string
  readonly width: number
  readonly dash: readonly number[]
  /** Points in stage order, one per (visible) stage that has a score. */
  readonly points: readonly CurvePoint[]
  /** SVG path data through the points, monotone in x (d3 curveMonotoneX). */
  readonly path: string
  /** Radius of the dot drawn at each point. */
  readonly pointRadius: number
}

export interface MarkerItem extends Point {
  readonly kind: 'marker'
  /** The marker's id. */
  readonly id: string
  readonly severity: 1 | 2 | 3
  readonly r: number
  readonly fill: string
  readonly stroke: string
  /** What it is pinned to: a note id or a curve point id. */
  readonly targetId: string
  /** The severity as a digit inside the dot, so it does not rely on colour alone. */
  readonly digit: TextBlock
  /** The marker's label near it, in free space; null when the label is empty or finds no room. */
  readonly label: LabelItem | null
}

/**
 * A connector's or marker's label: one line on a white box (a halo over whatever is under it),
 * placed where it covers no note text, no other label and no marker (see layout/placement).
 */
export interface LabelItem extends BoxItem {
  readonly text: TextBlock
  /** A thin line from the box to what it labels, when the box had to sit away from it. */
  readonly leader: readonly [Point, Point] | null
}

export interface ConnectorItem {
  readonly kind: 'connector'
  /** The connector's id. */
  readonly id: string
  readonly fromNoteId: string
  readonly toNoteId: string
  /** Where the arrow leaves the first note and meets the second (on their outlines). */
  readonly from: Point
  readonly to: Point
  /**
   * The line's corners from `from` to `to`: straight when nothing is in the way, else along the
   * free strips between cells, never across a note (see layout/routing).
   */
  readonly points: readonly Point[]
  /** SVG path data of the shaft (the corners rounded), ending where the arrow head begins. */
  readonly path: string
  /** The arrow head as a closed triangle: tip, then the two back corners. */
  readonly head: readonly [Point, Point, Point]
  readonly stroke: string
  readonly width: number
  readonly label: LabelItem | null
}

export interface LegendItem {
  readonly kind: 'legend'
  /** The series key it explains (see CurveItem.id). */
  readonly id: string
  readonly laneId: string
  readonly swatch: Rect
  readonly stroke: string
  readonly dash: readonly number[]
  readonly text: TextBlock
}

/**
 * A small labelled box: a KPI chip in the KPI lane (value against target, with a status bar on
 * its left edge) or the dot-vote count on a note. Drawn last, over the rest of the board.
 */
export interface BadgeItem extends BoxItem {
  readonly kind: 'badge'
  /**
   * `kpi:${metricId}`, `votes:${noteId}`, `author:${noteId}`, `comments:${noteId}`,
   * `funnel:${fromStageId}:${toStageId}`, `evidence:${noteId}` or `path:${noteId}`.
   */
  readonly id: string
  /**
   * What it shows: a KPI against its target, a note's dot votes, who added the note (live
   * workshop), its open comments, the funnel step into a stage (conversion and drop-off), a
   * note's evidence level (its corner mark) or its path's colour.
   */
  readonly role: 'kpi' | 'votes' | 'author' | 'comments' | 'funnel' | 'evidence' | 'path'
  /** The metric's or the note's id. */
  readonly targetId: string
  readonly cornerRadius: number
  /** A bar of colour along the left edge (a KPI's status), drawn over the fill; null for none. */
  readonly accent: (Rect & { readonly fill: string }) | null
  readonly texts: readonly TextBlock[]
  /** A KPI's history as a sparkline (oldest to newest, left to right), drawn over the fill. */
  readonly spark?: { readonly points: readonly Point[]; readonly stroke: string }
}

export interface Scene {
  /** Size of the whole board. */
  readonly width: number
  readonly height: number
  /** The empty corner above the lane headers, left of the stage headers. */
  readonly corner: BoxItem
  readonly cells: readonly CellItem[]
  /** Score guides of emotion lanes (drawn over cells, under notes). */
  readonly guides: readonly GuideItem[]
  readonly stageHeaders: readonly StageHeaderItem[]
  readonly laneHeaders: readonly LaneHeaderItem[]
  readonly notes: readonly NoteItem[]
  readonly connectors: readonly ConnectorItem[]
  readonly curves: readonly CurveItem[]
  readonly legend: readonly LegendItem[]
  readonly markers: readonly MarkerItem[]
  /** KPI chips and vote counts (see BadgeItem). */
  readonly badges: readonly BadgeItem[]
}
