/**
 * Small labelled controls for the side panel: a select that acts on change, and text or number
 * fields that commit on Enter or when they lose focus (Esc puts the value back). Each control has
 * a visible label tied to it, so everything is reachable and named for the keyboard and screen readers.
 */
import { useId, useState, type ReactNode } from 'react'
import { t } from '../i18n'

export interface Option<V extends string | number> {
  readonly value: V
  readonly label: string
}

/** A select; `value` undefined means the selected items differ ("Mixed"). */
export function SelectField<V extends string | number>({
  label,
  value,
  options,
  onChange,
  none,
  ariaLabel
}: {
  label: string
  /** A fuller name for screen readers that starts with the visible label ("Severity of pain point 2"). */
  ariaLabel?: string
  value: V | null | undefined
  options: readonly Option<V>[]
  onChange: (value: V | null) => void
  /** The label of a "no value" choice (null), if the field can be empty. */
  none?: string
}) {
  const id = useId()
  const current = value === undefined ? '__mixed' : value === null ? '__none' : String(value)
  return (
    <div className="panel-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-label={ariaLabel}
        value={current}
        onChange={(e) => {
          const raw = e.target.value
          if (raw === '__mixed') return
          if (raw === '__none') onChange(null)
          else onChange(options.find((o) => String(o.value) === raw)?.value ?? null)
        }}
      >
        {value === undefined && (
          <option value="__mixed" disabled>
            {t('interaction.field.mixed')}
          </option>
        )}
        {none !== undefined && <option value="__none">{none}</option>}
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * A text field that commits on Enter (ctrl/cmd+Enter when multiline) or blur. Re-mount it (key)
 * when the value it shows changes elsewhere.
 */
export function CommitField({
  label,
  value,
  onCommit,
  maxLength,
  multiline,
  type = 'text',
  allowEmpty = true,
  className,
  ariaLabel
}: {
  label: string
  /** A fuller name for screen readers that starts with the visible label. */
  ariaLabel?: string
  value: string
  onCommit: (value: string) => void
  maxLength?: number
  multiline?: boolean
  type?: 'text' | 'number'
  /** When false, an emptied field goes back to its value instead of committing. */
  allowEmpty?: boolean
  className?: string
}) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  const commit = () => {
    if (draft === value) return
    if (!allowEmpty && !draft.trim()) {
      setDraft(value)
      return
    }
    onCommit(draft)
  }
  const common = {
    id,
    'aria-label': ariaLabel,
    // Hebrew and Arabic are written right to left: the field follows its text's first strong character.
    dir: 'auto',
    value: draft,
    maxLength,
    onBlur: commit,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value)
  }
  return (
    <div className={`panel-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setDraft(value)
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              commit()
            }
          }}
        />
      ) : (
        <input
          {...common}
          type={type}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setDraft(value)
            if (e.key === 'Enter') {
              e.preventDefault()
              commit()
            }
          }}
        />
      )}
    </div>
  )
}

/** A titled group of the panel. */
export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const headingId = useId()
  return (
    <section className="panel-section" aria-labelledby={headingId} id={id}>
      <h3 id={headingId}>{title}</h3>
      {children}
    </section>
  )
}
