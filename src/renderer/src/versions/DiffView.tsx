/** What changed between a snapshot and the map now, per stage, as a workshop would read it. */
import { useMemo } from 'react'
import {
  diffMaps,
  isEmptyDiff,
  noteTotals,
  type CountDiff,
  type KpiChange,
  type NoteChange,
  type NoteField,
  type NoteRef,
  type StructureDiff
} from '../../../shared/analysis/diff'
import { formatKpiValue } from '../../../shared/analysis/kpi'
import type { JourneyMap, NoteKind } from '../../../shared/model'
import { t, type MessageKey } from '../i18n'
import { useAppStore } from '../store'

const kindLabel = (kind: NoteKind) => t(`versions.kind.${kind}` as MessageKey)
const fieldLabel = (field: NoteField) => t(`versions.field.${field}` as MessageKey)

/** "+1.5", "−2", "0"; an absent point is "—". */
function score(value: number | null): string {
  if (value === null) return '—'
  if (value === 0) return '0'
  return value > 0 ? `+${value}` : `\u2212${-value}`
}

function NoteLine({ note, mark }: { note: NoteRef; mark: 'added' | 'removed' }) {
  return (
    <li className={`diff-note ${mark}`}>
      <span className="diff-mark" aria-hidden="true">
        {mark === 'added' ? '+' : '−'}
      </span>
      <span className="visually-hidden">{mark === 'added' ? t('versions.added') : t('versions.removed')}: </span>
      <span className="note-chip" style={{ background: note.color }} aria-hidden="true" />
      <span className="diff-text">{note.text || t('versions.emptyNote')}</span>
      <span className="diff-where">{t('versions.where', { lane: note.laneTitle, kind: kindLabel(note.kind) })}</span>
    </li>
  )
}

function ChangeLine({ change }: { change: NoteChange }) {
  const { before, after, fields } = change
  return (
    <li className="diff-note changed">
      <span className="diff-mark" aria-hidden="true">
        ~
      </span>
      <span className="visually-hidden">{t('versions.changed')}: </span>
      <span className="note-chip" style={{ background: after.color }} aria-hidden="true" />
      <span className="diff-text">
        {fields.includes('text') ? (
          <>
            <del>{before.text || t('versions.emptyNote')}</del> → <ins>{after.text || t('versions.emptyNote')}</ins>
          </>
        ) : (
          after.text || t('versions.emptyNote')
        )}
      </span>
      <span className="diff-where">
        {fields
          .filter((f) => f !== 'text')
          .map((f) =>
            f === 'cell'
              ? t('versions.moved', {
                  from: `${before.stageTitle} · ${before.laneTitle}`,
                  to: `${after.stageTitle} · ${after.laneTitle}`
                })
              : f === 'kind'
                ? t('versions.kindChanged', { from: kindLabel(before.kind), to: kindLabel(after.kind) })
                : fieldLabel(f)
          )
          .join('; ')}
      </span>
    </li>
  )
}

function Structure({ title, diff }: { title: string; diff: StructureDiff }) {
  const lines = [
    ...diff.added.map((s) => ({ key: `a${s.id}`, mark: '+', text: t('versions.itemAdded', { title: s.title }) })),
    ...diff.removed.map((s) => ({ key: `r${s.id}`, mark: '−', text: t('versions.itemRemoved', { title: s.title }) })),
    ...diff.renamed.map((s) => ({
      key: `n${s.id}`,
      mark: '~',
      text: t('versions.itemRenamed', { before: s.before, after: s.title })
    })),
    ...(diff.reordered ? [{ key: 'order', mark: '↔', text: t('versions.reordered') }] : [])
  ]
  if (lines.length === 0) return null
  return (
    <section className="diff-section">
      <h4>{title}</h4>
      <ul className="diff-lines">
        {lines.map((l) => (
          <li key={l.key}>
            <span className="diff-mark" aria-hidden="true">
              {l.mark}
            </span>
            {l.text}
          </li>
        ))}
      </ul>
    </section>
  )
}

function countLine(label: string, c: CountDiff): string | null {
  if (c.added + c.removed + c.changed === 0) return null
  return t('versions.counts', { what: label, added: c.added, removed: c.removed, changed: c.changed })
}

export function DiffView({ before, after }: { before: JourneyMap; after: JourneyMap }) {
  const personas = useAppStore((s) => s.personas)
  const diff = useMemo(() => diffMaps(before, after), [before, after])
  const personaName = (id: string | null) =>
    id === null ? t('versions.everyone') : (personas.find((p) => p.id === id)?.name ?? t('versions.unknownPersona'))

  if (isEmptyDiff(diff)) return <p className="diff-none">{t('versions.noChanges')}</p>

  const totals = noteTotals(diff)
  const others = [
    countLine(t('versions.markers'), diff.markers),
    countLine(t('versions.connectors'), diff.connectors),
    countLine(t('versions.kpis'), diff.metrics)
  ].filter((l): l is string => l !== null)

  return (
    <div className="diff-view" aria-label={t('versions.diffLabel')} role="region">
      <p className="diff-summary">
        {t('versions.summary', {
          added: totals.added,
          removed: totals.removed,
          changed: totals.changed,
          emotions: diff.emotions.length
        })}
      </p>

      {(diff.title ||
        diff.descriptionChanged ||
        diff.emotionScale ||
        diff.personas.linked.length + diff.personas.unlinked.length > 0) && (
        <section className="diff-section">
          <h4>{t('versions.mapSection')}</h4>
          <ul className="diff-lines">
            {diff.title && (
              <li>{t('versions.titleChanged', { before: diff.title.before, after: diff.title.after })}</li>
            )}
            {diff.descriptionChanged && <li>{t('versions.descriptionChanged')}</li>}
            {diff.emotionScale && (
              <li>
                {t('versions.scaleChanged', {
                  before: `${diff.emotionScale.before.min}…${diff.emotionScale.before.max}`,
                  after: `${diff.emotionScale.after.min}…${diff.emotionScale.after.max}`
                })}
              </li>
            )}
            {diff.personas.linked.map((id) => (
              <li key={`l${id}`}>{t('versions.personaLinked', { name: personaName(id) })}</li>
            ))}
            {diff.personas.unlinked.map((id) => (
              <li key={`u${id}`}>{t('versions.personaUnlinked', { name: personaName(id) })}</li>
            ))}
          </ul>
        </section>
      )}

      <Structure title={t('versions.stages')} diff={diff.stages} />
      {diff.kpis.length > 0 && <KpiChanges changes={diff.kpis} />}
      <Structure title={t('versions.lanes')} diff={diff.lanes} />

      {diff.notes.length > 0 && (
        <section className="diff-section">
          <h4>{t('versions.notesSection')}</h4>
          {diff.notes.map((g) => (
            <div key={g.stageId} className="diff-stage">
              <h5>{g.stageTitle}</h5>
              <ul className="diff-lines">
                {g.added.map((n) => (
                  <NoteLine key={`a${n.id}`} note={n} mark="added" />
                ))}
                {g.removed.map((n) => (
                  <NoteLine key={`r${n.id}`} note={n} mark="removed" />
                ))}
                {g.changed.map((c) => (
                  <ChangeLine key={`c${c.id}`} change={c} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}

      {diff.emotions.length > 0 && (
        <section className="diff-section">
          <h4>{t('versions.emotionsSection')}</h4>
          <table className="emotion-table">
            <thead>
              <tr>
                <th scope="col">{t('versions.col.persona')}</th>
                <th scope="col">{t('versions.col.stage')}</th>
                <th scope="col">{t('versions.col.before')}</th>
                <th scope="col">{t('versions.col.after')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.emotions.map((e) => (
                <tr key={`${e.personaId ?? ''}:${e.variant}:${e.stageId}`}>
                  <td>
                    {personaName(e.personaId)}
                    {e.variant === 'toBe' ? ` ${t('versions.toBe')}` : ''}
                  </td>
                  <td>{e.stageTitle}</td>
                  <td className="num">{score(e.before)}</td>
                  <td
                    className={`num ${e.before !== null && e.after !== null ? (e.after > e.before ? 'up' : 'down') : ''}`}
                  >
                    {score(e.after)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {others.length > 0 && (
        <section className="diff-section">
          <h4>{t('versions.otherSection')}</h4>
          <ul className="diff-lines">
            {others.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

/** KPI values and targets that changed, per stage: "Trial conversion: 3.1% → 2.4% (off target)". */
function KpiChanges({ changes }: { changes: readonly KpiChange[] }) {
  const stages = [...new Set(changes.map((c) => c.stageId))]
  const side = (s: KpiChange['before'], unit: string) =>
    s === null ? t('versions.kpiNone') : s.value === null ? '—' : formatKpiValue(s.value, unit)
  return (
    <section className="diff-section diff-kpis">
      <h4>{t('versions.kpiSection')}</h4>
      {stages.map((stageId) => {
        const list = changes.filter((c) => c.stageId === stageId)
        return (
          <div key={stageId} className="diff-stage">
            <h5>{list[0]!.stageTitle}</h5>
            <ul className="diff-lines">
              {list.map((c) => (
                <li key={c.metricId} className={`kpi-${c.after?.status ?? 'unknown'}`}>
                  {t('versions.kpiChange', {
                    name: c.name,
                    before: side(c.before, c.unit),
                    after: side(c.after, c.unit),
                    status: t(`metrics.status.${c.after?.status ?? 'unknown'}`)
                  })}
                </li>
              ))}
            </ul>
          </div>
        )
      })}
    </section>
  )
}
