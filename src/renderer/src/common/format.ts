/** Dates as the UI shows them: "5 min ago" for recent edits, the local date after a day. */
import { t } from '../i18n'

export function relativeTime(iso: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000)
  if (minutes < 1) return t('time.justNow')
  if (minutes < 60) return t('time.minutes', { count: minutes })
  if (minutes < 24 * 60) return t('time.hours', { count: Math.floor(minutes / 60) })
  return formatDate(iso)
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** "4 Mar 2026" in the user's locale. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso))
}

/** "4 Mar 2026, 10:05" in the user's locale. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso))
}
