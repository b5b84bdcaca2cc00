/**
 * What the page knows about its link to the Journeyboard host, in plain words: reconnecting (with
 * Reconnect now), unreachable for a while (start the host again, or open the new address it printed),
 * or refused (only the printed address helps). Nothing is shown while connected.
 */
import { t } from './i18n'
import { useAppStore } from './store'

/** After this many failed attempts in a row (about 4 s), the banner says what the user can do. */
const ATTEMPTS_BEFORE_ADVICE = 4

export function ConnectionBanner({ onRetry }: { onRetry(): void }) {
  const connection = useAppStore((s) => s.connection)
  if (connection.kind === 'connected' || connection.kind === 'connecting') return null
  if (connection.kind === 'refused') {
    return (
      <div className="banner error connection-banner" role="alert" data-state="refused">
        {t(connection.reason === 'token' ? 'app.connection.refused' : 'app.connection.noToken')}
      </div>
    )
  }
  const advise = connection.attempt >= ATTEMPTS_BEFORE_ADVICE
  return (
    <div className="banner warning connection-banner" role="status" data-state="reconnecting">
      {t(advise ? 'app.connection.unreachable' : 'app.connectionLost')}{' '}
      <button type="button" onClick={onRetry}>
        {t('app.connection.retryNow')}
      </button>
    </div>
  )
}
