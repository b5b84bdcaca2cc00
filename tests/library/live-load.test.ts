/**
 * Load test (bounded, loopback): 30 participants each add 20 notes and cast 5 dots at once while
 * the facilitator's board listens. Nothing is lost, nothing arrives twice, every client sees
 * every note. (The times are `npm run bench -- lan`'s business, never asserted here.)
 */
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { LiveHub } from '../../src/live/hub'
import { participantNetwork } from '../../src/live/server'
import { liveStateFile } from '../../src/live/state-file'
import { withLive } from '../../src/live/with-live'
import { DEFAULT_RIGHTS } from '../../src/shared/live/protocol'
import { open, tempDir } from './helpers'
import { runLiveLoad } from './live-load'

let hub: LiveHub | null = null
afterEach(async () => {
  await hub?.close()
})

it('30 participants × 20 notes and 5 dots: zero lost, zero duplicated', async () => {
  const file = path.join(tempDir(), 'load.journeyboard')
  const library = open(file)
  hub = new LiveHub({ service: library, stateFile: liveStateFile(file), port: 0 })
  hub.setNetwork(participantNetwork({ hub, staticDir: path.resolve('out/renderer'), host: '127.0.0.1' }))
  const service = withLive(library, hub)
  const map = await service.call('createMap', { template: 'saas', title: 'Load' })
  const status = await service.call('startLive', { mapId: map.id })
  const result = await runLiveLoad({
    origin: new URL(status.addresses[0]!.url).origin,
    code: status.code!,
    map,
    onFacilitatorChange: (listener) =>
      service.onEvent((event) => {
        if (event.type === 'mapChanged') listener(event)
      }),
    startVote: async (dots) => {
      await service.call('updateLive', {
        rights: { ...DEFAULT_RIGHTS, voting: { dots, severalPerNote: true, hidden: true, revealed: false } }
      })
    },
    reveal: async () => {
      await service.call('revealVotes', {})
    },
    getMap: () => service.call('getMap', { id: map.id })
  })
  expect(result.notesSent).toBe(600)
  expect(result.notesInMap).toBe(600)
  expect(result.lost).toBe(0)
  expect(result.duplicates).toBe(0)
  expect(result.dotsCast).toBe(150)
  expect(result.dotsOnNotes).toBe(150)
  const status2 = await service.call('liveStatus', {})
  expect(status2.participants).toHaveLength(30)
  expect(Object.keys(status2.authors)).toHaveLength(600)
}, 120_000)
