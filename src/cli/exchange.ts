/**
 * The CLI's `export` and `import`: the same exporters and importer as the app (src/shared/export,
 * the library's importMap), with files on disk. Fonts for the PDF come from resources/fonts.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { loadPdfFontSet } from '../library/bundled-fonts'
import type { LibraryService } from '../library/service-types'
import { exportCsv } from '../shared/export/csv'
import { exportMermaid } from '../shared/export/mermaid'
import {
  DEFAULT_PDF_OPTIONS,
  ORIENTATIONS,
  PAPER_SIZES,
  renderPdf,
  type Orientation,
  type PaperSize
} from '../shared/export/pdf'
import { JourneyError } from '../shared/errors'
import type { JourneyMap } from '../shared/model'

/** What the CLI can write; PNG needs a browser's canvas and is made in the app. */
export const CLI_EXPORT_FORMATS = ['json', 'csv', 'mermaid', 'pdf'] as const
export type CliExportFormat = (typeof CLI_EXPORT_FORMATS)[number]

export interface CliExportOptions {
  readonly format: CliExportFormat
  readonly out: string
  readonly paper?: PaperSize
  readonly orientation?: Orientation
  /** Print the board at full size across pages instead of scaling it onto one. */
  readonly poster?: boolean
  /** Add the analysis page: findings by category and the opportunity ranking. */
  readonly analysis?: boolean
}

/** A problem with how the command was called (exit 2 with the usage). */
export class ExchangeUsageError extends Error {}

export function parseExportOptions(values: {
  readonly [k: string]: string | boolean | undefined
}): Omit<CliExportOptions, 'out'> {
  const format = values['format'] ?? 'json'
  if (format === 'png')
    throw new ExchangeUsageError('PNG needs a browser canvas: export it in the app (File ▸ Export…)')
  if (typeof format !== 'string' || !(CLI_EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new ExchangeUsageError(`--format must be one of ${CLI_EXPORT_FORMATS.join(', ')}`)
  }
  const paper = values['paper']
  if (paper !== undefined && !(PAPER_SIZES as readonly unknown[]).includes(paper)) {
    throw new ExchangeUsageError(`--paper must be one of ${PAPER_SIZES.join(', ')}`)
  }
  const orientation = values['orientation']
  if (orientation !== undefined && !(ORIENTATIONS as readonly unknown[]).includes(orientation)) {
    throw new ExchangeUsageError(`--orientation must be one of ${ORIENTATIONS.join(', ')}`)
  }
  if (
    format !== 'pdf' &&
    (paper !== undefined || orientation !== undefined || values['poster'] || values['analysis'])
  ) {
    throw new ExchangeUsageError('--paper, --orientation, --poster and --analysis apply to --format pdf only')
  }
  return {
    format: format as CliExportFormat,
    paper: paper as PaperSize | undefined,
    orientation: orientation as Orientation | undefined,
    poster: values['poster'] === true,
    analysis: values['analysis'] === true
  }
}

/** Writes the export of a map; returns lines worth telling the user (e.g. the PDF's pages). */
export async function exportMapToFile(
  service: LibraryService,
  mapId: string,
  options: CliExportOptions
): Promise<string[]> {
  if (options.format === 'json') {
    const { text } = await service.call('exportMapJson', { id: mapId })
    writeAtomically(options.out, text)
    return []
  }
  const map = await service.call('getMap', { id: mapId })
  const personas = await service.call('listPersonas', {})
  switch (options.format) {
    case 'csv':
      writeAtomically(options.out, exportCsv(map, personas))
      return []
    case 'mermaid':
      writeAtomically(options.out, exportMermaid(map, personas))
      return []
    case 'pdf': {
      const result = renderPdf(
        map,
        personas,
        {
          ...DEFAULT_PDF_OPTIONS,
          paper: options.paper ?? DEFAULT_PDF_OPTIONS.paper,
          orientation: options.orientation ?? DEFAULT_PDF_OPTIONS.orientation,
          fit: options.poster ? 'tile' : 'scale',
          analysisPage: options.analysis === true,
          date: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date())
        },
        await loadPdfFontSet()
      )
      writeAtomically(options.out, result.bytes)
      const notes = [`${result.pageCount} ${result.pageCount === 1 ? 'page' : 'pages'}, ${result.bytes.length} bytes`]
      if (result.missingCharacters.length > 0) {
        notes.push(`no bundled font has ${result.missingCharacters.join(' ')}: drawn as □`)
      }
      return notes
    }
  }
}

/** Imports a JSON, CSV or Mermaid file (told apart by content); the new map. */
export async function importFile(service: LibraryService, file: string): Promise<JourneyMap> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new JourneyError('not_found', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`)
  }
  try {
    return await service.call('importMap', { text, fileName: basename(file) })
  } catch (error) {
    if (error instanceof JourneyError) throw new JourneyError(error.code, `${file}: ${error.message}`, error.issues)
    throw error
  }
}

function writeAtomically(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, data)
  renameSync(temp, file)
}
