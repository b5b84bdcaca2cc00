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
