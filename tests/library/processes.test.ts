import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { lockPathFor, openLibraryConnection, openLibraryService } from '../../src/library'
import { runFixture } from './child'
import { catchSync, open, tempDir } from './helpers'

describe('one writer per library file', () => {
  it('refuses a second process, names the holder, and recovers the lock once it is killed', async () => {
    const file = path.join(tempDir(), 'lib.journeyboard')
    const holder = runFixture('hold-open.ts', [file])
    try {
      await holder.waitFor(/^ready /)
      const error = catchSync(() => openLibraryService(file))
      expect(error.code).toBe('open_elsewhere')
      expect(error.message).toBe(
        `The library ${JSON.stringify(file)} is open in another Journeyboard window or process (pid ${holder.process.pid}).`
      )
      // Reading alongside the writer is fine.
      const reader = open(file, { readOnly: true })
      expect(await reader.call('listMaps', {})).toEqual([])
      reader.close()
    } finally {
      holder.process.kill('SIGKILL')
      await holder.exited
    }
    expect(fs.existsSync(lockPathFor(file))).toBe(true) // left behind by the killed process
    const service = open(file)
    expect(service.readOnly).toBe(false)
    service.close()
    expect(fs.existsSync(lockPathFor(file))).toBe(false)
  })

  it('refuses a second open in the same process', () => {
    const file = path.join(tempDir(), 'lib.journeyboard')
    open(file)
    expect(catchSync(() => openLibraryService(file)).code).toBe('open_elsewhere')
  })

  it('treats a lock with garbage in it as stale', () => {
    const file = path.join(tempDir(), 'lib.journeyboard')
    fs.writeFileSync(lockPathFor(file), 'not json')
    expect(open(file).readOnly).toBe(false)
  })
})

describe('kill -9', () => {
  it('keeps every acknowledged edit and a sound file', async () => {
    const file = path.join(tempDir(), 'lib.journeyboard')
    const child = runFixture('edit-loop.ts', [file])
    let acks: { n: number; revision: number }[] = []
    let mapId = ''
    try {
      mapId = (await child.waitFor(/^map /)).slice(4)
      await child.waitFor(/^ack 300 /)
    } finally {
      child.process.kill('SIGKILL')
      await child.exited
    }
    acks = child.lines
      .filter((l) => l.startsWith('ack '))
      .map((l) => {
        const [, n, revision] = l.split(' ')
        return { n: Number(n), revision: Number(revision) }
      })
    expect(acks.length).toBeGreaterThan(300)
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0) // the process died without a checkpoint

    const opened = openLibraryConnection(file)
    try {
      expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      opened.close()
    }
    const service = open(file)
    const map = await service.call('getMap', { id: mapId })
    const last = acks.at(-1)!
    expect(map.revision).toBeGreaterThanOrEqual(last.revision)
    const notes = new Map(map.notes.map((n) => [n.id, n]))
    for (const { n } of acks) {
      const stored = notes.get(`n${n}`)
      expect(stored, `note n${n}`).toBeDefined()
      // Every acknowledged note was either written (last ack) or moved by the next acknowledged edit.
      if (n < last.n) expect(stored!.text).toBe(`Edit number ${n}, moved`)
    }
  })
})
