/**
 * The live session's host, hit directly: a real library file, the real hub and participants'
 * server on 127.0.0.1, real WebSocket clients speaking the protocol. What a participant sends is
 * checked against their rights whatever the page would have allowed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { afterEach } from 'vitest'
import WebSocket from 'ws'
import { LiveHub } from '../../src/live/hub'
import { participantNetwork } from '../../src/live/server'
import { liveStateFile } from '../../src/live/state-file'
import { withLive } from '../../src/live/with-live'
import { DEFAULT_RIGHTS, LIVE_CLOSE, type LiveRights } from '../../src/shared/live/protocol'
import type { ApiEvent } from '../../src/shared/api/contract'
import { LiveClient, newNote, notePush } from './live-client'
import { open, rejection, tempDir } from './helpers'

const staticDir = path.resolve('out/renderer')
const hubs: LiveHub[] = []
afterEach(async () => {
  while (hubs.length > 0) await hubs.pop()?.close()
})

async function setup(dir = tempDir()) {
  const file = path.join(dir, 'lib.journeyboard')
  const library = open(file)
  const hub = new LiveHub({ service: library, stateFile: liveStateFile(file), port: 0 })
  hub.setNetwork(participantNetwork({ hub, staticDir, host: '127.0.0.1' }))
  hubs.push(hub)
  const service = withLive(library, hub)
  const map = (await service.call('listMaps', {})).length
    ? await service.call('getMap', { id: (await service.call('listMaps', {}))[0]!.id })
    : await service.call('createMap', { template: 'saas', title: 'Onboarding workshop' })
  const painLane = map.lanes.find((l) => l.kind === 'painPoints')!
  const goalLane = map.lanes.find((l) => l.kind === 'goals') ?? map.lanes[0]!
  const stage = map.stages[0]!
  return { file, dir, library, hub, service, map, painLane, goalLane, stage }
}

async function joined(origin: string, code: string, name: string) {
  const client = await LiveClient.connect(origin)
  const welcome = await client.join(code, name)
  if (welcome.t !== 'welcome') throw new Error(`not welcome: ${JSON.stringify(welcome)}`)
  return { client, welcome }
}

describe('live session host', () => {
  it('is off until started, then serves the join link and the participant page on the given address only', async () => {
    const { service, map } = await setup()
    expect((await service.call('liveStatus', {})).state).toBe('off')
    const status = await service.call('startLive', { mapId: map.id })
    expect(status.state).toBe('running')
    expect(status.code).toMatch(/^[A-Z2-9]{6}$/)
    expect(status.addresses).toHaveLength(1)
    expect(status.addresses[0]!.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/j/${status.code}$`))
    expect(status.qr!.length).toBeGreaterThan(20)
    const origin = new URL(status.addresses[0]!.url).origin
    // The facilitator's API is not served to the room's network.
    expect((await fetch(`${origin}/api`)).status).toBe(404)
    expect((await fetch(`${origin}/index.html`)).status).toBe(404)
  })

  it('lets participants add notes to open cells only, and edit their own notes only', async () => {
    const { service, map, painLane, goalLane, stage } = await setup()
    const status = await service.call('startLive', { mapId: map.id })
    const rights: LiveRights = { ...DEFAULT_RIGHTS, addNotes: 'chosen', openLaneIds: [painLane.id] }
    await service.call('updateLive', { rights })
    const origin = new URL(status.addresses[0]!.url).origin
    const ana = await joined(origin, status.code!, 'Ana')
    const ben = await joined(origin, status.code!, 'Ben')
    const rev = ana.welcome.t === 'welcome' ? ana.welcome.map.revision : 0

    const ok = await ana.client.push(
      notePush(map.id, 'ana-1', rev, newNote('ana-note', stage.id, painLane.id, 'Too many steps'))
    )
    expect(ok.ok).toBe(true)
    const closed = await ana.client.push(
      notePush(map.id, 'ana-2', rev, newNote('ana-goal', stage.id, goalLane.id, 'x'))
    )
    expect(closed.ok === false && closed.error.code).toBe('forbidden:closedCell')
    expect(closed.ok === false && closed.error.reason?.id).toBe('live.refused.closedCell')

    const now = await service.call('getMap', { id: map.id })
    const note = now.notes.find((n) => n.id === 'ana-note')!
    // Ben may not change Ana's note, nor delete it, nor give it votes.
    const edit = await ben.client.push(notePush(map.id, 'ben-1', now.revision, { ...note, text: 'mine now' }, note))
    expect(edit.ok === false && edit.error.code).toBe('forbidden:notYours')
    const del = await ben.client.push(notePush(map.id, 'ben-2', now.revision, null, note))
    expect(del.ok === false && del.error.code).toBe('forbidden:notYours')
    const votes = await ana.client.push(notePush(map.id, 'ana-3', now.revision, { ...note, votes: 9 }, note))
    expect(votes.ok === false && votes.error.code).toBe('forbidden:fieldNotAllowed')
    // A note of the facilitator's is nobody's to edit.
    const theirs = now.notes.find((n) => n.id !== 'ana-note')
    if (theirs) {
      const r = await ana.client.push(notePush(map.id, 'ana-4', now.revision, { ...theirs, text: 'x' }, theirs))
      expect(r.ok === false && r.error.code).toBe('forbidden:notYours')
    }
    // Another map, the map's own fields, other records: refused.
    const other = await service.call('createMap', { template: 'blank', title: 'Secret' })
    const otherMap = await ana.client.push(notePush(other.id, 'ana-5', 0, newNote('x1', stage.id, painLane.id, 'x')))
    expect(otherMap.ok === false && otherMap.error.code).toBe('forbidden:otherMap')
    const meta = await ana.client.request({
      t: 'push',
      push: {
        mapId: map.id,
        pushId: 'ana-6',
        baseRevision: now.revision,
        changes: { records: [], meta: { before: { title: map.title }, after: { title: 'Hacked' } } }
      }
    })
    expect(meta.ok === false && meta.error.code).toBe('forbidden:mapFields')
    // Her own note: fine.
    const own = await ana.client.push(
      notePush(map.id, 'ana-7', now.revision, { ...note, text: 'Too many steps at sign-up' }, note)
    )
    expect(own.ok).toBe(true)
    const after = await service.call('getMap', { id: map.id })
    expect(after.title).toBe('Onboarding workshop')
    expect(after.notes.find((n) => n.id === 'ana-note')!.text).toBe('Too many steps at sign-up')
    const facilitator = await service.call('liveStatus', {})
    expect(facilitator.authors['ana-note']!.name).toBe('Ana')
  })

  it('refuses a message that is not the protocol, a big one, the library API, and a locked board', async () => {
    const { service, map, painLane, stage } = await setup()
    const status = await service.call('startLive', { mapId: map.id })
    const origin = new URL(status.addresses[0]!.url).origin
    const bad = await LiveClient.connect(origin)
    bad.send({ t: 'call', id: 1, method: 'listMaps', payload: {} })
    expect((await bad.closed).code).toBe(LIVE_CLOSE.badMessage)

    const big = await joined(origin, status.code!, 'Big')
    big.client.send({ t: 'getMap', id: 1, pad: 'x'.repeat(100_000) })
    expect((await big.client.closed).code).toBe(1009)

    const { client } = await joined(origin, status.code!, 'Cara')
    await service.call('updateLive', { rights: { ...DEFAULT_RIGHTS, locked: true } })
    const locked = await client.push(notePush(map.id, 'c-1', 0, newNote('c1', stage.id, painLane.id, 'x')))
    expect(locked.ok === false && locked.error.code).toBe('forbidden:locked')

    // Without the live subprotocol: no connection.
    await expect(LiveClient.connect(origin, ['journeyboard.v1'])).rejects.toThrow()
    // A foreign page cannot open it.
    const foreign = new WebSocket(`${origin.replace('http', 'ws')}/live`, ['journeyboard.live.v1'], {
      headers: { Origin: 'http://evil.example' }
    })
    await new Promise<void>((resolve) => foreign.once('error', () => resolve()))
  })

  it('rate-limits wrong join codes and floods', async () => {
    const { service, map } = await setup()
    const status = await service.call('startLive', { mapId: map.id })
    const origin = new URL(status.addresses[0]!.url).origin
    const wrong = status.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'
    for (let i = 0; i < 10; i++) {
      const c = await LiveClient.connect(origin)
      expect((await c.join(wrong, 'Guess')).t).toBe('refused')
    }
    // Now even the right code is refused from this address for a minute.
    const late = await LiveClient.connect(origin)
    const refused = await late.join(status.code!, 'Guess')
    expect(refused.t === 'refused' && refused.code).toBe('tooManyTries')

    const hub2 = await setup()
    const s2 = await hub2.service.call('startLive', { mapId: hub2.map.id })
    const { client } = await joined(new URL(s2.addresses[0]!.url).origin, s2.code!, 'Flood')
    for (let i = 0; i < 200; i++) client.send({ t: 'getMap', id: i })
    expect((await client.closed).code).toBe(LIVE_CLOSE.tooFast)
  })

  it('keeps votes hidden until revealed, within each budget, then adds them to the notes', async () => {
    const { service, map, painLane, stage } = await setup()
    const status = await service.call('startLive', { mapId: map.id })
    const origin = new URL(status.addresses[0]!.url).origin
    const ana = await joined(origin, status.code!, 'Ana')
    const ben = await joined(origin, status.code!, 'Ben')
    await ana.client.push(notePush(map.id, 'a1', map.revision, newNote('n-a', stage.id, painLane.id, 'Slow')))
    await service.call('updateLive', {
      rights: { ...DEFAULT_RIGHTS, voting: { dots: 2, severalPerNote: false, hidden: true, revealed: false } }
    })
    expect((await ana.client.vote('n-a')).ok).toBe(true)
    const twice = await ana.client.vote('n-a')
    expect(twice.ok === false && twice.error.code).toBe('forbidden:onePerNote')
    expect((await ben.client.vote('n-a')).ok).toBe(true)
    await ben.client.waitFor((m) => m.t === 'state' && m.state.myVotes['n-a'] === 1)
    expect(ben.client.lastState()!.tally).toBeNull()
    expect((await service.call('liveStatus', {})).dotsCast).toBe(2)
    expect((await service.call('liveStatus', {})).tally).toBeNull()

    const revealed = await service.call('revealVotes', {})
    expect(revealed.tally).toEqual({ 'n-a': 2 })
    await ben.client.waitFor((m) => m.t === 'state' && m.state.tally?.['n-a'] === 2)
    const note = (await service.call('getMap', { id: map.id })).notes.find((n) => n.id === 'n-a')!
    expect(note.votes).toBe(2)
    const late = await ana.client.vote('n-a', -1)
    expect(late.ok === false && late.error.code).toBe('forbidden:noVoting')
  })

  it('hides other participants’ notes when told, in the map and in every change', async () => {
    const { service, map, painLane, stage } = await setup()
    const status = await service.call('startLive', { mapId: map.id })
    await service.call('updateLive', { rights: { ...DEFAULT_RIGHTS, seeOthers: false } })
    const origin = new URL(status.addresses[0]!.url).origin
    const ana = await joined(origin, status.code!, 'Ana')
    const ben = await joined(origin, status.code!, 'Ben')
    await ana.client.push(
      notePush(map.id, 'a1', map.revision, newNote('secret', stage.id, painLane.id, 'Anonymous idea'))
    )
    const change = await ben.client.waitFor((m) => m.t === 'change')
    expect(change.t === 'change' && change.change.patch).toEqual([])
    expect((await ben.client.getMap()).notes.some((n) => n.id === 'secret')).toBe(false)
    expect((await ana.client.getMap()).notes.some((n) => n.id === 'secret')).toBe(true)
  })

  it('removes a participant, and ending the session kills every link at once', async () => {
    const { service, map } = await setup()
    const events: ApiEvent[] = []
    service.onEvent((e) => events.push(e))
    const status = await service.call('startLive', { mapId: map.id })
    const origin = new URL(status.addresses[0]!.url).origin
    const ana = await joined(origin, status.code!, 'Ana')
    const ben = await joined(origin, status.code!, 'Ben')
    const anaToken = ana.welcome.t === 'welcome' ? ana.welcome.token : ''
    const after = await service.call('removeParticipant', {
      participantId: ana.welcome.t === 'welcome' ? ana.welcome.state.me.id : ''
    })
    expect((await ana.client.closed).code).toBe(LIVE_CLOSE.removed)
    expect(after.participants.map((p) => p.name)).toEqual(['Ben'])
    const again = await LiveClient.connect(origin)
    const refused = await again.join(status.code!, 'Ana', anaToken)
    expect(refused.t === 'refused' && refused.code).toBe('removed')
    expect(events.some((e) => e.type === 'liveChanged')).toBe(true)

    await service.call('endLive', {})
    expect((await ben.client.closed).code).toBe(LIVE_CLOSE.ended)
    await expect(LiveClient.connect(origin)).rejects.toThrow()
    expect((await service.call('liveStatus', {})).state).toBe('off')
  })

  it('is not restarted by itself after the host stops; Resume brings back the same link and people', async () => {
    const first = await setup()
    const status = await first.service.call('startLive', { mapId: first.map.id })
    const origin = new URL(status.addresses[0]!.url).origin
    const ana = await joined(origin, status.code!, 'Ana')
    const token = ana.welcome.t === 'welcome' ? ana.welcome.token : ''
    const anaId = ana.welcome.t === 'welcome' ? ana.welcome.state.me.id : ''
    await ana.client.push(
      notePush(first.map.id, 'a1', first.map.revision, newNote('kept', first.stage.id, first.painLane.id, 'Kept'))
    )
    await first.hub.close()
    first.library.close()
    expect(fs.statSync(liveStateFile(first.file)).mode & 0o077).toBe(0)

    const second = await setup(first.dir)
    const interrupted = await second.service.call('liveStatus', {})
    expect(interrupted.state).toBe('interrupted')
    await expect(fetch(`${origin}/j/${status.code}`)).rejects.toThrow()
    const resumed = await second.service.call('resumeLive', {})
    expect(resumed.addresses[0]!.url).toBe(status.addresses[0]!.url)
    const back = await LiveClient.connect(origin)
    const welcome = await back.join(status.code!, 'Ana', token)
    expect(welcome.t === 'welcome' && welcome.state.me.id).toBe(anaId)
    expect(welcome.t === 'welcome' && welcome.state.myNoteIds).toEqual(['kept'])
    expect(welcome.t === 'welcome' && welcome.map.notes.some((n) => n.text === 'Kept')).toBe(true)
  })

  it('answers a participant even when the map went to the trash meanwhile', async () => {
    const { service, map, painLane, stage } = await setup()
    const status = await service.call('startLive', { mapId: map.id })
    const { client } = await joined(new URL(status.addresses[0]!.url).origin, status.code!, 'Ana')
    await service.call('trashMap', { id: map.id })
    const answer = await client.push(notePush(map.id, 'a1', map.revision, newNote('n1', stage.id, painLane.id, 'x')))
    expect(answer.ok).toBe(false)
  })

  it('tells the library alone cannot host a session', async () => {
    const { library } = await setup()
    expect((await rejection(library.call('liveStatus', {}))).code).toBe('forbidden')
  })
})
