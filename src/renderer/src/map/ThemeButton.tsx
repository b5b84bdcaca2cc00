import { t } from '../i18n'
import { resolveTheme, switchTheme, useTheme } from './theme'

/** Steps through the themes: system, light, dark, high contrast. */
export function ThemeButton() {
  const choice = useTheme((s) => s.choice)
  const label = t('theme.button', { theme: t(`theme.${choice}`) })
  return (
    <button type="button" className="theme-button" onClick={switchTheme} aria-label={label} title={label}>
      {resolveTheme(choice) === 'dark' ? '☾' : resolveTheme(choice) === 'contrast' ? '◐' : '☀'}
    </button>
  )
}
