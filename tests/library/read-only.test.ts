import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { lockPathFor, openLibraryService } from '../../src/library'
import type { ApiMethod, ApiRequest } from '../../src/shared/api/contract'
import { runFixture } from './child'
import { catchSync, fileDigest, open, persona, rejection, tempDir } from './helpers'

async function libraryWithMap(file: string): Promise<string> {
  const service = openLibraryService(file)
  const map = await service.call('createMap', { template: 'blank', title: 'Kept' })
  service.close()
  return map.id
}

describe('a library that cannot be written', () => {
  // Tests run as root, for whom chmod does not stop writes: the library honours the mode bits
  // itself, and the explicit readOnly option covers the rest.
  for (const how of ['file mode 0444', 'readOnly option'] as const) {
    it(`opens read-only (${how}) with a notice, and every write fails with read_only`, async () => {
      const file = path.join(tempDir(), 'lib.journeyboard')
      const mapId = await libraryWithMap(file)
      if (how === 'file mode 0444') fs.chmodSync(file, 0o444)
      const before = fileDigest(file)
      const listing = fs.readdirSync(path.dirname(file))
      const service = open(file, how === 'readOnly option' ? { readOnly: true } : {})
      expect(service.readOnly).toBe(true)
      expect(fs.existsSync(lockPathFor(file))).toBe(false)
      const info = await service.call('getAppInfo', {})
      expect(info).toMatchObject({ readOnly: true, libraryPath: file })
      expect(info.notices.join(' ')).toMatch(/read-only/)
      expect((await service.call('listMaps', {})).map((m) => m.title)).toEqual(['Kept'])
      const map = await service.call('getMap', { id: mapId })

      const writes: { [K in ApiMethod]?: ApiRequest<K> } = {
        createMap: { template: 'blank', title: 'No' },
        applyPatch: { mapId, patch: [{ op: 'meta', set: { title: 'No' } }] },
        duplicateMap: { id: mapId },
        trashMap: { id: mapId },
        restoreMap: { id: mapId },
        emptyTrash: {},
        importMap: { text: '{}' },
        savePersona: { persona: persona('p1', 'Maya') },
        createSnapshot: { mapId, name: 'before' }
      }
      for (const [method, req] of Object.entries(writes)) {
        const error = await rejection(service.call(method as ApiMethod, req as never))
        expect(error.code, method).toBe('read_only')
      }
      expect(await service.call('getMap', { id: mapId })).toEqual(map)
      service.close()
      expect(fileDigest(file)).toBe(before)
      expect(fs.readdirSync(path.dirname(file))).toEqual(listing) // no -wal, -shm or lock left behind
    })
  }

  // Root writes anywhere whatever the mode bits, so as root the check runs as the unprivileged
  // user nobody (65534) through setpriv, for whom the folder really is not writable.
  const asRoot = process.getuid?.() === 0
  it.skipIf(process.platform === 'win32')(
    'opens a library in a folder the user cannot write read-only, with a notice, leaving the folder as it was',
    async () => {
      const dir = tempDir()
      const file = path.join(dir, 'lib.journeyboard')
      await libraryWithMap(file)
      if (asRoot) fs.chownSync(file, 65534, 65534) // the file itself is the user's; only the folder is not
      fs.chmodSync(dir, 0o555)
      const before = fileDigest(file)
      const child = runFixture('view-once.ts', [file], asRoot ? 65534 : undefined)
      const line = await child.waitFor(/^\{/)
      await child.exited
      expect(JSON.parse(line)).toEqual({
        readOnly: true,
        notices: ['The folder holding the library is read-only, so changes cannot be saved.'],
        titles: ['Kept'],
        edit: 'read_only'
      })
      expect(fs.readdirSync(dir)).toEqual(['lib.journeyboard'])
      expect(fileDigest(file)).toBe(before)
    }
  )

  it('refuses to create a new library when asked for read-only, and creates nothing', () => {
    const dir = tempDir()
    const error = catchSync(() => openLibraryService(path.join(dir, 'missing.journeyboard'), { readOnly: true }))
    expect(error.code).toBe('not_found')
    expect(error.message).toBe(`There is no library at ${JSON.stringify(path.join(dir, 'missing.journeyboard'))}.`)
    expect(fs.readdirSync(dir)).toEqual([])
  })
})
