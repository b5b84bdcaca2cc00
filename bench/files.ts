/**
 * Maps as files, on the 2,000-note map of bench/fixtures.ts (median of five runs each):
 * - files.document_2k_bytes / files.embedded_2k_bytes: the .journeymap document, and what it adds
 *   to a PNG once compressed (the iTXt chunk; the PDF and SVG carry the same zlib stream);
 * - files.embed_2k_ms: serializing the document with its lineage and embedding it in a PNG;
 * - files.read_2k_ms: finding it in that PNG again and parsing it (what Open… does first);
 * - files.merge_2k_ms: planning and resolving the merge of two copies, each with 200 edits
 *   (text, moves, deletions, new notes) and 20 notes changed on both sides.
 */
import { encode } from 'fast-png'
import { chooseAll, planMerge, resolveMerge } from '../src/shared/merge'
import { embedInPng } from '../src/shared/export/embed/png'
import { readImportFile } from '../src/shared/export/import-file'
import { serializeMapDocument } from '../src/shared/format/document'
import { parseInterchange } from '../src/shared/format/interchange'
import { lineageOf } from '../src/shared/format/lineage'
import type { JourneyMap, Note } from '../src/shared/model'
import { canonicalize } from '../src/shared/model/patch'
import { BENCH_PERSONAS, buildLargeMap } from './fixtures'
import { median, round } from './stats'

const RUNS = 5

function time(fn: () => void): number {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    fn()
    times.push(performance.now() - started)
  }
  return round(median(times), 1)
}

/** A copy of `map` with 200 edits of its own, plus the 20 notes both copies change. */
function editedCopy(map: JourneyMap, side: 'a' | 'b'): JourneyMap {
  const notes = new Map(map.notes.map((n) => [n.id, n]))
  const ids = [...notes.keys()]
  const offset = side === 'a' ? 0 : 1000
  for (let i = 0; i < 200; i++) {
    const note = notes.get(ids[offset + i * 4]!)!
    if (i % 4 === 0) notes.delete(note.id)
    else if (i % 4 === 1) notes.set(note.id, { ...note, order: note.order + 0.5 })
    else notes.set(note.id, { ...note, text: `${note.text} (${side})` })
  }
  for (let i = 0; i < 20; i++) {
    const note = notes.get(ids[3 + i * 50]!)
    if (note) notes.set(note.id, { ...note, text: `both changed (${side})` })
  }
  const extra: Note[] = Array.from({ length: 50 }, (_, i) => ({
    ...map.notes[i]!,
    id: `${side}new${i}`,
    order: 1000 + i
  }))
  return canonicalize({ ...map, notes: [...notes.values(), ...extra] })
}

export async function runFilesBench(): Promise<Record<string, number>> {
  const map = buildLargeMap(2000)
  const lineage = lineageOf(map, [])
  const document = serializeMapDocument(map, BENCH_PERSONAS, lineage)
  const png = encode({ width: 4, height: 4, data: new Uint8Array(64).fill(255), channels: 4 })
  let embedded = png
  const embedMs = time(() => {
    embedded = embedInPng(png, serializeMapDocument(map, BENCH_PERSONAS, lineageOf(map, [])))
  })
  const readMs = time(() => {
    parseInterchange(readImportFile(embedded).text)
  })
  const a = editedCopy(map, 'a')
  const b = editedCopy(map, 'b')
  let conflicts = 0
  const mergeMs = time(() => {
    const plan = planMerge(map, a, b)
    conflicts = plan.conflicts.length
    resolveMerge(plan, chooseAll(plan, 'incoming'))
  })
  return {
    'files.document_2k_bytes': new TextEncoder().encode(document).length,
    'files.embedded_2k_bytes': embedded.length - png.length,
    'files.embed_2k_ms': embedMs,
    'files.read_2k_ms': readMs,
    'files.merge_2k_ms': mergeMs,
    'files.merge_2k_conflicts': conflicts
  }
}
