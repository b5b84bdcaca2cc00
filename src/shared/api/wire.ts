/** Messages of the web host's WebSocket, its subprotocol and its limits. The server validates every incoming message. */
import { z } from 'zod'
import type { ApiEvent } from './contract'
import type { ErrorData } from '../errors'

export const ClientMessageSchema = z
  .object({
    t: z.literal('call'),
    id: z.number().int().min(0),
    method: z.string().max(64),
    payload: z.unknown()
  })
  .strict()
export type ClientMessage = z.infer<typeof ClientMessageSchema>

export type { ErrorData }

export type ServerMessage =
  | { readonly t: 'result'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly t: 'result'; readonly id: number; readonly ok: false; readonly error: ErrorData }
  | { readonly t: 'event'; readonly event: ApiEvent }
  | { readonly t: 'hello'; readonly origin: string }

/**
 * The WebSocket subprotocol of the API. The page offers it together with `journeyboard.token.<token>`
 * (the host's secret travels in the handshake's Sec-WebSocket-Protocol header only: never in a
 * URL, a cookie or a static file request); the host answers with API_PROTOCOL alone.
 */
export const API_PROTOCOL = 'journeyboard.v1'
export const TOKEN_PROTOCOL_PREFIX = 'journeyboard.token.'

/** The subprotocols a client offers to open the API with `token`. */
export function apiProtocols(token: string): string[] {
  return [API_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`]
}

/** What a host token looks like (base64url; anything else is refused before comparing). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/

/**
 * Close codes the host uses besides the standard ones (1009 too big, 1007 invalid UTF-8, 1002
 * protocol error, 1003 binary data, 1001 host stopping). 4401: the token was wrong or missing;
 * reconnecting with the same token cannot help, the user must open the address the host printed.
 */
export const CLOSE_TOKEN_REFUSED = 4401

/**
 * The largest file the Import dialog sends (in the desktop app and the browser alike). A
 * 10,000-note map is about 4 MB as JSON; the limit leaves room for long notes and many personas
 * while keeping what the web host may hold in memory per connection small (see MAX_MESSAGE_BYTES).
 */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024

/**
 * Largest WebSocket message the host accepts: an import of MAX_IMPORT_BYTES after JSON escaping
 * (quotes and backslashes double; typical interchange files grow by about 13 %). A bigger frame
 * closes only its own connection (1009); the client refuses to send one (ws-transport.ts).
 */
export const MAX_MESSAGE_BYTES = 20 * 1024 * 1024
