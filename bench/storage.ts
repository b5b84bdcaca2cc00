/**
 * Storage benchmarks through the real library service on a real SQLite file:
 * open + load, one-note edit commits (against a bare UPDATE as the floor), and import.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openLibraryService } from '../src/library'
import type { ApiRequest } from '../src/shared/api/contract'
import { parseApiCall } from '../src/shared/api/validate'
import { serializeInterchange } from '../src/shared/format/interchange'
import { BENCH_PERSONAS, buildLargeMap } from './fixtures'
import { median, percentile, round } from './stats'

const EDITS = 1000

export async function runStorageBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'jb-bench-'))
  const file = join(dir, 'bench.sqlite')
  const options = { backupDir: join(dir, 'backups') }
  try {
    let service = openLibraryService(file, options)
    const text2k = serializeInterchange(buildLargeMap(2000), BENCH_PERSONAS)
    const text10k = serializeInterchange(buildLargeMap(10_000), BENCH_PERSONAS)
    for (const p of BENCH_PERSONAS) await service.call('savePersona', { persona: p })
    const map2k = await service.call('importMap', { text: text2k })
    const importStart = performance.now()
    const map10k = await service.call('importMap', { text: text10k })
    const import10k = performance.now() - importStart
    service.close()

    const timeLoad = async (id: string) => {
      const samples: number[] = []
      for (let i = 0; i < 7; i++) {
        const start = performance.now()
        const s = openLibraryService(file, options)
        await s.call('getMap', { id })
        samples.push(performance.now() - start)
        s.close()
      }
      return median(samples)
    }
    const load2k = await timeLoad(map2k.id)
    const load10k = await timeLoad(map10k.id)

    // One note moved within its cell, EDITS times, through the service (validated, one transaction).
    service = openLibraryService(file, options)
    const note = map2k.notes[0]
    if (!note) throw new Error('benchmark map has no notes')
    const commits: number[] = []
    const validated: number[] = []
    for (let i = 0; i < 2 * EDITS; i++) {
      const payload = {
        mapId: map2k.id,
        patch: [{ op: 'put', entity: 'note', value: { ...note, order: 0.5 + (i % 2) * 0.25 } }]
      }
      const start = performance.now()
      if (i % 2 === 0) {
        // The service alone: apply, bump the revision, commit.
        await service.call('applyPatch', payload as ApiRequest<'applyPatch'>)
        commits.push(performance.now() - start)
      } else {
        // As every door (IPC, WebSocket) does it: validate the payload with zod first.
        const { req } = parseApiCall('applyPatch', payload)
        await service.call('applyPatch', req as ApiRequest<'applyPatch'>)
        validated.push(performance.now() - start)
      }
    }
    // The same edit as an editing session sends it (src/shared/sync): before/after, against the
    // revision it saw; nobody else wrote the note, so the host writes it with one conditional UPDATE.
    const pushes: number[] = []
    let revision = (await service.call('getMap', { id: map2k.id })).revision
    let current = { ...note, order: 0.75 }
    for (let i = 0; i < EDITS; i++) {
      const next = { ...current, order: 0.5 + (i % 2) * 0.25 }
      const request = {
        mapId: map2k.id,
        pushId: `bench-${i}`,
        baseRevision: revision,
        changes: { records: [{ entity: 'note', id: note.id, before: current, after: next }], meta: null }
      }
      const start = performance.now()
      const result = await service.call('pushChanges', request as ApiRequest<'pushChanges'>)
      pushes.push(performance.now() - start)
      revision = result.revision
      current = next
    }
    service.close()

    // The floor: a bare single-row UPDATE on the same file with the same durability settings.
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    const update = db.prepare('UPDATE notes SET sort_order = ? WHERE map_id = ? AND id = ?')
    const raw: number[] = []
    for (let i = 0; i < EDITS; i++) {
      const start = performance.now()
      update.run(0.5 + (i % 2) * 0.25, map2k.id, note.id)
      raw.push(performance.now() - start)
    }
    db.close()

    return {
      'storage.load_2k_ms': round(load2k),
      'storage.load_10k_ms': round(load10k),
      'storage.edit_commit_median_ms': round(median(commits)),
      'storage.edit_commit_p99_ms': round(percentile(commits, 99)),
      'storage.edit_commit_validated_median_ms': round(median(validated)),
      'storage.push_commit_median_ms': round(median(pushes)),
      'storage.raw_update_median_ms': round(median(raw)),
      'storage.import_10k_ms': round(import10k)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
