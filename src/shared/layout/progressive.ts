/**
 * The first view of a big map before the whole map is laid out.
 *
 * Where a note sits depends only on the notes above it in its cell and on the heights of the
 * lanes above its lane. So the notes in the top `viewHeight` units of the board are placed
 * exactly by laying out a smaller map: every note of the lanes that end within that height, and
 * of the first lane that reaches past it only the notes of each cell down to that height (its
 * preview is then at least as tall as the view, so nothing below it shows). The board paints
 * that preview at once and lays the whole map out in the background (layoutSteps); the notes in
 * view do not move when the whole layout arrives.
 */
import type { JourneyMap, Note } from '../model'
import { byOrder, cellId, createWrapper, type LayoutOptions } from './common'
import { LAYOUT } from './metrics'
import type { MeasureText } from './scene'

/** The board columns (x, in board units) the first view shows. */
export interface PreviewColumns {
  readonly left: number
  readonly right: number
}

/**
 * The map cut down to what the top `viewHeight` board units show (the notes' wraps go into the
 * layout cache for the whole layout to find), or null when that is the whole map. With
 * `columns`, the lane the view's bottom cuts keeps notes only in the stages the view shows
 * across (the lanes above it need every stage: the tallest cell makes a lane's height).
 */
export function previewMap(
  map: JourneyMap,
  measure: MeasureText,
  options: LayoutOptions,
  viewHeight: number,
  columns?: PreviewColumns
): JourneyMap | null {
  const L = LAYOUT
  const wrap = createWrapper(measure, options)
  const stages = byOrder(map.stages)
  // Stages in view across first: when one of their cells reaches past the view, the others of
  // that lane are not needed.
  const inView = new Set<string>()
  let x = L.laneHeaderWidth
  for (const stage of stages) {
    const size = stage.collapsed ? L.collapsedStageWidth : stage.width
    if (!columns || (x < columns.right && x + size > columns.left)) inView.add(stage.id)
    x += size
  }
  const ordered = [...stages.filter((s) => inView.has(s.id)), ...stages.filter((s) => !inView.has(s.id))]
  const byCell = new Map<string, Note[]>()
  for (const note of byOrder(map.notes)) {
    const key = cellId(note.stageId, note.laneId)
    const list = byCell.get(key)
    if (list) list.push(note)
    else byCell.set(key, [note])
  }
  const noteMaxLines = Math.max(1, Math.floor((L.noteMaxHeight - 2 * L.notePadding) / L.noteLineHeight))
  const kept: Note[] = []
  // A lower bound of each lane's top (headers and KPI chips left out): it only makes the preview
  // keep more notes than it needs, never fewer.
  let top = L.stageHeaderHeight
  for (const lane of byOrder(map.lanes)) {
    if (top > viewHeight) break
    if (lane.collapsed) {
      for (const stage of stages) kept.push(...(byCell.get(cellId(stage.id, lane.id)) ?? []))
      top += L.collapsedLaneHeight
      continue
    }
    let size: number = lane.height
    let cut = false
    for (const stage of ordered) {
      // The view's bottom cuts this lane in a stage it shows: the rest of the lane is out of view.
      if (cut && !inView.has(stage.id)) break
      const notes = byCell.get(cellId(stage.id, lane.id)) ?? []
      if (stage.collapsed) {
        kept.push(...notes)
        continue
      }
      const width = Math.max(1, stage.width - 2 * L.cellPadding - 2 * L.notePadding)
      let bottom = top + L.cellPadding
      for (const [i, note] of notes.entries()) {
        if (bottom > viewHeight) {
          cut = true
          break
        }
        const lines = wrap(note.text, width, L.noteFont, noteMaxLines).lines.length
        bottom += Math.max(L.noteMinHeight, 2 * L.notePadding + lines * L.noteLineHeight) + (i > 0 ? L.noteGap : 0)
        kept.push(note)
      }
      size = Math.max(size, bottom + L.cellPadding - top)
    }
    if (cut) return { ...map, notes: kept }
    top += size
  }
  return kept.length === map.notes.length ? null : { ...map, notes: kept }
}
