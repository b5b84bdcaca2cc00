/**
 * KPI chips and vote counts (the scene's badges) on a Konva layer of their own, between the
 * board's notes layer and its drag layer. It follows the stage's camera like the rest of the
 * board, paints only the badges in view, and keeps clear of the sticky stage and lane headers,
 * which are painted on the layer below.
 */
import type Konva from 'konva'
import { useEffect, useRef } from 'react'
import { Layer, Shape } from 'react-konva'
import {
  cssFont,
  intersects,
  LAYOUT,
  type BadgeItem,
  type Rect,
  type Scene,
  type TextBlock
} from '../../../shared/layout'
import type { CameraController } from '../board/camera'
import { LOD_ZOOM } from '../board/render/lod'

type Ctx = CanvasRenderingContext2D

function paintText(ctx: Ctx, block: TextBlock): void {
  ctx.font = cssFont(block.font)
  ctx.fillStyle = block.color
  ctx.textBaseline = 'alphabetic'
  ctx.textAlign = 'left'
  for (const line of block.lines) ctx.fillText(line.text, block.x + line.x, block.y + line.baseline)
}

/** A badge: rounded fill and outline, its status bar, its text (left out when zoomed far out). */
export function paintBadge(ctx: Ctx, badge: BadgeItem, withText: boolean): void {
  ctx.beginPath()
  ctx.roundRect(badge.x, badge.y, badge.w, badge.h, badge.cornerRadius)
  ctx.fillStyle = badge.fill
  ctx.fill()
  if (badge.accent) {
    ctx.save()
    ctx.clip()
    ctx.fillStyle = badge.accent.fill
    ctx.fillRect(badge.accent.x, badge.accent.y, badge.accent.w, badge.accent.h)
    ctx.restore()
  }
  if (badge.stroke) {
    ctx.beginPath()
    ctx.roundRect(badge.x + 0.5, badge.y + 0.5, badge.w - 1, badge.h - 1, badge.cornerRadius)
    ctx.strokeStyle = badge.stroke
    ctx.lineWidth = 1
    ctx.stroke()
  }
  if (withText) for (const text of badge.texts) paintText(ctx, text)
}

/** The board rectangle the stage shows. */
function viewOf(stage: Konva.Stage): Rect {
  const zoom = stage.scaleX()
  return { x: -stage.x() / zoom, y: -stage.y() / zoom, w: stage.width() / zoom, h: stage.height() / zoom }
}

export function BadgeLayer({ scene, camera }: { readonly scene: Scene; readonly camera: CameraController }) {
  const layer = useRef<Konva.Layer>(null)
  useEffect(() => camera.subscribe(() => layer.current?.batchDraw()), [camera])
  return (
    <Layer id="workshop-layer" ref={layer} listening={false}>
      <Shape
        id="badges"
        listening={false}
        perfectDrawEnabled={false}
        sceneFunc={(context, shape) => {
          const stage = shape.getStage()
          if (!stage || scene.badges.length === 0) return
          const ctx = context._context
          const view = viewOf(stage)
          // The headers stick to the view's top and left edges (never past the board's far side).
          const top = Math.min(Math.max(0, view.y), Math.max(0, scene.height - LAYOUT.stageHeaderHeight))
          const left = Math.min(Math.max(0, view.x), Math.max(0, scene.width - LAYOUT.laneHeaderWidth))
          const open = {
            x: left + LAYOUT.laneHeaderWidth,
            y: top + LAYOUT.stageHeaderHeight,
            w: view.x + view.w - left - LAYOUT.laneHeaderWidth,
            h: view.y + view.h - top - LAYOUT.stageHeaderHeight
          }
          if (open.w <= 0 || open.h <= 0) return
          ctx.save()
          ctx.beginPath()
          ctx.rect(open.x, open.y, open.w, open.h)
          ctx.clip()
          const withText = stage.scaleX() >= LOD_ZOOM
          for (const badge of scene.badges) if (intersects(open, badge)) paintBadge(ctx, badge, withText)
          ctx.restore()
        }}
      />
    </Layer>
  )
}
