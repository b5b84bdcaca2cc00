/** Maps in the trash: restore one, or empty the trash for good after a confirmation. */
import { useEffect, useState } from 'react'
import { ConfirmDialog } from '../common/Dialog'
import { formatDateTime, relativeTime } from '../common/format'
import { plural } from '../common/plural'
import { t } from '../i18n'
import { useAppStore } from '../store'

export function TrashView({ onRestored }: { onRestored(title: string): void }) {
  const api = useAppStore((s) => s.api)
  const trash = useAppStore((s) => s.trash)
  const trashLoaded = useAppStore((s) => s.trashLoaded)
  const refreshTrash = useAppStore((s) => s.refreshTrash)
  const restoreMap = useAppStore((s) => s.restoreMap)
  const emptyTrash = useAppStore((s) => s.emptyTrash)
  const [confirming, setConfirming] = useState(false)
  const [emptied, setEmptied] = useState<number | null>(null)

  useEffect(() => {
    if (api) void refreshTrash()
  }, [api, refreshTrash])

  return (
    <section aria-labelledby="trash-heading" className="trash-view">
      <div className="list-toolbar">
        <h2 id="trash-heading">{t('trash.title')}</h2>
        <button className="danger" disabled={trash.length === 0} onClick={() => setConfirming(true)}>
          {t('trash.empty')}
        </button>
      </div>
      <p className="hint">{t('trash.explain')}</p>
      {emptied !== null && (
        <p role="status" className="notice">
          {plural('trash.emptied', emptied)}
        </p>
      )}
      {!trashLoaded ? null : trash.length === 0 ? (
        <p className="empty">{t('trash.nothing')}</p>
      ) : (
        <table className="trash-table">
          <thead>
            <tr>
              <th scope="col">{t('home.col.title')}</th>
              <th scope="col">{t('trash.col.deleted')}</th>
              <th scope="col">{t('home.col.stages')}</th>
              <th scope="col">{t('home.col.notes')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('trash.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {trash.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.title}</th>
                <td>
                  <time dateTime={m.deletedAt} title={formatDateTime(m.deletedAt)}>
                    {relativeTime(m.deletedAt)}
                  </time>
                </td>
                <td>{m.stageCount}</td>
                <td>{m.noteCount}</td>
                <td className="row-actions">
                  <button
                    aria-label={`${t('trash.restore')}: ${m.title}`}
                    onClick={() => {
                      void restoreMap(m.id).then(() => onRestored(m.title))
                    }}
                  >
                    {t('trash.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('trash.confirmTitle')}
          message={
            <>
              <p>{plural('trash.confirmBody', trash.length)}</p>
              <p>
                <strong>{t('trash.confirmWarning')}</strong>
              </p>
            </>
          }
          confirmLabel={t('trash.confirmEmpty')}
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false)
            void emptyTrash().then((removed) => removed !== null && setEmptied(removed))
          }}
        />
      )}
    </section>
  )
}
