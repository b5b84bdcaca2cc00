/**
 * Light, dark and high-contrast themes. By default the theme follows the system
 * (`prefers-contrast: more` → high contrast, `prefers-color-scheme: dark` → dark); View ▸ Switch
 * Theme and the header's theme button step through system → light → dark → high contrast. The
 * choice is this device's, like the language (settings/preference.ts): kept in the browser's
 * storage, so it lasts across reloads and restarts, and never in the library file, which a team
 * may share. The page's colours are CSS variables (map/theme.css); the board draws its canvas in
 * the theme's palette (board/render/palette.ts), while the PDF and PNG exports keep the paper's.
 */
import { create } from 'zustand'

export type ThemeChoice = 'system' | 'light' | 'dark' | 'contrast'
export type Theme = Exclude<ThemeChoice, 'system'>

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark', 'contrast']

const KEY = 'journeyboard.theme'

function storedChoice(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(KEY)
    return THEME_CHOICES.includes(value as ThemeChoice) ? (value as ThemeChoice) : 'system'
  } catch {
    return 'system' // storage refused (a locked-down browser): the system's theme
  }
}

function storeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(KEY)
    else window.localStorage.setItem(KEY, choice)
  } catch {
    // Not kept: the choice lasts while the page is open.
  }
}

/** The user's choice and the theme it comes to on this system now. */
export const useTheme = create<{ choice: ThemeChoice; theme: Theme }>()(() => ({ choice: 'system', theme: 'light' }))

const query = (q: string) => (typeof window.matchMedia === 'function' ? window.matchMedia(q) : null)

/** The theme a choice comes to on this system. */
export function resolveTheme(choice: ThemeChoice): Theme {
  if (choice !== 'system') return choice
  if (query('(prefers-contrast: more)')?.matches || query('(forced-colors: active)')?.matches) return 'contrast'
  return query('(prefers-color-scheme: dark)')?.matches ? 'dark' : 'light'
}

function apply(): void {
  const theme = resolveTheme(useTheme.getState().choice)
  if (useTheme.getState().theme !== theme) useTheme.setState({ theme })
  document.documentElement.dataset.theme = theme
  document.documentElement.style.colorScheme = theme === 'dark' ? 'dark' : 'light'
}

/** Keeps the document's theme in step with the choice and the system; returns the way to stop. */
export function installTheme(): () => void {
  useTheme.setState({ choice: storedChoice() })
  apply()
  const off = useTheme.subscribe((s, prev) => {
    if (s.choice !== prev.choice) {
      storeChoice(s.choice)
      apply()
    }
  })
  const media = ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(forced-colors: active)'].map(query)
  media.forEach((m) => m?.addEventListener('change', apply))
  return () => {
    off()
    media.forEach((m) => m?.removeEventListener('change', apply))
  }
}

/** The next choice (the header's button, View ▸ Switch Theme). */
export function switchTheme(): void {
  const now = useTheme.getState().choice
  useTheme.setState({ choice: THEME_CHOICES[(THEME_CHOICES.indexOf(now) + 1) % THEME_CHOICES.length]! })
}
