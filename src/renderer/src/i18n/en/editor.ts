/** Editing core messages: the save indicator, undo/redo, edits that could not be carried over. */
import type { CommandName } from '../../../../shared/commands'

/** What each command is called in Edit ▸ Undo and in messages; every command must have one. */
const commandNames = {
  'editor.command.addNote': 'Add note',
  'editor.command.editNote': 'Edit note',
  'editor.command.moveNote': 'Move note',
  'editor.command.deleteNotes': 'Delete notes',
  'editor.command.duplicateNotes': 'Duplicate notes',
  'editor.command.addStage': 'Add stage',
  'editor.command.renameStage': 'Rename stage',
  'editor.command.moveStage': 'Move stage',
  'editor.command.resizeStage': 'Resize stage',
  'editor.command.collapseStage': 'Collapse stage',
  'editor.command.deleteStage': 'Delete stage',
  'editor.command.addLane': 'Add lane',
  'editor.command.renameLane': 'Rename lane',
  'editor.command.moveLane': 'Move lane',
  'editor.command.resizeLane': 'Resize lane',
  'editor.command.collapseLane': 'Collapse lane',
  'editor.command.deleteLane': 'Delete lane',
  'editor.command.setEmotionPoint': 'Set emotion',
  'editor.command.removeEmotionPoint': 'Remove emotion point',
  'editor.command.addMarker': 'Add pain point',
  'editor.command.editMarker': 'Edit pain point',
  'editor.command.removeMarker': 'Remove pain point',
  'editor.command.connect': 'Connect notes',
  'editor.command.relabelConnector': 'Relabel connector',
  'editor.command.disconnect': 'Remove connector',
  'editor.command.setMetric': 'Set KPI',
  'editor.command.removeMetric': 'Remove KPI',
  'editor.command.setMapMeta': 'Edit map details',
  'editor.command.applyMerge': 'Merge'
} as const satisfies Record<`editor.command.${CommandName}`, string>

export const editor = {
  'editor.save.saved': 'Saved',
  'editor.save.saving': 'Saving…',
  'editor.save.failed': 'Not saved — {reason}',
  'editor.save.retry': 'Retry',
  'editor.undo': 'Undo {edit}',
  'editor.redo': 'Redo {edit}',
  'editor.undoFailed': 'Could not undo “{edit}”: {reason}',
  'editor.redoFailed': 'Could not redo “{edit}”: {reason}',
  'editor.editDropped':
    'Your edit “{edit}” could not be applied on top of the changes made elsewhere, so it was not saved: {reason}',
  'editor.reason.deletedElsewhere': 'a {entity} it changes was deleted elsewhere.',
  'editor.reason.brokenReference': 'something it needs was deleted elsewhere ({detail}).',
  'editor.reason.unknown': 'the library gave no reason. Your edits are kept; try again.',
  'editor.entity.stage': 'stage',
  'editor.entity.lane': 'lane',
  'editor.entity.note': 'note',
  'editor.entity.emotionPoint': 'emotion point',
  'editor.entity.marker': 'pain point',
  'editor.entity.connector': 'connector',
  'editor.entity.metric': 'KPI',
  ...commandNames
} as const
