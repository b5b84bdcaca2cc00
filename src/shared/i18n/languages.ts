/**
 * The languages Journeyboard speaks. Adding a sixth is adding its code here and one catalogue per
 * message set (the typecheck lists every catalogue that still misses it).
 */
export const LANGUAGES = ['en', 'ru', 'bg', 'th', 'zh'] as const
export type Language = (typeof LANGUAGES)[number]

/** Each language in its own words, for the language switch. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  ru: 'Русский',
  bg: 'Български',
  th: 'ไทย',
  zh: '中文'
}

/**
 * The BCP 47 tag each language formats numbers, dates and lists with (Intl). Chinese is written
 * in simplified characters, as the seed articles are.
 */
export const LOCALE_TAGS: Readonly<Record<Language, string>> = {
  en: 'en',
  ru: 'ru',
  bg: 'bg',
  th: 'th',
  zh: 'zh-Hans'
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/**
 * The first supported language among the user's preferred ones (`navigator.languages`,
 * Electron's `app.getLocale()`, `LANG`), by primary subtag: `ru-RU`, `zh_CN.UTF-8` and
 * `th` all match. English when none does.
 */
export function matchLanguage(preferred: readonly (string | undefined | null)[]): Language {
  for (const tag of preferred) {
    if (!tag) continue
    const primary = tag
      .trim()
      .toLowerCase()
      .split(/[-_.@]/)[0]
    if (isLanguage(primary)) return primary
  }
  return 'en'
}
