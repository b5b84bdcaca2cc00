/**
 * The whole scene (or the part of it in a rectangle) on a 2D canvas, in the board's order and
 * at full detail, for images: the app's PNG export and the CLI's. The board itself paints
 * through src/renderer/src/board/render (tiles, levels of detail, sticky headers) with the same
 * item painters.
 */
import type { Rect, Scene } from '../../layout'
import type { Canvas2D } from './context'
import {
  paintBadge,
  paintBox,
  paintCell,
  paintConnector,
  paintCurve,
  paintGuide,
  paintHeader,
  paintLabel,
  paintLegend,
  paintMarker,
  paintNote
} from './paint'

export interface ImageOptions {
  /**
   * 'transparent' leaves the board's paper out: the empty space of the cells stays clear
   * (alpha 0); grid lines, headers, notes and everything on them are drawn as usual.
   */
  readonly background: 'white' | 'transparent'
}

const meets = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/**
 * Paints what of `scene` meets `rect` (board units) on a context already scaled to board
 * units. Cells' prompts (hints for filling the board in) are left out: an image is a result.
 */
export function paintSceneImage(ctx: Canvas2D, scene: Scene, rect: Rect, options: ImageOptions): void {
  const clear = options.background === 'transparent'
  for (const cell of scene.cells) {
    if (!meets(cell, rect)) continue
    const paper = clear && !cell.collapsed ? { ...cell, fill: 'rgba(0, 0, 0, 0)' } : cell
    paintCell(ctx, cell.collapsed ? paper : { ...paper, label: null }, false)
  }
  for (const guide of scene.guides) paintGuide(ctx, guide)
  for (const note of scene.notes) if (meets(note, rect)) paintNote(ctx, note, false)
  for (const connector of scene.connectors) paintConnector(ctx, connector)
  for (const curve of scene.curves) paintCurve(ctx, curve)
  for (const marker of scene.markers) paintMarker(ctx, marker, false)
  // Labels over every line and dot, so none is crossed out.
  for (const connector of scene.connectors) if (connector.label) paintLabel(ctx, connector.label)
  for (const marker of scene.markers) if (marker.label) paintLabel(ctx, marker.label)
  for (const header of scene.laneHeaders) if (meets(header, rect)) paintHeader(ctx, header)
  for (const entry of scene.legend) paintLegend(ctx, entry)
  for (const header of scene.stageHeaders) if (meets(header, rect)) paintHeader(ctx, header)
  if (meets(scene.corner, rect)) paintBox(ctx, scene.corner)
  for (const badge of scene.badges) if (meets(badge, rect)) paintBadge(ctx, badge, true)
}
