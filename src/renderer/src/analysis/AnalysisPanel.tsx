/**
 * The analysis panel: what src/shared/analysis finds in the open map, recomputed as the map
 * changes. Three views: findings by category (gaps, hotspots, bottlenecks, inconsistencies —
 * each one click away from the board, zoomed and selected), the ranking of opportunities with
 * their impact and effort editable in place, and the 2×2 impact/effort matrix.
 */
import { useId, useMemo } from 'react'
import { analyzeMap, type Finding, type FindingCategory, type Findings } from '../../../shared/analysis'
import type { JourneyMap } from '../../../shared/model'
import { usePersonas } from '../board/usePersonas'
import { t } from '../i18n'
import { focusBoard } from '../workshop/board-link'
import { setWorkshop, useWorkshop, type AnalysisTab } from '../workshop/store'
import { findingLabels, findingText } from './finding-text'
import { ImpactEffortMatrix } from './ImpactEffortMatrix'
import { OpportunityRanking } from './OpportunityRanking'
import './analysis.css'

export { findingLabels, findingText }

const TABS: readonly AnalysisTab[] = ['findings', 'ranking', 'matrix']
const SECTIONS = [
  ['gap', 'gaps'],
  ['hotspot', 'hotspots'],
  ['bottleneck', 'bottlenecks'],
  ['inconsistency', 'inconsistencies']
] as const satisfies readonly (readonly [FindingCategory, keyof Findings])[]

export function AnalysisPanel({ map }: { readonly map: JourneyMap }) {
  const personas = usePersonas()
  const findings = useMemo(
    () => analyzeMap(map, personas, { everyoneLabel: t('workshop.analysis.everyone') }),
    [map, personas]
  )
  const tab = useWorkshop((s) => s.analysisTab)
  const headingId = useId()
  const tabsId = useId()
  return (
    <aside className="workshop-panel analysis-panel" data-board-panel="left" aria-labelledby={headingId}>
      <header className="workshop-panel-head">
        <h2 id={headingId}>{t('workshop.analysis.title')}</h2>
        <button
          type="button"
          className="quiet"
          aria-label={t('workshop.analysis.close')}
          onClick={() => setWorkshop({ panel: null })}
        >
          ×
        </button>
      </header>
      <div className="analysis-tabs" role="tablist" aria-label={t('workshop.analysis.tabs')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`${tabsId}-${id}`}
            aria-selected={tab === id}
            aria-controls={`${tabsId}-panel`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setWorkshop({ analysisTab: id })}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
              if (!step) return
              e.preventDefault()
              const next = TABS[(TABS.indexOf(id) + step + TABS.length) % TABS.length]!
              setWorkshop({ analysisTab: next })
              document.getElementById(`${tabsId}-${next}`)?.focus()
            }}
          >
            {t(`workshop.analysis.tab.${id}`)}
          </button>
        ))}
      </div>
      <div
        className="workshop-panel-body"
        role="tabpanel"
        id={`${tabsId}-panel`}
        aria-labelledby={`${tabsId}-${tab}`}
        tabIndex={0}
      >
        {tab === 'findings' && <FindingsView findings={findings} />}
        {tab === 'ranking' && <OpportunityRanking opportunities={findings.opportunities} />}
        {tab === 'matrix' && <ImpactEffortMatrix opportunities={findings.opportunities} />}
      </div>
    </aside>
  )
}

function FindingsView({ findings }: { findings: Findings }) {
  const labels = findingLabels()
  const rated = findings.opportunities.filter((o) => o.rank !== null).length
  return (
    <>
      <p className="hint">{t('workshop.analysis.intro')}</p>
      {SECTIONS.map(([category, list]) => {
        const items = findings[list] as readonly Finding[]
        return (
          <section key={category} className="finding-section" aria-label={t(`workshop.category.${category}`)}>
            <h3>
              {t(`workshop.category.${category}`)} <span className="count">{items.length}</span>
            </h3>
            {items.length === 0 ? (
              <p className="hint">{t('workshop.analysis.none')}</p>
            ) : (
              <ul className="findings">
                {items.map((finding) => (
                  <li key={finding.id}>
                    <button
                      type="button"
                      className={`finding severity-${finding.severity}`}
                      data-finding-id={finding.id}
                      onClick={() => focusBoard(finding.focus)}
                    >
                      <span
                        className="severity"
                        title={t(`workshop.analysis.severity.${finding.severity}`)}
                        aria-hidden="true"
                      />
                      <span className="finding-text">{findingText(finding, labels)}</span>
                      <span className="visually-hidden"> ({t(`workshop.analysis.severity.${finding.severity}`)})</span>
                      {finding.rule === 'emotionDrop' && finding.steepest && (
                        <span className="tag">{t('workshop.analysis.steepest')}</span>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )
      })}
      <section className="finding-section" aria-label={t('workshop.category.opportunity')}>
        <h3>
          {t('workshop.category.opportunity')} <span className="count">{findings.opportunities.length}</span>
        </h3>
        <p className="hint">
          {t('workshop.analysis.opportunitiesSummary', { rated, total: findings.opportunities.length })}{' '}
          <button type="button" className="link" onClick={() => setWorkshop({ analysisTab: 'ranking' })}>
            {t('workshop.analysis.seeRanking')}
          </button>
        </p>
      </section>
    </>
  )
}
