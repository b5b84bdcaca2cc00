/**
 * Applying a merge (src/shared/merge): the patch that turns the map into the merged one, as one
 * named edit, so the editor records it as one undo step like any other command. The merge made
 * the patch; this checks it still fits the map it is applied to (say, after someone else's edit
 * came in) and leaves out what would change nothing.
 */
import { z } from 'zod'
import { reason } from '../errors'
import { checkIntegrity } from '../model/integrity'
import { applyPatch } from '../model/patch'
import { PatchSchema } from '../schema/patch'
import { PatchBuilder, defineCommand, invalid } from './core'

export const applyMerge = defineCommand('applyMerge', z.object({ patch: PatchSchema }).strict(), (map, { patch }) => {
  const builder = new PatchBuilder(map)
  for (const op of patch) {
    if (op.op === 'meta') builder.setMeta(op.set)
    else if (op.op === 'put') builder.put(op.entity, op.value)
    // A record already gone needs no delete.
    else if (builder.current(op.entity, op.id)) builder.delete(op.entity, op.id)
  }
  const out = builder.build()
  // Only what the merge would break counts: the map is the editor's, not the merge's, to judge.
  const known = new Set(checkIntegrity(map, 100).map((i) => `${i.path} ${i.message}`))
  const broken = checkIntegrity(applyPatch(map, out.patch), 100).find((i) => !known.has(`${i.path} ${i.message}`))
  if (broken)
    invalid(
      `The merge no longer fits the map (it changed meanwhile): ${broken.path}: ${broken.message}.`,
      reason('merge.noLongerFits')
    )
  return out
})
