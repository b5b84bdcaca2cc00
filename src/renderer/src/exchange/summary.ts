/** What the export dialog says about a file it made. */
import { t, type MessageKey } from '../i18n'
import type { ExportProduct } from './run-export'

/** "1.2 MB", "340 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** One sentence on what the file is: pages, pixels and size. */
export function describe(product: ExportProduct): string {
  const s = product.summary
  const size = formatSize(s.bytes)
  if (s.format === 'pdf')
    return s.pages === 1 ? t('exchange.what.pdfOne', { size }) : t('exchange.what.pdf', { pages: s.pages, size })
  if (s.format === 'png') {
    return t('exchange.what.png', {
      width: s.plan.width.toLocaleString('en'),
      height: s.plan.height.toLocaleString('en'),
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
