/** Pieces shared by the layout modules: options, bands, wrapping with a cache, text blocks. */
import { baseDirection } from '../fonts/bidi'
import type { Font, MeasureText, TextBlock } from './scene'
import { LruCache } from './lru'
import { baselineIn } from './metrics'
import { ellipsize, wrapText, type GraphemeSegmenter, type WordSegmenter, type WrappedText } from './text'

/** Legend wording, translated by the caller. */
export interface SeriesLabels {
  /** Name of the general series (persona null). */
  readonly everyone: string
  /** Name of a to-be series; `{name}` is replaced by the persona's name. */
  readonly toBe: string
  /** A funnel chip's first line: `{share}` converted from `{stage}`. */
  readonly funnelFrom?: string
  /** A funnel chip's second line: `{share}` dropped off, `{metric}` `{from}` → `{to}`. */
  readonly funnelDropOff?: string
  /** The letter of each evidence level in a note's corner mark. */
  readonly evidence?: Readonly<Record<'observed' | 'reported' | 'assumed', string>>
}

/** What layout needs to know of a persona: its curve's colour and legend name. */
export interface LayoutPersona {
  readonly id: string
  readonly name: string
  readonly color: string
}

/**
 * Remembers wrapped texts between layouts of the same map, so an edit re-wraps only what changed.
 * Least recently used texts go first; the capacity grows to twice the wraps of the biggest
 * layout, so a layout of 50,000 notes finds every note of the last one still there.
 */
export interface LayoutCache {
  readonly wraps: LruCache<string, WrappedText>
}

const MIN_WRAPS = 20_000

export const createLayoutCache = (): LayoutCache => ({ wraps: new LruCache(MIN_WRAPS) })

export interface LayoutOptions {
  /** Personas for curve colours and legend names; unknown ones get a colour from a fixed palette. */
  readonly personas?: readonly LayoutPersona[]
  /** Legend wording, translated by the caller. */
  readonly labels?: SeriesLabels
  readonly cache?: LayoutCache
  readonly segmentWords?: WordSegmenter
  readonly segmentGraphemes?: GraphemeSegmenter
  /**
   * Who added which note, for notes added by workshop participants (the live session): a small
   * name tag in the author's colour on the note's bottom edge. Only the facilitator's board passes it.
   */
  readonly authors?: ReadonlyMap<string, { readonly name: string; readonly color: string }>
  /**
   * Show one path: notes, connectors and KPIs of other paths are drawn faded, the path's own
   * emotion points replace the shared ones, and the funnel follows its steps. Absent: all paths.
   */
  readonly pathId?: string | null
}

export const DEFAULT_LABELS = {
  everyone: 'Everyone',
  toBe: '{name} (to-be)',
  funnelFrom: '{share} from {stage}',
  funnelDropOff: '{share} drop-off · {metric} {from} → {to}',
  evidence: { observed: 'O', reported: 'R', assumed: 'A' }
} as const satisfies Required<SeriesLabels>

/** A label's `{name}`s replaced by the values (the caller's words, already translated). */
export function fillLabel(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}

/** A laid-out column or row. */
export interface Band<T> {
  readonly item: T
  /** Left edge (columns) or top edge (rows). */
  readonly start: number
  /** Width (columns) or height (rows). */
  readonly size: number
  readonly collapsed: boolean
}

export const cellId = (stageId: string, laneId: string) => `${stageId}:${laneId}`

/** Wraps text to a width (remembering results in the layout cache), and measures single lines. */
export interface Wrapper {
  (text: string, width: number, font: Font, maxLines?: number): WrappedText
  measure: MeasureText
  graphemes: GraphemeSegmenter | undefined
}

export function createWrapper(measure: MeasureText, options: LayoutOptions): Wrapper {
  const wraps = options.cache?.wraps
  let uses = 0
  const wrap = ((text, width, font, maxLines) => {
    if (wraps && ++uses * 2 > wraps.capacity) wraps.reserve(uses * 2)
    const key = wraps
      ? `${font.size}|${font.weight}|${font.style}|${font.family}|${width}|${maxLines ?? ''}|${text}`
      : ''
    const cached = wraps?.get(key)
    if (cached) return cached
    const wrapped = wrapText(text, width, font, measure, {
      maxLines,
      segmentWords: options.segmentWords,
      segmentGraphemes: options.segmentGraphemes
    })
    wraps?.set(key, wrapped)
    return wrapped
  }) as Wrapper
  wrap.measure = measure
  wrap.graphemes = options.segmentGraphemes
  return wrap
}

/** Places wrapped lines in a block whose origin is the top-left of its first line box. */
export function textBlock(
  wrapped: WrappedText,
  x: number,
  y: number,
  font: Font,
  lineHeight: number,
  color: string,
  align: 'start' | 'left' | 'center' | 'right' = 'start',
  boxWidth = 0,
  rotation = 0
): TextBlock {
  const baseline = baselineIn(lineHeight, font.size)
  // 'start' is the paragraph's own side: right for Hebrew and Arabic, when there is a box to align in.
  const side = align === 'start' ? (wrapped.direction === 'rtl' && boxWidth > 0 ? 'right' : 'left') : align
  return {
    x,
    y,
    rotation,
    font,
    color,
    lineHeight,
    direction: wrapped.direction,
    truncated: wrapped.truncated,
    lines: wrapped.lines.map((line, i) => ({
      text: line.text,
      width: line.width,
      x: side === 'left' ? 0 : side === 'center' ? (boxWidth - line.width) / 2 : boxWidth - line.width,
      baseline: i * lineHeight + baseline
    }))
  }
}

/** One line, cut with an ellipsis when wider than maxWidth. */
export function singleLine(wrap: Wrapper, text: string, maxWidth: number, font: Font): WrappedText {
  const flat = text.replace(/\s+/g, ' ').trim()
  const direction = baseDirection(flat)
  const fitted = ellipsize(flat, maxWidth, font, wrap.measure, wrap.graphemes, false, direction)
  return {
    lines: [{ text: fitted, width: wrap.measure(fitted, font, direction) }],
    truncated: fitted !== text,
    direction
  }
}

export const byOrder = <T extends { order: number; id: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
