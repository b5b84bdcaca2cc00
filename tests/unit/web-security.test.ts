/** The web host's handshake check: the token only as the `journeyboard.token.<token>` subprotocol. */
import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { API_PROTOCOL, apiProtocols } from '../../src/shared/api/wire'
import { handshakeHasToken, offersApiProtocol } from '../../src/web/security'
import { newToken } from '../../src/web/token-store'

const handshake = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage
const token = newToken()

describe('handshakeHasToken', () => {
  it('accepts the token offered as a subprotocol beside the API protocol', () => {
    const req = handshake({ 'sec-websocket-protocol': apiProtocols(token).join(', ') })
    expect(offersApiProtocol(req)).toBe(true)
    expect(handshakeHasToken(req, token)).toBe(true)
  })

  it.each([
    ['no subprotocol', {}],
    ['the API protocol alone', { 'sec-websocket-protocol': API_PROTOCOL }],
    ['another token', { 'sec-websocket-protocol': apiProtocols(newToken()).join(', ') }],
    [
      'a prefix of the token',
      { 'sec-websocket-protocol': `${API_PROTOCOL}, journeyboard.token.${token.slice(0, 20)}` }
    ],
    [
      'two tokens, one right',
      { 'sec-websocket-protocol': `${apiProtocols(token).join(', ')}, journeyboard.token.${newToken()}` }
    ],
    ['the token in a cookie', { 'sec-websocket-protocol': API_PROTOCOL, cookie: `jb_token=${token}` }],
    ['the token in the old header', { 'sec-websocket-protocol': API_PROTOCOL, 'x-journeyboard-token': token }]
  ])('refuses %s', (_what, headers) => {
    expect(handshakeHasToken(handshake(headers), token)).toBe(false)
  })
})
