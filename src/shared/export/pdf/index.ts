/**
 * exportPdf: a map as a vector PDF, drawn from the same scene as the board (layoutMap), with
 * text measured by the PDF's own fonts so every note wraps to fit, and drawn as real text
 * (selectable, searchable) in whatever scripts it holds. A pure function of the map, the
 * personas, the options and the font files: it runs in the renderer, the CLI and tests alike.
 *
 * Pages: the board (scaled onto one page, full size across poster pages with overlap marks, or
 * one page the board's size), each with a header (title, personas, date); then, when asked,
 * persona pages, a notes table per stage with its KPIs, and the map's analysis.
 */
import { jsPDF } from 'jspdf'
import { LAYOUT, layoutMap, type LayoutPersona, type Rect, type Scene } from '../../layout'
import type { JourneyMap, Persona } from '../../model'
import { writeAnalysisPages } from './analysis-page'
import { attachFile } from './attachment'
export { deflateAttachment } from './attachment'
import { writeNotesTable, writePersonaPages, type ExtrasContext } from './extras'
import type { PdfFontSet } from './fonts'
import { DEFAULT_PDF_LABELS, fill, type PdfLabels, type PdfOptions } from './options'
import {
  FOOTER_HEIGHT,
  HEADER_HEIGHT,
  MARGIN,
  POSTER_OVERLAP,
  freshRegion,
  planBoardPages,
  type BoardPage
} from './pages'
import { CompressedPages } from './page-streams'
import { paintScene, printsNoteText } from './paint-scene'
import { itemsMeeting } from './rect-grid'
import { PdfSurface } from './surface'

export { createPdfFontSet, type FontFiles, type PdfFontSet } from './fonts'
export {
  DEFAULT_PDF_LABELS,
  DEFAULT_PDF_OPTIONS,
  ORIENTATIONS,
  PAPER_SIZES,
  PDF_FITS,
  type Orientation,
  type PageOrientation,
  type PaperSize,
  type PdfFit,
  type PdfLabels,
  type PdfOptions
} from './options'
export { FULL_SIZE, planBoardPages, type BoardPage } from './pages'
export type { PdfAttachment } from './attachment'

export interface PdfResult {
  readonly bytes: Uint8Array
  /** All pages, board and extra. */
  readonly pageCount: number
  /** Pages the board itself covers (more than one for a poster). */
  readonly boardPages: number
  /** Points per board unit on the board pages (0.75 is full size). */
  readonly scale: number
  /** Characters none of the fonts has; drawn as a placeholder box. */
  readonly missingCharacters: readonly string[]
  /** Fonts embedded (subset to the glyphs used). */
  readonly fonts: readonly string[]
}

const INK = '#1f2430'
const MUTED = '#5b6272'
const RULE = '#d9dce3'
const MARK = '#c2255c'

/** The PDF's bytes. */
export function exportPdf(
  map: JourneyMap,
  personas: readonly Persona[],
  options: PdfOptions,
  fonts: PdfFontSet
): Uint8Array {
  return renderPdf(map, personas, options, fonts).bytes
}

/** The PDF with what the caller may want to tell the user: pages, scale, missing characters. */
export function renderPdf(
  map: JourneyMap,
  personas: readonly Persona[],
  options: PdfOptions,
  fonts: PdfFontSet
): PdfResult {
  const labels: PdfLabels = { ...DEFAULT_PDF_LABELS, ...options.labels }
  const layoutPersonas: LayoutPersona[] = personas.map(({ id, name, color }) => ({ id, name, color }))
  const scene = layoutMap(map, fonts.measure, { personas: layoutPersonas, labels: options.seriesLabels })
  const extras = options.personaPages || options.notesTable || options.analysisPage === true
  const tiles = planBoardPages({
    paper: options.paper,
    orientation: options.orientation,
    fit: options.fit,
    header: options.header,
    board: { width: scene.width, height: scene.height },
    headers: { left: LAYOUT.laneHeaderWidth, top: LAYOUT.stageHeaderHeight },
    footer: extras || options.fit === 'tile'
  })
  // A poster sheet with next to nothing of its own (empty cells only) is not printed.
  const plan = tiles.length > 1 ? tiles.filter((page) => hasContent(scene, page)) : tiles
  const first = plan[0]!
  const doc = new jsPDF({
    unit: 'pt',
    format: [first.width, first.height],
    orientation: first.width > first.height ? 'landscape' : 'portrait',
    compress: true,
    putOnlyUsedFonts: true,
    // Thousandths of a point (a third of a micrometre) rather than jsPDF's 16 decimals: a big
    // board's pages hold millions of numbers, and their text is most of the content's size.
    floatPrecision: 3
  })
  doc.setProperties({ title: map.title, subject: labels.subject, creator: 'Journeyboard' })
  if (options.createdAt) doc.setCreationDate(options.createdAt)
  if (options.attachment) attachFile(doc, options.attachment)
  const pages = new CompressedPages(doc)
  const surface = new PdfSurface(doc, fonts)
  // Pages shown turned (a map-sized page in the other orientation than the map's): jsPDF has
  // no API for /Rotate, but announces each page dictionary as it writes it (its plugins add
  // /Annots the same way), and `write` adds to that dictionary.
  const turned = new Set<object>()
  const internal = doc.internal as typeof doc.internal & { write(text: string): void }
  internal.events.subscribe('putPage', (page: { pageContext: object }) => {
    if (turned.has(page.pageContext)) internal.write('/Rotate 90')
  })
  const linked = map.personaIds
    .map((id) => personas.find((p) => p.id === id))
    .filter((p): p is Persona => p !== undefined)

  // The extra pages are drawn first, after the board's first page, and moved behind the board's
  // pages at the end: the number of pages is then known while the board is drawn, so each board
  // page gets its footer at once and is complete when it is compressed (CompressedPages).
  const context: ExtrasContext = {
    surface,
    map,
    personas,
    labels,
    paper: options.paper,
    orientation: options.orientation,
    decorate: () => {}
  }
  if (options.personaPages) writePersonaPages(context)
  if (options.notesTable) writeNotesTable(context, personas)
  if (options.analysisPage) writeAnalysisPages(context, personas)
  const extraPages = doc.getNumberOfPages() - 1
  const pageCount = plan.length + extraPages
  const footers = extras || plan.length > 1

  plan.forEach((page, i) => {
    if (i === 0) doc.setPage(1)
    else doc.addPage([page.width, page.height], page.width > page.height ? 'landscape' : 'portrait')
    surface.pageStarted()
    if (page.rotate === 90) turned.add(doc.getCurrentPageInfo().pageContext)
    if (options.header) drawHeader(surface, page.width, map.title, linked, options.date, labels)
    drawBoard(surface, scene, page)
    if (!printsNoteText(page.scale)) drawTooSmall(surface, page, labels)
    if (footers) drawFooter(surface, page.width, page.height, i + 1, pageCount, page, labels)
  })
  for (let n = 1; n <= extraPages; n++) {
    doc.setPage(1 + n)
    surface.pageStarted()
    const size = doc.internal.pageSize
    drawFooter(surface, size.getWidth(), size.getHeight(), plan.length + n, pageCount, null, labels)
  }
  // The extra pages (2 … extraPages + 1) behind the board's.
  for (let n = 0; n < extraPages; n++) doc.movePage(2, pageCount)
  const bytes = pages.output()
  return {
    bytes,
    pageCount,
    boardPages: plan.length,
    scale: first.scale,
    missingCharacters: [...surface.missing],
    fonts: [...new Set(usedFonts(doc))]
  }
}

function drawBoard(surface: PdfSurface, scene: Scene, page: BoardPage): void {
  const clipped = page.tile !== null
  for (const part of [page, ...page.repeated]) {
    surface.setTransform(page.scale, part.offset.x, part.offset.y)
    if (clipped) surface.clip(part.clip)
    paintScene(surface, scene, part.region, page.scale)
    if (clipped) surface.unclip()
  }
  if (page.tile) drawOverlapMarks(surface, page, scene)
}

/** Says under a board scaled too far down for its note text what is on the page and how to get all of it. */
function drawTooSmall(surface: PdfSurface, page: BoardPage, labels: PdfLabels): void {
  const percent = page.scale * 100
  const scale = `${percent < 1 ? percent.toFixed(2) : percent.toFixed(1)} %`
  const line = fill(labels.tooSmall, { scale }, labels.locale)
  surface.pageText(
    ellipsizeTo(surface, line, page.width - 2 * MARGIN, 8),
    MARGIN,
    page.height - MARGIN / 2 - 10,
    8,
    'normal',
    MUTED
  )
}

const contains = (r: Rect, x: number, y: number) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h
const centreIn = (r: Rect, item: Rect) => contains(r, item.x + item.w / 2, item.y + item.h / 2)

/**
 * Whether a poster sheet shows something of its own in its fresh part (what no earlier sheet
 * showed): the centre of a note, badge, label, marker or folded cell with notes, or a point
 * along a curve or connector. Headers count only on a sheet whose fresh part of the board is
 * a sizeable piece of it (a quarter each way): a sliver of empty cells under a header is not
 * worth a sheet of paper.
 */
function hasContent(scene: Scene, page: BoardPage): boolean {
  const fresh = freshRegion(page)
  const centred = (items: readonly Rect[]) => itemsMeeting(items, fresh).some((b) => centreIn(fresh, b))
  if (centred(scene.notes) || centred(scene.badges)) return true
  if (itemsMeeting(scene.cells, fresh).some((c) => c.collapsed && c.noteCount > 0 && centreIn(fresh, c))) return true
  const onBoard = {
    w: Math.min(fresh.x + fresh.w, scene.width) - fresh.x,
    h: Math.min(fresh.y + fresh.h, scene.height) - fresh.y
  }
  const sizeable = onBoard.w >= page.region.w / 4 && onBoard.h >= page.region.h / 4
  if (sizeable && [...scene.stageHeaders, ...scene.laneHeaders].some((b) => centreIn(fresh, b))) return true
  for (const m of scene.markers) {
    if (contains(fresh, m.x, m.y) || (m.label && centreIn(fresh, m.label))) return true
  }
  const along = (points: readonly { x: number; y: number }[]) => {
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!
      const b = points[i]!
      const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 24))
      for (let k = 0; k <= steps; k++) {
        if (contains(fresh, a.x + ((b.x - a.x) * k) / steps, a.y + ((b.y - a.y) * k) / steps)) return true
      }
    }
    return points.length === 1 && contains(fresh, points[0]!.x, points[0]!.y)
  }
  if (scene.curves.some((c) => along(c.points))) return true
  return scene.connectors.some((c) => along(c.points) || (c.label !== null && centreIn(fresh, c.label)))
}

function drawHeader(
  surface: PdfSurface,
  width: number,
  title: string,
  personas: readonly Persona[],
  date: string,
  labels: PdfLabels
): void {
  const left = MARGIN
  const right = width - MARGIN
  const dateWidth = surface.textWidth(date, 9)
  const top = MARGIN - 6
  surface.pageText(
    ellipsizeTo(surface, title, right - left - dateWidth - 16, 14, 'bold'),
    left,
    top + 14,
    14,
    'bold',
    INK
  )
  surface.pageText(date, right - dateWidth, top + 14, 9, 'normal', MUTED)
  if (personas.length > 0) {
    const line = `${labels.personas}: ${personas.map((p) => (p.role.trim() ? `${p.name} (${p.role.trim()})` : p.name)).join(' · ')}`
    surface.pageText(ellipsizeTo(surface, line, right - left, 9), left, top + 28, 9, 'normal', MUTED)
  }
  surface.pageLine(left, MARGIN + HEADER_HEIGHT - 8, right, MARGIN + HEADER_HEIGHT - 8, RULE, 0.75)
}

function drawFooter(
  surface: PdfSurface,
  width: number,
  height: number,
  page: number,
  pages: number,
  board: BoardPage | null,
  labels: PdfLabels
): void {
  // In the bottom margin, below the poster's corner marks.
  const baseline = height - MARGIN + FOOTER_HEIGHT - 4
  const text = fill(labels.page, { page, pages }, labels.locale)
  surface.pageText(text, width - MARGIN - surface.textWidth(text, 8), baseline, 8, 'normal', MUTED)
  if (board?.tile) {
    const { row, column, rows, columns } = board.tile
    surface.pageText(
      fill(labels.tile, { row: row + 1, rows, column: column + 1, columns }, labels.locale),
      MARGIN,
      baseline,
      8,
      'normal',
      MUTED
    )
  }
}

/**
 * Poster pages: dashed lines where a neighbouring page's picture starts (so the sheets can be
 * laid over each other and glued), and corner marks outside the printed area for trimming.
 */
function drawOverlapMarks(surface: PdfSurface, page: BoardPage, scene: Scene): void {
  const tile = page.tile!
  const { x, y, w, h } = page.clip
  // The lines run only as far as the board does on this page.
  const right = Math.min(x + w, page.offset.x + scene.width * page.scale)
  const bottom = Math.min(y + h, page.offset.y + scene.height * page.scale)
  const dash = [3, 2]
  if (tile.column < tile.columns - 1) {
    surface.pageLine(x + w - POSTER_OVERLAP, y, x + w - POSTER_OVERLAP, bottom, MARK, 0.5, dash)
  }
  if (tile.column > 0) surface.pageLine(x + POSTER_OVERLAP, y, x + POSTER_OVERLAP, bottom, MARK, 0.5, dash)
  if (tile.row < tile.rows - 1)
    surface.pageLine(x, y + h - POSTER_OVERLAP, right, y + h - POSTER_OVERLAP, MARK, 0.5, dash)
  if (tile.row > 0) surface.pageLine(x, y + POSTER_OVERLAP, right, y + POSTER_OVERLAP, MARK, 0.5, dash)
  // Trim marks at the printed area's corners, in the margin.
  const area = page.area
  const len = 8
  const gap = 3
  for (const [cx, cy] of [
    [area.x, area.y],
    [area.x + area.w, area.y],
    [area.x, area.y + area.h],
    [area.x + area.w, area.y + area.h]
  ] as const) {
    const sx = cx === area.x ? -1 : 1
    const sy = cy === area.y ? -1 : 1
    surface.pageLine(cx + sx * gap, cy, cx + sx * (gap + len), cy, INK, 0.4)
    surface.pageLine(cx, cy + sy * gap, cx, cy + sy * (gap + len), INK, 0.4)
  }
}

function ellipsizeTo(
  surface: PdfSurface,
  text: string,
  width: number,
  size: number,
  weight: 'normal' | 'bold' = 'normal'
): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (surface.textWidth(flat, size, weight) <= width) return flat
  const chars = Array.from(flat)
  while (chars.length > 0 && surface.textWidth(`${chars.join('').trimEnd()}…`, size, weight) > width) chars.pop()
  return `${chars.join('').trimEnd()}…`
}

function usedFonts(doc: jsPDF): string[] {
  const list = doc.getFontList() as Record<string, string[]>
  return Object.keys(list)
    .filter((name) => !STANDARD_FONTS.has(name.toLowerCase()))
    .map((name) => name.replace(/^[A-Z]{6}\+/, ''))
}

const STANDARD_FONTS = new Set(['helvetica', 'courier', 'times', 'zapfdingbats', 'symbol'])
