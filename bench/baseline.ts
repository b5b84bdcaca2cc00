/**
 * The bare Konva floor (bench/baseline.html): the same notes as plain rectangles with wrapped
 * text, every one a node on one layer, no culling, no caching. The wheel pans the stage as the
 * board's input does, so the render bench drives both pages with the same events.
 *
 * Runs inside the page (serialised by Playwright), so it must not close over anything.
 */

/** One note as the baseline draws it: its box, colour and text. */
export interface BaselineNote {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  readonly fill: string
  readonly text: string
}

interface KonvaNode {
  add(...children: unknown[]): void
}
interface KonvaStage extends KonvaNode {
  x(): number
  y(): number
  position(p: { x: number; y: number }): void
  batchDraw(): void
}
interface KonvaUmd {
  Stage: new (config: Record<string, unknown>) => KonvaStage
  Layer: new (config: Record<string, unknown>) => KonvaNode
  Rect: new (config: Record<string, unknown>) => KonvaNode
  Text: new (config: Record<string, unknown>) => KonvaNode
}

export function buildBaseline(notes: readonly BaselineNote[]): number {
  const Konva = (window as unknown as { Konva: KonvaUmd }).Konva
  const container = document.getElementById('board') as HTMLDivElement
  const stage = new Konva.Stage({ container, width: container.clientWidth, height: container.clientHeight })
  // Not listening, like the board: neither draws a hit canvas, so the comparison is of painting.
  const layer = new Konva.Layer({ listening: false })
  for (const n of notes) {
    layer.add(
      new Konva.Rect({
        x: n.x,
        y: n.y,
        width: n.w,
        height: n.h,
        fill: n.fill,
        cornerRadius: 4,
        stroke: 'rgba(31, 36, 48, 0.14)',
        strokeWidth: 1
      }),
      new Konva.Text({
        x: n.x + 8,
        y: n.y + 8,
        width: n.w - 16,
        height: n.h - 16,
        text: n.text,
        fontSize: 13,
        lineHeight: 18 / 13,
        fontFamily: "'Noto Sans', sans-serif",
        fill: '#1f2430',
        wrap: 'word',
        ellipsis: true
      })
    )
  }
  stage.add(layer)
  container.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault()
      stage.position({ x: stage.x() - e.deltaX, y: stage.y() - e.deltaY })
      stage.batchDraw()
    },
    { passive: false }
  )
  stage.batchDraw()
  return notes.length
}
