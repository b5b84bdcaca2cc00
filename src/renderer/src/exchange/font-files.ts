/**
 * The bundled font files as bytes, for the exports made in the renderer (PDF, SVG): every
 * TrueType file in resources/fonts (the same files fonts.css gives the board), bundled by Vite
 * as assets and fetched from the app's own origin once per session.
 */
import { createPdfFontSet, type FontFiles, type PdfFontSet } from '../../../shared/export/pdf'

/** resources/fonts/*.ttf by file name → the asset's URL. */
const URLS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../../../resources/fonts/*.ttf', { query: '?url', import: 'default', eager: true })
  ).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url])
)

/** fetch, and XMLHttpRequest where fetch does not take the page's scheme (file:// in Electron). */
export async function readAsset(url: string): Promise<Uint8Array> {
  try {
    const response = await fetch(url)
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`)
    return new Uint8Array(await response.arrayBuffer())
  } catch (error) {
    if (!url.startsWith('file:') && location.protocol !== 'file:') throw error
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest()
      request.open('GET', url)
      request.responseType = 'arraybuffer'
      request.onload = () => resolve(new Uint8Array(request.response as ArrayBuffer))
      request.onerror = () => reject(new Error(`Could not read ${url}.`))
      request.send()
    })
  }
}

let fontSet: Promise<PdfFontSet> | null = null

/** The exports' fonts, read once and kept for the session. */
export function pdfFonts(): Promise<PdfFontSet> {
  if (!fontSet) {
    fontSet = (async () => {
      const entries = await Promise.all(
        Object.entries(URLS).map(async ([file, url]) => [file, await readAsset(url)] as const)
      )
      const files: FontFiles = Object.fromEntries(entries)
      return createPdfFontSet(files)
    })()
    // A failed read is not remembered: the next export tries again.
    fontSet.catch(() => {
      fontSet = null
    })
  }
  return fontSet
}
