/**
 * Messages in ICU MessageFormat (FormatJS intl-messageformat): `{name}` placeholders, plurals
 * by the language's own rules (`{count, plural, one {# map} other {# maps}}` — Russian and
 * Bulgarian have more forms, Thai and Chinese none), selects, and `{n, number, percent}`.
 * One translator per catalogue set and language; every process (renderer, main menu, PDF,
 * CLI) makes its sentences with it.
 */
import { IntlMessageFormat } from 'intl-messageformat'
import { LOCALE_TAGS, type Language } from './languages'

export type MessageParams = Readonly<Record<string, string | number>>
/** A catalogue: every key of the English one, each an ICU message. */
export type Messages<K extends string> = Readonly<Record<K, string>>

const FSI = '\u2068'
const PDI = '\u2069'
/** Isolate initiators: LRI, RLI, FSI. */
const INITIATOR = /[\u2066-\u2068]/

/**
 * `text` between FSI and PDI, balanced first: a PDI in it without an initiator of its own would
 * end our isolate early (and is dropped: alone it does nothing), and an initiator it leaves open
 * would swallow our PDI (so it is closed). Embeddings and overrides it leaves open (U+202A–U+202E)
 * end at our PDI by the bidi algorithm's own rules.
 */
export function isolate(text: string): string {
  let open = 0
  let out = ''
  for (const char of text) {
    if (INITIATOR.test(char)) open++
    else if (char === PDI) {
      if (open === 0) continue
      open--
    }
    out += char
  }
  return `${FSI}${out}${PDI.repeat(open)}${PDI}`
}

export interface TranslatorOptions {
  /**
   * Wrap every string filled in with Unicode isolates (FSI … PDI), so text from users (a persona
   * named in Arabic, or carrying a right-to-left override) keeps its own direction inside the
   * sentence and cannot reorder the app's words around it. On for the UI; off for the CLI and
   * files, whose readers are scripts. Numbers are never wrapped.
   */
  readonly isolate: boolean
}

export type Translate<K extends string> = (key: K, params?: MessageParams) => string

/**
 * `t(key, params)` over a set of catalogues in one language, falling back to English for a key
 * the language lacks at run time (the typecheck makes that rare) and to the message text itself
 * when a message cannot be formatted (a parameter missing): a sentence with a `{gap}` is better
 * than a blank dialog.
 */
export function createTranslator<K extends string>(
  catalogues: { readonly en: Messages<K> } & Partial<Record<Language, Messages<K>>>,
  language: Language,
  options: TranslatorOptions = { isolate: true }
): Translate<K> {
  const cache = new Map<K, IntlMessageFormat>()
  const catalogue = catalogues[language] ?? catalogues.en
  const locale = LOCALE_TAGS[language]
  const compile = (key: K): IntlMessageFormat | null => {
    let format = cache.get(key)
    if (!format) {
      const source = catalogue[key] ?? catalogues.en[key]
      if (source === undefined) return null
      format = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true })
      cache.set(key, format)
    }
    return format
  }
  return (key, params = {}) => {
    let format: IntlMessageFormat | null
    try {
      format = compile(key)
    } catch {
      return catalogue[key] ?? catalogues.en[key] ?? key
    }
    if (!format) return key
    const values: Record<string, string | number> = {}
    for (const [name, value] of Object.entries(params)) {
      values[name] = typeof value === 'string' && options.isolate ? isolate(value) : value
    }
    try {
      const out = format.format(values)
      return typeof out === 'string' ? out : String(out)
    } catch {
      return catalogue[key] ?? key
    }
  }
}

/** The language's number, percent, date and list formats (Intl), for text that is not a message. */
export function localeFormats(language: Language): {
  number: (value: number, options?: Intl.NumberFormatOptions) => string
  percent: (ratio: number) => string
  date: (value: Date | string | number, options?: Intl.DateTimeFormatOptions) => string
  list: (items: readonly string[], type?: 'conjunction' | 'disjunction' | 'unit') => string
} {
  const tag = LOCALE_TAGS[language]
  return {
    number: (value, options) => new Intl.NumberFormat(tag, options).format(value),
    percent: (ratio) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(ratio),
    date: (value, options = { dateStyle: 'medium', timeStyle: 'short' }) =>
      new Intl.DateTimeFormat(tag, options).format(new Date(value)),
    list: (items, type = 'conjunction') => new Intl.ListFormat(tag, { type, style: 'long' }).format(items)
  }
}
