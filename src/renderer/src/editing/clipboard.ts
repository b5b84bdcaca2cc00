/**
 * Copy and paste of notes, the pure half: what a copy puts on the clipboard (a JSON payload
 * tagged `{"journeyboard":"notes","version":1}`, and the notes' text as plain text), reading back
 * whatever the clipboard holds (our payload, validated with zod, or plain text from elsewhere:
 * one note per line), and planning a paste as addNote calls run as one undo step.
 *
 * A note remembers its cell by the position and title of its stage and lane, so it can land on a
 * map with other ids: pasted into a selected cell, the copied block keeps its shape with its
 * top-left cell there; with nothing selected, each note goes to the stage/lane of the same title,
 * or else of the same position (clamped to the map's size).
 */
import { z } from 'zod'
import type { CommandArgs } from '../../../shared/commands'
import type { JourneyMap, Lane, Note } from '../../../shared/model'
import { LIMITS, NoteSchema } from '../../../shared/schema/entities'
import { t } from '../i18n'
import type { Selection } from '../store/editor'

/** At most this many notes are pasted at once. */
export const MAX_PASTE_NOTES = 500
/** Plain text pasted from elsewhere: at most this many lines (one note each). */
export const MAX_PASTE_LINES = 100

const PositionSchema = z.object({
  /** Among the map's stages (or note-taking lanes), first is 0. */
  index: z.number().int().min(0).max(100_000),
  title: z.string().max(LIMITS.title)
})

const ClipNoteSchema = NoteSchema.pick({
  text: true,
  color: true,
  kind: true,
  channel: true,
  category: true,
  personaIds: true,
  severity: true,
  impact: true,
  effort: true
}).extend({ stage: PositionSchema, lane: PositionSchema })

export const ClipboardPayloadSchema = z.object({
  journeyboard: z.literal('notes'),
  version: z.literal(1),
  notes: z.array(ClipNoteSchema).min(1).max(MAX_PASTE_NOTES)
})

export type ClipNote = z.infer<typeof ClipNoteSchema>
export type ClipboardPayload = z.infer<typeof ClipboardPayloadSchema>

/** A note to paste: from our payload (with its fields and cell), or a line of plain text. */
export type PasteNote = Pick<ClipNote, 'text'> & Partial<ClipNote>

export type ClipboardContent =
  { readonly kind: 'notes' | 'text'; readonly notes: readonly PasteNote[] } | { readonly problem: string }

/** The stages in order, and the lanes that take notes (not the emotion lane) in order. */
function gridOf(map: JourneyMap) {
  const byOrder = <T extends { order: number }>(items: readonly T[]) => [...items].sort((a, b) => a.order - b.order)
  return {
    stages: byOrder(map.stages),
    lanes: byOrder(map.lanes).filter((l: Lane) => l.kind !== 'emotions')
  }
}

/** The selected notes as a clipboard payload, in reading order (lane, stage, then order in the cell). */
export function copyPayload(map: JourneyMap, noteIds: readonly string[]): ClipboardPayload | null {
  const { stages, lanes } = gridOf(map)
  const stageIndex = new Map(stages.map((s, i) => [s.id, i]))
  const laneIndex = new Map(lanes.map((l, i) => [l.id, i]))
  const wanted = new Set(noteIds)
  const notes = map.notes
    .filter((n) => wanted.has(n.id) && stageIndex.has(n.stageId) && laneIndex.has(n.laneId))
    .sort(
      (a, b) =>
        laneIndex.get(a.laneId)! - laneIndex.get(b.laneId)! ||
        stageIndex.get(a.stageId)! - stageIndex.get(b.stageId)! ||
        a.order - b.order
    )
    .slice(0, MAX_PASTE_NOTES)
  if (notes.length === 0) return null
  const position = (index: number, title: string) => ({ index, title })
  return {
    journeyboard: 'notes',
    version: 1,
    notes: notes.map((n: Note) => ({
      text: n.text,
      color: n.color,
      kind: n.kind,
      channel: n.channel,
      category: n.category,
      personaIds: [...n.personaIds],
      severity: n.severity,
      impact: n.impact,
      effort: n.effort,
      stage: position(stageIndex.get(n.stageId)!, stages[stageIndex.get(n.stageId)!]!.title),
      lane: position(laneIndex.get(n.laneId)!, lanes[laneIndex.get(n.laneId)!]!.title)
    }))
  }
}

/** The payload as the notes' text, for other applications: one note per paragraph. */
export const plainTextOf = (payload: ClipboardPayload): string => payload.notes.map((n) => n.text).join('\n')

/** Reads what the clipboard holds: our payload, or plain text (one note per non-empty line). */
export function readClipboardText(text: string): ClipboardContent {
  const trimmed = text.trim()
  if (!trimmed) return { problem: t('interaction.clipboard.empty') }
  if (trimmed.startsWith('{')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(trimmed)
    } catch {
      parsed = undefined
    }
    if (parsed && typeof parsed === 'object' && (parsed as { journeyboard?: unknown }).journeyboard === 'notes') {
      if ((parsed as { version?: unknown }).version !== 1) return { problem: t('interaction.clipboard.newer') }
      const result = ClipboardPayloadSchema.safeParse(parsed)
      if (!result.success) return { problem: t('interaction.clipboard.invalid') }
      return { kind: 'notes', notes: result.data.notes }
    }
  }
  const lines = trimmed
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
  if (lines.length > MAX_PASTE_LINES) {
    return { problem: t('interaction.clipboard.tooManyLines', { lines: lines.length, max: MAX_PASTE_LINES }) }
  }
  if (lines.some((line) => line.length > LIMITS.noteText)) {
    return { problem: t('interaction.clipboard.lineTooLong', { max: LIMITS.noteText }) }
  }
  return { kind: 'text', notes: lines.map((line) => ({ text: line })) }
}

export interface PasteCall {
  readonly name: 'addNote'
  readonly args: CommandArgs<'addNote'>
}

const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value))
const sameTitle = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()

/**
 * Where pasted notes go on `map` given the selection: one addNote per note (each appended to its
 * cell, so notes of one cell keep their order), or a problem in words.
 */
export function planPaste(
  map: JourneyMap,
  selection: Selection,
  notes: readonly PasteNote[]
): { readonly calls: readonly PasteCall[] } | { readonly problem: string } {
  if (notes.length === 0) return { problem: t('interaction.clipboard.empty') }
  if (notes.length > MAX_PASTE_NOTES) return { problem: t('interaction.clipboard.tooMany', { max: MAX_PASTE_NOTES }) }
  const { stages, lanes } = gridOf(map)
  if (stages.length === 0 || lanes.length === 0) return { problem: t('interaction.clipboard.noCell') }

  // The anchor: the selected cell (or the cell of the last selected note), stage or lane.
  let anchorStage: number | undefined
  let anchorLane: number | undefined
  const cell =
    selection.kind === 'cell'
      ? selection
      : selection.kind === 'notes'
        ? map.notes.find((n) => n.id === selection.noteIds.at(-1))
        : undefined
  const stageId = cell?.stageId ?? (selection.kind === 'stage' ? selection.stageId : undefined)
  const laneId = cell?.laneId ?? (selection.kind === 'lane' ? selection.laneId : undefined)
  if (stageId !== undefined) {
    const i = stages.findIndex((s) => s.id === stageId)
    if (i >= 0) anchorStage = i
  }
  if (laneId !== undefined) {
    const i = lanes.findIndex((l) => l.id === laneId)
    if (i < 0 && map.lanes.some((l) => l.id === laneId)) return { problem: t('interaction.clipboard.notHere') }
    if (i >= 0) anchorLane = i
  }

  const minStage = Math.min(...notes.map((n) => n.stage?.index ?? 0))
  const minLane = Math.min(...notes.map((n) => n.lane?.index ?? 0))
  const place = <T extends { id: string; title: string }>(
    list: readonly T[],
    anchor: number | undefined,
    at: { index: number; title: string } | undefined,
    min: number
  ): T => {
    const index = at?.index ?? 0
    if (anchor !== undefined) return list[clamp(anchor + index - min, list.length - 1)]!
    const titled = at && at.title.trim() ? list.find((item) => sameTitle(item.title, at.title)) : undefined
    return titled ?? list[clamp(index, list.length - 1)]!
  }

  const linked = new Set(map.personaIds)
  const calls = notes.map((note): PasteCall => {
    const stage = place(stages, anchorStage, note.stage, minStage)
    const lane = place(lanes, anchorLane, note.lane, minLane)
    const args: CommandArgs<'addNote'> = {
      stageId: stage.id,
      laneId: lane.id,
      text: note.text,
      ...(note.color !== undefined && { color: note.color }),
      ...(note.kind !== undefined && { kind: note.kind }),
      ...(note.channel !== undefined && { channel: note.channel }),
      ...(note.category !== undefined && { category: note.category }),
      ...(note.personaIds !== undefined && { personaIds: note.personaIds.filter((id) => linked.has(id)) }),
      ...(note.severity !== undefined && { severity: note.severity }),
      ...(note.impact !== undefined && { impact: note.impact }),
      ...(note.effort !== undefined && { effort: note.effort })
    } as CommandArgs<'addNote'>
    return { name: 'addNote', args }
  })
  return { calls }
}
