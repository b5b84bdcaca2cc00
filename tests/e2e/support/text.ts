/**
 * Matching the app's sentences as a person reads them. The app wraps every value it quotes in a
 * sentence (a title, a name, a search) in invisible Unicode isolates (FSI … PDI, see
 * src/renderer/src/i18n) so that right-to-left text cannot reorder the sentence; `shown` matches
 * the visible text whatever isolates sit inside it. That the isolates are there and work is
 * tested in tests/e2e/bidi.spec.ts.
 */
const MARKS = '[\\u2066-\\u2069]*'
const escape = (char: string) => char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

/** A pattern for `text` with any isolate marks between its characters; `exact` matches the whole text. */
export function shown(text: string, { exact = false }: { readonly exact?: boolean } = {}): RegExp {
  const body = [...text].map(escape).join(MARKS)
  return new RegExp(exact ? `^${MARKS}${body}${MARKS}$` : body)
}

/** The same for a pattern's start: `text` at the beginning of the name or text, isolates allowed. */
export const startsWith = (text: string): RegExp => new RegExp(`^${MARKS}${shown(text).source}`)
