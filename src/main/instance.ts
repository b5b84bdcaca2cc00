/**
 * One Journeyboard per profile: the library has one writer. A second launch hands over to the
 * first (which comes to the front, and opens the files it was given) and exits.
 */
import { app } from 'electron'

/** Returns false when another instance holds the lock; this process should then quit. */
export function claimSingleInstance(onSecondLaunch: (argv: readonly string[], cwd: string) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false
  // A second launch's command line may name files to open (a double-clicked .journeymap).
  app.on('second-instance', (_event, argv, cwd) => onSecondLaunch(argv, cwd))
  return true
}
