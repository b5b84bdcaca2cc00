/**
 * Note pictures on the board: decoded once into <img> elements (by their data: URL) for the
 * painters (shared/export/canvas/context.ts), and the board told when one is ready so it draws
 * again. `preloadNoteImages` waits for a map's pictures (the PNG export paints at once).
 */
import { setNoteImageSource } from '../../../shared/export/canvas/context'

const decoded = new Map<string, HTMLImageElement>()
const loading = new Map<string, Promise<void>>()
const listeners = new Set<() => void>()
let ready = 0

function load(src: string): Promise<void> {
  let promise = loading.get(src)
  if (!promise) {
    const img = new Image()
    promise = img
      .decode()
      .then(() => {
        decoded.set(src, img)
        ready++
        for (const listener of listeners) listener()
      })
      .catch(() => undefined) // undecodable: stays a grey frame
    img.src = src
    loading.set(src, promise)
  }
  return promise
}

setNoteImageSource({
  get(src) {
    const img = decoded.get(src)
    if (!img) void load(src)
    return img
  }
})

/** Subscribes to "a picture is ready"; for useSyncExternalStore with `picturesReady`. */
export function onPictureReady(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const picturesReady = () => ready

/** Decodes pictures by their data: URLs (before painting once, as the PNG export does). */
export async function preloadPictures(sources: readonly string[]): Promise<void> {
  await Promise.all(sources.map(load))
}
