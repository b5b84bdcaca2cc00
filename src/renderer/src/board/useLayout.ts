/**
 * The board's layout without freezing the page: the map is laid out in steps (layoutSteps) of a
 * few milliseconds each. A small map (or an edit, whose texts are mostly in the wrap cache)
 * finishes within the first budget, in the same render, as before. A big one is finished in
 * background tasks of at most SLICE_MS each; meanwhile the board shows the scene it had (after
 * an edit) or, when it opens, a preview with exactly the notes of the first view
 * (shared/layout/progressive.ts). `complete` says which: the board exposes it as
 * `data-layout="complete" | "partial"`.
 */
import { useEffect, useMemo, useState } from 'react'
import {
  layoutMap,
  layoutSteps,
  previewMap,
  type LayoutOptions,
  type PreviewColumns,
  type MeasureText,
  type Scene,
  type Camera
} from '../../../shared/layout'
import type { JourneyMap } from '../../../shared/model'
import { SceneIndex } from './scene-index'

/** Layout work done in the render that asks for it; more than this goes to background tasks. */
const FIRST_BUDGET_MS = 30
/**
 * An opening map with more notes than this cannot be laid out within FIRST_BUDGET_MS (≈ 13 notes
 * a millisecond with new texts): it goes straight to the preview of its first view instead of
 * spending the budget first on a layout the background has to finish anyway.
 */
const PREVIEW_FROM_NOTES = 400
/**
 * An opening map with more notes than this makes its preview in a task of its own, after a render
 * that shows the grid: the preview of a 50,000-note map and the board's first render together
 * held the page for over 100 ms.
 */
const PREVIEW_IN_TASK_FROM_NOTES = 10_000
/** Longest background task. */
const SLICE_MS = 12
/** The opening view is at least this zoom (CameraController.place), so it shows at most this much board. */
const OPENING_ZOOM = 0.5

/** What the first view shows of the board: down to `bottom`, across `columns` (board units). */
interface PreviewView {
  readonly bottom: number
  readonly columns: PreviewColumns
}

/** A scene and its spatial index. */
interface Laid {
  readonly scene: Scene
  readonly index: SceneIndex
}

export interface BoardLayout extends Laid {
  /** False while a big map is still being laid out (the scene is a preview or the previous one). */
  readonly complete: boolean
}

/** Runs `steps` until `until` has passed; the result when they are done. */
function advance<T>(steps: Generator<void, T>, until: number): T | null {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    if (performance.now() >= until) return null
  }
}

function* layoutAndIndex(map: JourneyMap, measure: MeasureText, options: LayoutOptions): Generator<void, Laid> {
  const scene = yield* layoutSteps(map, measure, options)
  const index = yield* SceneIndex.steps(scene)
  return { scene, index }
}

/** One layout of the map, started in a render and, when it is big, finished in background tasks. */
class LayoutRun {
  private readonly steps: Generator<void, Laid>
  private result: Laid | null
  private standIn: Laid | null
  /** The preview of a huge opening map, made in the first background task instead of the render. */
  private preview: (() => Laid | null) | null = null
  /** Waiting for fonts: no layout runs in the background. */
  private readonly waiting: boolean = false

  constructor(
    map: JourneyMap,
    measure: MeasureText,
    options: LayoutOptions,
    view: PreviewView,
    fontsReady: boolean,
    private readonly layouts: BoardLayouts
  ) {
    this.steps = layoutAndIndex(map, measure, options)
    if (!fontsReady && !layouts.last) {
      // Opening, with fonts the notes need still on their way: the grid without notes until
      // they come (a new measure, so a new run); laying notes out now would wrap them wrongly.
      const scene = layoutMap({ ...map, notes: [] }, measure, options)
      this.result = null
      this.standIn = { scene, index: new SceneIndex(scene) }
      this.waiting = true
      return
    }
    const opensBig = !layouts.last && map.notes.length > PREVIEW_FROM_NOTES
    this.result = opensBig ? null : advance(this.steps, performance.now() + FIRST_BUDGET_MS)
    let standIn = this.result ? null : layouts.last
    if (!this.result && !standIn) {
      const preview = (): Laid | null => {
        const part = previewMap(map, measure, options, view.bottom, view.columns)
        if (!part) return null
        const scene = layoutMap(part, measure, options)
        return { scene, index: new SceneIndex(scene) }
      }
      if (map.notes.length > PREVIEW_IN_TASK_FROM_NOTES) {
        const scene = layoutMap({ ...map, notes: [] }, measure, options)
        standIn = { scene, index: new SceneIndex(scene) }
        this.preview = preview
      } else {
        standIn = preview()
        if (!standIn) this.result = advance(this.steps, Infinity)
      }
    }
    this.standIn = standIn
    if (this.result) layouts.last = this.result
  }

  view(): BoardLayout {
    return this.result ? { ...this.result, complete: true } : { ...this.standIn!, complete: false }
  }

  /**
   * Makes the preview if it is still to be made (then calls `changed`), finishes the layout in
   * tasks of SLICE_MS, then calls `changed`; returns the cancel function.
   */
  finish(changed: () => void): () => void {
    if (this.result || this.waiting) return () => undefined
    let timer = 0
    const slice = () => {
      if (this.preview) {
        const made = this.preview()
        this.preview = null
        if (made) {
          this.standIn = made
          changed()
        }
        timer = window.setTimeout(slice, 0)
        return
      }
      const laid = advance(this.steps, performance.now() + SLICE_MS)
      if (!laid) {
        timer = window.setTimeout(slice, 0)
        return
      }
      this.result = laid
      this.layouts.last = laid
      changed()
    }
    timer = window.setTimeout(slice, 0)
    return () => window.clearTimeout(timer)
  }
}

/** The board's layouts over time: the last finished scene stands in while the next is made. */
class BoardLayouts {
  last: Laid | null = null

  start(
    map: JourneyMap,
    measure: MeasureText,
    options: LayoutOptions,
    view: PreviewView,
    fontsReady: boolean
  ): LayoutRun {
    return new LayoutRun(map, measure, options, view, fontsReady, this)
  }
}

/** What sizes the opening preview and whether it may start. */
export interface LayoutStart {
  /** The board's size on screen (the preview covers what the opening view can show). */
  readonly viewportHeight: number
  readonly viewportWidth: number
  /** The view the board opens on when it is not the default (a reload or Back returns to it). */
  readonly opening: Camera | null
  /** False while fonts the map needs are loading: an opening board then waits for them. */
  readonly fontsReady: boolean
}

export function useLayout(
  map: JourneyMap,
  measure: MeasureText,
  options: LayoutOptions,
  /** Changes when a note's picture is decoded: the same layout, a new scene to paint it. */
  pictures: unknown,
  start: LayoutStart
): BoardLayout {
  const [layouts] = useState(() => new BoardLayouts())
  const [, setFinished] = useState(0)
  const { personas, labels, cache, authors, pathId } = options
  const { viewportHeight, viewportWidth, opening, fontsReady } = start
  const run = useMemo(
    () => {
      void pictures
      const high = Math.max(viewportHeight, window.innerHeight)
      const wide = Math.max(viewportWidth, window.innerWidth)
      // The first view in board units: the default opening (at least OPENING_ZOOM, from the top
      // left corner), or the view the board reopens on.
      const view: PreviewView = opening
        ? {
            bottom: (high - opening.y) / opening.zoom,
            columns: { left: -opening.x / opening.zoom, right: (wide - opening.x) / opening.zoom }
          }
        : { bottom: high / OPENING_ZOOM, columns: { left: 0, right: wide / OPENING_ZOOM } }
      return layouts.start(map, measure, { personas, labels, cache, authors, pathId }, view, fontsReady)
    },
    // The viewport's height only sizes the first preview: a resize does not lay the map out again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [layouts, map, measure, personas, labels, cache, authors, pathId, pictures, fontsReady]
  )
  useEffect(() => run.finish(() => setFinished((n) => n + 1)), [run])
  return run.view()
}
