/**
 * Makes the file of an export from the map on screen: the shared exporter registry
 * (src/shared/export/registry) with what only the app has: the bundled fonts as assets,
 * HarfBuzz's subsetter, the browser's canvas for PNG (the board's own painters), and the
 * words in the user's language. What comes back is the file to save and what to tell the user
 * about it (pages, pixels, a lowered ratio, characters no font has).
 */
import {
  EXPORTERS,
  fileNameFor,
  runExport as runRegistryExport,
  type ExportHost,
  type ExportPhase,
  type ExportRequest,
  type ExportSummary
} from '../../../shared/export/registry'
import { createFontSubsetter, type FontSubsetter } from '../../../shared/export/svg/subset'
import { createLayoutCache, layoutMap } from '../../../shared/layout'
import type { JourneyMap, Persona } from '../../../shared/model'
import type { FileToSave } from '../api/save-file'
import { createBoardMeasure } from '../board/measure'
import { loadFontsFor } from '../fonts'
import { localeTag } from '../i18n'
import { seriesLabels } from '../i18n/series-labels'
import { pdfLabels } from './pdf-labels'
import { useAppStore } from '../store'
import { pdfFonts, readAsset } from './font-files'
import { exportPng } from './png'
import subsetWasm from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url'

export type { ExportPhase, ExportRequest }

export interface ExportProduct {
  readonly file: FileToSave
  readonly summary: ExportSummary
}

let subsetter: Promise<FontSubsetter> | null = null

/** HarfBuzz's subsetter, loaded with the first SVG export and kept for the session. */
function loadSubsetter(): Promise<FontSubsetter> {
  if (!subsetter) {
    subsetter = readAsset(subsetWasm).then(createFontSubsetter)
    subsetter.catch(() => {
      subsetter = null
    })
  }
  return subsetter
}

/** The map's words, for loading the fonts they need. */
function allText(map: JourneyMap, personas: readonly Persona[]): string {
  const chars = new Set<string>()
  const add = (s: string) => {
    for (const ch of s) chars.add(ch)
  }
  add(map.title)
  map.stages.forEach((s) => add(s.title + s.prompt))
  map.lanes.forEach((l) => add(l.title + l.prompt))
  map.notes.forEach((n) => add(n.text))
  map.markers.forEach((m) => add(m.label))
  map.connectors.forEach((c) => add(c.label))
  personas.forEach((p) => add(p.name))
  return [...chars].join('')
}

const host: ExportHost = {
  fonts: pdfFonts,
  subsetter: loadSubsetter,
  async png(map, personas, options, onPhase) {
    onPhase({ kind: 'fonts' })
    // Every face the map's text needs, before measuring: the layout must see the real widths.
    const all = allText(map, personas)
    await Promise.all([loadFontsFor(all, 'normal'), loadFontsFor(all, 'bold')])
    const scene = layoutMap(map, createBoardMeasure(), {
      personas: personas.map(({ id, name, color }) => ({ id, name, color })),
      labels: seriesLabels(),
      cache: createLayoutCache()
    })
    return exportPng(scene, options, (done, total) => onPhase({ kind: 'drawing', done, total }))
  },
  get date() {
    return new Intl.DateTimeFormat(localeTag(), { dateStyle: 'long' }).format(new Date())
  },
  get pdfLabels() {
    return pdfLabels()
  },
  get seriesLabels() {
    return seriesLabels()
  },
  // Lets the browser paint the progress message before a long synchronous step.
  pause: () => new Promise<void>((resolve) => setTimeout(resolve, 30)),
  // Files that carry the map name the versions it has been at; the library keeps this one.
  async seenVersions(map) {
    const api = useAppStore.getState().api
    return api ? (await api.prepareMapFile({ mapId: map.id })).lineage.seen : []
  }
}

export async function runExport(
  request: ExportRequest,
  map: JourneyMap,
  personas: readonly Persona[],
  onPhase: (phase: ExportPhase) => void = () => {}
): Promise<ExportProduct> {
  const output = await runRegistryExport(request, map, personas, host, onPhase)
  const file = EXPORTERS[request.format].file
  return {
    file: {
      suggestedName: fileNameFor(map, request.format),
      bytes: output.bytes,
      mediaType: file.mediaType,
      filters: [{ name: file.description, extensions: [file.extension] }]
    },
    summary: output.summary
  }
}
