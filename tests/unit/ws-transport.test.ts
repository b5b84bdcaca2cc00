/**
 * The renderer's WebSocket transport against the real web host (in this process, on a real
 * library file), with the `ws` package as its socket: connection states, reconnection after the
 * host went away and came back on the same port with the same token, refusal of a wrong token,
 * calls that would be too large refused before sending, a big map arriving in parts (and a bad
 * part refused with what was wrong).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import {
  createWsTransport,
  type ConnectionState,
  type SocketLike,
  type WsTransport
} from '../../src/renderer/src/api/ws-transport'
import { API_PROTOCOL, MapAssembly, MAP_PART_NOTES, mapParts, MAX_MESSAGE_BYTES } from '../../src/shared/api/wire'
import { serializeInterchange } from '../../src/shared/format/interchange'
import { startWebHost, type WebHost } from '../../src/web/server'
import { newToken } from '../../src/web/token-store'
import { open, rejection, tempDir } from '../library/helpers'
import { buildMap } from './fixtures'

const openSocket = (url: string, protocols: string[]) => new WebSocket(url, protocols) as unknown as SocketLike

const running: { close(): unknown }[] = []
afterEach(async () => {
  for (const thing of running.splice(0).reverse()) await thing.close()
})

/** A web host on `dir`/library.sqlite; closing it closes the library too (as Ctrl-C does). */
async function host(dir: string, token: string, port = 0): Promise<WebHost & { service: ReturnType<typeof open> }> {
  const staticDir = join(dir, 'renderer')
  mkdirSync(staticDir, { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>')
  const service = open(join(dir, 'library.sqlite'))
  const started = await startWebHost({ service, staticDir, token, port })
  const stoppable = {
    ...started,
    service,
    async close() {
      await started.close()
      service.close()
    }
  }
  running.push(stoppable)
  return stoppable
}

function transport(port: number, token: string | null): { ws: WsTransport; states: ConnectionState[] } {
  const ws = createWsTransport({
    url: `ws://127.0.0.1:${port}/api`,
    token,
    open: openSocket,
    retry: { firstMs: 20, maxMs: 100 }
  })
  const states: ConnectionState[] = [ws.state()]
  ws.onState((s) => states.push(s))
  running.push(ws)
  return { ws, states }
}

const until = async (check: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 500; i++) {
    if (check()) return
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('the WebSocket transport', () => {
  it('waits for its first connection, then answers calls and passes events on', async () => {
    const token = newToken()
    const web = await host(tempDir(), token)
    const { ws, states } = transport(web.port, token)
    const events: string[] = []
    ws.onEvent((e) => events.push(e.type))
    // Made before the socket is open: it waits for the connection instead of failing.
    const created = ws.call('createMap', { template: 'blank', title: 'First' })
    expect((await created).title).toBe('First')
    expect(states.map((s) => s.kind)).toEqual(['connecting', 'connected'])
    await until(() => events.length > 0, 'a library event')
    expect(events).toContain('libraryChanged')
  })

  it('refuses a call larger than the host accepts, before sending, naming the limit; the connection stays', async () => {
    const token = newToken()
    const web = await host(tempDir(), token)
    const { ws, states } = transport(web.port, token)
    await ws.call('listMaps', {})
    const error = await rejection(ws.call('importMap', { text: 'x'.repeat(MAX_MESSAGE_BYTES) }))
    expect(error.code).toBe('invalid_request')
    // Values in sentences are wrapped in invisible bidi isolates (t() does it); read what is shown.
    expect(error.message.replace(/[\u2066-\u2069]/g, '')).toMatch(
      /^This request is 20\.0 MB; the Journeyboard host accepts at most 20 MB at once\./
    )
    // Multi-byte text is measured in UTF-8 bytes, as the host counts them.
    const wide = await rejection(ws.call('importMap', { text: 'ж'.repeat(MAX_MESSAGE_BYTES / 2) }))
    expect(wide.message).toContain('20.0 MB')
    expect(await ws.call('listMaps', {})).toEqual([])
    expect(states.at(-1)?.kind).toBe('connected')
  })

  it('reconnects by itself when the host comes back on the same port with the same token', async () => {
    const dir = tempDir()
    const token = newToken()
    const first = await host(dir, token)
    const { ws, states } = transport(first.port, token)
    await ws.call('createMap', { template: 'blank', title: 'Before' })
    await first.close()
    await until(() => ws.state().kind === 'reconnecting', 'reconnecting')
    // While the host is away a call fails at once with a sentence, instead of hanging.
    const away = await rejection(ws.call('listMaps', {}))
    expect(away.code).toBe('storage')
    expect(away.message).toBe('Not connected to the Journeyboard host, so nothing was sent.')
    await until(() => states.filter((s) => s.kind === 'reconnecting').length >= 3, 'three failed attempts')
    const attempts = states.flatMap((s) => (s.kind === 'reconnecting' ? [s.attempt] : []))
    expect(attempts.slice(0, 3)).toEqual([1, 2, 3])

    await host(dir, token, first.port)
    await until(() => ws.state().kind === 'connected', 'reconnected')
    expect((await ws.call('listMaps', {})).map((m) => m.title)).toEqual(['Before'])
  })

  it('stops at a refused token and says what to do; a new token connects again', async () => {
    const token = newToken()
    const web = await host(tempDir(), token)
    const { ws, states } = transport(web.port, newToken())
    const pending = ws.call('listMaps', {})
    const refused = await rejection(pending)
    expect(refused.code).toBe('forbidden')
    expect(refused.message).toContain('Open the address the Journeyboard host printed')
    expect(ws.state()).toEqual({ kind: 'refused', reason: 'token' })
    // No retry loop against a host that will keep refusing.
    await new Promise((r) => setTimeout(r, 200))
    expect(states.filter((s) => s.kind === 'reconnecting')).toEqual([])
    expect((await rejection(ws.call('listMaps', {}))).code).toBe('forbidden')

    ws.useToken(token)
    expect(await ws.call('listMaps', {})).toEqual([])
    expect(ws.state().kind).toBe('connected')
  })

  it('without a token it does not even try, and says which address to open', async () => {
    const { ws } = transport(1, null)
    expect(ws.state()).toEqual({ kind: 'refused', reason: 'no-token' })
    const error = await rejection(ws.call('listMaps', {}))
    expect(error.message).toContain('#token=')
  })

  it('gets a big map in parts, each checked as it arrives, and puts it together whole', async () => {
    const token = newToken()
    const web = await host(tempDir(), token)
    const count = MAP_PART_NOTES * 2 + 17
    const notes = Array.from({ length: count }, (_, i) => ({ text: `Note ${i + 1} — примечание` }))
    const { id } = await web.service.call('importMap', { text: serializeInterchange(buildMap({ notes }), []) })
    const whole = await web.service.call('getMap', { id })

    // What travels: a raw client asking for parts sees the head, three note parts, then the result.
    const raw = new WebSocket(`ws://127.0.0.1:${web.port}/api`, [API_PROTOCOL, `journeyboard.token.${token}`])
    running.push(raw)
    const seen: { t: string; part?: string; notes?: unknown }[] = []
    raw.on('message', (data: Buffer) => seen.push(JSON.parse(data.toString()) as (typeof seen)[number]))
    await new Promise((r) => raw.once('open', r))
    raw.send(JSON.stringify({ t: 'call', id: 1, method: 'getMap', payload: { id }, parts: true }))
    await until(() => seen.some((m) => m.t === 'result'), 'the result')
    expect(seen.filter((m) => m.t !== 'hello' && m.t !== 'event').map((m) => m.part ?? m.t)).toEqual([
      'head',
      'notes',
      'notes',
      'notes',
      'result'
    ])
    expect(seen.find((m) => m.part === 'head')?.notes).toBe(count)

    // The page's transport asks for parts and answers with the map, the same as in one piece.
    const { ws } = transport(web.port, token)
    const map = await ws.call('getMap', { id })
    expect(map.notes.length).toBe(count)
    expect(map).toEqual(whole)
    // A small map comes in one result, as before; a map that is not there is an error, not parts.
    const small = await ws.call('createMap', { template: 'blank', title: 'Small' })
    expect((await ws.call('getMap', { id: small.id })).title).toBe('Small')
    expect((await rejection(ws.call('getMap', { id: 'gone' }))).code).toBe('not_found')
  })

  it('refuses a map whose part is not valid, saying which part and what is wrong; the connection stays', async () => {
    // A host that sends a damaged note in the second part of a big map (a real socket on loopback).
    const map = buildMap({ notes: Array.from({ length: MAP_PART_NOTES + 5 }, (_, i) => ({ text: `n${i}` })) })
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => API_PROTOCOL })
    running.push(server)
    await new Promise((r) => server.once('listening', r))
    server.on('connection', (socket) => {
      socket.send(JSON.stringify({ t: 'hello', origin: 'web-1' }))
      socket.on('message', (data: Buffer) => {
        const call = JSON.parse(data.toString()) as { id: number; method: string }
        if (call.method !== 'getMap') {
          socket.send(JSON.stringify({ t: 'result', id: call.id, ok: true, value: [] }))
          return
        }
        const parts = mapParts(call.id, map)!.map((p) => JSON.parse(JSON.stringify(p)) as Record<string, never>)
        const broken = parts[2] as unknown as { columns: string[]; rows: unknown[][] }
        broken.rows[3]![broken.columns.indexOf('text')] = 42
        for (const part of parts) socket.send(JSON.stringify(part))
        socket.send(JSON.stringify({ t: 'result', id: call.id, ok: true, value: null }))
      })
    })
    const { port } = server.address() as { port: number }
    const { ws } = transport(port, newToken())
    const error = await rejection(ws.call('getMap', { id: map.id }))
    expect(error.code).toBe('invalid_request')
    const shown = error.message.replace(/[\u2066-\u2069]/g, '')
    expect(shown).toMatch(/^The map arrived from the Journeyboard host damaged \(part 3: notes\.3\.text: /)
    expect(shown).toContain('so it was not opened')
    // The rest of that map's messages are ignored; the next call is answered.
    expect(await ws.call('listMaps', {})).toEqual([])
    expect(ws.state().kind).toBe('connected')
  })
})

describe('putting a map together from its parts', () => {
  const map = buildMap({ notes: Array.from({ length: MAP_PART_NOTES * 2 + 1 }, (_, i) => ({ text: `n${i}` })) })
  const problem = (run: () => void): string => {
    try {
      run()
    } catch (error) {
      return (error as Error).message
    }
    return 'no problem'
  }

  it('gives back the map it was split from', () => {
    const assembly = new MapAssembly()
    for (const part of mapParts(7, map)!) assembly.add(JSON.parse(JSON.stringify(part)))
    expect(assembly.finish()).toEqual(map)
  })

  it('gives back notes with fields only some notes have (comments, a path, evidence, a picture)', () => {
    const notes = map.notes.map((note, i) =>
      i % 3 === 0
        ? {
            ...note,
            comments: [{ id: `c${i}`, author: 'Ана', at: '2026-01-01T00:00:00.000Z', text: 'Да', resolved: false }],
            pathId: 'p1',
            evidence: { level: 'observed' as const, source: 'interview' as const, reference: '' }
          }
        : i % 3 === 1
          ? { ...note, image: null }
          : note
    )
    const mixed = { ...map, notes }
    const assembly = new MapAssembly()
    for (const part of mapParts(7, mixed)!) assembly.add(JSON.parse(JSON.stringify(part)))
    expect(assembly.finish()).toEqual(mixed)
  })

  it('refuses a row that does not match its columns, and a field a note cannot have', () => {
    const [head, first] = mapParts(7, map)!
    const table = JSON.parse(JSON.stringify(first)) as { columns: string[]; rows: unknown[][] }
    const short = structuredClone(table)
    short.rows[5]!.pop()
    const assembly = () => {
      const a = new MapAssembly()
      a.add(head)
      return a
    }
    expect(problem(() => assembly().add(short))).toBe(
      `map part 2: rows.5: ${table.columns.length - 1} values for ${table.columns.length} fields`
    )
    const foreign = structuredClone(table)
    foreign.rows[2]!.push(JSON.parse('{"__proto__": {"polluted": true}, "owner": "x"}'))
    expect(problem(() => assembly().add(foreign))).toMatch(/^map part 2: notes\.2: /)
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
    const twice = structuredClone(table) as typeof table & { same: Record<string, unknown> }
    twice.same[twice.columns[0]!] = 'x'
    expect(problem(() => assembly().add(twice))).toBe('map part 2: same: a field that is also a column')
    const unknownColumn = structuredClone(table)
    unknownColumn.columns[0] = 'owner'
    expect(problem(() => assembly().add(unknownColumn))).toMatch(/^map part 2: columns\.0: /)
  })

  it('refuses parts out of order, notes before the head, and a map missing notes', () => {
    const [head, first, second, third] = mapParts(7, map)!
    const skipped = new MapAssembly()
    skipped.add(head)
    expect(problem(() => skipped.add(second))).toBe(`map part 2: notes from ${MAP_PART_NOTES}, expected 0`)
    expect(problem(() => new MapAssembly().add(first))).toBe('map part 1: notes before the head')
    const short = new MapAssembly()
    for (const part of [head, first, second]) short.add(part)
    expect(problem(() => short.finish())).toBe(
      `map part 3: ${MAP_PART_NOTES * 2} of the ${MAP_PART_NOTES * 2 + 1} notes announced`
    )
    expect(third?.part).toBe('notes')
    expect(problem(() => new MapAssembly().add({ t: 'map-part', id: 7, part: 'tail' }))).toMatch(/^map part 1: part: /)
  })
})
