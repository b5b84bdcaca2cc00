/**
 * The workshop's place in the map header, kept small because the header is shared: an Analysis
 * button, and a Workshop menu with KPIs…, Dot voting, Timer and Present (then the paths and metrics
 * entries the map screen passes). The panels they open are
 * drawn over the board by WorkshopBoard; the KPI dialog is modal.
 */
import { useShallow } from 'zustand/react/shallow'
import type { JourneyMap } from '../../../shared/model'
import { KpiDialog, stageForKpis } from '../analysis/KpiDialog'
import { useMenu } from '../common/MenuButton'
import { t } from '../i18n'
import { useAppStore } from '../store'
import { startPresentation } from './actions'
import { setWorkshop, togglePanel, useWorkshop } from './store'
import './workshop.css'

/** A further entry of the Workshop menu (the paths and metrics ones: paths/PathsBar.tsx). */
export interface WorkshopMenuItem {
  readonly label: string
  readonly action: () => void
}

export function WorkshopButtons({
  map,
  extraItems = []
}: {
  readonly map: JourneyMap
  readonly extraItems?: readonly WorkshopMenuItem[]
}) {
  const { panel, kpiStageId, mapId } = useWorkshop(
    useShallow((s) => ({ panel: s.panel, kpiStageId: s.kpiStageId, mapId: s.mapId }))
  )
  // Until the board has said which map it shows, nothing of another map's session is shown.
  const mine = mapId === map.id
  return (
    <div className="workshop-buttons">
      <button type="button" aria-expanded={mine && panel === 'analysis'} onClick={() => togglePanel('analysis')}>
        {t('workshop.analysis.button')}
      </button>
      <WorkshopMenu map={map} extraItems={extraItems} />
      {mine && kpiStageId !== null && <KpiDialog map={map} stageId={kpiStageId} />}
    </div>
  )
}

function WorkshopMenu({ map, extraItems }: { map: JourneyMap; extraItems: readonly WorkshopMenuItem[] }) {
  const { open, toggle, choose, root, button, list, onKeyDown } = useMenu()
  const { panel, timerOpen, live } = useWorkshop(
    useShallow((s) => ({
      panel: s.panel,
      timerOpen: s.timerOpen,
      live: s.round !== null || s.timer.endsAt !== null
    }))
  )

  return (
    <div className="workshop-menu" ref={root}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        className={live ? 'live' : undefined}
        onClick={toggle}
      >
        {t('workshop.toolbar')} ▾
      </button>
      {open && (
        <ul ref={list} role="menu" aria-label={t('workshop.toolbar')} onKeyDown={onKeyDown}>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={map.stages.length === 0}
              onClick={() =>
                choose(() => setWorkshop({ kpiStageId: stageForKpis(map, useAppStore.getState().selection) }))
              }
            >
              {t('workshop.kpi.button')}…
            </button>
          </li>
          <li role="none">
            <button
              type="button"
              role="menuitemcheckbox"
              tabIndex={-1}
              aria-checked={panel === 'voting'}
              onClick={() => choose(() => togglePanel('voting'))}
            >
              {t('workshop.vote.button')}
            </button>
          </li>
          <li role="none">
            <button
              type="button"
              role="menuitemcheckbox"
              tabIndex={-1}
              aria-checked={timerOpen}
              onClick={() => choose(() => setWorkshop({ timerOpen: !timerOpen }))}
            >
              {t('workshop.timer.button')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(startPresentation)}>
              {t('workshop.present.button')}
            </button>
          </li>
          {extraItems.length > 0 && <li role="separator" />}
          {extraItems.map((item) => (
            <li role="none" key={item.label}>
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(item.action)}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
