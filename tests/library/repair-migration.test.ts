/**
 * Migration 7: maps whose unkeyed references two people editing at once had crossed (before the
 * host checked them) are put right when the library is opened, after the pre-migration backup.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../src/library'
import { checkIntegrity } from '../../src/shared/model/integrity'
import { parseInterchange, serializeInterchange } from '../../src/shared/format/interchange'
import { open, persona, tempDir, TestClock, wireNote, type WireNote } from './helpers'

describe('opening a library whose maps have crossed references', () => {
  it('links the persona again, drops what is gone, and the map’s file opens again', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'crossed.journeyboard')
    const backupDir = path.join(dir, 'backups')
    const first = open(file, { backupDir })
    const maya = persona('p1', 'Maya')
    await first.call('savePersona', { persona: maya })
    const map = await first.call('createMap', { template: 'saas', title: 'Crossed' })
    const [s0, s1, s2] = map.stages
    const note = (id: string, extra: Partial<WireNote>): WireNote =>
      wireNote(map, id, { text: id, kind: 'touchpoint', ...extra })
    await first.call('applyPatch', {
      mapId: map.id,
      patch: [
        { op: 'meta', set: { personaIds: ['p1'] } },
        {
          op: 'put',
          entity: 'path',
          value: {
            id: 'pA',
            name: 'A',
            color: '#2563eb',
            order: 1,
            steps: [
              { stageId: s0!.id, event: '' },
              { stageId: s1!.id, event: 'Demo' }
            ]
          }
        },
        {
          op: 'put',
          entity: 'path',
          value: { id: 'pB', name: 'B', color: '#d97706', order: 2, steps: [{ stageId: s2!.id, event: '' }] }
        },
        { op: 'put', entity: 'note', value: note('tagged', { personaIds: ['p1'], pathId: 'pB' }) },
        { op: 'put', entity: 'note', value: note('plain', {}) },
        {
          op: 'put',
          entity: 'emotionPoint',
          value: { id: 'e1', personaId: 'p1', variant: 'asIs', stageId: s0!.id, score: 1, note: '' }
        },
        {
          op: 'put',
          entity: 'emotionPoint',
          value: { id: 'eB', personaId: null, variant: 'asIs', stageId: s2!.id, score: 2, note: '', pathId: 'pB' }
        }
      ]
    })
    const before = await first.call('getMap', { id: map.id })
    first.close()

    // What two people at once could leave behind (written past the host's checks).
    const db = new Database(file)
    db.prepare('UPDATE maps SET persona_ids = ? WHERE id = ?').run('[]', map.id) // p1 unlinked…
    db.prepare(`UPDATE notes SET persona_ids = '["p1","ghost"]' WHERE id = 'tagged'`).run() // …still named
    db.prepare(
      `INSERT INTO emotion_points (map_id, id, persona_id, variant, stage_id, score, note) VALUES (?, 'eG', 'ghost', 'asIs', ?, 0, '')`
    ).run(map.id, s1!.id)
    db.prepare(`UPDATE paths SET steps = ? WHERE id = 'pA'`).run(
      JSON.stringify([
        { stageId: s0!.id, event: '' },
        { stageId: 'gone', event: 'Demo' }
      ])
    )
    db.prepare(`UPDATE paths SET steps = ? WHERE id = 'pB'`).run(JSON.stringify([{ stageId: 'gone', event: '' }]))
    db.prepare(`UPDATE notes SET path_id = 'nowhere' WHERE id = 'plain'`).run()
    db.pragma('user_version = 6')
    db.close()

    const clock = new TestClock(new Date('2026-03-05T08:00:00.000Z'))
    const service = open(file, { backupDir, now: clock.now })
    const repaired = await service.call('getMap', { id: map.id })
    expect(checkIntegrity(repaired)).toEqual([])
    expect(repaired.personaIds).toEqual(['p1']) // the library has Maya: linked again
    const tagged = repaired.notes.find((n) => n.id === 'tagged')!
    expect(tagged.personaIds).toEqual(['p1']) // "ghost" is in no library: dropped
    expect(tagged.pathId).toBeUndefined() // path B had no stage left and went
    expect(repaired.notes.find((n) => n.id === 'plain')?.pathId).toBeUndefined()
    expect(repaired.paths.map((p) => [p.id, p.steps.map((s) => s.stageId)])).toEqual([['pA', [s0!.id]]])
    expect(repaired.emotionPoints.map((p) => p.id).sort()).toEqual(['e1']) // B's own point and ghost's went
    expect(repaired.revision).toBe(before.revision + 1)
    expect(() => parseInterchange(serializeInterchange(repaired, [maya]))).not.toThrow()
    expect(fs.readdirSync(backupDir).some((f) => f.startsWith('pre-migration-v6-'))).toBe(true)

    // An edit after the repair is checked and committed as usual.
    const result = await service.call('applyPatch', {
      mapId: map.id,
      baseRevision: repaired.revision,
      patch: [{ op: 'put', entity: 'note', value: { ...tagged, text: 'Edited after the repair' } }]
    })
    expect(result.revision).toBe(repaired.revision + 1)
    service.close()
    const upgraded = new Database(file, { readonly: true })
    expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    upgraded.close()
  })

  it('leaves a sound map as it was, revision and all', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'sound.journeyboard')
    const first = open(file, { backupDir: path.join(dir, 'backups') })
    await first.call('savePersona', { persona: persona('p1', 'Maya') })
    const map = await first.call('createMap', { template: 'saas', title: 'Sound' })
    await first.call('applyPatch', { mapId: map.id, patch: [{ op: 'meta', set: { personaIds: ['p1'] } }] })
    const before = await first.call('getMap', { id: map.id })
    first.close()
    const db = new Database(file)
    db.pragma('user_version = 6')
    db.close()
    const service = open(file, { backupDir: path.join(dir, 'backups') })
    expect(await service.call('getMap', { id: map.id })).toEqual(before)
  })
})
