/**
 * The persona library: personas are stored once and linked to maps. Create, edit, duplicate and
 * delete here. Deleting one that a map links is refused: the screen names those maps and opens
 * them, because unlinking takes the persona's emotion curve out of a map, which should happen
 * there, as an edit the user can see and undo, not as a side effect of tidying the library.
 */
import { useCallback, useMemo, useState } from 'react'
import { newId } from '../../../shared/ids'
import type { Persona } from '../../../shared/model'
import { ConfirmDialog, Dialog } from '../common/Dialog'
import { plural } from '../common/plural'
import { t } from '../i18n'
import { useAppStore } from '../store'
import { mapsLinking, type LinkingMap } from '../store/personas'
import { PersonaAvatar } from './PersonaAvatar'
import { PersonaEditor } from './PersonaEditor'
import { copyName, draftOf, emptyDraft, nextColor, personaFromDraft, type PersonaDraft } from './persona-form'
import './personas.css'

type Editing =
  { readonly mode: 'new'; readonly key: string } | { readonly mode: 'edit'; readonly id: string; readonly key: string }

type Prompt =
  | { readonly kind: 'discard'; then(): void }
  | { readonly kind: 'delete'; readonly persona: Persona }
  | { readonly kind: 'linked'; readonly persona: Persona; readonly maps: readonly LinkingMap[] }

export function PersonaLibrary() {
  const personas = useAppStore((s) => s.personas)
  const personasLoaded = useAppStore((s) => s.personasLoaded)
  const maps = useAppStore((s) => s.maps)
  const trash = useAppStore((s) => s.trash)
  const savePersona = useAppStore((s) => s.savePersona)
  const deletePersona = useAppStore((s) => s.deletePersona)
  const goToMap = useAppStore((s) => s.goToMap)
  const restoreMap = useAppStore((s) => s.restoreMap)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [dirty, setDirty] = useState(false)
  const [prompt, setPrompt] = useState<Prompt | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const linkCounts = useMemo(() => {
    const counts = new Map<string, number>()
    for (const m of [...maps, ...trash]) for (const id of m.personaIds) counts.set(id, (counts.get(id) ?? 0) + 1)
    return counts
  }, [maps, trash])
  const current = editing?.mode === 'edit' ? personas.find((p) => p.id === editing.id) : undefined

  /** Runs `next` at once, or after the user agreed to drop unsaved changes. */
  const leaveEditor = (next: () => void) => {
    if (dirty) setPrompt({ kind: 'discard', then: next })
    else next()
  }
  const edit = (id: string) => leaveEditor(() => setEditing({ mode: 'edit', id, key: `${id}:${Date.now()}` }))
  const startNew = () => leaveEditor(() => setEditing({ mode: 'new', key: `new:${Date.now()}` }))
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), [])

  const save = async (draft: PersonaDraft): Promise<boolean> => {
    const now = new Date().toISOString()
    const base = current
      ? { id: current.id, createdAt: current.createdAt, updatedAt: now }
      : { id: newId(), createdAt: now, updatedAt: now }
    const stored = await savePersona(personaFromDraft(draft, base))
    if (!stored) return false
    setDirty(false)
    setNotice(t(current ? 'personas.saved' : 'personas.created', { name: stored.name }))
    setEditing({ mode: 'edit', id: stored.id, key: `${stored.id}:${stored.updatedAt}` })
    return true
  }

  const duplicate = (persona: Persona) =>
    leaveEditor(() => {
      const now = new Date().toISOString()
      const copy: Persona = { ...persona, id: newId(), name: copyName(persona.name), createdAt: now, updatedAt: now }
      void savePersona(copy).then((stored) => {
        if (!stored) return
        setNotice(t('personas.duplicated', { name: stored.name }))
        setEditing({ mode: 'edit', id: stored.id, key: `${stored.id}:${stored.updatedAt}` })
      })
    })

  const askDelete = (persona: Persona) => {
    const linked = mapsLinking({ maps, trash }, persona.id)
    setPrompt(linked.length > 0 ? { kind: 'linked', persona, maps: linked } : { kind: 'delete', persona })
  }

  const confirmDelete = async (persona: Persona) => {
    setPrompt(null)
    const outcome = await deletePersona(persona.id)
    if (outcome.kind === 'linked') setPrompt({ kind: 'linked', persona, maps: outcome.maps })
    if (outcome.kind !== 'deleted') return
    setNotice(t('personas.deleted', { name: persona.name }))
    if (editing?.mode === 'edit' && editing.id === persona.id) {
      setDirty(false)
      setEditing(null)
    }
  }

  /** Leaves for a map that links the persona (asking first when the form has unsaved changes). */
  const openMap = (id: string, fromTrash: boolean) => {
    setPrompt(null)
    leaveEditor(() => {
      void (fromTrash ? restoreMap(id) : Promise.resolve()).then(() => goToMap(id))
    })
  }

  const editorInitial: PersonaDraft | null =
    editing === null
      ? null
      : current
        ? draftOf(current)
        : editing.mode === 'new'
          ? emptyDraft(nextColor(personas))
          : null

  return (
    <section className="persona-library" aria-labelledby="personas-heading">
      <div className="persona-list-pane">
        <div className="list-toolbar">
          <h2 id="personas-heading">{t('personas.title')}</h2>
          <button className="primary" onClick={startNew}>
            {t('personas.new')}
          </button>
        </div>
        <p className="hint">{t('personas.explain')}</p>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {personasLoaded && personas.length === 0 ? (
          <p className="empty">{t('personas.none')}</p>
        ) : (
          <ul className="persona-list" aria-label={t('personas.title')}>
            {personas.map((p) => {
              const count = linkCounts.get(p.id) ?? 0
              const selected = editing?.mode === 'edit' && editing.id === p.id
              return (
                <li key={p.id} className={`persona-item${selected ? ' selected' : ''}`}>
                  <button className="persona-open" aria-current={selected || undefined} onClick={() => edit(p.id)}>
                    <PersonaAvatar persona={p} decorative />
                    <span className="persona-text">
                      <span className="persona-name">{p.name}</span>
                      <span className="persona-role">{p.role || t('personas.noRole')}</span>
                      <span className="persona-links">{plural('personas.linkedCount', count)}</span>
                    </span>
                  </button>
                  <span className="persona-actions">
                    <button
                      className="quiet"
                      aria-label={`${t('personas.duplicate')}: ${p.name}`}
                      onClick={() => duplicate(p)}
                    >
                      {t('personas.duplicate')}
                    </button>
                    <button
                      className="quiet"
                      aria-label={`${t('personas.delete')}: ${p.name}`}
                      onClick={() => askDelete(p)}
                    >
                      {t('personas.delete')}
                    </button>
                  </span>
                </li>
              )
            })}
          </ul>
        )}
      </div>
      <div className="persona-editor-pane">
        {editing && editorInitial ? (
          <PersonaEditor
            key={editing.key}
            persona={current ?? null}
            initial={editorInitial}
            onSave={save}
            onCancel={() => leaveEditor(() => setEditing(null))}
            onDirtyChange={onDirtyChange}
          />
        ) : (
          <p className="editor-placeholder">{t('personas.pick')}</p>
        )}
      </div>

      {prompt?.kind === 'discard' && (
        <ConfirmDialog
          title={t('personas.discardTitle')}
          message={<p>{t('personas.discardBody')}</p>}
          confirmLabel={t('personas.discard')}
          danger
          onCancel={() => setPrompt(null)}
          onConfirm={() => {
            setPrompt(null)
            setDirty(false)
            prompt.then()
          }}
        />
      )}
      {prompt?.kind === 'delete' && (
        <ConfirmDialog
          title={t('personas.deleteTitle', { name: prompt.persona.name })}
          message={<p>{t('personas.deleteBody')}</p>}
          confirmLabel={t('personas.deleteConfirm')}
          danger
          onCancel={() => setPrompt(null)}
          onConfirm={() => void confirmDelete(prompt.persona)}
        />
      )}
      {prompt?.kind === 'linked' && (
        <Dialog title={t('personas.linkedTitle', { name: prompt.persona.name })} onClose={() => setPrompt(null)}>
          <p>{plural('personas.linkedBody', prompt.maps.length)}</p>
          <ul className="linked-maps">
            {prompt.maps.map((m) => (
              <li key={m.id}>
                <span className="linked-title">{m.title}</span>
                {m.trashed ? (
                  <>
                    <span className="hint"> {t('personas.inTrash')}</span>
                    <button onClick={() => openMap(m.id, true)}>{t('personas.restoreAndOpen')}</button>
                  </>
                ) : (
                  <button onClick={() => openMap(m.id, false)} aria-label={`${t('personas.openMap')}: ${m.title}`}>
                    {t('personas.openMap')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <p className="hint">{t('personas.linkedHow')}</p>
          <div className="dialog-actions">
            <button autoFocus onClick={() => setPrompt(null)}>
              {t('common.close')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  )
}
