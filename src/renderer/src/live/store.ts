/**
 * The live workshop as the facilitator's window knows it: the host's last `LiveStatus` (from
 * `liveStatus` and every `liveChanged` event) and whether the Invite participants dialog is open.
 * The host owns the session; this is only its latest picture, never saved.
 */
import { useMemo } from 'react'
import { create } from 'zustand'
import type { LiveStatus } from '../../../shared/live/protocol'
import type { JourneyApi } from '../../../shared/api/contract'
import { useAppStore } from '../store'
import { errorText } from '../i18n/errors'

export interface LiveState {
  status: LiveStatus | null
  dialogOpen: boolean
  /** The last failure of a live call, as the host said it. */
  error: string | null
}

export const useLive = create<LiveState>()(() => ({ status: null, dialogOpen: false, error: null }))

export const setLiveStatus = (status: LiveStatus) => useLive.setState({ status })

/** Reads the status once (the events keep it fresh afterwards). */
export async function refreshLive(): Promise<void> {
  const api = useAppStore.getState().api
  if (!api) return
  try {
    setLiveStatus(await api.liveStatus({}))
  } catch {
    // Where no hub answers (a library without a door that can listen), the button stays, the dialog says why.
  }
}

/** Runs a live call and keeps its answer; a refusal is shown in the dialog. */
export async function liveCall(run: (api: JourneyApi) => Promise<LiveStatus>): Promise<void> {
  const api = useAppStore.getState().api
  if (!api) return
  try {
    useLive.setState({ status: await run(api), error: null })
  } catch (error) {
    useLive.setState({ error: errorText(error) })
  }
}

export const openInvite = () => {
  useLive.setState({ dialogOpen: true, error: null })
  void refreshLive()
}
export const closeInvite = () => useLive.setState({ dialogOpen: false })

/** Who added which note of this map in the live session (a new Map only when the authors change). */
export function useNoteAuthors(mapId: string): ReadonlyMap<string, { name: string; color: string }> | undefined {
  // A string, so a status that changed something else leaves the board's layout alone.
  const key = useLive((s) => {
    const authors = s.status?.mapId === mapId ? s.status.authors : undefined
    return authors && Object.keys(authors).length > 0
      ? JSON.stringify(Object.entries(authors).map(([id, a]) => [id, a.name, a.color]))
      : ''
  })
  return useMemo(() => {
    if (!key) return undefined
    const rows = JSON.parse(key) as [string, string, string][]
    return new Map(rows.map(([id, name, color]) => [id, { name, color }]))
  }, [key])
}
