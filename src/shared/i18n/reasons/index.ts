/** The reason catalogues of every language, and a translator over them (see ./en.ts). */
import { createTranslator, type Messages, type Translate, type TranslatorOptions } from '../format'
import type { Language } from '../languages'
import { REASONS_BG } from './bg'
import { REASONS_EN, type ReasonId } from './en'
import { REASONS_RU } from './ru'
import { REASONS_TH } from './th'
import { REASONS_ZH } from './zh'

export const reasonCatalogues: Readonly<Record<Language, Messages<ReasonId>>> = {
  en: REASONS_EN,
  ru: REASONS_RU,
  bg: REASONS_BG,
  th: REASONS_TH,
  zh: REASONS_ZH
}

export function reasonTranslator(language: Language, options?: TranslatorOptions): Translate<ReasonId> {
  return createTranslator<ReasonId>(reasonCatalogues, language, options)
}

export { REASONS_EN, type ReasonId }
