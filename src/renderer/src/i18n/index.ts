import { en, type Catalogue, type MessageKey } from './en'

const catalogues: Record<string, Catalogue> = { en }
let current: Catalogue = en

/** Switches the UI language; unknown languages fall back to English. */
export function setLanguage(lang: string): void {
  current = catalogues[lang] ?? catalogues[lang.split('-')[0] ?? ''] ?? en
}

/** Looks up a message and fills `{name}` placeholders. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = current[key] ?? en[key]
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

export type { MessageKey }
