/**
 * The PDF's fonts in the renderer: the session's text engine (../fonts.ts) with every bundled
 * font and HarfBuzz loaded, so the PDF lays out and draws text exactly as the board does.
 */
import { createPdfFontSet, type PdfFontSet } from '../../../shared/export/pdf'
import { ensureAllText, textEngine } from '../fonts'

/** The PDF's fonts; the first call fetches whatever the board has not needed yet. */
export async function pdfFonts(): Promise<PdfFontSet> {
  await ensureAllText()
  return createPdfFontSet(textEngine())
}

/** An asset of the app's own origin (the web host, or app:// in the desktop app) as bytes. */
export async function readAsset(url: string): Promise<Uint8Array> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`Could not read ${url}: ${response.status} ${response.statusText}`)
  return new Uint8Array(await response.arrayBuffer())
}
