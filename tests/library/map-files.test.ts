/**
 * File lineage in real libraries: every version saved to or opened from a file is remembered
 * (with a snapshot, once per version), a copy keeps its map's id where that id is free, and the
 * common ancestor of a copy that comes back is found, also through a third library and after a
 * merge. Several libraries on disk stand for several consultants' laptops.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LibraryServiceHandle } from '../../src/library'
import { serializeMapDocument } from '../../src/shared/format/document'
import { parseInterchange } from '../../src/shared/format/interchange'
import { mapVersion } from '../../src/shared/format/lineage'
import { open, persona, seededIds, tempDir } from './helpers'

/** What Save map as… writes for the map (the registry's .journeymap exporter does the same). */
async function saveAs(service: LibraryServiceHandle, mapId: string): Promise<string> {
  const { map, personas, lineage } = await service.call('prepareMapFile', { mapId })
  return serializeMapDocument(map, personas, lineage)
}

async function editTitle(service: LibraryServiceHandle, mapId: string, title: string): Promise<void> {
  await service.call('applyPatch', { mapId, patch: [{ op: 'meta', set: { title } }] })
}

async function addNote(service: LibraryServiceHandle, mapId: string, id: string, text: string): Promise<void> {
  const map = await service.call('getMap', { id: mapId })
  const [stage] = map.stages
  const [lane] = map.lanes
  await service.call('applyPatch', {
    mapId,
    patch: [
      {
        op: 'put',
        entity: 'note',
        value: {
          id,
          stageId: stage!.id,
          laneId: lane!.id,
          order: 99,
          text,
          color: '#fff59d',
          kind: 'note',
          channel: null,
          category: null,
          personaIds: [],
          votes: 0,
          severity: null,
          impact: null,
          effort: null
        }
      }
    ]
  })
}

function libraries(...names: string[]): LibraryServiceHandle[] {
  const dir = tempDir()
  return names.map((name) => open(path.join(dir, `${name}.sqlite`), { newId: seededIds(name) }))
}

describe('saving a map to a file', () => {
  it('keeps each version saved as a snapshot, once, and lists the earlier ones in the next file', async () => {
    const [a] = libraries('a')
    const map = await a!.call('createMap', { template: 'saas', title: 'Onboarding' })
    const first = parseInterchange(await saveAs(a!, map.id))
    expect(first.lineage).toEqual({ version: mapVersion(first.map), seen: [] })
    await saveAs(a!, map.id) // unchanged: nothing new to keep
    expect((await a!.call('listSnapshots', { mapId: map.id })).map((s) => s.name)).toEqual(['Saved to a file'])
    await editTitle(a!, map.id, 'Onboarding v2')
    const second = parseInterchange(await saveAs(a!, map.id))
    expect(second.lineage).toEqual({ version: mapVersion(second.map), seen: [first.lineage!.version] })
    const snapshots = await a!.call('listSnapshots', { mapId: map.id })
    expect(snapshots).toHaveLength(2)
    expect((await a!.call('getSnapshot', { id: snapshots[0]!.id })).title).toBe('Onboarding v2')
  })

  it('still gives a read-only library’s map its file, without remembering it', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'lib.sqlite')
    const writable = open(file, { newId: seededIds() })
    const map = await writable.call('createMap', { template: 'blank', title: 'Read me' })
    writable.close()
    const readOnly = open(file, { readOnly: true })
    const { lineage } = await readOnly.call('prepareMapFile', { mapId: map.id })
    expect(lineage.seen).toEqual([])
    expect(await readOnly.call('listSnapshots', { mapId: map.id })).toEqual([])
  })
})

describe('opening a file', () => {
  it('keeps the map’s id where it is free and remembers what it opened', async () => {
    const [a, b] = libraries('a', 'b')
    await a!.call('savePersona', { persona: persona('p1', 'Maya') })
    const map = await a!.call('createMap', { template: 'b2b', title: 'Lifecycle' })
    await a!.call('applyPatch', { mapId: map.id, patch: [{ op: 'meta', set: { personaIds: ['p1'] } }] })
    const text = await saveAs(a!, map.id)
    const opened = await b!.call('importMap', { text, fileName: 'Lifecycle.journeymap' })
    expect(opened.id).toBe(map.id)
    expect((await b!.call('listPersonas', {})).map((p) => p.name)).toEqual(['Maya'])
    expect((await b!.call('listSnapshots', { mapId: map.id })).map((s) => s.name)).toEqual(['Opened from Lifecycle'])
    // The same file again: a new map beside it, never an overwrite.
    const again = await b!.call('importMap', { text, fileName: 'Lifecycle.journeymap' })
    expect(again.id).not.toBe(map.id)
  })
})

describe('the common ancestor of a copy that comes back', () => {
  it('is the version sent, found in the library that sent it', async () => {
    const [anna, ben] = libraries('anna', 'ben')
    const map = await anna!.call('createMap', { template: 'saas', title: 'Shared map' })
    const sent = await saveAs(anna!, map.id)
    await ben!.call('importMap', { text: sent, fileName: 'Shared map.journeymap' })
    await addNote(ben!, map.id, 'nBen', 'Ben’s note')
    const back = parseInterchange(await saveAs(ben!, map.id))
    expect(back.lineage!.seen).toEqual([parseInterchange(sent).lineage!.version])

    // Anna has not edited since: her map is the ancestor itself.
    const untouched = await anna!.call('findMergeBase', { mapId: map.id, lineage: back.lineage! })
    expect(untouched.base).toMatchObject({ version: mapVersion(map), snapshot: null })
    await editTitle(anna!, map.id, 'Shared map (Anna)')
    const { base, map: current } = await anna!.call('findMergeBase', { mapId: map.id, lineage: back.lineage! })
    expect(current.title).toBe('Shared map (Anna)')
    expect(base?.snapshot?.name).toBe('Saved to a file')
    expect(base?.map).toMatchObject({ title: 'Shared map', notes: [] })
  })

  it('is found through a third library, whose file lists what it saw before', async () => {
    const [anna, ben, chen] = libraries('anna', 'ben', 'chen')
    const map = await anna!.call('createMap', { template: 'blank', title: 'Relay' })
    const v1 = parseInterchange(await saveAs(anna!, map.id)).lineage!.version
    await ben!.call('importMap', { text: await saveAs(anna!, map.id), fileName: 'Relay.journeymap' })
    await addNote(ben!, map.id, 'nB', 'from Ben')
    await chen!.call('importMap', { text: await saveAs(ben!, map.id), fileName: 'Relay.journeymap' })
    await addNote(chen!, map.id, 'nC', 'from Chen')
    const fromChen = parseInterchange(await saveAs(chen!, map.id))
    expect(fromChen.lineage!.seen[0]).toBe(v1)
    await editTitle(anna!, map.id, 'Relay, edited')
    const { base } = await anna!.call('findMergeBase', { mapId: map.id, lineage: fromChen.lineage! })
    expect(base?.version).toBe(v1)
  })

  it('is none when the two copies share no version', async () => {
    const [anna, ben] = libraries('anna', 'ben')
    const map = await anna!.call('createMap', { template: 'blank', title: 'Alone' })
    const other = await ben!.call('createMap', { template: 'blank', title: 'Other' })
    const file = parseInterchange(await saveAs(ben!, other.id))
    await editTitle(anna!, map.id, 'Alone, edited')
    expect((await anna!.call('findMergeBase', { mapId: map.id, lineage: file.lineage! })).base).toBeNull()
  })

  it('after a merge, is the merged file for its successors, but not for the same file merged again', async () => {
    const [anna, ben] = libraries('anna', 'ben')
    const map = await anna!.call('createMap', { template: 'saas', title: 'Twice' })
    await ben!.call('importMap', { text: await saveAs(anna!, map.id), fileName: 'Twice.journeymap' })
    const v1 = mapVersion(map)
    await addNote(ben!, map.id, 'nB1', 'first')
    const fileA = parseInterchange(await saveAs(ben!, map.id))
    await editTitle(anna!, map.id, 'Twice (Anna)')
    // Anna merges fileA (the editor applies the merge; the library records it).
    const info = await anna!.call('recordMergedFile', {
      mapId: map.id,
      fileName: 'Twice.journeymap',
      map: fileA.map,
      lineage: fileA.lineage!
    })
    expect(info.name).toBe('Merged from Twice')
    // The same file once more (say, the merge was undone): worked out from the version before it.
    const again = await anna!.call('findMergeBase', { mapId: map.id, lineage: fileA.lineage! })
    expect(again.base?.version).toBe(v1)
    // Ben's next file descends from fileA: that is the ancestor now.
    await addNote(ben!, map.id, 'nB2', 'second')
    const fileB = parseInterchange(await saveAs(ben!, map.id))
    const next = await anna!.call('findMergeBase', { mapId: map.id, lineage: fileB.lineage! })
    expect(next.base?.version).toBe(fileA.lineage!.version)
    expect(next.base?.map.notes.map((n) => n.text)).toEqual(['first'])
  })

  it('refuses to record a merged map that breaks the map’s rules', async () => {
    const [anna] = libraries('anna')
    const map = await anna!.call('createMap', { template: 'blank', title: 'Strict' })
    const { map: current, lineage } = await anna!.call('prepareMapFile', { mapId: map.id })
    const broken = { ...current, notes: [{ ...noteIn('missing-stage') }] }
    await expect(
      anna!.call('recordMergedFile', { mapId: map.id, fileName: 'x.journeymap', map: broken, lineage })
    ).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/notes\[0\]\.stageId/) })
  })
})

function noteIn(stageId: string) {
  return {
    id: 'n1',
    stageId,
    laneId: 'nowhere',
    order: 1,
    text: '',
    color: '#fff59d',
    kind: 'note' as const,
    channel: null,
    category: null,
    personaIds: [],
    votes: 0,
    severity: null,
    impact: null,
    effort: null
  }
}
