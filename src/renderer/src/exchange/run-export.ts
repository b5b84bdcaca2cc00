/**
 * Makes the file of an export from the map on screen: the shared exporters (PDF, CSV, JSON,
 * Mermaid) and the board's own painters (PNG). What comes back is the file to save and what
 * to tell the user about it (pages, pixels, a lowered ratio, characters no font has).
 */
import { exportCsv } from '../../../shared/export/csv'
import { FORMAT_FILES, exportFileName, type ExportFormat } from '../../../shared/export/formats'
import { exportMermaid } from '../../../shared/export/mermaid'
import { renderPdf, type PdfLabels, type PdfOptions } from '../../../shared/export/pdf'
import type { PngPlan } from '../../../shared/export/png-plan'
import { serializeInterchange } from '../../../shared/format/interchange'
import { createLayoutCache, layoutMap, type SeriesLabels } from '../../../shared/layout'
import type { JourneyMap, Persona } from '../../../shared/model'
import { findingText } from '../analysis/AnalysisPanel'
import type { FileToSave } from '../api/save-file'
import { createBoardMeasure } from '../board/measure'
import { loadFontsFor } from '../fonts'
import { t } from '../i18n'
import { pdfFonts } from './font-files'
import { exportPng, type PngOptions, type Progress } from './png'

export type PdfChoices = Pick<
  PdfOptions,
  'paper' | 'orientation' | 'fit' | 'header' | 'personaPages' | 'notesTable' | 'analysisPage'
>

export type ExportRequest =
  | { readonly format: 'pdf'; readonly pdf: PdfChoices }
  | { readonly format: 'png'; readonly png: PngOptions }
  | { readonly format: 'csv' | 'json' | 'mermaid' }

export type ExportSummary =
  | { readonly format: 'pdf'; readonly pages: number; readonly bytes: number; readonly missing: readonly string[] }
  | { readonly format: 'png'; readonly bytes: number; readonly plan: PngPlan }
  | { readonly format: 'csv' | 'json' | 'mermaid'; readonly bytes: number }

export interface ExportProduct {
  readonly file: FileToSave
  readonly summary: ExportSummary
}

export type ExportPhase =
  { readonly kind: 'fonts' } | { readonly kind: 'drawing'; readonly done: number; readonly total: number }

const seriesLabels = (): SeriesLabels => ({ everyone: t('board.everyone'), toBe: t('board.toBe') })

function pdfLabels(): Partial<PdfLabels> {
  return {
    personas: t('exchange.pdf.label.personas'),
    page: t('exchange.pdf.label.page'),
    tile: t('exchange.pdf.label.tile'),
    notesTable: t('exchange.pdf.label.notesTable'),
    lane: t('exchange.pdf.label.lane'),
    note: t('exchange.pdf.label.note'),
    details: t('exchange.pdf.label.details'),
    noNotes: t('exchange.pdf.label.noNotes'),
    votes: t('exchange.pdf.label.votes'),
    target: t('exchange.pdf.label.target'),
    notMeasured: t('exchange.pdf.label.notMeasured'),
    analysis: t('exchange.pdf.label.analysis'),
    categories: {
      gap: t('workshop.category.gap'),
      hotspot: t('workshop.category.hotspot'),
      bottleneck: t('workshop.category.bottleneck'),
      inconsistency: t('workshop.category.inconsistency'),
      opportunity: t('workshop.category.opportunity')
    },
    noFindings: t('exchange.pdf.label.noFindings'),
    ranking: {
      rank: t('exchange.pdf.label.rank'),
      opportunity: t('exchange.pdf.label.opportunity'),
      stage: t('exchange.pdf.label.stage'),
      impact: t('exchange.pdf.label.impact'),
      effort: t('exchange.pdf.label.effort'),
      score: t('exchange.pdf.label.score')
    },
    finding: (finding) => findingText(finding)
  }
}

function fileOf(map: JourneyMap, format: ExportFormat, bytes: Uint8Array): FileToSave {
  const type = FORMAT_FILES[format]
  return {
    suggestedName: exportFileName(map.title, format),
    bytes,
    mediaType: type.mediaType,
    filters: [{ name: type.description, extensions: [type.extension] }]
  }
}

/** Lets the browser paint (a progress message) before a long synchronous step. */
const yieldToPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 30))

export async function runExport(
  request: ExportRequest,
  map: JourneyMap,
  personas: readonly Persona[],
  onPhase: (phase: ExportPhase) => void = () => {}
): Promise<ExportProduct> {
  const text = (value: string) => new TextEncoder().encode(value)
  switch (request.format) {
    case 'csv': {
      const bytes = text(exportCsv(map, personas))
      return { file: fileOf(map, 'csv', bytes), summary: { format: 'csv', bytes: bytes.length } }
    }
    case 'mermaid': {
      const bytes = text(exportMermaid(map, personas))
      return { file: fileOf(map, 'mermaid', bytes), summary: { format: 'mermaid', bytes: bytes.length } }
    }
    case 'json': {
      // The map as on screen, in the library's own interchange format.
      const bytes = text(serializeInterchange(map, personas))
      return { file: fileOf(map, 'json', bytes), summary: { format: 'json', bytes: bytes.length } }
    }
    case 'pdf': {
      onPhase({ kind: 'fonts' })
      const fonts = await pdfFonts()
      onPhase({ kind: 'drawing', done: 0, total: 1 })
      await yieldToPaint()
      const result = renderPdf(
        map,
        personas,
        {
          ...request.pdf,
          date: new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date()),
          labels: pdfLabels(),
          seriesLabels: seriesLabels()
        },
        fonts
      )
      return {
        file: fileOf(map, 'pdf', result.bytes),
        summary: {
          format: 'pdf',
          pages: result.pageCount,
          bytes: result.bytes.length,
          missing: result.missingCharacters
        }
      }
    }
    case 'png': {
      onPhase({ kind: 'fonts' })
      // Every face the map's text needs, before measuring: the layout must see the real widths.
      const all = allText(map) + personas.map((p) => p.name).join('')
      await Promise.all([loadFontsFor(all, 'normal'), loadFontsFor(all, 'bold')])
      const scene = layoutMap(map, createBoardMeasure(), {
        personas: personas.map(({ id, name, color }) => ({ id, name, color })),
        labels: seriesLabels(),
        cache: createLayoutCache()
      })
      const progress: Progress = (done, total) => onPhase({ kind: 'drawing', done, total })
      const { bytes, plan } = await exportPng(scene, request.png, progress)
      return { file: fileOf(map, 'png', bytes), summary: { format: 'png', bytes: bytes.length, plan } }
    }
  }
}

/** The map's words, for loading the fonts they need. */
function allText(map: JourneyMap): string {
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
  return [...chars].join('')
}
