/**
 * Where the board goes on paper: page sizes, the scale, and for posters the grid of pages with
 * their overlap. Pure arithmetic in points (1/72 inch); the board is in board units (CSS pixels
 * at 100%), so full size is 0.75 pt per unit.
 */
import type { Rect } from '../../layout'
import type { Orientation, PaperSize, PdfFit } from './options'

/** Full size: one board unit (a CSS pixel at 100%) is 1/96 inch. */
export const FULL_SIZE = 0.75
/** PDF viewers refuse pages larger than 200 inches a side (Acrobat's limit). */
export const MAX_PAGE_SIDE = 14_400
export const MARGIN = 28
export const HEADER_HEIGHT = 40
export const FOOTER_HEIGHT = 18
/** How much of the board two neighbouring poster pages both show, for gluing. */
export const POSTER_OVERLAP = 24

/** Portrait sizes in points. */
const PAPER: Record<Exclude<PaperSize, 'fit'>, { w: number; h: number }> = {
  a4: { w: 595.28, h: 841.89 },
  a3: { w: 841.89, h: 1190.55 },
  letter: { w: 612, h: 792 }
}

export function paperSize(paper: Exclude<PaperSize, 'fit'>, orientation: Orientation): { w: number; h: number } {
  const { w, h } = PAPER[paper]
  return orientation === 'landscape' ? { w: h, h: w } : { w, h }
}

/** A part of the board drawn on a page: which board rectangle, where, clipped to what. */
export interface PagePart {
  /** The board rectangle drawn (board units). */
  readonly region: Rect
  /** Board → page offset: page = board × scale + offset. */
  readonly offset: { readonly x: number; readonly y: number }
  /** The page rectangle it is clipped to (points). */
  readonly clip: Rect
}

/** One page of the board: its size, the part of the board it shows and where. */
export interface BoardPage {
  readonly width: number
  readonly height: number
  /** The printable area for the board, in points. */
  readonly area: Rect
  /** The board rectangle this page shows (board units), headers repeated on a poster page aside. */
  readonly region: Rect
  /** Points per board unit. */
  readonly scale: number
  /** Board → page offset: page = board × scale + offset. */
  readonly offset: { readonly x: number; readonly y: number }
  /** Where the board's own part is clipped to (points): the area less the repeated headers. */
  readonly clip: Rect
  /**
   * A poster page after the first column (row) repeats the lane (stage) headers along its left
   * (top) edge, so every sheet says which lane and stage its cells are in.
   */
  readonly repeated: readonly PagePart[]
  /** Shown turned by 90° (the PDF's /Rotate): a map-sized page in the other orientation. */
  readonly rotate: 0 | 90
  /** Poster position, from 0; null when the board is on one page. */
  readonly tile: {
    readonly row: number
    readonly column: number
    readonly rows: number
    readonly columns: number
  } | null
}

export interface BoardLayoutRequest {
  readonly paper: PaperSize
  /** 'auto' (for a map-sized page): the map's own shape. */
  readonly orientation: Orientation | 'auto'
  readonly fit: PdfFit
  readonly header: boolean
  /** Size of the board (board units). */
  readonly board: { readonly width: number; readonly height: number }
  /** Width of the lane headers and height of the stage headers (board units), for posters. */
  readonly headers?: { readonly left: number; readonly top: number }
  /** Whether pages carry a footer (page numbers, poster positions). */
  readonly footer: boolean
}

/** Starts and lengths of the poster's strips along one side: the first one shows the headers. */
function posterSpans(length: number, first: number, rest: number, overlap: number): { start: number; size: number }[] {
  const spans = [{ start: 0, size: first }]
  while (spans[spans.length - 1]!.start + spans[spans.length - 1]!.size < length) {
    const last = spans[spans.length - 1]!
    spans.push({ start: last.start + last.size - overlap, size: rest })
  }
  return spans
}

export function planBoardPages(request: BoardLayoutRequest): BoardPage[] {
  const { board } = request
  const top = MARGIN + (request.header ? HEADER_HEIGHT : 0)
  const bottom = MARGIN + (request.footer ? FOOTER_HEIGHT : 0)
  const whole = { x: 0, y: 0, w: board.width, h: board.height }

  if (request.paper === 'fit') {
    // One page the map's size, at full size unless that is beyond what viewers open.
    const extraW = 2 * MARGIN
    const extraH = top + bottom
    const scale = Math.min(
      FULL_SIZE,
      (MAX_PAGE_SIDE - extraW) / Math.max(1, board.width),
      (MAX_PAGE_SIDE - extraH) / Math.max(1, board.height)
    )
    const width = Math.max(board.width * scale + extraW, 200)
    const height = board.height * scale + extraH
    const area = { x: MARGIN, y: top, w: width - extraW, h: board.height * scale }
    // Asked for the other orientation than the map's own: the page is turned, not the map squeezed.
    const shape = width >= height ? 'landscape' : 'portrait'
    const rotate = request.orientation !== 'auto' && request.orientation !== shape ? 90 : 0
    return [
      {
        width,
        height,
        area,
        region: whole,
        scale,
        offset: { x: MARGIN, y: top },
        clip: area,
        repeated: [],
        rotate,
        tile: null
      }
    ]
  }

  // 'auto': the orientation of the map's own shape.
  const orientation =
    request.orientation === 'auto' ? (board.width >= board.height ? 'landscape' : 'portrait') : request.orientation
  const { w: width, h: height } = paperSize(request.paper, orientation)
  const area = { x: MARGIN, y: top, w: width - 2 * MARGIN, h: height - top - bottom }

  if (request.fit === 'scale') {
    const scale = Math.min(area.w / Math.max(1, board.width), area.h / Math.max(1, board.height))
    // Centred across, at the top: the header sits right above the board.
    const offset = { x: area.x + (area.w - board.width * scale) / 2, y: area.y }
    return [{ width, height, area, region: whole, scale, offset, clip: area, repeated: [], rotate: 0, tile: null }]
  }

  // Poster: full size, pages in rows and columns overlapping by POSTER_OVERLAP. Pages after the
  // first column repeat the lane headers on their left, pages after the first row the stage
  // headers on top (when they leave room for the board: at most half the page).
  const scale = FULL_SIZE
  const overlap = POSTER_OVERLAP / scale
  const left = Math.min(request.headers?.left ?? 0, board.width)
  const head = Math.min(request.headers?.top ?? 0, board.height)
  const repeatLeft = left * scale <= area.w / 2 ? left : 0
  const repeatTop = head * scale <= area.h / 2 ? head : 0
  const columns = posterSpans(board.width, area.w / scale, area.w / scale - repeatLeft, overlap)
  const rows = posterSpans(board.height, area.h / scale, area.h / scale - repeatTop, overlap)
  const pages: BoardPage[] = []
  rows.forEach((rowSpan, row) => {
    columns.forEach((columnSpan, column) => {
      const stripW = column > 0 ? repeatLeft * scale : 0
      const stripH = row > 0 ? repeatTop * scale : 0
      const clip = { x: area.x + stripW, y: area.y + stripH, w: area.w - stripW, h: area.h - stripH }
      const region = { x: columnSpan.start, y: rowSpan.start, w: columnSpan.size, h: rowSpan.size }
      const offset = { x: clip.x - region.x * scale, y: clip.y - region.y * scale }
      const repeated: PagePart[] = []
      if (stripW > 0) {
        repeated.push({
          region: { x: 0, y: region.y, w: repeatLeft, h: region.h },
          offset: { x: area.x, y: offset.y },
          clip: { x: area.x, y: clip.y, w: stripW, h: clip.h }
        })
      }
      if (stripH > 0) {
        repeated.push({
          region: { x: region.x, y: 0, w: region.w, h: repeatTop },
          offset: { x: offset.x, y: area.y },
          clip: { x: clip.x, y: area.y, w: clip.w, h: stripH }
        })
      }
      if (stripW > 0 && stripH > 0) {
        repeated.push({
          region: { x: 0, y: 0, w: repeatLeft, h: repeatTop },
          offset: { x: area.x, y: area.y },
          clip: { x: area.x, y: area.y, w: stripW, h: stripH }
        })
      }
      const many = rows.length * columns.length > 1
      pages.push({
        width,
        height,
        area,
        region,
        scale,
        offset,
        clip,
        repeated,
        rotate: 0,
        tile: many ? { row, column, rows: rows.length, columns: columns.length } : null
      })
    })
  })
  return pages
}

/**
 * The part of a poster page's region no earlier page showed (the region less the overlap with
 * the page before it in its row and column): these parts tile the board without overlapping.
 */
export function freshRegion(page: BoardPage): Rect {
  const overlap = POSTER_OVERLAP / page.scale
  const dx = page.tile && page.tile.column > 0 ? overlap : 0
  const dy = page.tile && page.tile.row > 0 ? overlap : 0
  return { x: page.region.x + dx, y: page.region.y + dy, w: page.region.w - dx, h: page.region.h - dy }
}
