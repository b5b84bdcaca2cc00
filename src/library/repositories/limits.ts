/**
 * How many records of each kind one map may hold (LIMITS), checked in the transaction of a patch
 * that adds records, before it commits. Imports and files are held to the same limits by the
 * schema (JourneyMapSchema); this covers edits, which only ever see a few records at a time.
 */
import { JourneyError, reason } from '../../shared/errors'
import { ENTITY_COLLECTIONS, type EntityKind } from '../../shared/model'
import { COUNT_LIMITS, tooManyMessage } from '../../shared/schema/entities'
import type { Statements } from '../statements'
import { TABLES } from './rows'

/**
 * Refuses the patch when a kind it added records to is now over its limit. `added` maps each
 * such kind to the path of the first op that added one (e.g. `patch[3]`), for the issue. Counting stops
 * one past the limit, so a full map costs a bounded scan.
 */
export function checkCountLimits(statements: Statements, mapId: string, added: ReadonlyMap<EntityKind, string>): void {
  for (const [kind, path] of added) {
    const { max, what } = COUNT_LIMITS[ENTITY_COLLECTIONS[kind]]
    const count = statements
      .get(`SELECT count(*) FROM (SELECT 1 FROM ${TABLES[kind].table} WHERE map_id = ? LIMIT ?)`)
      .pluck()
      .get(mapId, max + 1) as number
    if (count > max) {
      const message = tooManyMessage(max, what)
      const why = reason('edit.tooMany', { max, what: ENTITY_COLLECTIONS[kind] })
      throw new JourneyError(
        'invalid_request',
        `The edit is not valid: ${message}.`,
        [{ path, message, reason: why }],
        why
      )
    }
  }
}
