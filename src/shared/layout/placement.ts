/**
 * Free space on the board for labels (connector and marker labels), and a spatial index of what
 * they must not cover.
 *
 * A label never covers note text: every line of every note is a hard obstacle, widened sideways
 * so a label is not set on the same baseline right beside a line either (a PDF reader would
 * read the label into the sentence). Labels never cover each other, marker dots, badges or the
 * prompts of empty cells, and stay inside the cells (the headers paint over the cells).
 * Covering a note's empty margin or a connector's line is allowed but costs: a label goes to
 * the cheapest spot near where it belongs, searched outwards from there.
 */
import type { Point, Rect } from './scene'

/** A grid of buckets over the board: which rectangles lie near a point. */
export class RectIndex<T extends Rect = Rect> {
  private readonly buckets = new Map<number, T[]>()

  constructor(private readonly size = 96) {}

  private key(col: number, row: number): number {
    // Boards are far smaller than 2^20 buckets a side; negative coordinates stay distinct.
    return (row + 1024) * 1_048_576 + (col + 1024)
  }

  add(rect: T): void {
    const s = this.size
    for (let row = Math.floor(rect.y / s); row <= Math.floor((rect.y + rect.h) / s); row++) {
      for (let col = Math.floor(rect.x / s); col <= Math.floor((rect.x + rect.w) / s); col++) {
        const k = this.key(col, row)
        const list = this.buckets.get(k)
        if (list) list.push(rect)
        else this.buckets.set(k, [rect])
      }
    }
  }

  /** Calls `visit` for each rectangle that may meet `area` (some twice); stops when it returns true. */
  some(area: Rect, visit: (rect: T) => boolean): boolean {
    const s = this.size
    for (let row = Math.floor(area.y / s); row <= Math.floor((area.y + area.h) / s); row++) {
      for (let col = Math.floor(area.x / s); col <= Math.floor((area.x + area.w) / s); col++) {
        const list = this.buckets.get(this.key(col, row))
        if (list) for (const rect of list) if (visit(rect)) return true
      }
    }
    return false
  }
}

export const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/** Whether the segment p→q passes through the inside of `r` (Liang–Barsky clipping). */
export function segmentMeetsRect(p: Point, q: Point, r: Rect): boolean {
  let t0 = 0
  let t1 = 1
  const dx = q.x - p.x
  const dy = q.y - p.y
  const edges: [number, number][] = [
    [-dx, p.x - r.x],
    [dx, r.x + r.w - p.x],
    [-dy, p.y - r.y],
    [dy, r.y + r.h - p.y]
  ]
  for (const [pe, qe] of edges) {
    if (pe === 0) {
      if (qe <= 0) return false
      continue
    }
    const t = qe / pe
    if (pe < 0) {
      if (t > t1) return false
      if (t > t0) t0 = t
    } else {
      if (t < t0) return false
      if (t < t1) t1 = t
    }
  }
  return t1 - t0 > 1e-9
}

/** What a label pays for covering something it may cover. */
const COST = { note: 24, line: 8, leader: 4 } as const

/** How far sideways from a note's text a label may not sit on the same line. */
export const TEXT_SIDE_MARGIN = 24
/** Room kept between a label and the things it must not touch. */
const CLEARANCE = 2
/** How far (board units) a label may go from where it belongs before it is given up. */
const SEARCH_RADIUS = 480
/** Where the search looks first. */
const NEAR_RADIUS = 64
/** A label farther than this from its anchor gets a leader line to it. */
export const LEADER_DISTANCE = 14

interface Segment {
  readonly p: Point
  readonly q: Point
}

/** Sideways offsets to try, nearest first: every 4 units near, every 8 beyond 32. */
const X_OFFSETS: readonly number[] = (() => {
  const list = [0]
  for (let d = 4; d <= SEARCH_RADIUS; d += d < 32 ? 4 : 8) list.push(-d, d)
  return list
})()

/** The closest point of `r` to `p`. */
export function nearestOn(r: Rect, p: Point): Point {
  return { x: Math.min(r.x + r.w, Math.max(r.x, p.x)), y: Math.min(r.y + r.h, Math.max(r.y, p.y)) }
}

/**
 * Closed intervals of [from, to] left by removing open intervals (lo, hi). An end shared by
 * two removed intervals stays: a box may touch what it must not cover.
 */
function freeIntervals(from: number, to: number, removed: [number, number][]): [number, number][] {
  removed.sort((a, b) => a[0] - b[0])
  const free: [number, number][] = []
  let cursor = from
  for (const [lo, hi] of removed) {
    if (cursor > to) break
    if (lo >= cursor) free.push([cursor, Math.min(lo, to)])
    cursor = Math.max(cursor, hi)
  }
  if (cursor <= to) free.push([cursor, to])
  return free
}

export interface LabelSpot {
  readonly box: Rect
  /** A thin line from the label to its anchor when it sits away from it. */
  readonly leader: readonly [Point, Point] | null
}

/**
 * Everything the search for a label of `size` that belongs at `preferred` can look at: the
 * boxes it tries, the strips around them and the leader back to its anchor (near `preferred`).
 */
export function labelReach(size: { w: number; h: number }, preferred: Point, anchor: Point): Rect {
  const r = SEARCH_RADIUS + CLEARANCE + 2
  const x = Math.min(preferred.x - r, anchor.x - 2)
  const y = Math.min(preferred.y - r, anchor.y - 2)
  return {
    x,
    y,
    w: Math.max(preferred.x + size.w + r, anchor.x + 2) - x,
    h: Math.max(preferred.y + size.h + r, anchor.y + 2) - y
  }
}

export class LabelSpace {
  /** Where the labels to come may look (labelReach); what lies outside all of it is not kept. */
  private readonly reach: RectIndex | null
  /** Note text lines (widened), placed labels, marker dots, badges: never covered. */
  private readonly hard = new RectIndex()
  /** The text lines themselves, which a leader line must not cross. */
  private readonly text = new RectIndex()
  private readonly notes = new RectIndex()
  private readonly lineIndex = new RectIndex<Rect & { segment: Segment }>()

  /**
   * `area`: where labels may go (the cells, below and right of the headers). `reach`: the
   * labelReach of every label to be placed, when known: obstacles beyond all of them are left
   * out, so a big board with a few labels does not index every line of every note.
   */
  constructor(
    private readonly area: Rect,
    reach?: readonly Rect[]
  ) {
    this.reach = reach ? new RectIndex(512) : null
    for (const r of reach ?? []) this.reach!.add(r)
  }

  /** Whether a label may ever look at `rect`. */
  private near(rect: Rect): boolean {
    return this.reach === null || this.reach.some(rect, (r) => overlaps(r, rect))
  }

  /** A line of note text (its line box), widened sideways. */
  addText(line: Rect): void {
    const widened = { x: line.x - TEXT_SIDE_MARGIN, y: line.y, w: line.w + 2 * TEXT_SIDE_MARGIN, h: line.h }
    if (!this.near(widened)) return
    this.text.add(line)
    this.hard.add(widened)
  }
  /** Something a label must never cover: a label, a marker's dot, a badge. */
  addBlock(rect: Rect): void {
    if (this.near(rect)) this.hard.add(rect)
  }
  /** Adds a note; false when no label can reach it nor its text lines (widened), which can then be skipped. */
  addNote(rect: Rect): boolean {
    if (!this.near({ x: rect.x - TEXT_SIDE_MARGIN, y: rect.y, w: rect.w + 2 * TEXT_SIDE_MARGIN, h: rect.h }))
      return false
    this.notes.add(rect)
    return true
  }
  /** An empty cell's prompt: on the board a label must not cover it either (paper leaves it out). */
  addPrompt(rect: Rect): void {
    if (this.near(rect)) this.hard.add(rect)
  }
  addLine(p: Point, q: Point): void {
    const segment = { p, q }
    const box = {
      x: Math.min(p.x, q.x),
      y: Math.min(p.y, q.y),
      w: Math.abs(q.x - p.x),
      h: Math.abs(q.y - p.y)
    }
    if (!this.near({ x: box.x - 1, y: box.y - 1, w: box.w + 2, h: box.h + 2 })) return
    this.lineIndex.add({ ...box, segment })
  }

  /** Whether a segment crosses note text (for leader lines). */
  private crossesText(p: Point, q: Point): boolean {
    const bounds = { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), w: Math.abs(q.x - p.x), h: Math.abs(q.y - p.y) }
    return this.text.some(bounds, (r) => segmentMeetsRect(p, q, r))
  }

  /** What covering things costs at `box` (which is already known to be free of hard obstacles). */
  private softCost(box: Rect): number {
    let cost = 0
    if (this.notes.some(box, (r) => overlaps(r, box))) cost += COST.note
    if (this.lineIndex.some(box, (r) => segmentMeetsRect(r.segment.p, r.segment.q, box))) cost += COST.line
    return cost
  }

  private search(
    size: { w: number; h: number },
    preferred: Point,
    anchor: Point,
    radius: number,
    start: { box: Rect; cost: number } | null
  ): { box: Rect; cost: number } | null {
    const { w, h } = size
    const a = this.area
    const C = CLEARANCE
    let best = start
    for (const dx of X_OFFSETS) {
      const ax = Math.abs(dx)
      if (ax > radius || (best && ax >= best.cost)) break
      const x = preferred.x + dx
      if (x < a.x || x + w > a.x + a.w) continue
      const reach = best ? Math.min(radius, best.cost - ax) : radius
      const from = Math.max(a.y, preferred.y - reach)
      const to = Math.min(a.y + a.h - h, preferred.y + reach)
      if (from > to) continue
      const strip = { x: x - C, y: from - C, w: w + 2 * C, h: to - from + h + 2 * C }
      const hard: [number, number][] = []
      this.hard.some(strip, (r) => {
        if (overlaps(r, strip)) hard.push([r.y - h - C, r.y + r.h + C])
        return false
      })
      const clean = hard.slice()
      const column = { x, y: from, w, h: to - from + h }
      this.notes.some(column, (r) => {
        if (overlaps(r, column)) clean.push([r.y - h, r.y + r.h])
        return false
      })
      const tops = new Set<number>()
      for (const list of [freeIntervals(from, to, hard), freeIntervals(from, to, clean)]) {
        for (const [lo, hi] of list) tops.add(Math.min(hi, Math.max(lo, preferred.y)))
      }
      for (const y of tops) {
        const box = { x, y, w, h }
        let cost = Math.hypot(dx, y - preferred.y)
        if (best && cost >= best.cost) continue
        cost += this.softCost(box)
        if (best && cost >= best.cost) continue
        const near = nearestOn(box, anchor)
        if (Math.hypot(near.x - anchor.x, near.y - anchor.y) > LEADER_DISTANCE) {
          if (this.crossesText(near, anchor)) continue
          cost += COST.leader
          if (best && cost >= best.cost) continue
        }
        best = { box, cost }
      }
    }
    return best
  }

  /**
   * The cheapest free spot for a box of `size` near `preferred` (its top-left corner), or null
   * when there is none within reach. Searched column by column outwards from `preferred`: in
   * each column the free stretches are worked out exactly, so a label finds a band barely
   * taller than itself. The spot is taken: later labels keep clear of it.
   */
  place(size: { w: number; h: number }, preferred: Point, anchor: Point): LabelSpot | null {
    // Most labels find room close by: look near first, and far only when that fails (a spot
    // found within the near radius at a cost below it is the best there is anywhere).
    let best = this.search(size, preferred, anchor, NEAR_RADIUS, null)
    if (!best || best.cost > NEAR_RADIUS) best = this.search(size, preferred, anchor, SEARCH_RADIUS, best)
    if (!best) return null
    const { box } = best
    this.hard.add(box)
    const near = nearestOn(box, anchor)
    const leader = Math.hypot(near.x - anchor.x, near.y - anchor.y) > LEADER_DISTANCE ? ([near, anchor] as const) : null
    if (leader) this.addLine(leader[0], leader[1])
    return { box, leader }
  }
}
