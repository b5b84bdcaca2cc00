/**
 * The board: the map's scene drawn with react-konva. Layout happens once per map change; the
 * camera moves the Konva stage directly; only what intersects the view (plus a margin) becomes
 * Konva nodes, found through an R-tree; below 40% zoom notes are drawn as blocks.
 */
import type Konva from 'konva'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { Layer, Stage } from 'react-konva'
import {
  contains,
  createLayoutCache,
  inflate,
  LAYOUT,
  layoutMap,
  type LayoutCache,
  type LayoutPersona,
  type MeasureText,
  type Rect,
  type Scene
} from '../../../shared/layout'
import type { JourneyMap } from '../../../shared/model'
import { t } from '../i18n'
import { CameraController } from './camera'
import { useBoardInput } from './input'
import { BackgroundLayer, HeadersLayer, NotesLayer, OverlayLayer, type StickyGroups, type ViewportRef } from './layers'
import { createCanvasMeasure } from './measure'
import { SceneIndex } from './scene-index'
import { ZoomToolbar } from './ZoomToolbar'

/** Below this zoom, note text turns into bars. */
export const LOD_ZOOM = 0.4

export interface BoardProps {
  readonly map: JourneyMap
  readonly personas: readonly LayoutPersona[]
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

const newMeasuring = (): Measuring => ({ measure: createCanvasMeasure(), cache: createLayoutCache() })

/** A measure bound to a canvas; replaced (and every width re-measured) when web fonts finish loading. */
function useMeasuring(): Measuring {
  const [measuring, setMeasuring] = useState(newMeasuring)
  useEffect(() => {
    const fonts = document.fonts
    const renew = () => setMeasuring(newMeasuring())
    fonts.addEventListener('loadingdone', renew)
    if (fonts.status === 'loading') void fonts.ready.then(renew)
    return () => fonts.removeEventListener('loadingdone', renew)
  }, [])
  return measuring
}

interface View {
  /** The board rectangle that has Konva nodes: the visible part with a margin around it. */
  readonly window: Rect
  readonly lod: boolean
}

const area = (r: Rect) => r.w * r.h

/**
 * Follows the camera and moves the window of drawn nodes only when the view leaves it, gets much
 * smaller than it, or crosses the level-of-detail threshold; small pans re-render nothing.
 */
function useCullWindow(camera: CameraController): View {
  const [view, setView] = useState<View>({ window: { x: 0, y: 0, w: 0, h: 0 }, lod: false })
  const viewRef = useRef(view)
  useEffect(() => {
    const update = () => {
      const visible = camera.visible()
      const lod = camera.zoom < LOD_ZOOM
      const current = viewRef.current
      if (current.lod === lod && contains(current.window, visible) && area(current.window) < 4 * area(visible)) return
      const next = { window: inflate(visible, visible.w / 4, visible.h / 4), lod }
      viewRef.current = next
      setView(next)
    }
    update()
    return camera.subscribe(update)
  }, [camera])
  return view
}

export function Board({ map, personas }: BoardProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const stageRef = useRef<Konva.Stage>(null)
  const [camera] = useState(() => new CameraController())
  const size = useElementSize(containerRef)
  const { measure, cache } = useMeasuring()
  const labels = useMemo(() => ({ everyone: t('board.everyone'), toBe: t('board.toBe') }), [])
  const scene: Scene = useMemo(
    () => layoutMap(map, measure, { personas, labels, cache }),
    [map, measure, personas, labels, cache]
  )
  const index = useMemo(() => new SceneIndex(scene), [scene])
  const indexRef = useRef<SceneIndex | null>(index)
  useLayoutEffect(() => {
    indexRef.current = index
  }, [index])

  // Keep the camera told about the board and the viewport; place it once both are known.
  useLayoutEffect(() => {
    camera.resize({ width: scene.width, height: scene.height }, size)
  }, [camera, scene, size])

  // Move the stage directly: a pan frame costs a redraw, not a React render.
  const viewport: ViewportRef = useRef<Rect>({ x: 0, y: 0, w: 0, h: 0 })
  const stageHeaders = useRef<Konva.Group>(null)
  const laneHeaders = useRef<Konva.Group>(null)
  const corner = useRef<Konva.Group>(null)
  const sticky: StickyGroups = useMemo(() => ({ stageHeaders, laneHeaders, corner }), [])
  useEffect(() => {
    const apply = () => {
      const visible = camera.visible()
      viewport.current = visible
      const stage = stageRef.current
      if (!stage) return
      const { x, y, zoom } = camera.camera
      stage.position({ x, y })
      stage.scale({ x: zoom, y: zoom })
      // Headers stick to the top and left edges of the view, never past the board's far side.
      const { width, height } = camera.board
      const top = Math.min(Math.max(0, visible.y), Math.max(0, height - LAYOUT.stageHeaderHeight))
      const left = Math.min(Math.max(0, visible.x), Math.max(0, width - LAYOUT.laneHeaderWidth))
      sticky.stageHeaders.current?.y(top)
      sticky.laneHeaders.current?.x(left)
      sticky.corner.current?.position({ x: left, y: top })
      stage.batchDraw()
    }
    apply()
    return camera.subscribe(apply)
  }, [camera, viewport, sticky])

  useBoardInput(containerRef, camera, indexRef)
  const view = useCullWindow(camera)
  const visible = useMemo(() => index.inRect(view.window), [index, view.window])

  return (
    <div className="board-frame">
      <div
        ref={containerRef}
        className="board"
        tabIndex={0}
        role="region"
        aria-label={t('board.label', { stages: map.stages.length, lanes: map.lanes.length })}
        aria-describedby="board-outline"
      >
        {size.width > 0 && size.height > 0 && (
          <Stage ref={stageRef} width={size.width} height={size.height}>
            <BackgroundLayer scene={scene} cells={visible.cells} lod={view.lod} viewport={viewport} />
            <NotesLayer notes={visible.notes} lod={view.lod} viewport={viewport} />
            <OverlayLayer scene={scene} window={view.window} lod={view.lod} />
            <HeadersLayer scene={scene} sticky={sticky} />
            {/* The note being dragged will move here, so the rest need not redraw (editing step). */}
            <Layer id="drag-layer" listening={false} />
          </Stage>
        )}
      </div>
      <ZoomToolbar camera={camera} />
      <BoardOutline map={map} />
    </div>
  )
}

/** The map's grid for screen readers: the canvas itself says nothing. */
function BoardOutline({ map }: { map: JourneyMap }) {
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
