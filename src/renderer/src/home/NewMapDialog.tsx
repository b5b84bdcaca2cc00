/** New map: a title and a template, with a preview of the template's stages and lanes. */
import { useState } from 'react'
import { LIMITS } from '../../../shared/schema/entities'
import { templateIn, type TemplateInfo } from '../../../shared/templates'
import type { TemplateId } from '../../../shared/model'
import { Dialog } from '../common/Dialog'
import { TextField } from '../common/Field'
import { getLanguage, listOf, t } from '../i18n'
import { useAppStore } from '../store'

const ORDER: TemplateId[] = ['saas', 'b2b', 'blueprint', 'blank']

/** Validates a map title the way the library will, so the user hears about it before submitting. */
export function titleProblem(title: string): string | null {
  if (title.trim().length === 0) return t('new.titleRequired')
  if (title.length > LIMITS.title) return t('new.titleTooLong', { length: title.length, max: LIMITS.title })
  return null
}

/** The template's board in miniature: stage names across, lane names down, prompts as they will show. */
function TemplatePreview({ info }: { info: TemplateInfo }) {
  return (
    <div className="template-preview-panel">
      <h3 className="preview-heading">{t('new.previewHeading')}</h3>
      <p className="visually-hidden">
        {t('new.previewStages', { names: listOf(info.stages.map((s) => s.title)) })}{' '}
        {t('new.previewLanes', { names: listOf(info.lanes.map((l) => l.title)) })}
      </p>
      <div
        className="template-grid"
        aria-hidden="true"
        style={{ gridTemplateColumns: `minmax(92px, 1.3fr) repeat(${info.stages.length}, minmax(min-content, 1fr))` }}
      >
        <span className="tg-corner" />
        {info.stages.map((s) => (
          <span key={s.title} className="tg-stage" title={s.prompt || undefined}>
            {s.title}
          </span>
        ))}
        {info.lanes.map((lane) => (
          <div key={lane.title} className="tg-row" style={{ gridColumn: `1 / span ${info.stages.length + 1}` }}>
            <span className={`tg-lane kind-${lane.kind}`} title={lane.prompt || undefined}>
              {lane.title}
            </span>
            {info.stages.map((s) => (
              <span key={s.title} className={`tg-cell kind-${lane.kind}`} />
            ))}
          </div>
        ))}
      </div>
      <p className="hint preview-note">{t('new.promptsNote')}</p>
      {info.lanes.some((l) => l.prompt) && (
        <ul className="template-prompts">
          {info.lanes
            .filter((l) => l.prompt)
            .slice(0, 4)
            .map((l) => (
              <li key={l.title}>
                <strong>{l.title}</strong> <span className="prompt">{l.prompt}</span>
              </li>
            ))}
        </ul>
      )}
    </div>
  )
}

export function NewMapDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const [template, setTemplate] = useState<TemplateId>('saas')
  const [title, setTitle] = useState('')
  const [touched, setTouched] = useState(false)
  const [busy, setBusy] = useState(false)
  const createMap = useAppStore((s) => s.createMap)
  const problem = titleProblem(title)

  const submit = async () => {
    setTouched(true)
    if (problem || busy) return
    setBusy(true)
    const map = await createMap(template, title)
    setBusy(false)
    if (map) onCreated(map.id)
  }

  return (
    <Dialog title={t('new.title')} onClose={onClose} onSubmit={() => void submit()} className="new-map-dialog">
      <TextField
        label={t('new.mapTitle')}
        value={title}
        onChange={setTitle}
        max={LIMITS.title}
        required
        autoFocus
        placeholder={t('new.mapTitlePlaceholder')}
        error={touched ? problem : null}
        hint={t('new.mapTitleHint', { max: LIMITS.title })}
        onBlur={() => setTouched(title.length > 0)}
      />
      <div className="new-map-body">
        <fieldset className="templates">
          <legend>{t('new.template')}</legend>
          {ORDER.map((id) => {
            const info = templateIn(id, getLanguage())
            return (
              <label key={id} className={`template-card${template === id ? ' selected' : ''}`}>
                <input
                  type="radio"
                  name="template"
                  value={id}
                  checked={template === id}
                  onChange={() => setTemplate(id)}
                />
                <span className="template-name">{info.name}</span>
                <span className="template-desc">{info.description}</span>
                <span className="template-strip" aria-hidden="true">
                  {info.stages.map((s) => (
                    <span key={s.title} className="strip-stage" />
                  ))}
                </span>
                <span className="template-meta">
                  {t('new.stages', { count: info.stages.length })} · {t('new.lanes', { count: info.lanes.length })}
                </span>
              </label>
            )
          })}
        </fieldset>
        <TemplatePreview info={templateIn(template, getLanguage())} />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t('new.create')}
        </button>
      </div>
    </Dialog>
  )
}
