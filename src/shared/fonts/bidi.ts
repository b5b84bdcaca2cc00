/**
 * The Unicode Bidirectional Algorithm (UAX #9) through `bidi-js`: the direction of a paragraph
 * (its first strong character, as `dir="auto"` does in HTML), the embedding level of every
 * character of a line, the visual order of runs, and mirrored brackets in right-to-left runs.
 */
import bidiFactory from 'bidi-js'

export type Direction = 'ltr' | 'rtl'

let instance: ReturnType<typeof bidiFactory> | undefined
const bidi = () => (instance ??= bidiFactory())

/** Characters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, …) and their forms. */
const RTL_RANGE = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u
/** Explicit direction controls: text holding any of these goes through the whole algorithm. */
const BIDI_CONTROL = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/

/** Whether the text may need bidi at all: any right-to-left character or direction control. */
export function mayNeedBidi(text: string): boolean {
  return RTL_RANGE.test(text) || BIDI_CONTROL.test(text)
}

/**
 * The direction of a text: that of its first strong character (letters of a left-to-right
 * script, or Hebrew/Arabic letters), left to right when it has none.
 */
export function baseDirection(text: string): Direction {
  if (!mayNeedBidi(text)) return 'ltr'
  const b = bidi()
  for (const ch of text) {
    const type = b.getBidiCharTypeName(ch)
    if (type === 'L') return 'ltr'
    if (type === 'R' || type === 'AL') return 'rtl'
  }
  return 'ltr'
}

/** The resolved embedding level of every UTF-16 unit of `text` in a paragraph of `direction`. */
export function embeddingLevels(text: string, direction: Direction): Uint8Array {
  return bidi().getEmbeddingLevels(text, direction).levels
}

/** A bracket's mirror image for right-to-left text ("(" → ")"), or null. */
export function mirrored(ch: string): string | null {
  return bidi().getMirroredCharacter(ch)
}

/**
 * Visual order of runs, given each run's embedding level (rule L2: from the highest level down
 * to the lowest odd one, reverse every sequence of runs at that level or higher). Returns the
 * runs' indices left to right.
 */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i)
  if (levels.length < 2) return order
  let highest = 0
  let lowestOdd = Infinity
  for (const level of levels) {
    highest = Math.max(highest, level)
    if (level % 2 === 1) lowestOdd = Math.min(lowestOdd, level)
  }
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; i++) {
      if (levels[order[i]!]! < level) continue
      let j = i
      while (j + 1 < order.length && levels[order[j + 1]!]! >= level) j++
      order.splice(i, j - i + 1, ...order.slice(i, j + 1).reverse())
      i = j
    }
  }
  return order
}
