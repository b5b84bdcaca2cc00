/** Messages that depend on a count: `base.one` / `base.other` in the catalogue, picked by the language's plural rules. */
import { t, type MessageKey } from '../i18n'
import { en } from '../i18n/en'

const rules = new Intl.PluralRules('en')

export function plural(base: string, count: number, params: Record<string, string | number> = {}): string {
  const exact = `${base}.${rules.select(count)}`
  const key = (exact in en ? exact : `${base}.other`) as MessageKey
  return t(key, { count, ...params })
}
