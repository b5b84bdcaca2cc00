import { describe, expect, it } from 'vitest'
import { presentCamera, presentationSteps, READABLE_ZOOM } from '../../src/renderer/src/editing/present'
import { LAYOUT, layoutMap } from '../../src/shared/layout'
import { parseInterchange, serializeInterchange } from '../../src/shared/format/interchange'
import { fakeMeasure, note, point, templateMap, withNotes } from './layout-fixtures'

const personas = [
  { id: 'a', name: 'Ana', color: '#e8590c' },
  { id: 'b', name: 'Bo', color: '#1c7ed6' },
  { id: 'c', name: 'Cy', color: '#2f9e44' }
]

describe('curves of several personas', () => {
  it('are drawn apart where they have the same score, one line each', () => {
    const base = { ...templateMap('saas'), personaIds: ['a', 'b', 'c'] }
    const map = {
      ...base,
      emotionPoints: ['a', 'b', 'c'].flatMap((id) => [0, 1, 2].map((i) => point(base, i, 0, { personaId: id })))
    }
    const scene = layoutMap(map, fakeMeasure, { personas })
    const ys = ['a', 'b', 'c'].map((id) => scene.curves.find((c) => c.id === `${id}:asIs`)!.points.map((p) => p.y))
    // Three distinct lines, in order, symmetric around the zero line.
    expect(new Set(ys.map((y) => y[0])).size).toBe(3)
    expect(ys[0]![0]! - ys[1]![0]!).toBeCloseTo(ys[1]![0]! - ys[2]![0]!, 6)
    expect(Math.abs(ys[0]![0]! - ys[1]![0]!)).toBeGreaterThanOrEqual(LAYOUT.curveWidth)
  })
})

describe('presentation steps', () => {
  const map = templateMap('saas')
  const scene = layoutMap(map, fakeMeasure)
  const room = { x: 0, y: 0, width: 1280, height: 720 }

  it('show each stage at a zoom where note text reads at ≥ 14 px, in pages of whole lanes, then the map', () => {
    const steps = presentationSteps(scene, room, { unit: 'stage', stageIds: null })
    expect(steps.at(-1)!.stageId).toBeNull()
    const first = steps.filter((s) => s.stageId === map.stages[0]!.id)
    expect(first.length).toBeGreaterThan(1)
    expect(first.flatMap((s) => s.laneIds)).toEqual(scene.laneHeaders.map((l) => l.id))
    for (const step of first) {
      expect(step.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM)
      expect(LAYOUT.noteFont.size * step.zoom).toBeGreaterThanOrEqual(14)
      const camera = presentCamera(step, scene, room)
      const rect = step.rect!
      // The stage's lanes of the page are on screen, under the sticky stage titles.
      expect(rect.y * camera.zoom + camera.y).toBeGreaterThanOrEqual(LAYOUT.stageHeaderHeight * camera.zoom)
      expect((rect.y + rect.h) * camera.zoom + camera.y).toBeLessThanOrEqual(room.height)
      expect(rect.x * camera.zoom + camera.x).toBeGreaterThanOrEqual(LAYOUT.laneHeaderWidth * camera.zoom)
      expect((rect.x + rect.w) * camera.zoom + camera.x).toBeLessThanOrEqual(room.width)
    }
  })

  it('step lane by lane, or through a chosen subset of stages', () => {
    const byLane = presentationSteps(scene, room, { unit: 'lane', stageIds: null })
    expect(byLane.length).toBe(map.stages.length * map.lanes.length + 1)
    const chosen = [map.stages[2]!.id, map.stages[5]!.id]
    const subset = presentationSteps(scene, room, { unit: 'stage', stageIds: chosen })
    expect([...new Set(subset.map((s) => s.stageId).filter(Boolean))]).toEqual(chosen)
    expect(subset[0]!.count).toBe(2)
  })
})

describe('comments and pictures in the interchange file', () => {
  it('round-trip as optional note fields, and a note without them is written as before', () => {
    const base = templateMap('saas')
    const plain = note(base, 0, 1, { id: 'plain', text: 'No extras' })
    const rich = note(base, 0, 1, {
      id: 'rich',
      text: 'With extras',
      comments: [{ id: 'c1', author: 'Ана', at: '2026-03-04T09:00:00.000Z', text: 'Почему?', resolved: true }],
      image: { mime: 'image/png', data: 'iVBORw0KGgo=', width: 4, height: 3 }
    })
    const map = withNotes(base, [plain, rich])
    const text = serializeInterchange(map, [], '2026-03-04T10:00:00.000Z')
    const parsed = parseInterchange(text)
    expect(parsed.map.notes.find((n) => n.id === 'rich')).toEqual(rich)
    expect(parsed.map.notes.find((n) => n.id === 'plain')).toEqual(plain)
    expect(JSON.parse(text).map.notes.find((n: { id: string }) => n.id === 'plain')).not.toHaveProperty('comments')
  })
})
