/**
 * The persona library: stored once, linked to maps by id. Deleting a persona that a map links
 * is refused by the library (it would take emotion curves out of maps); `deletePersona` says
 * which maps so the user can unlink it there, where unlinking is an edit with undo.
 */
import type { StateCreator } from 'zustand'
import { JourneyError } from '../../../shared/errors'
import type { Persona } from '../../../shared/model'
import type { AppState } from './index'

/** A map that links a persona, as the home screen knows it. */
export interface LinkingMap {
  readonly id: string
  readonly title: string
  readonly trashed: boolean
}

export type DeletePersonaOutcome =
  | { readonly kind: 'deleted' }
  | { readonly kind: 'linked'; readonly maps: readonly LinkingMap[]; readonly message: string }
  | { readonly kind: 'failed' }

export interface PersonasSlice {
  personas: readonly Persona[]
  personasLoaded: boolean
  refreshPersonas(): Promise<void>
  /** Creates or updates; the stored persona, or null when the library refused (the reason is shown). */
  savePersona(persona: Persona): Promise<Persona | null>
  deletePersona(id: string): Promise<DeletePersonaOutcome>
}

/** Maps (trashed ones too) that link the persona, from the lists the home screen holds. */
export function mapsLinking(state: Pick<AppState, 'maps' | 'trash'>, personaId: string): LinkingMap[] {
  return [
    ...state.maps
      .filter((m) => m.personaIds.includes(personaId))
      .map((m) => ({ id: m.id, title: m.title, trashed: false })),
    ...state.trash
      .filter((m) => m.personaIds.includes(personaId))
      .map((m) => ({ id: m.id, title: m.title, trashed: true }))
  ]
}

export const createPersonasSlice: StateCreator<AppState, [], [], PersonasSlice> = (set, get) => ({
  personas: [],
  personasLoaded: false,
  async refreshPersonas() {
    const api = get().api
    if (!api) return
    try {
      set({ personas: await api.listPersonas({}), personasLoaded: true })
    } catch (e) {
      get().showError(e)
    }
  },
  async savePersona(persona) {
    const api = get().api
    if (!api) return null
    try {
      const stored = await api.savePersona({ persona })
      await get().refreshPersonas()
      return stored
    } catch (e) {
      get().showError(e)
      return null
    }
  },
  async deletePersona(id) {
    const api = get().api
    if (!api) return { kind: 'failed' }
    try {
      await api.deletePersona({ id })
      await get().refreshPersonas()
      return { kind: 'deleted' }
    } catch (e) {
      if (e instanceof JourneyError && e.code === 'conflict') {
        // The library has the last word; read the lists again so the maps named are current.
        await Promise.all([get().refreshMaps(), get().refreshTrash()])
        return { kind: 'linked', maps: mapsLinking(get(), id), message: e.message }
      }
      get().showError(e)
      return { kind: 'failed' }
    }
  }
})
