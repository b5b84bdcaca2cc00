/**
 * Line breaking for any script with an injected measure function, so the board (canvas) and the
 * PDF (jsPDF font metrics) wrap a note the same way. Words come from Intl.Segmenter (dictionary
 * based for Thai, Lao, Khmer, Chinese and Japanese, where words are not separated by spaces);
 * a word wider than the line is broken between graphemes, never inside one. A text's direction
 * is its first strong character's (Hebrew and Arabic: right to left), and every width is
 * measured in that direction, so the lines are the ones the board, the PDF and the PNG draw.
 */
import { baseDirection } from '../fonts/bidi'
import type { Font, MeasureText, TextDirection } from './scene'

export const ELLIPSIS = '…'

/** CSS font shorthand for canvas: `italic bold 13px 'Noto Sans', sans-serif`. */
export function cssFont(font: Font): string {
  return `${font.style === 'italic' ? 'italic ' : ''}${font.weight === 'bold' ? 'bold ' : ''}${font.size}px ${font.family}`
}

/**
 * Caches widths per font and text. Layout measures the same words over and over (and again on
 * every edit), so the renderer keeps one cache for the session.
 */
export function memoizeMeasure(measure: MeasureText, maxEntries = 100_000): MeasureText {
  const cache = new Map<string, number>()
  return (text, font, direction) => {
    const key = `${cssFont(font)}${direction === 'rtl' ? '\u0001' : '\u0000'}${text}`
    let width = cache.get(key)
    if (width === undefined) {
      width = measure(text, font, direction)
      if (cache.size >= maxEntries) cache.clear()
      cache.set(key, width)
    }
    return width
  }
}

interface Segment {
  readonly segment: string
  /** A word (letters, digits, ideographs), as opposed to spaces or punctuation. */
  readonly isWordLike: boolean
}

/** Splits a paragraph into words, spaces and punctuation. */
export type WordSegmenter = (text: string) => Iterable<Segment>

/** Splits a word into user-perceived characters (grapheme clusters). */
export type GraphemeSegmenter = (text: string) => string[]

type SegmenterCtor = new (
  locale?: string,
  options?: { granularity: 'word' | 'grapheme' }
) => {
  segment(text: string): Iterable<{ segment: string; isWordLike?: boolean }>
}

/** Intl.Segmenter where the engine has it (Chromium, Node with ICU), undefined elsewhere. */
const IntlSegmenter = (Intl as unknown as { Segmenter?: SegmenterCtor }).Segmenter

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
/** Scripts written without spaces between words: each character is a break opportunity. */
const NO_SPACE_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u

/** Without Intl.Segmenter: spaces and punctuation split words; CJK/Thai break between characters. */
export const fallbackWordSegmenter: WordSegmenter = function* (text) {
  const pieces = text.match(/\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? []
  for (const piece of pieces) {
    if (!LETTER_OR_DIGIT.test(piece)) {
      yield { segment: piece, isWordLike: false }
    } else if (NO_SPACE_SCRIPT.test(piece)) {
      for (const ch of fallbackGraphemes(piece)) yield { segment: ch, isWordLike: true }
    } else {
      yield { segment: piece, isWordLike: true }
    }
  }
}

/** Without Intl.Segmenter: code points, with combining marks kept on their base character. */
export function fallbackGraphemes(text: string): string[] {
  return text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? []
}

let wordSegmenter: WordSegmenter | undefined
let graphemeSegmenter: GraphemeSegmenter | undefined

export function defaultWordSegmenter(): WordSegmenter {
  if (!wordSegmenter) {
    if (IntlSegmenter) {
      const segmenter = new IntlSegmenter(undefined, { granularity: 'word' })
      wordSegmenter = (text) => {
        const out: Segment[] = []
        for (const s of segmenter.segment(text)) out.push({ segment: s.segment, isWordLike: s.isWordLike ?? false })
        return out
      }
    } else wordSegmenter = fallbackWordSegmenter
  }
  return wordSegmenter
}

export function defaultGraphemeSegmenter(): GraphemeSegmenter {
  if (!graphemeSegmenter) {
    if (IntlSegmenter) {
      const segmenter = new IntlSegmenter(undefined, { granularity: 'grapheme' })
      graphemeSegmenter = (text) => Array.from(segmenter.segment(text), (s) => s.segment)
    } else graphemeSegmenter = fallbackGraphemes
  }
  return graphemeSegmenter
}

/**
 * Text in scripts written with spaces between words (Latin, Greek, Cyrillic letters), ASCII
 * digits, spaces and common punctuation: its line-breaking chunks are found by simpleChunks,
 * which gives what chunksOf gives with Intl.Segmenter for such text (tests/unit/text-fast-width
 * .test.ts compares them) in a fraction of the time. Anything else (Thai, CJK, marks, '_') goes
 * to Intl.Segmenter.
 */
const SIMPLE_LETTER = /^(?=\p{L})[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u
const SIMPLE_PUNCTUATION = ' .,;:!?\'"()[]{}-–—…/&%+*#@«»“”‘’'
/** Per UTF-16 unit: 0 not looked at yet, then one of the classes below. */
const charClass = new Uint8Array(0x10000)
const OTHER = 1
const LETTER = 2
const DIGIT = 3
const PUNCTUATION = 4

function classOf(code: number): number {
  let k = charClass[code]!
  if (k === 0) {
    const ch = String.fromCharCode(code)
    k =
      code >= 48 && code <= 57
        ? DIGIT
        : SIMPLE_LETTER.test(ch)
          ? LETTER
          : SIMPLE_PUNCTUATION.includes(ch)
            ? PUNCTUATION
            : OTHER
    charClass[code] = k
  }
  return k
}

/** Between two letters these keep them one word (UAX #29 MidLetter and MidNumLetQ). */
const JOINS_LETTERS = ":.'‘’"
/** Between two digits these keep them one number (MidNum and MidNumLetQ). */
const JOINS_DIGITS = ",;.'‘’"
/** Opening brackets (\p{Ps}) and initial quotes (\p{Pi}) of SIMPLE_PUNCTUATION. */
const OPENS = '([{'
const INITIAL_QUOTES = '«“‘'

/** Whether simpleChunks may split this text. */
export function isSimpleText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (classOf(text.charCodeAt(i)) === OTHER) return false
  return true
}

/**
 * chunksOf for a text of which isSimpleText holds, with the word rules of UAX #29 such text can
 * meet: letters and digits run together (WB5, WB8–10), one of JOINS_LETTERS between letters and
 * one of JOINS_DIGITS between digits keep the word whole (WB6–7, WB11–12), every other
 * character stands alone (WB999); then chunksOf's own rules.
 */
export function simpleChunks(text: string): string[] {
  const chunks: string[] = []
  const n = text.length
  let start = 0
  let hasWord = false
  let endedBySpace = false
  const flush = (at: number) => {
    if (at > start) chunks.push(text.slice(start, at))
    start = at
    hasWord = false
    endedBySpace = false
  }
  let i = 0
  while (i < n) {
    const code = text.charCodeAt(i)
    const k = classOf(code)
    if (code === 32) {
      i++
      endedBySpace = true
      continue
    }
    if (endedBySpace) flush(i)
    if (k === LETTER || k === DIGIT) {
      // A word: letters and digits, and a joiner between two letters or two digits.
      const from = i
      i++
      for (;;) {
        if (i < n) {
          const c = classOf(text.charCodeAt(i))
          if (c === LETTER || c === DIGIT) {
            i++
            continue
          }
        }
        if (i + 1 < n) {
          const before = classOf(text.charCodeAt(i - 1))
          const after = classOf(text.charCodeAt(i + 1))
          const mid = text[i]!
          if (
            (before === LETTER && after === LETTER && JOINS_LETTERS.includes(mid)) ||
            (before === DIGIT && after === DIGIT && JOINS_DIGITS.includes(mid))
          ) {
            i += 2
            continue
          }
        }
        break
      }
      if (hasWord) flush(from)
      hasWord = true
      continue
    }
    const ch = text[i]!
    if (OPENS.includes(ch) || (!hasWord && INITIAL_QUOTES.includes(ch))) {
      if (hasWord) flush(i)
    }
    // Closing punctuation, dashes, symbols: stay with the word before them.
    i++
  }
  flush(n)
  return chunks
}

/** Punctuation that opens (brackets, ¿): it sticks to the word after it. */
const OPENING = /^[\p{Ps}¿¡]+$/u
/** Initial quotes open in English («, “) but close in German (“): opening only after a space. */
const INITIAL_QUOTE = /^\p{Pi}+$/u
const SPACE = /^\s+$/u

/**
 * The unbreakable pieces of a paragraph: a word with the punctuation glued to it and the spaces
 * after it. A line may break between any two chunks.
 */
export function chunksOf(paragraph: string, segment: WordSegmenter = defaultWordSegmenter()): string[] {
  const chunks: string[] = []
  let current = ''
  // Whether `current` may still take more: a word, closing punctuation, then spaces end it.
  let hasWord = false
  let endedBySpace = false
  const flush = () => {
    if (current) chunks.push(current)
    current = ''
    hasWord = false
    endedBySpace = false
  }
  for (const { segment: s, isWordLike } of segment(paragraph)) {
    if (SPACE.test(s)) {
      current += s
      endedBySpace = true
      continue
    }
    if (endedBySpace) flush()
    if (isWordLike) {
      if (hasWord) flush()
      current += s
      hasWord = true
    } else if (OPENING.test(s) || (!hasWord && INITIAL_QUOTE.test(s))) {
      if (hasWord) flush()
      current += s
    } else {
      // Closing punctuation, dashes, symbols: stay on the line of the word before them.
      current += s
    }
  }
  flush()
  return chunks
}

export interface WrapOptions {
  /** Stop after this many lines and end the last one with an ellipsis. */
  readonly maxLines?: number
  /** The paragraph direction; by default the text's first strong character's. */
  readonly direction?: TextDirection
  readonly segmentWords?: WordSegmenter
  readonly segmentGraphemes?: GraphemeSegmenter
}

export interface WrappedText {
  readonly lines: readonly { readonly text: string; readonly width: number }[]
  readonly truncated: boolean
  /** The direction the lines were measured in and are drawn in. */
  readonly direction: TextDirection
}

/**
 * A line built chunk by chunk is a rope of one string object per chunk until something flattens
 * it; a scene keeps its lines, so they are flattened (reading a character does it in V8) before
 * they are kept: a 50,000-note scene held 2 million rope pieces (70 MB) without this.
 */
function flat(text: string): string {
  if (text.length > 0) text.charCodeAt(text.length - 1)
  return text
}

/**
 * Breaks text into lines no wider than `maxWidth` (except a single grapheme wider than the line).
 * Hard line breaks are kept; spaces at the end of a line are dropped; tabs count as spaces.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  font: Font,
  measure: MeasureText,
  options: WrapOptions = {}
): WrappedText {
  const maxLines = options.maxLines ?? Infinity
  const givenSegmenter = options.segmentWords
  const graphemes = options.segmentGraphemes ?? defaultGraphemeSegmenter()
  const direction = options.direction ?? baseDirection(text)
  const width = (s: string) => (s ? measure(s, font, direction) : 0)
  const lines: string[] = []
  let truncated = false

  paragraphs: for (const paragraph of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').split('\n')) {
    if (lines.length >= maxLines) {
      truncated = true
      break
    }
    let line = ''
    /** Width of `line` including its trailing spaces, as the next chunk would start after them. */
    let lineWidth = 0
    /** Ends the line; true when that was the last line allowed and more text is waiting. */
    const lineFull = () => {
      lines.push(flat(line.trimEnd()))
      line = ''
      lineWidth = 0
      return lines.length >= maxLines
    }
    const chunks =
      givenSegmenter || !isSimpleText(paragraph)
        ? chunksOf(paragraph, givenSegmenter ?? defaultWordSegmenter())
        : simpleChunks(paragraph)
    for (const chunk of chunks) {
      const core = chunk.trimEnd()
      const coreWidth = width(core)
      if (lineWidth + coreWidth <= maxWidth) {
        line += chunk
        lineWidth += core === chunk ? coreWidth : width(chunk)
        continue
      }
      if (line && lineFull()) {
        truncated = true
        break paragraphs
      }
      if (coreWidth <= maxWidth) {
        line = chunk
        lineWidth = core === chunk ? coreWidth : width(chunk)
        continue
      }
      // A word longer than a whole line (a URL, a Thai run the dictionary does not know):
      // break it between graphemes, and let the next chunk continue after its last piece.
      for (const g of graphemes(chunk)) {
        const next = line + g
        if (line && width(next.trimEnd()) > maxWidth) {
          if (lineFull()) {
            truncated = true
            break paragraphs
          }
          line = SPACE.test(g) ? '' : g
        } else line = next
      }
      lineWidth = width(line)
    }
    lines.push(flat(line.trimEnd()))
  }
  if (truncated && lines.length > 0) {
    lines[lines.length - 1] = ellipsize(
      lines[lines.length - 1] ?? '',
      maxWidth,
      font,
      measure,
      graphemes,
      true,
      direction
    )
  }
  return { lines: lines.map((l) => ({ text: l, width: width(l) })), truncated, direction }
}

/**
 * Shortens a line to fit `maxWidth` with a trailing ellipsis. With `force`, the ellipsis is added
 * even when the text fits (it stands for the lines cut off after it).
 */
export function ellipsize(
  text: string,
  maxWidth: number,
  font: Font,
  measure: MeasureText,
  graphemes: GraphemeSegmenter = defaultGraphemeSegmenter(),
  force = false,
  direction: TextDirection = baseDirection(text)
): string {
  if (!force && measure(text, font, direction) <= maxWidth) return text
  const parts = graphemes(text.trimEnd())
  while (parts.length > 0 && measure(parts.join('').trimEnd() + ELLIPSIS, font, direction) > maxWidth) parts.pop()
  return parts.join('').trimEnd() + ELLIPSIS
}
