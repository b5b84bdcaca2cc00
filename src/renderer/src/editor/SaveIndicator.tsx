/** Whether the open work is in the library: "Saved" only after it answered, and why not when it failed. */
import { t } from '../i18n'
import { useAppStore } from '../store'

export function SaveIndicator() {
  const status = useAppStore((s) => s.saveStatus)
  const retrySave = useAppStore((s) => s.retrySave)
  const failed = typeof status === 'object' ? status.failed : null
  return (
    <div className="save-indicator" data-state={failed !== null ? 'failed' : status}>
      <span role="status" aria-live="polite">
        {failed !== null
          ? t('editor.save.failed', { reason: failed })
          : status === 'saving'
            ? t('editor.save.saving')
            : t('editor.save.saved')}
      </span>
      {failed !== null && (
        <button type="button" onClick={retrySave}>
          {t('editor.save.retry')}
        </button>
      )}
    </div>
  )
}
