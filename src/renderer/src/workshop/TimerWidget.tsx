/**
 * The workshop timer: a large countdown at the bottom of the board, readable from the back of
 * the room and shown in presentation mode too. Set it (presets or minutes), start, pause,
 * reset. At zero it turns warm and pulses gently three times; a screen reader hears "Time is up".
 */
import { useEffect, useState } from 'react'
import { t } from '../i18n'
import { setWorkshop, useWorkshop } from './store'
import {
  formatCountdown,
  MAX_TIMER_MS,
  pauseTimer,
  resetTimer,
  setTimer,
  startTimer,
  timerPhase,
  timerRemaining
} from './timer'

const PRESETS = [1, 3, 5, 10, 15] as const

/**
 * The clock, read again a few times a second until `endsAt` (while the timer runs). Handlers
 * that change the timer set it too, with the same reading they used, so the face never shows a
 * stale time.
 */
function useNow(endsAt: number | null): [number, (now: number) => void] {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (endsAt === null) return
    const id = setInterval(() => {
      const reading = Date.now()
      setNow(reading)
      if (reading >= endsAt) clearInterval(id)
    }, 250)
    return () => clearInterval(id)
  }, [endsAt])
  return [now, setNow]
}

export function TimerWidget() {
  const timer = useWorkshop((s) => s.timer)
  const presenting = useWorkshop((s) => s.presenting !== null)
  const [now, setNow] = useNow(timer.endsAt)
  const phase = timerPhase(timer, now)
  const left = timerRemaining(timer, now)
  const minutes = Math.round(timer.durationMs / 60_000)
  const set = (next: typeof timer) => setWorkshop({ timer: next })
  /** Runs a change of the timer at the current time. */
  const at = (change: (now: number) => typeof timer) => {
    const reading = Date.now()
    setNow(reading)
    set(change(reading))
  }
  return (
    <section
      className={`workshop-timer ${phase}${presenting ? ' presenting' : ''}`}
      aria-label={t('workshop.timer.label')}
    >
      <div className="timer-face">
        <time className="timer-digits" dateTime={`PT${Math.ceil(left / 1000)}S`} aria-hidden={phase === 'running'}>
          {formatCountdown(left)}
        </time>
        {phase === 'done' && <span className="timer-done">{t('workshop.timer.done')}</span>}
      </div>
      {/* Announced once when time is up, not every second. */}
      <span className="visually-hidden" role="status">
        {phase === 'done' ? t('workshop.timer.done') : ''}
      </span>
      <div className="timer-controls">
        <div className="timer-row">
          {phase === 'running' ? (
            <button type="button" className="primary" onClick={() => at((n) => pauseTimer(timer, n))}>
              {t('workshop.timer.pause')}
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => at((n) => startTimer(timer, n))}>
              {phase === 'paused' ? t('workshop.timer.resume') : t('workshop.timer.start')}
            </button>
          )}
          <button type="button" onClick={() => set(resetTimer(timer))} disabled={phase === 'ready'}>
            {t('workshop.timer.reset')}
          </button>
          {!presenting && (
            <button
              type="button"
              className="quiet timer-close"
              aria-label={t('workshop.timer.close')}
              title={t('workshop.timer.close')}
              onClick={() => setWorkshop({ timerOpen: false })}
            >
              ×
            </button>
          )}
        </div>
        {!presenting && (
          <div className="timer-row">
            <span className="timer-presets">
              {PRESETS.map((m) => (
                <button
                  key={m}
                  type="button"
                  className="quiet"
                  aria-label={t('workshop.timer.setMinutes', { minutes: m })}
                  aria-pressed={minutes === m && phase === 'ready'}
                  onClick={() => set(setTimer(m * 60_000))}
                >
                  {m}′
                </button>
              ))}
            </span>
            <label className="timer-minutes">
              <span>{t('workshop.timer.minutes')}</span>
              <input
                type="number"
                min={1}
                max={MAX_TIMER_MS / 60_000}
                step={1}
                value={minutes}
                onChange={(e) => {
                  const value = Number(e.target.value)
                  if (Number.isFinite(value) && value >= 1) set(setTimer(value * 60_000))
                }}
              />
            </label>
          </div>
        )}
      </div>
    </section>
  )
}
