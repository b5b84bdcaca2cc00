import { useId, useState, type FormEvent } from 'react'
import { LIMITS } from '../../../shared/schema/entities'
import { TEMPLATES } from '../../../shared/templates'
import type { TemplateId } from '../../../shared/model'
import { t } from '../i18n'
import { useAppStore } from '../store'

const ORDER: TemplateId[] = ['saas', 'b2b', 'blueprint', 'blank']

/** Validates a map title the way the library will, so the user hears about it before submitting. */
export function titleProblem(title: string): string | null {
  if (title.trim().length === 0) return t('new.titleRequired')
  if (title.length > LIMITS.title) return t('new.titleTooLong', { length: title.length, max: LIMITS.title })
  return null
}

export function NewMapDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const [template, setTemplate] = useState<TemplateId>('saas')
  const [title, setTitle] = useState('')
  const [touched, setTouched] = useState(false)
  const createMap = useAppStore((s) => s.createMap)
  const titleId = useId()
  const problem = titleProblem(title)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setTouched(true)
    if (problem) return
    const map = await createMap(template, title)
    if (map) onCreated(map.id)
  }

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby={`${titleId}-h`} onSubmit={submit}>
        <h2 id={`${titleId}-h`}>{t('new.title')}</h2>
        <label htmlFor={titleId}>{t('new.mapTitle')}</label>
        <input
          id={titleId}
          autoFocus
          value={title}
          maxLength={LIMITS.title * 2}
          aria-invalid={touched && problem !== null}
          aria-describedby={`${titleId}-hint`}
          onChange={(e) => setTitle(e.target.value)}
          onBlur={() => setTouched(true)}
        />
        <p id={`${titleId}-hint`} className={touched && problem ? 'field-error' : 'hint'}>
          {touched && problem ? problem : t('new.mapTitleHint', { max: LIMITS.title })}
        </p>
        <fieldset className="templates">
          <legend>{t('new.template')}</legend>
          {ORDER.map((id) => {
            const info = TEMPLATES[id]
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
                <span className="template-preview" aria-hidden="true">
                  {info.stages.map((s) => (
                    <span key={s.title} className="preview-stage" title={s.title} />
                  ))}
                </span>
                <span className="template-meta">
                  {t('new.stages', { count: info.stages.length })} · {t('new.lanes', { count: info.lanes.length })}
                </span>
              </label>
            )
          })}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('new.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('new.create')}
          </button>
        </div>
      </form>
    </div>
  )
}
