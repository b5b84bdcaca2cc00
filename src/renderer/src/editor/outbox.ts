/**
 * Unsaved edits kept in the browser's own storage (localStorage), per page and map, until the
 * library acknowledges them. This is the one thing the app keeps outside the library, because it
 * is needed exactly when the library cannot be reached: the host was killed, the connection
 * dropped, and then the tab is reloaded or closed. (docs/architecture.md, "Edits".)
 *
 * Every page (a tab, a window) writes under its own client id, so two tabs on one map never
 * overwrite each other's outbox. A page says it is alive with a heartbeat and says goodbye when
 * it goes (pagehide); a later page takes over ("adopts") the outboxes of pages that are gone and
 * sends their edits, so a reload or a crash loses nothing and the user is told.
 */
import { z } from 'zod'
import { COMMAND_NAMES } from '../../../shared/commands'
import { ChangeSetSchema } from '../../../shared/sync/protocol'
import type { OutboxStore, StoredEdit } from '../../../shared/sync/session'

/** What the outbox needs of localStorage (a Map stands in for it in tests). */
export interface StorageLike {
  readonly length: number
  key(index: number): string | null
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export interface OutboxKeeper extends OutboxStore {
  /**
   * The outboxes of pages that are gone (in this library), per map. Call `release` once they
   * are saved under this page (a session saves what it adopts), so a crash in between loses
   * nothing; edits that fail validation are reported in `unreadable` and left alone.
   */
  orphans(): Orphans
  /** The page goes (pagehide): its outbox becomes adoptable at once. */
  goodbye(): void
  /** Refreshes this page's heartbeat. */
  beat(): void
  /** True when this page's storage holds unsaved edits of any map. */
  hasEdits(): boolean
}

export interface Orphans {
  readonly edits: ReadonlyMap<string, readonly StoredEdit[]>
  /** Outboxes that could not be read (damaged or from another version of the app). */
  readonly unreadable: number
  /** Forgets the adopted outboxes of these maps (all of them when not given). */
  release(mapIds?: Iterable<string>): void
}

/** An unsaved edit as read back from storage: checked like anything read from outside. */
const StoredEditSchema = z
  .object({
    name: z.enum(COMMAND_NAMES as [string, ...string[]]),
    changes: ChangeSetSchema,
    steps: z
      .array(z.object({ name: z.enum(COMMAND_NAMES as [string, ...string[]]), args: z.unknown() }).strict())
      .max(10_000)
      .optional(),
    ids: z.array(z.string().max(100)).max(100_000).optional()
  })
  .strict()

const StoredOutboxSchema = z
  .object({ v: z.literal(1), savedAt: z.number(), edits: z.array(StoredEditSchema).max(10_000) })
  .strict()

type StoredOutbox = { readonly v: 1; readonly savedAt: number; readonly edits: readonly StoredEdit[] }

const PREFIX = 'journeyboard.outbox'
const ALIVE = 'journeyboard.alive'
/** A page whose heartbeat is older than this is gone (it beats every HEARTBEAT_MS). */
export const HEARTBEAT_MS = 5_000
const GONE_AFTER_MS = 4 * HEARTBEAT_MS

/**
 * `scope` names the library (its file path): the same address may serve another library later,
 * and its edits must never go into this one.
 */
export function createOutboxKeeper(
  storage: StorageLike,
  scope: string,
  clientId: string,
  now: () => number = Date.now
): OutboxKeeper {
  const scopePrefix = `${PREFIX}/${encodeURIComponent(scope)}/`
  const keyOf = (client: string, mapId: string) => `${scopePrefix}${client}/${mapId}`
  const aliveKey = (client: string) => `${ALIVE}/${client}`
  const mine = new Set<string>()

  const write = (key: string, value: string): boolean => {
    try {
      storage.setItem(key, value)
      return true
    } catch {
      return false // storage full or disabled: the edits still live in memory; the close prompt guards them
    }
  }

  const keeper: OutboxKeeper = {
    save(mapId, edits) {
      const key = keyOf(clientId, mapId)
      if (edits === null) {
        storage.removeItem(key)
        mine.delete(mapId)
        return
      }
      const stored: StoredOutbox = { v: 1, savedAt: now(), edits }
      if (write(key, JSON.stringify(stored))) mine.add(mapId)
    },
    orphans() {
      const edits = new Map<string, StoredEdit[]>()
      const adopted: { key: string; mapId: string }[] = []
      let unreadable = 0
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)
        if (!key?.startsWith(scopePrefix)) continue
        const [client, mapId] = key.slice(scopePrefix.length).split('/')
        if (!client || !mapId || client === clientId || isAlive(client)) continue
        const stored = parse(storage.getItem(key))
        if (!stored) {
          unreadable++
          continue
        }
        adopted.push({ key, mapId })
        edits.set(mapId, [...(edits.get(mapId) ?? []), ...stored.edits])
      }
      const release = (mapIds?: Iterable<string>) => {
        const only = mapIds ? new Set(mapIds) : null
        for (const { key, mapId } of adopted) if (!only || only.has(mapId)) storage.removeItem(key)
      }
      return { edits, unreadable, release }
    },
    goodbye() {
      storage.removeItem(aliveKey(clientId))
    },
    beat() {
      write(aliveKey(clientId), String(now()))
    },
    hasEdits: () => mine.size > 0
  }

  function isAlive(client: string): boolean {
    const beat = Number(storage.getItem(aliveKey(client)))
    return Number.isFinite(beat) && beat > 0 && now() - beat < GONE_AFTER_MS
  }

  keeper.beat()
  return keeper
}

function parse(text: string | null): StoredOutbox | null {
  if (!text) return null
  try {
    const result = StoredOutboxSchema.safeParse(JSON.parse(text))
    return result.success ? (result.data as unknown as StoredOutbox) : null
  } catch {
    return null
  }
}
