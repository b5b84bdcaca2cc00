/**
 * Text that lost a conflict, beside the board: never modal, never in the way of typing. Each recovered entry names the note (or stage,
 * lane, map) and the field, says what was kept instead and where it came from, and offers the
 * user's own text to copy, to apply after all, or, for a note deleted meanwhile, to restore it.
 */
import { useState } from 'react'
import type { Recovered } from '../../../shared/sync/session'
import { TEXT_FIELDS } from '../../../shared/sync/session'
import { listOf, t } from '../i18n'
import { useAppStore } from '../store'
import { fieldLabel, selectRecovered } from '../store/editor'
import './recovered.css'

const SNIPPET = 48

function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > SNIPPET ? `${line.slice(0, SNIPPET - 1)}…` : line
}

/** The words that name a record for the user: a note's text, a stage's title… */
function nameOf(entry: Recovered): string {
  const from = entry.theirs ?? entry.was ?? entry.mine
  const field = TEXT_FIELDS[entry.entity][0] ?? 'title'
  const value = from[field]
  return typeof value === 'string' && value.trim() ? snippet(value) : entry.recordId
}

/** The user's own text in the entry (the typed fields that lost, or the whole record's text). */
function typedText(entry: Recovered): string | null {
  const fields = entry.fields.length > 0 ? entry.fields : TEXT_FIELDS[entry.entity]
  const texts = fields
    .filter((f) => TEXT_FIELDS[entry.entity].includes(f))
    .map((f) => entry.mine[f])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
  return texts.length > 0 ? texts.join('\n') : null
}

function sentence(entry: Recovered): string {
  const entity = t(`editor.entity.${entry.entity}` as Parameters<typeof t>[0])
  const by = entry.by ? t('editor.recovered.anotherWindow') : t('editor.recovered.elsewhere')
  const name = nameOf(entry)
  if (entry.kind === 'changedElsewhere') {
    return t('editor.recovered.changed', { fields: listOf(entry.fields.map(fieldLabel)), entity, name, by })
  }
  if (!entry.recordId) return t('editor.recovered.lost', { entity, name })
  return t('editor.recovered.deleted', { entity, name, by })
}

function RecoveredItem({ mapId, entry }: { mapId: string; entry: Recovered }) {
  const dismiss = useAppStore((s) => s.dismissRecovered)
  const reapply = useAppStore((s) => s.reapplyRecovered)
  const [copied, setCopied] = useState(false)
  const text = typedText(entry)
  const entity = t(`editor.entity.${entry.entity}` as Parameters<typeof t>[0])
  const copy = async () => {
    if (!text) return
    try {
      await navigator.clipboard.writeText(text)
      setCopied(true)
    } catch {
      // No clipboard permission: the text stays selectable in the field below.
    }
  }
  return (
    <li className="recovered-item" data-kind={entry.kind}>
      <p>{sentence(entry)}</p>
      {text !== null && (
        <textarea
          readOnly
          aria-label={t('editor.recovered.yours')}
          value={text}
          rows={Math.min(4, 1 + text.length / 40)}
        />
      )}
      <div className="recovered-actions">
        {text !== null && (
          <button type="button" onClick={() => void copy()}>
            {copied ? t('editor.recovered.copied') : t('editor.recovered.copy')}
          </button>
        )}
        {entry.kind === 'changedElsewhere' && (
          <button type="button" onClick={() => reapply(mapId, entry.id)}>
            {t('editor.recovered.useMine')}
          </button>
        )}
        {entry.kind === 'deletedElsewhere' && entry.restorable && (
          <button type="button" onClick={() => reapply(mapId, entry.id)}>
            {t('editor.recovered.restore', { entity })}
          </button>
        )}
        <button type="button" onClick={() => dismiss(mapId, entry.id)}>
          {t('editor.recovered.dismiss')}
        </button>
      </div>
    </li>
  )
}

export function RecoveredPanel() {
  const mapId = useAppStore((s) => s.openMap?.id)
  const recovered = useAppStore(selectRecovered)
  if (!mapId || recovered.length === 0) return null
  return (
    <aside className="recovered-panel" aria-label={t('editor.recovered.heading')}>
      <section role="status" aria-live="polite">
        <h2>{t('editor.recovered.heading')}</h2>
        <ul>
          {recovered.map((entry) => (
            <RecoveredItem key={entry.id} mapId={mapId} entry={entry} />
          ))}
        </ul>
      </section>
    </aside>
  )
}
