/**
 * Find on the board: which notes, stages, lanes and personas a query matches, in board order
 * (stage by stage, lane by lane), with the board rectangle the camera should show for each.
 * Matching ignores case and accents in any script: both sides are folded (NFKD, combining marks
 * removed, lower-cased), so "ОНБОРДИНГ" finds "онбординг", "cafe" finds "café" and Thai text is
 * found whatever its tone marks. Pure: runs in Node tests.
 */
import type { Rect, Scene } from '../../../shared/layout'
import type { JourneyMap } from '../../../shared/model'

export type FindHit =
  | { readonly kind: 'note'; readonly id: string; readonly rect: Rect }
  | { readonly kind: 'stage'; readonly id: string; readonly rect: Rect }
  | { readonly kind: 'lane'; readonly id: string; readonly rect: Rect }

/** Text folded for matching: no case, no accents or other combining marks, compatibility forms unified. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC')
}

/** Persona names by id, for notes tagged with a persona. */
export type PersonaNames = ReadonlyMap<string, string>

/** Every hit of `query` on the board, in reading order; none for a blank query. */
export function findOnBoard(
  map: JourneyMap,
  scene: Scene,
  query: string,
  personas: PersonaNames = new Map()
): FindHit[] {
  const needle = foldText(query.trim())
  if (!needle) return []
  const matches = (...texts: (string | null | undefined)[]) => texts.some((t) => !!t && foldText(t).includes(needle))
  const hits: FindHit[] = []
  const stageOrder = new Map([...map.stages].sort((a, b) => a.order - b.order).map((s, i) => [s.id, i]))
  const laneOrder = new Map([...map.lanes].sort((a, b) => a.order - b.order).map((l, i) => [l.id, i]))

  for (const header of scene.stageHeaders) {
    const stage = map.stages.find((s) => s.id === header.id)
    if (stage && matches(stage.title, stage.prompt)) hits.push({ kind: 'stage', id: stage.id, rect: header })
  }
  for (const header of scene.laneHeaders) {
    const lane = map.lanes.find((l) => l.id === header.id)
    if (lane && matches(lane.title, lane.prompt)) hits.push({ kind: 'lane', id: lane.id, rect: header })
  }
  const notesById = new Map(map.notes.map((n) => [n.id, n]))
  const noteHits = scene.notes
    .filter((item) => {
      const note = notesById.get(item.id)
      if (!note) return false
      return matches(note.text, ...note.personaIds.map((id) => personas.get(id)))
    })
    .map((item) => ({ item, note: notesById.get(item.id)! }))
    .sort(
      (a, b) =>
        (stageOrder.get(a.note.stageId) ?? 0) - (stageOrder.get(b.note.stageId) ?? 0) ||
        (laneOrder.get(a.note.laneId) ?? 0) - (laneOrder.get(b.note.laneId) ?? 0) ||
        a.item.y - b.item.y
    )
  for (const { item } of noteHits) hits.push({ kind: 'note', id: item.id, rect: item })
  return hits
}

/** The hit after (or before) `current`, wrapping around. */
export function stepHit(count: number, current: number, direction: 1 | -1): number {
  if (count === 0) return -1
  return (((current + direction) % count) + count) % count
}
