import { t } from '../i18n'
import { switchTheme, useTheme } from '../common/theme'

/** Steps through the themes: system, light, dark, high contrast. */
export function ThemeButton() {
  const choice = useTheme((s) => s.choice)
  const theme = useTheme((s) => s.theme)
  const label = t('theme.button', { theme: t(`theme.${choice}`) })
  return (
    <button type="button" className="theme-button" onClick={switchTheme} aria-label={label} title={label}>
      {theme === 'dark' ? '☾' : theme === 'contrast' ? '◐' : '☀'}
    </button>
  )
}
