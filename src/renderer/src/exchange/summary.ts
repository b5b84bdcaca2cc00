/** What the export dialog says about a file it made. */
import { fmt, getLanguage, t, type MessageKey } from '../i18n'
import type { ExportProduct } from './run-export'

/** "1.2 MB", "340 KB". */
export function formatSize(bytes: number): string {
  const mega = bytes >= 1024 * 1024
  const value = mega ? Math.round((bytes / (1024 * 1024)) * 10) / 10 : Math.max(1, Math.round(bytes / 1024))
  if (getLanguage() === 'en') return mega ? `${value.toFixed(1)} MB` : `${value} KB`
  // Other languages write the number and the unit their own way ("1,2 МБ", "340 КБ").
  return fmt().number(value, { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 })
}

/** One sentence on what the file is: pages, pixels and size. */
export function describe(product: ExportProduct): string {
  const s = product.summary
  const size = formatSize(s.bytes)
  if (s.format === 'pdf')
    return s.pages === 1 ? t('exchange.what.pdfOne', { size }) : t('exchange.what.pdf', { pages: s.pages, size })
  if (s.format === 'png') {
    return t('exchange.what.png', {
      width: fmt().number(s.plan.width),
      height: fmt().number(s.plan.height),
      ratio: s.plan.ratio,
      size
    })
  }
  if (s.format === 'svg') return t('exchange.what.svg', { size })
  return t('exchange.what.file', { format: t(`exchange.format.${s.format}`), size })
}

/** What else the user should know: a lowered PNG ratio, characters no font has. */
export function warnings(product: ExportProduct): string[] {
  const s = product.summary
  const out: string[] = []
  if (s.format === 'png' && s.plan.limitedBy) {
    const key: MessageKey = s.plan.limitedBy === 'side' ? 'exchange.png.limited.side' : 'exchange.png.limited.area'
    out.push(t(key, { requested: s.plan.requestedRatio, ratio: s.plan.ratio }))
  }
  if (s.format === 'pdf' && s.missing.length > 0) out.push(t('exchange.pdf.missing', { chars: s.missing.join(' ') }))
  if (s.format === 'svg' && s.missing.length > 0) out.push(t('exchange.svg.missing', { chars: s.missing.join(' ') }))
  return out
}
