/**
 * Opportunities ranked by impact × (6 − effort): a table whose impact and effort can be set in
 * place (each change an undoable note edit), so a room can rate ideas and watch the order move.
 */
import type { RankedOpportunity } from '../../../shared/analysis'
import { t } from '../i18n'
import { useAppStore } from '../store'
import { focusBoard } from '../workshop/board-link'

const SCALE = [1, 2, 3, 4, 5] as const

const plain = (text: string) => text.replace(/\s+/g, ' ').trim() || t('workshop.noteUntitled')

function RatingSelect({
  value,
  label,
  onChange
}: {
  value: number | null
  label: string
  onChange: (value: number | null) => void
}) {
  return (
    <select
      className="rating"
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
    >
      <option value="">–</option>
      {SCALE.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  )
}

export function OpportunityRanking({ opportunities }: { readonly opportunities: readonly RankedOpportunity[] }) {
  if (opportunities.length === 0) return <p className="hint">{t('workshop.ranking.none')}</p>
  const edit = (noteId: string, field: 'impact' | 'effort', value: number | null) =>
    useAppStore
      .getState()
      .execute('editNote', field === 'impact' ? { noteId, impact: value } : { noteId, effort: value })
  return (
    <>
      <p className="hint">{t('workshop.ranking.formula')}</p>
      <table className="ranking-table">
        <thead>
          <tr>
            <th scope="col">{t('workshop.ranking.rank')}</th>
            <th scope="col">{t('workshop.ranking.opportunity')}</th>
            <th scope="col">{t('workshop.ranking.impact')}</th>
            <th scope="col">{t('workshop.ranking.effort')}</th>
            <th scope="col">{t('workshop.ranking.score')}</th>
            <th scope="col">{t('workshop.ranking.votes')}</th>
          </tr>
        </thead>
        <tbody>
          {opportunities.map((o) => {
            const text = plain(o.text)
            return (
              <tr key={o.id} className={o.quadrant ?? 'unrated'}>
                <td className="rank">{o.rank ?? '–'}</td>
                <td className="opportunity">
                  <button
                    type="button"
                    className="link"
                    aria-label={t('workshop.ranking.show', { text })}
                    onClick={() => focusBoard(o.focus)}
                  >
                    {text}
                  </button>
                  <span className="sub">
                    {o.stage.title}
                    {o.quadrant
                      ? ` · ${t(`workshop.quadrantOne.${o.quadrant}`)}`
                      : ` · ${t('workshop.ranking.unrated')}`}
                  </span>
                </td>
                <td>
                  <RatingSelect
                    value={o.impact}
                    label={t('workshop.ranking.impactOf', { text })}
                    onChange={(v) => edit(o.noteId, 'impact', v)}
                  />
                </td>
                <td>
                  <RatingSelect
                    value={o.effort}
                    label={t('workshop.ranking.effortOf', { text })}
                    onChange={(v) => edit(o.noteId, 'effort', v)}
                  />
                </td>
                <td className="score">{o.score ?? '–'}</td>
                <td className="votes">{o.votes}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}
