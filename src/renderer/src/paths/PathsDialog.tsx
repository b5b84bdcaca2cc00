/**
 * Paths… : add, rename, recolour and re-route the map's paths. A path is a list of steps, each a
 * stage and the trigger or conversion event that leads there; a step may go back to an earlier
 * stage (a loop) or skip stages. Every change is one edit (addPath, editPath, removePath).
 */
import { useId } from 'react'
import { orderedStages, sortedPaths } from '../../../shared/commands'
import type { JourneyMap, Path, PathStep } from '../../../shared/model'
import { LIMITS } from '../../../shared/schema/entities'
import { Dialog } from '../common/Dialog'
import { CommitField } from '../panels/controls'
import { t } from '../i18n'
import { useAppStore } from '../store'

const execute = (name: 'addPath' | 'editPath' | 'removePath', args: Record<string, unknown>) =>
  useAppStore.getState().execute(name, args as never)

export function PathsDialog({ map, onClose }: { readonly map: JourneyMap; readonly onClose: () => void }) {
  const paths = sortedPaths(map)
  return (
    <Dialog title={t('paths.dialog.title')} onClose={onClose} className="paths-dialog">
      <p className="hint">{t('paths.dialog.intro')}</p>
      {paths.length === 0 && <p className="hint">{t('paths.dialog.none')}</p>}
      <ul className="path-list">
        {paths.map((path) => (
          <PathEditor key={path.id} map={map} path={path} />
        ))}
      </ul>
      <div className="dialog-actions">
        <button
          type="button"
          disabled={paths.length >= LIMITS.maxPathsPerMap || map.stages.length === 0}
          onClick={() => execute('addPath', { name: t('paths.dialog.newName', { number: paths.length + 1 }) })}
        >
          + {t('paths.dialog.add')}
        </button>
        <button type="button" className="primary" onClick={onClose}>
          {t('paths.dialog.done')}
        </button>
      </div>
    </Dialog>
  )
}

function PathEditor({ map, path }: { readonly map: JourneyMap; readonly path: Path }) {
  const ids = useId()
  const stages = orderedStages(map)
  const setSteps = (steps: readonly PathStep[]) => execute('editPath', { pathId: path.id, steps })
  return (
    <li className="path-editor" style={{ borderLeftColor: path.color }}>
      <div className="path-head">
        <CommitField
          key={`${path.id}:${path.name}`}
          label={t('paths.dialog.name')}
          value={path.name}
          maxLength={LIMITS.label}
          allowEmpty={false}
          onCommit={(name) => execute('editPath', { pathId: path.id, name })}
        />
        <label htmlFor={`${ids}-color`}>{t('paths.dialog.color')}</label>
        <input
          id={`${ids}-color`}
          type="color"
          value={path.color.length === 7 ? path.color : '#2563eb'}
          onChange={(e) => execute('editPath', { pathId: path.id, color: e.target.value })}
        />
        <button type="button" className="danger" onClick={() => execute('removePath', { pathId: path.id })}>
          {t('paths.dialog.delete', { name: path.name })}
        </button>
      </div>
      <ol className="path-steps">
        {path.steps.map((step, i) => (
          <li key={i}>
            <select
              aria-label={t('paths.dialog.stepStage', { number: i + 1, name: path.name })}
              value={step.stageId}
              onChange={(e) => setSteps(path.steps.map((s, j) => (j === i ? { ...s, stageId: e.target.value } : s)))}
            >
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
            {i > 0 && (
              <input
                type="text"
                aria-label={t('paths.dialog.stepEvent', { number: i + 1, name: path.name })}
                placeholder={t('paths.dialog.eventPlaceholder')}
                defaultValue={step.event}
                maxLength={LIMITS.label}
                onBlur={(e) => {
                  if (e.target.value !== step.event)
                    setSteps(path.steps.map((s, j) => (j === i ? { ...s, event: e.target.value } : s)))
                }}
              />
            )}
            <button
              type="button"
              className="quiet"
              disabled={path.steps.length <= 1}
              aria-label={t('paths.dialog.removeStep', { number: i + 1, name: path.name })}
              onClick={() => setSteps(path.steps.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        disabled={path.steps.length >= LIMITS.maxPathSteps}
        onClick={() => setSteps([...path.steps, { stageId: stages[0]!.id, event: '' }])}
      >
        + {t('paths.dialog.addStep')}
      </button>
    </li>
  )
}
