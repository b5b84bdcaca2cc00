/**
 * The board's Konva nodes for notes and overlay items: one node per note near the view (ids
 * `note-<id>`, name `note`, x/y/width/height its box) and one per connector, curve and marker near it, so
 * tools, tests and the interactions find them with `stage.findOne` and Konva's geometry. Their
 * pixels come from the tiles, so the group holding them is not drawn; a node taken out of it
 * (onto the drag layer, say) draws its item where the node is.
 *
 * Overlay nodes are made for the items near the view when the view leaves their window (see
 * updateOverlays), so neither kind costs anything per frame.
 *
 * Note nodes follow the view: nodes for every note on screen exist as soon as the camera moves
 * (few appear per frame), the rest of the window around the view (a quarter of it each side)
 * is filled in within a time budget, and nodes beyond it are recycled. Below LOD_ZOOM there are
 * none: notes are coloured blocks there and hundreds of nodes would only cost memory.
 */
import Konva from 'konva/lib/Core'
import {
  contains,
  inflate,
  intersects,
  type ConnectorItem,
  type CurveItem,
  type MarkerItem,
  type NoteItem,
  type Rect
} from '../../../../shared/layout'
import { paintConnector, paintCurve, paintLabel, paintMarker, paintNote } from '../../../../shared/export/canvas/paint'
import type { BoardContent } from './content'
import { LOD_ZOOM } from './lod'
import { themed } from './palette'

type Item = NoteItem | ConnectorItem | CurveItem | MarkerItem

const STATIC = { listening: false, perfectDrawEnabled: false } as const
/** Recycled note nodes kept for reuse. */
const SPARE_NODES = 512

/** Where an item's node sits: its corner for boxes, the board origin for paths. */
function origin(item: Item): { x: number; y: number } {
  if (item.kind === 'note') return { x: item.x, y: item.y }
  if (item.kind === 'marker') return { x: item.x - item.r, y: item.y - item.r }
  return { x: 0, y: 0 }
}

export class BoardProxies {
  /** Not drawn: the tiles show these items. */
  readonly group = new Konva.Group({ id: 'board-items', listening: false, visible: false })
  private readonly noteNodes = new Konva.Group({ id: 'board-notes', listening: false })
  private readonly overlays = new Konva.Group({ id: 'board-overlays', listening: false })
  private readonly items = new WeakMap<Konva.Shape, Item>()
  private readonly notes = new Map<string, Konva.Shape>()
  private readonly spare: Konva.Shape[] = []
  private content: BoardContent | null = null
  /** The board rectangle whose notes have (or are getting) nodes; null below LOD_ZOOM. */
  private window: Rect | null = null
  /** Notes in the window still without a node, or null when not listed yet. */
  private pending: NoteItem[] | null = null
  private filled = false
  /** The board rectangle whose overlay items have nodes; null until the view is known. */
  private overlayWindow: Rect | null = null

  constructor() {
    this.group.add(this.noteNodes, this.overlays)
  }

  /** A new scene: update the nodes of notes still in the window; overlay nodes are made anew on demand. */
  setContent(content: BoardContent): void {
    this.content = content
    const window = this.window
    this.releaseWhere((id) => {
      const note = content.notes.get(id)
      return !note || !window || !intersects(window, note)
    })
    for (const [id, node] of this.notes) this.place(node, content.notes.get(id)!)
    this.pending = null
    this.filled = false
    this.overlays.destroyChildren()
    this.overlayWindow = null
  }

  /**
   * Nodes for the connectors, curves and markers that cross the window around the view (a
   * quarter of it each side), made when the view leaves that window, zooming in makes it too big,
   * or the scene changes; never per frame. A curve spans the board's width, so it has a node whenever its lane is near.
   */
  private updateOverlays(view: Rect): void {
    const content = this.content
    if (!content) return
    // Kept while it holds the view and reaches at most half a view beyond it (zooming in renews it).
    const kept = this.overlayWindow
    if (kept && contains(kept, view) && contains(inflate(view, view.w / 2, view.h / 2), kept)) return
    const window = inflate(view, view.w / 4, view.h / 4)
    this.overlayWindow = window
    this.overlays.destroyChildren()
    for (const { item, bounds } of content.connectors)
      if (intersects(window, bounds)) this.overlays.add(this.node(item, `connector-${item.id}`, 'connector'))
    for (const { item, bounds } of content.curves)
      if (intersects(window, bounds)) this.overlays.add(this.node(item, `curve-${item.id}`, 'curve'))
    for (const { item, bounds } of content.markers) {
      if (!intersects(window, bounds)) continue
      const node = this.node(item, `marker-${item.id}`, 'marker')
      node.setAttrs({ width: 2 * item.r, height: 2 * item.r })
      this.overlays.add(node)
    }
  }

  /** The camera moved: nodes for every note in view now, the window's others later (fill). */
  update(view: Rect, zoom: number): void {
    const content = this.content
    if (!content) return
    this.updateOverlays(view)
    if (zoom < LOD_ZOOM) {
      if (this.notes.size > 0) this.releaseWhere(() => true)
      this.window = null
      this.pending = null
      this.filled = true
      return
    }
    // The window: the view and a quarter of it around; renewed when the view leaves it or when
    // it reaches more than half a view beyond it (after zooming in).
    if (!this.window || !contains(this.window, view) || !contains(inflate(view, view.w / 2, view.h / 2), this.window)) {
      const next = inflate(view, view.w / 4, view.h / 4)
      this.window = next
      this.releaseWhere((_, node) => !intersects(next, this.items.get(node) as NoteItem))
      this.pending = null
      this.filled = false
    }
    if (this.filled) return
    for (const item of content.index.search(view)) if (item.kind === 'note' && !this.notes.has(item.id)) this.add(item)
  }

  /** Whether notes in the window still wait for their nodes. */
  get busy(): boolean {
    return !this.filled && this.window !== null
  }

  /** Makes nodes for the rest of the window until `deadline` (performance.now()); true when done. */
  fill(deadline: number): boolean {
    const content = this.content
    if (this.filled || !this.window || !content) return true
    if (!this.pending) {
      this.pending = []
      for (const item of content.index.search(this.window)) {
        if (item.kind === 'note' && !this.notes.has(item.id)) this.pending.push(item)
      }
    }
    let n = 0
    while (this.pending.length > 0) {
      const note = this.pending.pop()!
      if (!this.notes.has(note.id)) this.add(note)
      if (++n % 32 === 0 && performance.now() > deadline) return false
    }
    this.filled = true
    return true
  }

  destroy(): void {
    this.notes.clear()
    for (const node of this.spare) node.destroy()
    this.spare.length = 0
    this.group.destroy()
  }

  private add(note: NoteItem): void {
    // A new node gets its lines too (placed, like a recycled one), not only at the next scene.
    const node = this.spare.pop() ?? this.node(note, `note-${note.id}`, 'note')
    this.place(node, note)
    node.setAttrs({ id: `note-${note.id}`, width: note.w, height: note.h })
    this.notes.set(note.id, node)
    this.noteNodes.add(node)
  }

  private place(node: Konva.Shape, note: NoteItem): void {
    this.items.set(node, note)
    // The note's lines as laid out, for tools reading the board (what a screen shows, line by line).
    node.setAttrs({ x: note.x, y: note.y, width: note.w, height: note.h, lines: note.text.lines.map((l) => l.text) })
  }

  /**
   * Recycles the note nodes `drop` picks. Removing nodes one by one from a Konva container costs
   * a renumbering of its children each; this empties the container once and adds back the rest.
   */
  private releaseWhere(drop: (id: string, node: Konva.Shape) => boolean): void {
    const keep: Konva.Shape[] = []
    const dropped: Konva.Shape[] = []
    for (const [id, node] of this.notes) {
      if (!drop(id, node)) {
        if (node.getParent() === this.noteNodes) keep.push(node)
        continue
      }
      this.notes.delete(id)
      // A node someone took elsewhere (a drag ghost) is theirs now; only ours go back to the pool.
      if (node.getParent() === this.noteNodes) dropped.push(node)
    }
    if (dropped.length === 0) return
    if (dropped.length < 8) {
      for (const node of dropped) node.remove()
    } else {
      this.noteNodes.removeChildren()
      if (keep.length > 0) this.noteNodes.add(...keep)
    }
    for (const node of dropped) {
      if (this.spare.length < SPARE_NODES) this.spare.push(node)
      else node.destroy()
    }
  }

  /** A node drawing `item` (in its own coordinates, so it draws wherever the node is moved). */
  private node(item: Item, id: string, name: string): Konva.Shape {
    const at = origin(item)
    const node = new Konva.Shape({
      ...STATIC,
      id,
      name,
      x: at.x,
      y: at.y,
      sceneFunc: (context, shape) => {
        const current = this.items.get(shape)
        if (!current) return
        const lod = (shape.getStage()?.scaleX() ?? 1) < LOD_ZOOM
        const ctx = themed(context._context)
        const o = origin(current)
        ctx.translate(-o.x, -o.y)
        if (current.kind === 'note') paintNote(ctx, current, lod)
        else if (current.kind === 'connector') {
          paintConnector(ctx, current)
          if (current.label && !lod) paintLabel(ctx, current.label)
        } else if (current.kind === 'curve') paintCurve(ctx, current)
        else {
          paintMarker(ctx, current, lod)
          if (current.label && !lod) paintLabel(ctx, current.label)
        }
      }
    })
    this.items.set(node, item)
    return node
  }
}
