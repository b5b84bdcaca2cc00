/**
 * The fonts of a PDF export: the text engine with the bundled TrueType files and HarfBuzz (handed
 * in by the caller, so this runs in Node, the renderer and tests alike). The layout measures with
 * the engine, and the painter draws the engine's glyph runs, so a line is exactly as wide on
 * paper as it was when it was wrapped, and as wide as on the board.
 */
import { FONT_STACKS, type TextEngine } from '../../fonts'
import type { MeasureText } from '../../layout'

export type { FontFiles } from '../../fonts'

export interface PdfFontSet {
  readonly engine: TextEngine
  /** The layout's measure: the engine's. */
  readonly measure: MeasureText
}

/**
 * The PDF's fonts from a text engine. The first font of each stack (Noto Sans regular and bold)
 * must be there; a missing fallback font leaves its characters to the next one or to a
 * placeholder (reported); without HarfBuzz complex scripts are drawn unshaped.
 */
export function createPdfFontSet(engine: TextEngine): PdfFontSet {
  for (const weight of ['normal', 'bold'] as const) {
    const first = FONT_STACKS[weight][0]!
    if (!engine.fonts.has(first.id)) throw new Error(`The PDF needs ${first.file}; it was not given.`)
  }
  return { engine, measure: engine.measure }
}
