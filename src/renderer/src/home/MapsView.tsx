/** The maps of the library as cards: search by title and note text, sort, and the card actions. */
import { useEffect, useMemo, useState } from 'react'
import type { MapSearchHit, MapSummary } from '../../../shared/api/contract'
import { LIMITS } from '../../../shared/schema/entities'
import { formatDateTime } from '../common/format'
import { plural } from '../common/plural'
import { t } from '../i18n'
import { useAppStore } from '../store'
import { MapCard } from './MapCard'

type SortKey = 'updated' | 'title'

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

export function sortMaps(maps: readonly MapSummary[], key: SortKey): MapSummary[] {
  const copy = [...maps]
  if (key === 'title') copy.sort((a, b) => collator.compare(a.title, b.title) || a.createdAt.localeCompare(b.createdAt))
  else copy.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  return copy
}

/**
 * For maps whose title another map shares: when each was created, and a short id when even that
 * is the same, so two "Onboarding" maps can be told apart at a glance.
 */
export function distinguishers(maps: readonly MapSummary[]): Map<string, string> {
  const byTitle = new Map<string, MapSummary[]>()
  for (const m of maps) {
    const key = m.title.trim().toLocaleLowerCase()
    byTitle.set(key, [...(byTitle.get(key) ?? []), m])
  }
  const out = new Map<string, string>()
  for (const same of byTitle.values()) {
    if (same.length < 2) continue
    const created = same.map((m) => formatDateTime(m.createdAt))
    for (const [i, m] of same.entries()) {
      const clash = created.filter((c) => c === created[i]).length > 1
      out.set(
        m.id,
        clash
          ? t('home.createdWithId', { date: created[i] ?? '', id: m.id.slice(-5) })
          : t('home.created', { date: created[i] ?? '' })
      )
    }
  }
  return out
}

/** Asks the library which maps match, a moment after the user stops typing. */
function useSearch(query: string): { hits: ReadonlyMap<string, MapSearchHit> | null; searching: boolean } {
  const api = useAppStore((s) => s.api)
  const showError = useAppStore((s) => s.showError)
  const maps = useAppStore((s) => s.maps)
  const [result, setResult] = useState<{ query: string; hits: ReadonlyMap<string, MapSearchHit> } | null>(null)
  const wanted = query.trim()
  useEffect(() => {
    if (!api || wanted === '' || wanted.length > LIMITS.label) return
    let live = true
    const timer = setTimeout(() => {
      api
        .searchMaps({ query: wanted })
        .then((hits) => {
          if (live) setResult({ query: wanted, hits: new Map(hits.map((h) => [h.id, h])) })
        })
        .catch((e: unknown) => showError(e))
    }, 180)
    return () => {
      live = false
      clearTimeout(timer)
    }
    // Maps are a dependency so a search is asked again when the library changes under it.
  }, [api, wanted, maps, showError])
  if (wanted === '') return { hits: null, searching: false }
  if (result?.query !== wanted) return { hits: result?.hits ?? new Map(), searching: true }
  return { hits: result.hits, searching: false }
}

export interface MapsViewProps {
  onTrashed(map: MapSummary): void
  onDuplicated(copyId: string, title: string): void
  onNewMap(): void
}

export function MapsView({ onTrashed, onDuplicated, onNewMap }: MapsViewProps) {
  const maps = useAppStore((s) => s.maps)
  const mapsLoaded = useAppStore((s) => s.mapsLoaded)
  const personas = useAppStore((s) => s.personas)
  const goToMap = useAppStore((s) => s.goToMap)
  const renameMap = useAppStore((s) => s.renameMap)
  const duplicateMap = useAppStore((s) => s.duplicateMap)
  const trashMap = useAppStore((s) => s.trashMap)
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<SortKey>('updated')
  const { hits, searching } = useSearch(query)
  const queryTooLong = query.trim().length > LIMITS.label

  const personaById = useMemo(() => new Map(personas.map((p) => [p.id, p])), [personas])
  const labels = useMemo(() => distinguishers(maps), [maps])
  const shown = useMemo(() => sortMaps(hits ? maps.filter((m) => hits.has(m.id)) : maps, sort), [maps, hits, sort])

  if (!mapsLoaded) return <p className="loading">{t('app.connecting')}</p>
  if (maps.length === 0) {
    return (
      <div className="empty">
        <p>{t('home.empty')}</p>
        <button className="primary" onClick={onNewMap}>
          {t('home.firstMap')}
        </button>
      </div>
    )
  }
  return (
    <section aria-labelledby="maps-heading">
      <div className="list-toolbar">
        <h2 id="maps-heading">{t('home.title')}</h2>
        <div className="search-box">
          <input
            type="search"
            aria-label={t('home.search')}
            placeholder={t('home.searchPlaceholder')}
            value={query}
            aria-invalid={queryTooLong || undefined}
            aria-describedby="search-status"
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <label className="sort">
          {t('home.sort')}{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="updated">{t('home.sort.updated')}</option>
            <option value="title">{t('home.sort.title')}</option>
          </select>
        </label>
      </div>
      <p id="search-status" className={`search-status${queryTooLong ? ' field-error' : ''}`} role="status">
        {queryTooLong
          ? t('home.searchTooLong', { max: LIMITS.label })
          : hits && !searching
            ? plural('home.searchResults', shown.length, { query: query.trim() })
            : ''}
      </p>
      {hits && !searching && shown.length === 0 ? (
        <p className="empty">{t('home.noMatches', { query: query.trim() })}</p>
      ) : (
        <ul className="map-grid" aria-label={t('home.title')}>
          {shown.map((m) => (
            <MapCard
              key={m.id}
              map={m}
              personas={m.personaIds.flatMap((id) => personaById.get(id) ?? [])}
              distinguisher={labels.get(m.id) ?? null}
              hit={hits?.get(m.id) ?? null}
              onOpen={() => void goToMap(m.id)}
              onRename={(title) => renameMap(m.id, title)}
              onDuplicate={() => {
                void duplicateMap(m.id).then((copy) => copy && onDuplicated(copy.id, copy.title))
              }}
              onTrash={() => {
                void trashMap(m.id).then((done) => done && onTrashed(m))
              }}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
