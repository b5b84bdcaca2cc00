/**
 * The board's interactions without a browser: the gesture machine fed pointer events over a real
 * layout, its effects carried out on a real editor store (commands, undo/redo, drag state), the
 * arrow-key navigation, the board keys, the context menus and the note editor's commit rules.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { cellNotes } from '../../src/shared/commands'
import { layoutMap, plotBand, scoreToY, type Point, type Scene } from '../../src/shared/layout'
import type { JourneyMap } from '../../src/shared/model'
import { commitNoteText, perform, runEffects, type EffectHost } from '../../src/renderer/src/editing/actions'
import { dropAt, hitTest, stickyOf } from '../../src/renderer/src/board/interaction/geometry'
import {
  cancelGesture,
  IDLE,
  pointerDown,
  pointerMove,
  pointerUp,
  type GestureState,
  type Preview,
  type World
} from '../../src/renderer/src/editing/gesture'
import { boardKeyAction } from '../../src/renderer/src/editing/board-keys'
import { navigate, zoomRect, zoomToSelection } from '../../src/renderer/src/editing/navigation'
import { CameraController } from '../../src/renderer/src/board/camera'
import { resetBoardUi, useBoardUi } from '../../src/renderer/src/editing/ui-store'
import { SceneIndex } from '../../src/renderer/src/board/scene-index'
import { menuItems, type MenuItem } from '../../src/renderer/src/editing/menu-model'
import { createAppStore } from '../../src/renderer/src/store'
import { selectCanRedo, selectCanUndo, selectUndoLabel } from '../../src/renderer/src/store/editor'
import { visibleText } from './visible-text'
import { buildMap, FIXED_NOW } from './fixtures'
import { fakeMeasure, seededIds } from './layout-fixtures'

type Store = ReturnType<typeof createAppStore>

/** Three stages; touchpoints, pain points and an emotion lane; a few notes and a curve. */
function workshopMap(): JourneyMap {
  return buildMap({
    stages: ['s1', 's2', 's3'],
    lanes: [
      { id: 'l1', kind: 'touchpoints', title: 'Touchpoints' },
      { id: 'l2', kind: 'painPoints', title: 'Pain points' },
      { id: 'le', kind: 'emotions', title: 'Emotions', height: 180 }
    ],
    personaIds: ['p1', 'p2'],
    notes: [
      { id: 'a', stageId: 's1', laneId: 'l1', text: 'Ad' },
      { id: 'b', stageId: 's1', laneId: 'l1', text: 'Blog post' },
      { id: 'c', stageId: 's2', laneId: 'l1', text: 'Demo call' },
      { id: 'd', stageId: 's2', laneId: 'l2', text: 'Price shock' }
    ],
    emotionPoints: [
      { id: 'e1', personaId: 'p1', stageId: 's1', score: 0 },
      { id: 'e2', personaId: 'p1', stageId: 's2', score: -1 }
    ]
  })
}

/** The app store with a map open, as after goToMap, saving nowhere (no API). */
function openStore(map: JourneyMap): Store {
  const store = createAppStore({ newId: seededIds('new'), now: () => FIXED_NOW })
  store.setState({ route: { name: 'map', mapId: map.id } })
  store.getState().showLoadedMap(map)
  return store
}

/** A board session: the store, the scene drawn from its map, and the gesture machine between them. */
class Harness {
  state: GestureState = IDLE
  previews: (Preview | null)[] = []
  scene!: Scene
  index!: SceneIndex
  private sceneOf: JourneyMap | null = null

  constructor(readonly store: Store) {}

  get map(): JourneyMap {
    return this.store.getState().openMap as JourneyMap
  }

  world(): World {
    if (this.sceneOf !== this.map) {
      this.scene = layoutMap(this.map, fakeMeasure)
      this.index = new SceneIndex(this.scene)
      this.sceneOf = this.map
    }
    const ui = useBoardUi.getState()
    return {
      scene: this.scene,
      index: this.index,
      map: this.map,
      // 100% zoom, the board's corner at the screen's: board and screen points are the same.
      view: { zoom: 1, visible: { x: 0, y: 0, w: 4000, h: 3000 } },
      selection: this.store.getState().selection,
      connectMode: ui.connectMode,
      activeSeries: ui.activeSeries
    }
  }

  private readonly host: EffectHost = {
    state: () => this.store.getState(),
    preview: (preview) => {
      this.previews.push(preview)
    }
  }

  private input(p: Point, mods: { shift?: boolean; alt?: boolean } = {}) {
    return { screen: p, board: p, shift: mods.shift ?? false, alt: mods.alt ?? false }
  }

  down(p: Point, mods?: { shift?: boolean; alt?: boolean }): boolean {
    const t = pointerDown(this.state, this.input(p, mods), this.world())
    this.state = t.state
    runEffects(t.effects, this.host)
    return t.capture
  }

  move(p: Point, mods?: { shift?: boolean; alt?: boolean }): void {
    const t = pointerMove(this.state, this.input(p, mods), this.world())
    this.state = t.state
    runEffects(t.effects, this.host)
  }

  up(p: Point, mods?: { shift?: boolean; alt?: boolean }): void {
    const t = pointerUp(this.state, this.input(p, mods), this.world())
    this.state = t.state
    runEffects(t.effects, this.host)
  }

  cancel(): void {
    const t = cancelGesture(this.state)
    this.state = t.state
    runEffects(t.effects, this.host)
  }

  /** A whole drag, in steps, as a hand makes it. */
  drag(from: Point, to: Point, mods?: { shift?: boolean; alt?: boolean }): boolean {
    const captured = this.down(from, mods)
    for (let i = 1; i <= 4; i++)
      this.move({ x: from.x + ((to.x - from.x) * i) / 4, y: from.y + ((to.y - from.y) * i) / 4 }, mods)
    this.up(to, mods)
    return captured
  }

  click(p: Point, mods?: { shift?: boolean; alt?: boolean }): boolean {
    const captured = this.down(p, mods)
    this.up(p, mods)
    return captured
  }

  note(id: string) {
    this.world()
    const note = this.scene.notes.find((n) => n.id === id)
    if (!note) throw new Error(`note ${id} is not drawn`)
    return note
  }

  centreOf(id: string): Point {
    const n = this.note(id)
    return { x: n.x + n.w / 2, y: n.y + n.h / 2 }
  }

  cell(stageId: string, laneId: string) {
    this.world()
    const cell = this.scene.cells.find((c) => c.stageId === stageId && c.laneId === laneId)
    if (!cell) throw new Error(`no cell ${stageId}:${laneId}`)
    return cell
  }

  /** A point in a cell's empty lower part. */
  emptyIn(stageId: string, laneId: string): Point {
    const c = this.cell(stageId, laneId)
    return { x: c.x + c.w / 2, y: c.y + c.h - 6 }
  }

  undoSteps(): number {
    return this.store.getState().editorSessions.get(this.map.id)?.undo.length ?? 0
  }
}

const cellOrder = (map: JourneyMap, stageId: string, laneId: string) => cellNotes(map, stageId, laneId).map((n) => n.id)

let h: Harness
beforeEach(() => {
  resetBoardUi()
  h = new Harness(openStore(workshopMap()))
})

describe('selecting', () => {
  it('a click selects a note, shift-click toggles it in and out, a click on empty space selects the cell', () => {
    expect(h.click(h.centreOf('a'))).toBe(true)
    expect(h.store.getState().selection).toEqual({ kind: 'notes', noteIds: ['a'] })
    h.click(h.centreOf('c'), { shift: true })
    expect(h.store.getState().selection).toEqual({ kind: 'notes', noteIds: ['a', 'c'] })
    h.click(h.centreOf('a'), { shift: true })
    expect(h.store.getState().selection).toEqual({ kind: 'notes', noteIds: ['c'] })

    // Empty space is not taken (the board pans on a drag there); a click selects the cell.
    expect(h.click(h.emptyIn('s3', 'l2'))).toBe(false)
    expect(h.store.getState().selection).toEqual({ kind: 'cell', stageId: 's3', laneId: 'l2' })
  })

  it('a drag on empty space is a pan (nothing selected), with shift a rubber band that adds the notes it meets', () => {
    h.click(h.centreOf('d'))
    const start = h.emptyIn('s3', 'l1')
    const captured = h.drag(start, { x: h.note('a').x + 2, y: h.note('a').y + 2 })
    expect(captured).toBe(false)
    expect(h.store.getState().selection).toEqual({ kind: 'notes', noteIds: ['d'] })

    // From right of "Demo call" to inside "Ad": the band meets both (not "Blog post", below "Ad").
    const a = h.note('a')
    const c = h.note('c')
    h.drag({ x: c.x + c.w + 4, y: c.y + c.h + 2 }, { x: a.x + 4, y: a.y + 4 }, { shift: true })
    expect(h.previews.some((p) => (p?.bandNotes?.length ?? 0) > 0)).toBe(true)
    const selection = h.store.getState().selection
    expect(selection.kind === 'notes' && [...selection.noteIds].sort()).toEqual(['a', 'c', 'd'])
    expect(h.undoSteps()).toBe(0)
  })
})

describe('dragging notes', () => {
  it('moves a note into another cell at the position under the pointer, as one undo step; undo and redo', () => {
    const before = h.map
    const c = h.note('c')
    // Drop above "Demo call": first in its cell.
    h.drag(h.centreOf('a'), { x: c.x + c.w / 2, y: c.y + 3 })
    expect(cellOrder(h.map, 's2', 'l1')).toEqual(['a', 'c'])
    expect(cellOrder(h.map, 's1', 'l1')).toEqual(['b'])
    expect(h.undoSteps()).toBe(1)
    expect(visibleText(selectUndoLabel(h.store.getState()))).toBe('Undo Move note')
    expect(h.store.getState().drag).toBeNull()
    // The drop line was shown above the note it lands before.
    const line = h.previews.findLast((p) => p?.dropLine)?.dropLine
    expect(line?.y).toBeLessThan(c.y)

    expect(h.store.getState().undo()).toBe(true)
    expect(cellOrder(h.map, 's1', 'l1')).toEqual(cellOrder(before, 's1', 'l1'))
    expect(cellOrder(h.map, 's2', 'l1')).toEqual(['c'])
    expect(h.store.getState().redo()).toBe(true)
    expect(cellOrder(h.map, 's2', 'l1')).toEqual(['a', 'c'])
  })

  it('reorders within a cell, and drags the whole selection together', () => {
    const a = h.note('a')
    h.drag(h.centreOf('b'), { x: a.x + a.w / 2, y: a.y + 2 })
    expect(cellOrder(h.map, 's1', 'l1')).toEqual(['b', 'a'])

    h.click(h.centreOf('a'))
    h.click(h.centreOf('b'), { shift: true })
    h.drag(h.centreOf('a'), h.emptyIn('s3', 'l2'))
    expect(cellOrder(h.map, 's3', 'l2')).toEqual(['b', 'a'])
    expect(h.undoSteps()).toBe(2)
  })

  it('is cancelled by Esc (nothing changes, nothing to undo), and a drop where notes cannot go changes nothing', () => {
    const before = h.map
    h.down(h.centreOf('a'))
    h.move({ x: 400, y: 300 })
    h.move(h.emptyIn('s3', 'l1'))
    expect(h.store.getState().drag?.target).toMatchObject({ stageId: 's3', laneId: 'l1' })
    h.cancel()
    expect(h.state).toEqual(IDLE)
    expect(h.store.getState().drag).toBeNull()
    expect(h.map).toBe(before)
    expect(h.previews.at(-1)).toBeNull()

    // Onto the emotion lane: it holds the curves, not notes.
    h.drag(h.centreOf('a'), h.emptyIn('s3', 'le'))
    expect(h.map).toBe(before)
    expect(selectCanUndo(h.store.getState())).toBe(false)
  })

  it('a press that moves less than the threshold is a click, not a move', () => {
    const before = h.map
    const p = h.centreOf('a')
    h.down(p)
    h.move({ x: p.x + 2, y: p.y + 1 })
    h.up({ x: p.x + 2, y: p.y + 1 })
    expect(h.map).toBe(before)
    expect(h.store.getState().selection).toEqual({ kind: 'notes', noteIds: ['a'] })
  })

  it('drop targets count positions among the notes not being dragged', () => {
    const w = h.world()
    const b = h.note('b')
    const drop = dropAt(w.scene, w.index, w.map, { x: b.x + 5, y: b.y + b.h - 2 }, w.view, new Set(['a']))
    expect(drop?.target).toEqual({ stageId: 's1', laneId: 'l1', index: 1 })
    const top = dropAt(w.scene, w.index, w.map, { x: b.x + 5, y: b.y + 2 }, w.view, new Set(['a']))
    expect(top?.target.index).toBe(0)
    // Under the sticky header row there is nothing to drop on.
    expect(
      dropAt(w.scene, w.index, w.map, { x: b.x, y: stickyOf(w.scene, w.view.visible).top + 10 }, w.view, new Set())
    ).toBeNull()
  })
})

describe('the emotion curve', () => {
  const band = () => {
    const lane = h.world().scene.laneHeaders.find((l) => l.id === 'le')!
    return plotBand(lane.y, lane.h)
  }
  const pointAt = (stageId: string, score: number) => {
    const header = h.world().scene.stageHeaders.find((s) => s.id === stageId)!
    const { top, bottom } = band()
    return { x: header.x + header.w / 2, y: scoreToY(score, { min: -2, max: 2 }, top, bottom) }
  }
  const score = (stageId: string, personaId = 'p1') =>
    h.map.emotionPoints.find((p) => p.stageId === stageId && p.personaId === personaId)?.score

  it('drags a point vertically, snapping to whole scores, as one step', () => {
    const from = pointAt('s2', -1)
    expect(hitTest(h.world().scene, h.world().index, from, h.world().view).kind).toBe('curvePoint')
    const to = pointAt('s2', 1)
    h.drag(from, { x: from.x + 9, y: to.y + 6 })
    expect(score('s2')).toBe(1)
    expect(h.undoSteps()).toBe(1)
    expect(h.previews.findLast((p) => p?.point)?.point?.score).toBe(1)
    h.store.getState().undo()
    expect(score('s2')).toBe(-1)
  })

  it('past the top of the scale sticks to its top; back where it was records nothing', () => {
    const from = pointAt('s1', 0)
    h.drag(from, { x: from.x, y: from.y - 500 })
    expect(score('s1')).toBe(2)
    const again = pointAt('s1', 2)
    h.drag(again, { x: again.x, y: again.y + 40 })
    h.drag(pointAt('s1', score('s1')!), { x: again.x, y: pointAt('s1', score('s1')!).y + 1 })
    expect(h.undoSteps()).toBe(2)
  })

  it('a click over a stage where the series has no point creates one at the height clicked', () => {
    const at = pointAt('s3', -2)
    h.click({ x: at.x + 30, y: at.y })
    expect(score('s3')).toBe(-2)
    expect(useBoardUi.getState().activeSeries).toEqual({ personaId: 'p1', variant: 'asIs' })
    // Where the series already has a point, a click selects the cell.
    const s1 = pointAt('s1', 1)
    h.click({ x: s1.x + 30, y: s1.y })
    expect(score('s1')).toBe(0)
    expect(h.store.getState().selection).toEqual({ kind: 'cell', stageId: 's1', laneId: 'le' })
  })
})

describe('stages and lanes', () => {
  const header = (id: string) => h.world().scene.stageHeaders.find((s) => s.id === id)!

  it('a header dragged along the row moves its stage; its edge resizes it; its button folds it', () => {
    const s1 = header('s1')
    const s3 = header('s3')
    h.drag({ x: s1.x + 40, y: 30 }, { x: s3.x + s3.w - 10, y: 30 })
    expect([...h.map.stages].sort((a, b) => a.order - b.order).map((s) => s.id)).toEqual(['s2', 's3', 's1'])

    const s2 = header('s2')
    h.drag({ x: s2.x + s2.w, y: 30 }, { x: s2.x + s2.w + 60, y: 30 })
    expect(h.map.stages.find((s) => s.id === 's2')?.width).toBe(s2.w + 60)

    const s3now = header('s3')
    h.click({ x: s3now.x + s3now.w - 14, y: 14 })
    expect(h.map.stages.find((s) => s.id === 's3')?.collapsed).toBe(true)
    // A click on a folded header unfolds it.
    const folded = header('s3')
    h.click({ x: folded.x + folded.w / 2, y: 40 })
    expect(h.map.stages.find((s) => s.id === 's3')?.collapsed).toBe(false)
    expect(h.undoSteps()).toBe(4)
  })

  it('a click on a header selects the stage; lanes move and resize from their header', () => {
    const s2 = header('s2')
    h.click({ x: s2.x + 30, y: 40 })
    expect(h.store.getState().selection).toEqual({ kind: 'stage', stageId: 's2' })
    const l1 = h.world().scene.laneHeaders.find((l) => l.id === 'l1')!
    const l2 = h.world().scene.laneHeaders.find((l) => l.id === 'l2')!
    h.drag({ x: 40, y: l1.y + 30 }, { x: 40, y: l2.y + l2.h - 5 })
    expect([...h.map.lanes].sort((a, b) => a.order - b.order).map((l) => l.id)).toEqual(['l2', 'l1', 'le'])
    const moved = h.world().scene.laneHeaders.find((l) => l.id === 'l1')!
    h.drag({ x: 40, y: moved.y + moved.h }, { x: 40, y: moved.y + moved.h + 50 })
    expect(h.map.lanes.find((l) => l.id === 'l1')?.height).toBe(moved.h + 50)
  })
})

describe('connecting notes', () => {
  it('alt-drag from one note to another draws an arrow and opens its label', () => {
    h.drag(h.centreOf('a'), h.centreOf('d'), { alt: true })
    expect(h.map.connectors).toEqual([expect.objectContaining({ fromNoteId: 'a', toNoteId: 'd', label: '' })])
    const id = h.map.connectors[0]!.id
    expect(useBoardUi.getState().rename).toEqual({ kind: 'connector', id })
    // Let go over nothing: no arrow.
    useBoardUi.setState({ connectMode: true, rename: null })
    h.drag(h.centreOf('b'), h.emptyIn('s3', 'l2'))
    expect(h.map.connectors).toHaveLength(1)
    expect(cellOrder(h.map, 's1', 'l1')).toEqual(['a', 'b']) // the Connect tool does not move notes
  })
})

describe('the note editor', () => {
  it('creates a new note only on commit and only with text; an edit keeps the note and is one step', () => {
    commitNoteText(h.store.getState(), { kind: 'new', stageId: 's3', laneId: 'l1' }, '   ')
    expect(h.map.notes).toHaveLength(4)
    expect(selectCanUndo(h.store.getState())).toBe(false)

    commitNoteText(h.store.getState(), { kind: 'new', stageId: 's3', laneId: 'l1' }, 'Webinar')
    const added = h.map.notes.find((n) => n.text === 'Webinar')!
    expect(added).toMatchObject({ stageId: 's3', laneId: 'l1', kind: 'touchpoint' })
    expect(h.store.getState().selection).toEqual({ kind: 'notes', noteIds: [added.id] })

    commitNoteText(h.store.getState(), { kind: 'note', noteId: added.id }, 'Webinar')
    expect(h.undoSteps()).toBe(1) // unchanged text is no edit
    commitNoteText(h.store.getState(), { kind: 'note', noteId: added.id }, 'Onboarding webinar')
    expect(h.undoSteps()).toBe(2)
    h.store.getState().undo()
    h.store.getState().undo()
    expect(h.map.notes.some((n) => n.id === added.id)).toBe(false)
    expect(selectCanRedo(h.store.getState())).toBe(true)
  })

  it('N opens a new note in the cell of the selection; notes are not added to the emotion lane', () => {
    h.click(h.emptyIn('s3', 'l2'))
    perform({ type: 'newNote', stageId: 's3', laneId: 'l2' }, h.store.getState())
    expect(useBoardUi.getState().editor).toEqual({ kind: 'new', stageId: 's3', laneId: 'l2' })
    resetBoardUi()
    perform({ type: 'newNote', stageId: 's3', laneId: 'le' }, h.store.getState())
    expect(useBoardUi.getState().editor).toBeNull()
  })
})

describe('keys and menus', () => {
  const press = (key: string, mods: Partial<{ shift: boolean; ctrl: boolean; alt: boolean }> = {}) =>
    boardKeyAction({
      key,
      code: key.length === 1 ? `Key${key.toUpperCase()}` : key,
      shiftKey: mods.shift ?? false,
      ctrlKey: mods.ctrl ?? false,
      metaKey: false,
      altKey: mods.alt ?? false
    })

  it('maps keys to board actions and leaves the editing shortcuts alone', () => {
    expect(press('ArrowDown')).toEqual({ type: 'move', direction: 'down' })
    expect(press('n')).toEqual({ type: 'newNote' })
    expect(press('Enter')).toEqual({ type: 'edit' })
    expect(press('F2')).toEqual({ type: 'edit' })
    expect(press('F10', { shift: true })).toEqual({ type: 'menu' })
    expect(press('ContextMenu')).toEqual({ type: 'menu' })
    expect(press('z', { ctrl: true })).toBeNull()
    expect(press('ArrowDown', { shift: true })).toBeNull()
  })

  it('Shift+2 zooms to the selection and Shift+1 to the map, by key position on any layout', () => {
    const digit = (key: string, code: string, shift = true) =>
      boardKeyAction({ key, code, shiftKey: shift, ctrlKey: false, metaKey: false, altKey: false })
    expect(digit('@', 'Digit2')).toEqual({ type: 'zoomSelection' })
    expect(digit('"', 'Digit2')).toEqual({ type: 'zoomSelection' }) // German layout
    expect(digit('!', 'Digit1')).toEqual({ type: 'zoomFit' })
    expect(digit('2', 'Digit2', false)).toBeNull()
  })

  it('zooming to a selection fits the notes, cell, column or row with room for the sticky headers', () => {
    const { scene } = h.world()
    const note = scene.notes.find((n) => n.id === 'a')!
    const rect = zoomRect(scene, { kind: 'notes', noteIds: ['a'] })!
    expect(rect.x + rect.w).toBe(note.x + note.w)
    expect(rect.y + rect.h).toBe(note.y + note.h)
    expect(rect.x).toBeLessThan(note.x)
    expect(zoomRect(scene, { kind: 'stage', stageId: 's2' })!.h).toBe(scene.height)
    expect(zoomRect(scene, { kind: 'none' })).toBeNull()

    const camera = new CameraController()
    camera.resize({ width: scene.width, height: scene.height }, { width: 1200, height: 800 })
    const before = camera.zoom
    expect(zoomToSelection(camera, scene, { kind: 'notes', noteIds: ['a'] })).toBe(true)
    expect(camera.zoom).toBeGreaterThan(before)
    const { x, y, zoom } = camera.camera
    // The note is on screen.
    expect(note.x * zoom + x).toBeGreaterThan(0)
    expect((note.x + note.w) * zoom + x).toBeLessThan(1200)
    expect((note.y + note.h) * zoom + y).toBeLessThan(800)
  })

  it('arrows walk the notes of a cell, then on to the neighbouring cells', () => {
    const { scene } = h.world()
    const go = (from: Parameters<typeof navigate>[1], d: Parameters<typeof navigate>[2]) => navigate(scene, from, d)
    expect(go({ kind: 'none' }, 'down')).toEqual({ kind: 'notes', noteIds: ['a'] })
    expect(go({ kind: 'notes', noteIds: ['a'] }, 'down')).toEqual({ kind: 'notes', noteIds: ['b'] })
    expect(go({ kind: 'notes', noteIds: ['b'] }, 'down')).toEqual({ kind: 'cell', stageId: 's1', laneId: 'l2' })
    expect(go({ kind: 'cell', stageId: 's1', laneId: 'l2' }, 'right')).toEqual({ kind: 'notes', noteIds: ['d'] })
    expect(go({ kind: 'notes', noteIds: ['d'] }, 'up')).toEqual({ kind: 'notes', noteIds: ['c'] })
    expect(go({ kind: 'notes', noteIds: ['b'] }, 'right')).toEqual({ kind: 'notes', noteIds: ['c'] })
    expect(go({ kind: 'notes', noteIds: ['a'] }, 'up')).toBeNull()
    expect(go({ kind: 'stage', stageId: 's1' }, 'right')).toEqual({ kind: 'stage', stageId: 's2' })
  })

  const find = (items: readonly MenuItem[], id: string): MenuItem => {
    for (const item of items) {
      if (item.id === id) return item
      const inner = item.submenu && find(item.submenu, id)
      if (inner) return inner
    }
    return undefined as unknown as MenuItem
  }

  it('a note’s menu recolours, re-kinds, tags and deletes all the selected notes', () => {
    const personas = [
      { id: 'p1', name: 'Maya', color: '#e8590c' },
      { id: 'p2', name: 'Dev', color: '#1c7ed6' }
    ]
    const items = menuItems({ kind: 'notes', noteIds: ['a', 'c'] }, h.map, personas)
    expect(items.map((i) => i.id)).toEqual(['color', 'kind', 'channel', 'category', 'personas', 'duplicate', 'delete'])
    perform(find(items, 'color-#f8bbd0').action!, h.store.getState())
    expect(h.map.notes.filter((n) => ['a', 'c'].includes(n.id)).map((n) => n.color)).toEqual(['#f8bbd0', '#f8bbd0'])
    perform(
      find(menuItems({ kind: 'notes', noteIds: ['a', 'c'] }, h.map, personas), 'persona-p2').action!,
      h.store.getState()
    )
    expect(
      h.map.notes
        .filter((n) => n.personaIds.includes('p2'))
        .map((n) => n.id)
        .sort()
    ).toEqual(['a', 'c'])
    const again = menuItems({ kind: 'notes', noteIds: ['a', 'c'] }, h.map, personas)
    expect(find(again, 'persona-p2').checked).toBe(true)
    perform(find(again, 'delete').action!, h.store.getState())
    expect(h.map.notes.map((n) => n.id).sort()).toEqual(['b', 'd'])
  })

  it('a single note offers a pain point; a curve point offers one too; a stage with notes asks before it goes', () => {
    const note = menuItems({ kind: 'notes', noteIds: ['d'] }, h.map, [])
    perform(find(note, 'pain').action!, h.store.getState())
    expect(useBoardUi.getState().dialog).toEqual({ kind: 'marker', target: { kind: 'note', noteId: 'd' } })

    const point = menuItems({ kind: 'point', pointId: 'e2' }, h.map, [])
    expect(find(point, 'pain').action).toEqual({
      type: 'markerDialog',
      target: { kind: 'curve', personaId: 'p1', variant: 'asIs', stageId: 's2' }
    })
    perform(find(point, 'score-2').action!, h.store.getState())
    expect(h.map.emotionPoints.find((p) => p.id === 'e2')?.score).toBe(2)

    resetBoardUi()
    perform(find(menuItems({ kind: 'stage', stageId: 's1' }, h.map, []), 'delete').action!, h.store.getState())
    expect(useBoardUi.getState().dialog).toEqual({ kind: 'confirmDelete', what: 'stage', id: 's1' })
    expect(h.map.stages).toHaveLength(3)
    // An empty stage goes at once (and comes back with undo).
    perform(find(menuItems({ kind: 'stage', stageId: 's3' }, h.map, []), 'delete').action!, h.store.getState())
    expect(h.map.stages.map((s) => s.id)).not.toContain('s3')
    h.store.getState().undo()
    expect(h.map.stages.map((s) => s.id)).toContain('s3')
  })
})
