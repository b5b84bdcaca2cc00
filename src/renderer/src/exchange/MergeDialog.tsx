/**
 * Merging a file's map into the map of the library it is a copy of (src/shared/merge): the map
 * opens behind the dialog, which says what merges by itself and lists every conflict with both
 * versions side by side. Nothing changes until the user has chosen for every conflict and
 * confirms; then a snapshot "Before merge with …" is saved, the merge is applied as one edit
 * (Edit ▸ Undo takes it back whole), and the file's version is remembered as the ancestor of the
 * next merge.
 */
import { useEffect, useMemo, useState } from 'react'
import type { MergeBase } from '../../../shared/api/contract'
import { diffMaps, noteTotals } from '../../../shared/analysis/diff'
import { JourneyError } from '../../../shared/errors'
import {
  chooseAll,
  planMerge,
  resolveMerge,
  type MergeChoices,
  type MergeConflict,
  type MergePlan,
  type MergeSide
} from '../../../shared/merge'
import { LIMITS } from '../../../shared/schema/entities'
import { Dialog } from '../common/Dialog'
import { formatDateTime } from '../common/format'
import { plural } from '../common/plural'
import { whenSaved } from '../editor/when-saved'
import { t } from '../i18n'
import { errorText } from '../i18n/errors'
import { useAppStore } from '../store'
import type { MergeRequest } from '../store/exchange'
import { fieldLabel, mergeNames, recordLabel, valueText, type MergeNames } from './merge-words'
import './exchange.css'

type Phase =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly base: MergeBase | null; readonly plan: MergePlan }
  | { readonly kind: 'failed'; readonly message: string }

const stem = (fileName: string) => fileName.replace(/\.[^.]*$/, '')

/** What the merge brings without asking, as short phrases. */
function autoChanges(plan: MergePlan): string[] {
  const { map } = resolveMerge(plan, chooseAll(plan, 'local'))
  const diff = diffMaps(plan.local, map)
  const notes = noteTotals(diff)
  const structure = [diff.stages, diff.lanes].reduce(
    (n, s) => n + s.added.length + s.removed.length + s.renamed.length + (s.reordered ? 1 : 0),
    0
  )
  const others = [diff.markers, diff.connectors, diff.metrics].reduce((n, c) => n + c.added + c.removed + c.changed, 0)
  const phrases: string[] = []
  if (notes.added + notes.removed + notes.changed > 0) phrases.push(t('files.merge.auto.notes', { ...notes }))
  if (structure > 0) phrases.push(plural('files.merge.auto.structure', structure))
  if (diff.emotions.length > 0) phrases.push(plural('files.merge.auto.emotions', diff.emotions.length))
  if (others > 0) phrases.push(plural('files.merge.auto.others', others))
  const meta = (diff.title ? 1 : 0) + (diff.descriptionChanged ? 1 : 0) + (diff.emotionScale ? 1 : 0)
  const links = diff.personas.linked.length + diff.personas.unlinked.length
  if (meta + links > 0) phrases.push(plural('files.merge.auto.map', meta + links))
  return phrases
}

interface SideText {
  readonly heading: string
  readonly value: string
  /** A colour shown as a swatch beside the value. */
  readonly swatch?: string
}

interface ConflictView {
  readonly title: string
  readonly detail: string | null
  readonly before: string | null
  readonly local: SideText
  readonly incoming: SideText
}

function describe(conflict: MergeConflict, names: MergeNames): ConflictView {
  switch (conflict.type) {
    case 'field': {
      const record = conflict.records.local
      const swatch = (v: unknown) => (conflict.field === 'color' && typeof v === 'string' ? v : undefined)
      return {
        title: `${recordLabel(conflict.kind, record, names)}: ${fieldLabel(conflict.field)}`,
        detail: conflict.base === undefined ? t('files.merge.bothAdded') : null,
        before:
          conflict.base === undefined
            ? null
            : t('files.merge.before', { value: valueText(conflict.field, conflict.base, names) }),
        local: {
          heading: t('files.merge.inLibrary'),
          value: valueText(conflict.field, conflict.local, names),
          swatch: swatch(conflict.local)
        },
        incoming: {
          heading: t('files.merge.inFile'),
          value: valueText(conflict.field, conflict.incoming, names),
          swatch: swatch(conflict.incoming)
        }
      }
    }
    case 'deletion': {
      const [first, ...rest] = conflict.records
      const changed = conflict.records.filter((r) => JSON.stringify(r.base) !== JSON.stringify(r.kept)).length
      const reasons = [
        ...(changed > 0 ? [plural('files.merge.deletion.changed', changed)] : []),
        ...(conflict.dependents.length > 0
          ? [
              plural('files.merge.deletion.needed', conflict.dependents.length, {
                list: conflict.dependents
                  .slice(0, 3)
                  .map((d) => recordLabel(d.kind, d.record, names))
                  .join('; ')
              })
            ]
          : [])
      ]
      const byLocal = conflict.deletedBy === 'local'
      const deleteText = plural('files.merge.deletion.delete', rest.length + 1, { count: rest.length })
      const others = rest.length + conflict.dependents.length
      const keepText = plural('files.merge.deletion.keep', others + 1, { count: others })
      return {
        title: recordLabel(first!.kind, first!.kept, names),
        detail: t(byLocal ? 'files.merge.deletion.byLibrary' : 'files.merge.deletion.byFile', {
          reasons: reasons.join(' ')
        }),
        before: null,
        local: { heading: t('files.merge.inLibrary'), value: byLocal ? deleteText : keepText },
        incoming: { heading: t('files.merge.inFile'), value: byLocal ? keepText : deleteText }
      }
    }
    case 'duplicate':
      return {
        title: t('files.merge.duplicate', { what: recordLabel(conflict.local.kind, conflict.local.record, names) }),
        detail: null,
        before: null,
        local: {
          heading: t('files.merge.inLibrary'),
          value: sideValue(conflict.local.kind, conflict.local.record, names)
        },
        incoming: {
          heading: t('files.merge.inFile'),
          value: sideValue(conflict.incoming.kind, conflict.incoming.record, names)
        }
      }
  }
}

/** What distinguishes one of two records taking the same place: a score, or the record itself. */
function sideValue(kind: string, record: Readonly<Record<string, unknown>>, names: MergeNames): string {
  if (kind === 'emotionPoint') return valueText('score', record['score'], names)
  return recordLabel(kind as never, record as never, names)
}

export function MergeDialog({ request }: { request: MergeRequest }) {
  const api = useAppStore((s) => s.api)
  const libraryPersonas = useAppStore((s) => s.personas)
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  const [choices, setChoices] = useState<MergeChoices>({})
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const { mapId } = request

  const cancel = () => {
    if (!busy) useAppStore.getState().endMerge()
  }

  useEffect(() => {
    let live = true
    const load = async () => {
      const state = useAppStore.getState()
      if (!api) return
      // The map opens behind the dialog, so what is merged into is what is on screen.
      if (state.openMap?.id !== mapId) await state.goToMap(mapId)
      if (!(await whenSaved(mapId))) throw new JourneyError('conflict', t('files.merge.notSaved'))
      const found = request.lineage ? await api.findMergeBase({ mapId, lineage: request.lineage }) : null
      const local = useAppStore.getState().openMap
      if (!local || local.id !== mapId) throw new JourneyError('not_found', t('files.merge.mapGone'))
      const base = found?.base ?? null
      if (live) setPhase({ kind: 'ready', base, plan: planMerge(base?.map ?? null, local, request.map) })
    }
    load().catch((error: unknown) => {
      if (live) setPhase({ kind: 'failed', message: errorText(error) })
    })
    return () => {
      live = false
    }
  }, [api, mapId, request])

  const names = useMemo(
    () =>
      phase.kind === 'ready'
        ? mergeNames([phase.plan.local, request.map], [...request.personas, ...libraryPersonas])
        : null,
    [phase, request, libraryPersonas]
  )
  const auto = useMemo(() => (phase.kind === 'ready' ? autoChanges(phase.plan) : []), [phase])

  const title = t('files.merge.title', { name: request.fileName, title: request.map.title })
  if (phase.kind !== 'ready' || !names) {
    return (
      <Dialog title={title} onClose={cancel} className="exchange-dialog merge-dialog">
        {phase.kind !== 'failed' ? (
          <p role="status">{t('files.merge.loading')}</p>
        ) : (
          <p className="exchange-error" role="alert">
            {t('files.merge.failed', { message: phase.message })}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={cancel}>
            {t('exchange.close')}
          </button>
        </div>
      </Dialog>
    )
  }

  const { plan, base } = phase
  const open = plan.conflicts.filter((c) => choices[c.id] === undefined).length
  const nothing = plan.conflicts.length === 0 && auto.length === 0
  const choose = (id: string, side: MergeSide) => setChoices((all) => ({ ...all, [id]: side }))

  const confirm = async () => {
    if (!api || busy || open > 0) return
    setBusy(true)
    setProblem(null)
    const store = useAppStore.getState
    try {
      if (!(await whenSaved(mapId))) throw new JourneyError('conflict', t('files.merge.notSaved'))
      const local = store().openMap
      if (!local || local.id !== mapId) throw new JourneyError('not_found', t('files.merge.mapGone'))
      // The map may have changed since the dialog opened (an edit elsewhere): merge into it as it is.
      let current = plan
      if (local !== plan.local) {
        current = planMerge(base?.map ?? null, local, request.map)
        if (current.conflicts.some((c) => choices[c.id] === undefined)) {
          setPhase({ kind: 'ready', base, plan: current })
          setProblem(t('files.merge.changedMeanwhile'))
          return
        }
      }
      const { map: merged, patch } = resolveMerge(current, choices)
      if (patch.length > 0) {
        // Stored as the snapshot's name: plain text, without the isolates t() puts around values.
        const snapshotName = `${t('files.merge.snapshotPrefix')} ${stem(request.fileName)}`.slice(0, LIMITS.label)
        await api.createSnapshot({ mapId, name: snapshotName })
        // Personas the merged map links that this library does not have come with the file.
        const known = new Set((await api.listPersonas({})).map((p) => p.id))
        for (const persona of request.personas) {
          if (merged.personaIds.includes(persona.id) && !known.has(persona.id)) await api.savePersona({ persona })
        }
        void store().refreshPersonas()
        if (!store().execute('applyMerge', { patch })) return
        if (!(await whenSaved(mapId))) throw new JourneyError('conflict', t('files.merge.notSaved'))
      }
      if (request.lineage) {
        await api.recordMergedFile({ mapId, fileName: request.fileName, map: request.map, lineage: request.lineage })
      }
      store().endMerge(
        patch.length > 0
          ? t('files.merge.done', { name: request.fileName, title: merged.title })
          : t('files.merge.nothingDone', { name: request.fileName })
      )
    } catch (error) {
      setProblem(errorText(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title={title} onClose={cancel} onSubmit={() => void confirm()} className="exchange-dialog merge-dialog">
      <p className="hint">
        {base
          ? base.snapshot
            ? t('files.merge.base', { name: base.snapshot.name, date: formatDateTime(base.snapshot.createdAt) })
            : t('files.merge.baseCurrent')
          : t('files.merge.noBase')}
      </p>
      {nothing ? (
        <p role="status">{t('files.merge.nothing')}</p>
      ) : (
        <div className="merge-auto">
          <p>{auto.length > 0 ? t('files.merge.autoIntro') : t('files.merge.autoNone')}</p>
          {auto.length > 0 && (
            <ul>
              {auto.map((phrase) => (
                <li key={phrase}>{phrase}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {plan.conflicts.length > 0 && (
        <section className="merge-conflicts" aria-label={t('files.merge.conflictsLabel')}>
          <div className="merge-conflicts-head">
            <h3>{plural('files.merge.conflicts', plan.conflicts.length)}</h3>
            <span className="merge-bulk">
              <button type="button" disabled={busy} onClick={() => setChoices(chooseAll(plan, 'local'))}>
                {t('files.merge.allLibrary')}
              </button>
              <button type="button" disabled={busy} onClick={() => setChoices(chooseAll(plan, 'incoming'))}>
                {t('files.merge.allFile')}
              </button>
            </span>
          </div>
          <ol className="merge-list">
            {plan.conflicts.map((conflict) => {
              const view = describe(conflict, names)
              return (
                <li key={conflict.id}>
                  <fieldset className="merge-conflict" disabled={busy}>
                    <legend>{view.title}</legend>
                    {view.detail && <p className="merge-detail">{view.detail}</p>}
                    {view.before && <p className="merge-detail">{view.before}</p>}
                    <div className="merge-sides">
                      {(['local', 'incoming'] as const).map((side) => (
                        <label key={side} className={`merge-side${choices[conflict.id] === side ? ' chosen' : ''}`}>
                          <input
                            type="radio"
                            name={conflict.id}
                            checked={choices[conflict.id] === side}
                            onChange={() => choose(conflict.id, side)}
                          />
                          <span className="merge-side-heading">{view[side].heading}</span>{' '}
                          <span className="merge-side-value">
                            {view[side].swatch && (
                              <span
                                className="note-chip"
                                style={{ background: view[side].swatch }}
                                aria-hidden="true"
                              />
                            )}
                            {view[side].value}
                          </span>
                        </label>
                      ))}
                    </div>
                  </fieldset>
                </li>
              )
            })}
          </ol>
        </section>
      )}
      <p className="hint">{t('files.merge.safety')}</p>
      {problem && (
        <p className="exchange-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <span className="merge-remaining" aria-live="polite">
          {open > 0 ? plural('files.merge.remaining', open) : ''}
        </span>
        <button type="button" onClick={cancel} disabled={busy}>
          {t('exchange.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy || open > 0 || !api}>
          {busy ? t('files.merge.working') : nothing ? t('files.merge.finish') : t('files.merge.submit')}
        </button>
      </div>
    </Dialog>
  )
}
