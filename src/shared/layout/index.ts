/** Map → scene: where every rectangle, text line, curve and marker goes, for the board and the PDF. */
export type * from './scene'
export { layoutMap, layoutSteps } from './layout'
export { previewMap, type PreviewColumns } from './progressive'
export {
  createLayoutCache,
  cellId,
  DEFAULT_LABELS,
  type LayoutCache,
  type LayoutOptions,
  type LayoutPersona,
  type SeriesLabels
} from './common'
export { plotBand, scoreToY, seriesKey, yToScore } from './emotion'
export { COLORS, FONT_FAMILY, LAYOUT, MARKER_RADIUS, textColorOn } from './metrics'
export {
  chunksOf,
  cssFont,
  ellipsize,
  ELLIPSIS,
  fallbackGraphemes,
  fallbackWordSegmenter,
  memoizeMeasure,
  wrapText,
  type WrappedText,
  type WrapOptions
} from './text'
export * from './viewport'
