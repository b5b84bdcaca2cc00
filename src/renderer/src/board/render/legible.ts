/**
 * What stays legible when the board is zoomed out. Text is drawn as it is only where it comes to
 * LEGIBLE_PX screen pixels or more; below that (at Fit on a 1280 × 800 projector, note text would
 * be ~6 px and prompts ~5 px) the board shows what a room can read instead:
 *
 * - a note is its coloured block with a short title — its first words at TITLE_PX on screen, on
 *   as many lines as the note has room for, ending with "…" — or, where not even one such line
 *   fits, its text as bars (./lod);
 * - cells' prompts are left out;
 * - stage and lane titles (sticky, ./headers) are scaled up towards TITLE_PX as far as their
 *   header has room, and the stage prompts and the legend's words are left out.
 *
 * The titles are measured with the text engine once per note and size and kept.
 */
import { LAYOUT, type NoteItem, type TextBlock, type TextLine } from '../../../../shared/layout'
import { paintText } from '../../../../shared/export/canvas/paint'
import type { Canvas2D } from '../../../../shared/export/canvas/context'
import { paintEngine } from '../../../../shared/export/canvas/text-engine-ref'

/** Screen pixels below which text is not drawn as laid out. */
export const LEGIBLE_PX = 8
/** The screen size a short title or a scaled header title is drawn at. */
export const TITLE_PX = 11

/** Whether note text (13 units) is legible as it is at `zoom`. */
export const notesLegibleAt = (zoom: number): boolean => LAYOUT.noteFont.size * zoom >= LEGIBLE_PX
/** Whether text of `size` units is legible at `zoom`. */
export const legibleAt = (size: number, zoom: number): boolean => size * zoom >= LEGIBLE_PX

/** Title sizes are rounded to steps of 1/8 of a doubling, so a zoom gesture reuses a few. */
function titleSize(zoom: number): number {
  const raw = TITLE_PX / zoom
  return 2 ** (Math.round(Math.log2(raw) * 8) / 8)
}

const ELLIPSIS = '…'
const titles = new WeakMap<TextBlock, Map<number, TextBlock | null>>()

/** The longest start of `text` no wider than `max` (at a word end when there is one), and the rest. */
function fit(text: string, max: number, width: (s: string) => number): [string, string] {
  if (width(text) <= max) return [text, '']
  const chars = [...text]
  let lo = 0
  let hi = chars.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (width(chars.slice(0, mid).join('')) <= max) lo = mid
    else hi = mid - 1
  }
  let cut = lo
  const space = chars.slice(0, lo).lastIndexOf(' ')
  if (space > lo / 2) cut = space
  return [chars.slice(0, cut).join('').trimEnd(), chars.slice(cut).join('').trimStart()]
}

/** A note's short title at `size` units: its first words on the lines its box has room for, or null. */
function titleOf(note: NoteItem, size: number): TextBlock | null {
  let bySize = titles.get(note.text)
  if (!bySize) titles.set(note.text, (bySize = new Map()))
  if (bySize.has(size)) return bySize.get(size)!
  const pad = LAYOUT.notePadding
  const lineHeight = size * 1.25
  const maxLines = Math.min(2, Math.floor((note.h - pad) / lineHeight))
  const text = note.text.lines
    .map((l) => l.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
  let block: TextBlock | null = null
  if (maxLines >= 1 && text !== '') {
    const font = { ...LAYOUT.noteFont, size, weight: 'bold' as const }
    const engine = paintEngine()
    const width = (s: string) => engine.measure(s, font)
    const max = note.w - 2 * pad
    const lines: TextLine[] = []
    let rest = text
    for (let i = 0; i < maxLines && rest !== ''; i++) {
      const last = i === maxLines - 1
      const [whole, after] = fit(rest, max, width)
      const line = last && after !== '' ? `${fit(rest, max - width(ELLIPSIS), width)[0]}${ELLIPSIS}` : whole
      if (line === '' || line === ELLIPSIS) break
      const w = width(line)
      const x = note.text.direction === 'rtl' ? max - w : 0
      lines.push({ text: line, x, baseline: (i + 0.8) * lineHeight, width: w })
      rest = after
    }
    if (lines.length > 0)
      block = {
        ...note.text,
        x: note.x + pad,
        y: note.y + Math.max(pad / 2, (note.h - lines.length * lineHeight) / 2),
        font,
        lineHeight,
        lines
      }
  }
  bySize.set(size, block)
  return block
}

/**
 * A note too small on screen for its text: its block and short title, or false when not even one
 * line of title fits (the caller draws bars then).
 */
export function paintNoteTitle(ctx: Canvas2D, note: NoteItem, zoom: number): boolean {
  const title = titleOf(note, titleSize(zoom))
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
    Math.min(
      TITLE_PX / (title.font.size * zoom),
      (box.w - 2 * pad) / widest,
      (box.h - 2 * pad) / tall
    )
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
