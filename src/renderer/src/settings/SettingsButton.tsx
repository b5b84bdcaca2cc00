/**
 * Settings: the interface language. The choice applies at once, without a reload (open maps,
 * dialogs and typed text stay as they are), and is remembered on this device.
 */
import { useId, useState } from 'react'
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, type Language } from '../../../shared/i18n/languages'
import { tellMainLanguage } from '../api/ipc-transport'
import { Dialog } from '../common/Dialog'
import { setLanguage, t, useLanguage } from '../i18n'
import { chosenLanguage, preferredLanguage, rememberLanguage, systemLanguage } from './preference'

const SYSTEM = 'system'

/** Applies the remembered choice (or the system's language) and tells the desktop app's menu. */
export function applyLanguagePreference(): Language {
  const language = preferredLanguage()
  setLanguage(language)
  tellMainLanguage(language)
  return language
}

export function SettingsButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button onClick={() => setOpen(true)}>{t('settings.button')}</button>
      {open && <SettingsDialog onClose={() => setOpen(false)} />}
    </>
  )
}

function SettingsDialog({ onClose }: { onClose(): void }) {
  useLanguage()
  const id = useId()
  const [choice, setChoice] = useState<Language | null>(chosenLanguage())
  const pick = (value: string): void => {
    const next = isLanguage(value) ? value : null
    setChoice(next)
    rememberLanguage(next)
    applyLanguagePreference()
  }
  return (
    <Dialog title={t('settings.title')} onClose={onClose} className="settings-dialog">
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {t('settings.language')}
        </label>
        <select id={id} value={choice ?? SYSTEM} onChange={(e) => pick(e.target.value)}>
          <option value={SYSTEM}>
            {t('settings.language.system', { language: LANGUAGE_NAMES[systemLanguage()] })}
          </option>
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
        <p className="hint">{t('settings.language.hint')}</p>
      </div>
      <div className="dialog-actions">
        <button className="primary" onClick={onClose}>
          {t('settings.done')}
        </button>
      </div>
    </Dialog>
  )
}
