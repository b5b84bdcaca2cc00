/** The emotion series a map shows or can show, with names and colours, for menus and the side panel. */
import type { EmotionPoint, JourneyMap } from '../../../shared/model'
import type { SeriesRef } from './gesture'
import { t } from '../i18n'
import type { LinkedPersona } from './note-fields'

export interface SeriesInfo extends SeriesRef {
  readonly key: string
  readonly name: string
  readonly color: string
}

const EVERYONE_COLOR = '#868e96'

/**
 * Every series with a point, then an as-is series for each linked persona without one; the
 * general series first when it has points, or when there is nothing else.
 */
export function seriesOf(map: JourneyMap, personas: readonly LinkedPersona[]): SeriesInfo[] {
  const info = (personaId: string | null, variant: SeriesRef['variant']): SeriesInfo => {
    const persona = personas.find((p) => p.id === personaId)
    const base = personaId === null ? t('board.everyone') : (persona?.name ?? personaId)
    return {
      key: `${personaId ?? 'all'}:${variant}`,
      personaId,
      variant,
      name: variant === 'toBe' ? t('board.toBe', { name: base }) : base,
      color: personaId === null ? EVERYONE_COLOR : (persona?.color ?? EVERYONE_COLOR)
    }
  }
  const rank = (personaId: string | null) => (personaId === null ? -1 : map.personaIds.indexOf(personaId))
  const keys = new Map<string, SeriesInfo>()
  for (const p of map.emotionPoints) {
    const s = info(p.personaId, p.variant)
    if (!keys.has(s.key)) keys.set(s.key, s)
  }
  for (const id of map.personaIds) {
    const s = info(id, 'asIs')
    if (!keys.has(s.key)) keys.set(s.key, s)
  }
  if (keys.size === 0) keys.set('all:asIs', info(null, 'asIs'))
  return [...keys.values()].sort(
    (a, b) => rank(a.personaId) - rank(b.personaId) || (a.variant === b.variant ? 0 : a.variant === 'asIs' ? -1 : 1)
  )
}

/** The point of a series over a stage, if any. */
export const pointOf = (map: JourneyMap, series: SeriesRef, stageId: string): EmotionPoint | undefined =>
  map.emotionPoints.find(
    (p) => p.personaId === series.personaId && p.variant === series.variant && p.stageId === stageId
  )

/** The scores a point can take: every whole number of the scale. */
export function scaleScores(map: JourneyMap): number[] {
  const { min, max } = map.emotionScale.max > map.emotionScale.min ? map.emotionScale : { min: -2, max: 2 }
  const out: number[] = []
  for (let s = Math.ceil(min); s <= max; s++) out.push(s)
  return out
}
