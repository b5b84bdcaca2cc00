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

import type { ActionId } from '../../../shared/actions'

type Listener = (camera: Camera) => void

/** Screen pixels of the viewport's edges that panels cover (they take their room from the board). */
export interface Insets {
  readonly top: number
  readonly right: number
  readonly bottom: number
  readonly left: number
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 }

/** Fit leaves this much below the board for the tool bars at the bottom (and the "+" under the last lane). */
export const TOOLBAR_ROOM = 72
/** Fit also shows the "+" buttons after the last stage and below the last lane (board units). */
const ADD_BUTTONS_ROOM = 24

export class CameraController {
  private current: Camera = { x: 0, y: 0, zoom: 1 }
  private listeners = new Set<Listener>()
  viewport: Size = { width: 0, height: 0 }
  board: Size = { width: 0, height: 0 }
  /** Whether the opening view was set (at the first layout with a known viewport). */
  private placed = false

  /** Parts of the viewport panels cover; fitting and revealing use what is left. */
  insets: Insets = NO_INSETS
  /** The view is the whole map fitted (by Fit or at opening): it is fitted again when the room changes. */
  private fitted = false
  private insetListeners = new Set<(insets: Insets) => void>()

  /** `opening`: the view to open on (the one a reload or Back returns to) instead of the default. */
  constructor(private readonly opening: Camera | null = null) {}

  /** The part of the viewport no panel covers, in screen pixels. */
  free(): { x: number; y: number; width: number; height: number } {
    const { top, right, bottom, left } = this.insets
    return {
      x: left,
      y: top,
      width: Math.max(1, this.viewport.width - left - right),
      height: Math.max(1, this.viewport.height - top - bottom)
    }
  }

  /** Panels opened, closed or resized: a fitted view fits the room left; listeners keep the selection in view. */
  setInsets(insets: Insets): void {
    const same =
      insets.top === this.insets.top &&
      insets.right === this.insets.right &&
      insets.bottom === this.insets.bottom &&
      insets.left === this.insets.left
    if (same) return
    this.insets = insets
    if (this.fitted) this.fit()
    for (const listener of this.insetListeners) listener(insets)
  }

  onInsets(listener: (insets: Insets) => void): () => void {
    this.insetListeners.add(listener)
    return () => this.insetListeners.delete(listener)
  }

  get camera(): Camera {
    return this.current
  }

  get zoom(): number {
    return this.current.zoom
  }

  /** The smallest zoom: 5 %, or what Fit needs to show the whole board when that is less. */
  get minZoom(): number {
    const room = this.fitRoom()
    const whole = { width: this.board.width + ADD_BUTTONS_ROOM, height: this.board.height + ADD_BUTTONS_ROOM }
    return minZoomFor(whole, room, 16)
  }

  /** Where Fit puts the whole map: the free room less the tool bars' strip at the bottom. */
  private fitRoom(): { x: number; y: number; width: number; height: number } {
    const free = this.free()
    return { x: free.x, y: free.y, width: free.width, height: Math.max(1, free.height - TOOLBAR_ROOM) }
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
    else if (this.fitted) this.fit()
    else this.set(this.current, true)
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Moves the camera (kept so the board stays in view); `always` tells listeners even if it stays. */
  set(camera: Camera, always = false): void {
    this.fitted = false
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

  /** The whole map in the room panels and tool bars leave; kept fitted when that room changes. */
  fit(): void {
    if (this.viewport.width === 0 || this.viewport.height === 0) return
    const room = this.fitRoom()
    const whole = { x: 0, y: 0, w: this.board.width + ADD_BUTTONS_ROOM, h: this.board.height + ADD_BUTTONS_ROOM }
    this.set(this.inRoom(fitCamera(whole, room, 16, 1, this.minZoom), room))
    this.fitted = true
  }

  /** Shows all of a board rectangle, centred in the free room, zoomed in no further than `maxZoom`. */
  fitRect(rect: Rect, maxZoom = 2): void {
    if (this.viewport.width === 0 || this.viewport.height === 0) return
    const free = this.free()
    this.set(this.inRoom(fitCamera(rect, free, 24, maxZoom), free))
  }

  /** A camera computed for a room of the viewport's size, moved to where the room is. */
  private inRoom(camera: Camera, room: { x: number; y: number }): Camera {
    return { ...camera, x: camera.x + room.x, y: camera.y + room.y }
  }

  /** The opening view: readable (50–100%), top-left of the board, centred when it fits across. */
  place(): void {
    if (this.opening) {
      this.placed = true
      this.set(this.opening, true)
      return
    }
    const fitted = fitCamera({ x: 0, y: 0, w: this.board.width, h: this.board.height }, this.viewport, 16, 1)
    const zoom = Math.max(0.5, fitted.zoom)
    const x = Math.max(16, (this.viewport.width - this.board.width * zoom) / 2)
    this.placed = true
    this.set({ zoom, x, y: 16 }, true)
  }
}

/** The zoom actions of the action table that need nothing but the camera. */
export const ZOOM_KEYS = ['zoomIn', 'zoomOut', 'zoomReset'] as const satisfies readonly ActionId[]
export type ZoomAction = (typeof ZOOM_KEYS)[number] | 'zoomFit'

export function runZoomAction(camera: CameraController, action: ZoomAction): void {
  if (action === 'zoomIn') camera.step(1)
  else if (action === 'zoomOut') camera.step(-1)
  else if (action === 'zoomReset') camera.zoomTo(1)
  else camera.fit()
}
