/**
 * Merging two copies of a map that were edited apart, against their common ancestor: the rules
 * and the plan (./plan.ts), the user's choices and the merged map (./resolve.ts), and the
 * per-record field merge they rest on (./fields.ts). docs/merging.md states the rules for users.
 */
export { mergeFields, type FieldMerge, type Fields } from './fields'
export {
  UNIQUE_KEYS,
  placesOf,
  planMerge,
  type DeletedRecord,
  type DeletionConflict,
  type DependentRecord,
  type DuplicateConflict,
  type FieldConflict,
  type MergeConflict,
  type MergePlan,
  type MergeSide
} from './plan'
export { MERGE_KINDS, referencesOf, referredKind, type MergeKind, type Rec } from './records'
export { chooseAll, patchBetween, resolveMerge, type MergeChoices, type MergeResult } from './resolve'
