import { useEffect, useState } from 'react'
import type { LayoutPersona } from '../../../shared/layout'
import { useAppStore } from '../store'

/** The library's personas (for curve colours and legend names), read once per board. */
export function usePersonas(): readonly LayoutPersona[] {
  const api = useAppStore((s) => s.api)
  const showError = useAppStore((s) => s.showError)
  const [personas, setPersonas] = useState<readonly LayoutPersona[]>([])
  useEffect(() => {
    if (!api) return
    let live = true
    api
      .listPersonas({})
      .then((list) => {
        if (live) setPersonas(list.map(({ id, name, color }) => ({ id, name, color })))
      })
      .catch((e: unknown) => showError(e))
    return () => {
      live = false
    }
  }, [api, showError])
  return personas
}
