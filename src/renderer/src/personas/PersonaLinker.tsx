/**
 * Who the open map is for, in the map's header: the linked personas' avatars, and a panel to
 * link and unlink personas of the library. Linking gives the persona a flat emotion curve in
 * the same undoable edit, so it shows on the board at once; unlinking takes the persona's curve
 * and note tags out of the map (one undo brings them back), so it asks first when there is
 * anything of the persona's to lose.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { LIMITS } from '../../../shared/schema/entities'
import type { JourneyMap, Persona } from '../../../shared/model'
import { ConfirmDialog } from '../common/Dialog'
import { plural } from '../common/plural'
import { listOf, t } from '../i18n'
import { useAppStore } from '../store'
import { AvatarStack, PersonaAvatar } from './PersonaAvatar'
import './personas.css'

/** What unlinking would take out of the map: curve points that say something, markers, note tags. */
export function personaFootprint(
  map: JourneyMap,
  personaId: string
): { points: number; markers: number; notes: number } {
  const points = map.emotionPoints.filter((p) => p.personaId === personaId)
  // A flat as-is curve (what linking creates) holds nothing the user made.
  const meaningful = points.some((p) => p.score !== 0 || p.variant !== 'asIs' || p.note !== '') ? points.length : 0
  const markers = map.markers.filter((m) => m.target.kind === 'curve' && m.target.personaId === personaId).length
  const notes = map.notes.filter((n) => n.personaIds.includes(personaId)).length
  return { points: meaningful, markers, notes }
}

export function PersonaLinker({ map }: { map: JourneyMap }) {
  const api = useAppStore((s) => s.api)
  const personas = useAppStore((s) => s.personas)
  const personasLoaded = useAppStore((s) => s.personasLoaded)
  const refreshPersonas = useAppStore((s) => s.refreshPersonas)
  const execute = useAppStore((s) => s.execute)
  const showHome = useAppStore((s) => s.showHome)
  const [open, setOpen] = useState(false)
  const [confirm, setConfirm] = useState<Persona | null>(null)
  const panelId = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)

  // Read when the map opens and again whenever the panel opens (another window may have added some).
  useEffect(() => {
    if (api && (open || !personasLoaded)) void refreshPersonas()
  }, [api, open, personasLoaded, refreshPersonas])

  useEffect(() => {
    if (!open) return
    headingRef.current?.focus()
    const outside = (e: PointerEvent) => {
      if (!confirm && !rootRef.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', outside)
    return () => document.removeEventListener('pointerdown', outside)
  }, [open, confirm])

  const byId = new Map(personas.map((p) => [p.id, p]))
  const linked = map.personaIds.flatMap((id) => byId.get(id) ?? [])
  const missing = map.personaIds.filter((id) => !byId.has(id))
  const available = personas.filter((p) => !map.personaIds.includes(p.id))
  const full = map.personaIds.length >= LIMITS.maxPersonasPerMap

  const link = (persona: Persona) =>
    execute('setMapMeta', { personaIds: [...map.personaIds, persona.id], seedCurves: true })
  const unlink = (personaId: string) =>
    execute('setMapMeta', { personaIds: map.personaIds.filter((id) => id !== personaId) })
  const askUnlink = (persona: Persona) => {
    const f = personaFootprint(map, persona.id)
    if (f.points + f.markers + f.notes > 0) setConfirm(persona)
    else unlink(persona.id)
  }

  const close = () => {
    setOpen(false)
    toggleRef.current?.focus()
  }

  return (
    <div className="persona-linker" ref={rootRef}>
      <button
        ref={toggleRef}
        className="linker-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {linked.length > 0 ? <AvatarStack personas={linked} max={5} /> : null}
        <span>{linked.length > 0 ? plural('linker.button', map.personaIds.length) : t('linker.buttonNone')}</span>
      </button>
      {open && (
        <div
          className="linker-panel"
          id={panelId}
          role="region"
          aria-labelledby={`${panelId}-h`}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !confirm) {
              e.stopPropagation()
              close()
            }
          }}
        >
          <h2 id={`${panelId}-h`} tabIndex={-1} ref={headingRef}>
            {t('linker.title')}
          </h2>
          <p className="hint">{t('linker.typical', { max: LIMITS.maxPersonasPerMap })}</p>
          {linked.length === 0 && missing.length === 0 ? (
            <p className="linker-empty">{t('linker.noneLinked')}</p>
          ) : (
            <ul className="linker-list" aria-label={t('linker.linkedList')}>
              {linked.map((p) => (
                <li key={p.id} className="linker-row">
                  <PersonaAvatar persona={p} decorative />
                  <span className="persona-text">
                    <span className="persona-name">{p.name}</span>
                    {p.role && <span className="persona-role">{p.role}</span>}
                    {p.quote && <q className="persona-quote">{p.quote}</q>}
                  </span>
                  <button
                    className="quiet"
                    aria-label={`${t('linker.unlink')}: ${p.name}`}
                    onClick={() => askUnlink(p)}
                  >
                    {t('linker.unlink')}
                  </button>
                </li>
              ))}
              {missing.map((id) => (
                <li key={id} className="linker-row missing">
                  <span className="persona-text">{t('linker.missing', { id })}</span>
                  <button className="quiet" onClick={() => unlink(id)}>
                    {t('linker.unlink')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('linker.addHeading')}</h3>
          {available.length === 0 ? (
            <p className="hint">{personas.length === 0 ? t('linker.libraryEmpty') : t('linker.allLinked')}</p>
          ) : (
            <ul className="linker-list" aria-label={t('linker.availableList')}>
              {available.map((p) => (
                <li key={p.id} className="linker-row">
                  <PersonaAvatar persona={p} decorative />
                  <span className="persona-text">
                    <span className="persona-name">{p.name}</span>
                    {p.role && <span className="persona-role">{p.role}</span>}
                  </span>
                  <button aria-label={`${t('linker.link')}: ${p.name}`} disabled={full} onClick={() => link(p)}>
                    {t('linker.link')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {full && <p className="field-error">{t('linker.full', { max: LIMITS.maxPersonasPerMap })}</p>}
          <div className="linker-foot">
            <button className="quiet" onClick={() => showHome('personas')}>
              {t('linker.manage')}
            </button>
            <button onClick={close}>{t('common.close')}</button>
          </div>
        </div>
      )}
      {confirm && (
        <ConfirmDialog
          title={t('linker.unlinkTitle', { name: confirm.name })}
          message={<p>{unlinkMessage(map, confirm)}</p>}
          confirmLabel={t('linker.unlink')}
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            unlink(confirm.id)
            setConfirm(null)
          }}
        />
      )}
    </div>
  )
}

function unlinkMessage(map: JourneyMap, persona: Persona): string {
  const f = personaFootprint(map, persona.id)
  const parts = [
    f.points > 0 ? plural('linker.lose.curve', f.points) : null,
    f.markers > 0 ? plural('linker.lose.markers', f.markers) : null,
    f.notes > 0 ? plural('linker.lose.tags', f.notes) : null
  ].filter((p): p is string => p !== null)
  return t('linker.unlinkBody', { name: persona.name, what: listOf(parts) })
}
