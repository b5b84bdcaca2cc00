/** Dates as the UI shows them: "5 min ago" for recent edits, the date after a day — in the app's language. */
import { fmt, t } from '../i18n'

export function relativeTime(iso: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000)
  if (minutes < 1) return t('time.justNow')
  if (minutes < 60) return t('time.minutes', { count: minutes })
  if (minutes < 24 * 60) return t('time.hours', { count: Math.floor(minutes / 60) })
  return formatDate(iso)
}

/** "4 Mar 2026" ("4 мар. 2026 г.", "4 มี.ค. 2569", "2026年3月4日") in the app's language. */
export function formatDate(iso: string): string {
  return fmt().date(iso, { dateStyle: 'medium' })
}

/** "4 Mar 2026, 10:05" in the app's language. */
export function formatDateTime(iso: string): string {
  return fmt().date(iso, { dateStyle: 'medium', timeStyle: 'short' })
}
