/**
 * The bundled font files as bytes, for the PDF export in the renderer: the same files
 * resources/fonts holds (and fonts.css gives the board), bundled by Vite as assets and fetched
 * from the app's own origin once per session.
 */
import { BUNDLED_FONTS } from '../../../shared/fonts'
import { createPdfFontSet, type FontFiles, type PdfFontSet } from '../../../shared/export/pdf'
import dejaVuSans from '../../../../resources/fonts/DejaVuSans.ttf?url'
import droidSansFallback from '../../../../resources/fonts/DroidSansFallbackFull.ttf?url'
import notoSansBold from '../../../../resources/fonts/NotoSans-Bold.ttf?url'
import notoSans from '../../../../resources/fonts/NotoSans-Regular.ttf?url'
import notoSansThaiBold from '../../../../resources/fonts/NotoSansThai-Bold.ttf?url'
import notoSansThai from '../../../../resources/fonts/NotoSansThai-Regular.ttf?url'

const URLS: Readonly<Record<string, string>> = {
  [BUNDLED_FONTS.notoSans.file]: notoSans,
  [BUNDLED_FONTS.notoSansBold.file]: notoSansBold,
  [BUNDLED_FONTS.notoSansThai.file]: notoSansThai,
  [BUNDLED_FONTS.notoSansThaiBold.file]: notoSansThaiBold,
  [BUNDLED_FONTS.droidSansFallback.file]: droidSansFallback,
  [BUNDLED_FONTS.dejaVuSans.file]: dejaVuSans
}

/** fetch, and XMLHttpRequest where fetch does not take the page's scheme (file:// in Electron). */
async function readAsset(url: string): Promise<Uint8Array> {
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

/** The PDF's fonts, read once and kept for the session. */
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
