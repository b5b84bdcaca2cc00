/**
 * What a user touches on the board itself, mounted by Board beside the canvas: the pointer and
 * key handling (useBoardInteraction), the note text editor, rename fields, the tool bar and the
 * add-stage / add-lane buttons, and keeping the selection in view when a panel covers it. The
 * side panel, context menu and dialogs are the map screen's (map/MapOverlays.tsx).
 */
import type Konva from 'konva'
import { useEffect, type RefObject } from 'react'
import type { Scene } from '../../../../shared/layout'
import type { JourneyMap } from '../../../../shared/model'
import { useAppStore } from '../../store'
import type { CameraController } from '../camera'
import { NoteEditor } from '../NoteEditor'
import type { SceneIndex } from '../scene-index'
import { BoardTools, StructureButtons } from './BoardTools'
import { reveal } from './follow-camera'
import { selectionRect } from '../../editing/navigation'
import { RenameField } from './RenameField'
import { useBoardUi } from '../../editing/ui-store'
import { useBoardInteraction } from './useBoardInteraction'

export interface BoardInteractionProps {
  readonly map: JourneyMap
  readonly scene: Scene
  readonly index: SceneIndex
  readonly camera: CameraController
  readonly container: RefObject<HTMLDivElement | null>
  readonly stage: RefObject<Konva.Stage | null>
}

const editorKey = (target: { kind: string; noteId?: string; stageId?: string; laneId?: string }) =>
  `${target.kind}:${target.noteId ?? `${target.stageId}:${target.laneId}`}`

export function BoardInteraction({ map, scene, index, camera, container, stage }: BoardInteractionProps) {
  useBoardInteraction({ container, stage, camera, scene, index })
  const editor = useBoardUi((s) => s.editor)
  const rename = useBoardUi((s) => s.rename)
  const board = container
  // The selection stays in view when a panel opens over it, or when it is picked under one.
  useEffect(() => {
    const keepInView = () => {
      const selection = useAppStore.getState().selection
      if (selection.kind === 'notes' && selection.noteIds.length > 1) return
      const rect = selectionRect(scene, selection)
      if (!rect) return
      const { x, zoom } = camera.camera
      const free = camera.free()
      const left = rect.x * zoom + x
      const right = left + rect.w * zoom
      if (left < free.x || right > free.x + free.width)
        reveal(camera, rect, selection.kind === 'stage' ? 'x' : selection.kind === 'lane' ? 'y' : 'xy')
    }
    const offInsets = camera.onInsets(keepInView)
    const offSelection = useAppStore.subscribe((s, prev) => {
      if (s.selection !== prev.selection) requestAnimationFrame(keepInView)
    })
    return () => {
      offInsets()
      offSelection()
    }
  }, [camera, scene])
  return (
    <>
      <div className="board-overlay">
        {editor && (
          <NoteEditor
            key={editorKey(editor)}
            target={editor}
            scene={scene}
            index={index}
            map={map}
            camera={camera}
            board={board}
          />
        )}
        {rename && (
          <RenameField
            key={`${rename.kind}:${rename.id}`}
            target={rename}
            scene={scene}
            map={map}
            camera={camera}
            board={board}
          />
        )}
        <StructureButtons map={map} scene={scene} camera={camera} />
      </div>
      <BoardTools map={map} scene={scene} camera={camera} />
    </>
  )
}
