/** Compare paths…: two paths side by side, stage by stage — notes, emotion, KPIs — with the differences marked. */
import { useState } from 'react'
import { formatKpiValue } from '../../../shared/analysis/kpi'
import { comparePaths, type PathSide } from '../../../shared/analysis/review'
import { sortedPaths } from '../../../shared/commands'
import type { JourneyMap } from '../../../shared/model'
import { Dialog } from '../common/Dialog'
import { PathOptions } from '../common/PathOptions'
import { t } from '../i18n'

export function ComparePathsDialog({ map, onClose }: { readonly map: JourneyMap; readonly onClose: () => void }) {
  const paths = sortedPaths(map)
  const [aId, setA] = useState(paths[0]?.id ?? '')
  const [bId, setB] = useState(paths[1]?.id ?? '')
  const a = paths.find((p) => p.id === aId)
  const b = paths.find((p) => p.id === bId)
  const rows = a && b ? comparePaths(map, a, b) : []
  const pick = (value: string, set: (id: string) => void, label: string) => (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => set(e.target.value)}>
        <PathOptions paths={paths} />
      </select>
    </label>
  )
  return (
    <Dialog title={t('paths.compare.title')} onClose={onClose} className="compare-paths">
      <div className="compare-pick">
        {pick(aId, setA, t('paths.compare.left'))}
        {pick(bId, setB, t('paths.compare.right'))}
      </div>
      {a && b && (
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">{t('paths.compare.stage')}</th>
              <th scope="col" style={{ color: a.color }}>
                {a.name}
              </th>
              <th scope="col" style={{ color: b.color }}>
                {b.name}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.stage.id} className={row.differs ? 'differs' : undefined}>
                <th scope="row">
                  {row.stage.title}
                  {row.differs && <span className="differs-mark"> {t('paths.compare.differs')}</span>}
                </th>
                <td>
                  <SideCell side={row.a} />
                </td>
                <td>
                  <SideCell side={row.b} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('paths.dialog.done')}
        </button>
      </div>
    </Dialog>
  )
}

function SideCell({ side }: { readonly side: PathSide }) {
  if (!side.visits) return <span className="hint">{t('paths.compare.skips')}</span>
  return (
    <ul className="compare-side">
      <li>{t('paths.compare.emotion', { score: side.score === null ? '—' : String(side.score) })}</li>
      {side.kpis.map((m) => (
        <li key={m.id}>
          {m.name}: {m.value === null ? '—' : formatKpiValue(m.value, m.unit)}
        </li>
      ))}
      {side.notes.map((n) => (
        <li key={n.id} className="compare-note">
          {n.text}
        </li>
      ))}
    </ul>
  )
}
