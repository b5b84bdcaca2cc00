import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where the library lives when no --db / JOURNEYBOARD_DB is given: the same folder Electron uses
 * as userData for an app named "Journeyboard", so the desktop app, web host and CLI share one file.
 */
export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.JOURNEYBOARD_DB) return env.JOURNEYBOARD_DB
  const home = homedir()
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'))
  return join(base, 'Journeyboard', 'journeyboard.sqlite')
}
