/**
 * Random command steps for property tests: a step draws valid arguments from the map as it is
 * when it runs (argsFor), so a random sequence is a plausible edit session.
 */
import fc from 'fast-check'
import { NOTE_COLORS, cellNotes, type CommandName } from '../../src/shared/commands'
import { COMMAND_NAMES } from '../../src/shared/commands'
import type { JourneyMap } from '../../src/shared/model'
import { LaneKindSchema, NoteKindSchema } from '../../src/shared/schema/enums'
import { buildMap, richMap } from './fixtures'

export interface Step {
  readonly name: CommandName
  readonly picks: readonly number[]
  readonly text: string
  readonly num: number
  readonly flag: boolean
}

export const stepArb: fc.Arbitrary<Step> = fc.record({
  name: fc.constantFrom(...COMMAND_NAMES),
  picks: fc.array(fc.nat(1000), { minLength: 6, maxLength: 6 }),
  text: fc.string({ unit: 'grapheme', maxLength: 12 }),
  num: fc.double({ noNaN: true, noDefaultInfinity: true, min: -20, max: 20 }),
  flag: fc.boolean()
})

/** Orders packed so tightly that the next insert between them must renumber the cell. */
export const tightMap = () =>
  buildMap({
    personaIds: ['p1'],
    notes: [
      { id: 'a', order: 1 },
      { id: 'b', order: 1 + Number.EPSILON },
      { id: 'c', order: 1 + 2 * Number.EPSILON }
    ],
    stages: [
      { id: 's1', order: 5 },
      { id: 's2', order: 5 + 8 * Number.EPSILON }
    ],
    metrics: [{ id: 'k', stageId: 's2' }]
  })

/** The rich map with two paths (one looping back), path-tagged records and a KPI history. */
function withPaths(map: JourneyMap): JourneyMap {
  return {
    ...map,
    paths: [
      {
        id: 'pa',
        name: 'Trial',
        color: '#2563eb',
        order: 1,
        steps: [
          { stageId: 's1', event: '' },
          { stageId: 's2', event: 'Starts trial' },
          { stageId: 's1', event: 'Goes back' }
        ]
      },
      { id: 'pb', name: 'Demo', color: '#d97706', order: 2, steps: [{ stageId: 's3', event: '' }] }
    ],
    notes: map.notes.map((n) => (n.id === 'n2' ? { ...n, pathId: 'pa' } : n)),
    metrics: map.metrics.map((m) => (m.id === 'k1' ? { ...m, pathId: 'pb', funnel: true as const } : m)),
    emotionPoints: [
      ...map.emotionPoints,
      { id: 'e9', personaId: null, variant: 'asIs', stageId: 's1', score: 0, note: '', pathId: 'pa' }
    ],
    kpiValues: [
      { id: 'v1', metricId: 'k1', date: '2026-01-01', value: 900 },
      { id: 'v2', metricId: 'k1', date: '2026-02-01', value: 1000 }
    ]
  }
}

/** Named, so a counterexample reads `"tight", [steps…]` instead of a whole map. */
/** The rich map with a comment on every note, so comments can be edited and deleted too. */
const commented = (map: JourneyMap): JourneyMap => ({
  ...map,
  notes: map.notes.map((n) => ({
    ...n,
    comments: [{ id: `c_${n.id}`, author: 'Ana', at: '2026-03-04T09:00:00.000Z', text: 'Why?', resolved: false }]
  }))
})

export const startMaps: Readonly<Record<string, JourneyMap>> = {
  rich: commented(richMap()),
  paths: withPaths(richMap()),
  tight: tightMap(),
  single: buildMap({ stages: ['s1'], lanes: ['l1'] })
}

/** Valid arguments for `step.name` on `map`, or null when the command does not apply now. */
export function argsFor(map: JourneyMap, step: Step): Record<string, unknown> | null {
  const { picks, flag, num } = step
  const pick = <T>(list: readonly T[], k: number): T | undefined => list[picks[k]! % Math.max(1, list.length)]
  const subset = <T>(list: readonly T[], k: number): T[] => list.filter((_, i) => (picks[k]! >> i) & 1)
  const title = step.text.trim() || 'Untitled'
  const stage = pick(map.stages, 0)!
  const lane = pick(map.lanes, 1)!
  const note = pick(map.notes, 2)
  const noteIds = () => [...new Set([0, 3, 4].map((k) => pick(map.notes, k)!.id))].slice(0, 1 + (picks[5]! % 3))
  const series = [null, ...map.personaIds]
  switch (step.name) {
    case 'addNote':
      return {
        stageId: stage.id,
        laneId: lane.id,
        index: flag ? undefined : picks[2]! % (cellNotes(map, stage.id, lane.id).length + 2),
        text: step.text,
        kind: flag ? pick(NoteKindSchema.options, 3) : undefined,
        personaIds: subset(map.personaIds, 4)
      }
    case 'editNote':
      if (!note) return null
      return flag
        ? { noteId: note.id, text: step.text, votes: picks[3]! % 7, personaIds: subset(map.personaIds, 4) }
        : {
            noteId: note.id,
            color: pick(Object.values(NOTE_COLORS), 3),
            severity: picks[4]! % 2 ? null : 1 + (picks[4]! % 3),
            channel: flag ? 'email' : null
          }
    case 'moveNote':
      if (!note) return null
      return {
        noteId: note.id,
        stageId: stage.id,
        laneId: lane.id,
        index: picks[3]! % (cellNotes(map, stage.id, lane.id).length + 1)
      }
    case 'deleteNotes':
    case 'duplicateNotes':
      return map.notes.length > 0 ? { noteIds: noteIds() } : null
    case 'addStage':
      return { title, index: flag ? picks[2]! % (map.stages.length + 1) : undefined, width: num * 100 }
    case 'renameStage':
      return { stageId: stage.id, title, prompt: flag ? step.text : undefined }
    case 'moveStage':
      return { stageId: stage.id, index: picks[2]! % (map.stages.length + 1) }
    case 'resizeStage':
      return { stageId: stage.id, width: num * 100 }
    case 'collapseStage':
      return { stageId: stage.id, collapsed: flag }
    case 'deleteStage':
      return map.stages.length > 1 ? { stageId: stage.id } : null
    case 'addLane':
      return { title, kind: pick(LaneKindSchema.options, 2), index: flag ? picks[3]! % 5 : undefined }
    case 'renameLane':
      return { laneId: lane.id, title, prompt: flag ? step.text : undefined }
    case 'moveLane':
      return { laneId: lane.id, index: picks[2]! % (map.lanes.length + 1) }
    case 'resizeLane':
      return { laneId: lane.id, height: num * 50 }
    case 'collapseLane':
      return { laneId: lane.id, collapsed: flag }
    case 'deleteLane':
      return map.lanes.length > 1 ? { laneId: lane.id } : null
    case 'setEmotionPoint':
      return {
        personaId: pick(series, 3),
        variant: flag ? 'toBe' : 'asIs',
        stageId: stage.id,
        score: num,
        note: flag ? undefined : step.text
      }
    case 'removeEmotionPoint': {
      const point = pick(map.emotionPoints, 3)
      return point ? { pointId: point.id } : null
    }
    case 'addMarker': {
      // A curve marker sits on a shared series; a path's own points cannot carry one.
      const point = pick(
        map.emotionPoints.filter((p) => p.pathId === undefined),
        3
      )
      const severity = 1 + (picks[4]! % 3)
      if (flag && note) return { target: { kind: 'note', noteId: note.id }, severity, label: step.text }
      if (!point) return null
      const { stageId, personaId, variant } = point
      return { target: { kind: 'curve', stageId, personaId, variant }, severity }
    }
    case 'editMarker': {
      const marker = pick(map.markers, 3)
      return marker ? { markerId: marker.id, severity: 1 + (picks[4]! % 3), label: flag ? step.text : undefined } : null
    }
    case 'removeMarker': {
      const marker = pick(map.markers, 3)
      return marker ? { markerId: marker.id } : null
    }
    case 'connect': {
      const from = pick(map.notes, 3)
      const to = pick(map.notes, 4)
      if (!from || !to || from.id === to.id) return null
      if (map.connectors.some((c) => c.fromNoteId === from.id && c.toNoteId === to.id)) return null
      return { fromNoteId: from.id, toNoteId: to.id, label: step.text }
    }
    case 'relabelConnector': {
      const connector = pick(map.connectors, 3)
      return connector ? { connectorId: connector.id, label: step.text } : null
    }
    case 'disconnect': {
      const connector = pick(map.connectors, 3)
      return connector ? { connectorId: connector.id } : null
    }
    case 'setMetric': {
      const metric = pick(map.metrics, 3)
      if (flag || !metric) return { stageId: stage.id, name: title, value: num, target: picks[4]! % 2 ? null : 5 }
      return { metricId: metric.id, stageId: picks[4]! % 2 ? stage.id : undefined, value: null, direction: 'lower' }
    }
    case 'removeMetric': {
      const metric = pick(map.metrics, 3)
      return metric ? { metricId: metric.id } : null
    }
    case 'addComment':
      return note ? { noteId: note.id, text: title, author: flag ? 'Ana' : 'Бо' } : null
    case 'editComment': {
      const comment = note?.comments ? pick(note.comments, 3) : undefined
      return note && comment ? { noteId: note.id, commentId: comment.id, resolved: flag } : null
    }
    case 'deleteComment': {
      const comment = note?.comments ? pick(note.comments, 3) : undefined
      return note && comment ? { noteId: note.id, commentId: comment.id } : null
    }
    case 'setNoteImage':
      if (!note) return null
      return { noteId: note.id, image: flag ? { mime: 'image/png', data: 'iVBORw0KGgo=', width: 2, height: 1 } : null }
    case 'addPath': {
      const other = pick(map.stages, 3)!
      return flag
        ? { name: title }
        : {
            name: title,
            steps: [
              { stageId: stage.id, event: '' },
              { stageId: other.id, event: step.text.slice(0, 100) },
              { stageId: stage.id, event: 'back' }
            ]
          }
    }
    case 'editPath': {
      const path = pick(map.paths, 3)
      return path
        ? { pathId: path.id, name: title, steps: flag ? [{ stageId: stage.id, event: '' }] : undefined }
        : null
    }
    case 'removePath': {
      const path = pick(map.paths, 3)
      return path ? { pathId: path.id } : null
    }
    case 'setKpiValue': {
      const metric = pick(map.metrics, 3)
      const day = `2026-0${1 + (picks[4]! % 9)}-1${picks[5]! % 10}`
      return metric ? { metricId: metric.id, date: day, value: num } : null
    }
    case 'removeKpiValue': {
      const value = pick(map.kpiValues, 3)
      return value ? { valueId: value.id } : null
    }
    case 'applyMerge': {
      // A merge's patch: here, one note rewritten (or the title) as a merged copy would.
      if (!note) return { patch: [{ op: 'meta', set: { title } }] }
      return { patch: [{ op: 'put', entity: 'note', value: { ...note, text: step.text, votes: picks[3]! % 7 } }] }
    }
    case 'setMapMeta':
      switch (picks[3]! % 3) {
        case 0:
          return { title, description: step.text }
        case 1:
          return { emotionScale: { min: -(picks[4]! % 6), max: 1 + (picks[5]! % 6) } }
        default:
          return { personaIds: subset(['p3', 'p2', 'p1'], 4) }
      }
  }
}
