/**
 * Rasterised squares of the board. A tile is TILE × TILE device pixels of the board's static
 * picture at one raster zoom (its level); tile (i, j) of a level covers the board square at
 * (i·span, j·span). Drawing the board is then a few image copies per frame, whatever is on it;
 * a tile is painted again only when what it shows changed (invalidate) or it was evicted.
 *
 * A tile is painted on one scratch OffscreenCanvas and kept as an ImageBitmap: the transfer
 * rasterises it there and then, so the time it costs is counted where it is painted (within the
 * frame's budget) rather than surfacing later in the frame that first copies it, and copying a
 * bitmap is the cheapest draw a canvas has.
 */
import type { Rect } from '../../../../shared/layout'

export const TILE = 256

export interface Tile {
  /** The raster zoom (board units → CSS pixels) it was painted at. */
  readonly level: number
  readonly i: number
  readonly j: number
  readonly image: CanvasImageSource
  /** The frame it was last drawn in, for least-recently-used eviction. */
  used: number
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

export type PaintRect = (ctx: CanvasRenderingContext2D, rect: Rect, level: number) => void

/** One number per tile of a level (any board fits in ±32,768 tiles a side). */
const key = (i: number, j: number) => (i + 32768) * 65536 + (j + 32768)

export class TileCache {
  private readonly levels = new Map<number, Map<number, Tile>>()
  private count = 0
  private scratch: { canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D } | null = null
  /** Device pixels per CSS pixel the tiles are painted for. */
  dpr = 1
  /** A level never evicted nor dropped (the overview). */
  pinned: number | null = null

  constructor(readonly size = TILE) {}

  /** Tiles held, over all levels. */
  get tileCount(): number {
    return this.count
  }

  /** Board units one tile covers at a level. */
  span(level: number): number {
    return this.size / (level * this.dpr)
  }

  rectOf(level: number, i: number, j: number): Rect {
    const s = this.span(level)
    return { x: i * s, y: j * s, w: s, h: s }
  }

  get(level: number, i: number, j: number): Tile | undefined {
    return this.levels.get(level)?.get(key(i, j))
  }

  tilesOf(level: number): IterableIterator<Tile> {
    return (this.levels.get(level) ?? new Map<number, Tile>()).values()
  }

  /** Paints tile (i, j) of a level (again, if it exists) and returns it. */
  render(level: number, i: number, j: number, paint: PaintRect, frame: number): Tile {
    let tiles = this.levels.get(level)
    if (!tiles) this.levels.set(level, (tiles = new Map()))
    const k = key(i, j)
    const old = tiles.get(k)
    if (old) this.release(old)
    const tile = { level, i, j, image: this.paint(level, i, j, paint), used: frame }
    tiles.set(k, tile)
    this.count++
    return tile
  }

  /** Forgets the tiles showing any of `rects` (all tiles when null), at every level. */
  invalidate(rects: readonly Rect[] | null): void {
    if (rects === null) {
      this.clear()
      return
    }
    for (const [level, tiles] of this.levels) {
      const s = this.span(level)
      for (const r of rects) {
        const i0 = Math.floor(r.x / s)
        const i1 = Math.floor((r.x + r.w) / s)
        const j0 = Math.floor(r.y / s)
        const j1 = Math.floor((r.y + r.h) / s)
        for (let i = i0; i <= i1; i++) {
          for (let j = j0; j <= j1; j++) {
            const k = key(i, j)
            const tile = tiles.get(k)
            if (!tile) continue
            tiles.delete(k)
            this.release(tile)
          }
        }
      }
    }
  }

  /** Drops whole levels except `keep` (and the pinned one). */
  dropLevels(keep: ReadonlySet<number>): void {
    for (const [level, tiles] of this.levels) {
      if (keep.has(level) || level === this.pinned) continue
      for (const tile of tiles.values()) this.release(tile)
      this.levels.delete(level)
    }
  }

  /** Keeps at most `max` tiles besides the pinned level's, dropping the least recently drawn (never one drawn in `frame`). */
  evict(max: number, frame: number): void {
    const pinned = this.pinned === null ? 0 : (this.levels.get(this.pinned)?.size ?? 0)
    if (this.count - pinned <= max) return
    const all: Tile[] = []
    for (const [level, tiles] of this.levels) {
      if (level === this.pinned) continue
      for (const tile of tiles.values()) if (tile.used < frame) all.push(tile)
    }
    all.sort((a, b) => a.used - b.used)
    for (const tile of all.slice(0, this.count - pinned - max)) {
      this.levels.get(tile.level)?.delete(key(tile.i, tile.j))
      this.release(tile)
    }
    for (const [level, tiles] of this.levels) if (tiles.size === 0 && level !== this.pinned) this.levels.delete(level)
  }

  clear(): void {
    for (const tiles of this.levels.values()) for (const tile of tiles.values()) this.release(tile)
    this.levels.clear()
  }

  /** Frees every bitmap (the renderer is going away). */
  destroy(): void {
    this.clear()
    this.scratch = null
  }

  private paint(level: number, i: number, j: number, paint: PaintRect): CanvasImageSource {
    const size = this.size
    let ctx: Context2D | null
    let canvas: OffscreenCanvas | HTMLCanvasElement
    if (typeof OffscreenCanvas === 'function') {
      if (!this.scratch) {
        const scratch = new OffscreenCanvas(size, size)
        const scratchCtx = scratch.getContext('2d')
        if (scratchCtx) this.scratch = { canvas: scratch, ctx: scratchCtx }
      }
      canvas = this.scratch?.canvas ?? new OffscreenCanvas(size, size)
      ctx = this.scratch?.ctx ?? null
    } else {
      canvas = document.createElement('canvas')
      canvas.width = canvas.height = size
      ctx = canvas.getContext('2d')
    }
    if (ctx) {
      const scale = level * this.dpr
      ctx.setTransform(1, 0, 0, 1, 0, 0)
      ctx.clearRect(0, 0, size, size)
      ctx.setTransform(scale, 0, 0, scale, -i * size, -j * size)
      // The painters take the on-screen context type; an offscreen one has the same drawing API.
      paint(ctx as CanvasRenderingContext2D, this.rectOf(level, i, j), level)
      ctx.setTransform(1, 0, 0, 1, 0, 0)
    }
    return canvas instanceof HTMLCanvasElement ? canvas : canvas.transferToImageBitmap()
  }

  private release(tile: Tile): void {
    this.count--
    if (tile.image instanceof ImageBitmap) tile.image.close()
  }
}
