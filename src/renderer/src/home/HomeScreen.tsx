import { useEffect, useMemo, useState } from 'react'
import type { MapSummary } from '../../../shared/api/contract'
import { t } from '../i18n'
import { useAppStore } from '../store'
import { NewMapDialog } from './NewMapDialog'

export function relativeTime(iso: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000)
  if (minutes < 1) return t('time.justNow')
  if (minutes < 60) return t('time.minutes', { count: minutes })
  if (minutes < 24 * 60) return t('time.hours', { count: Math.floor(minutes / 60) })
  return new Date(iso).toLocaleDateString()
}

type SortKey = 'updated' | 'title'

function sortMaps(maps: readonly MapSummary[], key: SortKey): MapSummary[] {
  const copy = [...maps]
  if (key === 'title') copy.sort((a, b) => a.title.localeCompare(b.title))
  else copy.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  return copy
}

export function HomeScreen() {
  const maps = useAppStore((s) => s.maps)
  const mapsLoaded = useAppStore((s) => s.mapsLoaded)
  const refreshMaps = useAppStore((s) => s.refreshMaps)
  const trashMap = useAppStore((s) => s.trashMap)
  const restoreMap = useAppStore((s) => s.restoreMap)
  const goToMap = useAppStore((s) => s.goToMap)
  const libraryPath = useAppStore((s) => s.appInfo?.libraryPath)
  const [creating, setCreating] = useState(false)
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<SortKey>('updated')
  const [trashed, setTrashed] = useState<MapSummary | null>(null)

  const api = useAppStore((s) => s.api)
  // The API client is created by App's effect, which runs after this one on first render.
  useEffect(() => {
    if (api) void refreshMaps()
  }, [api, refreshMaps])

  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase()
    return sortMaps(
      maps.filter((m) => m.title.toLocaleLowerCase().includes(q)),
      sort
    )
  }, [maps, query, sort])

  return (
    <main className="home">
      <header className="home-header">
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <button className="primary" onClick={() => setCreating(true)}>
          {t('home.newMap')}
        </button>
      </header>
      <section aria-labelledby="maps-heading">
        <div className="list-toolbar">
          <h2 id="maps-heading">{t('home.title')}</h2>
          <input
            type="search"
            aria-label={t('home.search')}
            placeholder={t('home.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <label>
            {t('home.sort')}{' '}
            <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
              <option value="updated">{t('home.sort.updated')}</option>
              <option value="title">{t('home.sort.title')}</option>
            </select>
          </label>
        </div>
        {!mapsLoaded ? null : maps.length === 0 ? (
          <p className="empty">{t('home.empty')}</p>
        ) : (
          <table className="maps">
            <thead>
              <tr>
                <th scope="col">{t('home.col.title')}</th>
                <th scope="col">{t('home.col.stages')}</th>
                <th scope="col">{t('home.col.notes')}</th>
                <th scope="col">{t('home.col.updated')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('home.trash')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.id}>
                  <td>
                    <button className="link" onClick={() => void goToMap(m.id)}>
                      {m.title}
                    </button>
                  </td>
                  <td>{m.stageCount}</td>
                  <td>{m.noteCount}</td>
                  <td>
                    <time dateTime={m.updatedAt}>{relativeTime(m.updatedAt)}</time>
                  </td>
                  <td>
                    <button
                      aria-label={`${t('home.trash')}: ${m.title}`}
                      onClick={() => {
                        void trashMap(m.id)
                        setTrashed(m)
                      }}
                    >
                      {t('home.trash')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {trashed && (
        <div className="toast" role="status">
          {t('home.trashed', { title: trashed.title })}{' '}
          <button
            onClick={() => {
              void restoreMap(trashed.id)
              setTrashed(null)
            }}
          >
            {t('home.undoTrash')}
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
