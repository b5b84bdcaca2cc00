/**
 * Per-glyph font fallback: splits a line of text into runs, each drawn in one font of a stack
 * that has every character of the run. jsPDF draws a run in one embedded font and cuts the run
 * off at the first character that font lacks, so the PDF painter draws these runs one after the
 * other instead of the whole line in one font.
 *
 * The rules, in order:
 * - Text is cut into user-perceived characters (grapheme clusters): a combining mark, a Thai
 *   vowel or tone mark above or below its consonant, a variation selector or an emoji sequence
 *   always goes with its base character, into one font.
 * - A cluster goes to the first font of the stack that has all its characters. Invisible format
 *   and control characters (ZWJ, ZWSP, variation selectors, …) do not have to be in the font;
 *   when it lacks them they are left out of the run (a tab becomes a space), since drawing
 *   them would cut the run.
 * - Spaces, digits and punctuation (the Unicode scripts Common and Inherited) stay in the font
 *   of the text before them when that font has them (else the text after them), so a Thai or
 *   Chinese sentence is not chopped into a run per space or comma; a font marked
 *   `keepsNeutrals: false` (emoji, whose space is as wide as a picture) never takes them.
 * - A cluster no font has goes to the last font, in a run of its own marked `missing`, so the
 *   caller can report it (see missingCharacters) and draw a placeholder instead.
 */
import { defaultGraphemeSegmenter, type GraphemeSegmenter } from '../layout/text'
import type { CharacterMap } from './cmap'

/** One font of a fallback stack. */
export interface StackFont {
  /** The caller's name for the font, e.g. the name it was registered under in jsPDF. */
  readonly id: string
  readonly cmap: CharacterMap
  /** False for a font whose spaces and punctuation should not be used for the text around it. */
  readonly keepsNeutrals?: boolean
}

/** Fonts to try in order, e.g. Noto Sans, Noto Sans Thai, Droid Sans Fallback. */
export type FontStack = readonly StackFont[]

/** A piece of a line drawn in one font. */
export interface TextRun {
  readonly fontId: string
  readonly text: string
  /** Set when no font of the stack has these characters: they were given the last font. */
  readonly missing?: true
}

const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]/u
/** Characters that draw nothing: format controls, variation selectors, joiners, controls. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/u
const TAB = 0x09
const SPACE = 0x20

/**
 * Splits `text` into runs by font coverage (see the module comment for the rules). Joined,
 * the runs' texts give back `text` less the invisible characters their font lacks. An empty
 * stack is a programming error and throws.
 */
export function splitRuns(
  text: string,
  stack: FontStack,
  segmentGraphemes: GraphemeSegmenter = defaultGraphemeSegmenter()
): TextRun[] {
  const last = stack[stack.length - 1]
  if (!last) throw new Error('splitRuns needs at least one font.')
  if (text === '') return []
  const first = stack[0]!
  if (coversAll(first.cmap, text)) return [{ fontId: first.id, text }]

  const clusters = segmentGraphemes(text)
  // Index in the stack of each cluster's font; -1 while undecided, stack.length when missing.
  const chosen = new Array<number>(clusters.length).fill(-1)
  const neutral = clusters.map((c) => NEUTRAL.test(c) && !/^\p{Extended_Pictographic}/u.test(c))
  clusters.forEach((cluster, i) => {
    if (!neutral[i]) chosen[i] = firstCovering(stack, cluster)
  })
  // Neutral clusters lean on their neighbours: the font before them, else the one after.
  let previous = -1
  for (let i = 0; i < clusters.length; i++) {
    if (!neutral[i]) {
      previous = chosen[i]!
      continue
    }
    const cluster = clusters[i]!
    const takes = (index: number) =>
      index >= 0 && index < stack.length && stack[index]!.keepsNeutrals !== false && covers(stack[index]!.cmap, cluster)
    if (takes(previous)) {
      chosen[i] = previous
      continue
    }
    const next = nextDecided(chosen, neutral, i)
    chosen[i] = takes(next) ? next : firstCovering(stack, cluster)
    previous = chosen[i]!
  }

  const runs: { fontId: string; text: string; missing?: true }[] = []
  clusters.forEach((cluster, i) => {
    const index = chosen[i]!
    const missing = index === stack.length
    const font = missing ? last : stack[index]!
    const drawn = missing ? cluster : visiblePart(font.cmap, cluster)
    if (drawn === '') return
    const run = runs[runs.length - 1]
    if (run && run.fontId === font.id && (run.missing === true) === missing) run.text += drawn
    else runs.push(missing ? { fontId: font.id, text: drawn, missing: true } : { fontId: font.id, text: drawn })
  })
  return runs
}

/** The distinct characters (clusters) no font of the stack has, in order of first appearance. */
export function missingCharacters(runs: readonly TextRun[], segmentGraphemes = defaultGraphemeSegmenter()): string[] {
  const seen = new Set<string>()
  for (const run of runs) if (run.missing) for (const cluster of segmentGraphemes(run.text)) seen.add(cluster)
  return [...seen]
}

/** Fast path for the usual case: the first font has every character (Latin, Cyrillic…). */
function coversAll(cmap: CharacterMap, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!
    if (code > 0xffff) i++
    if (!cmap.has(code)) return false
  }
  return true
}

/** Whether the font draws the cluster: every visible character is in it. */
function covers(cmap: CharacterMap, cluster: string): boolean {
  for (const ch of cluster) {
    if (!cmap.has(ch.codePointAt(0)!) && !INVISIBLE.test(ch)) return false
  }
  return true
}

/** Index of the first font that draws the cluster, or stack.length when none does. */
function firstCovering(stack: FontStack, cluster: string): number {
  const index = stack.findIndex((font) => covers(font.cmap, cluster))
  return index === -1 ? stack.length : index
}

/** The font of the first non-neutral cluster after i, or -1 when there is none. */
function nextDecided(chosen: readonly number[], neutral: readonly boolean[], i: number): number {
  for (let j = i + 1; j < chosen.length; j++) if (!neutral[j]) return chosen[j]!
  return -1
}

/** The cluster less the invisible characters the font lacks; a tab becomes a space if it can. */
function visiblePart(cmap: CharacterMap, cluster: string): string {
  let out = ''
  for (const ch of cluster) {
    const code = ch.codePointAt(0)!
    if (cmap.has(code)) out += ch
    else if (code === TAB && cmap.has(SPACE)) out += ' '
  }
  return out
}
