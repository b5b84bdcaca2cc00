/** One map on the home screen: preview, title (renamed in place), who it is for, counts, actions. */
import { useEffect, useRef, useState } from 'react'
import type { MapSearchHit, MapSummary } from '../../../shared/api/contract'
import { LIMITS } from '../../../shared/schema/entities'
import type { Persona } from '../../../shared/model'
import { formatDateTime, relativeTime } from '../common/format'
import { TextField } from '../common/Field'
import { plural } from '../common/plural'
import { t } from '../i18n'
import { AvatarStack } from '../personas/PersonaAvatar'
import { MapPreview } from './MapPreview'
import { titleProblem } from './NewMapDialog'

export interface MapCardProps {
  readonly map: MapSummary
  /** The linked personas the library has, in the map's order. */
  readonly personas: readonly Persona[]
  /** Set when another map has the same title: what tells them apart. */
  readonly distinguisher: string | null
  readonly hit: MapSearchHit | null
  onOpen(): void
  /** Resolves false when the library refused the new title. */
  onRename(title: string): Promise<boolean>
  onDuplicate(): void
  onTrash(): void
}

export function MapCard({ map, personas, distinguisher, hit, onOpen, onRename, onDuplicate, onTrash }: MapCardProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const renameButton = useRef<HTMLButtonElement>(null)
  const wasRenaming = useRef(false)
  const problem = draft === null ? null : titleProblem(draft)

  useEffect(() => {
    if (draft !== null) wasRenaming.current = true
    else if (wasRenaming.current) {
      wasRenaming.current = false
      renameButton.current?.focus()
    }
  }, [draft])

  const commit = async () => {
    if (draft === null || problem) return
    if (draft.trim() === map.title) return setDraft(null)
    if (await onRename(draft)) setDraft(null)
  }

  return (
    <li className="map-card" data-map-id={map.id}>
      <div className="card-preview" onClick={onOpen}>
        <MapPreview map={map} />
      </div>
      <div className="card-body">
        {draft === null ? (
          <h3 className="card-title">
            <button className="link" onClick={onOpen}>
              {map.title}
            </button>
          </h3>
        ) : (
          <TextField
            className="rename-field"
            label={t('home.renameLabel')}
            value={draft}
            onChange={setDraft}
            max={LIMITS.title}
            error={problem}
            autoFocus
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                void commit()
              } else if (e.key === 'Escape') {
                e.preventDefault()
                setDraft(null)
              }
            }}
            hint={t('home.renameHint')}
          />
        )}
        {distinguisher && <p className="card-distinguisher">{distinguisher}</p>}
        {hit && hit.noteMatches > 0 && (
          <p className="card-hit">
            <span className="hit-count">{plural('home.hitNotes', hit.noteMatches)}</span>{' '}
            {hit.excerpt && <q>{hit.excerpt}</q>}
          </p>
        )}
        <div className="card-meta">
          <AvatarStack personas={personas} />
          <span>
            {plural('home.stageCount', map.stageCount)} · {plural('home.noteCount', map.noteCount)}
          </span>
        </div>
        <p className="card-edited">
          {t('home.edited')}{' '}
          <time dateTime={map.updatedAt} title={formatDateTime(map.updatedAt)}>
            {relativeTime(map.updatedAt)}
          </time>
        </p>
      </div>
      <div className="card-actions">
        {draft === null ? (
          <>
            <button
              ref={renameButton}
              className="quiet"
              aria-label={`${t('home.rename')}: ${map.title}`}
              onClick={() => setDraft(map.title)}
            >
              {t('home.rename')}
            </button>
            <button className="quiet" aria-label={`${t('home.duplicate')}: ${map.title}`} onClick={onDuplicate}>
              {t('home.duplicate')}
            </button>
            <button className="quiet" aria-label={`${t('home.trash')}: ${map.title}`} onClick={onTrash}>
              {t('home.trash')}
            </button>
          </>
        ) : (
          <>
            <button className="primary" onClick={() => void commit()} disabled={problem !== null}>
              {t('home.renameSave')}
            </button>
            <button onClick={() => setDraft(null)}>{t('common.cancel')}</button>
          </>
        )}
      </div>
    </li>
  )
}
