/**
 * The language chosen in Settings, remembered per device: in this browser's (or this desktop
 * app's) own storage, not in the library file, which a team may share between computers that
 * speak different languages. No choice means "follow the system" (`navigator.languages`, which
 * Electron fills from the operating system's locale).
 */
import { isLanguage, matchLanguage, type Language } from '../../../shared/i18n/languages'

const KEY = 'journeyboard.language'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** The language picked in Settings, or null to follow the system. */
export function chosenLanguage(): Language | null {
  const value = storage()?.getItem(KEY)
  return isLanguage(value) ? value : null
}

export function rememberLanguage(choice: Language | null): void {
  const store = storage()
  if (!store) return
  if (choice) store.setItem(KEY, choice)
  else store.removeItem(KEY)
}

export function systemLanguage(): Language {
  const nav = typeof navigator === 'undefined' ? undefined : navigator
  return matchLanguage([...(nav?.languages ?? []), nav?.language])
}

/** What the UI should speak now: the choice, else the system's language. */
export function preferredLanguage(): Language {
  return chosenLanguage() ?? systemLanguage()
}
