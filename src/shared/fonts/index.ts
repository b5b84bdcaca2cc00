/**
 * The fonts Journeyboard ships in resources/fonts (see its README.md for where they come from
 * and their licences), and the fallback stacks the board, the PDF and the PNG draw text with.
 */
export { parseCmap, parseCmapTable, type CharacterMap } from './cmap'
export { missingCharacters, splitRuns, type FontStack, type StackFont, type TextRun } from './coverage'
export { FontFormatError, TRUETYPE_VERSION, hasTrueTypeOutlines, readTableDirectory, withoutEmptyTables } from './sfnt'
export { readHorizontalMetrics, type HorizontalMetrics } from './metrics'
export { loadHarfBuzz, type HarfBuzz, type HarfBuzzFont, type HarfBuzzWasm, type ShapedGlyphs } from './harfbuzz'
export { baseDirection, type Direction } from './bidi'
export {
  createTextEngine,
  type EngineFont,
  type FontFiles,
  type GlyphRun,
  type LineLayout,
  type PlacedGlyph,
  type TextEngine
} from './engine'
export { BUNDLED_FONTS, FONT_STACKS, fontById, type BundledFont, type CodeRange } from './bundled'
