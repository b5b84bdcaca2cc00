/**
 * The board repaints only the tiles over what changed between two scenes: the rectangles
 * changedRects reports must cover every changed item (old and new place) and nothing far away.
 */
import { describe, expect, it } from 'vitest'
import { intersects, layoutMap, type Rect, type Scene } from '../../src/shared/layout'
import type { JourneyMap } from '../../src/shared/model'
import { changedRects } from '../../src/renderer/src/board/render/scene-diff'
import { fakeMeasure, laneIndex, marker, note, point, templateMap, withNotes } from './layout-fixtures'

const layout = (map: JourneyMap): Scene => layoutMap(map, fakeMeasure)

const covers = (rects: readonly Rect[], r: Rect) =>
  rects.some((c) => c.x <= r.x && c.y <= r.y && c.x + c.w >= r.x + r.w && c.y + c.h >= r.y + r.h)

function demo(): JourneyMap {
  const map = templateMap('saas')
  const touch = laneIndex(map, 'touchpoints')
  const base = withNotes(map, [
    note(map, 0, touch, { id: 'a', text: 'Blog post', order: 1 }),
    note(map, 0, touch, { id: 'b', text: 'LinkedIn ad', order: 2 }),
    note(map, 6, touch, { id: 'far', text: 'Upgrade prompt', order: 1 })
  ])
  return {
    ...base,
    emotionPoints: [point(base, 0, 1), point(base, 1, -1), point(base, 2, 2)],
    markers: [marker('m1', 2, { kind: 'note', noteId: 'b' }, 'drop-off')]
  }
}

describe('changedRects', () => {
  it('reports nothing for the same scene laid out again', () => {
    const map = demo()
    expect(changedRects(layout(map), layout(map))).toEqual([])
  })

  it('covers a note whose text changed, old and new, and not a note far away', () => {
    const map = demo()
    const before = layout(map)
    const after = layout({
      ...map,
      notes: map.notes.map((n) => (n.id === 'a' ? { ...n, text: 'Blog post (SEO)' } : n))
    })
    const rects = changedRects(before, after)!
    expect(rects).not.toBeNull()
    const was = before.notes.find((n) => n.id === 'a')!
    const now = after.notes.find((n) => n.id === 'a')!
    expect(covers(rects, was)).toBe(true)
    expect(covers(rects, now)).toBe(true)
    const far = after.notes.find((n) => n.id === 'far')!
    expect(rects.some((r) => intersects(r, far))).toBe(false)
  })

  it('covers a deleted note and the marker that was on it', () => {
    const map = demo()
    const before = layout(map)
    const after = layout({ ...map, notes: map.notes.filter((n) => n.id !== 'b'), markers: [] })
    const rects = changedRects(before, after)!
    expect(
      covers(
        rects,
        before.notes.find((n) => n.id === 'b')!
      )
    ).toBe(true)
    const m = before.markers[0]!
    expect(covers(rects, { x: m.x - m.r, y: m.y - m.r, w: 2 * m.r, h: 2 * m.r })).toBe(true)
  })

  it('covers the whole curve when one of its points moves', () => {
    const map = demo()
    const before = layout(map)
    const after = layout({ ...map, emotionPoints: map.emotionPoints.map((p, i) => (i === 1 ? { ...p, score: 2 } : p)) })
    const rects = changedRects(before, after)!
    for (const p of [...before.curves[0]!.points, ...after.curves[0]!.points]) {
      expect(covers(rects, { x: p.x - 1, y: p.y - 1, w: 2, h: 2 })).toBe(true)
    }
  })

  it('covers a vote count that appears, changes or goes, and a KPI chip whose value changed', () => {
    const map = demo()
    const kpiLane = laneIndex(map, 'kpis')
    expect(kpiLane).toBeGreaterThanOrEqual(0)
    const kpi = {
      id: 'conv',
      stageId: map.stages[1]!.id,
      name: 'Conversion rate',
      value: 3,
      target: 5,
      unit: '%',
      direction: 'higher' as const,
      order: 1
    }
    const votes = (n: number): JourneyMap => ({
      ...map,
      notes: map.notes.map((x) => (x.id === 'a' ? { ...x, votes: n } : x)),
      metrics: [kpi]
    })
    const none = layout(votes(0))
    const one = layout(votes(1))
    const twelve = layout(votes(12))
    const badgeOf = (scene: Scene, id: string) => scene.badges.find((b) => b.id === id)!
    expect(changedRects(none, layout(votes(0)))).toEqual([])
    const appeared = changedRects(none, one)!
    expect(covers(appeared, badgeOf(one, 'votes:a'))).toBe(true)
    const changed = changedRects(one, twelve)!
    expect(covers(changed, badgeOf(one, 'votes:a'))).toBe(true)
    expect(covers(changed, badgeOf(twelve, 'votes:a'))).toBe(true)
    const far = twelve.notes.find((n) => n.id === 'far')!
    expect(changed.some((r) => intersects(r, far))).toBe(false)
    expect(covers(changedRects(twelve, none)!, badgeOf(twelve, 'votes:a'))).toBe(true)

    const met = layout({ ...votes(0), metrics: [{ ...kpi, value: 6 }] })
    const chip = changedRects(none, met)!
    expect(covers(chip, badgeOf(none, 'kpi:conv'))).toBe(true)
    expect(badgeOf(met, 'kpi:conv').fill).not.toBe(badgeOf(none, 'kpi:conv').fill)
  })

  it('gives up (null: repaint everything) when most of the board moved', () => {
    const map = demo()
    const many = withNotes(
      map,
      Array.from({ length: 5000 }, (_, i) => note(map, i % 8, 1, { id: `x${i}`, order: i + 10 }))
    )
    const wider = { ...many, stages: many.stages.map((s) => ({ ...s, width: s.width + 40 })) }
    expect(changedRects(layout(many), layout(wider))).toBeNull()
  })
})
