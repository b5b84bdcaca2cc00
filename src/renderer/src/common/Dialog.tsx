/**
 * A modal dialog on the native <dialog> element: the browser keeps focus inside it, puts the
 * rest of the page out of reach, closes it on Esc and gives focus back to where it was.
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react'
import { t } from '../i18n'
import './common.css'

export interface DialogProps {
  readonly title: string
  /** Esc, the Cancel button, or the close request of the browser. */
  onClose(): void
  readonly children: ReactNode
  /** When set, the dialog is a form and Enter submits it. */
  onSubmit?(e: FormEvent<HTMLFormElement>): void
  readonly className?: string
  /** The dialog's description, read out with its title. */
  readonly describedBy?: string
}

export function Dialog({ title, onClose, children, onSubmit, className, describedBy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  const body = (
    <>
      <h2 id={headingId}>{title}</h2>
      {children}
    </>
  )
  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={headingId}
      aria-describedby={describedBy}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      {onSubmit ? (
        <form
          className="dialog-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            onSubmit(e)
          }}
        >
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  )
}

export interface ConfirmDialogProps {
  readonly title: string
  readonly message: ReactNode
  readonly confirmLabel: string
  /** A confirmation that destroys something is drawn in red. */
  readonly danger?: boolean
  onConfirm(): void
  onCancel(): void
}

/** Asks before something that cannot be taken back; Cancel has focus first. */
export function ConfirmDialog({ title, message, confirmLabel, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  const messageId = useId()
  return (
    <Dialog title={title} onClose={onCancel} className="confirm" describedBy={messageId}>
      <div id={messageId} className="confirm-message">
        {message}
      </div>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
