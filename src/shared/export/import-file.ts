/**
 * What File ▸ Import…/Open…, drag-and-drop and the CLI's `import` do with a file's bytes before
 * the library sees them: a PDF, PNG or SVG exported by Journeyboard gives the map embedded in it
 * (each picture format's reader is its entry in the exporter registry); anything else is text,
 * told apart by content (./detect.ts). The library's importMap then reads that text.
 */
import { JourneyError, reason } from '../errors'
import { detectFormat, type ImportFormat } from './detect'
import { EXPORTERS, EXPORT_FORMATS, type ExportFormat } from './registry'

/** What a file turned out to be: a text format, or a picture carrying a map. */
export type ImportFileKind = ImportFormat | ExportFormat

export interface ImportableFile {
  /** Null: no format this app reads (the import then says what it expected). */
  readonly kind: ImportFileKind | null
  /** The text to import: the file's own, or the document embedded in a picture. */
  readonly text: string
  /** For a picture: the format of the document inside it (always Journeyboard JSON). */
  readonly embedded: boolean
}

const NAMES: Partial<Record<ExportFormat, string>> = { pdf: 'PDF', png: 'PNG image', svg: 'SVG picture' }

/** Reads a file for import. Throws invalid_request for a picture that carries no map, or a damaged one. */
export function readImportFile(bytes: Uint8Array): ImportableFile {
  for (const format of EXPORT_FORMATS) {
    const reader = EXPORTERS[format].embedded
    if (!reader || !reader.isFile(bytes)) continue
    const name = NAMES[format] ?? format
    let text: string | null
    try {
      text = reader.read(bytes)
    } catch (error) {
      throw new JourneyError(
        'invalid_request',
        `The map in this ${name} cannot be read: ${error instanceof Error ? error.message : String(error)}.`,
        [],
        reason('import.embeddedUnreadable', { format: name })
      )
    }
    if (text === null) {
      throw new JourneyError(
        'invalid_request',
        `This ${name} holds no Journeyboard map: it was exported with "Include the editable map" turned off, or not by Journeyboard.`,
        [],
        reason('import.noEmbeddedMap', { format: name })
      )
    }
    return { kind: format, text, embedded: true }
  }
  const text = new TextDecoder().decode(bytes)
  return { kind: detectFormat(text), text, embedded: false }
}
