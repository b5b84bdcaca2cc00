/**
 * PNG of the whole board (not the viewport): an offscreen Konva stage the size of one tile, a
 * shape whose scene function paints the scene with the board's own painters, moved tile by
 * tile and rendered at the pixel ratio asked for into one canvas, then encoded by the browser.
 * The ratio is lowered when the image would pass Chromium's canvas limits (planPng), and the
 * result says so. The image is checked for content before it is handed over: a canvas the
 * browser could not allocate comes out blank instead of failing, and that must never reach
 * the user; in that case the PNG is encoded tile row by tile row without one large canvas.
 */
import { preloadPictures } from '../board/note-images'
import Konva from 'konva/lib/Core'
import { paintSceneImage } from '../../../shared/export/canvas/scene'
import { planPng, type PngPlan } from '../../../shared/export/png-plan'
import type { Rect, Scene } from '../../../shared/layout'
import { loadFontsFor } from '../fonts'
import { encodePng } from './png-encode'

export interface PngOptions {
  readonly ratio: number
  readonly background: 'white' | 'transparent'
}

export interface PngResult {
  readonly bytes: Uint8Array
  readonly plan: PngPlan
}

export type Progress = (done: number, total: number) => void

/** Every character the scene draws, so the fonts for them can be loaded first. */
function sceneText(scene: Scene): { normal: string; bold: string } {
  const normal = new Set<string>()
  const bold = new Set<string>()
  const add = (block: { font: { weight: string }; lines: readonly { text: string }[] } | null | undefined) => {
    if (!block) return
    const into = block.font.weight === 'bold' ? bold : normal
    for (const line of block.lines) for (const ch of line.text) into.add(ch)
  }
  for (const cell of scene.cells) add(cell.label)
  for (const note of scene.notes) add(note.text)
  for (const header of [...scene.stageHeaders, ...scene.laneHeaders]) header.texts.forEach(add)
  for (const entry of scene.legend) add(entry.text)
  for (const marker of scene.markers) {
    add(marker.digit)
    add(marker.label?.text)
  }
  for (const connector of scene.connectors) add(connector.label?.text)
  for (const badge of scene.badges ?? []) badge.texts.forEach(add)
  return { normal: [...normal].join(''), bold: [...bold].join('') }
}

/** Yields to the browser so progress can be painted between tiles. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export async function exportPng(
  scene: Scene,
  options: PngOptions,
  onProgress: Progress = () => {}
): Promise<PngResult> {
  const plan = planPng(scene.width, scene.height, options.ratio)
  const text = sceneText(scene)
  await Promise.all([
    loadFontsFor(text.normal, 'normal'),
    loadFontsFor(text.bold, 'bold'),
    // Notes' pictures decoded before painting, so none is drawn as an empty frame.
    preloadPictures(scene.notes.flatMap((n) => (n.image ? [n.image.src] : [])))
  ])

  const container = document.createElement('div')
  const stage = new Konva.Stage({ container, width: plan.tile, height: plan.tile, listening: false })
  const layer = new Konva.Layer({ listening: false })
  let region: Rect = { x: 0, y: 0, w: plan.tile, h: plan.tile }
  const board = new Konva.Group({ listening: false })
  board.add(
    new Konva.Shape({
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (context) => paintSceneImage(context._context, scene, region, options)
    })
  )
  layer.add(board)
  stage.add(layer)

  const tiles = plan.columns * plan.rows
  const tilePixels = Math.round(plan.tile * plan.ratio)
  /** Renders one tile; the canvas is the caller's to release. */
  const renderTile = (column: number, row: number): HTMLCanvasElement => {
    region = { x: column * plan.tile, y: row * plan.tile, w: plan.tile, h: plan.tile }
    board.position({ x: -region.x, y: -region.y })
    return layer.toCanvas({ x: 0, y: 0, width: plan.tile, height: plan.tile, pixelRatio: plan.ratio })
  }

  try {
    const whole = await renderWhole(plan, options, renderTile, tilePixels, onProgress, tiles)
    if (whole) return { bytes: whole, plan }
    // The browser could not hold the image in one canvas: encode it strip by strip instead.
    const bytes = await encodePng(
      plan.width,
      plan.height,
      async (row) => {
        const height = Math.min(tilePixels, plan.height - row * tilePixels)
        const strip = document.createElement('canvas')
        strip.width = plan.width
        strip.height = height
        const ctx = strip.getContext('2d', { willReadFrequently: true })
        if (!ctx) throw new Error('The browser could not make a canvas for the image.')
        if (options.background === 'white') fill(ctx, plan.width, height)
        for (let column = 0; column < plan.columns; column++) {
          const tile = renderTile(column, row)
          ctx.drawImage(tile, column * tilePixels, 0)
          release(tile)
          onProgress(row * plan.columns + column + 1, tiles + 1)
          await nextFrame()
        }
        const data = ctx.getImageData(0, 0, plan.width, height).data
        release(strip)
        return data
      },
      Math.ceil(plan.height / tilePixels)
    )
    onProgress(tiles + 1, tiles + 1)
    return { bytes, plan }
  } finally {
    stage.destroy()
  }
}

/** The image in one canvas, encoded by the browser; null when the canvas came out blank. */
async function renderWhole(
  plan: PngPlan,
  options: PngOptions,
  renderTile: (column: number, row: number) => HTMLCanvasElement,
  tilePixels: number,
  onProgress: Progress,
  tiles: number
): Promise<Uint8Array | null> {
  const canvas = document.createElement('canvas')
  canvas.width = plan.width
  canvas.height = plan.height
  const ctx = canvas.getContext('2d')
  if (!ctx || canvas.width !== plan.width || canvas.height !== plan.height) return null
  try {
    if (options.background === 'white') fill(ctx, plan.width, plan.height)
    for (let row = 0; row < plan.rows; row++) {
      for (let column = 0; column < plan.columns; column++) {
        const tile = renderTile(column, row)
        ctx.drawImage(tile, column * tilePixels, row * tilePixels)
        release(tile)
        onProgress(row * plan.columns + column + 1, tiles + 1)
        await nextFrame()
      }
    }
    if (!hasContent(canvas, options.background)) return null
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) return null
    onProgress(tiles + 1, tiles + 1)
    return new Uint8Array(await blob.arrayBuffer())
  } finally {
    release(canvas)
  }
}

/**
 * Whether every quarter of the image has something drawn in it: a canvas too large for the
 * browser stays empty, and a truncated one is empty at the far end. The board's grid lines
 * and headers reach into every quarter of any board.
 */
function hasContent(canvas: HTMLCanvasElement, background: PngOptions['background']): boolean {
  const size = 64
  const thumb = document.createElement('canvas')
  thumb.width = size
  thumb.height = size
  const ctx = thumb.getContext('2d', { willReadFrequently: true })
  if (!ctx) return false
  ctx.drawImage(canvas, 0, 0, size, size)
  const data = ctx.getImageData(0, 0, size, size).data
  release(thumb)
  const quarters = [0, 0, 0, 0]
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4
      const drawn =
        background === 'transparent' ? data[i + 3]! > 0 : data[i]! < 250 || data[i + 1]! < 250 || data[i + 2]! < 250
      if (drawn) quarters[(y < size / 2 ? 0 : 2) + (x < size / 2 ? 0 : 1)]!++
    }
  }
  return quarters.every((n) => n > 0)
}

function fill(ctx: CanvasRenderingContext2D, width: number, height: number): void {
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)
}

/** Frees a canvas's memory now rather than at the next garbage collection. */
function release(canvas: HTMLCanvasElement): void {
  canvas.width = 0
  canvas.height = 0
}
