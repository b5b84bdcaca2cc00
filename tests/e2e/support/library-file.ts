/**
 * A library file made before the web host starts, through the real library service: for maps
 * bigger than one WebSocket message may carry (a 50,000-note map is about 19 MB as JSON).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibraryService } from '../../../src/library'
import { serializeInterchange } from '../../../src/shared/format/interchange'
import type { JourneyMap, Persona } from '../../../src/shared/model'

/** A fresh library holding these maps and personas; resolves with its path and the maps as stored. */
export async function libraryWith(
  maps: readonly JourneyMap[],
  personas: readonly Persona[]
): Promise<{ file: string; maps: JourneyMap[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'jb-e2e-library-'))
  const file = join(dir, 'journeyboard.sqlite')
  const service = openLibraryService(file, { backupDir: join(dir, 'backups') })
  try {
    for (const persona of personas) await service.call('savePersona', { persona })
    const stored: JourneyMap[] = []
    for (const map of maps) stored.push(await service.call('importMap', { text: serializeInterchange(map, personas) }))
    return { file, maps: stored }
  } finally {
    service.close()
  }
}
