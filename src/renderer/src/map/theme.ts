/**
 * Light, dark and high-contrast themes. By default the theme follows the system
 * (`prefers-contrast: more` → high contrast, `prefers-color-scheme: dark` → dark); View ▸ Switch
 * Theme and the header's theme button step through system → light → dark → high contrast. The
 * choice lasts while the page is open (nothing is stored outside the library). The page's
 * colours come from CSS variables (theme.css); the board's canvas is recoloured by a CSS filter
 * on it, so the PDF and PNG exports keep the paper's colours.
 */
import { create } from 'zustand'

export type ThemeChoice = 'system' | 'light' | 'dark' | 'contrast'
export type Theme = Exclude<ThemeChoice, 'system'>

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark', 'contrast']

export const useTheme = create<{ choice: ThemeChoice }>()(() => ({ choice: 'system' }))

const query = (q: string) => (typeof window.matchMedia === 'function' ? window.matchMedia(q) : null)

/** The theme a choice comes to on this system. */
export function resolveTheme(choice: ThemeChoice): Theme {
  if (choice !== 'system') return choice
  if (query('(prefers-contrast: more)')?.matches || query('(forced-colors: active)')?.matches) return 'contrast'
  return query('(prefers-color-scheme: dark)')?.matches ? 'dark' : 'light'
}

function apply(): void {
  const theme = resolveTheme(useTheme.getState().choice)
  document.documentElement.dataset.theme = theme
  document.documentElement.style.colorScheme = theme === 'dark' ? 'dark' : 'light'
}

/** Keeps the document's theme in step with the choice and the system; returns the way to stop. */
export function installTheme(): () => void {
  apply()
  const off = useTheme.subscribe(apply)
  const media = ['(prefers-color-scheme: dark)', '(prefers-contrast: more)'].map(query)
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
