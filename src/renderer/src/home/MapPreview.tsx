/** A map in miniature: one column per stage, filled as far as the stage holds notes. */
import type { MapSummary } from '../../../shared/api/contract'

/** Most stages drawn; a longer map is summed into this many columns. */
const MAX_COLUMNS = 16

export function MapPreview({ map }: { map: Pick<MapSummary, 'notesPerStage'> }) {
  const counts = columnsOf(map.notesPerStage)
  const most = Math.max(1, ...counts)
  return (
    <div className="map-preview" aria-hidden="true">
      {counts.length === 0 ? (
        <span className="preview-empty" />
      ) : (
        counts.map((count, i) => (
          <span key={i} className="preview-column">
            <span className={`preview-fill${count === 0 ? ' none' : ''}`} style={{ height: `${fill(count, most)}%` }} />
          </span>
        ))
      )}
    </div>
  )
}

/** Height of a column in percent: a little for an empty stage, full for the busiest one. */
function fill(count: number, most: number): number {
  return count === 0 ? 6 : 18 + Math.round((82 * count) / most)
}

function columnsOf(perStage: readonly number[]): number[] {
  if (perStage.length <= MAX_COLUMNS) return [...perStage]
  const size = Math.ceil(perStage.length / MAX_COLUMNS)
  const out: number[] = []
  for (let i = 0; i < perStage.length; i += size) out.push(perStage.slice(i, i + size).reduce((a, b) => a + b, 0))
  return out
}
