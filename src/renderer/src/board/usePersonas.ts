import { useMemo } from 'react'
import type { LayoutPersona } from '../../../shared/layout'
import { useAppStore } from '../store'

/**
 * The library's personas as the board draws them (curve colours, legend names): the store's, which
 * the map screen reads together with the map (goToMap), so the board's first layout already has
 * them. The same array while their names and colours stay the same: a refresh of the list that
 * changes nothing the board draws does not lay the map out again.
 */
export function usePersonas(): readonly LayoutPersona[] {
  const personas = useAppStore((s) => s.personas)
  const drawn = JSON.stringify(personas.map(({ id, name, color }) => [id, name, color]))
  return useMemo(
    () => (JSON.parse(drawn) as [string, string, string][]).map(([id, name, color]) => ({ id, name, color })),
    [drawn]
  )
}
