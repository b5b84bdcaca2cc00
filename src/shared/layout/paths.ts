/** How paths show on the board: faded records of other paths, the emotion points a path sees. */
import type { EmotionPoint, JourneyMap } from '../model'

/** A colour washed towards the board background (a record of another path). */
export function faded(color: string): string {
  const hex = color.replace('#', '')
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex
  const mix = (i: number) => Math.round(parseInt(full.slice(i, i + 2), 16) * 0.3 + 0xf1 * 0.7)
  return `#${[0, 2, 4].map((i) => mix(i).toString(16).padStart(2, '0')).join('')}`
}

export const FADED_INK = '#a4aab5'

/** Whether a record tagged `pathId` is of another path than the one shown. */
export const otherPath = (focus: string | null, pathId: string | undefined): boolean =>
  focus !== null && pathId !== undefined && pathId !== focus

/**
 * The emotion points drawn: the shared series (points without a path); with a path shown, its
 * own point replaces the shared one of the same series and stage.
 */
export function pointsForPath(points: readonly EmotionPoint[], focus: string | null): EmotionPoint[] {
  const key = (p: EmotionPoint) => `${p.personaId ?? ''}|${p.variant}|${p.stageId}`
  const own = new Map<string, EmotionPoint>()
  if (focus !== null) for (const p of points) if (p.pathId === focus) own.set(key(p), p)
  const out: EmotionPoint[] = []
  for (const p of points) {
    if (p.pathId !== undefined) continue
    out.push(own.get(key(p)) ?? p)
    own.delete(key(p))
  }
  out.push(...own.values())
  return out
}

/** The path shown, when it is one of the map's. */
export const focusedPath = (map: JourneyMap, focus: string | null | undefined) =>
  focus ? (map.paths.find((p) => p.id === focus) ?? null) : null
