/**
 * A note's path and evidence in the side panel: which path (segment route) it belongs to, and
 * what it rests on (level, source, reference). Each change is one editNote per note.
 */
import type { CommandCall } from '../editing/gesture'
import type { EvidenceLevel, EvidenceSource, JourneyMap, Note } from '../../../shared/model'
import { EvidenceLevelSchema, EvidenceSourceSchema } from '../../../shared/schema/enums'
import { LIMITS } from '../../../shared/schema/entities'
import { sortedPaths } from '../../../shared/commands'
import { t } from '../i18n'
import { CommitField, SelectField } from './controls'

const same = <T,>(values: readonly T[]): T | undefined =>
  values.length > 0 && values.every((v) => v === values[0]) ? values[0] : undefined

export function NotePathAndEvidence({
  map,
  notes,
  run
}: {
  readonly map: JourneyMap
  readonly notes: readonly Note[]
  run(calls: readonly CommandCall[]): void
}) {
  const paths = sortedPaths(map)
  const pathId = same(notes.map((n) => n.pathId ?? null))
  const level = same(notes.map((n) => n.evidence?.level ?? null))
  const source = same(notes.map((n) => n.evidence?.source ?? null))
  const single = notes.length === 1 ? notes[0] : undefined
  const setEvidence = (change: { level?: EvidenceLevel | null; source?: EvidenceSource; reference?: string }) =>
    run(
      notes.map((n) => {
        if (change.level === null) return { name: 'editNote', args: { noteId: n.id, evidence: null } } as CommandCall
        const base = n.evidence ?? { level: 'assumed' as const, source: 'workshop' as const, reference: '' }
        return {
          name: 'editNote',
          args: { noteId: n.id, evidence: { ...base, ...change } }
        } as CommandCall
      })
    )
  return (
    <>
      {paths.length > 0 && (
        <SelectField
          label={t('metrics.note.path')}
          value={pathId}
          none={t('metrics.kpi.allPaths')}
          options={paths.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(id) =>
            run(notes.map((n) => ({ name: 'editNote', args: { noteId: n.id, pathId: id } }) as CommandCall))
          }
        />
      )}
      <div className="panel-row">
        <SelectField
          label={t('metrics.evidence.level')}
          value={level}
          none={t('metrics.evidence.none')}
          options={EvidenceLevelSchema.options.map((l) => ({ value: l, label: t(`metrics.evidence.level.${l}`) }))}
          onChange={(l) => setEvidence({ level: l })}
        />
        {level !== null && (
          <SelectField
            label={t('metrics.evidence.source')}
            value={source === null ? undefined : source}
            options={EvidenceSourceSchema.options.map((s) => ({ value: s, label: t(`metrics.evidence.source.${s}`) }))}
            onChange={(s) => s && setEvidence({ source: s })}
          />
        )}
      </div>
      {single?.evidence && (
        <CommitField
          key={`${single.id}:${single.evidence.reference}`}
          label={t('metrics.evidence.reference')}
          value={single.evidence.reference}
          maxLength={LIMITS.label * 4}
          onCommit={(reference) => setEvidence({ reference })}
        />
      )}
    </>
  )
}
