/**
 * English words in a text: words of the English catalogue (three letters or more) found in it,
 * leaving out names that stay as they are in every language (Journeyboard, file formats, keys,
 * KPI abbreviations). Shared by the catalogue test and the Playwright language tests.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { en } from '../../src/renderer/src/i18n/en'

/** The words a reader sees in an ICU message: its literal text, in every plural or select branch. */
export function literalText(message: string): string {
  const parts: string[] = []
  const walk = (elements: readonly MessageFormatElement[]): void => {
    for (const el of elements) {
      if (el.type === TYPE.literal) parts.push(el.value)
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value)
    }
  }
  walk(parse(message, { ignoreTag: true }))
  return parts.join(' ')
}

/** Words that are the same in every language: names, formats, keys, abbreviations, CSV columns. */
export const NOT_ENGLISH = new Set([
  'journeyboard',
  'pdf',
  'png',
  'svg',
  'csv',
  'json',
  'mermaid',
  'journey',
  'journeymap',
  'kpi',
  'kpis',
  'nps',
  'csat',
  'clv',
  'ctrl',
  'enter',
  'esc',
  'shift',
  'alt',
  'del',
  'token',
  'git',
  'github',
  'letter',
  'acme',
  'stage',
  'lane',
  'text',
  'saas',
  'b2b',
  'jpeg',
  'webp',
  'gif',
  // The tools metrics come from, by their names, and their file formats.
  'google',
  'analytics',
  'yandex',
  'metrica',
  'hubspot',
  'salesforce',
  'excel',
  'xlsx'
])

const catalogueWords = new Set(
  Object.values(en)
    .flatMap(
      (message) =>
        literalText(message)
          .toLowerCase()
          .match(/[a-z]{3,}/g) ?? []
    )
    .filter((word) => !NOT_ENGLISH.has(word))
)

/** English words in plain text (as a page shows it). */
export function englishWordsIn(text: string): string[] {
  // Quoted text is a name, a file's keyword or the user's own words, not the app speaking.
  const unquoted = text.replace(/"[^"]*"|«[^»]*»|„[^“]*“|“[^”]*”/g, ' ')
  const words = unquoted.toLowerCase().match(/[a-z]{3,}/g) ?? []
  return [...new Set(words.filter((w) => catalogueWords.has(w)))]
}
