/**
 * The outbox (./outbox.ts) on this page's localStorage: a heartbeat while the page lives, and a
 * goodbye when it goes, so the next page can take over what is left at once.
 */
import { createOutboxKeeper, HEARTBEAT_MS, type OutboxKeeper, type StorageLike } from './outbox'

/** The few page APIs this needs (typed here so the store also compiles for Node tests). */
interface PageGlobals {
  readonly localStorage?: StorageLike
  setInterval(handler: () => void, ms: number): number
  clearInterval(id: number): void
  addEventListener(type: 'pagehide', listener: () => void): void
}

/** Null where the browser refuses storage (private modes, disabled site data): edits stay in memory. */
export function browserOutbox(libraryPath: string, clientId: string): OutboxKeeper | null {
  const page = globalThis as unknown as PageGlobals
  let storage: StorageLike | undefined
  try {
    storage = page.localStorage
    storage?.getItem('journeyboard.probe')
  } catch {
    return null
  }
  if (!storage) return null
  const keeper = createOutboxKeeper(storage, libraryPath, clientId)
  const timer = page.setInterval(() => keeper.beat(), HEARTBEAT_MS)
  page.addEventListener('pagehide', () => {
    page.clearInterval(timer)
    keeper.goodbye()
  })
  return keeper
}
