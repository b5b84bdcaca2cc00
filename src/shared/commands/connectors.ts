/** Connectors: labelled arrows between notes, for journeys that do not run left to right. */
import { z } from 'zod'
import { reason } from '../errors'
import { ConnectorSchema, IdSchema } from '../schema/entities'
import { PatchBuilder, defineCommand, invalid, requireRecord } from './core'

const labelArg = ConnectorSchema.shape.label

/** Draws an arrow from one note to another. One arrow per direction between two notes. */
export const connect = defineCommand(
  'connect',
  z
    .object({
      fromNoteId: IdSchema,
      toNoteId: IdSchema,
      label: labelArg.default(''),
      /** The path the arrow belongs to (the one the board shows); left out: every path. */
      pathId: IdSchema.optional()
    })
    .strict(),
  (map, { fromNoteId, toNoteId, label, pathId }, ctx) => {
    if (pathId) requireRecord(map, 'path', pathId)
    requireRecord(map, 'note', fromNoteId)
    requireRecord(map, 'note', toNoteId)
    if (fromNoteId === toNoteId) invalid('A connector needs two different notes.', reason('edit.sameNote'))
    if (map.connectors.some((c) => c.fromNoteId === fromNoteId && c.toNoteId === toNoteId)) {
      invalid('These notes are already connected in this direction.', reason('edit.alreadyConnected'))
    }
    const id = ctx.newId()
    const builder = new PatchBuilder(map)
    builder.put('connector', { id, fromNoteId, toNoteId, label, ...(pathId ? { pathId } : {}) })
    return builder.build([id])
  }
)

export const relabelConnector = defineCommand(
  'relabelConnector',
  z
    .object({
      connectorId: IdSchema,
      label: labelArg.optional(),
      /** The path the arrow belongs to; null: every path. */
      pathId: IdSchema.nullable().optional()
    })
    .strict(),
  (map, { connectorId, label, pathId }) => {
    const connector = requireRecord(map, 'connector', connectorId)
    if (pathId) requireRecord(map, 'path', pathId)
    const { pathId: old, ...rest } = connector
    const path = pathId === undefined ? old : (pathId ?? undefined)
    const builder = new PatchBuilder(map)
    builder.put('connector', { ...rest, label: label ?? connector.label, ...(path ? { pathId: path } : {}) })
    return builder.build()
  }
)

export const disconnect = defineCommand(
  'disconnect',
  z.object({ connectorId: IdSchema }).strict(),
  (map, { connectorId }) => {
    requireRecord(map, 'connector', connectorId)
    const builder = new PatchBuilder(map)
    builder.delete('connector', connectorId)
    return builder.build()
  }
)
