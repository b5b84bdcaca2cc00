/**
 * The first view of a big map (shared/layout/progressive.ts): the preview lays out fewer notes,
 * and every note the first view shows sits exactly where the whole layout puts it — so nothing
 * moves when the whole layout arrives.
 */
import { describe, expect, it } from 'vitest'
import { layoutMap, previewMap, type PreviewColumns, type Scene } from '../../src/shared/layout'
import type { JourneyMap } from '../../src/shared/model'
import { bigMap, fakeMeasure } from './layout-fixtures'

const inView = (scene: Scene, bottom: number, columns?: PreviewColumns) =>
  scene.notes.filter((n) => n.y < bottom && (!columns || (n.x < columns.right && n.x + n.w > columns.left)))

function expectSamePlaces(map: JourneyMap, bottom: number, columns?: PreviewColumns): JourneyMap {
  const part = previewMap(map, fakeMeasure, {}, bottom, columns)
  expect(part).not.toBeNull()
  const whole = layoutMap(map, fakeMeasure, {})
  const preview = new Map(layoutMap(part!, fakeMeasure, {}).notes.map((n) => [n.id, n]))
  const shown = inView(whole, bottom, columns)
  expect(shown.length).toBeGreaterThan(20)
  for (const note of shown) {
    const early = preview.get(note.id)
    expect(early, `note ${note.id} in the first view`).toBeDefined()
    expect([early!.x, early!.y, early!.w, early!.h]).toEqual([note.x, note.y, note.w, note.h])
  }
  return part!
}

describe('the preview of a big map', () => {
  it('places every note of the first view where the whole layout does', () => {
    for (const [notes, bottom] of [
      [2000, 1600],
      [2000, 900],
      [20_000, 1600]
    ] as const) {
      const map = bigMap(20, 8, notes)
      expect(expectSamePlaces(map, bottom).notes.length).toBeLessThan(map.notes.length)
    }
  })

  it('keeps only the stages the view shows across in the lane its bottom cuts', () => {
    const map = bigMap(20, 8, 20_000)
    const columns = { left: 0, right: 2560 }
    const all = expectSamePlaces(map, 1600)
    const across = expectSamePlaces(map, 1600, columns)
    // 10 of the 20 stages are in view across: half the notes.
    expect(across.notes.length).toBeLessThanOrEqual(all.notes.length / 2)
    // A view further right (a reopened board) keeps its own stages.
    const right = { left: 3000, right: 4500 }
    const moved = expectSamePlaces(map, 1600, right)
    expect(moved.notes.some((n) => n.stageId === 'bs0')).toBe(false)
  })

  it('keeps every stage of the lanes above the cut (their height comes from the tallest cell)', () => {
    // 2,000 notes: the first lanes end within the view, so their cells in every stage count.
    const map = bigMap(20, 8, 2000)
    const part = expectSamePlaces(map, 1600, { left: 0, right: 1000 })
    expect(new Set(part.notes.filter((n) => n.laneId === 'bl0').map((n) => n.stageId)).size).toBe(20)
  })
})
