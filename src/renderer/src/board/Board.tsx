/**
 * The board: the map's scene on a Konva stage. Layout happens once per map change; React renders
 * the stage and its two layers, and a BoardRenderer (./render) draws the scene (KPI chips and
 * vote counts included) on the notes layer from cached tiles, moving the stage directly on every
 * camera change (no React render per frame); the drag layer above holds what the interactions
 * draw, and is hidden while they draw nothing, so a pan composites the notes layer alone.
 */
import type Konva from 'konva'
import {
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ComponentType,
  type ReactNode,
  type RefObject
} from 'react'
import { Layer, Stage } from 'react-konva'
import {
  createLayoutCache,
  type Camera,
  type LayoutCache,
  type LayoutPersona,
  type MeasureText,
  type Scene,
  type SeriesLabels
} from '../../../shared/layout'
import type { JourneyMap } from '../../../shared/model'
import { getLanguage, t } from '../i18n'
import { seriesLabels } from '../i18n/series-labels'
import { onMenuCommand } from '../api/ipc-transport'
import { CameraController, runZoomAction } from './camera'
import { FindBar } from './FindBar'
import { onPictureReady, picturesReady } from './note-images'
import { usePictureDrop } from './usePictureDrop'
import { Overview, ReadableTitles } from './Overview'
import { usePanelInsets } from './usePanelInsets'
import { useBoardInput } from './input'
import { ensureTextFor, holdFontWarmUp, textEngine } from '../fonts'
import { createBoardMeasure } from './measure'
import { useBoardRenderer } from './render/useBoardRenderer'
import { useLayout } from './useLayout'
import type { SceneIndex } from './scene-index'
import { ZoomToolbar } from './ZoomToolbar'
import { BoardInteraction } from './interaction/BoardInteraction'
import { useBoardUi } from '../editing/ui-store'

/** Below this zoom, note text turns into bars. */
export { LOD_ZOOM } from './render/lod'

export interface BoardProps {
  readonly map: JourneyMap
  readonly personas: readonly LayoutPersona[]
  /** The view to open on (a reload's), instead of the default one. */
  readonly openingCamera?: Camera | null
  /** Told of every camera move (the map screen keeps it for a reload). */
  readonly onCameraChange?: (camera: Camera) => void
  /** Controls floating over the board (they take no room from it). */
  readonly overlay?: ReactNode
  /** Who wrote which note in a live workshop (a name tag on each), from the map screen. */
  readonly authors?: ReadonlyMap<string, { name: string; color: string }>
  /**
   * What the map screen lays over the board (panels, menus, workshop overlays), given the
   * board's view; the board itself only draws, hit-tests and edits in place.
   */
  readonly overlays?: ComponentType<{ readonly view: BoardView }>
}

/** The board as the map screen's overlays see it: the scene drawn, its index and camera, the canvas's element. */
export interface BoardView {
  readonly map: JourneyMap
  readonly personas: readonly LayoutPersona[]
  readonly scene: Scene
  readonly index: SceneIndex
  readonly camera: CameraController
  /** The board's view element (the canvas container). */
  readonly container: RefObject<HTMLDivElement | null>
}

interface Size {
  readonly width: number
  readonly height: number
}

function useElementSize(ref: React.RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 })
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const update = () => setSize({ width: el.clientWidth, height: el.clientHeight })
    update()
    const observer = new ResizeObserver(update)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return size
}

interface Measuring {
  readonly measure: MeasureText
  /** Wrapped texts kept between layouts; only valid for the measure they were made with. */
  readonly cache: LayoutCache
}

const newMeasuring = (): Measuring => ({ measure: createBoardMeasure(), cache: createLayoutCache() })

/** The longest an opening board waits for its fonts before laying out without them. */
const FONT_WAIT_MS = 3000

/**
 * Every record of the map the board draws text from, with its texts (`record` is the object the
 * texts belong to: records are replaced, never mutated, on edits, so each is looked at once).
 */
function eachText(
  map: JourneyMap,
  personas: readonly LayoutPersona[],
  labels: Required<SeriesLabels>,
  look: (record: object, ...texts: string[]) => void
): void {
  look(map, map.title)
  map.stages.forEach((s) => look(s, s.title, s.prompt))
  map.lanes.forEach((l) => look(l, l.title, l.prompt))
  map.notes.forEach((n) => look(n, n.text))
  map.markers.forEach((m) => look(m, m.label))
  map.connectors.forEach((c) => look(c, c.label))
  map.metrics.forEach((m) => look(m, m.name, m.unit))
  // The KPI chips' trend arrows and funnel chips are the layout's own text, not the map's.
  if (map.metrics.length > 0) look(map.metrics, '↑↓→ · %')
  map.paths.forEach((p) => look(p, p.name, ...p.steps.map((s) => s.event)))
  personas.forEach((p) => look(p, p.name))
  // The layout's own words (legend, funnel chips, evidence marks) are in the interface's language.
  look(labels, labels.everyone, labels.toBe, labels.funnelFrom, labels.funnelDropOff, ...Object.values(labels.evidence))
}

/** The texts of records not looked at yet, one per line; marks them seen. */
function unseenText(
  seen: WeakSet<object>,
  map: JourneyMap,
  personas: readonly LayoutPersona[],
  labels: Required<SeriesLabels>
): string {
  const parts: string[] = []
  eachText(map, personas, labels, (record, ...texts) => {
    if (seen.has(record)) return
    seen.add(record)
    parts.push(...texts)
  })
  return parts.join('\n')
}

/** Whether the text engine already has every font (and HarfBuzz) the map's texts need. */
function engineHasAll(map: JourneyMap, personas: readonly LayoutPersona[], labels: Required<SeriesLabels>): boolean {
  const engine = textEngine()
  let all = true
  eachText(map, personas, labels, (_record, ...texts) => {
    if (all) all = texts.every((text) => engine.has(text))
  })
  return all
}

/**
 * The text engine's measure; replaced (and every width measured again) when the engine changes,
 * that is when fonts or HarfBuzz arrive for a script the map's text uses (asked for here as the
 * text comes). `fontsReady` is false while fonts the map's text needs are on their way: the
 * board's first layout waits for them (a few tens of milliseconds, local files), so the notes it
 * shows first do not wrap again and move when they arrive. When the engine already has them (the
 * home screen's warm-up put them there), it is true from the first render: the board lays the
 * map out at once instead of drawing an empty grid first.
 */
function useMeasuring(
  map: JourneyMap,
  personas: readonly LayoutPersona[],
  labels: Required<SeriesLabels>
): Measuring & { fontsReady: boolean } {
  const [measuring, setMeasuring] = useState(newMeasuring)
  // Whether the fonts the opening map needs are here (or came, or failed): the first layout waits for it.
  const [fontsSettled, setFontsSettled] = useState(() => engineHasAll(map, personas, labels))
  // Font requests still on their way. A later request can resolve first (the engine does not
  // ask twice for what an earlier one is fetching), so the fonts are there when none is left.
  const pending = useRef(0)
  const seen = useRef(new WeakSet<object>())
  useEffect(() => textEngine().onChange(() => setMeasuring(newMeasuring())), [])
  // No fonts the map does not need arrive in the background while it is shown (fonts.ts warmUp).
  useEffect(() => holdFontWarmUp(), [])
  // Never longer than this, whatever the fonts do: the board then lays out with what it has.
  useEffect(() => {
    const timer = window.setTimeout(() => setFontsSettled(true), FONT_WAIT_MS)
    return () => window.clearTimeout(timer)
  }, [])
  useEffect(() => {
    // In a task of its own, after the board is drawn: reading a big map's texts takes a while.
    const timer = window.setTimeout(() => {
      const text = unseenText(seen.current, map, personas, labels)
      if (text === '') return
      pending.current++
      void ensureTextFor(text)
        .catch((error: unknown) => console.warn('Fonts for the map could not be loaded:', error))
        .finally(() => {
          if (--pending.current === 0) setFontsSettled(true)
        })
    }, 0)
    return () => window.clearTimeout(timer)
  }, [map, personas, labels])
  return { ...measuring, fontsReady: fontsSettled }
}

export function Board({
  map,
  personas,
  openingCamera = null,
  onCameraChange,
  overlay,
  authors,
  overlays: Overlays
}: BoardProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const stageRef = useRef<Konva.Stage>(null)
  const [camera] = useState(() => new CameraController(openingCamera))
  useEffect(() => (onCameraChange ? camera.subscribe(onCameraChange) : undefined), [camera, onCameraChange])
  const size = useElementSize(containerRef)
  const language = getLanguage()
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the words change with the language
  const labels = useMemo(() => seriesLabels(), [language])
  const { measure, cache, fontsReady } = useMeasuring(map, personas, labels)
  const pathId = useBoardUi((s) => s.pathId)
  // A note's picture arriving (decoded) draws the board again.
  const pictures = useSyncExternalStore(onPictureReady, picturesReady)
  // A big map is laid out in background steps after a preview of its first view (./useLayout).
  const { scene, index, complete } = useLayout(map, measure, { personas, labels, cache, authors, pathId }, pictures, {
    viewportHeight: size.height,
    viewportWidth: size.width,
    opening: openingCamera,
    fontsReady
  })
  const indexRef = useRef<SceneIndex | null>(index)
  useLayoutEffect(() => {
    indexRef.current = index
  }, [index])

  // Keep the camera told about the board and the viewport; place it once both are known.
  useLayoutEffect(() => {
    camera.resize({ width: scene.width, height: scene.height }, size)
  }, [camera, scene, size])

  // The renderer moves the stage on every camera change and draws the scene: no React render per frame.
  const notesLayer = useRef<Konva.Layer>(null)
  const mounted = size.width > 0 && size.height > 0
  useBoardRenderer(notesLayer, camera, scene, index, measure, mounted)

  useBoardInput(containerRef, camera, indexRef)
  usePictureDrop(containerRef, indexRef, camera)
  // The desktop app's View menu.
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'zoomIn' || command === 'zoomOut' || command === 'zoomReset' || command === 'zoomFit')
          runZoomAction(camera, command)
      }),
    [camera]
  )
  const personaNames = useMemo(() => new Map(personas.map((p) => [p.id, p.name])), [personas])

  const frameRef = useRef<HTMLDivElement>(null)
  usePanelInsets(frameRef, camera)

  return (
    <div className="board-frame" ref={frameRef}>
      <div
        ref={containerRef}
        className="board"
        tabIndex={0}
        role="region"
        aria-label={t('board.label', { stages: map.stages.length, lanes: map.lanes.length })}
        aria-describedby="board-outline"
        data-layout={complete ? 'complete' : 'partial'}
      >
        {mounted && (
          <Stage ref={stageRef} width={size.width} height={size.height}>
            {/* Cells, notes, overlays, badges and headers, drawn by the BoardRenderer. */}
            <Layer id="notes-layer" ref={notesLayer} listening={false} />
            {/*
              What the interactions draw (selection, dragged notes): only it redraws while they move.
              Hidden (no canvas to composite) until they draw something; the InteractionPainter shows it.
            */}
            <Layer id="drag-layer" listening={false} visible={false} />
          </Stage>
        )}
      </div>
      {overlay}
      <ZoomToolbar camera={camera} scene={scene} notes={map.notes.length} />
      <FindBar map={map} scene={scene} camera={camera} personaNames={personaNames} />
      {mounted && <ReadableTitles scene={scene} camera={camera} />}
      <Overview scene={scene} camera={camera} notes={map.notes.length} />
      <BoardInteraction
        map={map}
        scene={scene}
        index={index}
        camera={camera}
        container={containerRef}
        stage={stageRef}
      />
      {Overlays && <Overlays view={{ map, personas, scene, index, camera, container: containerRef }} />}
      <BoardOutline map={map} />
    </div>
  )
}

/**
 * The map's grid for screen readers: the canvas itself says nothing. Made after the board is
 * first drawn (a deferred render): counting a big map's notes per cell need not delay it.
 */
function BoardOutline({ map: current }: { map: JourneyMap }) {
  const map = useDeferredValue<JourneyMap | null>(current, null)
  return map ? <OutlineTable map={map} /> : <table id="board-outline" className="visually-hidden" />
}

function OutlineTable({ map }: { map: JourneyMap }) {
  const counts = useMemo(() => {
    const out = new Map<string, number>()
    for (const n of map.notes) out.set(`${n.stageId}:${n.laneId}`, (out.get(`${n.stageId}:${n.laneId}`) ?? 0) + 1)
    return out
  }, [map.notes])
  const stages = useMemo(() => [...map.stages].sort((a, b) => a.order - b.order), [map.stages])
  const lanes = useMemo(() => [...map.lanes].sort((a, b) => a.order - b.order), [map.lanes])
  return (
    <table id="board-outline" className="visually-hidden">
      <caption>{t('board.outline')}</caption>
      <thead>
        <tr>
          <td />
          {stages.map((s) => (
            <th key={s.id} scope="col">
              {s.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lanes.map((lane) => (
          <tr key={lane.id}>
            <th scope="row">{lane.title}</th>
            {stages.map((s) => (
              <td key={s.id}>{t('board.cellNotes', { count: counts.get(`${s.id}:${lane.id}`) ?? 0 })}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
