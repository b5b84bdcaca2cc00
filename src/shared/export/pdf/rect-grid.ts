/**
 * Which of a scene list's rectangles meet a region, without looking at all of them: a poster of a
 * 50,000-note map has some 1,900 pages, and each looked through every note, cell and badge (for
 * each of its parts and again to decide whether it is worth printing), a hundred million tests
 * that grew with pages × notes. A grid of buckets over the board, made once per list on first
 * use, answers in the list's own order (the order things are painted in).
 */
import type { Rect } from '../../layout'

/** Lists shorter than this are simply looked through. */
const SHORT = 256
/** Bucket size in board units: a few notes across, a poster page about two buckets wide. */
const BUCKET = 512

const meets = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

class RectGrid<T extends Rect> {
  private readonly buckets = new Map<number, number[]>()
  /** Per item, the last query that took it (so an item in several buckets is taken once). */
  private readonly seen: Uint32Array
  private query = 0

  constructor(private readonly items: readonly T[]) {
    this.seen = new Uint32Array(items.length)
    items.forEach((item, i) => {
      for (const key of this.keys(item)) {
        let bucket = this.buckets.get(key)
        if (!bucket) this.buckets.set(key, (bucket = []))
        bucket.push(i)
      }
    })
  }

  /** Bucket keys a rectangle covers (column and row packed into one number, ±32,768 buckets each way). */
  private *keys(r: Rect): Generator<number> {
    const x1 = Math.floor(r.x / BUCKET)
    const x2 = Math.floor((r.x + Math.max(0, r.w)) / BUCKET)
    const y1 = Math.floor(r.y / BUCKET)
    const y2 = Math.floor((r.y + Math.max(0, r.h)) / BUCKET)
    for (let y = y1; y <= y2; y++) for (let x = x1; x <= x2; x++) yield (y + 0x8000) * 0x10000 + (x + 0x8000)
  }

  meeting(region: Rect): T[] {
    this.query++
    const found: number[] = []
    for (const key of this.keys(region)) {
      for (const i of this.buckets.get(key) ?? []) {
        if (this.seen[i] === this.query) continue
        this.seen[i] = this.query
        if (meets(this.items[i]!, region)) found.push(i)
      }
    }
    return found.sort((a, b) => a - b).map((i) => this.items[i]!)
  }
}

/** Per list: asked once so far (a one-page PDF asks once: no grid), or its grid. */
const grids = new WeakMap<readonly Rect[], RectGrid<Rect> | 'asked'>()

/** The items of `items` that meet `region`, in their order. */
export function itemsMeeting<T extends Rect>(items: readonly T[], region: Rect): readonly T[] {
  const grid = items.length < SHORT ? undefined : grids.get(items)
  if (grid instanceof RectGrid) return grid.meeting(region) as T[]
  if (items.length >= SHORT) grids.set(items, grid === 'asked' ? new RectGrid(items) : 'asked')
  return items.filter((item) => meets(item, region))
}
