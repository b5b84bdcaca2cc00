/** Sticky notes: add, edit, move, delete, duplicate. */
import { z } from 'zod'
import type { JourneyMap, Note } from '../model'
import { EvidenceSchema, IdSchema, NoteSchema } from '../schema/entities'
import { indexArg } from './args'
import { deleteNotesWithAttachments } from './cascade'
import { PatchBuilder, defineCommand, definedOnly, requireLinkedPersonas, requireRecord } from './core'
import { NOTE_COLORS, NOTE_KIND_FOR_LANE } from './defaults'
import { byOrderThenId, ordersForInsert, sequenceOrders } from './order'

const noteFields = NoteSchema.pick({
  text: true,
  color: true,
  kind: true,
  channel: true,
  category: true,
  personaIds: true,
  severity: true,
  impact: true,
  effort: true,
  votes: true
}).shape

/** The notes of one cell, first to last. */
export function cellNotes(map: JourneyMap, stageId: string, laneId: string): Note[] {
  return map.notes.filter((n) => n.stageId === stageId && n.laneId === laneId).sort(byOrderThenId)
}

const noteIdList = z
  .array(IdSchema)
  .min(1, 'name at least one note')
  .max(10_000)
  .transform((ids) => [...new Set(ids)])

/** The notes with these ids, or an error naming the first one that is missing. */
function requireNotes(map: JourneyMap, noteIds: readonly string[]): Note[] {
  const byId = new Map(map.notes.map((n) => [n.id, n]))
  return noteIds.map((id) => byId.get(id) ?? requireRecord(map, 'note', id))
}

/** Adds a note to a cell, at `index` or at the end. Kind and colour default from the lane. */
export const addNote = defineCommand(
  'addNote',
  z
    .object({
      stageId: IdSchema,
      laneId: IdSchema,
      index: indexArg.optional(),
      text: noteFields.text.default(''),
      color: noteFields.color.optional(),
      kind: noteFields.kind.optional(),
      channel: noteFields.channel.default(null),
      category: noteFields.category.default(null),
      personaIds: noteFields.personaIds.default([]),
      severity: noteFields.severity.default(null),
      impact: noteFields.impact.default(null),
      effort: noteFields.effort.default(null),
      votes: noteFields.votes.default(0)
    })
    .strict(),
  (map, { stageId, laneId, index, color, kind, ...fields }, ctx) => {
    requireRecord(map, 'stage', stageId)
    const lane = requireRecord(map, 'lane', laneId)
    requireLinkedPersonas(map, fields.personaIds)
    const noteKind = kind ?? NOTE_KIND_FOR_LANE[lane.kind]
    const id = ctx.newId()
    const siblings = cellNotes(map, stageId, laneId)
    const orders = ordersForInsert(siblings, index, id)
    const builder = new PatchBuilder(map)
    builder.reorder('note', siblings, orders)
    builder.put('note', {
      id,
      stageId,
      laneId,
      order: orders.get(id) as number,
      color: color ?? NOTE_COLORS[noteKind],
      kind: noteKind,
      ...fields
    })
    return builder.build([id])
  }
)

/** Changes what is on a note; fields left out stay as they are. */
export const editNote = defineCommand(
  'editNote',
  z
    .object({ noteId: IdSchema })
    .extend(noteFields)
    .extend({
      /** null takes the note off its path (it then belongs to every path). */
      pathId: IdSchema.nullable(),
      /** null clears the evidence. */
      evidence: EvidenceSchema.nullable()
    })
    .partial()
    .required({ noteId: true })
    .strict(),
  (map, { noteId, pathId, evidence, ...changes }) => {
    const note = requireRecord(map, 'note', noteId)
    if (changes.personaIds) requireLinkedPersonas(map, changes.personaIds)
    if (pathId) requireRecord(map, 'path', pathId)
    const { pathId: oldPath, evidence: oldEvidence, ...rest } = { ...note, ...definedOnly(changes) }
    const path = pathId === undefined ? oldPath : (pathId ?? undefined)
    const proof = evidence === undefined ? oldEvidence : (evidence ?? undefined)
    const builder = new PatchBuilder(map)
    builder.put('note', { ...rest, ...(path ? { pathId: path } : {}), ...(proof ? { evidence: proof } : {}) })
    return builder.build()
  }
)

/**
 * Moves a note to a cell and position (index among the other notes of that cell). One drag is
 * one command; markers and connectors follow the note because they refer to it by id.
 */
export const moveNote = defineCommand(
  'moveNote',
  z.object({ noteId: IdSchema, stageId: IdSchema, laneId: IdSchema, index: indexArg }).strict(),
  (map, { noteId, stageId, laneId, index }) => {
    const note = requireRecord(map, 'note', noteId)
    requireRecord(map, 'stage', stageId)
    requireRecord(map, 'lane', laneId)
    const siblings = cellNotes(map, stageId, laneId).filter((n) => n.id !== noteId)
    const builder = new PatchBuilder(map)
    const sameCell = note.stageId === stageId && note.laneId === laneId
    const currentIndex = cellNotes(map, stageId, laneId).findIndex((n) => n.id === noteId)
    if (sameCell && Math.min(index, siblings.length) === currentIndex) return builder.build()
    const orders = ordersForInsert(siblings, index, noteId)
    builder.reorder('note', siblings, orders)
    builder.put('note', { ...note, stageId, laneId, order: orders.get(noteId) ?? note.order })
    return builder.build()
  }
)

/** Deletes notes with the markers pinned to them and the connectors touching them. */
export const deleteNotes = defineCommand(
  'deleteNotes',
  z.object({ noteIds: noteIdList }).strict(),
  (map, { noteIds }) => {
    requireNotes(map, noteIds)
    const builder = new PatchBuilder(map)
    deleteNotesWithAttachments(builder, map, new Set(noteIds))
    return builder.build()
  }
)

/**
 * Copies notes, each placed right after its original in the same cell. Copies start without
 * votes, markers or connectors: those belong to the workshop's judgement of the original.
 */
export const duplicateNotes = defineCommand(
  'duplicateNotes',
  z.object({ noteIds: noteIdList }).strict(),
  (map, { noteIds }, ctx) => {
    const originals = requireNotes(map, noteIds)
    const copyOf = new Map(originals.map((n) => [n.id, ctx.newId()]))
    const builder = new PatchBuilder(map)
    const cells = new Set(originals.map((n) => `${n.stageId}\u0000${n.laneId}`))
    for (const cell of cells) {
      const [stageId, laneId] = cell.split('\u0000') as [string, string]
      const siblings = cellNotes(map, stageId, laneId)
      const sequence = siblings.flatMap((n) => {
        const copyId = copyOf.get(n.id)
        return copyId ? [n.id, copyId] : [n.id]
      })
      const orders = sequenceOrders(siblings, sequence)
      builder.reorder('note', siblings, orders)
      for (const original of siblings) {
        const copyId = copyOf.get(original.id)
        if (copyId) builder.put('note', { ...original, id: copyId, order: orders.get(copyId) as number, votes: 0 })
      }
    }
    return builder.build([...copyOf.values()])
  }
)
