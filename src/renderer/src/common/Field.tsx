/**
 * A labelled text field that states its limit: "12 / 120" under it, turning red past the limit,
 * and the validation message (if any) tied to the control with aria-describedby.
 */
import { useId, type InputHTMLAttributes, type Ref } from 'react'
import { t } from '../i18n'

export interface TextFieldProps {
  readonly label: string
  readonly value: string
  onChange(value: string): void
  /** The most characters that fit; shown as a counter. */
  readonly max: number
  /** What is wrong, when something is. */
  readonly error?: string | null
  /** Shown under the field when there is no error. */
  readonly hint?: string
  readonly multiline?: boolean
  readonly placeholder?: string
  readonly required?: boolean
  readonly autoFocus?: boolean
  readonly inputRef?: Ref<HTMLInputElement>
  readonly className?: string
  onBlur?(): void
  onKeyDown?: InputHTMLAttributes<HTMLInputElement>['onKeyDown']
}

export function TextField(props: TextFieldProps) {
  const { label, value, onChange, max, error, hint, multiline, placeholder, required, autoFocus, inputRef } = props
  const id = useId()
  const footId = `${id}-foot`
  const length = value.length
  const common = {
    id,
    // Hebrew and Arabic are written right to left: the field follows its text's first strong character.
    dir: 'auto',
    value,
    placeholder,
    required,
    autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': footId,
    onBlur: props.onBlur
  }
  return (
    <div className={`field${props.className ? ` ${props.className}` : ''}`}>
      <span className="label-row">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </span>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          ref={inputRef}
          type="text"
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={props.onKeyDown}
        />
      )}
      <div className="field-foot" id={footId}>
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : hint ? (
          <span>{hint}</span>
        ) : null}
        <span className={`counter${length > max ? ' over' : ''}`}>
          {t('common.counter', { length, max })}
          <span className="visually-hidden"> {t('common.counterHint', { max })}</span>
        </span>
      </div>
    </div>
  )
}

/** The message for a text longer than its limit, in the words every form uses. */
export function tooLong(length: number, max: number): string {
  return t('common.tooLong', { length, max })
}
