/**
 * The renderer's messages: `t(key, params)` over typed ICU catalogues (./en.ts and one per
 * language), formatted by FormatJS intl-messageformat through src/shared/i18n. Strings filled in
 * are wrapped in Unicode isolates (see `isolate`). The language follows the system until the
 * user picks one in Settings (./preference.ts); switching re-renders, it does not reload.
 */
import { useSyncExternalStore } from 'react'
import { createTranslator, isolate, localeFormats, type MessageParams } from '../../../shared/i18n/format'
import { LOCALE_TAGS, matchLanguage, type Language } from '../../../shared/i18n/languages'
import { bg } from './bg'
import { en, type Catalogue, type MessageKey } from './en'
import { ru } from './ru'
import { th } from './th'
import { zh } from './zh'

/** Every language's catalogue; each is typed `Catalogue`, so a missing key fails the typecheck. */
export const catalogues: Readonly<Record<Language, Catalogue>> = { en, ru, bg, th, zh }

let language: Language = 'en'
let translate = createTranslator<MessageKey>(catalogues, language)
let formats = localeFormats(language)
const listeners = new Set<() => void>()

/** Switches the UI language (a code or any BCP 47 tag); unknown languages fall back to English. */
export function setLanguage(tag: string): void {
  const next = matchLanguage([tag])
  if (next === language) return
  language = next
  translate = createTranslator<MessageKey>(catalogues, language)
  formats = localeFormats(language)
  // The page's language: screen readers pick their voice, the browser its line breaking
  // (Thai has no spaces between words) and the fonts' CJK shapes by it.
  const page = (globalThis as { document?: { documentElement: { lang: string } } }).document
  if (page) page.documentElement.lang = LOCALE_TAGS[language]
  for (const listener of listeners) listener()
}

export function getLanguage(): Language {
  return language
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The current language, re-rendering the caller when it changes (the App root uses it). */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, getLanguage)
}

/** Looks up a message and formats it in the current language. */
export function t(key: MessageKey, params: MessageParams = {}): string {
  return translate(key, params)
}

/**
 * A message as written in the current language's catalogue, unformatted: for code that formats
 * it itself with its own values (the PDF's page footer, its "{count} votes").
 */
export function messageSource(key: MessageKey): string {
  return catalogues[language][key]
}

/** The current language's BCP 47 tag, for Intl and for messages formatted elsewhere. */
export function localeTag(): string {
  return LOCALE_TAGS[language]
}

/**
 * Names in a sentence: "A, B, C" in English (as it always was), the language's own list
 * otherwise ("A, B и C", "A、B和C").
 */
export function listOf(items: readonly string[]): string {
  return language === 'en' ? items.join(', ') : formats.list(items)
}

/** Numbers, percentages, dates and lists in the current language (Intl). */
export function fmt(): ReturnType<typeof localeFormats> {
  return formats
}

export { isolate }
export type { MessageKey }
