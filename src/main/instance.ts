/**
 * One Journeyboard per profile: the library has one writer. A second launch hands over to the
 * first (which comes to the front) and exits.
 */
import { app } from 'electron'

/** Returns false when another instance holds the lock; this process should then quit. */
export function claimSingleInstance(onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false
  app.on('second-instance', () => onSecondLaunch())
  return true
}
