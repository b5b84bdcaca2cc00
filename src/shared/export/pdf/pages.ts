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

/** One page of the board: its size, the part of the board it shows and where. */
export interface BoardPage {
  readonly width: number
  readonly height: number
  /** The printable area for the board, in points. */
  readonly area: Rect
  /** The board rectangle this page shows (board units). */
  readonly region: Rect
  /** Points per board unit. */
  readonly scale: number
  /** Board → page offset: page = board × scale + offset. */
  readonly offset: { readonly x: number; readonly y: number }
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
  readonly orientation: Orientation
  readonly fit: PdfFit
  readonly header: boolean
  /** Size of the board (board units). */
  readonly board: { readonly width: number; readonly height: number }
  /** Whether pages carry a footer (page numbers, poster positions). */
  readonly footer: boolean
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
    return [{ width, height, area, region: whole, scale, offset: { x: MARGIN, y: top }, tile: null }]
  }

  const { w: width, h: height } = paperSize(request.paper, request.orientation)
  const area = { x: MARGIN, y: top, w: width - 2 * MARGIN, h: height - top - bottom }

  if (request.fit === 'scale') {
    const scale = Math.min(area.w / Math.max(1, board.width), area.h / Math.max(1, board.height))
    // Centred across, at the top: the header sits right above the board.
    const offset = { x: area.x + (area.w - board.width * scale) / 2, y: area.y }
    return [{ width, height, area, region: whole, scale, offset, tile: null }]
  }

  // Poster: full size, pages in rows and columns overlapping by POSTER_OVERLAP.
  const scale = FULL_SIZE
  const stepW = area.w - POSTER_OVERLAP
  const stepH = area.h - POSTER_OVERLAP
  const columns = Math.max(1, Math.ceil((board.width * scale - POSTER_OVERLAP) / stepW))
  const rows = Math.max(1, Math.ceil((board.height * scale - POSTER_OVERLAP) / stepH))
  const pages: BoardPage[] = []
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const region = { x: (column * stepW) / scale, y: (row * stepH) / scale, w: area.w / scale, h: area.h / scale }
      pages.push({
        width,
        height,
        area,
        region,
        scale,
        offset: { x: area.x - region.x * scale, y: area.y - region.y * scale },
        tile: rows * columns > 1 ? { row, column, rows, columns } : null
      })
    }
  }
  return pages
}
