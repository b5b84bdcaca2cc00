/**
 * The exporters, in one place: each format's file (extension, media type), its options (what
 * the export dialog shows and the CLI accepts, with their defaults), and how its file is made.
 * The export dialog (renderer/src/exchange) and the CLI (cli/exchange.ts) both read this, so a
 * format or an option is added here once.
 *
 * Making a file needs things only the caller has: the font files, a canvas for PNG, the words
 * in the user's language. They come in an ExportHost. The heavy exporters (jsPDF, the SVG
 * writer) are imported when first used, so reading the registry costs nothing.
 */
import { serializeMapDocument } from '../format/document'
import { serializeInterchange } from '../format/interchange'
import { lineageOf } from '../format/lineage'
import type { JourneyMap, Persona } from '../model'
import type { PdfAttachment } from './pdf'
import { utf8 } from './embed/bytes'
import { embedInPng, isPng, readFromPng } from './embed/png'
import { isPdf, readFromPdf } from './embed/pdf'
import { embedInSvg, looksLikeSvg, readFromSvg } from './embed/svg'
import type { SeriesLabels } from '../layout'
import { EXPORT_FORMATS, FORMAT_FILES, exportFileName, type ExportFormat, type FormatFile } from './formats'
import type { FontSubsetter } from './svg/subset'
import type { PngPlan } from './png-plan'
import {
  DEFAULT_PDF_OPTIONS,
  ORIENTATIONS,
  PAPER_SIZES,
  PDF_FITS,
  type PageOrientation,
  type PaperSize,
  type PdfFit,
  type PdfLabels
} from './pdf/options'
import type { PdfFontSet } from './pdf/fonts'

export { EXPORT_FORMATS, type ExportFormat }

/** One option of a format, as the dialog shows it and the CLI reads it. */
export type OptionSpec =
  | {
      readonly key: string
      readonly kind: 'choice'
      readonly values: readonly string[]
      /** How the dialog offers it: a drop-down or a row of radio buttons. */
      readonly control: 'select' | 'radio'
      /** The CLI's flag, without the dashes; `--flag value`. */
      readonly flag: string
      /** Other CLI flags that set a value: `--poster` is `--fit tile`. */
      readonly aliases?: Readonly<Record<string, string>>
      /** Whether the option means anything given the others (the dialog greys it out). */
      readonly appliesWhen?: (options: Readonly<Record<string, unknown>>) => boolean
    }
  | {
      readonly key: string
      readonly kind: 'flag'
      /** `--flag` turns it on, `--no-flag` off. */
      readonly flag: string
      readonly appliesWhen?: (options: Readonly<Record<string, unknown>>) => boolean
    }

/** The pictures (PDF, PNG, SVG) carry the map's document unless asked not to. */
export interface EmbedChoice {
  /** Embed the editable map (a .journeymap document), so the file opens again in Journeyboard. */
  readonly embedMap: boolean
}

export interface PdfChoices extends EmbedChoice {
  readonly paper: PaperSize
  readonly orientation: PageOrientation
  readonly fit: PdfFit
  readonly header: boolean
  readonly personaPages: boolean
  readonly notesTable: boolean
  readonly analysisPage: boolean
}

export const PNG_SCALES = ['1', '2', '3'] as const
export const BACKGROUNDS = ['white', 'transparent'] as const
export type Background = (typeof BACKGROUNDS)[number]

export interface PngChoices extends EmbedChoice {
  /** Pixels per board unit: 1, 2 or 3 (lowered past the canvas limits; the summary says so). */
  readonly scale: (typeof PNG_SCALES)[number]
  readonly background: Background
}

export interface SvgChoices extends EmbedChoice {
  readonly background: Background
}

export interface ExportOptionsByFormat {
  readonly pdf: PdfChoices
  readonly png: PngChoices
  readonly svg: SvgChoices
  readonly journeymap: Record<string, never>
  readonly csv: Record<string, never>
  readonly json: Record<string, never>
  readonly mermaid: Record<string, never>
}

export type ExportRequest = {
  [F in ExportFormat]: { readonly format: F; readonly options: ExportOptionsByFormat[F] }
}[ExportFormat]

export type ExportSummary =
  | { readonly format: 'pdf'; readonly bytes: number; readonly pages: number; readonly missing: readonly string[] }
  | { readonly format: 'png'; readonly bytes: number; readonly plan: PngPlan }
  | { readonly format: 'svg'; readonly bytes: number; readonly missing: readonly string[] }
  | { readonly format: 'journeymap' | 'csv' | 'json' | 'mermaid'; readonly bytes: number }

export interface ExportOutput {
  readonly bytes: Uint8Array
  readonly summary: ExportSummary
}

export type ExportPhase =
  { readonly kind: 'fonts' } | { readonly kind: 'drawing'; readonly done: number; readonly total: number }

/** What making a file needs from where it is made (the app, the CLI, a test). */
export interface ExportHost {
  /** The bundled fonts, as the PDF and the SVG measure and embed them. */
  fonts(): Promise<PdfFontSet>
  /** HarfBuzz's subsetter, for the fonts an SVG embeds. */
  subsetter(): Promise<FontSubsetter>
  /** Draws the map's board into a PNG on the host's canvas. */
  png(
    map: JourneyMap,
    personas: readonly Persona[],
    options: { readonly ratio: number; readonly background: Background },
    onPhase: (phase: ExportPhase) => void
  ): Promise<{ readonly bytes: Uint8Array; readonly plan: PngPlan }>
  /** The date printed in the PDF's header, formatted for the reader. */
  readonly date: string
  /** The PDF's words in the user's language (English where absent). */
  readonly pdfLabels?: Partial<PdfLabels>
  /** The emotion legend's words. */
  readonly seriesLabels?: SeriesLabels
  /** Called before a long synchronous step, e.g. so a UI can paint its progress first. */
  pause?(): Promise<void>
  /**
   * The versions the map has been at before (its file lineage, oldest first), for files that
   * carry the map; the library records the map as saved to a file. Absent: no history is known.
   */
  seenVersions?(map: JourneyMap): Promise<readonly string[]>
}

/** How a picture's embedded map is found again (Import…/Open… of a PDF, PNG or SVG). */
export interface EmbeddedMapReader {
  /** Whether the bytes are a file of this format (by content). */
  isFile(bytes: Uint8Array): boolean
  /** The embedded document's text; null when the file carries none. Throws an Error saying what is damaged. */
  read(bytes: Uint8Array): string | null
}

export interface Exporter<F extends ExportFormat> {
  readonly format: F
  readonly file: FormatFile
  readonly options: readonly OptionSpec[]
  readonly defaults: ExportOptionsByFormat[F]
  /** Whether the file is made from the board's picture (PDF, PNG, SVG) rather than its data. */
  readonly visual: boolean
  /** For pictures that carry the map: how it is read back. */
  readonly embedded?: EmbeddedMapReader
  run(
    map: JourneyMap,
    personas: readonly Persona[],
    options: ExportOptionsByFormat[F],
    host: ExportHost,
    onPhase: (phase: ExportPhase) => void
  ): Promise<ExportOutput>
}

/** The map's .journeymap document, with the lineage the host knows (see ExportHost.seenVersions). */
export async function mapDocument(map: JourneyMap, personas: readonly Persona[], host: ExportHost): Promise<string> {
  const seen = (await host.seenVersions?.(map)) ?? []
  return serializeMapDocument(map, personas, lineageOf(map, seen))
}

/** The option every picture has: embed the editable map (on unless turned off). */
const EMBED_OPTION: OptionSpec = { key: 'embedMap', kind: 'flag', flag: 'embed-map' }

function textExporter<F extends 'journeymap' | 'csv' | 'json' | 'mermaid'>(
  format: F,
  write: (map: JourneyMap, personas: readonly Persona[], host: ExportHost) => Promise<string>
): Exporter<F> {
  return {
    format,
    file: FORMAT_FILES[format],
    options: [],
    defaults: {} as ExportOptionsByFormat[F],
    visual: false,
    async run(map, personas, _options, host) {
      const bytes = utf8(await write(map, personas, host))
      return { bytes, summary: { format, bytes: bytes.length } }
    }
  }
}

const notFit = (o: Readonly<Record<string, unknown>>) => o['paper'] !== 'fit'

export const EXPORTERS: { readonly [F in ExportFormat]: Exporter<F> } = {
  pdf: {
    format: 'pdf',
    file: FORMAT_FILES.pdf,
    visual: true,
    options: [
      { key: 'paper', kind: 'choice', values: PAPER_SIZES, control: 'select', flag: 'paper' },
      { key: 'orientation', kind: 'choice', values: [...ORIENTATIONS, 'auto'], control: 'select', flag: 'orientation' },
      {
        key: 'fit',
        kind: 'choice',
        values: PDF_FITS,
        control: 'radio',
        flag: 'fit',
        aliases: { poster: 'tile' },
        appliesWhen: notFit
      },
      { key: 'header', kind: 'flag', flag: 'header' },
      { key: 'personaPages', kind: 'flag', flag: 'personas' },
      { key: 'notesTable', kind: 'flag', flag: 'notes-table' },
      { key: 'analysisPage', kind: 'flag', flag: 'analysis' },
      EMBED_OPTION
    ],
    defaults: {
      paper: DEFAULT_PDF_OPTIONS.paper,
      orientation: DEFAULT_PDF_OPTIONS.orientation,
      fit: DEFAULT_PDF_OPTIONS.fit,
      header: DEFAULT_PDF_OPTIONS.header,
      personaPages: DEFAULT_PDF_OPTIONS.personaPages,
      notesTable: DEFAULT_PDF_OPTIONS.notesTable,
      analysisPage: false,
      embedMap: true
    },
    embedded: { isFile: isPdf, read: readFromPdf },
    async run(map, personas, options, host, onPhase) {
      onPhase({ kind: 'fonts' })
      const [fonts, { renderPdf }, attachment] = await Promise.all([
        host.fonts(),
        import('./pdf'),
        options.embedMap ? pdfAttachment(map, personas, host) : undefined
      ])
      onPhase({ kind: 'drawing', done: 0, total: 1 })
      await host.pause?.()
      const result = renderPdf(
        map,
        personas,
        { ...options, date: host.date, labels: host.pdfLabels, seriesLabels: host.seriesLabels, attachment },
        fonts
      )
      return {
        bytes: result.bytes,
        summary: {
          format: 'pdf',
          bytes: result.bytes.length,
          pages: result.pageCount,
          missing: result.missingCharacters
        }
      }
    }
  },
  png: {
    format: 'png',
    file: FORMAT_FILES.png,
    visual: true,
    options: [
      { key: 'scale', kind: 'choice', values: PNG_SCALES, control: 'radio', flag: 'scale' },
      { key: 'background', kind: 'choice', values: BACKGROUNDS, control: 'radio', flag: 'background' },
      EMBED_OPTION
    ],
    defaults: { scale: '2', background: 'white', embedMap: true },
    embedded: { isFile: isPng, read: readFromPng },
    async run(map, personas, options, host, onPhase) {
      const [picture, document] = await Promise.all([
        host.png(map, personas, { ratio: Number(options.scale), background: options.background }, onPhase),
        options.embedMap ? mapDocument(map, personas, host) : null
      ])
      const bytes = document ? embedInPng(picture.bytes, document) : picture.bytes
      return { bytes, summary: { format: 'png', bytes: bytes.length, plan: picture.plan } }
    }
  },
  svg: {
    format: 'svg',
    file: FORMAT_FILES.svg,
    visual: true,
    options: [
      { key: 'background', kind: 'choice', values: BACKGROUNDS, control: 'radio', flag: 'background' },
      EMBED_OPTION
    ],
    defaults: { background: 'white', embedMap: true },
    embedded: {
      isFile: (bytes) => looksLikeSvg(new TextDecoder().decode(bytes.subarray(0, 4096))),
      read: (bytes) => readFromSvg(new TextDecoder().decode(bytes))
    },
    async run(map, personas, options, host, onPhase) {
      onPhase({ kind: 'fonts' })
      const [fonts, subset, { renderSvg }, document] = await Promise.all([
        host.fonts(),
        host.subsetter(),
        import('./svg'),
        options.embedMap ? mapDocument(map, personas, host) : null
      ])
      onPhase({ kind: 'drawing', done: 0, total: 1 })
      await host.pause?.()
      const result = renderSvg(map, personas, { ...options, seriesLabels: host.seriesLabels }, fonts, subset)
      const bytes = utf8(document ? embedInSvg(result.svg, document) : result.svg)
      return { bytes, summary: { format: 'svg', bytes: bytes.length, missing: result.missingCharacters } }
    }
  },
  journeymap: textExporter('journeymap', mapDocument),
  csv: textExporter('csv', async (map, personas) => (await import('./csv')).exportCsv(map, personas)),
  json: textExporter('json', async (map, personas) => serializeInterchange(map, personas)),
  mermaid: textExporter('mermaid', async (map, personas) => (await import('./mermaid')).exportMermaid(map, personas))
}

/** Makes the file of an export request. */
export function runExport(
  request: ExportRequest,
  map: JourneyMap,
  personas: readonly Persona[],
  host: ExportHost,
  onPhase: (phase: ExportPhase) => void = () => {}
): Promise<ExportOutput> {
  const exporter = EXPORTERS[request.format] as Exporter<ExportFormat>
  return exporter.run(map, personas, request.options as never, host, onPhase)
}

/** "Onboarding.svg" for a map titled "Onboarding". */
export const fileNameFor = (map: JourneyMap, format: ExportFormat) => exportFileName(map.title, format)

export const isExportFormat = (value: unknown): value is ExportFormat =>
  typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value)

/**
 * A format's options from command-line values (`{ paper: 'a3', poster: true, 'no-header': true }`):
 * the format's defaults, overridden by what was given. An unknown value, or an option that
 * belongs to another format, is a message naming the flag and what it accepts.
 */
export function optionsFromFlags<F extends ExportFormat>(
  format: F,
  values: Readonly<Record<string, string | boolean | undefined>>
):
  { readonly ok: true; readonly options: ExportOptionsByFormat[F] } | { readonly ok: false; readonly message: string } {
  const exporter = EXPORTERS[format] as Exporter<ExportFormat>
  const options: Record<string, unknown> = { ...exporter.defaults }
  const known = new Set<string>()
  for (const spec of exporter.options) {
    if (spec.kind === 'flag') {
      known.add(spec.flag).add(`no-${spec.flag}`)
      if (values[spec.flag] === true) options[spec.key] = true
      if (values[`no-${spec.flag}`] === true) options[spec.key] = false
      continue
    }
    known.add(spec.flag)
    const given = values[spec.flag]
    if (given !== undefined) {
      if (typeof given !== 'string' || !spec.values.includes(given)) {
        return { ok: false, message: `--${spec.flag} must be one of ${spec.values.join(', ')}` }
      }
      options[spec.key] = given
    }
    for (const [alias, value] of Object.entries(spec.aliases ?? {})) {
      known.add(alias)
      if (values[alias] === true) options[spec.key] = value
    }
  }
  // Flags of other formats' options, given to this one.
  for (const other of EXPORT_FORMATS) {
    if (other === format) continue
    for (const spec of (EXPORTERS[other] as Exporter<ExportFormat>).options) {
      const flags = [spec.flag, ...(spec.kind === 'flag' ? [`no-${spec.flag}`] : Object.keys(spec.aliases ?? {}))]
      for (const flag of flags) {
        if (!known.has(flag) && values[flag] !== undefined) {
          return { ok: false, message: `--${flag} does not apply to --format ${format}` }
        }
      }
    }
  }
  return { ok: true, options: options as ExportOptionsByFormat[F] }
}

/** Every CLI flag any exporter reads (for the argument parser). */
export function exportFlags(): { readonly flag: string; readonly takesValue: boolean }[] {
  const out = new Map<string, boolean>()
  for (const format of EXPORT_FORMATS) {
    for (const spec of (EXPORTERS[format] as Exporter<ExportFormat>).options) {
      if (spec.kind === 'flag') {
        out.set(spec.flag, false)
        out.set(`no-${spec.flag}`, false)
      } else {
        out.set(spec.flag, true)
        for (const alias of Object.keys(spec.aliases ?? {})) out.set(alias, false)
      }
    }
  }
  return [...out].map(([flag, takesValue]) => ({ flag, takesValue }))
}

/**
 * The map's document as the PDF's attachment, compressed at once: the document's text (19 MB
 * for 50,000 notes) and its bytes are not kept while the pages are drawn.
 */
async function pdfAttachment(map: JourneyMap, personas: readonly Persona[], host: ExportHost): Promise<PdfAttachment> {
  const [document, { deflateAttachment }] = await Promise.all([mapDocument(map, personas, host), import('./pdf')])
  const bytes = utf8(document)
  return {
    name: exportFileName(map.title, 'journeymap'),
    data: deflateAttachment(bytes),
    size: bytes.length,
    mediaType: FORMAT_FILES.journeymap.mediaType,
    description: 'The editable Journeyboard map: open this PDF in Journeyboard to edit it.',
    modified: map.updatedAt
  }
}
