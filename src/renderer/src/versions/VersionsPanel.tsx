/**
 * Versions of the open map, in a side panel: save a named snapshot, list them with dates,
 * compare one with the map as it is on screen, or restore one as a new map (never overwriting).
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { JourneyMap, SnapshotInfo } from '../../../shared/model'
import { LIMITS } from '../../../shared/schema/entities'
import { TextField, tooLong } from '../common/Field'
import { formatDateTime } from '../common/format'
import { plural } from '../common/plural'
import { t } from '../i18n'
import { useAppStore } from '../store'
import { DiffView } from './DiffView'
import { whenSaved } from '../editor/when-saved'
import './versions.css'

function nameProblem(name: string): string | null {
  if (name.trim() === '') return t('versions.nameRequired')
  if (name.length > LIMITS.label) return tooLong(name.length, LIMITS.label)
  return null
}

type Compared = { readonly info: SnapshotInfo; readonly map: JourneyMap }

export function VersionsPanel({ map, onClose }: { map: JourneyMap; onClose(): void }) {
  const api = useAppStore((s) => s.api)
  const showError = useAppStore((s) => s.showError)
  const goToMap = useAppStore((s) => s.goToMap)
  const refreshMaps = useAppStore((s) => s.refreshMaps)
  const [snapshots, setSnapshots] = useState<readonly SnapshotInfo[] | null>(null)
  const [name, setName] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [restored, setRestored] = useState<JourneyMap | null>(null)
  const [compared, setCompared] = useState<Compared | null>(null)
  const headingId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const problem = nameProblem(name)
  const mapId = map.id

  // Bumped after a snapshot is saved, so the list is read again.
  const [listVersion, setListVersion] = useState(0)
  useEffect(() => {
    if (!api) return
    let live = true
    api
      .listSnapshots({ mapId })
      .then((list) => {
        if (live) setSnapshots(list)
      })
      .catch((e: unknown) => showError(e))
    return () => {
      live = false
    }
  }, [api, mapId, showError, listVersion])
  useEffect(() => {
    headingRef.current?.focus()
  }, [compared])

  const save = async () => {
    setTried(true)
    if (problem || !api || busy) return
    setBusy(true)
    try {
      if (!(await whenSaved(mapId))) {
        setNotice(t('versions.notSaved'))
        return
      }
      const info = await api.createSnapshot({ mapId, name: name.trim() })
      setName('')
      setTried(false)
      setNotice(t('versions.savedNotice', { name: info.name }))
      setListVersion((v) => v + 1)
    } catch (e) {
      showError(e)
    } finally {
      setBusy(false)
    }
  }

  const compare = async (info: SnapshotInfo) => {
    if (!api) return
    try {
      setCompared({ info, map: await api.getSnapshot({ id: info.id }) })
    } catch (e) {
      showError(e)
    }
  }

  const restore = async (info: SnapshotInfo) => {
    if (!api) return
    try {
      const copy = await api.restoreSnapshot({ id: info.id })
      setRestored(copy)
      setNotice(null)
      void refreshMaps()
    } catch (e) {
      showError(e)
    }
  }

  return (
    <aside
      className="side-panel versions-panel"
      data-board-panel="right"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          if (compared) setCompared(null)
          else onClose()
        }
      }}
    >
      <header className="side-panel-head">
        <h2 id={headingId} tabIndex={-1} ref={headingRef}>
          {compared ? t('versions.compareTitle', { name: compared.info.name }) : t('versions.title')}
        </h2>
        <button className="quiet" aria-label={t('versions.close')} onClick={onClose}>
          ×
        </button>
      </header>

      {compared ? (
        <div className="side-panel-body">
          <button className="back-link" onClick={() => setCompared(null)}>
            ← {t('versions.backToList')}
          </button>
          <p className="hint">
            {t('versions.compareExplain', { name: compared.info.name, date: formatDateTime(compared.info.createdAt) })}
          </p>
          <DiffView before={compared.map} after={map} />
        </div>
      ) : (
        <div className="side-panel-body">
          <form
            className="snapshot-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              void save()
            }}
          >
            <TextField
              label={t('versions.nameLabel')}
              value={name}
              onChange={setName}
              max={LIMITS.label}
              placeholder={t('versions.namePlaceholder')}
              error={tried || name.length > LIMITS.label ? problem : null}
              hint={t('versions.nameHint')}
            />
            <button type="submit" className="primary" disabled={busy}>
              {t('versions.save')}
            </button>
          </form>
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          {restored && (
            <div className="notice restored" role="status">
              <span>{t('versions.restoredNotice', { title: restored.title })}</span>
              <button onClick={() => void goToMap(restored.id)}>{t('versions.openRestored')}</button>
            </div>
          )}
          <h3>{t('versions.listHeading')}</h3>
          {snapshots === null ? null : snapshots.length === 0 ? (
            <p className="hint">{t('versions.none')}</p>
          ) : (
            <ul className="snapshot-list">
              {snapshots.map((s) => (
                <li key={s.id} className="snapshot">
                  <div className="snapshot-text">
                    <span className="snapshot-name">{s.name}</span>
                    <span className="snapshot-meta">
                      <time dateTime={s.createdAt}>{formatDateTime(s.createdAt)}</time> ·{' '}
                      {plural('home.noteCount', s.noteCount)}
                    </span>
                  </div>
                  <div className="snapshot-actions">
                    <button aria-label={`${t('versions.compare')}: ${s.name}`} onClick={() => void compare(s)}>
                      {t('versions.compare')}
                    </button>
                    <button aria-label={`${t('versions.restore')}: ${s.name}`} onClick={() => void restore(s)}>
                      {t('versions.restore')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <p className="hint">{t('versions.restoreExplain')}</p>
        </div>
      )}
    </aside>
  )
}

/** The header button that opens the versions panel. */
export function VersionsButton({ map }: { map: JourneyMap }) {
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  return (
    <>
      <button ref={buttonRef} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('versions.button')}
      </button>
      {open && (
        <VersionsPanel
          map={map}
          onClose={() => {
            setOpen(false)
            buttonRef.current?.focus()
          }}
        />
      )}
    </>
  )
}
