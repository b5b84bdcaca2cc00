import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { setLanguage, t } from '../i18n'
import { systemLanguage } from '../settings/preference'
import { ParticipantApp } from './ParticipantApp'
import '../fonts.css'
import '../styles.css'

// The participant's own device speaks its language (navigator.languages), with the app's catalogues.
setLanguage(systemLanguage())
document.title = `Journeyboard — ${t('participant.title')}`
const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <ParticipantApp />
    </StrictMode>
  )
