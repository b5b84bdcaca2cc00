/** Waiting until the library has every edit of a map (before a snapshot, an export or a merge). */
import { useAppStore, type AppState } from '../store'

/** Resolves once every edit of the map is in the library, false if a save failed. */
export function whenSaved(mapId: string): Promise<boolean> {
  const settled = (s: AppState) => {
    const session = s.editorSessions.get(mapId)
    if (!session) return true
    if (session.failure !== null) return false
    return session.unsaved.length === 0 && !session.sending ? true : null
  }
  const now = settled(useAppStore.getState())
  if (now !== null) return Promise.resolve(now)
  return new Promise((resolve) => {
    const stop = useAppStore.subscribe((s) => {
      const result = settled(s)
      if (result === null) return
      stop()
      resolve(result)
    })
  })
}
