import { useState } from 'react'
import { Board } from '../board/Board'
import { usePersonas } from '../board/usePersonas'
import { RecoveredPanel } from '../editor/RecoveredPanel'
import { SaveIndicator } from '../editor/SaveIndicator'
import { useEditorKeys } from '../editor/useEditorKeys'
import { SettingsButton } from '../settings/SettingsButton'
import { t } from '../i18n'
import { MetricsImportDialog } from '../metrics/MetricsImportDialog'
import { PathsOverview, usePathsMenu } from '../paths/PathsBar'
import { PersonaLinker } from '../personas/PersonaLinker'
import { useAppStore } from '../store'
import { savedCamera, saveCamera } from './router'
import { setBoardUi } from '../editing/ui-store'
import { ThemeButton } from './ThemeButton'
import { VersionsButton } from '../versions/VersionsPanel'
import { WorkshopButtons } from '../workshop/WorkshopButtons'
import { LiveButtons } from '../live/LiveButtons'
import { useNoteAuthors } from '../live/store'
import { MapOverlays } from './MapOverlays'
import { FileMenu } from './FileMenu'
// Last: the room's rules refine the panels' and the workshop's (same specificity, later wins).
import './room.css'

/** A map open on the board, under a header with the way back and the map's title. */
export function MapScreen() {
  const map = useAppStore((s) => s.openMap)
  const goHome = useAppStore((s) => s.goHome)
  const personas = usePersonas()
  const authors = useNoteAuthors(map?.id ?? '')
  const [importingMetrics, setImportingMetrics] = useState(false)
  const pathsMenu = usePathsMenu(map, () => setImportingMetrics(true))
  useEditorKeys()
  if (!map) return <p className="loading">{t('map.loading')}</p>
  return (
    <main className="map-screen board-screen">
      <header className="map-header">
        <button onClick={goHome}>← {t('map.back')}</button>
        <h1 title={map.title}>{map.title}</h1>
        <span className="hint">{t('map.notes', { count: map.notes.length })}</span>
        <PersonaLinker map={map} />
        <FileMenu />
        <VersionsButton map={map} />
        <WorkshopButtons map={map} extraItems={pathsMenu.items} />
        <LiveButtons map={map} />
        <span className="header-gap" />
        <SaveIndicator />
        <ThemeButton />
        <SettingsButton icon />
        <button
          type="button"
          className="help-button"
          onClick={() => setBoardUi({ helpOpen: true })}
          aria-label={t('help.open')}
          title={t('help.open')}
        >
          ?
        </button>
      </header>
      <PathsOverview map={map} />
      <Board
        key={map.id}
        map={map}
        personas={personas}
        openingCamera={savedCamera(map.id)}
        onCameraChange={(camera) => saveCamera(map.id, camera)}
        authors={authors}
        overlays={MapOverlays}
      />
      <RecoveredPanel />
      {pathsMenu.dialogs}
      {importingMetrics && <MetricsImportDialog map={map} onClose={() => setImportingMetrics(false)} />}
    </main>
  )
}
