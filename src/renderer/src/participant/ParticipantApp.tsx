/**
 * The participant's page, phone first (360 × 640 up to a laptop): a name, then the map's title,
 * what to do now, the stages as tabs and, for the chosen stage, one section per lane with its
 * notes; notes can be added where the facilitator opened the board, one's own notes edited,
 * dots cast within the budget. Not the board shrunk: a list that fits a thumb.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type { JourneyMap, Lane, Note } from '../../../shared/model'
import { cellOpen } from '../../../shared/live/rights'
import type { ParticipantState } from '../../../shared/live/protocol'
import { t } from '../i18n'
import { PALETTE } from '../editing/note-fields'
import { plural } from '../common/plural'
import { formatCountdown, timerRemaining } from '../workshop/timer'
import { LiveConnection, NAME_KEY, type LiveSnapshot } from './live-connection'
import './participant.css'

const byOrder = <T extends { order: number; id: string }>(a: T, b: T) => a.order - b.order || (a.id < b.id ? -1 : 1)

function codeFromAddress(): string | null {
  const match = /^\/j\/([A-Za-z0-9]+)\/?$/.exec(location.pathname)
  return match?.[1]?.toUpperCase() ?? null
}

function remembered(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? ''
  } catch {
    return ''
  }
}

/** One connection per page, whatever React renders twice. */
let pageConnection: LiveConnection | null = null
function connect(code: string, name: string): LiveConnection {
  pageConnection ??= new LiveConnection(code, name)
  return pageConnection
}

export function ParticipantApp() {
  const linked = useMemo(() => codeFromAddress(), [])
  const [code, setCode] = useState(linked ?? '')
  const [name, setName] = useState(remembered)
  // A device that joined before comes back as the same person without asking again.
  const [connection, setConnection] = useState<LiveConnection | null>(() =>
    linked && remembered() ? connect(linked, remembered()) : null
  )

  if (!connection)
    return (
      <main className="p-join">
        <h1>{t('participant.title')}</h1>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            const trimmed = name.trim()
            const typed = code.trim().toUpperCase()
            if (!trimmed || !typed) return
            try {
              localStorage.setItem(NAME_KEY, trimmed)
            } catch {
              // Not remembered on this device; joining works anyway.
            }
            // The code typed in becomes the address, so a reload comes back here.
            if (!linked) history.replaceState(null, '', `/j/${encodeURIComponent(typed)}`)
            setConnection(connect(typed, trimmed))
          }}
        >
          {!linked && (
            <label>
              {t('participant.code')}
              <input
                value={code}
                maxLength={6}
                autoCapitalize="characters"
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setCode(e.target.value.toUpperCase())}
              />
            </label>
          )}
          <label>
            {t('participant.name')}
            <input
              value={name}
              maxLength={40}
              autoFocus
              onChange={(e) => setName(e.target.value)}
              autoComplete="nickname"
            />
          </label>
          <small>{t('participant.nameHint')}</small>
          <button type="submit" className="primary" disabled={!name.trim() || !code.trim()}>
            {t('participant.join')}
          </button>
        </form>
      </main>
    )
  return <Joined connection={connection} />
}

function useSnapshot(connection: LiveConnection): LiveSnapshot {
  return useSyncExternalStore(
    (listener) => connection.subscribe(listener),
    () => connection.snapshot
  )
}

function Joined({ connection }: { readonly connection: LiveConnection }) {
  const snap = useSnapshot(connection)
  const { link, state, map } = snap
  if (link.kind === 'refused')
    return (
      <p className="p-message" role="alert">
        {t(`participant.refused.${link.code}`)}
      </p>
    )
  if (!state || !map) return <p className="p-message">{t('participant.joining')}</p>
  return <Workshop connection={connection} snap={snap} state={state} map={map} />
}

function Workshop({
  connection,
  snap,
  state,
  map
}: {
  readonly connection: LiveConnection
  readonly snap: LiveSnapshot
  readonly state: ParticipantState
  readonly map: JourneyMap
}) {
  const stages = useMemo(() => [...map.stages].sort(byOrder), [map.stages])
  const lanes = useMemo(() => [...map.lanes].filter((l) => l.kind !== 'emotions').sort(byOrder), [map.lanes])
  const followed = state.rights.follow && state.view.presenting ? state.view.presentingStageId : null
  const [chosen, setChosen] = useState<string | null>(followed)
  // Following the facilitator: a new step on their screen selects that stage here.
  const [lastFollowed, setLastFollowed] = useState(followed)
  if (followed !== lastFollowed) {
    setLastFollowed(followed)
    if (followed) setChosen(followed)
  }
  const stageId = stages.some((s) => s.id === chosen) ? chosen : (stages[0]?.id ?? null)
  const offline = snap.link.kind !== 'joined'
  const voting = state.rights.voting
  const used = Object.values(state.myVotes).reduce((a, b) => a + b, 0)
  const followedStage = followed ? stages.find((s) => s.id === followed) : undefined

  return (
    <main className="p-page">
      <header className="p-header">
        <h1>{map.title}</h1>
        <span className="p-me">
          <i style={{ background: state.me.color }} aria-hidden="true" />
          {t('participant.you', { name: state.me.name })}
          <span className="p-here">{t('live.presence', { count: state.here })}</span>
        </span>
      </header>
      {offline && (
        <p className="p-waiting" role="status">
          {t('participant.waiting')}
          {snap.unsaved > 0 && <strong> {t('participant.unsaved', { count: snap.unsaved })}</strong>}
        </p>
      )}
      {snap.refusal && (
        <p className="p-refusal" role="alert">
          {snap.refusal}
        </p>
      )}
      {state.rights.locked && <p className="p-locked">{t('participant.locked')}</p>}
      <section className="p-now" aria-label={t('participant.stages')}>
        {state.rights.task && <p className="p-task">{t('participant.task', { task: state.rights.task })}</p>}
        {followedStage && <p className="p-follow">{t('participant.stageNow', { stage: followedStage.title })}</p>}
        {state.rights.showTimer &&
          state.view.timer &&
          (state.view.timer.endsAt !== null || state.view.timer.remainingMs !== state.view.timer.durationMs) && (
            <Countdown timer={state.view.timer} />
          )}
        {voting && !voting.revealed && (
          <p className="p-budget" role="status">
            {t('participant.dotsLeft', { left: voting.dots - used, total: voting.dots })}
          </p>
        )}
      </section>
      <nav className="p-stages" aria-label={t('participant.stages')}>
        {stages.map((s) => (
          <button
            key={s.id}
            type="button"
            aria-pressed={s.id === stageId}
            className={s.id === followed ? 'followed' : undefined}
            onClick={() => setChosen(s.id)}
          >
            {s.title}
          </button>
        ))}
      </nav>
      {stageId &&
        // The lanes open to this participant first; closed lanes only when they hold notes to read.
        [...lanes]
          .map((lane) => ({
            lane,
            open: cellOpen(state.rights, stageId, lane.id),
            notes: map.notes.filter((n) => n.stageId === stageId && n.laneId === lane.id).sort(byOrder)
          }))
          .filter((row) => row.open || row.notes.length > 0)
          .sort((a, b) => Number(b.open) - Number(a.open))
          .map(({ lane, notes }) => (
            <LaneSection
              key={lane.id}
              connection={connection}
              lane={lane}
              stageId={stageId}
              notes={notes}
              state={state}
            />
          ))}
      {state.tally && <Results map={map} tally={state.tally} />}
    </main>
  )
}

function Countdown({ timer }: { readonly timer: NonNullable<ParticipantState['view']['timer']> }) {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    if (timer.endsAt === null) return
    const id = window.setInterval(() => setNow(Date.now()), 500)
    return () => window.clearInterval(id)
  }, [timer.endsAt])
  return (
    <p className="p-timer" role="timer">
      {t('participant.timer', { time: formatCountdown(timerRemaining(timer, now)) })}
    </p>
  )
}

function LaneSection({
  connection,
  lane,
  stageId,
  notes,
  state
}: {
  readonly connection: LiveConnection
  readonly lane: Lane
  readonly stageId: string
  readonly notes: readonly Note[]
  readonly state: ParticipantState
}) {
  const [draft, setDraft] = useState('')
  /** Null: the lane's own colour. */
  const [color, setColor] = useState<string | null>(null)
  const open = cellOpen(state.rights, stageId, lane.id)
  const headingId = `lane-${lane.id}`
  return (
    <section className="p-lane" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {lane.title}
        {!open && <span className="p-closed">{t('participant.closed')}</span>}
      </h2>
      {notes.length === 0 && <p className="p-empty">{t('participant.noNotes')}</p>}
      <ul>
        {notes.map((note) => (
          <NoteItem key={note.id} connection={connection} note={note} state={state} />
        ))}
      </ul>
      {open && (
        <form
          className="p-add"
          onSubmit={(e) => {
            e.preventDefault()
            const text = draft.trim()
            if (!text) return
            if (connection.run('addNote', { stageId, laneId: lane.id, text, ...(color ? { color } : {}) })) setDraft('')
          }}
        >
          <textarea
            value={draft}
            maxLength={2000}
            rows={2}
            placeholder={t('participant.addPlaceholder')}
            aria-label={`${t('participant.add')}: ${lane.title}`}
            onChange={(e) => setDraft(e.target.value)}
          />
          <fieldset className="p-colors">
            <legend className="visually-hidden">{t('interaction.field.color')}</legend>
            {PALETTE.slice(0, 6).map((p) => (
              <label key={p.color} style={{ background: p.color }} title={t(p.name)}>
                <input
                  type="radio"
                  name={`color-${lane.id}`}
                  checked={color === p.color}
                  onChange={() => setColor(p.color)}
                />
                <span className="visually-hidden">{t(p.name)}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary" disabled={!draft.trim()}>
            {t('participant.add')}
          </button>
        </form>
      )}
    </section>
  )
}

function NoteItem({
  connection,
  note,
  state
}: {
  readonly connection: LiveConnection
  readonly note: Note
  readonly state: ParticipantState
}) {
  const [editing, setEditing] = useState<string | null>(null)
  const mine = state.myNoteIds.includes(note.id)
  const author = state.authors[note.id]
  const voting = state.rights.voting
  const myDots = state.myVotes[note.id] ?? 0
  const canEdit = mine && state.rights.editOwn && !state.rights.locked
  const votingOpen = voting && !voting.revealed && !state.rights.locked
  const used = Object.values(state.myVotes).reduce((a, b) => a + b, 0)
  const canDot = votingOpen && used < voting.dots && (voting.severalPerNote || myDots === 0)
  return (
    <li className={mine ? 'p-note mine' : 'p-note'} style={{ background: note.color }}>
      {editing === null ? (
        <p className="p-text">{note.text}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (editing.trim() && connection.run('editNote', { noteId: note.id, text: editing.trim() }))
              setEditing(null)
          }}
        >
          <textarea value={editing} maxLength={2000} rows={3} autoFocus onChange={(e) => setEditing(e.target.value)} />
          <div className="p-row">
            <button type="submit" className="primary">
              {t('participant.save')}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('participant.cancel')}
            </button>
          </div>
        </form>
      )}
      <div className="p-meta">
        <span className="p-author">
          {author && <i style={{ background: author.color }} aria-hidden="true" />}
          {mine
            ? t('participant.mine')
            : author
              ? t('participant.by', { name: author.name })
              : t('participant.byFacilitator')}
        </span>
        {state.tally && <span className="p-tally">{plural('participant.dots', state.tally[note.id] ?? 0)}</span>}
        {canEdit && editing === null && (
          <span className="p-row">
            <button type="button" onClick={() => setEditing(note.text)}>
              {t('participant.edit')}
            </button>
            <button type="button" onClick={() => connection.run('deleteNotes', { noteIds: [note.id] })}>
              {t('participant.delete')}
            </button>
          </span>
        )}
      </div>
      {votingOpen && (
        <div className="p-dots">
          <span>{t('participant.myDots', { count: myDots })}</span>
          <button
            type="button"
            disabled={myDots === 0}
            aria-label={t('participant.undot')}
            onClick={() => void connection.vote(note.id, -1)}
          >
            −
          </button>
          <button
            type="button"
            disabled={!canDot}
            aria-label={t('participant.dot')}
            onClick={() => void connection.vote(note.id, 1)}
          >
            ●+
          </button>
        </div>
      )}
    </li>
  )
}

function Results({ map, tally }: { readonly map: JourneyMap; readonly tally: Readonly<Record<string, number>> }) {
  const ranked = map.notes
    .filter((n) => (tally[n.id] ?? 0) > 0)
    .sort((a, b) => (tally[b.id] ?? 0) - (tally[a.id] ?? 0))
    .slice(0, 10)
  if (ranked.length === 0) return null
  return (
    <section className="p-results" aria-label={t('participant.results')}>
      <h2>{t('participant.results')}</h2>
      <ol>
        {ranked.map((n) => (
          <li key={n.id}>{plural('live.vote.rank', tally[n.id] ?? 0, { text: n.text })}</li>
        ))}
      </ol>
    </section>
  )
}
