/** Connectors: labelled arrows between notes, for journeys that do not run left to right. */
import { z } from 'zod'
import { reason } from '../errors'
import { ConnectorSchema, IdSchema } from '../schema/entities'
import { PatchBuilder, defineCommand, invalid, requireRecord } from './core'

const labelArg = ConnectorSchema.shape.label

/** Draws an arrow from one note to another. One arrow per direction between two notes. */
export const connect = defineCommand(
  'connect',
  z.object({ fromNoteId: IdSchema, toNoteId: IdSchema, label: labelArg.default('') }).strict(),
  (map, { fromNoteId, toNoteId, label }, ctx) => {
    requireRecord(map, 'note', fromNoteId)
    requireRecord(map, 'note', toNoteId)
    if (fromNoteId === toNoteId) invalid('A connector needs two different notes.', reason('edit.sameNote'))
    if (map.connectors.some((c) => c.fromNoteId === fromNoteId && c.toNoteId === toNoteId)) {
      invalid('These notes are already connected in this direction.', reason('edit.alreadyConnected'))
    }
    const id = ctx.newId()
    const builder = new PatchBuilder(map)
    builder.put('connector', { id, fromNoteId, toNoteId, label })
    return builder.build([id])
  }
)

export const relabelConnector = defineCommand(
  'relabelConnector',
  z.object({ connectorId: IdSchema, label: labelArg }).strict(),
  (map, { connectorId, label }) => {
    const connector = requireRecord(map, 'connector', connectorId)
    const builder = new PatchBuilder(map)
    builder.put('connector', { ...connector, label })
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
