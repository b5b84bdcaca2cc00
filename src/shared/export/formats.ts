/** The export formats, their files (extension, media type), and file names every desktop OS takes. */
import { MAP_DOCUMENT_EXTENSION, MAP_DOCUMENT_MEDIA_TYPE } from '../format/document'

export const EXPORT_FORMATS = ['pdf', 'png', 'svg', 'journeymap', 'csv', 'json', 'mermaid'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface FormatFile {
  /** Without the dot. */
  readonly extension: string
  readonly mediaType: string
  /** For save dialogs' filters: "PDF document". */
  readonly description: string
}

export const FORMAT_FILES: Readonly<Record<ExportFormat, FormatFile>> = {
  pdf: { extension: 'pdf', mediaType: 'application/pdf', description: 'PDF document' },
  png: { extension: 'png', mediaType: 'image/png', description: 'PNG image' },
  svg: { extension: 'svg', mediaType: 'image/svg+xml', description: 'SVG image' },
  journeymap: {
    extension: MAP_DOCUMENT_EXTENSION,
    mediaType: MAP_DOCUMENT_MEDIA_TYPE,
    description: 'Journeyboard map'
  },
  csv: { extension: 'csv', mediaType: 'text/csv', description: 'CSV spreadsheet' },
  json: { extension: 'json', mediaType: 'application/json', description: 'Journeyboard JSON' },
  mermaid: { extension: 'mmd', mediaType: 'text/plain', description: 'Mermaid journey diagram' }
}

/** A file name stem every desktop OS accepts: no path separators, reserved or control characters. */
export function safeFileStem(title: string): string {
  const stem = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 80)
    .trim()
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem) || stem === '' ? 'journey-map' : stem
}

/** "Onboarding.pdf" for a map titled "Onboarding". */
export function exportFileName(title: string, format: ExportFormat): string {
  return `${safeFileStem(title)}.${FORMAT_FILES[format].extension}`
}
