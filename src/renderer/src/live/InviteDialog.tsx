/**
 * Invite participants: starts (or resumes) the live session on the open map, and shows what the
 * room needs to join — the link as text, its QR code, the short code, every address of this
 * computer with its interface name — the participants (name, colour, connected or not) and what
 * they may do, changed live. Ending the session stops every participant link at once.
 */
import { useState } from 'react'
import type { Reason } from '../../../shared/errors'
import type { JourneyMap } from '../../../shared/model'
import { DEFAULT_RIGHTS, type LiveRights, type LiveStatus } from '../../../shared/live/protocol'
import { Dialog } from '../common/Dialog'
import { plural } from '../common/plural'
import { getLanguage, t } from '../i18n'
import { reasonText } from '../i18n/errors'
import { QrCode } from './QrCode'
import { closeInvite, liveCall, useLive } from './store'
import './live.css'

/** The host's note about the session (a port that changed) in the user's language. */
function problemText(problem: string, reason: Reason | null | undefined): string {
  return reason && getLanguage() !== 'en' ? reasonText(reason) : problem
}

const byOrder = <T extends { order: number; id: string }>(a: T, b: T) => a.order - b.order || (a.id < b.id ? -1 : 1)

export function InviteDialog({ map }: { readonly map: JourneyMap }) {
  const status = useLive((s) => s.status)
  const error = useLive((s) => s.error)
  return (
    <Dialog title={t('live.invite.title')} onClose={closeInvite} className="live-dialog">
      {error && (
        <p className="live-error" role="alert">
          {t('live.invite.problem', { message: error })}
        </p>
      )}
      <Body map={map} status={status} />
      <div className="dialog-actions">
        <button type="button" onClick={closeInvite}>
          {t('live.invite.close')}
        </button>
      </div>
    </Dialog>
  )
}

function Body({ map, status }: { readonly map: JourneyMap; readonly status: LiveStatus | null }) {
  if (!status || status.state === 'off')
    return (
      <>
        <p>{t('live.invite.intro')}</p>
        <button
          type="button"
          className="primary"
          onClick={() => void liveCall((api) => api.startLive({ mapId: map.id }))}
        >
          {t('live.invite.start')}
        </button>
      </>
    )
  if (status.state === 'interrupted')
    return (
      <>
        <p>{t('live.invite.interrupted', { title: status.mapTitle ?? map.title })}</p>
        <div className="live-row">
          <button type="button" className="primary" onClick={() => void liveCall((api) => api.resumeLive({}))}>
            {t('live.invite.resume')}
          </button>
          <EndButton />
        </div>
      </>
    )
  if (status.mapId !== map.id)
    return (
      <>
        <p>{t('live.invite.otherMap', { title: status.mapTitle ?? '' })}</p>
        <EndButton />
      </>
    )
  return <Running map={map} status={status} />
}

function EndButton() {
  return (
    <button
      type="button"
      className="danger"
      onClick={() => {
        if (window.confirm(t('live.invite.endConfirm'))) void liveCall((api) => api.endLive({}))
      }}
    >
      {t('live.invite.end')}
    </button>
  )
}

function Running({ map, status }: { readonly map: JourneyMap; readonly status: LiveStatus }) {
  const [copied, setCopied] = useState(false)
  const first = status.addresses[0]
  return (
    <div className="live-running">
      <section className="live-join" aria-label={t('live.invite.link')}>
        {status.qr && <QrCode rows={status.qr} label={t('live.invite.qr')} />}
        <div>
          <h3>{t('live.invite.link')}</h3>
          <p className="live-link">
            <output aria-label={t('live.invite.link')}>{first?.url}</output>{' '}
            <button
              type="button"
              onClick={() => {
                void navigator.clipboard?.writeText(first?.url ?? '').then(
                  () => setCopied(true),
                  () => {}
                )
              }}
            >
              {copied ? t('live.invite.copied') : t('live.invite.copy')}
            </button>
          </p>
          <h3>{t('live.invite.code')}</h3>
          <p className="live-code" aria-label={t('live.invite.code')}>
            {status.code}
          </p>
          {first && <p className="hint">{t('live.invite.codeHint', { address: new URL(first.url).origin })}</p>}
          {status.addresses.length > 1 && (
            <>
              <h3>{t('live.invite.addresses')}</h3>
              <ul className="live-addresses">
                {status.addresses.map((a) => (
                  <li key={a.url}>
                    {a.iface ? t('live.invite.addressOf', { address: a.url, iface: a.iface }) : a.url}
                  </li>
                ))}
              </ul>
            </>
          )}
          {status.problem && <p className="live-error">{problemText(status.problem, status.problemReason)}</p>}
        </div>
      </section>
      <People status={status} />
      <Rights map={map} rights={status.rights} />
      <Voting map={map} status={status} />
      <div className="live-row">
        <EndButton />
      </div>
    </div>
  )
}

function People({ status }: { readonly status: LiveStatus }) {
  return (
    <section aria-labelledby="live-people">
      <h3 id="live-people">{t('live.people.title')}</h3>
      {status.participants.length === 0 && <p className="hint">{t('live.people.none')}</p>}
      <ul className="live-people">
        {status.participants.map((p) => (
          <li key={p.id} data-connected={p.connected}>
            <i style={{ background: p.color }} aria-hidden="true" />
            <span className="live-name">{p.name}</span>
            <span className="hint">
              {p.connected ? t('live.people.connected') : t('live.people.away')} ·{' '}
              {plural('live.people.notes', p.notes)}
            </span>
            <button
              type="button"
              aria-label={t('live.people.removeLabel', { name: p.name })}
              onClick={() => void liveCall((api) => api.removeParticipant({ participantId: p.id }))}
            >
              {t('live.people.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Shown at once (the controls answer the click), then confirmed by the host's answer. */
const update = (rights: LiveRights) => {
  useLive.setState((s) => ({ status: s.status && { ...s.status, rights } }))
  void liveCall((api) => api.updateLive({ rights }))
}

function Check({
  label,
  checked,
  onChange
}: {
  readonly label: string
  readonly checked: boolean
  onChange(value: boolean): void
}) {
  return (
    <label className="live-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  )
}

function Rights({ map, rights }: { readonly map: JourneyMap; readonly rights: LiveRights }) {
  const [task, setTask] = useState(rights.task)
  const set = (patch: Partial<LiveRights>) => update({ ...rights, ...patch })
  const toggle = (list: readonly string[], id: string, on: boolean) =>
    on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id)
  return (
    <section aria-labelledby="live-rights" className="live-rights">
      <h3 id="live-rights">{t('live.rights.title')}</h3>
      <fieldset>
        <legend>{t('live.rights.addNotes')}</legend>
        {(['all', 'chosen', 'none'] as const).map((mode) => (
          <label key={mode} className="live-check">
            <input
              type="radio"
              name="live-add"
              checked={rights.addNotes === mode}
              onChange={() => set({ addNotes: mode })}
            />
            {t(`live.rights.addNotes.${mode}`)}
          </label>
        ))}
      </fieldset>
      {rights.addNotes === 'chosen' && (
        <div className="live-open">
          <fieldset>
            <legend>{t('live.rights.openLanes')}</legend>
            {[...map.lanes].sort(byOrder).map((lane) => (
              <Check
                key={lane.id}
                label={lane.title}
                checked={rights.openLaneIds.includes(lane.id)}
                onChange={(on) => set({ openLaneIds: toggle(rights.openLaneIds, lane.id, on) })}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('live.rights.openStages')}</legend>
            {[...map.stages].sort(byOrder).map((stage) => (
              <Check
                key={stage.id}
                label={stage.title}
                checked={rights.openStageIds.includes(stage.id)}
                onChange={(on) => set({ openStageIds: toggle(rights.openStageIds, stage.id, on) })}
              />
            ))}
          </fieldset>
        </div>
      )}
      <Check label={t('live.rights.editOwn')} checked={rights.editOwn} onChange={(v) => set({ editOwn: v })} />
      <Check label={t('live.rights.seeOthers')} checked={rights.seeOthers} onChange={(v) => set({ seeOthers: v })} />
      <Check label={t('live.rights.showTimer')} checked={rights.showTimer} onChange={(v) => set({ showTimer: v })} />
      <Check label={t('live.rights.follow')} checked={rights.follow} onChange={(v) => set({ follow: v })} />
      <Check label={t('live.rights.locked')} checked={rights.locked} onChange={(v) => set({ locked: v })} />
      <label className="live-task">
        {t('live.rights.task')}
        <input
          value={task}
          maxLength={240}
          onChange={(e) => setTask(e.target.value)}
          onBlur={() => task !== rights.task && set({ task })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              if (task !== rights.task) set({ task })
            }
          }}
        />
      </label>
    </section>
  )
}

function Voting({ map, status }: { readonly map: JourneyMap; readonly status: LiveStatus }) {
  const rights = status.rights
  const voting = rights.voting
  const [dots, setDots] = useState(voting?.dots ?? 3)
  const [several, setSeveral] = useState(voting?.severalPerNote ?? false)
  const [hidden, setHidden] = useState(voting?.hidden ?? true)
  const running = voting !== null && !voting.revealed
  const ranked = status.tally
    ? map.notes
        .filter((n) => (status.tally?.[n.id] ?? 0) > 0)
        .sort((a, b) => (status.tally?.[b.id] ?? 0) - (status.tally?.[a.id] ?? 0))
    : []
  return (
    <section aria-labelledby="live-vote" className="live-vote">
      <h3 id="live-vote">{t('live.vote.title')}</h3>
      {!running && (
        <div className="live-row">
          <label>
            {t('live.vote.dots')}{' '}
            <input
              type="number"
              min={1}
              max={20}
              value={dots}
              onChange={(e) => setDots(Math.max(1, Math.min(20, Number(e.target.value) || 1)))}
            />
          </label>
          <Check label={t('live.vote.several')} checked={several} onChange={setSeveral} />
          <Check label={t('live.vote.hidden')} checked={hidden} onChange={setHidden} />
          <button
            type="button"
            onClick={() => update({ ...rights, voting: { dots, severalPerNote: several, hidden, revealed: false } })}
          >
            {t('live.vote.start')}
          </button>
        </div>
      )}
      {running && (
        <div className="live-row">
          <span role="status">{plural('live.vote.cast', status.dotsCast)}</span>
          <button type="button" className="primary" onClick={() => void liveCall((api) => api.revealVotes({}))}>
            {t('live.vote.reveal')}
          </button>
          <button type="button" onClick={() => update({ ...rights, voting: null })}>
            {t('live.vote.stop')}
          </button>
        </div>
      )}
      {ranked.length > 0 && (
        <>
          <h4>{t('live.vote.ranking')}</h4>
          <ol className="live-ranking">
            {ranked.map((n) => (
              <li key={n.id}>{plural('live.vote.rank', status.tally?.[n.id] ?? 0, { text: n.text })}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}

export { DEFAULT_RIGHTS }
