/** KPI chips in the KPI lane and vote counts on notes, as the layout places them. */
import { describe, expect, it } from 'vitest'
import { cellId, LAYOUT, layoutMap, type BadgeItem, type Scene } from '../../src/shared/layout'
import { KPI_COLORS, kpiLine } from '../../src/shared/layout/badges'
import type { JourneyMap, Metric } from '../../src/shared/model'
import { fakeMeasure, laneIndex, note, templateMap, withNotes } from './layout-fixtures'

const L = LAYOUT
const layout = (map: JourneyMap) => layoutMap(map, fakeMeasure)
const badge = (scene: Scene, id: string): BadgeItem => {
  const found = scene.badges.find((b) => b.id === id)
  if (!found) throw new Error(`badge ${id} not in scene`)
  return found
}

function metric(map: JourneyMap, stageIndex: number, fields: Partial<Metric>): Metric {
  return {
    id: 'k',
    stageId: map.stages[stageIndex]!.id,
    name: 'Conversion rate',
    value: null,
    target: null,
    unit: '%',
    direction: 'higher',
    order: 1,
    ...fields
  }
}

describe('layout: KPI chips', () => {
  const base = templateMap('saas')
  const kpiLane = laneIndex(base, 'kpis')
  const map: JourneyMap = {
    ...withNotes(base, [note(base, 1, kpiLane, { id: 'under' })]),
    metrics: [
      metric(base, 1, { id: 'conv', value: 3, target: 5, order: 1 }),
      metric(base, 1, { id: 'churn', name: 'Churn', value: 2.1, target: 2, direction: 'lower', order: 2 }),
      metric(base, 2, { id: 'nps', name: 'NPS', value: 45, target: 40, unit: 'pts', order: 1 }),
      metric(base, 3, { id: 'open', name: 'CSAT', value: null, target: 80, order: 1 })
    ]
  }
  const scene = layout(map)
  const cell = (stage: number) =>
    scene.cells.find((c) => c.id === cellId(map.stages[stage]!.id, map.lanes[kpiLane]!.id))!

  it('stacks a stage’s KPIs at the top of its KPI cell, coloured by status', () => {
    const conv = badge(scene, 'kpi:conv')
    const churn = badge(scene, 'kpi:churn')
    expect(conv).toMatchObject({
      role: 'kpi',
      targetId: 'conv',
      x: cell(1).x + L.cellPadding,
      y: cell(1).y + L.cellPadding
    })
    expect(conv.w).toBe(240 - 2 * L.cellPadding)
    expect(churn.y).toBe(conv.y + conv.h + 6)
    expect([conv, churn, badge(scene, 'kpi:nps'), badge(scene, 'kpi:open')].map((b) => b.accent?.fill)).toEqual([
      KPI_COLORS.missed.bar,
      KPI_COLORS.near.bar,
      KPI_COLORS.met.bar,
      KPI_COLORS.unknown.bar
    ])
    expect(conv.texts.map((t) => t.lines.map((l) => l.text).join(' '))).toEqual(['Conversion rate', '3% · target ≥ 5%'])
  })

  it('puts the cell’s notes under the chips and grows the lane to fit', () => {
    const churn = badge(scene, 'kpi:churn')
    const under = scene.notes.find((n) => n.id === 'under')!
    expect(under.y).toBe(churn.y + churn.h + L.noteGap)
    expect(cell(1).h).toBe(under.y + under.h + L.cellPadding - cell(1).y)
    // No prompt under chips in a cell without notes.
    expect(cell(2).label).toBeNull()
    expect(cell(0).label).not.toBeNull()
  })

  it('draws no chips in a collapsed KPI lane or stage', () => {
    const folded = {
      ...map,
      stages: map.stages.map((s, i) => (i === 2 ? { ...s, collapsed: true } : s))
    }
    expect(
      layout(folded)
        .badges.map((b) => b.id)
        .filter((id) => id.startsWith('kpi:'))
    ).toEqual(['kpi:conv', 'kpi:churn', 'kpi:open'])
    const laneFolded = { ...map, lanes: map.lanes.map((l, i) => (i === kpiLane ? { ...l, collapsed: true } : l)) }
    expect(layout(laneFolded).badges).toEqual([])
  })

  it('words values and targets with their units and direction', () => {
    expect(kpiLine({ value: 1200, target: 1500, unit: '€', direction: 'higher' })).toBe('1,200 € · target ≥ 1,500 €')
    expect(kpiLine({ value: null, target: 4, unit: 'h', direction: 'lower' })).toBe('— · target ≤ 4 h')
    expect(kpiLine({ value: 42, target: null, unit: 'pts', direction: 'higher' })).toBe('42 pts')
  })
})

describe('layout: vote counts', () => {
  it('puts a count on the top-left corner of each note with votes', () => {
    const map = templateMap('saas')
    const scene = layout(
      withNotes(map, [note(map, 0, 0, { id: 'voted', votes: 12 }), note(map, 0, 0, { id: 'quiet', order: 1 })])
    )
    const voted = scene.notes.find((n) => n.id === 'voted')!
    expect(scene.badges.map((b) => b.id)).toEqual(['votes:voted'])
    const count = badge(scene, 'votes:voted')
    expect(count).toMatchObject({ role: 'votes', targetId: 'voted', x: voted.x - 5, y: voted.y - 7 })
    expect(count.texts[0]!.lines[0]!.text).toBe('12')
    expect(count.w).toBeGreaterThanOrEqual(count.h)
  })
})
