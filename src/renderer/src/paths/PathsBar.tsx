/**
 * The strip above the board: which path the board shows (the others faded), the journey
 * overview of the paths, and the doors to Paths…, Compare paths… and Review.
 */
import { useState } from 'react'
import { sortedPaths } from '../../../shared/commands'
import type { JourneyMap } from '../../../shared/model'
import { setBoardUi, useBoardUi } from '../board/interaction/ui-store'
import { t } from '../i18n'
import { ComparePathsDialog } from './ComparePathsDialog'
import { JourneyOverview } from './JourneyOverview'
import { PathsDialog } from './PathsDialog'
import { ReviewDialog } from './ReviewDialog'
import './paths.css'

type Open = 'paths' | 'compare' | 'review' | null

export function PathsBar({ map }: { readonly map: JourneyMap }) {
  const [open, setOpen] = useState<Open>(null)
  const focus = useBoardUi((s) => s.pathId)
  const paths = sortedPaths(map)
  const shown = paths.some((p) => p.id === focus) ? focus : null
  return (
    <section className="paths-bar" aria-label={t('paths.bar.label')}>
      <div className="paths-controls">
        <label>
          {t('paths.bar.show')}{' '}
          <select
            aria-label={t('paths.bar.showLabel')}
            value={shown ?? ''}
            onChange={(e) => setBoardUi({ pathId: e.target.value || null })}
          >
            <option value="">{t('metrics.kpi.allPaths')}</option>
            {paths.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setOpen('paths')}>
          {t('paths.bar.edit')}
        </button>
        <button type="button" disabled={paths.length < 2} onClick={() => setOpen('compare')}>
          {t('paths.bar.compare')}
        </button>
        <button type="button" onClick={() => setOpen('review')}>
          {t('metrics.review.button')}
        </button>
      </div>
      <JourneyOverview map={map} focus={shown} />
      {open === 'paths' && <PathsDialog map={map} onClose={() => setOpen(null)} />}
      {open === 'compare' && <ComparePathsDialog map={map} onClose={() => setOpen(null)} />}
      {open === 'review' && <ReviewDialog map={map} onClose={() => setOpen(null)} />}
    </section>
  )
}
