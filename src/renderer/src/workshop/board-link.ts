/**
 * The open board as panels outside it see it: its camera and scene, registered by WorkshopBoard
 * while the board is mounted. `focusBoard` zooms to what a finding points at and selects it;
 * `moveCamera` glides the camera there (or jumps, for people who asked for less motion).
 */
import type { FocusTarget } from '../../../shared/analysis'
import type { Camera, Scene } from '../../../shared/layout'
import { cameraToShow, focusRect, focusSelection, type ViewArea } from '../analysis/focus'
import type { CameraController } from '../board/camera'
import { useAppStore } from '../store'
import { setWorkshop, useWorkshop } from './store'

export interface BoardLink {
  readonly camera: CameraController
  readonly scene: Scene
  /** The board's view element, to find what covers it. */
  readonly view: HTMLElement | null
}

let current: BoardLink | null = null

/** Registers the open board; returns the unregister function. */
export function linkBoard(link: BoardLink): () => void {
  current = link
  return () => {
    if (current === link) current = null
  }
}

const animations = new WeakMap<CameraController, number>()

/** Moves the camera to `target` in a short glide, or at once when reduced motion is asked for. */
export function moveCamera(camera: CameraController, target: Camera): void {
  cancelAnimationFrame(animations.get(camera) ?? 0)
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
  const from = camera.camera
  if (reduced) {
    camera.set(target)
    return
  }
  const duration = 320
  const start = performance.now()
  const step = (now: number) => {
    const t = Math.min(1, (now - start) / duration)
    const ease = 1 - (1 - t) ** 3
    // Zoom changes by the same factor each frame; the position follows linearly.
    const zoom = from.zoom * (target.zoom / from.zoom) ** ease
    camera.set({ zoom, x: from.x + (target.x - from.x) * ease, y: from.y + (target.y - from.y) * ease })
    if (t < 1) animations.set(camera, requestAnimationFrame(step))
    else camera.set(target)
  }
  animations.set(camera, requestAnimationFrame(step))
}

/** The part of the board view not covered by the workshop panel on its left. */
export function openArea(link: BoardLink): ViewArea {
  const { width, height } = link.camera.viewport
  const view = link.view?.getBoundingClientRect()
  const panel = document.querySelector('.workshop-panel')?.getBoundingClientRect()
  const covered = view && panel && panel.right > view.left ? Math.min(width / 2, panel.right - view.left) : 0
  return { x: covered, y: 0, width: width - covered, height }
}

/** Shows what a finding points at: zooms the board to it, selects it, outlines it a moment. */
export function focusBoard(target: FocusTarget): boolean {
  const link = current
  if (!link) return false
  const rect = focusRect(link.scene, target)
  useAppStore.getState().select(focusSelection(target))
  if (!rect) return false
  moveCamera(link.camera, cameraToShow(rect, openArea(link)))
  setWorkshop({ flash: { rect, key: (useWorkshop.getState().flash?.key ?? 0) + 1 } })
  return true
}

/** Brings notes into the part of the view a workshop panel leaves free, without selecting them. */
export function showNotes(noteIds: readonly string[]): void {
  const link = current
  const rect = link && focusRect(link.scene, { stageIds: [], noteIds, laneId: null })
  if (link && rect) moveCamera(link.camera, cameraToShow(rect, openArea(link), 1, 16))
}
