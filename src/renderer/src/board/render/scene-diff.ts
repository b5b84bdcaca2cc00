/**
 * What changed between two scenes, as board rectangles: the old and new place of every cell,
 * note, guide, connector, curve, marker and badge (KPI chip, vote count) that was added,
 * removed, moved or restyled. Tiles and overview bands over these rectangles are painted again;
 * the rest are kept. Null means "about everything" (cheaper to repaint than to track).
 */
import type { CellItem, NoteItem, Rect, Scene, TextBlock } from '../../../../shared/layout'
import { badgeBounds, connectorBounds, curveBounds, guideBounds, markerBounds } from './bounds'

/**
 * Beyond this many moved, restyled or removed items a full repaint is simpler and not slower.
 * Added items do not count: a big map's whole layout following its preview adds tens of
 * thousands of notes, all out of view, and repainting the view then would cost a long frame
 * for nothing.
 */
const MAX_RECTS = 4000

const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h

function sameText(a: TextBlock | null, b: TextBlock | null): boolean {
  if (a === b) return true
  if (!a || !b) return false
  if (
    a.x !== b.x ||
    a.y !== b.y ||
    a.rotation !== b.rotation ||
    a.color !== b.color ||
    a.lineHeight !== b.lineHeight ||
    a.font.family !== b.font.family ||
    a.font.size !== b.font.size ||
    a.font.weight !== b.font.weight ||
    a.font.style !== b.font.style ||
    a.lines.length !== b.lines.length
  ) {
    return false
  }
  for (let i = 0; i < a.lines.length; i++) {
    const p = a.lines[i]!
    const q = b.lines[i]!
    if (p.text !== q.text || p.x !== q.x || p.baseline !== q.baseline || p.width !== q.width) return false
  }
  return true
}

const sameNote = (a: NoteItem, b: NoteItem) =>
  sameRect(a, b) &&
  a.fill === b.fill &&
  a.stroke === b.stroke &&
  a.cornerRadius === b.cornerRadius &&
  sameText(a.text, b.text)

const sameCell = (a: CellItem, b: CellItem) =>
  sameRect(a, b) &&
  a.fill === b.fill &&
  a.stroke === b.stroke &&
  a.collapsed === b.collapsed &&
  sameText(a.label, b.label)

/** Same value, compared by JSON: for the few overlay items, whose fields are all plain data. */
const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)

export function changedRects(prev: Scene, next: Scene): Rect[] | null {
  const out: Rect[] = []
  /** Rects of items that were there before (moved, restyled, removed): what MAX_RECTS counts. */
  let changed = 0
  const byId = <T extends { id: string }>(
    before: readonly T[],
    after: readonly T[],
    same: (a: T, b: T) => boolean,
    bounds: (item: T) => Rect
  ): boolean => {
    const old = new Map(before.map((item) => [item.id, item]))
    for (const item of after) {
      const was = old.get(item.id)
      old.delete(item.id)
      if (was && (was === item || same(was, item))) continue
      out.push(bounds(item))
      if (was) {
        out.push(bounds(was))
        changed += 2
        if (changed > MAX_RECTS) return false
      }
    }
    for (const was of old.values()) out.push(bounds(was))
    changed += old.size
    return changed <= MAX_RECTS
  }
  const box = (r: Rect): Rect => ({ x: r.x - 2, y: r.y - 2, w: r.w + 4, h: r.h + 4 })
  if (!byId(prev.cells, next.cells, sameCell, box)) return null
  if (!byId(prev.notes, next.notes, sameNote, box)) return null
  if (!byId(prev.connectors, next.connectors, sameJson, connectorBounds)) return null
  if (!byId(prev.curves, next.curves, sameJson, curveBounds)) return null
  if (!byId(prev.markers, next.markers, sameJson, markerBounds)) return null
  if (!byId(prev.badges, next.badges, sameJson, badgeBounds)) return null
  if (!sameJson(prev.guides, next.guides)) {
    for (const g of [...prev.guides, ...next.guides]) out.push(guideBounds(g))
  }
  return out
}
