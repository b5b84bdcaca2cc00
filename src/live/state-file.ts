/**
 * The live session as it survives a crash: `<library>.live.json` beside the library (0600,
 * written to a temporary file and renamed). It holds the join code, the port, the participants
 * (with a hash of each token, never the token), who wrote which note and the dots cast. Written
 * before a participant is told anything was received, so after `kill -9` and Resume the same
 * link works and everyone is who they were. Removed when the facilitator ends the session.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { IdSchema } from '../shared/schema/entities'
import { ColorSchema } from '../shared/schema/entities'
import { JoinCodeSchema, LiveRightsSchema, LiveViewSchema } from '../shared/live/protocol'

const StoredParticipantSchema = z
  .object({
    id: IdSchema,
    name: z.string().max(100),
    color: ColorSchema,
    tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
    removed: z.boolean()
  })
  .strict()

export const StoredSessionSchema = z
  .object({
    version: z.literal(1),
    sessionId: IdSchema,
    mapId: IdSchema,
    code: JoinCodeSchema,
    port: z.number().int().min(0).max(65535),
    startedAt: z.string().max(40),
    rights: LiveRightsSchema,
    view: LiveViewSchema,
    participants: z.array(StoredParticipantSchema).max(1000),
    authors: z.record(IdSchema, IdSchema),
    ballots: z.record(IdSchema, z.record(IdSchema, z.number().int().min(0).max(100)))
  })
  .strict()
export type StoredSession = z.infer<typeof StoredSessionSchema>
export type StoredParticipant = z.infer<typeof StoredParticipantSchema>

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

export function liveStateFile(libraryPath: string): string {
  return `${libraryPath}.live.json`
}

/** The interrupted session, or null (no file, or a file that is not ours: then it is ignored and said). */
export function readStoredSession(file: string, log: (line: string) => void): StoredSession | null {
  if (!existsSync(file)) return null
  try {
    const parsed = StoredSessionSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    if (parsed.success) return parsed.data
    log(`live session file ${file} is not readable as a session; it is ignored.`)
  } catch (error) {
    log(`live session file ${file} could not be read (${(error as Error).message}); it is ignored.`)
  }
  return null
}

export function writeStoredSession(file: string, session: StoredSession): void {
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, JSON.stringify(session), { mode: 0o600 })
  renameSync(temporary, file)
}

export function removeStoredSession(file: string): void {
  rmSync(file, { force: true })
}
