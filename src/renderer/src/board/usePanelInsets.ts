/**
 * Panels take their room from the board: every element marked `data-board-panel="left|right"`
 * (the Details panel, Versions, Analysis, Dot voting) that overlaps the board tells the camera
 * how much of the view it covers. The camera then fits and reveals in what is left, and the
 * frame's `--inset-left/right` CSS variables move the board's own bars (zoom, find) clear of it.
 */
import { useEffect, type RefObject } from 'react'
import type { CameraController, Insets } from './camera'

function measure(frame: HTMLElement): Insets {
  const box = frame.getBoundingClientRect()
  let left = 0
  let right = 0
  for (const el of document.querySelectorAll<HTMLElement>('[data-board-panel]')) {
    const r = el.getBoundingClientRect()
    if (r.width === 0 || r.height === 0) continue
    const overlapX = Math.min(r.right, box.right) - Math.max(r.left, box.left)
    const overlapY = Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top)
    if (overlapX <= 0 || overlapY <= 0) continue
    if (el.dataset.boardPanel === 'left') left = Math.max(left, Math.round(r.right - box.left))
    else right = Math.max(right, Math.round(box.right - r.left))
  }
  return { top: 0, right, bottom: 0, left }
}

export function usePanelInsets(frame: RefObject<HTMLElement | null>, camera: CameraController): void {
  useEffect(() => {
    const el = frame.current
    if (!el) return
    let scheduled = 0
    const update = () => {
      scheduled = 0
      const insets = measure(el)
      el.style.setProperty('--inset-left', `${insets.left}px`)
      el.style.setProperty('--inset-right', `${insets.right}px`)
      camera.setInsets(insets)
    }
    const soon = () => {
      if (!scheduled) scheduled = requestAnimationFrame(update)
    }
    update()
    // Panels come and go anywhere in the page (some are rendered beside the board, not in it).
    const mutations = new MutationObserver(soon)
    mutations.observe(document.body, { childList: true, subtree: true })
    const sizes = new ResizeObserver(soon)
    sizes.observe(el)
    window.addEventListener('resize', soon)
    return () => {
      if (scheduled) cancelAnimationFrame(scheduled)
      mutations.disconnect()
      sizes.disconnect()
      window.removeEventListener('resize', soon)
    }
  }, [frame, camera])
}
