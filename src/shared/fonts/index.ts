/**
 * The fonts Journeyboard ships in resources/fonts (see its README.md for where they come from
 * and their licences), and the fallback stacks the board and the PDF draw text with.
 */
export { parseCmap, parseCmapTable, type CharacterMap } from './cmap'
export { missingCharacters, splitRuns, type FontStack, type StackFont, type TextRun } from './coverage'
export { FontFormatError, TRUETYPE_VERSION, hasTrueTypeOutlines, readTableDirectory } from './sfnt'
export { readHorizontalMetrics, type HorizontalMetrics } from './metrics'
export { readMarkPositioning, type GlyphOffset, type MarkPositioning } from './marks'

/** A font file in resources/fonts. */
export interface BundledFont {
  /** Stable name, used as the font's id in a stack and its name in the PDF. */
  readonly id: string
  /** File name inside resources/fonts. */
  readonly file: string
  /** Family name for CSS @font-face and canvas. */
  readonly family: string
  readonly weight: 'normal' | 'bold'
}

export const BUNDLED_FONTS = {
  notoSans: { id: 'NotoSans', file: 'NotoSans-Regular.ttf', family: 'Noto Sans', weight: 'normal' },
  notoSansBold: { id: 'NotoSans-Bold', file: 'NotoSans-Bold.ttf', family: 'Noto Sans', weight: 'bold' },
  notoSansThai: { id: 'NotoSansThai', file: 'NotoSansThai-Regular.ttf', family: 'Noto Sans Thai', weight: 'normal' },
  notoSansThaiBold: {
    id: 'NotoSansThai-Bold',
    file: 'NotoSansThai-Bold.ttf',
    family: 'Noto Sans Thai',
    weight: 'bold'
  },
  droidSansFallback: {
    id: 'DroidSansFallback',
    file: 'DroidSansFallbackFull.ttf',
    family: 'Droid Sans Fallback',
    weight: 'normal'
  },
  dejaVuSans: { id: 'DejaVuSans', file: 'DejaVuSans.ttf', family: 'DejaVu Sans', weight: 'normal' }
} as const satisfies Record<string, BundledFont>

/**
 * Fallback order per weight: Latin, Greek and Cyrillic first, then Thai, then CJK (ideographs,
 * kana, CJK punctuation), then symbols the others lack (arrows, check marks, ≤ ≥ ≠, stars,
 * geometric shapes). Droid Sans Fallback and DejaVu Sans are shipped in their regular face
 * only: bold CJK and bold symbols are drawn regular.
 */
export const FONT_STACKS: Readonly<Record<'normal' | 'bold', readonly BundledFont[]>> = {
  normal: [
    BUNDLED_FONTS.notoSans,
    BUNDLED_FONTS.notoSansThai,
    BUNDLED_FONTS.droidSansFallback,
    BUNDLED_FONTS.dejaVuSans
  ],
  bold: [
    BUNDLED_FONTS.notoSansBold,
    BUNDLED_FONTS.notoSansThaiBold,
    BUNDLED_FONTS.droidSansFallback,
    BUNDLED_FONTS.dejaVuSans
  ]
}
