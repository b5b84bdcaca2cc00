/**
 * Finding maps by what is written in them: the title and the text of every note. Matching
 * ignores case and accents ("cafe" finds "Café"), so a workshop's notes in any script can be found
 * however they were typed.
 */
import type { MapSearchHit } from '../../shared/api/contract'
import type { Statements } from '../statements'

/** Characters kept on each side of the match in an excerpt. */
const EXCERPT_CONTEXT = 40

/** Lower case without accents (combining marks), for comparing. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The folded text with, for each of its code units, where it came from in `text`. */
function foldWithOrigins(text: string): { folded: string; origins: number[] } {
  let folded = ''
  const origins: number[] = []
  let at = 0
  for (const ch of text) {
    const f = foldForSearch(ch)
    for (let k = 0; k < f.length; k++) origins.push(at)
    folded += f
    at += ch.length
  }
  origins.push(at)
  return { folded, origins }
}

/** `text` around its first match of `needle` (already folded), with an ellipsis where it was cut. */
export function excerptAround(text: string, needle: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const { folded, origins } = foldWithOrigins(flat)
  const found = folded.indexOf(needle)
  if (found < 0) return flat.slice(0, EXCERPT_CONTEXT * 2)
  const start = origins[found] ?? 0
  const end = origins[found + needle.length] ?? flat.length
  // Cut at word boundaries near the edges, so the excerpt does not begin or end mid-word.
  let from = Math.max(0, start - EXCERPT_CONTEXT)
  if (from > 0) {
    const space = flat.indexOf(' ', from)
    if (space !== -1 && space < start) from = space + 1
  }
  let to = Math.min(flat.length, end + EXCERPT_CONTEXT)
  if (to < flat.length) {
    const space = flat.lastIndexOf(' ', to)
    if (space > end) to = space
  }
  return `${from > 0 ? '…' : ''}${flat.slice(from, to)}${to < flat.length ? '…' : ''}`
}

/**
 * Maps not in the trash whose title or notes contain `query`; most recently edited first. The
 * excerpt comes from the first matching note in reading order (stage, lane, position).
 */
export function searchMaps(statements: Statements, query: string): MapSearchHit[] {
  const needle = foldForSearch(query.replace(/\s+/g, ' ').trim())
  if (needle === '') return []
  const hits = new Map<string, { inTitle: boolean; noteMatches: number; excerpt: string | null }>()
  const maps = statements
    .get('SELECT id, title FROM maps WHERE deleted_at IS NULL ORDER BY updated_at DESC, id')
    .all() as { id: string; title: string }[]
  for (const map of maps) {
    if (foldForSearch(map.title).includes(needle)) hits.set(map.id, { inTitle: true, noteMatches: 0, excerpt: null })
  }
  const notes = statements
    .get(
      `SELECT n.map_id, n.text FROM notes n
         JOIN maps m ON m.id = n.map_id
         JOIN stages s ON s.map_id = n.map_id AND s.id = n.stage_id
         JOIN lanes l ON l.map_id = n.map_id AND l.id = n.lane_id
       WHERE m.deleted_at IS NULL
       ORDER BY n.map_id, s.sort_order, s.id, l.sort_order, l.id, n.sort_order, n.id`
    )
    .iterate() as IterableIterator<{ map_id: string; text: string }>
  for (const note of notes) {
    if (!foldForSearch(note.text).includes(needle)) continue
    const hit = hits.get(note.map_id) ?? { inTitle: false, noteMatches: 0, excerpt: null }
    hit.noteMatches += 1
    hit.excerpt ??= excerptAround(note.text, needle)
    hits.set(note.map_id, hit)
  }
  return maps.flatMap((m) => {
    const hit = hits.get(m.id)
    return hit ? [{ id: m.id, ...hit }] : []
  })
}
