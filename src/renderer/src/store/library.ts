/**
 * The library as the home screen shows it: the maps, the trash, and which part of home is open.
 * Every action goes through JourneyApi and reads the lists again afterwards; a failure is shown
 * with showError and changes nothing here.
 */
import { getLanguage } from '../i18n'
import type { StateCreator } from 'zustand'
import type { MapSummary, TrashedMap } from '../../../shared/api/contract'
import type { JourneyMap, TemplateId } from '../../../shared/model'
import type { AppState } from './index'

/** The parts of the home screen. */
export type HomeView = 'maps' | 'personas' | 'trash'

export interface LibrarySlice {
  maps: readonly MapSummary[]
  mapsLoaded: boolean
  trash: readonly TrashedMap[]
  trashLoaded: boolean
  homeView: HomeView
  /** Goes to a part of the home screen (from the map screen too: "Manage personas…"). */
  showHome(view: HomeView): void
  /** Reads the maps again (after any library event), and the trash or personas when they are on screen. */
  refreshMaps(): Promise<void>
  refreshTrash(): Promise<void>
  createMap(template: TemplateId, title: string): Promise<JourneyMap | null>
  /** Renames through the same patch an edit on the board would send; false when refused. */
  renameMap(id: string, title: string): Promise<boolean>
  duplicateMap(id: string): Promise<JourneyMap | null>
  trashMap(id: string): Promise<boolean>
  restoreMap(id: string): Promise<void>
  /** Deletes every trashed map for good; the number removed, or null when it failed. */
  emptyTrash(): Promise<number | null>
}

export const createLibrarySlice: StateCreator<AppState, [], [], LibrarySlice> = (set, get) => {
  /** Runs an API call, showing its error; undefined when it failed or there is no connection yet. */
  const attempt = async <T>(call: (api: NonNullable<AppState['api']>) => Promise<T>): Promise<T | undefined> => {
    const api = get().api
    if (!api) return undefined
    try {
      return await call(api)
    } catch (e) {
      get().showError(e)
      return undefined
    }
  }
  return {
    maps: [],
    mapsLoaded: false,
    trash: [],
    trashLoaded: false,
    homeView: 'maps',
    showHome(view) {
      get().goHome()
      set({ homeView: view })
    },
    async refreshMaps() {
      const maps = await attempt((api) => api.listMaps({}))
      if (maps) set({ maps, mapsLoaded: true })
      // The list on screen follows changes made elsewhere; the others are read when shown.
      const { route, homeView } = get()
      if (route.name === 'home' && homeView === 'trash') await get().refreshTrash()
      if (route.name === 'home' && homeView === 'personas') await get().refreshPersonas()
    },
    async refreshTrash() {
      const trash = await attempt((api) => api.listTrash({}))
      if (trash) set({ trash, trashLoaded: true })
    },
    async createMap(template, title) {
      const map = await attempt((api) => api.createMap({ template, title, language: getLanguage() }))
      if (map) await get().refreshMaps()
      return map ?? null
    },
    async renameMap(id, title) {
      const done = await attempt((api) =>
        api.applyPatch({ mapId: id, patch: [{ op: 'meta', set: { title: title.trim() } }] })
      )
      if (done) await get().refreshMaps()
      return done !== undefined
    },
    async duplicateMap(id) {
      const copy = await attempt((api) => api.duplicateMap({ id }))
      if (copy) await get().refreshMaps()
      return copy ?? null
    },
    async trashMap(id) {
      const done = await attempt((api) => api.trashMap({ id }))
      await Promise.all([get().refreshMaps(), get().refreshTrash()])
      return done !== undefined
    },
    async restoreMap(id) {
      await attempt((api) => api.restoreMap({ id }))
      await Promise.all([get().refreshMaps(), get().refreshTrash()])
    },
    async emptyTrash() {
      const result = await attempt((api) => api.emptyTrash({}))
      await get().refreshTrash()
      return result?.removed ?? null
    }
  }
}
