/**
 * The strip above the board: which path the board shows (the others faded), the journey
 * overview of the paths, and the doors to Paths…, Compare paths…, Review and Import metrics….
 */
import { useState } from 'react'
import { sortedPaths } from '../../../shared/commands'
import type { JourneyMap } from '../../../shared/model'
import { setBoardUi, useBoardUi } from '../editing/ui-store'
import { t } from '../i18n'
import { ComparePathsDialog } from './ComparePathsDialog'
import { JourneyOverview } from './JourneyOverview'
import { PathsDialog } from './PathsDialog'
import { ReviewDialog } from './ReviewDialog'
import './paths.css'

type Open = 'paths' | 'compare' | 'review' | null

/** The journey overview above the board, for a map that has paths (nothing otherwise). */
export function PathsOverview({ map }: { readonly map: JourneyMap }) {
  const focus = useBoardUi((s) => s.pathId)
  if (map.paths.length === 0) return null
  const shown = map.paths.some((p) => p.id === focus) ? focus : null
  return (
    <section className="paths-bar" aria-label={t('paths.bar.label')}>
      <JourneyOverview map={map} focus={shown} />
    </section>
  )
}

/** The controls floating over the board: the path shown, Paths…, Compare paths…, Review, Import metrics…. */
export function PathsBar({ map, onImportMetrics }: { readonly map: JourneyMap; onImportMetrics(): void }) {
  const [open, setOpen] = useState<Open>(null)
  const focus = useBoardUi((s) => s.pathId)
  const paths = sortedPaths(map)
  const shown = paths.some((p) => p.id === focus) ? focus : null
  return (
    <>
      <div className="paths-controls" role="toolbar" aria-label={t('paths.bar.label')}>
        {paths.length > 0 && (
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
        )}
        <button type="button" onClick={() => setOpen('paths')}>
          {t('paths.bar.edit')}
        </button>
        {paths.length >= 2 && (
          <button type="button" onClick={() => setOpen('compare')}>
            {t('paths.bar.compare')}
          </button>
        )}
        <button type="button" onClick={() => setOpen('review')}>
          {t('metrics.review.button')}
        </button>
        <button type="button" onClick={onImportMetrics}>
          {t('metrics.import.button')}
        </button>
      </div>
      {open === 'paths' && <PathsDialog map={map} onClose={() => setOpen(null)} />}
      {open === 'compare' && <ComparePathsDialog map={map} onClose={() => setOpen(null)} />}
      {open === 'review' && <ReviewDialog map={map} onClose={() => setOpen(null)} />}
    </>
  )
}
