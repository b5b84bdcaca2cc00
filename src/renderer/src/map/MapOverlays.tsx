/**
 * What the map screen lays over the board: the workshop's overlays (voting targets, the stage
 * presented, the analysis and voting panels, timer, presentation controls), the side panel, the
 * context menu and the dialogs. The board hands its view (scene, index, camera, canvas element)
 * to the map screen, which mounts these here, so board/ draws and hit-tests and nothing more.
 */
import { useCallback, useMemo } from 'react'
import type { BoardView } from '../board/Board'
import { reveal } from '../board/interaction/follow-camera'
import { selectionRect } from '../editing/navigation'
import { linkedPersonas } from '../editing/note-fields'
import { useBoardUi } from '../editing/ui-store'
import { BoardDialog } from '../panels/BoardDialogs'
import { ContextMenu } from '../panels/ContextMenu'
import { SidePanel } from '../panels/SidePanel'
import { useAppStore } from '../store'
import type { Selection } from '../store/editor'
import { WorkshopBoard } from '../workshop/WorkshopBoard'

export function MapOverlays({ view }: { view: BoardView }) {
  const { map, personas, scene, camera, container } = view
  const menu = useBoardUi((s) => s.menu)
  const dialog = useBoardUi((s) => s.dialog)
  const linked = useMemo(() => linkedPersonas(map, personas), [map, personas])
  // A panel's list item (a pain point, say) selects its record and brings it into view.
  const show = useCallback(
    (selection: Selection) => {
      useAppStore.getState().select(selection)
      const rect = selectionRect(scene, selection)
      if (rect) reveal(camera, rect)
    },
    [scene, camera]
  )
  return (
    <>
      <WorkshopBoard map={map} scene={scene} camera={camera} container={container} />
      <SidePanel map={map} personas={linked} show={show} />
      {menu && <ContextMenu request={menu} map={map} personas={linked} board={container} />}
      {dialog && <BoardDialog request={dialog} map={map} personas={linked} board={container} />}
    </>
  )
}
