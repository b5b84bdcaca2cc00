/**
 * Dot voting on one laptop: the facilitator picks the lanes and kinds of note to vote on, the
 * dots per participant and who takes part (names optional), starts the round, and clicks the
 * room's dots onto notes on the board; each participant's dots left are shown. Ending the round
 * shows its ranking. Every dot is a vote saved on its note (undoable); see ./actions.
 */
import { useId, useMemo, useState } from 'react'
import {
  activeParticipant,
  notesInScope,
  remainingVotes,
  voteRanking,
  type RoundScope,
  type VoteRound
} from '../../../shared/analysis'
import type { JourneyMap, NoteKind } from '../../../shared/model'
import { NoteKindSchema } from '../../../shared/schema/enums'
import { t } from '../i18n'
import { useAppStore } from '../store'
import { endVoting, startVoting, takeBackDot } from './actions'
import { focusBoard } from './board-link'
import { setWorkshop, useWorkshop } from './store'

const participantName = (round: VoteRound, i: number) =>
  round.participants[i]?.trim() || t('workshop.vote.participant', { n: i + 1 })

const noteText = (text: string) => text.replace(/\s+/g, ' ').trim() || t('workshop.noteUntitled')

export function VotingPanel({ map }: { readonly map: JourneyMap }) {
  const round = useWorkshop((s) => s.round)
  const ended = useWorkshop((s) => s.endedRound)
  const headingId = useId()
  const close = () => setWorkshop({ panel: null })
  return (
    <aside className="workshop-panel voting-panel" data-board-panel="left" aria-labelledby={headingId}>
      <header className="workshop-panel-head">
        <h2 id={headingId}>{t('workshop.vote.title')}</h2>
        <button type="button" className="quiet" aria-label={t('workshop.vote.close')} onClick={close}>
          ×
        </button>
      </header>
      <div className="workshop-panel-body">
        {round && round.mapId === map.id ? (
          <RoundInProgress map={map} round={round} />
        ) : ended && ended.mapId === map.id ? (
          <RoundRanking map={map} round={ended} />
        ) : (
          <RoundSetup map={map} />
        )}
      </div>
    </aside>
  )
}

const KINDS = NoteKindSchema.options

function RoundSetup({ map }: { map: JourneyMap }) {
  const lanes = useMemo(
    () => [...map.lanes].filter((l) => l.kind !== 'emotions').sort((a, b) => a.order - b.order),
    [map.lanes]
  )
  const [laneIds, setLaneIds] = useState<readonly string[]>(() => {
    const preferred = lanes.filter((l) => l.kind === 'opportunities' || l.kind === 'painPoints')
    return (preferred.length > 0 ? preferred : lanes).map((l) => l.id)
  })
  const [unchecked, setUnchecked] = useState<readonly NoteKind[]>([])
  const [perParticipant, setPerParticipant] = useState(3)
  const [count, setCount] = useState(5)
  const [names, setNames] = useState('')
  const [onePerNote, setOnePerNote] = useState(false)

  // Kinds offered: those of the notes in the chosen lanes.
  const kindsHere = useMemo(() => {
    const chosen = new Set(laneIds)
    const present = new Set(map.notes.filter((n) => chosen.has(n.laneId)).map((n) => n.kind))
    return KINDS.filter((k) => present.has(k))
  }, [map.notes, laneIds])
  const scope: RoundScope = { laneIds, kinds: kindsHere.filter((k) => !unchecked.includes(k)) }
  const inScope = notesInScope(map, scope).length
  const nameList = names
    .split('\n')
    .map((n) => n.trim())
    .filter((n) => n !== '')
  const participants = nameList.length > 0 ? nameList : Array.from({ length: Math.max(1, count) }, () => '')
  const toggle = <T,>(list: readonly T[], item: T) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item]

  return (
    <form
      className="vote-setup"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (inScope === 0) return
        startVoting({ scope, votesPerParticipant: perParticipant, participants, onePerNote })
      }}
    >
      <fieldset>
        <legend>{t('workshop.vote.lanes')}</legend>
        {lanes.map((lane) => (
          <label key={lane.id} className="check">
            <input
              type="checkbox"
              checked={laneIds.includes(lane.id)}
              onChange={() => setLaneIds((ids) => toggle(ids, lane.id))}
            />
            {lane.title}
          </label>
        ))}
      </fieldset>
      {kindsHere.length > 1 && (
        <fieldset>
          <legend>{t('workshop.vote.kinds')}</legend>
          {kindsHere.map((kind) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                checked={!unchecked.includes(kind)}
                onChange={() => setUnchecked((ks) => toggle(ks, kind))}
              />
              {t(`interaction.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
      )}
      <div className="vote-numbers">
        <label className="field">
          <span className="field-label">{t('workshop.vote.perParticipant')}</span>
          <input
            type="number"
            min={1}
            max={20}
            value={perParticipant}
            onChange={(e) => setPerParticipant(Math.min(20, Math.max(1, Math.round(Number(e.target.value) || 1))))}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('workshop.vote.participants')}</span>
          <input
            type="number"
            min={1}
            max={50}
            value={nameList.length > 0 ? nameList.length : count}
            disabled={nameList.length > 0}
            onChange={(e) => setCount(Math.min(50, Math.max(1, Math.round(Number(e.target.value) || 1))))}
          />
        </label>
      </div>
      <label className="field">
        <span className="field-label">{t('workshop.vote.names')}</span>
        <textarea rows={3} value={names} onChange={(e) => setNames(e.target.value)} />
        <span className="hint">{t('workshop.vote.namesHint')}</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={onePerNote} onChange={(e) => setOnePerNote(e.target.checked)} />
        {t('workshop.vote.onePerNote')}
      </label>
      <p className="hint" role="status">
        {inScope > 0 ? t('workshop.vote.inScope', { count: inScope }) : t('workshop.vote.noneInScope')}
      </p>
      <button type="submit" className="primary" disabled={inScope === 0}>
        {t('workshop.vote.start')}
      </button>
    </form>
  )
}

function RoundInProgress({ map, round }: { map: JourneyMap; round: VoteRound }) {
  const left = remainingVotes(round, map)
  const active = activeParticipant(round, map)
  const total = round.votesPerParticipant * round.participants.length
  const cast = total - left.reduce((a, b) => a + b, 0)
  return (
    <div className="vote-round">
      <h3>{t('workshop.vote.running')}</h3>
      <p className="vote-progress" role="status">
        {t('workshop.vote.cast', { cast, total })}
      </p>
      <ul className="participants">
        {round.participants.map((_, i) => {
          const name = participantName(round, i)
          const dots = left[i] ?? 0
          return (
            <li key={i}>
              <button
                type="button"
                className="participant"
                aria-pressed={active === i}
                aria-label={t('workshop.vote.left', { name, left: dots, total: round.votesPerParticipant })}
                onClick={() => setWorkshop({ round: { ...round, current: i } })}
              >
                <span className="participant-name">{name}</span>
                <span className="dots" aria-hidden="true">
                  {Array.from({ length: round.votesPerParticipant }, (_, d) => (
                    <span key={d} className={d < dots ? 'dot' : 'dot spent'} />
                  ))}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
      <p className="hint">
        {active === null
          ? t('workshop.vote.allCast')
          : t('workshop.vote.instruction', { name: participantName(round, active) })}
      </p>
      <div className="vote-actions">
        {active !== null && (
          <button
            type="button"
            disabled={(left[active] ?? 0) >= round.votesPerParticipant}
            onClick={() => takeBackDot(active)}
          >
            {t('workshop.vote.takeBack', { name: participantName(round, active) })}
          </button>
        )}
        <button type="button" className="primary" onClick={endVoting}>
          {t('workshop.vote.end')}
        </button>
      </div>
    </div>
  )
}

function RoundRanking({ map, round }: { map: JourneyMap; round: VoteRound }) {
  const ranking = voteRanking(map, round.scope, new Map(Object.entries(round.baseline)))
  const stages = new Map(map.stages.map((s) => [s.id, s.title]))
  return (
    <div className="vote-ranking">
      <h3>{t('workshop.vote.ranking')}</h3>
      {ranking.length === 0 ? (
        <p className="hint">{t('workshop.vote.noVotes')}</p>
      ) : (
        <ol className="ranking-list" aria-label={t('workshop.vote.ranking')}>
          {ranking.map((r) => (
            <li key={r.noteId}>
              <span className="rank">{r.rank}</span>
              <button
                type="button"
                className="link ranking-text"
                onClick={() => focusBoard({ stageIds: [r.stageId], noteIds: [r.noteId], laneId: null })}
              >
                {noteText(r.text)}
              </button>
              <span className="ranking-stage">{stages.get(r.stageId)}</span>
              <span className="ranking-votes">
                <strong>{t('workshop.vote.votes', { votes: r.votes })}</strong>
                {r.total !== r.votes && <span className="hint"> {t('workshop.vote.total', { total: r.total })}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="vote-actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            useAppStore.getState().clearSelection()
            setWorkshop({ endedRound: null })
          }}
        >
          {t('workshop.vote.newRound')}
        </button>
      </div>
    </div>
  )
}
