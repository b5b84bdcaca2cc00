/** Messages of the web host's WebSocket. The server validates every incoming one. */
import { z } from 'zod'
import type { ApiEvent } from './contract'
import type { Issue, JourneyErrorCode } from '../errors'

export const ClientMessageSchema = z
  .object({
    t: z.literal('call'),
    id: z.number().int().min(0),
    method: z.string().max(64),
    payload: z.unknown()
  })
  .strict()
export type ClientMessage = z.infer<typeof ClientMessageSchema>

export interface ErrorData {
  readonly code: JourneyErrorCode
  readonly message: string
  readonly issues: readonly Issue[]
}

export type ServerMessage =
  | { readonly t: 'result'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly t: 'result'; readonly id: number; readonly ok: false; readonly error: ErrorData }
  | { readonly t: 'event'; readonly event: ApiEvent }
  | { readonly t: 'hello'; readonly origin: string }

/** Largest WebSocket message the host accepts (an imported 10k-note map fits comfortably). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024
