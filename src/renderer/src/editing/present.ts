/**
 * Presentation steps and where the camera goes for each, for a screen of a given size. A step
 * shows one stage at a zoom where its notes read at 14 px or more (note text is 13 board units)
 * with its neighbours' edges beside it; a stage taller than the screen at that zoom is shown in
 * pages of whole lanes, and the facilitator can also step lane by lane or present a chosen subset
 * of stages. The last step is the whole map. Pure: runs in Node tests.
 */
import { fitCamera, LAYOUT, type Camera, type Rect, type Scene } from '../../../shared/layout'

/** Note text reads at ≥ 14 px at this zoom (13 board units × 1.1 = 14.3 px). */
export const READABLE_ZOOM = 1.1
/** The most a step zooms in. */
const MAX_ZOOM = 2
/** How much of each neighbouring stage shows beside the presented one, in board units. */
const NEIGHBOUR_EDGE = 48
/** Screen margin around what a step shows. */
const MARGIN = 16

export type PresentUnit = 'stage' | 'lane'

export interface PresentOptions {
  /** Step by whole stages (paged when too tall) or by single lanes. */
  readonly unit: PresentUnit
  /** The stages to present, in board order; all (not collapsed) when null. */
  readonly stageIds: readonly string[] | null
}

export interface PresentStep {
  /** The stage shown; null for the whole map. */
  readonly stageId: string | null
  readonly title: string
  /** The stage's number among the presented stages (1-based) and how many are presented. */
  readonly n: number
  readonly count: number
  /** The lanes shown (top to bottom), and this page's number and count for the stage. */
  readonly laneIds: readonly string[]
  readonly page: number
  readonly pages: number
  /** The board rectangle shown: the stage's cells in those lanes. */
  readonly rect: Rect | null
  readonly zoom: number
}

/** A screen area in pixels. */
export interface Room {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

const titleOf = (scene: Scene, stageId: string) =>
  scene.stageHeaders
    .find((h) => h.id === stageId)
    ?.texts[0]?.lines.map((l) => l.text)
    .join(' ') ?? ''

/** The zoom a stage is shown at: the largest that fits its width with the sticky lane titles and its neighbours' edges. */
function widthZoom(stageWidth: number, room: Room): number {
  return (room.width - 2 * MARGIN) / (LAYOUT.laneHeaderWidth + stageWidth + 2 * NEIGHBOUR_EDGE)
}

export function presentationSteps(scene: Scene, room: Room, options: PresentOptions): PresentStep[] {
  const chosen = options.stageIds ? new Set(options.stageIds) : null
  const stages = scene.stageHeaders.filter((h) => !h.collapsed && (!chosen || chosen.has(h.id)))
  const lanes = [...scene.laneHeaders].sort((a, b) => a.y - b.y)
  const steps: PresentStep[] = []
  stages.forEach((header, i) => {
    const base = { stageId: header.id, title: titleOf(scene, header.id), n: i + 1, count: stages.length }
    const column = (from: number, to: number): Rect => {
      const top = lanes[from]!.y
      const bottom = lanes[to]!.y + lanes[to]!.h
      return { x: header.x, y: top, w: header.w, h: bottom - top }
    }
    const zoomW = Math.min(MAX_ZOOM, widthZoom(header.w, room))
    const lanesRoom = (zoom: number) => (room.height - 2 * MARGIN) / zoom - LAYOUT.stageHeaderHeight
    if (lanes.length === 0) {
      steps.push({ ...base, laneIds: [], page: 1, pages: 1, rect: header, zoom: zoomW })
      return
    }
    const all = column(0, lanes.length - 1)
    const fitAll = Math.min(zoomW, (room.height - 2 * MARGIN) / (all.h + LAYOUT.stageHeaderHeight))
    const pages: [number, number][] = []
    let zoom: number
    if (options.unit === 'stage' && fitAll >= READABLE_ZOOM) {
      zoom = fitAll
      pages.push([0, lanes.length - 1])
    } else {
      zoom = Math.min(zoomW, Math.max(READABLE_ZOOM, fitAll))
      const height = lanesRoom(zoom)
      let start = 0
      while (start < lanes.length) {
        let end = start
        if (options.unit === 'stage') {
          while (end + 1 < lanes.length && lanes[end + 1]!.y + lanes[end + 1]!.h - lanes[start]!.y <= height) end++
        }
        pages.push([start, end])
        start = end + 1
      }
    }
    pages.forEach(([from, to], p) =>
      steps.push({
        ...base,
        laneIds: lanes.slice(from, to + 1).map((l) => l.id),
        page: p + 1,
        pages: pages.length,
        rect: column(from, to),
        zoom
      })
    )
  })
  steps.push({
    stageId: null,
    title: '',
    n: 0,
    count: stages.length,
    laneIds: [],
    page: 1,
    pages: 1,
    rect: null,
    zoom: 0
  })
  return steps
}

/**
 * Where the camera goes for a step: the stage centred across the room (right of the sticky lane
 * titles), its first shown lane just under the sticky stage titles; the whole map fitted.
 */
export function presentCamera(step: PresentStep, scene: Scene, room: Room): Camera {
  if (!step.rect) {
    const fitted = fitCamera({ x: 0, y: 0, w: scene.width, h: scene.height }, room, 24, 1)
    return { ...fitted, x: fitted.x + room.x, y: fitted.y + room.y }
  }
  const zoom = step.zoom
  const rect = step.rect
  const centre = room.x + room.width / 2
  const leftmost = room.x + MARGIN + (LAYOUT.laneHeaderWidth + NEIGHBOUR_EDGE) * zoom
  const screenLeft = Math.max(leftmost, centre - (rect.w * zoom) / 2)
  const top = room.y + MARGIN + LAYOUT.stageHeaderHeight * zoom
  return { zoom, x: screenLeft - rect.x * zoom, y: top - rect.y * zoom }
}
