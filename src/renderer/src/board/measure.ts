/**
 * The board's text measure: the text engine's (../fonts.ts), the same one the PDF and the PNG
 * lay out with, so a note breaks its lines identically on screen and on paper. A new function is
 * made whenever the engine changes (fonts or HarfBuzz arrived), so layouts and painted tiles made
 * with the old widths are recognised as stale.
 */
import type { MeasureText } from '../../../shared/layout'
import { textEngine } from '../fonts'

export function createBoardMeasure(): MeasureText {
  const engine = textEngine()
  return (text, font, direction) => engine.measure(text, font, direction)
}
