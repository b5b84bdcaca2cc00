/**
 * Pointer gestures on the board as one small state machine: idle → pointing → (dragging notes |
 * rubber band | dragging a curve point | moving or resizing a header | connecting two notes),
 * with an explicit cancel. Each transition is a pure function of the state, the pointer and the
 * world (scene, map, camera, selection) and returns the next state with the effects to carry out
 * (select, beginDrag/dragOver/drop, run a command, draw a preview). The DOM wiring
 * (useBoardInteraction) feeds it events; tests feed it the same events without a browser.
 *
 * Every edit happens on pointer up as one command, so a gesture is one undo step; a gesture that
 * is cancelled (Esc, pointercancel, the window losing focus) changes nothing.
 */
import type { CommandArgs, CommandName } from '../../../shared/commands'
import {
  scoreToY,
  type CurveItem,
  type CurvePoint,
  type LaneHeaderItem,
  type NoteItem,
  type Point,
  type Rect,
  type Scene,
  type StageHeaderItem
} from '../../../shared/layout'
import type { JourneyMap, SeriesVariant } from '../../../shared/model'
import type { DropTarget, Selection } from '../store/editor'
import type { SceneIndex } from '../board/scene-index'
import {
  curveBand,
  curveLaneId,
  dropAt,
  hitTest,
  laneSlot,
  notesInRect,
  rectFrom,
  scaleOf,
  snappedScore,
  stageSlot,
  stickyOf,
  type BoardView,
  type DropLine,
  type Hit
} from '../board/interaction/geometry'

/** A named command with its arguments, as data. */
export type CommandCall = { [N in CommandName]: { readonly name: N; readonly args: CommandArgs<N> } }[CommandName]

/** One emotion series: a persona's (or everyone's) as-is or to-be curve. */
export interface SeriesRef {
  readonly personaId: string | null
  readonly variant: SeriesVariant
}

/** The pointer, on screen (CSS pixels from the board's corner) and on the board. */
export interface PointerInput {
  readonly screen: Point
  readonly board: Point
  readonly shift: boolean
  /** Alt (Option) held: drag from a note draws a connector. */
  readonly alt: boolean
}

/** What the gestures read: everything as it is at the moment of the event. */
export interface World {
  readonly scene: Scene
  readonly index: SceneIndex
  readonly map: JourneyMap
  readonly view: BoardView
  readonly selection: Selection
  /** The "Connect" tool is on: a drag from a note draws a connector. */
  readonly connectMode: boolean
  /** The series a click in the emotion lane adds a point to (the last one touched). */
  readonly activeSeries: SeriesRef | null
  /** The path the board shows: curve points and new connectors go to it. */
  readonly pathId?: string | null
}

/** `{ pathId }` of the path the board shows, to spread into a command's arguments. */
const onPath = (world: Pick<World, 'pathId'>) => (world.pathId ? { pathId: world.pathId } : {})

/** What a gesture in progress draws over the board, in board coordinates. */
export interface Preview {
  /** Dragged notes, moved by (dx, dy) from where they are. */
  readonly ghost?: { readonly notes: readonly NoteItem[]; readonly dx: number; readonly dy: number }
  /** Where dragged notes would land. */
  readonly dropLine?: DropLine
  readonly band?: Rect
  /** Notes inside the rubber band. */
  readonly bandNotes?: readonly NoteItem[]
  /** A connector being drawn. */
  readonly link?: { readonly from: Point; readonly to: Point; readonly target: NoteItem | null }
  /** A curve point being dragged, at its snapped score. */
  readonly point?: { readonly x: number; readonly y: number; readonly score: number; readonly color: string }
  /** A header being dragged, and the line where it would go. */
  readonly header?: { readonly rect: Rect; readonly axis: 'x' | 'y'; readonly at: number }
  /** The new far edge of a header being resized. */
  readonly edge?: { readonly axis: 'x' | 'y'; readonly at: number }
}

export type Effect =
  | { readonly type: 'selectNotes'; readonly ids: readonly string[]; readonly mode: 'replace' | 'add' | 'toggle' }
  | { readonly type: 'select'; readonly selection: Selection }
  | { readonly type: 'beginDrag'; readonly ids: readonly string[] }
  | { readonly type: 'dragOver'; readonly target: DropTarget | null }
  | { readonly type: 'drop' }
  | { readonly type: 'cancelDrag' }
  /** Runs a command; `then: 'labelConnector'` opens the label editor of the connector it created. */
  | { readonly type: 'execute'; readonly call: CommandCall; readonly then?: 'labelConnector' }
  | { readonly type: 'preview'; readonly preview: Preview | null }
  | { readonly type: 'activeSeries'; readonly series: SeriesRef }
  | { readonly type: 'focusConnector'; readonly connectorId: string | null }
  | { readonly type: 'focusMarker'; readonly markerId: string | null }

type Pressed =
  | { readonly on: 'note'; readonly note: NoteItem; readonly connect: boolean }
  | { readonly on: 'point'; readonly curve: CurveItem; readonly point: CurvePoint }
  | { readonly on: 'marker'; readonly markerId: string; readonly targetId: string }
  | { readonly on: 'connector'; readonly connectorId: string }
  | { readonly on: 'stage'; readonly header: StageHeaderItem; readonly part: 'body' | 'resize' | 'toggle' }
  | { readonly on: 'lane'; readonly header: LaneHeaderItem; readonly part: 'body' | 'resize' | 'toggle' }
  /** Shift on empty space: a rubber band once it moves. */
  | { readonly on: 'band' }
  /** Empty space without shift: the board pans if it moves (input.ts), a click selects. */
  | { readonly on: 'empty'; readonly hit: Hit }

export type GestureState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pointing'; readonly start: PointerInput; readonly pressed: Pressed }
  | {
      readonly kind: 'draggingNotes'
      readonly start: PointerInput
      readonly notes: readonly NoteItem[]
      readonly target: DropTarget | null
    }
  | { readonly kind: 'rubberBand'; readonly start: PointerInput }
  | {
      readonly kind: 'draggingPoint'
      readonly start: PointerInput
      readonly curve: CurveItem
      readonly point: CurvePoint
      readonly score: number
    }
  | {
      readonly kind: 'movingStage'
      readonly start: PointerInput
      readonly header: StageHeaderItem
      readonly index: number
    }
  | {
      readonly kind: 'movingLane'
      readonly start: PointerInput
      readonly header: LaneHeaderItem
      readonly index: number
    }
  | {
      readonly kind: 'resizingStage'
      readonly start: PointerInput
      readonly header: StageHeaderItem
      readonly size: number
    }
  | {
      readonly kind: 'resizingLane'
      readonly start: PointerInput
      readonly header: LaneHeaderItem
      readonly size: number
    }
  | { readonly kind: 'connecting'; readonly start: PointerInput; readonly from: NoteItem; readonly to: NoteItem | null }

export interface Transition {
  readonly state: GestureState
  readonly effects: readonly Effect[]
  /** On pointer down: the gesture takes the pointer (the board must not start panning). */
  readonly capture: boolean
}

export const IDLE: GestureState = { kind: 'idle' }

/** Screen pixels the pointer must travel before a press becomes a drag. */
export const DRAG_THRESHOLD_PX = 4

/** Smallest sizes a header can be dragged to (the commands clamp again). */
const MIN_STAGE_WIDTH = 80
const MIN_LANE_HEIGHT = 40

const stay = (state: GestureState, effects: readonly Effect[] = []): Transition => ({ state, effects, capture: false })
const take = (state: GestureState, effects: readonly Effect[] = []): Transition => ({ state, effects, capture: true })

const selectedNoteIds = (selection: Selection): readonly string[] =>
  selection.kind === 'notes' ? selection.noteIds : []

/** A press of the main button. */
export function pointerDown(state: GestureState, input: PointerInput, world: World): Transition {
  if (state.kind !== 'idle') return stay(state)
  const hit = hitTest(world.scene, world.index, input.board, world.view)
  const press = (pressed: Pressed, effects: readonly Effect[] = []) =>
    take({ kind: 'pointing', start: input, pressed }, effects)
  switch (hit.kind) {
    case 'note': {
      if (input.alt || world.connectMode) return press({ on: 'note', note: hit.note, connect: true })
      const selected = selectedNoteIds(world.selection).includes(hit.note.id)
      // Pressing an unselected note selects it at once, so a drag that follows moves it.
      const effects: Effect[] =
        !input.shift && !selected ? [{ type: 'selectNotes', ids: [hit.note.id], mode: 'replace' }] : []
      return press({ on: 'note', note: hit.note, connect: false }, [
        ...effects,
        { type: 'focusConnector', connectorId: null }
      ])
    }
    case 'curvePoint':
      return press({ on: 'point', curve: hit.curve, point: hit.point }, [
        { type: 'activeSeries', series: { personaId: hit.curve.personaId, variant: hit.curve.variant } }
      ])
    case 'marker':
      return press({ on: 'marker', markerId: hit.marker.id, targetId: hit.marker.targetId })
    case 'connector':
      return press({ on: 'connector', connectorId: hit.connector.id })
    case 'stageHeader':
      return press({ on: 'stage', header: hit.header, part: hit.part })
    case 'laneHeader':
      return press({ on: 'lane', header: hit.header, part: hit.part })
    case 'cell':
    case 'none':
    case 'corner':
      if (input.shift && hit.kind !== 'corner') return press({ on: 'band' })
      // Not taken: the board pans if the pointer moves; a click without moving selects.
      return stay({ kind: 'pointing', start: input, pressed: { on: 'empty', hit } })
  }
}

const travelled = (a: PointerInput, b: PointerInput) =>
  Math.hypot(b.screen.x - a.screen.x, b.screen.y - a.screen.y) >= DRAG_THRESHOLD_PX

export function pointerMove(state: GestureState, input: PointerInput, world: World): Transition {
  switch (state.kind) {
    case 'idle':
      return stay(state)
    case 'pointing':
      if (!travelled(state.start, input)) return stay(state)
      return startDrag(state.start, state.pressed, world, input)
    case 'draggingNotes': {
      const dragged = new Set(state.notes.map((n) => n.id))
      const drop = dropAt(world.scene, world.index, world.map, input.board, world.view, dragged)
      const target = drop?.target ?? null
      return stay({ ...state, target }, [
        { type: 'dragOver', target },
        {
          type: 'preview',
          preview: {
            ghost: {
              notes: state.notes,
              dx: input.board.x - state.start.board.x,
              dy: input.board.y - state.start.board.y
            },
            ...(drop ? { dropLine: drop.line } : {})
          }
        }
      ])
    }
    case 'rubberBand': {
      const band = rectFrom(state.start.board, input.board)
      return stay(state, [{ type: 'preview', preview: { band, bandNotes: notesInRect(world.index, band) } }])
    }
    case 'draggingPoint': {
      const band = curveBand(world.scene, state.curve.laneId)
      if (!band) return stay(state)
      const scale = scaleOf(world.map)
      const score = snappedScore(input.board.y, scale, band)
      const y = scoreToY(score, scale, band.top, band.bottom)
      return stay({ ...state, score }, [
        { type: 'preview', preview: { point: { x: state.point.x, y, score, color: state.curve.stroke } } }
      ])
    }
    case 'movingStage': {
      const slot = stageSlot(world.scene, state.header.id, input.board.x)
      const sticky = stickyOf(world.scene, world.view.visible)
      const dx = input.board.x - state.start.board.x
      const rect = { x: state.header.x + dx, y: sticky.top, w: state.header.w, h: state.header.h }
      return stay({ ...state, index: slot.index }, [
        { type: 'preview', preview: { header: { rect, axis: 'x', at: slot.at } } }
      ])
    }
    case 'movingLane': {
      const slot = laneSlot(world.scene, state.header.id, input.board.y)
      const sticky = stickyOf(world.scene, world.view.visible)
      const dy = input.board.y - state.start.board.y
      const rect = { x: sticky.left, y: state.header.y + dy, w: state.header.w, h: state.header.h }
      return stay({ ...state, index: slot.index }, [
        { type: 'preview', preview: { header: { rect, axis: 'y', at: slot.at } } }
      ])
    }
    case 'resizingStage': {
      const size = Math.max(MIN_STAGE_WIDTH, state.header.w + input.board.x - state.start.board.x)
      return stay({ ...state, size }, [
        { type: 'preview', preview: { edge: { axis: 'x', at: state.header.x + size } } }
      ])
    }
    case 'resizingLane': {
      const size = Math.max(MIN_LANE_HEIGHT, state.header.h + input.board.y - state.start.board.y)
      return stay({ ...state, size }, [
        { type: 'preview', preview: { edge: { axis: 'y', at: state.header.y + size } } }
      ])
    }
    case 'connecting': {
      const hit = world.index.noteAt(input.board)
      const to = hit && hit.id !== state.from.id ? hit : null
      const from = { x: state.from.x + state.from.w / 2, y: state.from.y + state.from.h / 2 }
      return stay({ ...state, to }, [{ type: 'preview', preview: { link: { from, to: input.board, target: to } } }])
    }
  }
}

/** The press has become a drag: which one depends on what was pressed. */
function startDrag(start: PointerInput, pressed: Pressed, world: World, input: PointerInput): Transition {
  const next = (state: GestureState, effects: readonly Effect[] = []) => {
    const moved = pointerMove(state, input, world)
    return stay(moved.state, [...effects, ...moved.effects])
  }
  switch (pressed.on) {
    case 'note': {
      if (pressed.connect) return next({ kind: 'connecting', start, from: pressed.note, to: null })
      const selected = selectedNoteIds(world.selection)
      const ids = selected.includes(pressed.note.id)
        ? selected
        : start.shift
          ? [...selected, pressed.note.id]
          : [pressed.note.id]
      const wanted = new Set(ids)
      const notes = world.scene.notes.filter((n) => wanted.has(n.id))
      const effects: Effect[] = []
      if (start.shift && !selected.includes(pressed.note.id)) {
        effects.push({ type: 'selectNotes', ids: [pressed.note.id], mode: 'add' })
      }
      effects.push({ type: 'beginDrag', ids })
      return next({ kind: 'draggingNotes', start, notes, target: null }, effects)
    }
    case 'point':
      return next({
        kind: 'draggingPoint',
        start,
        curve: pressed.curve,
        point: pressed.point,
        score: pressed.point.score
      })
    case 'stage':
      if (pressed.part === 'resize')
        return next({ kind: 'resizingStage', start, header: pressed.header, size: pressed.header.w })
      return next({ kind: 'movingStage', start, header: pressed.header, index: -1 })
    case 'lane':
      if (pressed.part === 'resize')
        return next({ kind: 'resizingLane', start, header: pressed.header, size: pressed.header.h })
      return next({ kind: 'movingLane', start, header: pressed.header, index: -1 })
    case 'band':
      return next({ kind: 'rubberBand', start })
    case 'marker':
    case 'connector':
    case 'empty':
      // Markers and arrows do not move; empty space pans (input.ts has it).
      return stay(IDLE)
  }
}

const done = (effects: readonly Effect[] = []): Transition =>
  stay(IDLE, [...effects, { type: 'preview', preview: null }])

export function pointerUp(state: GestureState, input: PointerInput, world: World): Transition {
  switch (state.kind) {
    case 'idle':
      return stay(state)
    case 'pointing':
      return done(click(state.start, state.pressed, world))
    case 'draggingNotes':
      return done(state.target ? [{ type: 'drop' }] : [{ type: 'cancelDrag' }])
    case 'rubberBand': {
      const band = rectFrom(state.start.board, input.board)
      const ids = notesInRect(world.index, band).map((n) => n.id)
      return done(ids.length > 0 ? [{ type: 'selectNotes', ids, mode: 'add' }] : [])
    }
    case 'draggingPoint': {
      if (state.score === state.point.score) return done()
      const { personaId, variant } = state.curve
      return done([
        {
          type: 'execute',
          call: {
            name: 'setEmotionPoint',
            args: { personaId, variant, stageId: state.point.stageId, score: state.score, ...onPath(world) }
          }
        }
      ])
    }
    case 'movingStage':
      return done(
        state.index < 0
          ? []
          : [{ type: 'execute', call: { name: 'moveStage', args: { stageId: state.header.id, index: state.index } } }]
      )
    case 'movingLane':
      return done(
        state.index < 0
          ? []
          : [{ type: 'execute', call: { name: 'moveLane', args: { laneId: state.header.id, index: state.index } } }]
      )
    case 'resizingStage':
      return done(
        Math.round(state.size) === Math.round(state.header.w)
          ? []
          : [{ type: 'execute', call: { name: 'resizeStage', args: { stageId: state.header.id, width: state.size } } }]
      )
    case 'resizingLane':
      return done(
        Math.round(state.size) === Math.round(state.header.h)
          ? []
          : [{ type: 'execute', call: { name: 'resizeLane', args: { laneId: state.header.id, height: state.size } } }]
      )
    case 'connecting':
      return done(
        state.to
          ? [
              {
                type: 'execute',
                call: {
                  name: 'connect',
                  args: { fromNoteId: state.from.id, toNoteId: state.to.id, ...onPath(world) }
                },
                then: 'labelConnector'
              }
            ]
          : []
      )
  }
}

/** Esc, pointercancel, the window losing focus: nothing changes. */
export function cancelGesture(state: GestureState): Transition {
  if (state.kind === 'idle') return stay(state)
  return done(state.kind === 'draggingNotes' ? [{ type: 'cancelDrag' }] : [])
}

/** A press and release without moving. */
function click(start: PointerInput, pressed: Pressed, world: World): Effect[] {
  switch (pressed.on) {
    case 'note':
      if (pressed.connect) return []
      return [{ type: 'selectNotes', ids: [pressed.note.id], mode: start.shift ? 'toggle' : 'replace' }]
    case 'point': {
      const laneId = pressed.curve.laneId
      return [{ type: 'select', selection: { kind: 'cell', stageId: pressed.point.stageId, laneId } }]
    }
    case 'marker': {
      const note = world.map.notes.find((n) => n.id === pressed.targetId)
      const marker = world.map.markers.find((m) => m.id === pressed.markerId)
      const laneId = curveLaneId(world.map)
      const selection: Selection | null = note
        ? { kind: 'notes', noteIds: [note.id] }
        : marker?.target.kind === 'curve' && laneId
          ? { kind: 'cell', stageId: marker.target.stageId, laneId }
          : null
      return [
        ...(selection ? [{ type: 'select', selection } as const] : []),
        { type: 'focusMarker', markerId: pressed.markerId }
      ]
    }
    case 'connector':
      return [
        { type: 'select', selection: { kind: 'none' } },
        { type: 'focusConnector', connectorId: pressed.connectorId }
      ]
    case 'stage': {
      const { header, part } = pressed
      if (header.collapsed || part === 'toggle') {
        return [
          {
            type: 'execute',
            call: { name: 'collapseStage', args: { stageId: header.id, collapsed: !header.collapsed } }
          }
        ]
      }
      return [{ type: 'select', selection: { kind: 'stage', stageId: header.id } }]
    }
    case 'lane': {
      const { header, part } = pressed
      if (header.collapsed || part === 'toggle') {
        return [
          { type: 'execute', call: { name: 'collapseLane', args: { laneId: header.id, collapsed: !header.collapsed } } }
        ]
      }
      return [{ type: 'select', selection: { kind: 'lane', laneId: header.id } }]
    }
    case 'band':
      return []
    case 'empty': {
      const hit = pressed.hit
      if (hit.kind !== 'cell')
        return [
          { type: 'select', selection: { kind: 'none' } },
          { type: 'focusConnector', connectorId: null }
        ]
      const cell = hit.cell
      const point = cell.collapsed ? null : newPointOnClick(world, cell.stageId, cell.laneId, start.board.y)
      if (point) return point
      return [
        { type: 'select', selection: { kind: 'cell', stageId: cell.stageId, laneId: cell.laneId } },
        { type: 'focusConnector', connectorId: null }
      ]
    }
  }
}

/**
 * The series a click in the emotion lane adds to: the one last touched (a point pressed or
 * dragged, a series picked in a menu or the side panel), or else the first in the legend (then
 * the map's first persona, then the general series). Predictable: a click never picks a series
 * because it happens to lack a point there.
 */
export function seriesForNewPoint(world: Pick<World, 'map' | 'scene' | 'activeSeries'>): SeriesRef {
  if (world.activeSeries) return world.activeSeries
  const curve = world.scene.curves[0]
  if (curve) return { personaId: curve.personaId, variant: curve.variant }
  return { personaId: world.map.personaIds[0] ?? null, variant: 'asIs' }
}

const hasPoint = (map: JourneyMap, series: SeriesRef, stageId: string) =>
  map.emotionPoints.some(
    (p) => p.personaId === series.personaId && p.variant === series.variant && p.stageId === stageId
  )

/** A click in the curve lane over a stage where the series has no point yet creates one there. */
function newPointOnClick(world: World, stageId: string, laneId: string, y: number): Effect[] | null {
  if (laneId !== curveLaneId(world.map)) return null
  const series = seriesForNewPoint(world)
  const band = curveBand(world.scene, laneId)
  if (!band || hasPoint(world.map, series, stageId)) return null
  const score = snappedScore(y, scaleOf(world.map), band)
  return [
    { type: 'select', selection: { kind: 'cell', stageId, laneId } },
    { type: 'activeSeries', series },
    { type: 'execute', call: { name: 'setEmotionPoint', args: { ...series, stageId, score, ...onPath(world) } } }
  ]
}
