/**
 * Review: the KPIs that turned amber or red since the newest snapshot, each with the notes of its
 * stage that say what to do (escalation, playbook). Without a snapshot it says to save one.
 */
import { useEffect, useState } from 'react'
import { formatKpiValue } from '../../../shared/analysis/kpi'
import { reviewSince } from '../../../shared/analysis/review'
import type { JourneyMap, SnapshotInfo } from '../../../shared/model'
import { Dialog } from '../common/Dialog'
import { t } from '../i18n'
import { useAppStore } from '../store'

export function ReviewDialog({ map, onClose }: { readonly map: JourneyMap; readonly onClose: () => void }) {
  const api = useAppStore((s) => s.api)
  const showError = useAppStore((s) => s.showError)
  const [base, setBase] = useState<{ info: SnapshotInfo; map: JourneyMap } | null | undefined>(undefined)
  const mapId = map.id
  useEffect(() => {
    if (!api) return
    let live = true
    void (async () => {
      try {
        const [newest] = await api.listSnapshots({ mapId })
        const snapshot = newest ? await api.getSnapshot({ id: newest.id }) : null
        if (live) setBase(newest && snapshot ? { info: newest, map: snapshot } : null)
      } catch (e) {
        showError(e)
      }
    })()
    return () => {
      live = false
    }
  }, [api, mapId, showError])
  const items = base ? reviewSince(base.map, map) : []
  const value = (v: number | null, unit: string) => (v === null ? '—' : formatKpiValue(v, unit))
  return (
    <Dialog
      title={base ? t('metrics.review.title', { name: base.info.name }) : t('metrics.review.button')}
      onClose={onClose}
      className="review-dialog"
    >
      {base === null && <p className="hint">{t('metrics.review.noSnapshot')}</p>}
      {base && items.length === 0 && <p>{t('metrics.review.none', { name: base.info.name })}</p>}
      <ul className="review-list">
        {items.map((item) => (
          <li key={item.metric.id} className={`review-${item.status}`}>
            <p>
              {t('metrics.review.kpi', {
                stage: item.stage.title,
                kpi: item.metric.name,
                before: item.before ? value(item.before.value, item.metric.unit) : '—',
                after: value(item.metric.value, item.metric.unit),
                status: t(`metrics.status.${item.status}`)
              })}
            </p>
            {item.notes.length > 0 ? (
              <>
                <p className="hint">{t('metrics.review.linkedNotes')}</p>
                <ul>
                  {item.notes.map((n) => (
                    <li key={n.id}>{n.text}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="hint">{t('metrics.review.noNotes')}</p>
            )}
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('paths.dialog.done')}
        </button>
      </div>
    </Dialog>
  )
}
