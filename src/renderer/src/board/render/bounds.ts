/** Bounding boxes of the scene's overlay items (board units), for culling and repainting. */
import type {
  BadgeItem,
  ConnectorItem,
  CurveItem,
  GuideItem,
  LabelItem,
  MarkerItem,
  Rect
} from '../../../../shared/layout'

const box = (x1: number, y1: number, x2: number, y2: number, pad: number): Rect => ({
  x: Math.min(x1, x2) - pad,
  y: Math.min(y1, y2) - pad,
  w: Math.abs(x2 - x1) + 2 * pad,
  h: Math.abs(y2 - y1) + 2 * pad
})

export const union = (a: Rect, b: Rect): Rect => {
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y }
}

export function guideBounds(g: GuideItem): Rect {
  return box(g.x1, g.y1, g.x2, g.y2, g.width + 1)
}

export function curveBounds(c: CurveItem): Rect {
  if (c.points.length === 0) return { x: 0, y: 0, w: 0, h: 0 }
  let x1 = Infinity
  let y1 = Infinity
  let x2 = -Infinity
  let y2 = -Infinity
  for (const p of c.points) {
    x1 = Math.min(x1, p.x)
    y1 = Math.min(y1, p.y)
    x2 = Math.max(x2, p.x)
    y2 = Math.max(y2, p.y)
  }
  // A monotone curve never leaves its points' box; the dots and the stroke stick out a little.
  return box(x1, y1, x2, y2, c.pointRadius + c.width + 2)
}

/** A label's box and its leader line. */
export function labelBounds(label: LabelItem): Rect {
  let r = box(label.x, label.y, label.x + label.w, label.y + label.h, 1)
  if (label.leader) r = union(r, box(label.leader[0].x, label.leader[0].y, label.leader[1].x, label.leader[1].y, 1))
  return r
}

export function markerBounds(m: MarkerItem): Rect {
  const dot = box(m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r, 2)
  return m.label ? union(dot, labelBounds(m.label)) : dot
}

export function connectorBounds(c: ConnectorItem): Rect {
  let r = box(c.from.x, c.from.y, c.to.x, c.to.y, c.width + 1)
  for (const p of c.points) r = union(r, box(p.x, p.y, p.x, p.y, c.width + 1))
  for (const p of c.head) r = union(r, box(p.x, p.y, p.x, p.y, 1))
  if (c.label) r = union(r, labelBounds(c.label))
  return r
}

/** A badge's box with a pixel or two for its outline's antialiasing (its text stays inside it). */
export function badgeBounds(b: BadgeItem): Rect {
  return box(b.x, b.y, b.x + b.w, b.y + b.h, 2)
}
