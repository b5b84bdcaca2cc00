/**
 * What stays legible when the board is zoomed out. Text is drawn as it is only where it comes to
 * LEGIBLE_PX screen pixels or more; below that (at Fit on a 1280 × 800 projector, note text would
 * be ~6 px and prompts ~5 px) the board shows what a room can read instead:
 *
 * - a note is its coloured block with a short title — its first words at TITLE_PX on screen, on
 *   as many lines as the note has room for, ending with "…" — or, where not even one such line
 *   fits, its text as bars (./lod);
 * - cells' prompts and connector and marker labels below HINT_PX are left out;
 * - stage and lane titles (sticky, ./headers) are scaled up towards TITLE_PX as far as their
 *   header has room, and their prompts and tick labels below HINT_PX are left out.
 *
 * A title is measured from the first TITLE_UNITS of the note's text (at size 1, the engine's own
 * advances, cached by the engine per character) and kept at the size last drawn, only while the
 * board is at a zoom where titles are drawn.
 */
import { LAYOUT, type NoteItem, type TextBlock, type TextLine } from '../../../../shared/layout'
import { paintText } from '../../../../shared/export/canvas/paint'
import type { Canvas2D } from '../../../../shared/export/canvas/context'
import { paintEngine } from '../../../../shared/export/canvas/text-engine-ref'

/** Screen pixels below which note text and titles are not drawn as laid out... */
export const LEGIBLE_PX = 8
/** ...and below which hints (cells' and stages' prompts, labels, tick labels) are left out. */
export const HINT_PX = 6.5
/** The screen size a short title or a scaled header title is drawn at. */
export const TITLE_PX = 10

/** Whether note text (13 units) is legible as it is at `zoom`. */
export const notesLegibleAt = (zoom: number): boolean => LAYOUT.noteFont.size * zoom >= LEGIBLE_PX
/** Whether text of `size` units is legible at `zoom` (`min`: the screen size it needs). */
export const legibleAt = (size: number, zoom: number, min = LEGIBLE_PX): boolean => size * zoom >= min

const ELLIPSIS = '…'
/** The UTF-16 units of a note's text a title may draw on (two lines of a few words each). */
const TITLE_UNITS = 96
const UNIT_FONT = { ...LAYOUT.noteFont, size: 1, weight: 'bold' as const }

interface Measured {
  /** The note's text on one line. */
  readonly text: string
  /**
   * Each UTF-16 unit's advance at size 1 (a character's on its first unit, 0 on the second of a
   * pair); the engine's fast path sums advances the same way.
   */
  readonly widths: Float32Array
  /** Whether the text goes on past `text` (cut at TITLE_UNITS). */
  readonly more: boolean
}

/**
 * Each note's title at the size it was last drawn at; nothing else is kept per note, and all of
 * it is let go once the board is zoomed where no titles are drawn (forgetTitles).
 */
let titles = new WeakMap<TextBlock, { readonly size: number; readonly title: TextBlock | null }>()

/** Lets every kept title go (the board left the zooms where notes show titles). */
export function forgetTitles(): void {
  titles = new WeakMap()
}
/** Widths are measured into this one buffer, used at once. */
const scratch = new Float32Array(TITLE_UNITS)

/** The start of a note's text with its characters' widths (valid until the next call). */
function measure(block: TextBlock): Measured {
  const whole = block.lines
    .map((l) => l.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
  // A title is two short lines at most: the start of the text is all it can show.
  let end = Math.min(whole.length, TITLE_UNITS)
  if (end < whole.length && inPair(whole, end)) end--
  const text = whole.slice(0, end)
  const engine = paintEngine()
  const widths = scratch
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i)!)
    widths[i] = engine.measure(char, UNIT_FONT)
    if (char.length === 2) widths[i + 1] = 0
    i += char.length
  }
  return { text, widths, more: end < whole.length }
}

/** Whether `i` is the second unit of a surrogate pair (not a place to cut). */
const inPair = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i)
  return c >= 0xdc00 && c <= 0xdfff
}

/**
 * From unit `from`, the end of the longest run no wider than `max` (at a word end when there is
 * one in its last two thirds) and where the next line starts.
 */
function fit(m: Measured, from: number, max: number, size: number): [end: number, next: number] {
  const n = m.text.length
  let width = 0
  let i = from
  while (i < n && width + m.widths[i]! * size <= max) width += m.widths[i++]! * size
  while (i < n && i > from && inPair(m.text, i)) i--
  if (i >= n) return [n, n]
  for (let j = i; j > from + (i - from) / 3; j--) if (m.text[j] === ' ') return [j, j + 1]
  return [i, i]
}

/** The width of units `from`..`end` at `size`. */
function widthOf(m: Measured, from: number, end: number, size: number): number {
  let w = 0
  for (let k = from; k < end; k++) w += m.widths[k]!
  return w * size
}

/** A note's short title at `size` units: its first words on the lines its box has room for, or null. */
function titleOf(note: NoteItem, size: number): TextBlock | null {
  const pad = LAYOUT.notePadding
  const lineHeight = size * 1.15
  const maxLines = Math.min(2, Math.floor((note.h - pad) / lineHeight))
  // Not even one line fits: nothing to measure.
  if (maxLines < 1) return null
  const kept = titles.get(note.text)
  if (kept?.size === size) return kept.title
  const m = measure(note.text)
  let block: TextBlock | null = null
  if (m.text.length > 0) {
    const max = note.w - 2 * pad
    const ellipsis = paintEngine().measure(ELLIPSIS, UNIT_FONT) * size
    const lines: TextLine[] = []
    let from = 0
    for (let i = 0; i < maxLines && from < m.text.length; i++) {
      const [whole, next] = fit(m, from, max, size)
      const last = i === maxLines - 1 || next >= m.text.length
      const cut = last && (next < m.text.length || m.more)
      const end = cut ? fit(m, from, max - ellipsis, size)[0] : whole
      if (end <= from) break
      let text = m.text.slice(from, end).trimEnd()
      let w = widthOf(m, from, from + text.length, size)
      if (cut) {
        text += ELLIPSIS
        w += ellipsis
      }
      const x = note.text.direction === 'rtl' ? max - w : 0
      lines.push({ text, x, baseline: (i + 0.8) * lineHeight, width: w })
      from = next
    }
    if (lines.length > 0)
      block = {
        ...note.text,
        x: note.x + pad,
        y: note.y + Math.max(pad / 2, (note.h - lines.length * lineHeight) / 2),
        font: { ...UNIT_FONT, size },
        lineHeight,
        lines
      }
  }
  titles.set(note.text, { size, title: block })
  return block
}

/** The short title a note shows at `zoom` (its first words at about TITLE_PX on screen), or null. */
export const noteTitle = (note: NoteItem, zoom: number): TextBlock | null => titleOf(note, TITLE_PX / zoom)

/**
 * A note too small on screen for its text: its block and short title, or false when not even one
 * line of title fits (the caller draws bars then).
 */
export function paintNoteTitle(ctx: Canvas2D, note: NoteItem, zoom: number): boolean {
  const title = noteTitle(note, zoom)
  if (!title) return false
  ctx.fillStyle = note.fill
  ctx.beginPath()
  ctx.roundRect(note.x, note.y, note.w, note.h, note.cornerRadius)
  ctx.fill()
  if (note.stroke) {
    ctx.strokeStyle = note.stroke
    ctx.lineWidth = 1 / zoom
    ctx.stroke()
  }
  paintText(ctx, title)
  return true
}

/**
 * A header's title scaled up towards TITLE_PX on screen, as far as its box has room (width and
 * height), from its top-left corner; the other texts (prompt, legend) are left out.
 */
export function paintScaledTitle(
  ctx: Canvas2D,
  title: TextBlock,
  box: { x: number; y: number; w: number; h: number },
  zoom: number
): void {
  if (title.rotation !== 0 || title.lines.length === 0) return paintText(ctx, title)
  const widest = Math.max(...title.lines.map((l) => l.width), 1)
  const tall = title.lines.length * title.lineHeight
  const pad = LAYOUT.headerPadding / 2
  const k = Math.max(
    1,
    Math.min(TITLE_PX / (title.font.size * zoom), (box.w - 2 * pad) / widest, (box.h - 2 * pad) / tall)
  )
  if (k <= 1.01) return paintText(ctx, title)
  const ox = Math.max(box.x + pad, title.x - (title.x - box.x) * (k - 1))
  const oy = Math.max(box.y + pad / 2, title.y - (title.y - box.y) * (k - 1))
  ctx.save()
  ctx.translate(ox, oy)
  ;(ctx as Canvas2D & { scale(x: number, y: number): void }).scale(k, k)
  ctx.translate(-title.x, -title.y)
  paintText(ctx, title)
  ctx.restore()
}
