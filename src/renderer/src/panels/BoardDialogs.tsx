/**
 * The board's dialogs: adding or editing a pain-point marker (severity 1–3 and a short label),
 * and confirming the deletion of a stage or lane that holds something (undoable all the same).
 */
import { useId, useState, type RefObject } from 'react'
import type { JourneyMap, MarkerTarget } from '../../../shared/model'
import { LIMITS } from '../../../shared/schema/entities'
import { contentsOf } from '../editing/actions'
import { setBoardUi, type DialogRequest } from '../editing/ui-store'
import { ConfirmDialog, Dialog } from '../common/Dialog'
import { TextField, tooLong } from '../common/Field'
import { t } from '../i18n'
import { useAppStore } from '../store'
import type { LinkedPersona } from '../editing/note-fields'
import { seriesOf } from '../editing/series'
import './panels.css'

export interface BoardDialogProps {
  readonly request: DialogRequest
  readonly map: JourneyMap
  readonly personas: readonly LinkedPersona[]
  readonly board: RefObject<HTMLElement | null>
}

export function BoardDialog({ request, map, personas, board }: BoardDialogProps) {
  const close = () => {
    setBoardUi({ dialog: null })
    // After the native dialog has given focus back, hand it to the board.
    requestAnimationFrame(() => board.current?.focus({ preventScroll: true }))
  }
  if (request.kind === 'marker') {
    return (
      <MarkerDialog target={request.target} markerId={request.markerId} map={map} personas={personas} onClose={close} />
    )
  }
  const items = request.what === 'stage' ? map.stages : map.lanes
  const title = items.find((i) => i.id === request.id)?.title ?? ''
  const { notes, points } = contentsOf(map, request.what, request.id)
  return (
    <ConfirmDialog
      title={t('interaction.delete.title', { what: t(`interaction.delete.${request.what}`), title })}
      message={
        <>
          <p>{t('interaction.delete.contents', { notes, points })}</p>
          <p>{t('interaction.delete.undo')}</p>
        </>
      }
      confirmLabel={t('interaction.delete.confirm')}
      danger
      onCancel={close}
      onConfirm={() => {
        const state = useAppStore.getState()
        if (request.what === 'stage') state.execute('deleteStage', { stageId: request.id })
        else state.execute('deleteLane', { laneId: request.id })
        close()
      }}
    />
  )
}

/** Where a marker sits, in words. */
export function markerPlace(map: JourneyMap, target: MarkerTarget, personas: readonly LinkedPersona[]): string {
  if (target.kind === 'note') {
    const text = map.notes.find((n) => n.id === target.noteId)?.text ?? ''
    return t('interaction.marker.onNote', { text: text.length > 60 ? `${text.slice(0, 57)}…` : text })
  }
  const series = seriesOf(map, personas).find((s) => s.personaId === target.personaId && s.variant === target.variant)
  const stage = map.stages.find((s) => s.id === target.stageId)?.title ?? ''
  return t('interaction.marker.onPoint', { series: series?.name ?? '', stage })
}

function MarkerDialog({
  target,
  markerId,
  map,
  personas,
  onClose
}: {
  target: MarkerTarget
  markerId: string | undefined
  map: JourneyMap
  personas: readonly LinkedPersona[]
  onClose: () => void
}) {
  const existing = markerId ? map.markers.find((m) => m.id === markerId) : undefined
  const [severity, setSeverity] = useState(existing?.severity ?? 2)
  const [label, setLabel] = useState(existing?.label ?? '')
  const placeId = useId()
  const error = label.length > LIMITS.label ? tooLong(label.length, LIMITS.label) : null
  return (
    <Dialog
      title={existing ? t('interaction.marker.dialogEdit') : t('interaction.marker.dialogAdd')}
      onClose={onClose}
      describedBy={placeId}
      className="marker-dialog"
      onSubmit={() => {
        if (error) return
        const state = useAppStore.getState()
        const text = label.trim()
        if (existing) state.execute('editMarker', { markerId: existing.id, severity, label: text })
        else state.execute('addMarker', { target, severity, label: text })
        onClose()
      }}
    >
      <p id={placeId} className="dialog-place">
        {markerPlace(map, target, personas)}
      </p>
      <fieldset className="severity-choice">
        <legend>{t('interaction.marker.severity')}</legend>
        {[1, 2, 3].map((s) => (
          <label key={s} className={`severity-option severity-${s}`}>
            <input type="radio" name="severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} />
            <span className="severity-dot" aria-hidden="true">
              {s}
            </span>
            {t(`interaction.severity.${s as 1 | 2 | 3}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('interaction.marker.label')}
        value={label}
        onChange={setLabel}
        max={LIMITS.label}
        error={error}
        hint={t('interaction.marker.labelHint')}
        autoFocus
      />
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary">
          {existing ? t('interaction.marker.save') : t('interaction.marker.addButton')}
        </button>
      </div>
    </Dialog>
  )
}
