/**
 * The live workshop's place in the map header: who is here now, and the Invite participants
 * dialog (opened from the header's File ▾ menu, or File ▸ Invite Participants… in the desktop
 * app, both the `inviteParticipants` menu command). While a session
 * runs on this map, the facilitator's timer and presentation step go to the host, so
 * participants who follow see them.
 */
import { useEffect } from 'react'
import type { JourneyMap } from '../../../shared/model'
import type { LiveView } from '../../../shared/live/protocol'
import { onMenuCommand } from '../api/ipc-transport'
import { t } from '../i18n'
import { useAppStore } from '../store'
import { useWorkshop, type WorkshopState } from '../workshop/store'
import { InviteDialog } from './InviteDialog'
import { liveCall, openInvite, refreshLive, useLive } from './store'
import './live.css'

export function LiveButtons({ map }: { readonly map: JourneyMap }) {
  const status = useLive((s) => s.status)
  const open = useLive((s) => s.dialogOpen)
  const connected = useAppStore((s) => s.connection.kind === 'connected')
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'inviteParticipants') openInvite()
      }),
    []
  )
  // Read again whenever the host (re)connects: after a restart the session is interrupted, not running.
  useEffect(() => {
    if (connected) void refreshLive()
  }, [connected])
  const mine = status?.state === 'running' && status.mapId === map.id
  useFollowView(map, mine)
  const here = mine ? status.participants.filter((p) => p.connected) : []
  return (
    <div className="live-buttons">
      {mine && (
        <span
          className="live-presence"
          role="status"
          aria-label={t('live.presenceLabel', { names: here.map((p) => p.name).join(', ') })}
        >
          {here.slice(0, 8).map((p) => (
            <i key={p.id} style={{ background: p.color }} title={p.name} aria-hidden="true" />
          ))}
          {t('live.presence', { count: here.length })}
        </span>
      )}
      {open && <InviteDialog map={map} />}
    </div>
  )
}

function viewOf(state: WorkshopState, map: JourneyMap): LiveView {
  const stages = [...map.stages].filter((s) => !s.collapsed).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
  const { timer, presenting } = state
  return {
    timer: {
      durationMs: Math.round(timer.durationMs),
      remainingMs: Math.round(timer.remainingMs),
      endsAt: timer.endsAt === null ? null : Math.round(timer.endsAt)
    },
    presenting: presenting !== null,
    presentingStageId: presenting ? (stages[presenting.step]?.id ?? null) : null
  }
}

/** Sends the facilitator's timer and presentation step to the host whenever they change. */
function useFollowView(map: JourneyMap, running: boolean): void {
  useEffect(() => {
    if (!running) return
    let last = ''
    const send = (state: WorkshopState) => {
      const view = viewOf(state, map)
      const key = JSON.stringify(view)
      if (key === last) return
      last = key
      void liveCall((api) => api.updateLive({ view }))
    }
    send(useWorkshop.getState())
    return useWorkshop.subscribe(send)
  }, [map, running])
}

/** "Added by Ana" under a participant's note in the side panel (the facilitator's own notes say nothing). */
export function NoteAuthor({ noteId }: { readonly noteId: string }) {
  const author = useLive((s) => s.status?.authors[noteId])
  if (!author) return null
  return (
    <p className="live-author">
      <i style={{ background: author.color }} aria-hidden="true" />
      {t('live.author', { name: author.name })}
    </p>
  )
}
