import { describe, expect, it } from 'vitest'
import {
  cellId,
  createLayoutCache,
  ELLIPSIS,
  LAYOUT,
  layoutMap,
  plotBand,
  type NoteItem,
  type Scene
} from '../../src/shared/layout'
import type { JourneyMap } from '../../src/shared/model'
import { bigMap, fakeMeasure, laneIndex, marker, note, point, templateMap, withNotes } from './layout-fixtures'

const L = LAYOUT
const layout = (map: JourneyMap, personas = [] as { id: string; name: string; color: string }[]) =>
  layoutMap(map, fakeMeasure, { personas })
const noteOf = (scene: Scene, id: string): NoteItem => {
  const found = scene.notes.find((n) => n.id === id)
  if (!found) throw new Error(`note ${id} not in scene`)
  return found
}
const cellOf = (scene: Scene, map: JourneyMap, stage: number, lane: number) =>
  scene.cells.find((c) => c.id === cellId(map.stages[stage]!.id, map.lanes[lane]!.id))!

describe('layoutMap: the grid', () => {
  it('puts stage headers across and lane headers down, and sizes the board to fit them', () => {
    const map = templateMap('saas')
    const scene = layout(map)
    expect(scene.stageHeaders.map((h) => h.x)).toEqual(map.stages.map((_, i) => L.laneHeaderWidth + i * 240))
    expect(scene.stageHeaders[0]!.texts[0]!.lines.map((l) => l.text)).toEqual(['Awareness'])
    expect(scene.laneHeaders.map((h) => h.id)).toEqual(map.lanes.map((l) => l.id))
    expect(scene.laneHeaders[0]!.y).toBe(L.stageHeaderHeight)
    expect(scene.width).toBe(L.laneHeaderWidth + 8 * 240)
    expect(scene.height).toBe(L.stageHeaderHeight + 7 * 140 + 180)
    expect(scene.cells).toHaveLength(8 * 8)
  })

  it('shows the lane prompt in empty cells only, and never in the emotion lane', () => {
    const map = templateMap('saas')
    const scene = layout(withNotes(map, [note(map, 0, 0)]))
    expect(cellOf(scene, map, 0, 0).label).toBeNull()
    const empty = cellOf(scene, map, 1, 0)
    expect(empty.label?.lines.map((l) => l.text).join(' ')).toBe('What is the customer trying to achieve?')
    expect(empty.label?.font.style).toBe('italic')
    expect(cellOf(scene, map, 1, laneIndex(map, 'emotions')).label).toBeNull()
  })

  it('shows the stage prompt under its title in the header', () => {
    const scene = layout(templateMap('saas'))
    expect(scene.stageHeaders[0]!.texts[1]!.lines.map((l) => l.text).join(' ')).toBe('How do they first hear of us?')
  })
})

describe('layoutMap: notes', () => {
  it('stacks notes of a cell in order, stage width minus padding wide', () => {
    const map = templateMap('saas')
    const notes = [
      note(map, 2, 1, { id: 'c', order: 3 }),
      note(map, 2, 1, { id: 'a', order: 1 }),
      note(map, 2, 1, { id: 'b', order: 2, text: 'A longer note that needs a few lines of text to say what it says' })
    ]
    const scene = layout(withNotes(map, notes))
    const cell = cellOf(scene, map, 2, 1)
    const [a, b, c] = ['a', 'b', 'c'].map((id) => noteOf(scene, id))
    expect([a!.index, b!.index, c!.index]).toEqual([0, 1, 2])
    for (const n of [a!, b!, c!]) {
      expect(n.x).toBe(cell.x + L.cellPadding)
      expect(n.w).toBe(240 - 2 * L.cellPadding)
    }
    expect(a!.y).toBe(cell.y + L.cellPadding)
    expect(b!.y).toBe(a!.y + a!.h + L.noteGap)
    expect(c!.y).toBe(b!.y + b!.h + L.noteGap)
    expect(a!.h).toBe(L.noteMinHeight)
    expect(b!.h).toBe(2 * L.notePadding + b!.text.lines.length * L.noteLineHeight)
    expect(b!.text.lines.length).toBeGreaterThan(1)
    // Text starts inside the note's padding and each line fits it.
    expect(b!.text.x).toBe(b!.x + L.notePadding)
    for (const line of b!.text.lines) expect(line.width).toBeLessThanOrEqual(b!.w - 2 * L.notePadding)
  })

  it('grows a note with its text up to the maximum height, then ends the text with an ellipsis', () => {
    const map = templateMap('saas')
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ')
    const scene = layout(withNotes(map, [note(map, 0, 0, { id: 'long', text: long })]))
    const n = noteOf(scene, 'long')
    expect(n.h).toBeLessThanOrEqual(L.noteMaxHeight)
    expect(n.h).toBeGreaterThan(L.noteMaxHeight - L.noteLineHeight)
    expect(n.text.truncated).toBe(true)
    expect(n.text.lines.at(-1)!.text.endsWith(ELLIPSIS)).toBe(true)
  })

  it('picks white text on dark notes and ink on light ones', () => {
    const map = templateMap('saas')
    const scene = layout(
      withNotes(map, [
        note(map, 0, 0, { id: 'dark', color: '#1f2430' }),
        note(map, 1, 0, { id: 'light', color: '#fff59d' })
      ])
    )
    expect(noteOf(scene, 'dark').text.color).toBe('#ffffff')
    expect(noteOf(scene, 'light').text.color).toBe('#1f2430')
  })

  it('grows a lane to its tallest cell and moves the lanes below it down', () => {
    const map = templateMap('saas')
    const many = Array.from({ length: 5 }, (_, i) => note(map, 3, 1, { id: `m${i}`, order: i }))
    const before = layout(map)
    const scene = layout(withNotes(map, many))
    const expected = 2 * L.cellPadding + 5 * L.noteMinHeight + 4 * L.noteGap
    expect(expected).toBeGreaterThan(140)
    expect(scene.laneHeaders[1]!.h).toBe(expected)
    // Every cell of the row takes the row's height; the next rows shift by the growth.
    expect(cellOf(scene, map, 0, 1).h).toBe(expected)
    expect(scene.laneHeaders[2]!.y).toBe(before.laneHeaders[2]!.y + expected - 140)
    expect(scene.height).toBe(before.height + expected - 140)
  })

  it('skips notes whose stage or lane does not exist', () => {
    const map = templateMap('saas')
    const stray = { ...note(map, 0, 0, { id: 'stray' }), stageId: 'gone' }
    expect(layout(withNotes(map, [stray])).notes).toHaveLength(0)
  })
})

describe('layoutMap: collapsed stages and lanes', () => {
  it('draws a collapsed stage as a narrow strip with its title rotated and its notes counted, not drawn', () => {
    const base = templateMap('saas')
    const map = withNotes({ ...base, stages: base.stages.map((s, i) => (i === 1 ? { ...s, collapsed: true } : s)) }, [
      note(base, 1, 0, { id: 'hidden1' }),
      note(base, 1, 0, { id: 'hidden2', order: 1 }),
      note(base, 2, 0, { id: 'shown' })
    ])
    const scene = layout(map)
    const header = scene.stageHeaders[1]!
    expect(header.collapsed).toBe(true)
    expect(header.w).toBe(L.collapsedStageWidth)
    expect(header.texts[0]!.rotation).toBe(90)
    expect(header.texts[0]!.lines[0]!.text).toBe('Consideration')
    expect(scene.stageHeaders[2]!.x).toBe(L.laneHeaderWidth + 240 + L.collapsedStageWidth)
    expect(scene.notes.map((n) => n.id)).toEqual(['shown'])
    const cell = cellOf(scene, map, 1, 0)
    expect(cell).toMatchObject({ collapsed: true, noteCount: 2, w: L.collapsedStageWidth })
    expect(cell.label?.lines[0]!.text).toBe('2')
    expect(scene.width).toBe(L.laneHeaderWidth + 7 * 240 + L.collapsedStageWidth)
  })

  it('draws a collapsed lane as a thin strip however many notes it holds', () => {
    const base = templateMap('saas')
    const map = withNotes(
      { ...base, lanes: base.lanes.map((l, i) => (i === 0 ? { ...l, collapsed: true } : l)) },
      Array.from({ length: 6 }, (_, i) => note(base, 0, 0, { id: `x${i}`, order: i }))
    )
    const scene = layout(map)
    expect(scene.laneHeaders[0]!.h).toBe(L.collapsedLaneHeight)
    expect(scene.laneHeaders[1]!.y).toBe(L.stageHeaderHeight + L.collapsedLaneHeight)
    expect(scene.notes).toHaveLength(0)
  })
})

describe('layoutMap: emotion curves, markers, connectors', () => {
  const personas = [
    { id: 'maya', name: 'Maya, ops lead', color: '#e8590c' },
    { id: 'li', name: 'Li, admin', color: '#2f9e44' }
  ]
  const curveMap = () => {
    const map = { ...templateMap('saas'), personaIds: ['maya', 'li'] }
    return {
      ...map,
      emotionPoints: [
        point(map, 0, -2, { personaId: 'maya' }),
        point(map, 1, 2, { personaId: 'maya' }),
        point(map, 2, 0, { personaId: 'maya' }),
        point(map, 3, 1, { personaId: 'maya' }),
        point(map, 0, 1, { personaId: 'li' }),
        point(map, 2, -1, { personaId: 'li' }),
        point(map, 0, 0, { personaId: 'maya', variant: 'toBe' as const }),
        point(map, 1, 99, {})
      ]
    }
  }

  it('maps scores at the scale’s min and max to the bottom and top of the emotion lane’s plot', () => {
    const map = curveMap()
    const scene = layout(map, personas)
    const row = scene.laneHeaders[laneIndex(map, 'emotions')]!
    const { top, bottom } = plotBand(row.y, row.h)
    const maya = scene.curves.find((c) => c.id === 'maya:asIs')!
    // At stage 2 Maya shares the top with the clamped general point: the two are drawn apart, around it.
    const spread = L.curveWidth + 2.5
    expect(maya.points.map((p) => p.y)).toEqual([
      bottom,
      top + spread / 2,
      (top + bottom) / 2,
      top + (bottom - top) / 4
    ])
    expect(maya.points.map((p) => p.x)).toEqual([0, 1, 2, 3].map((i) => L.laneHeaderWidth + i * 240 + 120))
    expect(maya.path).toMatch(/^M[\d.]+,[\d.]+C/)
    expect(maya.stroke).toBe('#e8590c')
    // Scores outside the scale are clamped to it.
    expect(scene.curves.find((c) => c.id === 'all:asIs')!.points[0]!.y).toBe(top - spread / 2)
  })

  it('orders series as Everyone, then the map’s personas, as-is before to-be, with a legend for each', () => {
    const scene = layout(curveMap(), personas)
    expect(scene.curves.map((c) => c.id)).toEqual(['all:asIs', 'maya:asIs', 'maya:toBe', 'li:asIs'])
    expect(scene.curves.find((c) => c.id === 'all:asIs')!.stroke).toBe('#868e96')
    expect(scene.curves.find((c) => c.id === 'maya:toBe')!.dash.length).toBeGreaterThan(0)
    expect(scene.legend.map((l) => l.text.lines[0]!.text)).toEqual([
      'Everyone',
      'Maya, ops lead',
      `Maya, ops lead (to-be)`,
      'Li, admin'
    ])
    const header = scene.laneHeaders.find((h) => h.id === scene.curves[0]!.laneId)!
    for (const entry of scene.legend) {
      expect(entry.swatch.y).toBeGreaterThan(header.y)
      expect(entry.swatch.y + entry.swatch.h).toBeLessThan(header.y + header.h)
    }
    // The scale's labels sit in the emotion lane header: +2 … −2.
    expect(header.texts.slice(1).map((t) => t.lines[0]!.text)).toEqual(['\u22122', '\u22121', '0', '+1', '+2'])
  })

  it('leaves a collapsed stage out of the curves', () => {
    const map = curveMap()
    const scene = layout(
      { ...map, stages: map.stages.map((s, i) => (i === 1 ? { ...s, collapsed: true } : s)) },
      personas
    )
    expect(scene.curves.find((c) => c.id === 'maya:asIs')!.points.map((p) => p.score)).toEqual([-2, 0, 1])
  })

  it('puts markers on curve points and note corners, sized and coloured by severity', () => {
    const base = curveMap()
    const map = {
      ...withNotes(base, [note(base, 0, 0, { id: 'pain' })]),
      markers: [
        marker('m1', 1, { kind: 'note', noteId: 'pain' }, 'slow'),
        marker(
          'm2',
          3,
          { kind: 'curve', stageId: base.stages[0]!.id, personaId: 'maya', variant: 'asIs' },
          'price shock'
        ),
        marker('m3', 2, { kind: 'note', noteId: 'missing' })
      ]
    }
    const scene = layout(map, personas)
    expect(scene.markers.map((m) => m.id)).toEqual(['m1', 'm2'])
    const [onNote, onCurve] = scene.markers
    const n = noteOf(scene, 'pain')
    expect(onNote).toMatchObject({ x: n.x + n.w - 2, y: n.y + 2, severity: 1, r: 6, fill: '#fab005' })
    const p = scene.curves.find((c) => c.id === 'maya:asIs')!.points[0]!
    expect(onCurve).toMatchObject({ x: p.x, y: p.y, severity: 3, r: 10.5, fill: '#e03131', targetId: p.id })
    expect(onCurve!.label?.text.lines[0]!.text).toBe('price shock')
  })

  it('draws a connector from outline to outline of its notes, with the arrow tip on the target', () => {
    const base = templateMap('saas')
    const map = {
      ...withNotes(base, [note(base, 0, 0, { id: 'from' }), note(base, 2, 1, { id: 'to' })]),
      connectors: [{ id: 'c1', fromNoteId: 'from', toNoteId: 'to', label: 'free trial' }]
    }
    const scene = layout(map)
    const [c] = scene.connectors
    const a = noteOf(scene, 'from')
    const b = noteOf(scene, 'to')
    expect(c!.head[0]).toEqual(c!.to)
    const onOutline = (p: { x: number; y: number }, r: NoteItem) =>
      (Math.abs(p.x - r.x) < 1e-6 ||
        Math.abs(p.x - r.x - r.w) < 1e-6 ||
        Math.abs(p.y - r.y) < 1e-6 ||
        Math.abs(p.y - r.y - r.h) < 1e-6) &&
      p.x >= r.x - 1e-6 &&
      p.x <= r.x + r.w + 1e-6
    expect(onOutline(c!.from, a)).toBe(true)
    expect(onOutline(c!.to, b)).toBe(true)
    expect(c!.path.startsWith('M')).toBe(true)
    expect(c!.label?.text.lines[0]!.text).toBe('free trial')
  })
})

describe('layoutMap: scale', () => {
  it('lays out a 2,000-note map with curves and markers, and again faster from its cache', () => {
    const map = bigMap(20, 8, 2000)
    const cache = createLayoutCache()
    const scene = layoutMap(map, fakeMeasure, { cache })
    expect(scene.notes).toHaveLength(2000)
    expect(scene.curves).toHaveLength(2)
    expect(scene.markers).toHaveLength(50)
    expect(scene.width).toBe(L.laneHeaderWidth + 20 * 240)
    // Notes never overlap within a cell.
    const byCell = new Map<string, NoteItem[]>()
    for (const n of scene.notes)
      byCell.set(cellId(n.stageId, n.laneId), [...(byCell.get(cellId(n.stageId, n.laneId)) ?? []), n])
    for (const list of byCell.values()) {
      for (let i = 1; i < list.length; i++) expect(list[i]!.y).toBeGreaterThanOrEqual(list[i - 1]!.y + list[i - 1]!.h)
    }
    const again = layoutMap(map, fakeMeasure, { cache })
    expect(again).toEqual(scene)
  })
})
