/**
 * The board's tools: Add note, the Connect tool, the list of pain points, undo and redo (bottom
 * left, opposite the zoom controls); and the buttons that add a stage after the last one and a
 * lane below the last one, riding on the ends of the header row and column.
 */
import { useCallback, useRef } from 'react'
import { LAYOUT, type Scene } from '../../../../shared/layout'
import type { JourneyMap } from '../../../../shared/model'
import { t } from '../../i18n'
import { useAppStore } from '../../store'
import { selectCanRedo, selectCanUndo, selectRedoLabel, selectUndoLabel } from '../../store/editor'
import type { CameraController } from '../camera'
import { cellForNewNote, perform, startNewNote } from '../../editing/actions'
import { reveal, useFollowCamera } from './follow-camera'
import { stickyOf } from './geometry'
import { setBoardUi, useBoardUi } from '../../editing/ui-store'

export function BoardTools({ map, scene, camera }: { map: JourneyMap; scene: Scene; camera: CameraController }) {
  const connectMode = useBoardUi((s) => s.connectMode)
  const painPointsOpen = useBoardUi((s) => s.painPointsOpen)
  const canUndo = useAppStore(selectCanUndo)
  const canRedo = useAppStore(selectCanRedo)
  const undoLabel = useAppStore(selectUndoLabel)
  const redoLabel = useAppStore(selectRedoLabel)
  const addNote = () => {
    const cell = cellForNewNote(map, useAppStore.getState().selection)
    if (!cell) return
    const item = scene.cells.find((c) => c.stageId === cell.stageId && c.laneId === cell.laneId)
    if (item) reveal(camera, item)
    useAppStore.getState().select({ kind: 'cell', stageId: cell.stageId, laneId: cell.laneId })
    startNewNote(map, cell.stageId, cell.laneId)
  }
  return (
    <div className="board-tools" role="toolbar" aria-label={t('interaction.tools')}>
      <button type="button" className="primary" onClick={addNote} title={t('interaction.tools.addNoteHint')}>
        + {t('interaction.tools.addNote')}
      </button>
      <button
        type="button"
        aria-pressed={connectMode}
        title={t('interaction.tools.connectHint')}
        onClick={() => perform({ type: 'connectMode', on: !connectMode }, useAppStore.getState())}
      >
        {t('interaction.tools.connect')}
      </button>
      <button
        type="button"
        aria-pressed={painPointsOpen}
        title={t('interaction.tools.painPointsHint')}
        onClick={() => setBoardUi({ painPointsOpen: !painPointsOpen })}
      >
        {t('interaction.tools.painPoints')}
      </button>
      <span className="tools-gap" aria-hidden="true" />
      <button
        type="button"
        disabled={!canUndo}
        title={undoLabel ?? t('interaction.tools.undo')}
        aria-label={undoLabel ?? t('interaction.tools.undo')}
        onClick={() => useAppStore.getState().undo()}
      >
        ↶
      </button>
      <button
        type="button"
        disabled={!canRedo}
        title={redoLabel ?? t('interaction.tools.redo')}
        aria-label={redoLabel ?? t('interaction.tools.redo')}
        onClick={() => useAppStore.getState().redo()}
      >
        ↷
      </button>
    </div>
  )
}

/** "+" after the last stage header and below the last lane header, following the camera. */
export function StructureButtons({ map, scene, camera }: { map: JourneyMap; scene: Scene; camera: CameraController }) {
  const stageRef = useRef<HTMLButtonElement>(null)
  const laneRef = useRef<HTMLButtonElement>(null)
  const placeStage = useCallback(
    () => ({ x: scene.width, y: stickyOf(scene, camera.visible()).top + LAYOUT.stageHeaderHeight / 2 }),
    [scene, camera]
  )
  const placeLane = useCallback(
    () => ({ x: stickyOf(scene, camera.visible()).left + LAYOUT.laneHeaderWidth / 2, y: scene.height }),
    [scene, camera]
  )
  useFollowCamera(camera, stageRef, placeStage, false)
  useFollowCamera(camera, laneRef, placeLane, false)
  return (
    <>
      <button
        ref={stageRef}
        type="button"
        className="structure-add add-stage"
        aria-label={t('interaction.addStage')}
        title={t('interaction.addStage')}
        onClick={() => perform({ type: 'addStage', index: map.stages.length }, useAppStore.getState())}
      >
        +
      </button>
      <button
        ref={laneRef}
        type="button"
        className="structure-add add-lane"
        aria-label={t('interaction.addLane')}
        title={t('interaction.addLane')}
        aria-haspopup="menu"
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect()
          setBoardUi({ menu: { x: box.left, y: box.bottom + 4, context: { kind: 'addLane' } } })
        }}
      >
        +
      </button>
    </>
  )
}
