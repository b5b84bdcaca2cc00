/**
 * The workshop countdown as data: a duration, what is left, and when it ends while it runs.
 * Time comes in as an argument (Date.now() in the app), so the same state shows the same
 * remaining time whoever asks, and a paused timer does not drift.
 */

export interface TimerState {
  /** What Reset goes back to, in milliseconds. */
  readonly durationMs: number
  /** What is left while paused or not started. */
  readonly remainingMs: number
  /** When it reaches zero (epoch ms) while running; null while paused or not started. */
  readonly endsAt: number | null
}

export type TimerPhase = 'ready' | 'running' | 'paused' | 'done'

export const DEFAULT_TIMER: TimerState = { durationMs: 5 * 60_000, remainingMs: 5 * 60_000, endsAt: null }

/** The longest countdown the timer takes: 3 hours. */
export const MAX_TIMER_MS = 180 * 60_000

export const timerRemaining = (timer: TimerState, now: number): number =>
  timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now)

export function timerPhase(timer: TimerState, now: number): TimerPhase {
  const left = timerRemaining(timer, now)
  if (left <= 0) return 'done'
  if (timer.endsAt !== null) return 'running'
  return left === timer.durationMs ? 'ready' : 'paused'
}

export function setTimer(ms: number): TimerState {
  const duration = Math.min(MAX_TIMER_MS, Math.max(1000, Math.round(ms / 1000) * 1000))
  return { durationMs: duration, remainingMs: duration, endsAt: null }
}

/** Starts or resumes; a finished timer starts again from its duration. */
export function startTimer(timer: TimerState, now: number): TimerState {
  const left = timerRemaining(timer, now)
  return {
    ...timer,
    remainingMs: left > 0 ? left : timer.durationMs,
    endsAt: now + (left > 0 ? left : timer.durationMs)
  }
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  return timer.endsAt === null ? timer : { ...timer, remainingMs: timerRemaining(timer, now), endsAt: null }
}

export const resetTimer = (timer: TimerState): TimerState => ({ ...timer, remainingMs: timer.durationMs, endsAt: null })

/** "4:05", "0:09", "1:02:00": whole seconds, rounded up so 0:00 means done. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}
