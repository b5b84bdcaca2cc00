/**
 * The paths strip above the board (the path shown, the journey overview) and the paths and
 * metrics entries of the header's Workshop menu (Paths…, Compare paths…, Review, Import metrics…).
 */
import { useState, type ReactNode } from 'react'
import { sortedPaths } from '../../../shared/commands'
import type { JourneyMap } from '../../../shared/model'
import { PathOptions } from '../common/PathOptions'
import { setBoardUi, useBoardUi } from '../editing/ui-store'
import { t } from '../i18n'
import type { WorkshopMenuItem } from '../workshop/WorkshopButtons'
import { ComparePathsDialog } from './ComparePathsDialog'
import { JourneyOverview } from './JourneyOverview'
import { PathsDialog } from './PathsDialog'
import { ReviewDialog } from './ReviewDialog'
import './paths.css'

type Open = 'paths' | 'compare' | 'review' | null

/**
 * The strip above the board, for a map that has paths (nothing otherwise): which path the board
 * shows (the others faded) and the journey overview. It takes its room from the board.
 */
export function PathsOverview({ map }: { readonly map: JourneyMap }) {
  const focus = useBoardUi((s) => s.pathId)
  const paths = sortedPaths(map)
  if (paths.length === 0) return null
  const shown = paths.some((p) => p.id === focus) ? focus : null
  return (
    <section className="paths-bar" aria-label={t('paths.bar.label')}>
      <label className="paths-show">
        {t('paths.bar.show')}{' '}
        <select
          aria-label={t('paths.bar.showLabel')}
          value={shown ?? ''}
          onChange={(e) => setBoardUi({ pathId: e.target.value || null })}
        >
          <PathOptions paths={paths} all={t('metrics.kpi.allPaths')} />
        </select>
      </label>
      <JourneyOverview map={map} focus={shown} />
    </section>
  )
}

/**
 * The paths and metrics entries of the map header's Workshop menu (the header stays one row and
 * nothing covers the board): Paths…, Compare paths… (two paths or more), Review, Import
 * metrics…; and the dialogs they open.
 */
export function usePathsMenu(
  map: JourneyMap | null,
  onImportMetrics: () => void
): { readonly items: readonly WorkshopMenuItem[]; readonly dialogs: ReactNode } {
  const [open, setOpen] = useState<Open>(null)
  const items: WorkshopMenuItem[] = [
    { label: t('paths.bar.edit'), action: () => setOpen('paths') },
    ...((map?.paths.length ?? 0) >= 2 ? [{ label: t('paths.bar.compare'), action: () => setOpen('compare') }] : []),
    { label: t('metrics.review.button'), action: () => setOpen('review') },
    { label: t('metrics.import.button'), action: onImportMetrics }
  ]
  const dialogs = map && (
    <>
      {open === 'paths' && <PathsDialog map={map} onClose={() => setOpen(null)} />}
      {open === 'compare' && <ComparePathsDialog map={map} onClose={() => setOpen(null)} />}
      {open === 'review' && <ReviewDialog map={map} onClose={() => setOpen(null)} />}
    </>
  )
  return { items, dialogs }
}
