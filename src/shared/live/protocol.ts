/**
 * The live workshop: participants join the facilitator's map from their own devices over the
 * room's network. This file is the vocabulary both ends share: what the facilitator allows
 * (`LiveRights`), what the participants' page and the host say to each other (validated with
 * these zod schemas on the host, whatever a client sends), and what the facilitator's app is
 * told about the session (`LiveStatus`).
 *
 * The host is the only authority: a participant's push goes through `checkParticipantPush`
 * (rights.ts) before it reaches the room, and a participant only ever sees the map as
 * `mapForParticipant` cuts it.
 */
import { z } from 'zod'
import { IdSchema, LIMITS } from '../schema/entities'
import { NoteKindSchema } from '../schema/enums'
import { PushRequestSchema, type MapChange, type PushResult } from '../sync/protocol'
import type { JourneyMap } from '../model'
import type { Reason } from '../errors'

/** The participants' WebSocket subprotocol. */
export const LIVE_PROTOCOL = 'journeyboard.live.v1'

/** Join codes: 6 characters without look-alikes (no 0/O, 1/I/L), upper case. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const JOIN_CODE_LENGTH = 6
export const JoinCodeSchema = z
  .string()
  .length(JOIN_CODE_LENGTH, `a join code has ${JOIN_CODE_LENGTH} characters`)
  .regex(/^[A-HJKMNP-Z2-9]+$/, 'a join code holds capital letters and digits only')

/** A participant's own secret (base64url), handed out when they join and kept on their device. */
export const ParticipantTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'not a participant token')

export const LIVE_LIMITS = {
  /** Largest message a participant may send (a note of 2000 characters fits many times). */
  messageBytes: 64 * 1024,
  /** Messages a participant may send per second on average, and in a burst. */
  messagesPerSecond: 20,
  burst: 60,
  /** Records one participant push may carry (an added note with the reorder of its cell). */
  pushRecords: 50,
  nameLength: 40,
  taskLength: LIMITS.label * 2,
  maxParticipants: 200,
  /** Wrong join codes one address may try per minute before it is refused for the minute. */
  joinFailuresPerMinute: 10,
  maxDots: 20
} as const

export const ParticipantNameSchema = z
  .string()
  .max(LIVE_LIMITS.nameLength, `a name has at most ${LIVE_LIMITS.nameLength} characters`)
  .refine((s) => s.trim().length > 0, 'enter a name')

export const VotingSchema = z
  .object({
    /** Dots each participant has. */
    dots: z.number().int().min(1).max(LIVE_LIMITS.maxDots),
    /** Several dots on one note allowed (true) or one per note. */
    severalPerNote: z.boolean(),
    /** Totals hidden until the facilitator reveals them. */
    hidden: z.boolean(),
    revealed: z.boolean()
  })
  .strict()
export type Voting = z.infer<typeof VotingSchema>

export const LiveRightsSchema = z
  .object({
    /** Where participants may add notes: nowhere, every cell, or the open lanes and stages. */
    addNotes: z.enum(['none', 'all', 'chosen']),
    /** With 'chosen': a cell is open when its lane or its stage is listed. */
    openLaneIds: z.array(IdSchema).max(LIMITS.maxLanesPerMap),
    openStageIds: z.array(IdSchema).max(LIMITS.maxStagesPerMap),
    /** Participants may edit and delete the notes they added (never anyone else's). */
    editOwn: z.boolean(),
    /** Participants see everybody's notes (else only their own and the facilitator's). */
    seeOthers: z.boolean(),
    /** The vote under way, or null. */
    voting: VotingSchema.nullable(),
    showTimer: z.boolean(),
    /** Participants follow the facilitator's presentation step. */
    follow: z.boolean(),
    /** Nothing can be added, changed or voted. */
    locked: z.boolean(),
    /** What participants are asked to do now, shown at the top of their page. */
    task: z.string().max(LIVE_LIMITS.taskLength)
  })
  .strict()
export type LiveRights = z.infer<typeof LiveRightsSchema>

export const DEFAULT_RIGHTS: LiveRights = {
  addNotes: 'all',
  openLaneIds: [],
  openStageIds: [],
  editOwn: true,
  seeOthers: true,
  voting: null,
  showTimer: true,
  follow: true,
  locked: false,
  task: ''
}

/** The facilitator's view participants follow: the timer and the presentation step. */
export const LiveViewSchema = z
  .object({
    timer: z
      .object({
        durationMs: z
          .number()
          .int()
          .min(0)
          .max(24 * 3600_000),
        remainingMs: z
          .number()
          .int()
          .min(0)
          .max(24 * 3600_000),
        endsAt: z.number().int().nullable()
      })
      .strict()
      .nullable(),
    /** The stage shown in presentation mode (null: the whole map, or not presenting). */
    presentingStageId: IdSchema.nullable(),
    presenting: z.boolean()
  })
  .strict()
export type LiveView = z.infer<typeof LiveViewSchema>

export const EMPTY_VIEW: LiveView = { timer: null, presentingStageId: null, presenting: false }

// ---------------------------------------------------------------------------------------------
// Participant ⇄ host

export const ParticipantMessageSchema = z.discriminatedUnion('t', [
  z
    .object({
      t: z.literal('join'),
      code: JoinCodeSchema,
      name: ParticipantNameSchema,
      /** Their token from an earlier join on this device: they come back as the same person. */
      token: ParticipantTokenSchema.optional()
    })
    .strict(),
  z.object({ t: z.literal('push'), id: z.number().int().min(0), push: PushRequestSchema }).strict(),
  z.object({ t: z.literal('getMap'), id: z.number().int().min(0) }).strict(),
  z.object({ t: z.literal('vote'), id: z.number().int().min(0), noteId: IdSchema, dots: z.number().int() }).strict()
])
export type ParticipantMessage = z.infer<typeof ParticipantMessageSchema>

export interface Participant {
  readonly id: string
  readonly name: string
  readonly color: string
}

/** What a participant's page knows of the session besides the map. */
export interface ParticipantState {
  readonly me: Participant
  readonly rights: LiveRights
  readonly view: LiveView
  /** This participant's dots per note in the current vote. */
  readonly myVotes: Readonly<Record<string, number>>
  /** Every note's dots in the current vote, once revealed (or when not hidden). */
  readonly tally: Readonly<Record<string, number>> | null
  /** The notes this participant added (they may edit them). */
  readonly myNoteIds: readonly string[]
  /** Authors of the notes participants added, by note id. */
  readonly authors: Readonly<Record<string, Participant>>
  readonly here: number
}

export type HostToParticipant =
  | { readonly t: 'welcome'; readonly token: string; readonly state: ParticipantState; readonly map: JourneyMap }
  | { readonly t: 'state'; readonly state: ParticipantState }
  | { readonly t: 'change'; readonly change: MapChange }
  | { readonly t: 'result'; readonly id: number; readonly ok: true; readonly value: PushResult | JourneyMap | null }
  | {
      readonly t: 'result'
      readonly id: number
      readonly ok: false
      readonly error: { readonly code: string; readonly message: string; readonly reason?: Reason }
    }
  | { readonly t: 'refused'; readonly code: ParticipantRefusal; readonly message: string }

/** Why the host closed a participant's connection (also its close code's meaning). */
export type ParticipantRefusal = 'badCode' | 'tooManyTries' | 'removed' | 'ended' | 'full' | 'badMessage' | 'tooFast'

export const LIVE_CLOSE: Readonly<Record<ParticipantRefusal, number>> = {
  badCode: 4401,
  removed: 4403,
  ended: 4410,
  full: 4413,
  tooManyTries: 4429,
  badMessage: 4400,
  tooFast: 4430
}

// ---------------------------------------------------------------------------------------------
// The facilitator's side (JourneyApi methods, see api/contract.ts)

export interface LiveAddress {
  /** Network interface name ("wlan0", "Wi-Fi"), or "" when told on the command line. */
  readonly iface: string
  readonly address: string
  readonly url: string
}

export interface LiveParticipantInfo extends Participant {
  readonly connected: boolean
  readonly notes: number
  readonly dotsCast: number
}

export interface LiveStatus {
  /** off: no session; running: participants can join; interrupted: the app stopped during one (Resume). */
  readonly state: 'off' | 'running' | 'interrupted'
  readonly mapId: string | null
  readonly mapTitle: string | null
  readonly code: string | null
  readonly addresses: readonly LiveAddress[]
  /** The first address's link as a QR matrix: one string of 0/1 per row. */
  readonly qr: readonly string[] | null
  readonly participants: readonly LiveParticipantInfo[]
  readonly rights: LiveRights
  readonly view: LiveView
  /** Dots cast so far in the current vote (the total, which hides nothing). */
  readonly dotsCast: number
  /** Every note's dots once revealed. */
  readonly tally: Readonly<Record<string, number>> | null
  readonly authors: Readonly<Record<string, Participant>>
  /** Why the session could not listen, when it could not (a sentence for the dialog). */
  readonly problem: string | null
  /** The same as a code with parameters, for the dialog in the user's language. */
  readonly problemReason?: Reason | null
}

export const StartLiveSchema = z.object({ mapId: IdSchema }).strict()
export const UpdateLiveSchema = z
  .object({ rights: LiveRightsSchema.optional(), view: LiveViewSchema.optional() })
  .strict()
export const RemoveParticipantSchema = z.object({ participantId: IdSchema }).strict()

export const PARTICIPANT_COLORS = [
  '#d81b60',
  '#1e88e5',
  '#43a047',
  '#f4511e',
  '#8e24aa',
  '#00897b',
  '#6d4c41',
  '#3949ab',
  '#c0ca33',
  '#00acc1',
  '#fb8c00',
  '#5e35b1'
] as const

export { NoteKindSchema }
