/**
 * The order in which the text of a line with right-to-left characters is written into the PDF's
 * invisible text layer.
 *
 * A PDF holds glyphs at positions; a reader rebuilds the text. Poppler (pdftotext, Evince,
 * Okular, and anything else built on it) does it per line in a fixed way on a page that is
 * mostly left-to-right: it reads the characters left to right, keeps each stretch of
 * non-right-to-left characters as it is, and reverses each stretch that starts with a
 * right-to-left character and runs up to the next left-to-right letter, digit or number sign
 * (full stop, comma, colon, per cent…). That gives
 * Hebrew and Arabic words back in logical order when they are drawn as seen, but not a
 * right-to-left sentence with a number in it ("… بنسبة 15% بعد …" comes out with its halves
 * swapped and "%15") nor the full stop at its end (which is drawn at the left, so comes first).
 *
 * So the glyphs of such a line are drawn as seen and marked as carrying no text, and the line's
 * text is written a second time, invisibly, in the order that reading gives back as written:
 * the logical text cut into the stretches the reader will find, left-to-right stretches as they
 * are, each right-to-left stretch reversed and led by a RIGHT-TO-LEFT MARK (an invisible
 * character the reader counts as right-to-left, so the stretch starts where it should even when
 * the reversed stretch begins with a full stop or a space). The reader's reversal puts every
 * stretch back in logical order; the marks it leaves are invisible formatting characters.
 */
import bidiFactory from 'bidi-js'

export const RIGHT_TO_LEFT_MARK = '\u200f'

let instance: ReturnType<typeof bidiFactory> | undefined
const bidi = () => (instance ??= bidiFactory())

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u

/** Whether a line holds right-to-left characters, so its text goes into the invisible layer. */
export function needsTextLayer(text: string): boolean {
  return RTL.test(text)
}

const typeOf = (ch: string) => bidi().getBidiCharTypeName(ch)
const isRightToLeft = (ch: string) => {
  const type = typeOf(ch)
  return type === 'R' || type === 'AL'
}
/**
 * Where a reversed stretch ends: a left-to-right letter, or what the reader takes for part of a
 * number (digits and the separators and signs around them: . , : % + − …).
 */
const endsRightToLeft = (ch: string) => {
  const type = typeOf(ch)
  return type === 'L' || type === 'EN' || type === 'AN' || type === 'ES' || type === 'ET' || type === 'CS'
}

/**
 * The characters of `text` (code points; RIGHT_TO_LEFT_MARK where one is added) in the order to
 * write them left to right so that the reading described above gives `text` back.
 */
export function extractionOrder(text: string): string[] {
  const chars = Array.from(text)
  const out: string[] = []
  let i = 0
  while (i < chars.length) {
    while (i < chars.length && !isRightToLeft(chars[i]!)) out.push(chars[i++]!)
    const start = i
    while (i < chars.length && !endsRightToLeft(chars[i]!)) i++
    if (i > start) out.push(RIGHT_TO_LEFT_MARK, ...chars.slice(start, i).reverse())
  }
  return out
}
