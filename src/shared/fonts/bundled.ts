/**
 * The bundled fonts: which file draws which characters, and in which order a run falls back
 * from one font to the next (see resources/fonts/README.md for sources and licences).
 */

/** A range of code points, both ends included. */
export type CodeRange = readonly [number, number]

/** A font file in resources/fonts. */
export interface BundledFont {
  /** Stable name, used as the font's id in a stack and its name in the PDF. */
  readonly id: string
  /** File name inside resources/fonts. */
  readonly file: string
  /** Family name of this one file for CSS @font-face and canvas (the board draws each run in its own font). */
  readonly family: string
  readonly weight: 'normal' | 'bold'
  /**
   * The characters this font is in the stack for, so a renderer knows which files a text needs
   * before it has read them (CSS `unicode-range` says the same in fonts.css); null for the first
   * font of a stack, which is always loaded.
   */
  readonly ranges: readonly CodeRange[] | null
  /**
   * False when spaces and punctuation next to this font's characters should come from the text
   * font instead (Noto Emoji's space is as wide as an emoji).
   */
  readonly keepsNeutrals?: false
}

const THAI: CodeRange[] = [[0x0e00, 0x0e7f]]
const ARABIC: CodeRange[] = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff]
]
const HEBREW: CodeRange[] = [
  [0x0590, 0x05ff],
  [0xfb1d, 0xfb4f]
]
const DEVANAGARI: CodeRange[] = [
  [0x0900, 0x097f],
  [0x1cd0, 0x1cff],
  [0xa8e0, 0xa8ff]
]
const CJK: CodeRange[] = [
  [0x2e80, 0x2fdf],
  [0x2ff0, 0x303f],
  [0x3040, 0x31ff],
  [0x3200, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef]
]
const HANGUL: CodeRange[] = [
  [0x1100, 0x11ff],
  [0x3130, 0x318f],
  [0xa960, 0xa97f],
  [0xac00, 0xd7ff]
]
const SYMBOLS: CodeRange[] = [
  [0x2000, 0x2bff],
  [0x2e00, 0x2e7f],
  [0x1f000, 0x1f0ff]
]
const EMOJI: CodeRange[] = [
  [0x200d, 0x200d],
  [0x2300, 0x23ff],
  [0x2600, 0x27bf],
  [0x2b00, 0x2bff],
  [0xfe0f, 0xfe0f],
  [0x1f000, 0x1faff],
  [0xe0020, 0xe007f]
]

export const BUNDLED_FONTS = {
  notoSans: { id: 'NotoSans', file: 'NotoSans-Regular.ttf', family: 'JB Noto Sans', weight: 'normal', ranges: null },
  notoSansBold: {
    id: 'NotoSans-Bold',
    file: 'NotoSans-Bold.ttf',
    family: 'JB Noto Sans',
    weight: 'bold',
    ranges: null
  },
  notoSansThai: {
    id: 'NotoSansThai',
    file: 'NotoSansThai-Regular.ttf',
    family: 'JB Noto Sans Thai',
    weight: 'normal',
    ranges: THAI
  },
  notoSansThaiBold: {
    id: 'NotoSansThai-Bold',
    file: 'NotoSansThai-Bold.ttf',
    family: 'JB Noto Sans Thai',
    weight: 'bold',
    ranges: THAI
  },
  notoSansArabic: {
    id: 'NotoSansArabic',
    file: 'NotoSansArabic-Regular.ttf',
    family: 'JB Noto Sans Arabic',
    weight: 'normal',
    ranges: ARABIC
  },
  notoSansArabicBold: {
    id: 'NotoSansArabic-Bold',
    file: 'NotoSansArabic-Bold.ttf',
    family: 'JB Noto Sans Arabic',
    weight: 'bold',
    ranges: ARABIC
  },
  notoSansHebrew: {
    id: 'NotoSansHebrew',
    file: 'NotoSansHebrew-Regular.ttf',
    family: 'JB Noto Sans Hebrew',
    weight: 'normal',
    ranges: HEBREW
  },
  notoSansHebrewBold: {
    id: 'NotoSansHebrew-Bold',
    file: 'NotoSansHebrew-Bold.ttf',
    family: 'JB Noto Sans Hebrew',
    weight: 'bold',
    ranges: HEBREW
  },
  notoSansDevanagari: {
    id: 'NotoSansDevanagari',
    file: 'NotoSansDevanagari-Regular.ttf',
    family: 'JB Noto Sans Devanagari',
    weight: 'normal',
    ranges: DEVANAGARI
  },
  notoSansDevanagariBold: {
    id: 'NotoSansDevanagari-Bold',
    file: 'NotoSansDevanagari-Bold.ttf',
    family: 'JB Noto Sans Devanagari',
    weight: 'bold',
    ranges: DEVANAGARI
  },
  droidSansFallback: {
    id: 'DroidSansFallback',
    file: 'DroidSansFallbackFull.ttf',
    family: 'JB Droid Sans Fallback',
    weight: 'normal',
    ranges: CJK
  },
  nanumGothic: {
    id: 'NanumGothic',
    file: 'NanumGothic.ttf',
    family: 'JB NanumGothic',
    weight: 'normal',
    ranges: HANGUL
  },
  dejaVuSans: { id: 'DejaVuSans', file: 'DejaVuSans.ttf', family: 'JB DejaVu Sans', weight: 'normal', ranges: SYMBOLS },
  notoEmoji: {
    id: 'NotoEmoji',
    file: 'NotoEmoji-Regular.ttf',
    family: 'JB Noto Emoji',
    weight: 'normal',
    ranges: EMOJI,
    keepsNeutrals: false
  }
} as const satisfies Record<string, BundledFont>

/**
 * Fallback order per weight: Latin, Greek, Cyrillic and Vietnamese first; then Thai, Arabic,
 * Hebrew and Devanagari; then CJK (ideographs, kana, CJK punctuation); then symbols the others
 * lack (arrows, check marks, ≤ ≥ ≠, stars, geometric shapes); then Hangul (NanumGothic also has
 * Latin, symbols and Hanja, which the fonts before it draw, so it only gets what they lack); and
 * last the monochrome emoji. Droid Sans Fallback,
 * NanumGothic, DejaVu Sans and Noto Emoji are shipped in their regular face only: bold CJK,
 * Hangul, symbols and emoji are drawn regular.
 */
export const FONT_STACKS: Readonly<Record<'normal' | 'bold', readonly BundledFont[]>> = {
  normal: [
    BUNDLED_FONTS.notoSans,
    BUNDLED_FONTS.notoSansThai,
    BUNDLED_FONTS.notoSansArabic,
    BUNDLED_FONTS.notoSansHebrew,
    BUNDLED_FONTS.notoSansDevanagari,
    BUNDLED_FONTS.droidSansFallback,
    BUNDLED_FONTS.dejaVuSans,
    BUNDLED_FONTS.nanumGothic,
    BUNDLED_FONTS.notoEmoji
  ],
  bold: [
    BUNDLED_FONTS.notoSansBold,
    BUNDLED_FONTS.notoSansThaiBold,
    BUNDLED_FONTS.notoSansArabicBold,
    BUNDLED_FONTS.notoSansHebrewBold,
    BUNDLED_FONTS.notoSansDevanagariBold,
    BUNDLED_FONTS.droidSansFallback,
    BUNDLED_FONTS.dejaVuSans,
    BUNDLED_FONTS.nanumGothic,
    BUNDLED_FONTS.notoEmoji
  ]
}

/** The bundled font by its id. */
export const fontById = (id: string): BundledFont | undefined =>
  Object.values(BUNDLED_FONTS).find((font) => font.id === id)
