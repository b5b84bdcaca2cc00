/**
 * A spatial index (R-tree) over a scene's notes and cells: which are in view, and what is under
 * the pointer, without walking thousands of items or asking Konva's hit canvas.
 */
import RBush from 'rbush'
import type { CellItem, NoteItem, Point, Rect, Scene } from '../../../shared/layout'

interface Entry {
  readonly minX: number
  readonly minY: number
  readonly maxX: number
  readonly maxY: number
  readonly item: NoteItem | CellItem
}

const entry = (item: NoteItem | CellItem): Entry => ({
  minX: item.x,
  minY: item.y,
  maxX: item.x + item.w,
  maxY: item.y + item.h,
  item
})

/** Items bulk-loaded per step of SceneIndex.steps. */
const LOAD_PER_STEP = 4000

export class SceneIndex {
  private readonly tree = new RBush<Entry>(16)

  constructor(
    readonly scene: Scene,
    load = true
  ) {
    if (load) this.tree.load([...scene.cells.map(entry), ...scene.notes.map(entry)])
  }

  /**
   * The index built in steps of a few thousand items (each bulk-loaded as a subtree), so a big
   * map's index does not hold the page in one long task.
   */
  static *steps(scene: Scene): Generator<void, SceneIndex> {
    const index = new SceneIndex(scene, false)
    const items = [...scene.cells, ...scene.notes]
    for (let i = 0; i < items.length; i += LOAD_PER_STEP) {
      index.tree.load(items.slice(i, i + LOAD_PER_STEP).map(entry))
      yield
    }
    return index
  }

  /** Notes and cells intersecting a rectangle of the board, each list in scene order. */
  inRect(rect: Rect): { notes: NoteItem[]; cells: CellItem[] } {
    const hits = this.tree.search({ minX: rect.x, minY: rect.y, maxX: rect.x + rect.w, maxY: rect.y + rect.h })
    const notes: NoteItem[] = []
    const cells: CellItem[] = []
    for (const { item } of hits) {
      if (item.kind === 'note') notes.push(item)
      else cells.push(item)
    }
    // Scene order is paint order: keep it so overlapping items stack the same way every time.
    const order = this.order()
    notes.sort((a, b) => order.get(a)! - order.get(b)!)
    cells.sort((a, b) => order.get(a)! - order.get(b)!)
    return { notes, cells }
  }

  /** Notes and cells intersecting a rectangle, unsorted: for painting, where cells go before notes anyway. */
  search(rect: Rect): (NoteItem | CellItem)[] {
    const hits = this.tree.search({ minX: rect.x, minY: rect.y, maxX: rect.x + rect.w, maxY: rect.y + rect.h })
    return hits.map((hit) => hit.item)
  }

  /** The topmost note at a board point, if any. */
  noteAt(p: Point): NoteItem | null {
    const hits = this.tree.search({ minX: p.x, minY: p.y, maxX: p.x, maxY: p.y })
    let best: NoteItem | null = null
    const order = this.order()
    for (const { item } of hits) {
      if (item.kind === 'note' && (!best || order.get(item)! > order.get(best)!)) best = item
    }
    return best
  }

  /** The cell at a board point, if any. */
  cellAt(p: Point): CellItem | null {
    const hits = this.tree.search({ minX: p.x, minY: p.y, maxX: p.x, maxY: p.y })
    for (const { item } of hits) if (item.kind === 'cell') return item
    return null
  }

  private orderMap: Map<NoteItem | CellItem, number> | null = null
  private order(): Map<NoteItem | CellItem, number> {
    if (!this.orderMap) {
      this.orderMap = new Map<NoteItem | CellItem, number>()
      this.scene.cells.forEach((c, i) => this.orderMap!.set(c, i))
      this.scene.notes.forEach((n, i) => this.orderMap!.set(n, i))
    }
    return this.orderMap
  }
}
