/**
 * The text engine the board's painters lay text out with. Set by ../fonts.ts when the renderer
 * starts (with the fonts it fetches); anything else that paints with these painters (a PNG
 * exporter in a headless page or on a Node canvas) sets its own, already loaded engine.
 * Kept apart from ../fonts.ts so the painters do not pull in the renderer's font asset URLs.
 */
import { createTextEngine, type TextEngine } from '../../fonts'

let current: TextEngine = createTextEngine()

export function paintEngine(): TextEngine {
  return current
}

export function setPaintEngine(engine: TextEngine): void {
  current = engine
}
