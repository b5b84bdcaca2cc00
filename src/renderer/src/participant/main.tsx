import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { setLanguage } from '../i18n'
import { ParticipantApp } from './ParticipantApp'
import '../fonts.css'
import '../styles.css'

setLanguage(navigator.language)
const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <ParticipantApp />
    </StrictMode>
  )
