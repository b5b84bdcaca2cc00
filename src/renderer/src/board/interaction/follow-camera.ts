/**
 * HTML over the canvas that stays on its board position while the camera pans and zooms: the
 * text editor, the rename field, the add buttons. The element is moved directly on every camera
 * change (a CSS transform), not through React.
 */
import { useLayoutEffect, type RefObject } from 'react'
import { LAYOUT, type Point, type Rect } from '../../../../shared/layout'
import type { CameraController } from '../camera'

/**
 * Places `ref` at the board point `place()` returns (hidden when null); with `scale`, the element
 * is also scaled by the zoom, so an element sized in board units covers exactly its board rectangle.
 */
export function useFollowCamera(
  camera: CameraController,
  ref: RefObject<HTMLElement | null>,
  place: () => Point | null,
  scale: boolean
): void {
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const update = () => {
      const at = place()
      if (!at) {
        el.style.visibility = 'hidden'
        return
      }
      const { x, y, zoom } = camera.camera
      el.style.visibility = ''
      el.style.transform = `translate(${at.x * zoom + x}px, ${at.y * zoom + y}px)${scale ? ` scale(${zoom})` : ''}`
    }
    update()
    return camera.subscribe(update)
  }, [camera, ref, place, scale])
}

/**
 * Pans the least needed so `rect` is on screen clear of the sticky headers (only along `axes`);
 * a rectangle larger than the view shows its top-left.
 */
export function reveal(camera: CameraController, rect: Rect, axes: 'x' | 'y' | 'xy' = 'xy'): void {
  const { x, y, zoom } = camera.camera
  // Only the part of the view no panel covers counts.
  const free = camera.free()
  const margin = 12
  const shift = (start: number, size: number, min: number, max: number) => {
    if (start < min) return min - start
    if (start + size > max) return Math.max(min - start, max - (start + size))
    return 0
  }
  const dx = axes.includes('x')
    ? shift(
        rect.x * zoom + x,
        rect.w * zoom,
        free.x + LAYOUT.laneHeaderWidth * zoom + margin,
        free.x + free.width - margin
      )
    : 0
  const dy = axes.includes('y')
    ? shift(
        rect.y * zoom + y,
        rect.h * zoom,
        free.y + LAYOUT.stageHeaderHeight * zoom + margin,
        free.y + free.height - margin
      )
    : 0
  if (dx !== 0 || dy !== 0) camera.panBy(dx, dy)
}
