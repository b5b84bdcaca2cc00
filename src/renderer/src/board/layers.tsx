/**
 * The board's Konva layers. Every shape is a custom Shape whose sceneFunc runs a painter from
 * ./paint: one node per note/cell/header (with a stable id tests and tools can find), none of
 * them listening, so Konva never draws a hit canvas; hit-testing goes through the SceneIndex.
 */
import type Konva from 'konva'
import { memo, type RefObject } from 'react'
import { Group, Layer, Shape } from 'react-konva'
import { intersects, type Rect, type Scene } from '../../../shared/layout'
import type { CellItem, NoteItem } from '../../../shared/layout'
import {
  paintBox,
  paintCell,
  paintConnector,
  paintCurve,
  paintGuide,
  paintHeader,
  paintLegend,
  paintMarker,
  paintNote
} from './paint'

type Paint = (ctx: CanvasRenderingContext2D) => void

/**
 * The board rectangle on screen right now, updated on every camera move. Nodes exist for a margin
 * around the view (so small pans re-render nothing), but only those really on screen paint.
 */
export interface ViewportRef {
  current: Rect
}

/** A sceneFunc drawing in board coordinates whatever the shape's own position. */
const inBoardCoordinates =
  (paint: Paint, bounds?: Rect, viewport?: ViewportRef) =>
  (context: Konva.Context, shape: Konva.Shape): void => {
    if (bounds && viewport && !intersects(viewport.current, bounds)) return
    const ctx = context._context
    const x = shape.x()
    const y = shape.y()
    if (x || y) {
      ctx.save()
      ctx.translate(-x, -y)
      paint(ctx)
      ctx.restore()
    } else paint(ctx)
  }

const STATIC = { listening: false, perfectDrawEnabled: false } as const

const boundsOf = (item: { x: number; y: number; w: number; h: number }): Rect => ({
  x: item.x,
  y: item.y,
  w: item.w,
  h: item.h
})

const CellShape = memo(function CellShape({
  cell,
  lod,
  viewport
}: {
  cell: CellItem
  lod: boolean
  viewport: ViewportRef
}) {
  return (
    <Shape
      {...STATIC}
      id={`cell-${cell.id}`}
      name="cell"
      x={cell.x}
      y={cell.y}
      width={cell.w}
      height={cell.h}
      sceneFunc={inBoardCoordinates((ctx) => paintCell(ctx, cell, lod), boundsOf(cell), viewport)}
    />
  )
})

/** Cells in view and the emotion lanes' score guides. */
export const BackgroundLayer = memo(function BackgroundLayer({
  scene,
  cells,
  lod,
  viewport
}: {
  scene: Scene
  cells: readonly CellItem[]
  lod: boolean
  viewport: ViewportRef
}) {
  return (
    <Layer id="background-layer" listening={false}>
      {cells.map((cell) => (
        <CellShape key={cell.id} cell={cell} lod={lod} viewport={viewport} />
      ))}
      <Shape
        {...STATIC}
        id="emotion-guides"
        sceneFunc={inBoardCoordinates((ctx) => scene.guides.forEach((g) => paintGuide(ctx, g)))}
      />
    </Layer>
  )
})

const NoteShape = memo(function NoteShape({ note, viewport }: { note: NoteItem; viewport: ViewportRef }) {
  return (
    <Shape
      {...STATIC}
      id={`note-${note.id}`}
      name="note"
      x={note.x}
      y={note.y}
      width={note.w}
      height={note.h}
      sceneFunc={inBoardCoordinates((ctx) => paintNote(ctx, note, false), boundsOf(note), viewport)}
    />
  )
})

/**
 * Notes in view. Zoomed out, one shape paints them all as coloured blocks with bars for text:
 * hundreds of tiny nodes would cost more than the pixels they cover.
 */
export const NotesLayer = memo(function NotesLayer({
  notes,
  lod,
  viewport
}: {
  notes: readonly NoteItem[]
  lod: boolean
  viewport: ViewportRef
}) {
  return (
    <Layer id="notes-layer" listening={false}>
      {lod ? (
        <Shape
          {...STATIC}
          id="notes-lod"
          sceneFunc={inBoardCoordinates((ctx) => {
            const view = viewport.current
            for (const note of notes) if (intersects(view, note)) paintNote(ctx, note, true)
          })}
        />
      ) : (
        notes.map((note) => <NoteShape key={note.id} note={note} viewport={viewport} />)
      )}
    </Layer>
  )
})

/** Connectors, emotion curves and markers, over the notes. */
export const OverlayLayer = memo(function OverlayLayer({
  scene,
  window,
  lod
}: {
  scene: Scene
  window: Rect
  lod: boolean
}) {
  const connectors = scene.connectors.filter((c) =>
    intersects(window, {
      x: Math.min(c.from.x, c.to.x) - 1,
      y: Math.min(c.from.y, c.to.y) - 1,
      w: Math.abs(c.to.x - c.from.x) + 2,
      h: Math.abs(c.to.y - c.from.y) + 2
    })
  )
  const markers = scene.markers.filter((m) =>
    intersects(window, { x: m.x - m.r, y: m.y - m.r, w: 2 * m.r, h: 2 * m.r })
  )
  return (
    <Layer id="overlay-layer" listening={false}>
      {connectors.map((c) => (
        <Shape
          {...STATIC}
          key={c.id}
          id={`connector-${c.id}`}
          name="connector"
          sceneFunc={inBoardCoordinates((ctx) => paintConnector(ctx, c, lod))}
        />
      ))}
      {scene.curves.map((curve) => (
        <Shape
          {...STATIC}
          key={curve.id}
          id={`curve-${curve.id}`}
          name="curve"
          sceneFunc={inBoardCoordinates((ctx) => paintCurve(ctx, curve))}
        />
      ))}
      {markers.map((m) => (
        <Shape
          {...STATIC}
          key={m.id}
          id={`marker-${m.id}`}
          name="marker"
          x={m.x - m.r}
          y={m.y - m.r}
          width={2 * m.r}
          height={2 * m.r}
          sceneFunc={inBoardCoordinates((ctx) => paintMarker(ctx, m, lod))}
        />
      ))}
    </Layer>
  )
})

/** The groups the camera keeps in view while the board scrolls under them. */
export interface StickyGroups {
  readonly stageHeaders: RefObject<Konva.Group | null>
  readonly laneHeaders: RefObject<Konva.Group | null>
  readonly corner: RefObject<Konva.Group | null>
}

/**
 * Stage and lane headers (with the emotion legend and scale), on top of everything: when the
 * board scrolls, the header row sticks to the top of the view and the header column to its left.
 */
export const HeadersLayer = memo(function HeadersLayer({ scene, sticky }: { scene: Scene; sticky: StickyGroups }) {
  return (
    <Layer id="headers-layer" listening={false}>
      <Group ref={sticky.laneHeaders} id="lane-headers">
        {scene.laneHeaders.map((header) => (
          <Shape
            {...STATIC}
            key={header.id}
            id={`lane-header-${header.id}`}
            name="lane-header"
            x={header.x}
            y={header.y}
            width={header.w}
            height={header.h}
            sceneFunc={inBoardCoordinates((ctx) => paintHeader(ctx, header))}
          />
        ))}
        <Shape
          {...STATIC}
          id="legend"
          sceneFunc={inBoardCoordinates((ctx) => scene.legend.forEach((entry) => paintLegend(ctx, entry)))}
        />
      </Group>
      <Group ref={sticky.stageHeaders} id="stage-headers">
        {scene.stageHeaders.map((header) => (
          <Shape
            {...STATIC}
            key={header.id}
            id={`stage-header-${header.id}`}
            name="stage-header"
            x={header.x}
            y={header.y}
            width={header.w}
            height={header.h}
            sceneFunc={inBoardCoordinates((ctx) => paintHeader(ctx, header))}
          />
        ))}
      </Group>
      <Group ref={sticky.corner} id="corner">
        <Shape {...STATIC} id="board-corner" sceneFunc={inBoardCoordinates((ctx) => paintBox(ctx, scene.corner))} />
      </Group>
    </Layer>
  )
})
