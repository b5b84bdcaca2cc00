/**
 * The persona form: every field of the issue, each with its limit shown and its problem told
 * next to it. Nothing is saved until the draft is valid; the draft stays while it is not.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react'
import type { Channel, Persona } from '../../../shared/model'
import { TextField } from '../common/Field'
import { plural } from '../common/plural'
import { t, type MessageKey, listOf } from '../i18n'
import { PersonaAvatar } from './PersonaAvatar'
import {
  CHANNELS,
  FIELD_LIMITS,
  PERSONA_COLORS,
  effectiveInitials,
  validateDraft,
  type PersonaDraft,
  type TextDraftField
} from './persona-form'

export interface PersonaEditorProps {
  /** The persona being edited, or null for a new one. */
  readonly persona: Persona | null
  readonly initial: PersonaDraft
  /** Resolves true when the library stored it. */
  onSave(draft: PersonaDraft): Promise<boolean>
  onCancel(): void
  /** Tells the library screen whether there are unsaved changes (to ask before they are dropped). */
  onDirtyChange(dirty: boolean): void
}

const FIELD_LABELS: Record<TextDraftField, MessageKey> = {
  name: 'personas.field.name',
  role: 'personas.field.role',
  initials: 'personas.field.initials',
  quote: 'personas.field.quote',
  age: 'personas.field.age',
  location: 'personas.field.location',
  education: 'personas.field.education',
  income: 'personas.field.income',
  gender: 'personas.field.gender',
  companySize: 'personas.field.companySize',
  industry: 'personas.field.industry',
  revenue: 'personas.field.revenue',
  companyLocation: 'personas.field.companyLocation',
  techStack: 'personas.field.techStack',
  triggerEvents: 'personas.field.triggerEvents',
  behaviour: 'personas.field.behaviour',
  webActivity: 'personas.field.webActivity',
  purchaseHistory: 'personas.field.purchaseHistory',
  productUsage: 'personas.field.productUsage',
  supportInteractions: 'personas.field.supportInteractions',
  goals: 'personas.field.goals',
  painPoints: 'personas.field.painPoints',
  segmentNotes: 'personas.field.segmentNotes'
}

const PLACEHOLDERS: Partial<Record<TextDraftField, MessageKey>> = {
  name: 'personas.placeholder.name',
  role: 'personas.placeholder.role',
  quote: 'personas.placeholder.quote',
  age: 'personas.placeholder.age',
  companySize: 'personas.placeholder.companySize'
}

const MULTILINE: ReadonlySet<TextDraftField> = new Set([
  'quote',
  'behaviour',
  'goals',
  'painPoints',
  'segmentNotes',
  'techStack',
  'triggerEvents',
  'webActivity',
  'purchaseHistory',
  'productUsage',
  'supportInteractions'
])

const channelLabel = (c: Channel) => t(`personas.channel.${c}` as MessageKey)

export function PersonaEditor({ persona, initial, onSave, onCancel, onDirtyChange }: PersonaEditorProps) {
  const [draft, setDraft] = useState(initial)
  const [submitted, setSubmitted] = useState(false)
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [saving, setSaving] = useState(false)
  const summaryRef = useRef<HTMLDivElement>(null)
  const colorsId = useId()
  const channelsId = useId()
  const errors = useMemo(() => validateDraft(draft), [draft])
  const problems = Object.keys(errors) as (keyof PersonaDraft)[]
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial)

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange])

  const set = <K extends keyof PersonaDraft>(key: K, value: PersonaDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }))
  /** Errors show once the field was left or a save was tried; a length error shows at once. */
  const errorOf = (field: TextDraftField) => {
    const error = errors[field]
    if (!error) return null
    return submitted || touched.has(field) || draft[field].length > FIELD_LIMITS[field] ? error : null
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (problems.length > 0) {
      summaryRef.current?.focus()
      return
    }
    setSaving(true)
    const saved = await onSave(draft)
    setSaving(false)
    if (saved) setSubmitted(false)
  }

  const field = (name: TextDraftField, extra: { required?: boolean; hint?: string; autoFocus?: boolean } = {}) => (
    <TextField
      key={name}
      label={t(FIELD_LABELS[name])}
      value={draft[name]}
      onChange={(v) => set(name, v)}
      onBlur={() => setTouched((s) => new Set(s).add(name))}
      max={FIELD_LIMITS[name]}
      multiline={MULTILINE.has(name)}
      error={errorOf(name)}
      placeholder={PLACEHOLDERS[name] ? t(PLACEHOLDERS[name]) : undefined}
      {...extra}
    />
  )

  const toggleChannel = (channel: Channel) =>
    set(
      'channels',
      draft.channels.includes(channel) ? draft.channels.filter((c) => c !== channel) : [...draft.channels, channel]
    )

  const preview = {
    name: draft.name || t('personas.unnamed'),
    initials: effectiveInitials(draft) || '?',
    color: draft.color
  }

  return (
    <form
      className="persona-editor"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="persona-editor-heading"
    >
      <header className="editor-head">
        <PersonaAvatar persona={preview} size="large" decorative />
        <div>
          <h2 id="persona-editor-heading">
            {persona ? t('personas.editTitle', { name: persona.name }) : t('personas.newTitle')}
          </h2>
          <p className="hint">{t('personas.required')}</p>
        </div>
      </header>
      {submitted && problems.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          {plural('personas.fixFields', problems.length, {
            fields: listOf(
              problems.map((f) => (f === 'channels' || f === 'color' ? t(`personas.field.${f}`) : t(FIELD_LABELS[f])))
            )
          })}
        </div>
      )}

      <fieldset className="editor-section">
        <legend>{t('personas.section.who')}</legend>
        <div className="field-grid">
          {field('name', { required: true, autoFocus: persona === null })}
          {field('role')}
        </div>
        <div className="field-grid identity">
          {field('initials', { hint: t('personas.initialsHint', { initials: effectiveInitials(draft) || '?' }) })}
          <div className="field">
            <span className="field-label" id={colorsId}>
              {t('personas.field.color')}
            </span>
            <div className="swatches" role="radiogroup" aria-labelledby={colorsId}>
              {PERSONA_COLORS.map((c) => (
                <label key={c} className="swatch" style={{ background: c }}>
                  <input
                    type="radio"
                    name="persona-color"
                    value={c}
                    checked={draft.color.toLowerCase() === c}
                    onChange={() => set('color', c)}
                  />
                  <span className="visually-hidden">{t('personas.colorOption', { color: c })}</span>
                </label>
              ))}
              <label className="swatch custom" title={t('personas.customColor')}>
                <input
                  type="color"
                  value={draft.color.length === 7 ? draft.color : '#000000'}
                  onChange={(e) => set('color', e.target.value)}
                />
                <span className="visually-hidden">{t('personas.customColor')}</span>
              </label>
            </div>
            <div className="field-foot">{errors.color && <span className="field-error">{errors.color}</span>}</div>
          </div>
        </div>
        {field('quote')}
      </fieldset>

      <fieldset className="editor-section">
        <legend>{t('personas.section.demographics')}</legend>
        <div className="field-grid">
          {field('age')}
          {field('location')}
          {field('education')}
          {field('income')}
          {field('gender')}
        </div>
      </fieldset>

      <fieldset className="editor-section">
        <legend>{t('personas.section.firmographics')}</legend>
        <div className="field-grid three">
          {field('companySize')}
          {field('industry')}
          {field('revenue')}
          {field('companyLocation')}
        </div>
        {field('techStack')}
      </fieldset>

      <fieldset className="editor-section">
        <legend>{t('personas.section.research')}</legend>
        {field('behaviour')}
        <div className="field-grid">
          {field('webActivity')}
          {field('purchaseHistory')}
          {field('productUsage')}
          {field('supportInteractions')}
        </div>
        {field('triggerEvents')}
        {field('goals')}
        {field('painPoints')}
        <div className="field">
          <span className="field-label" id={channelsId}>
            {t('personas.field.channels')}
          </span>
          <div
            className="channel-chips"
            role="group"
            aria-labelledby={channelsId}
            aria-describedby={`${channelsId}-hint`}
          >
            {CHANNELS.map((c) => {
              const rank = draft.channels.indexOf(c)
              return (
                <label key={c} className={`chip${rank >= 0 ? ' on' : ''}`}>
                  <input type="checkbox" checked={rank >= 0} onChange={() => toggleChannel(c)} />
                  {rank >= 0 && <span className="chip-rank">{rank + 1}</span>}
                  {channelLabel(c)}
                </label>
              )
            })}
          </div>
          <div className="field-foot" id={`${channelsId}-hint`}>
            <span>{t('personas.channelsHint')}</span>
          </div>
        </div>
        {field('segmentNotes')}
      </fieldset>

      <div className="editor-actions">
        <button type="button" onClick={onCancel}>
          {dirty ? t('personas.discard') : t('common.close')}
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {persona ? t('personas.save') : t('personas.create')}
        </button>
      </div>
    </form>
  )
}
