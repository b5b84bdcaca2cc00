/** Where a workshop starts: the maps of the library, the persona library, and the trash. */
import { useEffect, useState } from 'react'
import type { MapSummary } from '../../../shared/api/contract'
import { ExchangeButtons } from '../exchange/ExchangeHost'
import { t } from '../i18n'
import { SettingsButton } from '../settings/SettingsButton'
import { PersonaLibrary } from '../personas/PersonaLibrary'
import { useAppStore, type HomeView } from '../store'
import { MapsView } from './MapsView'
import { NewMapDialog } from './NewMapDialog'
import { TrashView } from './TrashView'
import './home.css'

interface Toast {
  readonly message: string
  readonly action?: { readonly label: string; run(): void }
}

export function HomeScreen() {
  const api = useAppStore((s) => s.api)
  const view = useAppStore((s) => s.homeView)
  const showHome = useAppStore((s) => s.showHome)
  const mapCount = useAppStore((s) => s.maps.length)
  const personaCount = useAppStore((s) => s.personas.length)
  const trashCount = useAppStore((s) => s.trash.length)
  const refreshMaps = useAppStore((s) => s.refreshMaps)
  const refreshPersonas = useAppStore((s) => s.refreshPersonas)
  const refreshTrash = useAppStore((s) => s.refreshTrash)
  const restoreMap = useAppStore((s) => s.restoreMap)
  const goToMap = useAppStore((s) => s.goToMap)
  const libraryPath = useAppStore((s) => s.appInfo?.libraryPath)
  const [creating, setCreating] = useState(false)
  const [toast, setToast] = useState<Toast | null>(null)

  // The API client is created by App's effect, which runs after this one on first render.
  useEffect(() => {
    if (!api) return
    void refreshMaps()
    void refreshPersonas()
    void refreshTrash()
  }, [api, refreshMaps, refreshPersonas, refreshTrash])

  const tabs: readonly { id: HomeView; label: string; count: number }[] = [
    { id: 'maps', label: t('home.nav.maps'), count: mapCount },
    { id: 'personas', label: t('home.nav.personas'), count: personaCount },
    { id: 'trash', label: t('home.nav.trash'), count: trashCount }
  ]

  const trashed = (map: MapSummary) =>
    setToast({
      message: t('home.trashed', { title: map.title }),
      action: {
        label: t('home.undoTrash'),
        run: () => {
          setToast(null)
          void restoreMap(map.id)
        }
      }
    })

  return (
    <main className="home">
      <header className="home-header">
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <span className="home-actions">
          <ExchangeButtons />
          <SettingsButton />
          <button className="primary" onClick={() => setCreating(true)}>
            {t('home.newMap')}
          </button>
        </span>
      </header>
      <nav className="home-nav" aria-label={t('home.nav')}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            className="nav-tab"
            aria-current={view === tab.id ? 'page' : undefined}
            onClick={() => {
              setToast(null)
              showHome(tab.id)
            }}
          >
            {tab.label} <span className="nav-count">{tab.count}</span>
          </button>
        ))}
      </nav>
      {view === 'maps' && (
        <MapsView
          onNewMap={() => setCreating(true)}
          onTrashed={trashed}
          onDuplicated={(id, title) =>
            setToast({
              message: t('home.duplicated', { title }),
              action: { label: t('home.openCopy'), run: () => void goToMap(id) }
            })
          }
        />
      )}
      {/* Kept mounted while hidden, so an unsaved persona form survives a look at the maps. */}
      <div hidden={view !== 'personas'}>
        <PersonaLibrary />
      </div>
      {view === 'trash' && <TrashView onRestored={(title) => setToast({ message: t('trash.restored', { title }) })} />}
      {toast && (
        <div className="toast" role="status">
          <span>{toast.message}</span>
          {toast.action && (
            <button className="toast-action" onClick={toast.action.run}>
              {toast.action.label}
            </button>
          )}
          <button className="toast-close" aria-label={t('common.dismiss')} onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      )}
      {libraryPath && <footer className="library-path">{t('home.library', { path: libraryPath })}</footer>}
      {creating && (
        <NewMapDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false)
            void goToMap(id)
          }}
        />
      )}
    </main>
  )
}
