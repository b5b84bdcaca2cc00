import { useSyncExternalStore } from 'react'
import type { Scene } from '../../../shared/layout'
import { t } from '../i18n'
import { useAppStore } from '../store'
import type { CameraController } from './camera'
import { zoomToSelection } from '../editing/navigation'
import { OverviewButton } from './Overview'

const useZoom = (camera: CameraController) =>
  useSyncExternalStore(
    (listener) => camera.subscribe(listener),
    () => camera.zoom
  )

/** Zoom out, the zoom level (click: 100%), zoom in, zoom to fit, zoom to the selection, the overview. */
export function ZoomToolbar({ camera, scene, notes }: { camera: CameraController; scene: Scene; notes: number }) {
  const zoom = useZoom(camera)
  // Below 1 % (a 50,000-note board fitted) two significant digits, so it does not read 0 %.
  const percent = zoom >= 0.01 ? Math.round(zoom * 100) : Number((zoom * 100).toPrecision(2))
  const hasSelection = useAppStore((s) => s.selection.kind !== 'none')
  return (
    <div className="board-toolbar" role="toolbar" aria-label={t('board.toolbar')}>
      <button type="button" onClick={() => camera.step(-1)} aria-label={t('board.zoomOut')} title={t('board.zoomOut')}>
        −
      </button>
      <button
        type="button"
        className="zoom-level"
        onClick={() => camera.zoomTo(1)}
        aria-label={t('board.zoomLevel', { percent })}
        title={t('board.zoomReset')}
      >
        {t('board.percent', { percent })}
      </button>
      <button type="button" onClick={() => camera.step(1)} aria-label={t('board.zoomIn')} title={t('board.zoomIn')}>
        +
      </button>
      <button type="button" onClick={() => camera.fit()} title={t('board.zoomFitHint')}>
        {t('board.zoomFit')}
      </button>
      <button
        type="button"
        disabled={!hasSelection}
        onClick={() => zoomToSelection(camera, scene, useAppStore.getState().selection)}
        aria-label={t('interaction.zoomSelectionHint')}
        title={t('interaction.zoomSelectionHint')}
      >
        {t('interaction.zoomSelection')}
      </button>
      <OverviewButton notes={notes} />
    </div>
  )
}
