/**
 * Every edit of a map is a named command: a pure function (map, args, ctx) → { patch, inverse }.
 * The renderer applies the patch to its store at once, keeps the inverse for undo, and sends the
 * patch to the library. Arguments are validated with zod and against the map; anything that
 * does not fit throws JourneyError('invalid_request') with a sentence a person can read.
 */
import type { z } from 'zod'
import { JourneyError } from '../errors'
import type { JourneyMap } from '../model'
import type { Command, CommandContext, CommandResult, DeepReadonly } from './core'
import { addComment, deleteComment, editComment, setNoteImage } from './comments'
import { connect, disconnect, relabelConnector } from './connectors'
import { addMarker, editMarker, removeEmotionPoint, removeMarker, setEmotionPoint } from './curve'
import { addLane, collapseLane, deleteLane, moveLane, renameLane, resizeLane } from './lanes'
import { applyMerge } from './merge'
import { setMapMeta } from './meta'
import { removeKpiValue, setKpiValue } from './kpi-values'
import { removeMetric, setMetric } from './metrics'
import { addPath, editPath, removePath } from './paths'
import { addNote, deleteNotes, duplicateNotes, editNote, moveNote } from './notes'
import { addStage, collapseStage, deleteStage, moveStage, renameStage, resizeStage } from './stages'

export type { Command, CommandContext, CommandResult } from './core'
export { NOTE_COLORS, NOTE_KIND_FOR_LANE, defaultLaneHeight } from './defaults'
export { orderBetween, ordersForInsert, sequenceOrders, type Ordered } from './order'
// Each command module exports its commands and a lookup helper or two; all are public.
export * from './notes'
export * from './stages'
export * from './lanes'
export * from './curve'
export * from './connectors'
export * from './metrics'
export * from './kpi-values'
export * from './paths'
export * from './meta'
export * from './merge'
export * from './comments'

/** Every command by name. */
export const commands = {
  addNote,
  editNote,
  addComment,
  editComment,
  deleteComment,
  setNoteImage,
  moveNote,
  deleteNotes,
  duplicateNotes,
  addStage,
  renameStage,
  moveStage,
  resizeStage,
  collapseStage,
  deleteStage,
  addLane,
  renameLane,
  moveLane,
  resizeLane,
  collapseLane,
  deleteLane,
  setEmotionPoint,
  removeEmotionPoint,
  addMarker,
  editMarker,
  removeMarker,
  connect,
  relabelConnector,
  disconnect,
  setMetric,
  removeMetric,
  setKpiValue,
  removeKpiValue,
  addPath,
  editPath,
  removePath,
  setMapMeta,
  applyMerge
} as const

export type CommandName = keyof typeof commands
/** The arguments a command takes, as a caller writes them (defaults may be left out). */
export type CommandArgs<N extends CommandName> =
  (typeof commands)[N] extends Command<N, infer S> ? DeepReadonly<z.input<S>> : never

export const COMMAND_NAMES = Object.keys(commands) as CommandName[]

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name)
}

/**
 * Runs a command by name, for callers that hold the name as data (menus, shortcuts, a remote
 * participant). Unknown names and bad arguments throw JourneyError('invalid_request').
 */
export function runCommand(name: string, map: JourneyMap, args: unknown, ctx: CommandContext): CommandResult {
  if (!isCommandName(name)) {
    throw new JourneyError('invalid_request', `There is no command named ${JSON.stringify(name).slice(0, 80)}.`)
  }
  return (commands[name] as Command)(map, args as never, ctx)
}
