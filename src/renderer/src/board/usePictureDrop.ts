/**
 * A picture file dropped on a note becomes its picture (files dropped elsewhere are left to the
 * import's drop zone).
 */
import { useEffect, type RefObject } from 'react'
import { setPictureFromFile } from '../common/note-picture'
import type { CameraController } from './camera'
import type { SceneIndex } from './scene-index'

export function usePictureDrop(
  container: RefObject<HTMLElement | null>,
  index: RefObject<SceneIndex | null>,
  camera: CameraController
): void {
  useEffect(() => {
    const el = container.current
    if (!el) return
    const noteUnder = (e: DragEvent) => {
      const box = el.getBoundingClientRect()
      const { x, y, zoom } = camera.camera
      return (
        index.current?.noteAt({ x: (e.clientX - box.left - x) / zoom, y: (e.clientY - box.top - y) / zoom }) ?? null
      )
    }
    const picture = (e: DragEvent) =>
      [...(e.dataTransfer?.items ?? [])].some((i) => i.kind === 'file' && i.type.startsWith('image/'))
    const onDragOver = (e: DragEvent) => {
      if (!picture(e) || !noteUnder(e)) return
      e.preventDefault()
      e.stopPropagation()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (e: DragEvent) => {
      const note = noteUnder(e)
      const file = [...(e.dataTransfer?.files ?? [])].find((f) => f.type.startsWith('image/'))
      if (!note || !file) return
      e.preventDefault()
      e.stopPropagation()
      void setPictureFromFile(note.id, file)
    }
    el.addEventListener('dragover', onDragOver)
    el.addEventListener('drop', onDrop)
    return () => {
      el.removeEventListener('dragover', onDragOver)
      el.removeEventListener('drop', onDrop)
    }
  }, [container, index, camera])
}
