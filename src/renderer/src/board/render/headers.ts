/**
 * Stage and lane headers (with the emotion legend) and the corner above the lane headers, drawn
 * on every frame over the tiles: the header row sticks to the top of the view and the header
 * column to its left while the board scrolls under them. Headers outside the view are skipped.
 */
import Konva from 'konva/lib/Core'
import { intersects, LAYOUT, type Rect, type Scene } from '../../../../shared/layout'
import type { LaneHeaderItem, StageHeaderItem } from '../../../../shared/layout'
import { paintBox, paintHeader, paintLegend, paintText } from '../../../../shared/export/canvas/paint'
import { HINT_PX, legibleAt, paintScaledTitle } from './legible'
import { themed } from './palette'

const STATIC = { listening: false, perfectDrawEnabled: false } as const

export class BoardHeaders {
  readonly laneHeaders = new Konva.Group({ id: 'lane-headers', listening: false })
  readonly stageHeaders = new Konva.Group({ id: 'stage-headers', listening: false })
  readonly corner = new Konva.Group({ id: 'corner', listening: false })
  private scene: Scene | null = null
  /** The board rectangle in view, for skipping headers off screen. */
  private visible: Rect = { x: 0, y: 0, w: 0, h: 0 }

  /** The groups, in drawing order. */
  get groups(): Konva.Group[] {
    return [this.laneHeaders, this.stageHeaders, this.corner]
  }

  setScene(scene: Scene): void {
    this.scene = scene
    for (const group of this.groups) group.destroyChildren()
    for (const header of scene.laneHeaders) this.laneHeaders.add(this.header(header, 'lane-header'))
    this.laneHeaders.add(
      new Konva.Shape({
        ...STATIC,
        id: 'legend',
        sceneFunc: (context) => scene.legend.forEach((entry) => paintLegend(themed(context._context), entry))
      })
    )
    for (const header of scene.stageHeaders) this.stageHeaders.add(this.header(header, 'stage-header'))
    this.corner.add(
      new Konva.Shape({
        ...STATIC,
        id: 'board-corner',
        sceneFunc: (context) => paintBox(themed(context._context), scene.corner)
      })
    )
  }

  /** Keeps the header row at the top of the view and the column at its left, never past the board's far side. */
  stick(visible: Rect): void {
    this.visible = visible
    const scene = this.scene
    if (!scene) return
    const top = Math.min(Math.max(0, visible.y), Math.max(0, scene.height - LAYOUT.stageHeaderHeight))
    const left = Math.min(Math.max(0, visible.x), Math.max(0, scene.width - LAYOUT.laneHeaderWidth))
    this.stageHeaders.y(top)
    this.laneHeaders.x(left)
    this.corner.position({ x: left, y: top })
  }

  destroy(): void {
    for (const group of this.groups) group.destroy()
  }

  private header(header: StageHeaderItem | LaneHeaderItem, name: string): Konva.Shape {
    return new Konva.Shape({
      ...STATIC,
      id: `${name}-${header.id}`,
      name,
      x: header.x,
      y: header.y,
      width: header.w,
      height: header.h,
      sceneFunc: (context, shape) => {
        // Only the axis a header scrolls along matters: the other one sticks to the view.
        const v = this.visible
        const onScreen =
          header.kind === 'stageHeader'
            ? intersects({ ...v, y: header.y, h: header.h }, header)
            : intersects({ ...v, x: header.x, w: header.w }, header)
        if (!onScreen) return
        const ctx = themed(context._context)
        ctx.translate(-header.x, -header.y)
        const zoom = shape.getStage()?.scaleX() ?? 1
        const [title, ...rest] = header.texts
        const hints = rest.filter((text) => legibleAt(text.font.size, zoom, HINT_PX))
        if (!title || (legibleAt(title.font.size, zoom) && hints.length === rest.length))
          return paintHeader(ctx, header)
        // Zoomed out: the title scaled up as far as the header has room, the rest only if legible.
        paintBox(ctx, header)
        paintScaledTitle(ctx, title, header, zoom)
        for (const text of hints) paintText(ctx, text)
      }
    })
  }
}
