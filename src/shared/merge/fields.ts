/**
 * The per-record step of the map merge: the editing engine's three-way field merge
 * (src/shared/sync/merge.ts), the one rule every part of Journeyboard uses when two people
 * changed the same record: the host merging a push, a client carrying its edits over, undo over
 * someone else's change, and merging two copies of a map. For a file, `theirs` is the library's
 * map (what is stored) and `mine` the file's (what comes in): a field changed on one side takes
 * that change, changed on both to different values it is listed as a conflict for the user.
 */
export { mergeFields, type FieldMerge, type Fields } from '../sync/merge'
