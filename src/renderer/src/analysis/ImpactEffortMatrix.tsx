/**
 * The 2×2 impact/effort matrix: a 5 × 5 grid (impact up, effort right) split at 3 into quick
 * wins, major projects, fill-ins and thankless tasks. Each rated opportunity is a numbered dot
 * (its rank) in its cell; under the grid, each quadrant lists its opportunities. Dots and list
 * entries focus the board on the note.
 */
import { quadrantOf, type Quadrant, type RankedOpportunity } from '../../../shared/analysis'
import { t } from '../i18n'
import { focusBoard } from '../workshop/board-link'

const LEVELS = [1, 2, 3, 4, 5] as const
/** Quadrants in reading order of the grid: top left, top right, bottom left, bottom right. */
const QUADRANTS: readonly Quadrant[] = ['quickWin', 'majorProject', 'fillIn', 'thankless']

const plain = (text: string) => text.replace(/\s+/g, ' ').trim() || t('workshop.noteUntitled')

export function ImpactEffortMatrix({ opportunities }: { readonly opportunities: readonly RankedOpportunity[] }) {
  const rated = opportunities.filter((o) => o.rank !== null && o.impact !== null && o.effort !== null)
  const unrated = opportunities.length - rated.length
  const at = (impact: number, effort: number) => rated.filter((o) => o.impact === impact && o.effort === effort)
  return (
    <figure className="matrix-figure">
      <figcaption className="hint">{t('workshop.matrix.caption')}</figcaption>
      <div className="matrix-frame">
        <span className="axis axis-y" aria-hidden="true">
          {t('workshop.matrix.impact')} →
        </span>
        <QuadrantHeads quadrants={['quickWin', 'majorProject']} />
        <div className="matrix" role="grid" aria-label={t('workshop.matrix.caption')}>
          {[...LEVELS].reverse().map((impact) => (
            <div key={impact} role="row" className="matrix-row">
              <span role="rowheader" className="level">
                {impact}
              </span>
              {LEVELS.map((effort) => (
                <div
                  key={effort}
                  role="gridcell"
                  className={`matrix-cell ${quadrantOf(impact, effort)}`}
                  data-impact={impact}
                  data-effort={effort}
                >
                  {at(impact, effort).map((o) => {
                    const label = t('workshop.matrix.dot', {
                      rank: o.rank ?? '',
                      text: plain(o.text),
                      impact,
                      effort
                    })
                    return (
                      <button
                        key={o.id}
                        type="button"
                        className="matrix-dot"
                        aria-label={label}
                        title={label}
                        onClick={() => focusBoard(o.focus)}
                      >
                        {o.rank}
                      </button>
                    )
                  })}
                </div>
              ))}
            </div>
          ))}
          <div role="row" className="matrix-row levels">
            <span className="level" />
            {LEVELS.map((effort) => (
              <span key={effort} role="columnheader" className="level">
                {effort}
              </span>
            ))}
          </div>
        </div>
        <QuadrantHeads quadrants={['fillIn', 'thankless']} />
        <span className="axis axis-x" aria-hidden="true">
          {t('workshop.matrix.effort')} →
        </span>
      </div>
      <div className="quadrant-lists">
        {QUADRANTS.map((q) => {
          const members = rated.filter((o) => o.quadrant === q)
          return (
            <section key={q} className={`quadrant-list ${q}`} aria-label={t(`workshop.quadrant.${q}`)}>
              <h3>{t(`workshop.quadrant.${q}`)}</h3>
              {members.length === 0 ? (
                <p className="hint">{t('workshop.matrix.emptyQuadrant')}</p>
              ) : (
                <ol>
                  {members.map((o) => (
                    <li key={o.id} value={o.rank ?? undefined}>
                      <button type="button" className="link" onClick={() => focusBoard(o.focus)}>
                        {plain(o.text)}
                      </button>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          )
        })}
      </div>
      {unrated > 0 && <p className="hint">{t('workshop.matrix.unrated', { count: unrated })}</p>}
    </figure>
  )
}

/** The names of two quadrants side by side, above or below the grid (effort splits 2 : 3 columns). */
function QuadrantHeads({ quadrants }: { quadrants: readonly [Quadrant, Quadrant] }) {
  return (
    <div className="quadrant-heads" aria-hidden="true">
      <span />
      {quadrants.map((q) => (
        <span key={q} className={`quadrant-label ${q}`}>
          {t(`workshop.quadrant.${q}`)}
        </span>
      ))}
    </div>
  )
}
