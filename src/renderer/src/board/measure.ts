/**
 * The board's text measure: a 2D canvas context with the scene's own fonts, so notes wrap the way
 * they are drawn. Widths are cached; a new measure is made when fonts finish loading.
 */
import { cssFont, memoizeMeasure, type MeasureText } from '../../../shared/layout'

export function createCanvasMeasure(): MeasureText {
  const ctx = document.createElement('canvas').getContext('2d')
  if (!ctx) {
    // No 2D canvas (should not happen in Chromium): an estimate keeps the board usable.
    return (text, font) => text.length * font.size * 0.55
  }
  let lastFont = ''
  return memoizeMeasure((text, font) => {
    const css = cssFont(font)
    if (css !== lastFont) {
      ctx.font = css
      lastFont = css
    }
    return ctx.measureText(text).width
  })
}
