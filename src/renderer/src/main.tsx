import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { adoptTokenFromAddress } from './api/web-token'
import { loadBoardFonts } from './fonts'
import { applyLanguagePreference } from './settings/SettingsButton'
import './fonts.css'
import './styles.css'
import './map/theme.css'
import { installTheme } from './common/theme'
import { routeAtStart } from './map/router'
import { useAppStore } from './store'

// First of all: the web host's token leaves the address bar (and goes to this tab's storage).
adoptTokenFromAddress()
// The language chosen in Settings on this device, else the system's (also tells the native menu).
applyLanguagePreference()
// A reload or a link opens on the map the address names (loaded once the API is there).
useAppStore.setState({ route: routeAtStart() })
installTheme()
const root = document.getElementById('root')
// The board's first layout measures text: with the bundled fonts, not a fallback (./fonts.ts).
if (root) {
  void loadBoardFonts().finally(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>
    )
  )
}
