/** Maps the journeys tests start from. */
import { readFileSync } from 'node:fs'
import type { JourneyMap } from '../../../src/shared/model'
import type { ApiSocket } from './board-page'

/**
 * docs/examples/two-paths.json (two paths and a loop, titled "Trial or demo"), imported; its trial
 * conversion was on target (26 %, target 25 %) at the "October review" snapshot and has fallen to
 * 18 % since, so the review lists it as turned red.
 */
export async function importTwoPathsReviewed(api: ApiSocket): Promise<JourneyMap> {
  const imported = await api.call('importMap', { text: readFileSync('docs/examples/two-paths.json', 'utf8') })
  const conversion = imported.metrics.find((m) => m.id === 'kConv')!
  const setConversion = (value: number) =>
    api.call('applyPatch', {
      mapId: imported.id,
      patch: [{ op: 'put', entity: 'metric', value: { ...conversion, value } }]
    })
  await setConversion(26)
  await api.call('createSnapshot', { mapId: imported.id, name: 'October review' })
  await setConversion(18)
  return imported
}
