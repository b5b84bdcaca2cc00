import { en, type Catalogue, type MessageKey } from './en'

const catalogues: Record<string, Catalogue> = { en }
let current: Catalogue = en

/** Switches the UI language; unknown languages fall back to English. */
export function setLanguage(lang: string): void {
  current = catalogues[lang] ?? catalogues[lang.split('-')[0] ?? ''] ?? en
}

/**
 * Looks up a message and fills `{name}` placeholders. Every string filled in is wrapped in
 * Unicode isolates (FSI … PDI), so text from users (a persona named in Arabic, or carrying a
 * right-to-left override) keeps its own direction inside the sentence and cannot reorder the
 * app's words around it. The marks are invisible; numbers are not wrapped.
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = current[key] ?? en[key]
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole
    const value = params[name]!
    return typeof value === 'string' ? isolate(value) : String(value)
  })
}

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

export type { MessageKey }
