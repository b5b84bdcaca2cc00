/**
 * Draws the board on the notes layer without React and without one node per note per frame.
 *
 * - The static picture (cells, guides, notes, connectors, curves, markers, and the badges: KPI
 *   chips and vote counts) is painted into tiles (./tiles) at the current zoom; a frame copies
 *   the few tiles in view. Panning paints only the tiles that come into view (and those around
 *   the view in the frame's spare time), zooming shows the tiles of the previous zoom scaled
 *   until the new ones are painted, nearest the centre first and a few per frame. Under them
 *   lies the overview: the whole board as tiles of one small zoom (at most ~2048 px a side),
 *   painted while the board is idle and always kept, so whatever the camera does the view is
 *   never blank, at worst briefly soft. When the zoom rests, tiles are painted for exactly that
 *   zoom, so text is crisp.
 * - A new scene repaints only the tiles over what changed (./scene-diff), at once where in view.
 * - Below LOD_ZOOM the tiles show notes as blocks with bars for text, below BLOCK_ZOOM as blocks.
 * - Headers are drawn over the tiles each frame, sticking to the view's top and left (./headers);
 *   being opaque, they hide what scrolls under them, badges included.
 * - Konva nodes for the notes near the view and for every overlay item keep their ids and boxes
 *   for tools and tests (./proxies); they are not drawn, the tiles are.
 *
 * The camera moves the stage directly; a frame redraws this layer, and the stage's other layers
 * (the drag layer) only when they are shown and hold something. The drag layer is hidden while
 * empty (./interaction/painter), so a pan composites this layer's canvas alone.
 */
import Konva from 'konva/lib/Core'
import { inflate, type Rect, type Scene } from '../../../../shared/layout'
import type { CameraController } from '../camera'
import type { SceneIndex } from '../scene-index'
import { boardContent, paintRegion, type BoardContent } from './content'
import { BoardHeaders } from './headers'
import { forgetTitles, notesLegibleAt } from './legible'
import { detailAt, LOD_ZOOM } from './lod'
import { onBoardPalette, themed } from './palette'
import { BoardProxies } from './proxies'
import { changedRects } from './scene-diff'
import { TileCache, type Tile } from './tiles'

/** Time a moving frame may spend painting tiles in view (the rest wait, shown by stand-ins)... */
const RASTER_BUDGET_MS = 5
/** ...and, if any is left, on nodes, tiles around the view and the overview. */
const WORK_BUDGET_MS = 3.5
/** Time per frame for that work while the camera rests. */
const IDLE_BUDGET_MS = 8
/** A zoom that has not changed for this long is at rest: its tiles are painted for it exactly. */
const REST_MS = 150
/** While zooming, tiles of a nearby zoom are scaled rather than painted again, within these ratios. */
const MAX_UPSCALE = 1.1
const MAX_DOWNSCALE = 0.8
/** The overview: at most this many pixels a side and in all, and never sharper than this zoom. */
const OVERVIEW_MAX_SIDE = 2048
const OVERVIEW_MAX_PIXELS = 4_000_000
const OVERVIEW_MAX_SCALE = 0.35
/** At most this many tiles are painted ahead around the view on each side. */
const MARGIN_TILES = 2
/** Zoom levels whose tiles are kept to stand in while the current one is painted. */
const STAND_IN_LEVELS = 3

interface Slot {
  readonly i: number
  readonly j: number
  readonly rect: Rect
  /** Distance from the view's centre, for painting the middle first. */
  readonly d: number
}

export class BoardRenderer {
  private readonly tiles = new TileCache()
  private readonly shape: Konva.Shape
  private readonly proxies = new BoardProxies()
  private readonly headers = new BoardHeaders()
  private content: BoardContent | null = null
  private measureKey: unknown = null
  /** The overview's raster zoom (device-independent scale divided by the pixel ratio). */
  private overview: number | null = null
  /** The zoom tiles are painted at now, and older ones kept as stand-ins (newest last). */
  private level: number | null = null
  private standIns: number[] = []
  private frame = 0
  private zoom = 0
  private zoomChangedAt = 0
  private drewSincePump = false
  private pumpHandle = 0
  private readonly unsubscribe: () => void

  constructor(
    private readonly layer: Konva.Layer,
    private readonly camera: CameraController
  ) {
    this.shape = new Konva.Shape({
      id: 'board-tiles',
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (context) => this.draw(context._context)
    })
    layer.add(this.shape, this.proxies.group, ...this.headers.groups)
    const offCamera = camera.subscribe(() => this.follow())
    // Another theme: every tile and the overview are painted again in its palette.
    const offPalette = onBoardPalette(() => {
      this.tiles.invalidate(null)
      this.placeOverview()
      this.follow()
    })
    this.unsubscribe = () => {
      offCamera()
      offPalette()
    }
  }

  /** Shows a scene (after a layout); `measureKey` changes when text was measured anew (fonts loaded). */
  setScene(scene: Scene, index: SceneIndex, measureKey: unknown): void {
    const prev = this.content
    if (prev?.scene === scene && measureKey === this.measureKey) return
    const content = boardContent(scene, index)
    this.content = content
    const dirty = !prev || measureKey !== this.measureKey ? null : changedRects(prev.scene, scene)
    this.measureKey = measureKey
    this.tiles.invalidate(dirty)
    this.placeOverview()
    this.proxies.setContent(content)
    this.headers.setScene(scene)
    this.follow()
  }

  destroy(): void {
    this.unsubscribe()
    cancelAnimationFrame(this.pumpHandle)
    this.shape.destroy()
    this.proxies.destroy()
    this.headers.destroy()
    this.tiles.destroy()
    this.content = null
  }

  /** The camera moved: move the stage, stick the headers, keep nodes for what is in view, redraw. */
  private follow(): void {
    const stage = this.layer.getStage()
    if (!stage || !this.content) return
    const { x, y, zoom } = this.camera.camera
    stage.position({ x, y })
    stage.scale({ x: zoom, y: zoom })
    const visible = this.camera.visible()
    this.headers.stick(visible)
    if (zoom !== this.zoom) {
      this.zoom = zoom
      this.zoomChangedAt = performance.now()
      // Out of the zooms where notes show short titles: what was kept for them goes.
      if (notesLegibleAt(zoom) || detailAt(zoom) === 'blocks') forgetTitles()
    }
    if (visible.w > 0 && visible.h > 0) this.proxies.update(visible, zoom)
    this.shape.id(zoom < LOD_ZOOM ? 'notes-lod' : 'board-tiles')
    this.layer.batchDraw()
    // The other layers (the drag layer) move with the board too, but a hidden or empty one need not redraw.
    for (const other of stage.getLayers()) {
      if (other === this.layer || !other.visible()) continue
      if (other.getChildren().some((child) => child.visible())) other.batchDraw()
    }
    this.schedule()
  }

  /** The tiles shape's drawing: paint missing tiles in view, copy them (or stand-ins), then spare-time work. */
  private draw(ctx: CanvasRenderingContext2D): void {
    const content = this.content
    const stage = this.layer.getStage()
    if (!content || !stage) return
    const start = performance.now()
    this.drewSincePump = true
    const frame = ++this.frame
    const dpr = this.layer.getCanvas().getPixelRatio()
    if (dpr !== this.tiles.dpr) {
      this.tiles.clear()
      this.tiles.dpr = dpr
      this.level = null
      this.standIns = []
      this.placeOverview()
    }
    const zoom = stage.scaleX()
    const ox = stage.x() * dpr
    const oy = stage.y() * dpr
    const view = { x: -stage.x() / zoom, y: -stage.y() / zoom, w: stage.width() / zoom, h: stage.height() / zoom }
    const level = this.chooseLevel(zoom, start)
    const slots = this.slots(view, level, content.scene)

    // Tiles in view not painted yet, the middle first. Past the budget one may wait for a later
    // frame if the overview can stand in for it; one it cannot (it changed, or the overview is not
    // painted yet, as at the first frame) is painted now, so nothing stale or blank ever shows.
    const missing = slots.filter((s) => !this.tiles.get(level, s.i, s.j)).sort((a, b) => a.d - b.d)
    const waiting: Slot[] = []
    let painted = 0
    for (const slot of missing) {
      const late = performance.now() - start > RASTER_BUDGET_MS
      if (late && painted > 0 && this.covered(this.overview, slot.rect, content.scene)) {
        waiting.push(slot)
        continue
      }
      this.paintTile(content, level, slot, frame)
      painted++
    }

    ctx.save()
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    if (waiting.length > 0) this.drawStandIns(ctx, waiting, level, zoom, ox, oy, frame, content.scene)
    for (const slot of slots) {
      const tile = this.tiles.get(level, slot.i, slot.j)
      if (tile) this.blit(ctx, tile, zoom, ox, oy, frame)
    }
    ctx.restore()

    this.work(start + WORK_BUDGET_MS, view)
    // Room for the tiles around the view and more, so panning back and forth finds them again.
    const size = this.tiles.size
    const cols = Math.ceil((stage.width() * dpr) / size) + 2 * MARGIN_TILES + 2
    const rows = Math.ceil((stage.height() * dpr) / size) + 2 * MARGIN_TILES + 2
    this.tiles.evict(Math.max(64, Math.ceil(1.6 * cols * rows)), frame)
    if (waiting.length > 0) this.layer.batchDraw()
    this.schedule()
  }

  /**
   * The zoom to paint tiles at: the camera's, except while a zoom is under way, when tiles of a
   * zoom close enough are scaled instead of painting a new set every frame.
   */
  private chooseLevel(zoom: number, now: number): number {
    const level = this.level
    if (level === zoom) return zoom
    if (level !== null && now - this.zoomChangedAt < REST_MS) {
      const ratio = zoom / level
      if (ratio <= MAX_UPSCALE && ratio >= MAX_DOWNSCALE) return level
    }
    if (level !== null) this.standIns = [...this.standIns.filter((l) => l !== level && l !== zoom), level]
    this.standIns = this.standIns.slice(-STAND_IN_LEVELS)
    this.tiles.dropLevels(new Set([zoom, ...this.standIns]))
    this.level = zoom
    return zoom
  }

  /** Tiles of `level` over the part of `rect` that is on the board. */
  private slots(rect: Rect, level: number, scene: Scene): Slot[] {
    const span = this.tiles.span(level)
    const x0 = Math.max(0, rect.x)
    const y0 = Math.max(0, rect.y)
    const x1 = Math.min(scene.width, rect.x + rect.w)
    const y1 = Math.min(scene.height, rect.y + rect.h)
    if (x1 <= x0 || y1 <= y0) return []
    const cx = rect.x + rect.w / 2
    const cy = rect.y + rect.h / 2
    const out: Slot[] = []
    for (let i = Math.floor(x0 / span); i < Math.ceil(x1 / span); i++) {
      for (let j = Math.floor(y0 / span); j < Math.ceil(y1 / span); j++) {
        const r = { x: i * span, y: j * span, w: span, h: span }
        out.push({ i, j, rect: r, d: Math.hypot(r.x + span / 2 - cx, r.y + span / 2 - cy) })
      }
    }
    return out
  }

  private paintTile(content: BoardContent, level: number, slot: Slot, frame: number): Tile {
    return this.tiles.render(level, slot.i, slot.j, (ctx, rect, z) => paintRegion(themed(ctx), content, rect, z), frame)
  }

  /** Copies a tile to its place on screen (device pixels), scaled if it was painted at another zoom. */
  private blit(ctx: CanvasRenderingContext2D, tile: Tile, zoom: number, ox: number, oy: number, frame: number): void {
    tile.used = frame
    const step = this.tiles.size * (zoom / tile.level)
    // Rounded edges: neighbouring tiles meet without seams, and unscaled ones copy pixel for pixel.
    const x0 = Math.round(ox + tile.i * step)
    const y0 = Math.round(oy + tile.j * step)
    const x1 = Math.round(ox + (tile.i + 1) * step)
    const y1 = Math.round(oy + (tile.j + 1) * step)
    ctx.drawImage(tile.image, x0, y0, x1 - x0, y1 - y0)
  }

  /**
   * Where tiles are not painted yet: the tiles of the latest earlier zoom that has all of the
   * place painted, else the overview (which always has: a tile waits only then), each clipped
   * to the places it stands in for, so every pixel is copied about once.
   */
  private drawStandIns(
    ctx: CanvasRenderingContext2D,
    waiting: readonly Slot[],
    level: number,
    zoom: number,
    ox: number,
    oy: number,
    frame: number,
    scene: Scene
  ): void {
    const groups = new Map<number, Slot[]>()
    for (const slot of waiting) {
      let by = this.overview
      for (let k = this.standIns.length - 1; k >= 0; k--) {
        const older = this.standIns[k]!
        if (this.covered(older, slot.rect, scene)) {
          by = older
          break
        }
      }
      if (by === null) continue
      const group = groups.get(by)
      if (group) group.push(slot)
      else groups.set(by, [slot])
    }
    const step = this.tiles.size * (zoom / level)
    for (const [by, group] of groups) {
      ctx.save()
      ctx.beginPath()
      for (const { i, j } of group) {
        const x0 = Math.round(ox + i * step)
        const y0 = Math.round(oy + j * step)
        ctx.rect(x0, y0, Math.round(ox + (i + 1) * step) - x0, Math.round(oy + (j + 1) * step) - y0)
      }
      ctx.clip()
      const drawn = new Set<Tile>()
      for (const slot of group) {
        for (const { i, j } of this.slots(slot.rect, by, scene)) {
          const tile = this.tiles.get(by, i, j)
          if (!tile || drawn.has(tile)) continue
          drawn.add(tile)
          this.blit(ctx, tile, zoom, ox, oy, frame)
        }
      }
      ctx.restore()
    }
  }

  /**
   * Chooses the overview's zoom: the whole board in at most 2048 px a side and 4 Mpx, never
   * sharper than where text turns into bars. Kept while the board keeps about its size.
   */
  private placeOverview(): void {
    const scene = this.content?.scene
    if (!scene) return
    const w = Math.max(1, scene.width)
    const h = Math.max(1, scene.height)
    const scale = Math.min(
      OVERVIEW_MAX_SCALE,
      OVERVIEW_MAX_SIDE / Math.max(w, h),
      Math.sqrt(OVERVIEW_MAX_PIXELS / (w * h))
    )
    const level = scale / this.tiles.dpr
    const current = this.overview
    if (current !== null && current / level < 1.5 && level / current < 1.5) return
    if (current !== null) {
      this.tiles.pinned = null
      this.tiles.dropLevels(new Set([...(this.level === null ? [] : [this.level]), ...this.standIns]))
    }
    this.overview = level
    this.tiles.pinned = level
  }

  /** Whether the tiles of `level` over `rect` are all painted. */
  private covered(level: number | null, rect: Rect, scene: Scene): boolean {
    if (level === null) return false
    for (const slot of this.slots(rect, level, scene)) if (!this.tiles.get(level, slot.i, slot.j)) return false
    return true
  }

  /** Work for spare time, most needed first; true when all of it is done. */
  private work(deadline: number, view: Rect): boolean {
    const content = this.content
    if (!content) return true
    if (!this.proxies.fill(deadline)) return false
    const level = this.level
    if (level !== null) {
      const around = this.around(view, level)
      const missing = this.slots(around, level, content.scene)
        .filter((s) => !this.tiles.get(level, s.i, s.j))
        .sort((a, b) => a.d - b.d)
      for (const slot of missing) {
        if (performance.now() > deadline) return false
        this.paintTile(content, level, slot, this.frame)
      }
    }
    const overview = this.overview
    if (overview !== null) {
      // The whole board, nearest the view first.
      const board = { x: 0, y: 0, w: content.scene.width, h: content.scene.height }
      const centre = { x: view.x + view.w / 2, y: view.y + view.h / 2 }
      const missing = this.slots(board, overview, content.scene)
        .filter((s) => !this.tiles.get(overview, s.i, s.j))
        .map((s) => ({ ...s, d: Math.hypot(s.rect.x + s.rect.w / 2 - centre.x, s.rect.y + s.rect.h / 2 - centre.y) }))
        .sort((a, b) => a.d - b.d)
      for (const slot of missing) {
        if (performance.now() > deadline) return false
        this.paintTile(content, overview, slot, this.frame)
      }
    }
    return true
  }

  /** The board around the view whose tiles are painted ahead: a quarter of the view, 1 to MARGIN_TILES tiles. */
  private around(view: Rect, level: number): Rect {
    const span = this.tiles.span(level)
    const margin = (size: number) => Math.min(MARGIN_TILES * span, Math.max(span, size / 4))
    return inflate(view, margin(view.w), margin(view.h))
  }

  private schedule(): void {
    if (!this.pumpHandle && this.content) this.pumpHandle = requestAnimationFrame(this.pump)
  }

  /**
   * Runs on animation frames while work is left: when the camera rests, paints nodes, tiles
   * around the view and the overview ahead of need, and the tiles for a zoom that came to rest.
   */
  private readonly pump = (): void => {
    this.pumpHandle = 0
    if (!this.content) return
    if (this.drewSincePump) {
      // A frame was drawn since: it did this work in its spare time. Look again next frame.
      this.drewSincePump = false
      this.schedule()
      return
    }
    const now = performance.now()
    if (this.level !== this.zoom) {
      if (now - this.zoomChangedAt >= REST_MS) this.layer.batchDraw()
      this.schedule()
      return
    }
    const visible = this.camera.visible()
    if (visible.w <= 0 || visible.h <= 0) return
    if (!this.work(now + IDLE_BUDGET_MS, visible)) this.schedule()
  }
}
