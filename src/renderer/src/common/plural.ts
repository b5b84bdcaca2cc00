/**
 * A message that depends on a count: one ICU message with `{count, plural, …}` in every
 * catalogue, so each language uses its own plural forms (one/few/many/other in Russian, none in
 * Thai and Chinese). Kept as a name for call sites that read better with it; `params.count`
 * overrides the count shown when a message selects on one number and shows another.
 */
import { t, type MessageKey } from '../i18n'

export function plural(key: MessageKey, count: number, params: Record<string, string | number> = {}): string {
  return t(key, { count, ...params })
}
