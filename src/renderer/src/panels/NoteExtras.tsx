/**
 * A note's comments (who, when, what; resolve, reopen, delete; add one) and its picture (pick a
 * file, or paste or drop one on the note; remove), in the side panel.
 */
import { useId, useRef, useState } from 'react'
import type { Note } from '../../../shared/model'
import { formatDateTime } from '../common/format'
import { t } from '../i18n'
import { useAppStore } from '../store'
import { setPictureFromFile } from '../common/note-picture'

/** The name comments are signed with, remembered while the page is open. */
let lastAuthor = ''

export function CommentList({ note }: { note: Note }) {
  const comments = note.comments ?? []
  const [author, setAuthor] = useState(lastAuthor)
  const [text, setText] = useState('')
  const headingId = useId()
  const execute = useAppStore((s) => s.execute)
  const add = () => {
    if (!text.trim()) return
    lastAuthor = author.trim()
    const result = execute('addComment', { noteId: note.id, text: text.trim(), author: author.trim() })
    if (result) setText('')
  }
  return (
    <div className="panel-group comments" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('comments.heading', { count: comments.filter((c) => !c.resolved).length })}</h4>
      {comments.length === 0 && <p className="panel-hint">{t('comments.none')}</p>}
      <ul className="comment-list">
        {comments.map((c) => (
          <li key={c.id} className={c.resolved ? 'resolved' : undefined}>
            <div className="comment-head">
              <strong>{c.author || t('comments.anonymous')}</strong> <time dateTime={c.at}>{formatDateTime(c.at)}</time>
            </div>
            <p className="comment-text">{c.text}</p>
            <div className="comment-actions">
              <label className="check">
                <input
                  type="checkbox"
                  checked={c.resolved}
                  onChange={(e) =>
                    execute('editComment', { noteId: note.id, commentId: c.id, resolved: e.target.checked })
                  }
                />{' '}
                {t('comments.resolved')}
              </label>
              <button
                type="button"
                className="link"
                onClick={() => execute('deleteComment', { noteId: note.id, commentId: c.id })}
                aria-label={t('comments.deleteLabelled', { author: c.author || t('comments.anonymous') })}
              >
                {t('comments.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="comment-form"
        onSubmit={(e) => {
          e.preventDefault()
          add()
        }}
      >
        <label>
          {t('comments.author')}
          <input value={author} maxLength={80} onChange={(e) => setAuthor(e.target.value)} autoComplete="name" />
        </label>
        <label>
          {t('comments.text')}
          <textarea
            value={text}
            rows={2}
            maxLength={2000}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault()
                add()
              }
            }}
          />
        </label>
        <button type="submit" disabled={!text.trim()}>
          {t('comments.add')}
        </button>
      </form>
    </div>
  )
}

export function PictureField({ note }: { note: Note }) {
  const input = useRef<HTMLInputElement>(null)
  const execute = useAppStore((s) => s.execute)
  const headingId = useId()
  return (
    <div className="panel-group picture" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('picture.heading')}</h4>
      {note.image ? (
        <img
          className="picture-preview"
          src={`data:${note.image.mime};base64,${note.image.data}`}
          alt={t('picture.alt')}
          width={note.image.width}
          height={note.image.height}
        />
      ) : (
        <p className="panel-hint">{t('picture.hint')}</p>
      )}
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        className="visually-hidden"
        aria-label={t('picture.choose')}
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) void setPictureFromFile(note.id, file)
        }}
      />
      <div className="panel-actions">
        <button type="button" onClick={() => input.current?.click()}>
          {note.image ? t('picture.replace') : t('picture.add')}
        </button>
        {note.image && (
          <button type="button" onClick={() => execute('setNoteImage', { noteId: note.id, image: null })}>
            {t('picture.remove')}
          </button>
        )}
      </div>
    </div>
  )
}
