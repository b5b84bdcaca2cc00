/**
 * Moving the selection with the arrow keys: between the notes of a cell, and from cell to cell
 * across the grid (into a cell's notes when it has any). Pure over the scene, so the board and
 * tests agree on where Down goes.
 */
import { LAYOUT, type NoteItem, type Rect, type Scene } from '../../../shared/layout'
import type { Selection } from '../store/editor'
import type { CameraController } from '../board/camera'

export type Direction = 'up' | 'down' | 'left' | 'right'

interface Grid {
  readonly stages: readonly string[]
  readonly lanes: readonly string[]
  /** Drawn notes per cell (`stage:lane`), top to bottom. */
  readonly notes: ReadonlyMap<string, readonly NoteItem[]>
}

const key = (stageId: string, laneId: string) => `${stageId}:${laneId}`

function gridOf(scene: Scene): Grid {
  const notes = new Map<string, NoteItem[]>()
  for (const note of scene.notes) {
    const k = key(note.stageId, note.laneId)
    const list = notes.get(k)
    if (list) list.push(note)
    else notes.set(k, [note])
  }
  for (const list of notes.values()) list.sort((a, b) => a.index - b.index)
  return { stages: scene.stageHeaders.map((h) => h.id), lanes: scene.laneHeaders.map((h) => h.id), notes }
}

const notesSelection = (note: NoteItem): Selection => ({ kind: 'notes', noteIds: [note.id] })
const cellSelection = (stageId: string, laneId: string): Selection => ({ kind: 'cell', stageId, laneId })

/** A cell entered from a direction: its nearest note (first, or last when coming from below), or the cell itself. */
function enter(grid: Grid, si: number, li: number, from: Direction, nth = 0): Selection | null {
  const stageId = grid.stages[si]
  const laneId = grid.lanes[li]
  if (stageId === undefined || laneId === undefined) return null
  const notes = grid.notes.get(key(stageId, laneId)) ?? []
  if (notes.length === 0) return cellSelection(stageId, laneId)
  const pick = from === 'up' ? notes.length - 1 : from === 'down' ? 0 : Math.min(nth, notes.length - 1)
  return notesSelection(notes[pick]!)
}

const step = (direction: Direction) =>
  direction === 'up' ? [0, -1] : direction === 'down' ? [0, 1] : direction === 'left' ? [-1, 0] : [1, 0]

/** Where an arrow key takes the selection; null when it stays (the edge of the board). */
export function navigate(scene: Scene, selection: Selection, direction: Direction): Selection | null {
  const grid = gridOf(scene)
  const [dx, dy] = step(direction) as [number, number]
  switch (selection.kind) {
    case 'none': {
      const first = scene.notes[0]
      if (first) return notesSelection(first)
      return enter(grid, 0, 0, 'down')
    }
    case 'notes': {
      const id = selection.noteIds.at(-1)
      const note = scene.notes.find((n) => n.id === id)
      if (!note) return null
      const si = grid.stages.indexOf(note.stageId)
      const li = grid.lanes.indexOf(note.laneId)
      const cell = grid.notes.get(key(note.stageId, note.laneId)) ?? []
      const i = cell.indexOf(note)
      if (direction === 'up' && i > 0) return notesSelection(cell[i - 1]!)
      if (direction === 'down' && i < cell.length - 1) return notesSelection(cell[i + 1]!)
      return enter(grid, si + dx, li + dy, direction, i)
    }
    case 'cell': {
      const si = grid.stages.indexOf(selection.stageId)
      const li = grid.lanes.indexOf(selection.laneId)
      return enter(grid, si + dx, li + dy, direction)
    }
    case 'stage': {
      const si = grid.stages.indexOf(selection.stageId)
      if (direction === 'down') return enter(grid, si, 0, 'down')
      const next = grid.stages[si + dx]
      return dx !== 0 && next !== undefined ? { kind: 'stage', stageId: next } : null
    }
    case 'lane': {
      const li = grid.lanes.indexOf(selection.laneId)
      if (direction === 'right') return enter(grid, 0, li, 'right')
      const next = grid.lanes[li + dy]
      return dy !== 0 && next !== undefined ? { kind: 'lane', laneId: next } : null
    }
  }
}

/** The board rectangle a selection occupies (for keeping it in view, and for placing its menu). */
export function selectionRect(scene: Scene, selection: Selection): Rect | null {
  switch (selection.kind) {
    case 'none':
      return null
    case 'notes': {
      const wanted = new Set(selection.noteIds)
      const notes = scene.notes.filter((n) => wanted.has(n.id))
      if (notes.length === 0) return null
      const x = Math.min(...notes.map((n) => n.x))
      const y = Math.min(...notes.map((n) => n.y))
      return {
        x,
        y,
        w: Math.max(...notes.map((n) => n.x + n.w)) - x,
        h: Math.max(...notes.map((n) => n.y + n.h)) - y
      }
    }
    case 'cell':
      return scene.cells.find((c) => c.stageId === selection.stageId && c.laneId === selection.laneId) ?? null
    case 'stage':
      return scene.stageHeaders.find((h) => h.id === selection.stageId) ?? null
    case 'lane':
      return scene.laneHeaders.find((h) => h.id === selection.laneId) ?? null
  }
}

/**
 * What zooming to a selection shows: the notes, the cell, a stage's column or a lane's row, with
 * room above and left of it for the sticky headers that cover the view's edges.
 */
export function zoomRect(scene: Scene, selection: Selection): Rect | null {
  let rect = selectionRect(scene, selection)
  if (!rect) return null
  if (selection.kind === 'stage') rect = { x: rect.x, y: 0, w: rect.w, h: scene.height }
  if (selection.kind === 'lane') rect = { x: 0, y: rect.y, w: scene.width, h: rect.h }
  const left = Math.min(rect.x, LAYOUT.laneHeaderWidth)
  const top = Math.min(rect.y, LAYOUT.stageHeaderHeight)
  return { x: rect.x - left, y: rect.y - top, w: rect.w + left, h: rect.h + top }
}

/** Fits the camera to the selection; false when nothing is selected. */
export function zoomToSelection(camera: CameraController, scene: Scene, selection: Selection): boolean {
  const rect = zoomRect(scene, selection)
  if (!rect) return false
  camera.fitRect(rect, 1.5)
  return true
}
