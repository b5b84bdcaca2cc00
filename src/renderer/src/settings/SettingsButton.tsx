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

/** Opens Settings; `icon` shows a gear instead of the word, where the header is short of room. */
export function SettingsButton({ icon = false }: { readonly icon?: boolean }) {
  const [open, setOpen] = useState(false)
  const label = t('settings.button')
  return (
    <>
      {icon ? (
        <button className="settings-icon" aria-label={label} title={label} onClick={() => setOpen(true)}>
          <GearIcon />
        </button>
      ) : (
        <button onClick={() => setOpen(true)}>{label}</button>
      )}
      {open && <SettingsDialog onClose={() => setOpen(false)} />}
    </>
  )
}

/** Feather's "settings" icon (MIT). */
function GearIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
      <circle cx="12" cy="12" r="3" />
      <path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06a1.65 1.65 0 0 0 .33-1.82 1.65 1.65 0 0 0-1.51-1H3a2 2 0 1 1 0-4h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06a1.65 1.65 0 0 0 1.82.33H9a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06a1.65 1.65 0 0 0-.33 1.82V9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z" />
    </svg>
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
