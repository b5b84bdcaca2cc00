/**
 * What importing a file will do besides making the map, before it is imported: the notices of
 * the CSV and Mermaid readers (personas added to the library, texts shortened to what a map
 * holds). The import dialog shows them when a file is picked; the CLI prints them. A file that
 * will not import has none here: the import itself says what is wrong.
 */
import type { Persona } from '../model'
import type { ImportNotice } from './common'
import { importCsv } from './csv'
import { detectFormat } from './detect'
import { importMermaid } from './mermaid'

export type { ImportNotice }

export function importNotices(text: string, personas: readonly Persona[]): readonly ImportNotice[] {
  let n = 0
  const options = { newId: () => `preview${++n}`, now: '2000-01-01T00:00:00.000Z', personas }
  try {
    switch (detectFormat(text)) {
      case 'csv':
        return importCsv(text, options).notices ?? []
      case 'mermaid':
        return importMermaid(text, options).notices ?? []
      default:
        return []
    }
  } catch {
    return []
  }
}
