/**
 * The CLI's `export` and `import`: the exporter registry and importer the app uses
 * (src/shared/export/registry, the library's importMap), with files on disk. Fonts come from
 * resources/fonts, HarfBuzz's subsetter from the harfbuzzjs package, and PNGs are drawn on a
 * Skia canvas (./png) with the app's painters. `--all` exports every map into a folder.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import type { LibraryService } from '../library/service-types'
import type { PdfFontSet } from '../shared/export/pdf'
import {
  EXPORTERS,
  EXPORT_FORMATS,
  exportFlags,
  fileNameFor,
  isExportFormat,
  optionsFromFlags,
  runExport,
  type ExportFormat,
  type ExportHost,
  type ExportOutput,
  type ExportRequest
} from '../shared/export/registry'
import { mapForPath } from '../shared/export/path-view'
import { importNotices } from '../shared/export/preview'
import { readImportFile } from '../shared/export/import-file'
import { createFontSubsetter, type FontSubsetter } from '../shared/export/svg/subset'
import { JourneyError, reason } from '../shared/errors'
import type { JourneyMap } from '../shared/model'

/** A problem with how the command was called (exit 2 with the usage). */
export class ExchangeUsageError extends Error {}

export const EXPORT_USAGE = `  export MAP --format ${EXPORT_FORMATS.join('|')} --out FILE [options]
  export MAP MAP… --format FORMAT --out FOLDER [options]
  export --all --format FORMAT --out FOLDER [options]
                                                 export a map (MAP is an id or an exact title), or several
                                                 or every map into a folder (one file per map, named after
                                                 it; maps are read and written one at a time)
      pdf: [--paper a4|a3|letter|fit] [--orientation landscape|portrait|auto] [--poster]
           [--no-header] [--personas] [--notes-table] [--analysis]
           scaled onto one page, one page the map's size (--paper fit, turned to --orientation
           if given), or full size across pages (--poster); extra pages per persona, of the
           notes by stage, of the analysis
      png: [--scale 1|2|3] [--background white|transparent]
      svg: [--background white|transparent]   vector, text as text, fonts embedded (subset)
      pdf, png, svg: [--no-embed-map]      leave the editable map out (it is embedded by default)
      journeymap: the map as a document of its own (opens in Journeyboard, diffs well in git)`

/** The argument parser's options for the export flags (node:util parseArgs). */
export function exportArgOptions(): Record<string, { type: 'string' | 'boolean' }> {
  const out: Record<string, { type: 'string' | 'boolean' }> = { all: { type: 'boolean' } }
  for (const { flag, takesValue } of exportFlags()) out[flag] = { type: takesValue ? 'string' : 'boolean' }
  return out
}

export interface CliExport {
  readonly request: ExportRequest
  /** Export every map into the folder `out` instead of one map to the file `out`. */
  readonly all: boolean
}

/** The format and its options from the command line; a usage error names the flag at fault. */
export function parseExportOptions(values: { readonly [k: string]: string | boolean | undefined }): CliExport {
  const format = values['format'] ?? 'json'
  if (!isExportFormat(format)) throw new ExchangeUsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`)
  const parsed = optionsFromFlags(format, values)
  if (!parsed.ok) throw new ExchangeUsageError(parsed.message)
  return { request: { format, options: parsed.options } as ExportRequest, all: values['all'] === true }
}

const require = createRequire(import.meta.url)

/**
 * Fonts and HarfBuzz, read once per process; PNGs on Skia. jsPDF and Skia load with the first
 * export that needs them, so the CLI's other commands start without them.
 */
function nodeHost(service: LibraryService): ExportHost {
  let fonts: Promise<PdfFontSet> | null = null
  let subsetter: Promise<FontSubsetter> | null = null
  const loadFonts = () => (fonts ??= import('../library/bundled-fonts').then(({ loadPdfFontSet }) => loadPdfFontSet()))
  return {
    fonts: loadFonts,
    subsetter: () =>
      (subsetter ??= createFontSubsetter(
        new Uint8Array(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')))
      )),
    png: async (map, personas, options) => {
      const { renderPngInNode } = await import('./png')
      return renderPngInNode(map, personas, options, await loadFonts())
    },
    date: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date()),
    // Files that carry the map name the versions it has been at; the library remembers this one.
    seenVersions: async (map) => (await service.call('prepareMapFile', { mapId: map.id })).lineage.seen
  }
}

/** What to tell the user about a file: pages, pixels, a lowered ratio, characters no font has. */
function notesOn(output: ExportOutput): string[] {
  const s = output.summary
  const size = `${s.bytes} bytes`
  switch (s.format) {
    case 'pdf': {
      const notes = [`${s.pages} ${s.pages === 1 ? 'page' : 'pages'}, ${size}`]
      if (s.missing.length > 0) notes.push(`no bundled font has ${s.missing.join(' ')}: drawn as □`)
      return notes
    }
    case 'png': {
      const notes = [`${s.plan.width} × ${s.plan.height} px at ${s.plan.ratio}×, ${size}`]
      if (s.plan.limitedBy) {
        notes.push(
          `at ${s.plan.requestedRatio}× the image would be ${s.plan.limitedBy === 'side' ? 'more than 32,767 pixels on a side' : 'more than 268 million pixels'}: made at ${s.plan.ratio}× instead`
        )
      }
      return notes
    }
    case 'svg': {
      const notes = [size]
      if (s.missing.length > 0)
        notes.push(`no bundled font has ${s.missing.join(' ')}: viewers use a font of their own`)
      return notes
    }
    default:
      return []
  }
}

async function exportOne(
  service: LibraryService,
  host: ExportHost,
  map: JourneyMap,
  request: ExportRequest,
  out: string
): Promise<string[]> {
  const personas = await service.call('listPersonas', {})
  const output = await runExport(request, map, personas, host)
  writeAtomically(out, output.bytes)
  return notesOn(output)
}

/** Writes the export of a map; returns lines worth telling the user (e.g. the PDF's pages). */
export async function exportMapToFile(
  service: LibraryService,
  mapId: string,
  options: { readonly request: ExportRequest; readonly out: string; readonly path?: string }
): Promise<string[]> {
  const whole = await service.call('getMap', { id: mapId })
  if (options.path === undefined) return exportOne(service, nodeHost(service), whole, options.request, options.out)
  const wanted = options.path.trim().toLowerCase()
  const path = whole.paths.find((p) => p.name.trim().toLowerCase() === wanted || p.id === options.path)
  if (!path) {
    const names = whole.paths.map((p) => `"${p.name}"`).join(', ')
    throw new JourneyError(
      'not_found',
      `The map has no path "${options.path}"${names ? `; its paths are ${names}` : ' (it has no paths)'}.`,
      [],
      names
        ? reason('export.noSuchPath', { path: `"${options.path}"`, paths: names })
        : reason('export.noPaths', { path: `"${options.path}"` })
    )
  }
  const request = (
    'embedMap' in options.request.options
      ? { ...options.request, options: { ...options.request.options, embedMap: false } }
      : options.request
  ) as ExportRequest
  return exportOne(service, nodeHost(service), mapForPath(whole, path.id), request, options.out)
}

/**
 * Every map of the library into `folder`, one file each, named after its title (with its id
 * when two titles give the same name); one line per map to tell the user.
 */
export async function exportAllToFolder(
  service: LibraryService,
  request: ExportRequest,
  folder: string,
  /** The maps to export (ids), in this order; every map of the library when left out. */
  mapIds?: readonly string[]
): Promise<string[]> {
  const host = nodeHost(service)
  const maps = mapIds?.map((id) => ({ id })) ?? (await service.call('listMaps', {}))
  const taken = new Set<string>()
  const lines: string[] = []
  for (const summary of maps) {
    // One map at a time: a batch of big maps needs the memory of the biggest, not of all.
    const map = await service.call('getMap', { id: summary.id })
    let name = fileNameFor(map, request.format)
    if (taken.has(name.toLowerCase())) {
      const extension = `.${EXPORTERS[request.format].file.extension}`
      name = `${name.slice(0, -extension.length)} (${map.id})${extension}`
    }
    taken.add(name.toLowerCase())
    const file = join(folder, name)
    const notes = await exportOne(service, host, map, request, file)
    lines.push([file, ...notes].join(': '))
  }
  if (maps.length === 0) lines.push('The library has no maps.')
  return lines
}

export type { ExportFormat }

/** Whether the export's file carries the map (a .journeymap, or a picture with its map embedded). */
export function carriesMap(request: ExportRequest): boolean {
  return request.format === 'journeymap' || ('embedMap' in request.options && request.options.embedMap === true)
}

/**
 * The library to export from when the file carries the map: opened to write, so this version is
 * remembered as saved to a file (the ancestor of a later merge); when the app or the web host has
 * it open, read-only, with a sentence saying what that means.
 */
export function writerIfFree(library: (access: 'read' | 'write') => LibraryService): {
  readonly service: LibraryService
  readonly note: string | null
} {
  try {
    return { service: library('write'), note: null }
  } catch (error) {
    if (!(error instanceof JourneyError) || (error.code !== 'open_elsewhere' && error.code !== 'read_only')) throw error
    return {
      service: library('read'),
      note: 'The library is open elsewhere, so this export is not remembered as saved to a file; merging a copy made from it later will ask about every difference unless the app exports it too.'
    }
  }
}

/** A file's bytes, or a not_found error naming the file and why. */
export function readBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file))
  } catch (error) {
    throw new JourneyError('not_found', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`)
  }
}

/**
 * Imports a file: a .journeymap or JSON, CSV or Mermaid file (told apart by content), or a PDF,
 * PNG or SVG exported with the map in it. The new map and what to tell the user.
 */
export async function importFile(
  service: LibraryService,
  file: string
): Promise<{ readonly map: JourneyMap; readonly notices: readonly string[] }> {
  const bytes = readBytes(file)
  try {
    const { text } = readImportFile(bytes)
    const notices = importNotices(text, await service.call('listPersonas', {})).map((n) => `${file}: ${n.message}`)
    const map = await service.call('importMap', { text, fileName: basename(file) })
    return { map, notices }
  } catch (error) {
    if (error instanceof JourneyError)
      throw new JourneyError(error.code, `${file}: ${error.message}`, error.issues, error.reason)
    throw error
  }
}

function writeAtomically(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, data)
  renameSync(temp, file)
}
