/**
 * The `.journeymap` document: one map as a file of its own, the way Save map as… writes it and
 * Open… reads it. It is the JSON interchange file (./interchange.ts) with the file's lineage
 * (./lineage.ts), pretty-printed with keys in schema order and every collection in canonical
 * order, so it diffs well under version control. `exportedAt` is the map's last change, not
 * the moment of saving: saving an unchanged map gives the same bytes. The maps embedded in PDF,
 * PNG and SVG exports are this same document.
 */
import type { JourneyMap, Persona } from '../model'
import { serializeInterchange } from './interchange'
import type { Lineage } from './lineage'

export const MAP_DOCUMENT_EXTENSION = 'journeymap'
export const MAP_DOCUMENT_MEDIA_TYPE = 'application/vnd.journeyboard.map+json'

/** The document's text; `personas` must hold every persona the map refers to. */
export function serializeMapDocument(map: JourneyMap, personas: readonly Persona[], lineage: Lineage): string {
  return serializeInterchange(map, personas, map.updatedAt, lineage)
}
