import type Konva from 'konva'
import { useLayoutEffect, useRef, type RefObject } from 'react'
import type { Scene } from '../../../../shared/layout'
import type { CameraController } from '../camera'
import type { SceneIndex } from '../scene-index'
import { useTheme } from '../../common/theme'
import { setBoardPalette } from './palette'
import { BoardRenderer } from './renderer'

/**
 * Draws `scene` on the notes layer with a BoardRenderer made once the layer exists (`ready`: the
 * stage is mounted) and fed every new scene; React renders none of it.
 */
export function useBoardRenderer(
  layer: RefObject<Konva.Layer | null>,
  camera: CameraController,
  scene: Scene,
  index: SceneIndex,
  measureKey: unknown,
  ready: boolean
): RefObject<BoardRenderer | null> {
  const renderer = useRef<BoardRenderer | null>(null)
  // The page's theme chooses the board's palette (light draws the paper's own colours).
  const theme = useTheme((s) => s.theme)
  useLayoutEffect(() => setBoardPalette(theme === 'light' ? 'paper' : theme), [theme])
  const latest = useRef({ scene, index, measureKey })
  useLayoutEffect(() => {
    latest.current = { scene, index, measureKey }
    renderer.current?.setScene(scene, index, measureKey)
  }, [scene, index, measureKey])
  useLayoutEffect(() => {
    const notes = layer.current
    if (!ready || !notes) return
    const created = new BoardRenderer(notes, camera)
    renderer.current = created
    created.setScene(latest.current.scene, latest.current.index, latest.current.measureKey)
    return () => {
      created.destroy()
      renderer.current = null
    }
  }, [layer, camera, ready])
  return renderer
}
