/**
 * The board's camera: where the board sits on screen and how far it is zoomed. It changes on every
 * frame of a pan, so it lives outside React; components subscribe to what they need (the zoom
 * label, the culling window) and the Konva stage is moved directly.
 */
import {
  clampZoom,
  constrainCamera,
  fitCamera,
  minZoomFor,
  stepZoom,
  visibleRect,
  zoomAt,
  type Camera,
  type Rect,
  type Size
} from '../../../shared/layout'

type Listener = (camera: Camera) => void

export class CameraController {
  private current: Camera = { x: 0, y: 0, zoom: 1 }
  private listeners = new Set<Listener>()
  viewport: Size = { width: 0, height: 0 }
  board: Size = { width: 0, height: 0 }
  /** Whether the opening view was set (at the first layout with a known viewport). */
  private placed = false

  get camera(): Camera {
    return this.current
  }

  get zoom(): number {
    return this.current.zoom
  }

  /** The smallest zoom: 5 %, or what shows the whole board when that needs less. */
  get minZoom(): number {
    return minZoomFor(this.board, this.viewport)
  }

  /** The board rectangle in view. */
  visible(): Rect {
    return visibleRect(this.current, this.viewport)
  }

  /** The board was laid out again or the window resized: keep the view valid, or open it. */
  resize(board: Size, viewport: Size): void {
    this.board = board
    this.viewport = viewport
    if (viewport.width === 0 || viewport.height === 0) return
    if (!this.placed) this.place()
    else this.set(this.current, true)
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Moves the camera (kept so the board stays in view); `always` tells listeners even if it stays. */
  set(camera: Camera, always = false): void {
    const next = constrainCamera({ ...camera, zoom: clampZoom(camera.zoom, this.minZoom) }, this.board, this.viewport)
    const same = next.x === this.current.x && next.y === this.current.y && next.zoom === this.current.zoom
    if (same && !always) return
    this.current = next
    for (const listener of this.listeners) listener(next)
  }

  panBy(dx: number, dy: number): void {
    this.set({ ...this.current, x: this.current.x + dx, y: this.current.y + dy })
  }

  /** Zooms keeping the board point under `anchor` (screen coordinates) still; default the centre. */
  zoomTo(zoom: number, anchor = { x: this.viewport.width / 2, y: this.viewport.height / 2 }): void {
    this.set(zoomAt(this.current, zoom, anchor, this.minZoom))
  }

  zoomBy(factor: number, anchor?: { x: number; y: number }): void {
    this.zoomTo(this.current.zoom * factor, anchor)
  }

  step(direction: 1 | -1): void {
    this.zoomTo(stepZoom(this.current.zoom, direction, this.minZoom))
  }

  fit(): void {
    this.set(fitCamera({ x: 0, y: 0, w: this.board.width, h: this.board.height }, this.viewport, 24, 1, this.minZoom))
  }

  /** Shows all of a board rectangle, centred, zoomed in no further than `maxZoom`. */
  fitRect(rect: Rect, maxZoom = 2): void {
    if (this.viewport.width === 0 || this.viewport.height === 0) return
    this.set(fitCamera(rect, this.viewport, 24, maxZoom))
  }

  /** The opening view: readable (50–100%), top-left of the board, centred when it fits across. */
  place(): void {
    const fitted = fitCamera({ x: 0, y: 0, w: this.board.width, h: this.board.height }, this.viewport, 16, 1)
    const zoom = Math.max(0.5, fitted.zoom)
    const x = Math.max(16, (this.viewport.width - this.board.width * zoom) / 2)
    this.placed = true
    this.set({ zoom, x, y: 16 }, true)
  }
}
