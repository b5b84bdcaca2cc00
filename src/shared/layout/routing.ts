/**
 * Where a connector's line runs: straight from note to note when nothing is in the way,
 * otherwise around the notes, through the free lanes every board has. Notes sit a cell padding
 * inside their cell, so the strip along every column boundary (a gutter) and along every row
 * boundary (a corridor) holds no note; a line that leaves its note sideways, runs along gutters
 * and corridors and enters the other note sideways never crosses a note, so never covers text.
 * Lines sharing a gutter or a corridor are spread a few units apart.
 */
import { LAYOUT } from './metrics'
import { RectIndex, segmentMeetsRect } from './placement'
import type { NoteItem, Point, Rect } from './scene'

/** Where the columns and rows of the board start and end. */
export interface Grid {
  /** Column boundaries from the left edge of the first column to the board's right edge. */
  readonly xs: readonly number[]
  /** Row boundaries from the top of the first row to the board's bottom edge. */
  readonly ys: readonly number[]
}

export interface Route {
  /** Corner points from the start (on the first note's outline) to the tip (on the second's). */
  readonly points: readonly Point[]
  /** The straight piece of the route a label belongs on (its middle is the label's anchor). */
  readonly labelSegment: readonly [Point, Point]
}

/** A bend costs as much as this much more length: fewer bends win over slightly shorter lines. */
const BEND = 40
/** Lines in one gutter or corridor: offsets from its middle, in the order they are handed out. */
const TRACKS = [0, -4, 4, -8, 8] as const
const EDGE_TRACKS = [0, -2, 2] as const
/** A straight arrow shorter than this is hard to see: such notes are joined around the side. */
const MIN_STRAIGHT = 20

const centre = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 })

/** Where the segment from a rect's centre towards `toward` leaves the rect. */
export function exitPoint(rect: Rect, toward: Point): Point {
  const c = centre(rect)
  const dx = toward.x - c.x
  const dy = toward.y - c.y
  const tx = dx === 0 ? Infinity : rect.w / 2 / Math.abs(dx)
  const ty = dy === 0 ? Infinity : rect.h / 2 / Math.abs(dy)
  const t = Math.min(tx, ty, 1)
  return { x: c.x + dx * t, y: c.y + dy * t }
}

function length(points: readonly Point[]): number {
  let sum = 0
  for (let i = 1; i < points.length; i++)
    sum += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y)
  return sum
}

/** Drops repeated points and merges collinear runs, so every corner is a real bend. */
function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = []
  for (const p of points) {
    const last = out[out.length - 1]
    if (last && Math.abs(last.x - p.x) < 1e-6 && Math.abs(last.y - p.y) < 1e-6) continue
    const before = out[out.length - 2]
    if (before && last) {
      const cross = (last.x - before.x) * (p.y - last.y) - (last.y - before.y) * (p.x - last.x)
      if (Math.abs(cross) < 1e-6) out.pop()
    }
    out.push(p)
  }
  return out
}

function longestSegment(points: readonly Point[]): readonly [Point, Point] {
  let best: [Point, Point] = [points[0]!, points[points.length - 1]!]
  let bestLength = -1
  for (let i = 1; i < points.length; i++) {
    const l = Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y)
    if (l > bestLength + 1e-6) {
      bestLength = l
      best = [points[i - 1]!, points[i]!]
    }
  }
  return best
}

export class Router {
  private readonly index = new RectIndex<NoteItem>(128)
  private readonly columnOf = new Map<string, number>()
  private readonly gutterUse = new Map<number, number>()
  private readonly corridorUse = new Map<number, number>()

  constructor(
    private readonly grid: Grid,
    notes: readonly NoteItem[],
    stageIds: readonly string[]
  ) {
    for (const note of notes) this.index.add(note)
    stageIds.forEach((id, i) => this.columnOf.set(id, i))
  }

  /** Whether the segment passes through a note other than the ones in `except`. */
  private blocked(p: Point, q: Point, except: readonly NoteItem[]): boolean {
    const bounds = { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), w: Math.abs(q.x - p.x), h: Math.abs(q.y - p.y) }
    return this.index.some(bounds, (note) => {
      if (except.includes(note)) return false
      const padded = { x: note.x - 1, y: note.y - 1, w: note.w + 2, h: note.h + 2 }
      return segmentMeetsRect(p, q, padded)
    })
  }

  private routeIsFree(points: readonly Point[], a: NoteItem, b: NoteItem): boolean {
    for (let i = 1; i < points.length; i++) {
      const except = points.length === 2 ? [a, b] : i === 1 ? [a] : i === points.length - 1 ? [b] : []
      if (this.blocked(points[i - 1]!, points[i]!, except)) return false
    }
    return true
  }

  /** x of the gutter along column boundary k (0 is the left edge of the first column). */
  private gutterX(k: number, claim: boolean): number {
    const { xs } = this.grid
    const edge = k === 0 || k === xs.length - 1
    const base = k === 0 ? xs[0]! + LAYOUT.cellPadding / 2 : edge ? xs[k]! - LAYOUT.cellPadding / 2 : xs[k]!
    if (!claim) return base
    const used = this.gutterUse.get(k) ?? 0
    this.gutterUse.set(k, used + 1)
    const tracks = edge ? EDGE_TRACKS : TRACKS
    return base + tracks[used % tracks.length]!
  }

  private corridorY(k: number, claim: boolean): number {
    const { ys } = this.grid
    const edge = k === 0 || k === ys.length - 1
    const base = k === 0 ? ys[0]! + LAYOUT.cellPadding / 2 : edge ? ys[k]! - LAYOUT.cellPadding / 2 : ys[k]!
    if (!claim) return base
    const used = this.corridorUse.get(k) ?? 0
    this.corridorUse.set(k, used + 1)
    const tracks = edge ? EDGE_TRACKS : TRACKS
    return base + tracks[used % tracks.length]!
  }

  /** The route of an arrow from note a to note b. */
  route(a: NoteItem, b: NoteItem): Route {
    const ca = centre(a)
    const cb = centre(b)
    const candidates: { points: Point[]; cost: number; build?: () => Point[] }[] = []

    const straight = [exitPoint(a, cb), exitPoint(b, ca)]
    const straightLength = length(straight)
    if (straightLength >= MIN_STRAIGHT && this.routeIsFree(straight, a, b)) {
      candidates.push({ points: straight, cost: straightLength })
    }

    const ia = this.columnOf.get(a.stageId) ?? 0
    const ib = this.columnOf.get(b.stageId) ?? 0
    const aRight = (y: number): Point => ({ x: a.x + a.w, y })
    const aLeft = (y: number): Point => ({ x: a.x, y })
    const bRight = (y: number): Point => ({ x: b.x + b.w, y })
    const bLeft = (y: number): Point => ({ x: b.x, y })

    if (ia === ib) {
      // Same column: out of one side into the gutter, along it, back in on the same side.
      for (const k of [ia + 1, ia]) {
        const right = k === ia + 1
        const x = this.gutterX(k, false)
        const points = [
          right ? aRight(ca.y) : aLeft(ca.y),
          { x, y: ca.y },
          { x, y: cb.y },
          right ? bRight(cb.y) : bLeft(cb.y)
        ]
        candidates.push({
          points,
          cost: length(points) + 2 * BEND + (right ? 0 : 1),
          build: () => {
            const gx = this.gutterX(k, true)
            return [points[0]!, { x: gx, y: ca.y }, { x: gx, y: cb.y }, points[3]!]
          }
        })
      }
    } else {
      const forward = ia < ib
      const start = forward ? aRight(ca.y) : aLeft(ca.y)
      const end = forward ? bLeft(cb.y) : bRight(cb.y)
      // Gutters between the two columns: boundary k lies between column k-1 and column k.
      const lo = Math.min(ia, ib) + 1
      const hi = Math.max(ia, ib)
      for (let k = lo; k <= hi; k++) {
        const x = this.gutterX(k, false)
        const points = [start, { x, y: ca.y }, { x, y: cb.y }, end]
        if (!this.routeIsFree(points, a, b)) continue
        candidates.push({
          points,
          cost: length(points) + 2 * BEND,
          build: () => {
            const gx = this.gutterX(k, true)
            return [start, { x: gx, y: ca.y }, { x: gx, y: cb.y }, end]
          }
        })
      }
      // Through a corridor: out into the gutter beside a, along a row boundary, down the
      // gutter beside b. Always free; the corridor nearest both notes.
      const ka = forward ? ia + 1 : ia
      const kb = forward ? ib : ib + 1
      const { ys } = this.grid
      let bestK = 0
      let bestDetour = Infinity
      for (let k = 0; k < ys.length; k++) {
        const y = this.corridorY(k, false)
        const detour = Math.abs(ca.y - y) + Math.abs(y - cb.y)
        if (detour < bestDetour) {
          bestDetour = detour
          bestK = k
        }
      }
      const x1 = this.gutterX(ka, false)
      const x2 = this.gutterX(kb, false)
      const yc = this.corridorY(bestK, false)
      const points = [start, { x: x1, y: ca.y }, { x: x1, y: yc }, { x: x2, y: yc }, { x: x2, y: cb.y }, end]
      candidates.push({
        points,
        cost: length(points) + 4 * BEND,
        build: () => {
          const gx1 = this.gutterX(ka, true)
          const gx2 = this.gutterX(kb, true)
          const y = this.corridorY(bestK, true)
          return [start, { x: gx1, y: ca.y }, { x: gx1, y }, { x: gx2, y }, { x: gx2, y: cb.y }, end]
        }
      })
    }

    let chosen = candidates[0]!
    for (const c of candidates) if (c.cost < chosen.cost) chosen = c
    const points = simplify(chosen.build ? chosen.build() : chosen.points)
    return { points, labelSegment: longestSegment(points) }
  }
}
