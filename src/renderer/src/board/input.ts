/**
 * Pan and zoom input: drag on empty space (or anywhere with Space held, or the middle button),
 * wheel to scroll, ctrl/cmd+wheel or a trackpad pinch (wheel events with ctrlKey) to zoom at the
 * pointer, a two-finger touch pinch to zoom around the fingers' midpoint, + − 0 on the keyboard.
 * Panning is a small state machine: idle → panning → (second finger) pinching → idle, cancelled
 * by pointercancel/blur.
 */
import { useEffect, type RefObject } from 'react'
import { pinchCamera, wheelZoomFactor } from '../../../shared/layout'
import { actionForKey } from '../../../shared/actions'
import { runZoomAction, ZOOM_KEYS, type CameraController } from './camera'
import type { SceneIndex } from './scene-index'

const LINE_HEIGHT_PX = 16

/** True when a key press belongs to a text field or button rather than the board. */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function useBoardInput(
  container: RefObject<HTMLDivElement | null>,
  camera: CameraController,
  index: RefObject<SceneIndex | null>
): void {
  useEffect(() => {
    const el = container.current
    if (!el) return
    let spaceHeld = false
    let pan: { pointerId: number; x: number; y: number } | null = null
    /** Touch pointers this board holds (board-local screen points): two make a pinch. */
    const touches = new Map<number, { x: number; y: number }>()
    let pinching = false

    const local = (e: { clientX: number; clientY: number }) => {
      const box = el.getBoundingClientRect()
      return { x: e.clientX - box.left, y: e.clientY - box.top }
    }
    const setMode = () => {
      el.setAttribute('data-mode', pan ? 'panning' : spaceHeld ? 'grab' : 'idle')
    }

    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const unit = e.deltaMode === 1 ? LINE_HEIGHT_PX : e.deltaMode === 2 ? camera.viewport.height : 1
      if (e.ctrlKey || e.metaKey) {
        camera.zoomBy(wheelZoomFactor(e.deltaY * unit), local(e))
        return
      }
      const dx = e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX
      const dy = e.shiftKey && e.deltaX === 0 ? 0 : e.deltaY
      camera.panBy(-dx * unit, -dy * unit)
    }

    const onPointerDown = (e: PointerEvent) => {
      if (e.pointerType === 'touch' && touches.size === 1 && !pinching) {
        // A second finger: the pan becomes a pinch.
        e.preventDefault()
        el.setPointerCapture(e.pointerId)
        touches.set(e.pointerId, local(e))
        pinching = true
        pan = null
        setMode()
        return
      }
      if (pan || pinching) return
      const p = local(e)
      const onEmpty = () => {
        const zoom = camera.zoom
        const at = { x: (p.x - camera.camera.x) / zoom, y: (p.y - camera.camera.y) / zoom }
        return !index.current?.noteAt(at)
      }
      if (e.button === 1 || (e.button === 0 && (spaceHeld || onEmpty()))) {
        e.preventDefault()
        el.focus({ preventScroll: true })
        el.setPointerCapture(e.pointerId)
        pan = { pointerId: e.pointerId, x: e.clientX, y: e.clientY }
        if (e.pointerType === 'touch') touches.set(e.pointerId, p)
        setMode()
      }
    }
    const onPointerMove = (e: PointerEvent) => {
      if (pinching && touches.has(e.pointerId)) {
        const before = [...touches.values()]
        touches.set(e.pointerId, local(e))
        const after = [...touches.values()]
        if (before.length === 2 && after.length === 2) {
          camera.set(pinchCamera(camera.camera, [before[0]!, before[1]!], [after[0]!, after[1]!], camera.minZoom))
        }
        return
      }
      if (!pan || e.pointerId !== pan.pointerId) return
      camera.panBy(e.clientX - pan.x, e.clientY - pan.y)
      pan = { ...pan, x: e.clientX, y: e.clientY }
    }
    const endPan = (e: PointerEvent) => {
      if (touches.delete(e.pointerId)) {
        if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId)
        // The finger left on the board after a pinch does nothing until it lifts too.
        if (pinching) {
          if (touches.size === 0) pinching = false
          return
        }
      }
      if (!pan || e.pointerId !== pan.pointerId) return
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId)
      pan = null
      setMode()
    }

    const onKeyDown = (e: KeyboardEvent) => {
      if (typingInto(e.target) || e.altKey || e.ctrlKey || e.metaKey) return
      if (actionForKey(e, ['pan']) === 'pan') {
        // Space on a focused button presses it; elsewhere it turns the pointer into a hand.
        if (e.target instanceof HTMLButtonElement) return
        e.preventDefault()
        if (!spaceHeld) {
          spaceHeld = true
          setMode()
        }
        return
      }
      const zoom = actionForKey(e, ZOOM_KEYS)
      if (zoom) {
        e.preventDefault()
        runZoomAction(camera, zoom)
      }
    }
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && spaceHeld) {
        spaceHeld = false
        setMode()
      }
    }
    const onBlur = () => {
      spaceHeld = false
      pan = null
      pinching = false
      touches.clear()
      setMode()
    }

    setMode()
    el.addEventListener('wheel', onWheel, { passive: false })
    el.addEventListener('pointerdown', onPointerDown)
    el.addEventListener('pointermove', onPointerMove)
    el.addEventListener('pointerup', endPan)
    el.addEventListener('pointercancel', endPan)
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('keyup', onKeyUp)
    window.addEventListener('blur', onBlur)
    return () => {
      el.removeEventListener('wheel', onWheel)
      el.removeEventListener('pointerdown', onPointerDown)
      el.removeEventListener('pointermove', onPointerMove)
      el.removeEventListener('pointerup', endPan)
      el.removeEventListener('pointercancel', endPan)
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('keyup', onKeyUp)
      window.removeEventListener('blur', onBlur)
    }
  }, [container, camera, index])
}
