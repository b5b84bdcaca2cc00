/**
 * Labels and lines never cover note text: a geometric check over the scene (board units) of
 * randomised maps and of the fixtures. What counts as note text is every line box of every
 * note (the line's measured width by its line height); labels keep off empty cells' prompts
 * (drawn on the board) too.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { layoutMap, type LabelItem, type Point, type Rect, type Scene } from '../../src/shared/layout'
import type { Connector, JourneyMap, Marker, Note } from '../../src/shared/model'
import { bigMap, fakeMeasure, templateMap } from './layout-fixtures'
import { pdfPersonas, pdfShowcaseMap } from './pdf-fixtures'
import { loadPdfFonts } from './pdf-tools'

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

function textBoxes(scene: Scene): (Rect & { note: string })[] {
  return scene.notes.flatMap((note) =>
    note.text.lines
      .filter((line) => line.width > 0)
      .map((line, i) => ({
        note: note.id,
        x: note.text.x + line.x,
        y: note.text.y + i * note.text.lineHeight,
        w: line.width,
        h: note.text.lineHeight
      }))
  )
}

/** Whether the segment crosses the inside of the rectangle (sampled finely: lines are short). */
function segmentHits(p: Point, q: Point, r: Rect): boolean {
  const steps = Math.max(2, Math.ceil(Math.hypot(q.x - p.x, q.y - p.y) / 0.5))
  for (let i = 0; i <= steps; i++) {
    const x = p.x + ((q.x - p.x) * i) / steps
    const y = p.y + ((q.y - p.y) * i) / steps
    if (x > r.x + 0.01 && x < r.x + r.w - 0.01 && y > r.y + 0.01 && y < r.y + r.h - 0.01) return true
  }
  return false
}

function labels(scene: Scene): { owner: string; label: LabelItem }[] {
  return [
    ...scene.connectors.flatMap((c) => (c.label ? [{ owner: `connector ${c.id}`, label: c.label }] : [])),
    ...scene.markers.flatMap((m) => (m.label ? [{ owner: `marker ${m.id}`, label: m.label }] : []))
  ]
}

/** Every rule at once; returns the broken ones as sentences (empty when all hold). */
function brokenRules(scene: Scene): string[] {
  const broken: string[] = []
  const text = textBoxes(scene)
  const placed = labels(scene)
  const area = { x: 188, y: 76, w: scene.width - 188, h: scene.height - 76 }
  for (const { owner, label } of placed) {
    for (const box of text) if (overlaps(label, box)) broken.push(`${owner}'s label covers text of note ${box.note}`)
    for (const cell of scene.cells) {
      const prompt = cell.label
      if (!prompt || cell.collapsed) continue
      for (const [i, line] of prompt.lines.entries()) {
        const box = { x: prompt.x + line.x, y: prompt.y + i * prompt.lineHeight, w: line.width, h: prompt.lineHeight }
        if (overlaps(label, box)) broken.push(`${owner}'s label covers the prompt of cell ${cell.id}`)
      }
    }
    if (
      label.x < area.x ||
      label.y < area.y ||
      label.x + label.w > area.x + area.w ||
      label.y + label.h > area.y + area.h
    )
      broken.push(`${owner}'s label is outside the cells`)
    for (const marker of scene.markers) {
      const dot = { x: marker.x - marker.r, y: marker.y - marker.r, w: 2 * marker.r, h: 2 * marker.r }
      if (overlaps(label, dot)) broken.push(`${owner}'s label covers marker ${marker.id}`)
    }
    if (label.leader) {
      for (const box of text)
        if (segmentHits(label.leader[0], label.leader[1], box))
          broken.push(`${owner}'s leader crosses note ${box.note}`)
    }
  }
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      if (overlaps(placed[i]!.label, placed[j]!.label))
        broken.push(`labels of ${placed[i]!.owner} and ${placed[j]!.owner} overlap`)
    }
  }
  for (const connector of scene.connectors) {
    const [tip, left, right] = connector.head
    const segments: [Point, Point][] = [
      ...connector.points.slice(1).map((p, i) => [connector.points[i]!, p] as [Point, Point]),
      [tip, left],
      [tip, right],
      [left, right]
    ]
    for (const [p, q] of segments) {
      for (const box of text) {
        if (segmentHits(p, q, box)) broken.push(`connector ${connector.id} crosses text of note ${box.note}`)
      }
    }
  }
  return [...new Set(broken)]
}

const word = fc.constantFrom(
  'trial',
  'demo',
  'escalation',
  'slow',
  'цены',
  'ราคา',
  '价格',
  'price shock',
  'renewal call'
)
const noteText = fc
  .array(
    fc.constantFrom(
      'Sign',
      'up',
      'for',
      'the',
      'free',
      'trial',
      'пробный',
      'период',
      'ทดลองใช้',
      '免费试用',
      'onboarding'
    ),
    {
      minLength: 1,
      maxLength: 30
    }
  )
  .map((words) => words.join(' '))

/** A SaaS template map with random notes, connectors between them and markers on them. */
const arbitraryMap = fc
  .record({
    notes: fc.array(fc.record({ stage: fc.nat(7), lane: fc.nat(9), text: noteText }), { maxLength: 40 }),
    connectors: fc.array(fc.record({ from: fc.nat(39), to: fc.nat(39), label: fc.option(word, { nil: '' }) }), {
      maxLength: 12
    }),
    markers: fc.array(
      fc.record({
        note: fc.nat(39),
        severity: fc.integer({ min: 1, max: 3 }),
        label: fc.option(word, { nil: '' }),
        onCurve: fc.boolean(),
        stage: fc.nat(7)
      }),
      { maxLength: 12 }
    ),
    widths: fc.array(fc.integer({ min: 160, max: 360 }), { minLength: 8, maxLength: 8 })
  })
  .map(({ notes, connectors, markers, widths }): JourneyMap => {
    const base = templateMap('saas')
    const stages = base.stages.map((s, i) => ({ ...s, width: widths[i] ?? s.width }))
    const lanes = base.lanes
    const emotion = lanes.find((l) => l.kind === 'emotions')!
    const noteList: Note[] = notes.map((n, i) => ({
      id: `n${i}`,
      stageId: stages[n.stage % stages.length]!.id,
      laneId: lanes.filter((l) => l.kind !== 'emotions')[n.lane % (lanes.length - 1)]!.id,
      order: i,
      text: n.text,
      color: '#fff59d',
      kind: 'note',
      channel: null,
      category: null,
      personaIds: [],
      votes: i % 5 === 0 ? 2 : 0,
      severity: null,
      impact: null,
      effort: null
    }))
    const connectorList: Connector[] = noteList.length
      ? connectors.map((c, i) => ({
          id: `c${i}`,
          fromNoteId: noteList[c.from % noteList.length]!.id,
          toNoteId: noteList[c.to % noteList.length]!.id,
          label: c.label
        }))
      : []
    const markerList: Marker[] = markers.flatMap((m, i): Marker[] => {
      if (m.onCurve)
        return [
          {
            id: `m${i}`,
            severity: m.severity,
            label: m.label,
            target: { kind: 'curve', stageId: stages[m.stage % stages.length]!.id, personaId: null, variant: 'asIs' }
          }
        ]
      if (noteList.length === 0) return []
      return [
        {
          id: `m${i}`,
          severity: m.severity,
          label: m.label,
          target: { kind: 'note', noteId: noteList[m.note % noteList.length]!.id }
        }
      ]
    })
    return {
      ...base,
      stages,
      notes: noteList,
      connectors: connectorList,
      markers: markerList,
      emotionPoints: stages.map((s, i) => ({
        id: `e${i}`,
        personaId: null,
        variant: 'asIs' as const,
        stageId: s.id,
        score: (i % 5) - 2,
        note: ''
      })),
      lanes: lanes.map((l) => (l.id === emotion.id ? { ...l, height: 160 } : l))
    }
  })

describe('labels and connectors never cover note text', () => {
  it('holds for randomised maps', () => {
    fc.assert(
      fc.property(arbitraryMap, (map) => {
        const scene = layoutMap(map, fakeMeasure)
        expect(brokenRules(scene)).toEqual([])
      }),
      { numRuns: 150, seed: 12 }
    )
  })

  it('places every label of randomised maps somewhere (none is dropped)', () => {
    let wanted = 0
    let placed = 0
    fc.assert(
      fc.property(arbitraryMap, (map) => {
        const scene = layoutMap(map, fakeMeasure)
        const labelOf = (id: string) => map.markers.find((m) => m.id === id)?.label.trim()
        wanted += scene.markers.filter((m) => labelOf(m.id)).length
        wanted += scene.connectors.filter((c) => map.connectors.find((k) => k.id === c.id)?.label.trim()).length
        placed += labels(scene).length
      }),
      { numRuns: 150, seed: 7 }
    )
    expect(wanted).toBeGreaterThan(300)
    expect(placed).toBe(wanted)
  })

  it('holds for the PDF showcase map (real fonts) and the 2,000-note map', async () => {
    const showcase = layoutMap(pdfShowcaseMap(), (await loadPdfFonts()).measure, { personas: pdfPersonas() })
    expect(brokenRules(showcase)).toEqual([])
    expect(
      labels(showcase)
        .map((l) => l.label.text.lines[0]!.text)
        .sort()
    ).toEqual(['цены', 'demo', 'free trial', 'price shock'].sort())
    const big = layoutMap(bigMap(20, 8, 2000), fakeMeasure)
    expect(brokenRules(big)).toEqual([])
    expect(labels(big)).toHaveLength(50)
  })

  it('routes a connector around the notes between its ends, and keeps straight lines straight', () => {
    const base = templateMap('saas')
    const [s0, , s2] = base.stages
    const lane = base.lanes[0]!
    const n = (id: string, stageId: string, order: number): Note => ({
      id,
      stageId,
      laneId: lane.id,
      order,
      text: 'A sentence long enough to wrap over a couple of lines in its note',
      color: '#fff59d',
      kind: 'note',
      channel: null,
      category: null,
      personaIds: [],
      votes: 0,
      severity: null,
      impact: null,
      effort: null
    })
    const map: JourneyMap = {
      ...base,
      notes: [n('a', s0!.id, 0), n('middle', base.stages[1]!.id, 0), n('b', s2!.id, 0), n('c', s0!.id, 1)],
      connectors: [
        { id: 'over', fromNoteId: 'a', toNoteId: 'b', label: 'free trial' },
        { id: 'next', fromNoteId: 'a', toNoteId: 'middle', label: '' }
      ]
    }
    const scene = layoutMap(map, fakeMeasure)
    const over = scene.connectors.find((c) => c.id === 'over')!
    const next = scene.connectors.find((c) => c.id === 'next')!
    expect(next.points).toHaveLength(2)
    expect(over.points.length).toBeGreaterThan(2)
    const middle = scene.notes.find((x) => x.id === 'middle')!
    for (let i = 1; i < over.points.length; i++)
      expect(segmentHits(over.points[i - 1]!, over.points[i]!, middle)).toBe(false)
    expect(brokenRules(scene)).toEqual([])
  })
})
