/**
 * The board's static picture: cells, emotion guides, notes, connectors, curves, markers and
 * badges (KPI chips, vote counts), in that order, for any rectangle of the board at any zoom.
 * Tiles and the overview paint through here; what lies in the rectangle comes from the R-tree
 * (cells, notes) or from bounds computed once per scene (the few overlay items and badges).
 */
import type {
  BadgeItem,
  ConnectorItem,
  CurveItem,
  GuideItem,
  MarkerItem,
  NoteItem,
  Rect,
  Scene
} from '../../../../shared/layout'
import { intersects, LAYOUT } from '../../../../shared/layout'
import {
  paintBadge,
  paintCell,
  paintConnector,
  paintCurve,
  paintGuide,
  paintLabel,
  paintMarker,
  paintNote,
  paintNoteBlock
} from '../../../../shared/export/canvas/paint'
import type { Canvas2D } from '../../../../shared/export/canvas/context'
import type { SceneIndex } from '../scene-index'
import { badgeBounds, connectorBounds, curveBounds, guideBounds, labelBounds, markerBounds } from './bounds'
import { HINT_PX, legibleAt, notesLegibleAt, paintNoteTitle } from './legible'
import { detailAt } from './lod'

interface Bounded<T> {
  readonly item: T
  readonly bounds: Rect
}

/** A scene with what painting a region of it needs. Immutable: a new scene makes a new content. */
export interface BoardContent {
  readonly scene: Scene
  readonly index: SceneIndex
  readonly notes: ReadonlyMap<string, NoteItem>
  readonly guides: readonly Bounded<GuideItem>[]
  readonly connectors: readonly Bounded<ConnectorItem>[]
  readonly curves: readonly Bounded<CurveItem>[]
  readonly markers: readonly Bounded<MarkerItem>[]
  readonly badges: readonly Bounded<BadgeItem>[]
}

export function boardContent(scene: Scene, index: SceneIndex): BoardContent {
  return {
    scene,
    index,
    notes: new Map(scene.notes.map((n) => [n.id, n])),
    guides: scene.guides.map((item) => ({ item, bounds: guideBounds(item) })),
    connectors: scene.connectors.map((item) => ({ item, bounds: connectorBounds(item) })),
    curves: scene.curves.map((item) => ({ item, bounds: curveBounds(item) })),
    markers: scene.markers.map((item) => ({ item, bounds: markerBounds(item) })),
    badges: scene.badges.map((item) => ({ item, bounds: badgeBounds(item) }))
  }
}

/**
 * Paints everything of `content` that meets `rect`, at the level of detail of `zoom`. The caller
 * has set the context's transform (board units → pixels) and, if it wants, a clip.
 */
export function paintRegion(ctx: Canvas2D, content: BoardContent, rect: Rect, zoom: number): void {
  const detail = detailAt(zoom)
  const lod = detail !== 'full'
  // Below a legible size, notes show a short title (./legible) and prompts and labels are left out.
  const titles = detail !== 'blocks' && !notesLegibleAt(zoom)
  const prompts = !lod && legibleAt(LAYOUT.placeholderFont.size, zoom, HINT_PX)
  const labels = !lod && legibleAt(LAYOUT.smallFont.size, zoom, HINT_PX)
  const hits = content.index.search(rect)
  for (const item of hits) if (item.kind === 'cell') paintCell(ctx, item, !prompts)
  for (const { item, bounds } of content.guides) if (intersects(rect, bounds)) paintGuide(ctx, item)
  for (const item of hits) {
    if (item.kind !== 'note') continue
    if (detail === 'blocks') paintNoteBlock(ctx, item)
    else if (titles) {
      if (!paintNoteTitle(ctx, item, zoom)) paintNote(ctx, item, true)
    } else paintNote(ctx, item, lod)
  }
  for (const { item, bounds } of content.connectors) if (intersects(rect, bounds)) paintConnector(ctx, item)
  for (const { item, bounds } of content.curves) if (intersects(rect, bounds)) paintCurve(ctx, item)
  for (const { item, bounds } of content.markers) if (intersects(rect, bounds)) paintMarker(ctx, item, lod)
  // Labels over every line and dot (they were placed clear of note text, markers and badges).
  if (labels) {
    for (const { item } of content.connectors)
      if (item.label && intersects(rect, labelBounds(item.label))) paintLabel(ctx, item.label)
    for (const { item } of content.markers)
      if (item.label && intersects(rect, labelBounds(item.label))) paintLabel(ctx, item.label)
  }
  // Over the rest, as vote counts sit on notes' corners: shapes at every zoom, text at full detail.
  for (const { item, bounds } of content.badges) if (intersects(rect, bounds)) paintBadge(ctx, item, !lod)
}
