/**
 * Draws what the interactions add to the board on the drag layer (`#drag-layer`, above the
 * rest), with one Konva shape: selection outlines, the dragged notes and the line where they
 * would land, the rubber band, a connector being drawn, a curve point being dragged with its
 * score, a header being moved or resized, and hover hints (a header's fold button, a point's
 * score). Only this layer redraws while the pointer moves; the notes layer stays as it is.
 * Sizes are in screen pixels (divided by the zoom), so outlines stay crisp at any zoom.
 */
import Konva from 'konva/lib/Core'
import {
  COLORS,
  FONT_FAMILY,
  LAYOUT,
  cssFont,
  type Font,
  type NoteItem,
  type Rect,
  type Scene
} from '../../../../shared/layout'
import { paintNote } from '../../../../shared/export/canvas/paint'
import type { Preview } from '../../editing/gesture'
import { formatScore, stickyOf, toggleRect, type DropLine } from './geometry'
import { themed } from '../render/palette'

type Ctx = CanvasRenderingContext2D

export const ACCENT = '#3b5bdb'
const ACCENT_FILL = 'rgba(59, 91, 219, 0.08)'
const HOLE = 'rgba(246, 247, 249, 0.7)'

/** A selected area: `sticky` ones are headers, drawn where the sticky header row or column is. */
export interface Area {
  readonly rect: Rect
  readonly sticky?: 'top' | 'left'
}

export type Hover =
  | {
      readonly kind: 'point'
      readonly x: number
      readonly y: number
      readonly radius: number
      readonly color: string
      readonly label: string
    }
  | {
      readonly kind: 'stageHeader' | 'laneHeader'
      readonly rect: Rect
      readonly collapsed: boolean
      readonly edge: boolean
    }

export interface PainterState {
  readonly scene: Scene | null
  readonly selectedNotes: readonly NoteItem[]
  readonly areas: readonly Area[]
  readonly preview: Preview | null
  readonly hover: Hover | null
  /** A connector picked on the board. */
  readonly connector: string | null
}

export interface PainterView {
  readonly zoom: () => number
  readonly visible: () => Rect
}

export class InteractionPainter {
  private readonly shape: Konva.Shape
  private state: PainterState = {
    scene: null,
    selectedNotes: [],
    areas: [],
    preview: null,
    hover: null,
    connector: null
  }

  constructor(
    private readonly findLayer: () => Konva.Layer | null,
    private readonly view: PainterView
  ) {
    this.shape = new Konva.Shape({
      id: 'interaction',
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (context) => this.paint(themed(context._context))
    })
  }

  /** Changes what is drawn and redraws the layer (once per frame at most). */
  set(part: Partial<PainterState>): void {
    this.state = { ...this.state, ...part }
    this.redraw()
  }

  get current(): PainterState {
    return this.state
  }

  /**
   * Redraws the drag layer. With nothing to draw the shape leaves the layer and the layer is
   * hidden (its canvas cleared and taken out of the page's compositing, display: none), so a
   * pan composites the notes layer alone and the board renderer skips this one on every frame.
   * The layer is shown again, and drawn before the next paint, as soon as there is something.
   */
  redraw(): void {
    const layer = this.findLayer()
    if (!layer) return
    if (this.isEmpty()) {
      if (this.shape.getParent()) this.shape.remove()
      if (layer.visible()) {
        layer.visible(false)
        // Nothing stale may show for a frame when it is shown again.
        layer.clear()
      }
      return
    }
    if (this.shape.getLayer() !== layer) {
      this.shape.remove()
      layer.add(this.shape)
    }
    if (!layer.visible()) layer.visible(true)
    layer.batchDraw()
  }

  private isEmpty(): boolean {
    const s = this.state
    return !s.preview && !s.hover && !s.connector && s.selectedNotes.length === 0 && s.areas.length === 0
  }

  destroy(): void {
    this.shape.destroy()
  }

  private paint(ctx: Ctx): void {
    const { scene, preview, hover } = this.state
    if (!scene) return
    const zoom = this.view.zoom()
    const px = 1 / zoom
    const visible = this.view.visible()
    const sticky = stickyOf(scene, visible)
    const content = {
      x: sticky.left + LAYOUT.laneHeaderWidth,
      y: sticky.top + LAYOUT.stageHeaderHeight,
      w: visible.x + visible.w - sticky.left - LAYOUT.laneHeaderWidth,
      h: visible.y + visible.h - sticky.top - LAYOUT.stageHeaderHeight
    }
    ctx.save()
    ctx.lineJoin = 'round'
    ctx.lineCap = 'round'

    // Below the sticky headers: selection, drop line, band, connector, curve point.
    ctx.save()
    ctx.beginPath()
    ctx.rect(content.x, content.y, content.w, content.h)
    ctx.clip()
    for (const area of this.state.areas) if (!area.sticky) outlineArea(ctx, area.rect, px)
    for (const note of this.state.selectedNotes) outlineNote(ctx, note, px, 2)
    if (this.state.connector) {
      const item = scene.connectors.find((c) => c.id === this.state.connector)
      if (item) {
        ctx.strokeStyle = ACCENT
        ctx.lineWidth = 4 * px
        ctx.globalAlpha = 0.35
        ctx.beginPath()
        ctx.moveTo(item.from.x, item.from.y)
        ctx.lineTo(item.to.x, item.to.y)
        ctx.stroke()
        ctx.globalAlpha = 1
      }
    }
    if (preview) paintPreviewContent(ctx, preview, px)
    if (hover?.kind === 'point') paintPointHover(ctx, hover, px)
    ctx.restore()

    // On the sticky headers.
    for (const area of this.state.areas) {
      if (area.sticky === 'top') outlineArea(ctx, { ...area.rect, y: sticky.top }, px)
      if (area.sticky === 'left') outlineArea(ctx, { ...area.rect, x: sticky.left }, px)
    }
    if (hover && hover.kind !== 'point') paintHeaderHover(ctx, hover, px)
    if (preview?.header) {
      const { rect, axis, at } = preview.header
      ctx.fillStyle = 'rgba(238, 241, 246, 0.9)'
      ctx.fillRect(rect.x, rect.y, rect.w, rect.h)
      ctx.strokeStyle = ACCENT
      ctx.lineWidth = 2 * px
      ctx.strokeRect(rect.x, rect.y, rect.w, rect.h)
      ctx.lineWidth = 3 * px
      ctx.beginPath()
      if (axis === 'x') {
        ctx.moveTo(at, sticky.top)
        ctx.lineTo(at, scene.height)
      } else {
        ctx.moveTo(sticky.left, at)
        ctx.lineTo(scene.width, at)
      }
      ctx.stroke()
    }
    if (preview?.edge) {
      ctx.strokeStyle = ACCENT
      ctx.lineWidth = 2 * px
      ctx.setLineDash([6 * px, 4 * px])
      ctx.beginPath()
      if (preview.edge.axis === 'x') {
        ctx.moveTo(preview.edge.at, sticky.top)
        ctx.lineTo(preview.edge.at, scene.height)
      } else {
        ctx.moveTo(sticky.left, preview.edge.at)
        ctx.lineTo(scene.width, preview.edge.at)
      }
      ctx.stroke()
      ctx.setLineDash([])
    }
    // The dragged notes float over everything, headers included.
    if (preview?.ghost) {
      const { notes, dx, dy } = preview.ghost
      ctx.save()
      ctx.translate(dx, dy)
      ctx.globalAlpha = 0.92
      ctx.shadowColor = 'rgba(31, 36, 48, 0.28)'
      ctx.shadowBlur = 12 * px
      ctx.shadowOffsetY = 4 * px
      for (const note of notes) paintNote(ctx, note, false)
      ctx.restore()
    }
    // The drop line over the dragged notes, so they never hide where they land.
    if (preview?.dropLine) {
      ctx.save()
      ctx.beginPath()
      ctx.rect(content.x, content.y, content.w, content.h)
      ctx.clip()
      paintDropLine(ctx, preview.dropLine, px)
      ctx.restore()
    }
    ctx.restore()
  }
}

function paintDropLine(ctx: Ctx, line: DropLine, px: number): void {
  const { x1, x2, y } = line
  ctx.strokeStyle = '#ffffff'
  ctx.lineWidth = 5 * px
  ctx.beginPath()
  ctx.moveTo(x1, y)
  ctx.lineTo(x2, y)
  ctx.stroke()
  ctx.strokeStyle = ACCENT
  ctx.fillStyle = ACCENT
  ctx.lineWidth = 3 * px
  ctx.beginPath()
  ctx.moveTo(x1, y)
  ctx.lineTo(x2, y)
  ctx.stroke()
  for (const x of [x1, x2]) {
    ctx.beginPath()
    ctx.arc(x, y, 4 * px, 0, Math.PI * 2)
    ctx.fill()
  }
}

function outlineNote(ctx: Ctx, note: Rect, px: number, width: number): void {
  const gap = 2 * px
  ctx.strokeStyle = ACCENT
  ctx.lineWidth = width * px
  ctx.beginPath()
  ctx.roundRect(note.x - gap, note.y - gap, note.w + 2 * gap, note.h + 2 * gap, LAYOUT.noteCornerRadius + gap)
  ctx.stroke()
}

function outlineArea(ctx: Ctx, rect: Rect, px: number): void {
  ctx.fillStyle = ACCENT_FILL
  ctx.fillRect(rect.x, rect.y, rect.w, rect.h)
  ctx.strokeStyle = ACCENT
  ctx.lineWidth = 2 * px
  ctx.strokeRect(rect.x + px, rect.y + px, rect.w - 2 * px, rect.h - 2 * px)
}

function paintPreviewContent(ctx: Ctx, preview: Preview, px: number): void {
  if (preview.ghost) {
    // Where the dragged notes were: faded, so the drop line reads as "they go here".
    ctx.fillStyle = HOLE
    for (const note of preview.ghost.notes) {
      ctx.beginPath()
      ctx.roundRect(note.x, note.y, note.w, note.h, note.cornerRadius)
      ctx.fill()
    }
  }
  if (preview.band) {
    const b = preview.band
    ctx.fillStyle = ACCENT_FILL
    ctx.fillRect(b.x, b.y, b.w, b.h)
    ctx.strokeStyle = ACCENT
    ctx.lineWidth = px
    ctx.setLineDash([4 * px, 3 * px])
    ctx.strokeRect(b.x, b.y, b.w, b.h)
    ctx.setLineDash([])
    for (const note of preview.bandNotes ?? []) outlineNote(ctx, note, px, 1.5)
  }
  if (preview.link) {
    const { from, to, target } = preview.link
    if (target) outlineNote(ctx, target, px, 2)
    ctx.strokeStyle = COLORS.connector
    ctx.fillStyle = COLORS.connector
    ctx.lineWidth = 1.5 * px
    ctx.setLineDash([6 * px, 4 * px])
    ctx.beginPath()
    ctx.moveTo(from.x, from.y)
    ctx.lineTo(to.x, to.y)
    ctx.stroke()
    ctx.setLineDash([])
    const angle = Math.atan2(to.y - from.y, to.x - from.x)
    const head = 10 * px
    ctx.beginPath()
    ctx.moveTo(to.x, to.y)
    ctx.lineTo(to.x - head * Math.cos(angle - 0.4), to.y - head * Math.sin(angle - 0.4))
    ctx.lineTo(to.x - head * Math.cos(angle + 0.4), to.y - head * Math.sin(angle + 0.4))
    ctx.closePath()
    ctx.fill()
  }
  if (preview.point) {
    const { x, y, score, color } = preview.point
    ctx.beginPath()
    ctx.arc(x, y, LAYOUT.curvePointRadius + 2, 0, Math.PI * 2)
    ctx.fillStyle = color
    ctx.fill()
    ctx.strokeStyle = '#ffffff'
    ctx.lineWidth = 2
    ctx.stroke()
    bubble(ctx, x, y - LAYOUT.curvePointRadius - 6, formatScore(score), px)
  }
}

function paintPointHover(ctx: Ctx, hover: Extract<Hover, { kind: 'point' }>, px: number): void {
  ctx.beginPath()
  ctx.arc(hover.x, hover.y, hover.radius + 3 * px, 0, Math.PI * 2)
  ctx.strokeStyle = hover.color
  ctx.lineWidth = 2 * px
  ctx.stroke()
  bubble(ctx, hover.x, hover.y - hover.radius - 6 * px, hover.label, px)
}

function paintHeaderHover(ctx: Ctx, hover: Exclude<Hover, { kind: 'point' }>, px: number): void {
  const { rect } = hover
  if (hover.edge) {
    ctx.strokeStyle = ACCENT
    ctx.lineWidth = 3 * px
    ctx.beginPath()
    if (hover.kind === 'stageHeader') {
      ctx.moveTo(rect.x + rect.w, rect.y + 4 * px)
      ctx.lineTo(rect.x + rect.w, rect.y + rect.h - 4 * px)
    } else {
      ctx.moveTo(rect.x + 4 * px, rect.y + rect.h)
      ctx.lineTo(rect.x + rect.w - 4 * px, rect.y + rect.h)
    }
    ctx.stroke()
    return
  }
  if (hover.collapsed) {
    ctx.strokeStyle = ACCENT
    ctx.lineWidth = 1.5 * px
    ctx.strokeRect(rect.x + px, rect.y + px, rect.w - 2 * px, rect.h - 2 * px)
    return
  }
  // The fold button: a square with a minus sign.
  const b = toggleRect(rect)
  ctx.fillStyle = '#ffffff'
  ctx.strokeStyle = COLORS.muted
  ctx.lineWidth = px
  ctx.beginPath()
  ctx.roundRect(b.x, b.y, b.w, b.h, 3)
  ctx.fill()
  ctx.stroke()
  ctx.strokeStyle = COLORS.ink
  ctx.lineWidth = 1.5
  ctx.beginPath()
  ctx.moveTo(b.x + 5, b.y + b.h / 2)
  ctx.lineTo(b.x + b.w - 5, b.y + b.h / 2)
  ctx.stroke()
}

const BUBBLE_FONT: Font = { family: FONT_FAMILY, size: 12, weight: 'bold', style: 'normal' }

/** A small dark label centred above (x, y), the same size on screen at any zoom. */
function bubble(ctx: Ctx, x: number, y: number, text: string, px: number): void {
  ctx.save()
  ctx.translate(x, y)
  ctx.scale(px, px)
  ctx.font = cssFont(BUBBLE_FONT)
  const w = ctx.measureText(text).width + 12
  const h = 20
  ctx.fillStyle = COLORS.ink
  ctx.beginPath()
  ctx.roundRect(-w / 2, -h, w, h, 4)
  ctx.fill()
  ctx.fillStyle = '#ffffff'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(text, 0, -h / 2 + 0.5)
  ctx.restore()
}
