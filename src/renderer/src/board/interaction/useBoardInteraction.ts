/**
 * Wires the gesture machine, the context menu and the board's keys to the DOM. Pointer events
 * are read on the board's container in the capture phase, before the panning of input.ts sees
 * them: a press the gestures take (a note, a header, a curve point, shift on empty space) is
 * kept from it; a press on empty space is left to pan, and a click there selects the cell.
 * Hover shows what can be grabbed (cursor, a header's fold button, a point's score).
 */
import type Konva from 'konva'
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { Scene } from '../../../../shared/layout'
import { t } from '../../i18n'
import { useAppStore } from '../../store'
import type { Selection } from '../../store/editor'
import type { CameraController } from '../camera'
import type { SceneIndex } from '../scene-index'
import { canAddNote, cellForNewNote, perform, runEffects, startNewNote, type EffectHost } from '../../editing/actions'
import { reveal } from './follow-camera'
import { formatScore, hitTest, laneHeaderRect, stageHeaderRect, stickyOf, type Hit } from './geometry'
import {
  cancelGesture,
  IDLE,
  pointerDown,
  pointerMove,
  pointerUp,
  type GestureState,
  type PointerInput,
  type Transition,
  type World
} from '../../editing/gesture'
import { boardKeyAction, type BoardKeyAction } from '../../editing/board-keys'
import { navigate, selectionRect, zoomToSelection } from '../../editing/navigation'
import { InteractionPainter, type Area, type Hover } from './painter'
import { overlayOpen, resetBoardUi, setBoardUi, useBoardUi, type MenuContext } from '../../editing/ui-store'

export interface BoardInteractionDeps {
  readonly container: RefObject<HTMLDivElement | null>
  readonly stage: RefObject<Konva.Stage | null>
  readonly camera: CameraController
  readonly scene: Scene
  readonly index: SceneIndex
}

/** Screen pixels from the board's edge where a drag starts scrolling it. */
const EDGE_PX = 28
const EDGE_STEP_PX = 14

/** Keys reach the board when nothing else has the focus, or the board itself has it. */
const keysForBoard = (target: EventTarget | null, board: HTMLElement) =>
  target === null || target === board || target === document.body || target === document.documentElement

/** Where a selection's outline goes: notes, a cell, or a stage/lane (its sticky header and its column/row). */
function selectionOutline(scene: Scene, selection: Selection) {
  const areas: Area[] = []
  let notes: Scene['notes'] = []
  if (selection.kind === 'notes') {
    const wanted = new Set(selection.noteIds)
    notes = scene.notes.filter((n) => wanted.has(n.id))
  } else if (selection.kind === 'cell') {
    const cell = scene.cells.find((c) => c.stageId === selection.stageId && c.laneId === selection.laneId)
    if (cell) areas.push({ rect: cell })
  } else if (selection.kind === 'stage') {
    const header = scene.stageHeaders.find((h) => h.id === selection.stageId)
    if (header) {
      areas.push({ rect: header, sticky: 'top' })
      areas.push({ rect: { x: header.x, y: header.h, w: header.w, h: scene.height - header.h } })
    }
  } else if (selection.kind === 'lane') {
    const header = scene.laneHeaders.find((h) => h.id === selection.laneId)
    if (header) {
      areas.push({ rect: header, sticky: 'left' })
      areas.push({ rect: { x: header.w, y: header.y, w: scene.width - header.w, h: header.h } })
    }
  }
  return { notes, areas }
}

function hoverOf(
  hit: Hit,
  scene: Scene,
  camera: CameraController,
  connecting: boolean
): { cursor: string; hover: Hover | null } {
  switch (hit.kind) {
    case 'note':
      return { cursor: connecting ? 'crosshair' : 'grab', hover: null }
    case 'curvePoint': {
      const series =
        scene.legend
          .find((l) => l.id === hit.curve.id)
          ?.text.lines.map((l) => l.text)
          .join(' ') ?? ''
      const label = t('interaction.point.tooltip', { series, score: formatScore(hit.point.score) })
      return {
        cursor: 'ns-resize',
        hover: {
          kind: 'point',
          x: hit.point.x,
          y: hit.point.y,
          radius: hit.curve.pointRadius,
          color: hit.curve.stroke,
          label
        }
      }
    }
    case 'stageHeader':
    case 'laneHeader': {
      const sticky = stickyOf(scene, camera.visible())
      const rect = hit.kind === 'stageHeader' ? stageHeaderRect(hit.header, sticky) : laneHeaderRect(hit.header, sticky)
      const edge = hit.part === 'resize'
      const cursor = edge
        ? hit.kind === 'stageHeader'
          ? 'col-resize'
          : 'row-resize'
        : hit.part === 'toggle' || hit.header.collapsed
          ? 'pointer'
          : 'grab'
      return { cursor, hover: { kind: hit.kind, rect, collapsed: hit.header.collapsed, edge } }
    }
    case 'marker':
    case 'connector':
      return { cursor: 'pointer', hover: null }
    default:
      return { cursor: '', hover: null }
  }
}

const sameHover = (a: Hover | null, b: Hover | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.kind === b.kind &&
    (a.kind === 'point'
      ? b.kind === 'point' && a.x === b.x && a.y === b.y && a.label === b.label
      : b.kind !== 'point' &&
        a.rect.x === b.rect.x &&
        a.rect.y === b.rect.y &&
        a.rect.w === b.rect.w &&
        a.edge === b.edge &&
        a.collapsed === b.collapsed))

export function useBoardInteraction({ container, stage, camera, scene, index }: BoardInteractionDeps): void {
  const latest = useRef({ scene, index })
  useLayoutEffect(() => {
    latest.current = { scene, index }
  }, [scene, index])

  const [painter] = useState(
    () =>
      new InteractionPainter(() => stage.current?.findOne<Konva.Layer>('#drag-layer') ?? null, {
        zoom: () => camera.zoom,
        visible: () => camera.visible()
      })
  )
  useEffect(
    () => () => {
      painter.destroy()
      resetBoardUi()
    },
    [painter]
  )

  // Outlines follow the selection, the scene and the picked connector.
  useEffect(() => {
    const sync = () => {
      const { notes, areas } = selectionOutline(scene, useAppStore.getState().selection)
      painter.set({ scene, selectedNotes: notes, areas, connector: useBoardUi.getState().connectorId })
    }
    sync()
    const offStore = useAppStore.subscribe((s, prev) => {
      if (s.selection !== prev.selection) sync()
    })
    const offUi = useBoardUi.subscribe((s, prev) => {
      if (s.connectorId !== prev.connectorId) sync()
    })
    // The drag layer may not exist yet on the first render (the stage waits for its size).
    const frame = requestAnimationFrame(() => painter.redraw())
    return () => {
      offStore()
      offUi()
      cancelAnimationFrame(frame)
    }
  }, [painter, scene])

  useEffect(() => {
    const el = container.current
    if (!el) return
    let gesture: GestureState = IDLE
    let pointerId: number | null = null

    const world = (): World | null => {
      const state = useAppStore.getState()
      if (!state.openMap) return null
      const ui = useBoardUi.getState()
      return {
        ...latest.current,
        map: state.openMap,
        view: { zoom: camera.zoom, visible: camera.visible() },
        selection: state.selection,
        connectMode: ui.connectMode,
        activeSeries: ui.activeSeries,
        pathId: ui.pathId
      }
    }
    const inputOf = (e: MouseEvent): PointerInput => {
      const box = el.getBoundingClientRect()
      const screen = { x: e.clientX - box.left, y: e.clientY - box.top }
      const { x, y, zoom } = camera.camera
      return { screen, board: { x: (screen.x - x) / zoom, y: (screen.y - y) / zoom }, shift: e.shiftKey, alt: e.altKey }
    }
    const host: EffectHost = { state: useAppStore.getState, preview: (preview) => painter.set({ preview }) }
    /** A press on empty space is the board's pan (input.ts), not ours. */
    const passive = (state: GestureState) => state.kind === 'pointing' && state.pressed.on === 'empty'
    const apply = (transition: Transition) => {
      gesture = transition.state
      runEffects(transition.effects, host)
      el.dataset.gesture = gesture.kind === 'idle' || passive(gesture) ? '' : gesture.kind
    }
    const endPointer = () => {
      if (pointerId !== null && el.hasPointerCapture(pointerId)) el.releasePointerCapture(pointerId)
      pointerId = null
    }
    const cancel = () => {
      if (gesture.kind === 'idle') return
      apply(cancelGesture(gesture))
      endPointer()
    }

    const onPointerDown = (e: PointerEvent) => {
      if (e.button !== 0 || gesture.kind !== 'idle' || el.dataset.mode === 'grab') return
      if (useBoardUi.getState().menu) setBoardUi({ menu: null })
      const w = world()
      if (!w) return
      painter.set({ hover: null })
      const transition = pointerDown(gesture, inputOf(e), w)
      apply(transition)
      pointerId = e.pointerId
      if (transition.capture) {
        e.stopImmediatePropagation()
        e.preventDefault()
        el.setPointerCapture(e.pointerId)
        el.focus({ preventScroll: true })
      }
    }

    const onPointerMove = (e: PointerEvent) => {
      if (gesture.kind === 'idle') {
        if (e.buttons === 0) hover(inputOf(e), e.altKey)
        return
      }
      if (e.pointerId !== pointerId) return
      let input = inputOf(e)
      if (!passive(gesture) && gesture.kind !== 'pointing') {
        // Dragging towards an edge scrolls the board.
        const { width, height } = camera.viewport
        const dx = input.screen.x < EDGE_PX ? EDGE_STEP_PX : input.screen.x > width - EDGE_PX ? -EDGE_STEP_PX : 0
        const dy = input.screen.y < EDGE_PX ? EDGE_STEP_PX : input.screen.y > height - EDGE_PX ? -EDGE_STEP_PX : 0
        if (dx !== 0 || dy !== 0) {
          camera.panBy(dx, dy)
          input = inputOf(e)
        }
      }
      const w = world()
      if (w) apply(pointerMove(gesture, input, w))
    }

    const onPointerUp = (e: PointerEvent) => {
      if (gesture.kind === 'idle' || e.pointerId !== pointerId) return
      const w = world()
      if (w) apply(pointerUp(gesture, inputOf(e), w))
      else cancel()
      endPointer()
    }
    const onPointerCancel = (e: PointerEvent) => {
      if (e.pointerId === pointerId) cancel()
    }
    const onPointerLeave = () => {
      if (gesture.kind === 'idle') {
        el.dataset.hover = ''
        if (painter.current.hover) painter.set({ hover: null })
      }
    }

    const hover = (input: PointerInput, alt: boolean) => {
      const w = world()
      if (!w) return
      const hit = hitTest(w.scene, w.index, input.board, w.view)
      const next = hoverOf(hit, w.scene, camera, alt || w.connectMode)
      if (el.dataset.hover !== next.cursor) el.dataset.hover = next.cursor
      if (!sameHover(next.hover, painter.current.hover)) painter.set({ hover: next.hover })
    }

    const onDoubleClick = (e: MouseEvent) => {
      const w = world()
      if (!w) return
      const hit = hitTest(w.scene, w.index, inputOf(e).board, w.view)
      const state = useAppStore.getState()
      switch (hit.kind) {
        case 'note':
          if (w.connectMode) return
          perform({ type: 'editNote', noteId: hit.note.id }, state)
          break
        case 'cell':
          if (!canAddNote(w.map, hit.cell.stageId, hit.cell.laneId)) return
          state.select({ kind: 'cell', stageId: hit.cell.stageId, laneId: hit.cell.laneId })
          startNewNote(w.map, hit.cell.stageId, hit.cell.laneId)
          break
        case 'stageHeader':
          if (hit.part !== 'body' || hit.header.collapsed) return
          perform({ type: 'rename', target: { kind: 'stage', id: hit.header.id } }, state)
          break
        case 'laneHeader':
          if (hit.part !== 'body' || hit.header.collapsed) return
          perform({ type: 'rename', target: { kind: 'lane', id: hit.header.id } }, state)
          break
        case 'connector':
          perform({ type: 'rename', target: { kind: 'connector', id: hit.connector.id } }, state)
          break
        case 'marker': {
          const marker = w.map.markers.find((m) => m.id === hit.marker.id)
          if (marker) perform({ type: 'markerDialog', target: marker.target, markerId: marker.id }, state)
          break
        }
        default:
          return
      }
      e.preventDefault()
    }

    /** Selects what was right-clicked (unless it is part of the selection) and says what the menu is about. */
    const contextOf = (hit: Hit): MenuContext | null => {
      const state = useAppStore.getState()
      const selected = state.selection.kind === 'notes' ? state.selection.noteIds : []
      switch (hit.kind) {
        case 'note':
          if (!selected.includes(hit.note.id)) state.selectNotes([hit.note.id])
          return { kind: 'notes', noteIds: selected.includes(hit.note.id) ? selected : [hit.note.id] }
        case 'cell':
          state.select({ kind: 'cell', stageId: hit.cell.stageId, laneId: hit.cell.laneId })
          return { kind: 'cell', stageId: hit.cell.stageId, laneId: hit.cell.laneId }
        case 'stageHeader':
          state.select({ kind: 'stage', stageId: hit.header.id })
          return { kind: 'stage', stageId: hit.header.id }
        case 'laneHeader':
          state.select({ kind: 'lane', laneId: hit.header.id })
          return { kind: 'lane', laneId: hit.header.id }
        case 'curvePoint':
          setBoardUi({ activeSeries: { personaId: hit.curve.personaId, variant: hit.curve.variant } })
          return { kind: 'point', pointId: hit.point.id }
        case 'marker':
          setBoardUi({ markerId: hit.marker.id })
          return { kind: 'marker', markerId: hit.marker.id }
        case 'connector':
          state.clearSelection()
          setBoardUi({ connectorId: hit.connector.id })
          return { kind: 'connector', connectorId: hit.connector.id }
        default:
          return null
      }
    }

    const onContextMenu = (e: MouseEvent) => {
      e.preventDefault()
      cancel()
      const w = world()
      if (!w) return
      const context = contextOf(hitTest(w.scene, w.index, inputOf(e).board, w.view))
      if (context) setBoardUi({ menu: { x: e.clientX, y: e.clientY, context } })
    }

    /** The context menu of the selection, opened from the keyboard below the selection. */
    const menuForSelection = (): boolean => {
      const state = useAppStore.getState()
      const { scene } = latest.current
      const ui = useBoardUi.getState()
      const selection = state.selection
      let context: MenuContext | null = null
      if (selection.kind === 'notes') context = { kind: 'notes', noteIds: selection.noteIds }
      else if (selection.kind === 'cell')
        context = { kind: 'cell', stageId: selection.stageId, laneId: selection.laneId }
      else if (selection.kind === 'stage') context = { kind: 'stage', stageId: selection.stageId }
      else if (selection.kind === 'lane') context = { kind: 'lane', laneId: selection.laneId }
      else if (ui.connectorId) context = { kind: 'connector', connectorId: ui.connectorId }
      if (!context) return false
      const box = el.getBoundingClientRect()
      const rect = selectionRect(scene, selection)
      const { x, y, zoom } = camera.camera
      const sticky = stickyOf(scene, camera.visible())
      const at = rect
        ? {
            x: rect.x * zoom + x + 8,
            y:
              (selection.kind === 'stage'
                ? sticky.top + rect.h
                : Math.min(rect.y + rect.h, camera.visible().y + camera.visible().h)) *
                zoom +
              y
          }
        : { x: camera.viewport.width / 2, y: camera.viewport.height / 2 }
      setBoardUi({ menu: { x: box.left + Math.max(0, at.x), y: box.top + Math.max(0, at.y), context } })
      return true
    }

    const revealSelection = (selection: Selection) => {
      const rect = selectionRect(latest.current.scene, selection)
      if (rect) reveal(camera, rect, selection.kind === 'stage' ? 'x' : selection.kind === 'lane' ? 'y' : 'xy')
    }

    const runKey = (action: BoardKeyAction): boolean => {
      const state = useAppStore.getState()
      const map = state.openMap
      if (!map) return false
      const ui = useBoardUi.getState()
      const selection = state.selection
      switch (action.type) {
        case 'move': {
          const next = navigate(latest.current.scene, selection, action.direction)
          if (next) {
            state.select(next)
            revealSelection(next)
          }
          return true
        }
        case 'newNote': {
          if (selection.kind === 'stage' || selection.kind === 'lane') return false
          const cell = cellForNewNote(map, selection)
          if (!cell) return false
          revealSelection({ kind: 'cell', ...cell })
          return startNewNote(map, cell.stageId, cell.laneId)
        }
        case 'edit':
          if (selection.kind === 'notes') {
            if (selection.noteIds.length !== 1) return false
            perform({ type: 'editNote', noteId: selection.noteIds[0]! }, state)
            return true
          }
          if (selection.kind === 'cell') return startNewNote(map, selection.stageId, selection.laneId)
          if (selection.kind === 'stage')
            perform({ type: 'rename', target: { kind: 'stage', id: selection.stageId } }, state)
          else if (selection.kind === 'lane')
            perform({ type: 'rename', target: { kind: 'lane', id: selection.laneId } }, state)
          else if (ui.connectorId) perform({ type: 'rename', target: { kind: 'connector', id: ui.connectorId } }, state)
          else return false
          return true
        case 'menu':
          return menuForSelection()
        case 'delete':
          if (selection.kind === 'stage') perform({ type: 'deleteStage', stageId: selection.stageId }, state)
          else if (selection.kind === 'lane') perform({ type: 'deleteLane', laneId: selection.laneId }, state)
          else if (selection.kind === 'none' && ui.connectorId) {
            state.execute('disconnect', { connectorId: ui.connectorId })
            setBoardUi({ connectorId: null })
          } else return false
          return true
        case 'escape':
          if (ui.connectMode) setBoardUi({ connectMode: false })
          else if (ui.connectorId) setBoardUi({ connectorId: null })
          else if (ui.painPointsOpen && selection.kind === 'none') setBoardUi({ painPointsOpen: false })
          else return false
          return true
        case 'zoomSelection':
          return zoomToSelection(camera, latest.current.scene, selection)
        case 'zoomFit':
          camera.fit()
          return true
      }
    }

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return
      if (e.key === 'Escape' && gesture.kind !== 'idle' && !passive(gesture)) {
        cancel()
        e.preventDefault()
        return
      }
      if (overlayOpen(useBoardUi.getState()) || !keysForBoard(e.target, el)) return
      const action = boardKeyAction(e)
      if (action && runKey(action)) e.preventDefault()
    }
    const onBlur = () => cancel()

    const capture = { capture: true }
    el.addEventListener('pointerdown', onPointerDown, capture)
    el.addEventListener('pointermove', onPointerMove, capture)
    el.addEventListener('pointerup', onPointerUp, capture)
    el.addEventListener('pointercancel', onPointerCancel, capture)
    el.addEventListener('pointerleave', onPointerLeave)
    el.addEventListener('dblclick', onDoubleClick)
    el.addEventListener('contextmenu', onContextMenu)
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('blur', onBlur)
    return () => {
      cancel()
      el.removeEventListener('pointerdown', onPointerDown, capture)
      el.removeEventListener('pointermove', onPointerMove, capture)
      el.removeEventListener('pointerup', onPointerUp, capture)
      el.removeEventListener('pointercancel', onPointerCancel, capture)
      el.removeEventListener('pointerleave', onPointerLeave)
      el.removeEventListener('dblclick', onDoubleClick)
      el.removeEventListener('contextmenu', onContextMenu)
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('blur', onBlur)
    }
  }, [container, camera, painter])
}
