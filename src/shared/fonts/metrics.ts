/**
 * Horizontal metrics of a TrueType font: its em size and each glyph's advance width, read from
 * the 'head', 'hhea' and 'hmtx' tables. The PDF exporter measures text with these, in the same
 * 1/1000 em units (cut to whole numbers) that jsPDF writes into the PDF's /W widths array, so a
 * line is measured exactly as wide as a PDF viewer draws it.
 */
import { FontFormatError, dataViewOf, readTableDirectory } from './sfnt'

export interface HorizontalMetrics {
  readonly unitsPerEm: number
  /** Advance width of a glyph in font units; glyphs past the last long metric share its advance. */
  advance(glyphId: number): number
  /** Advance width in whole thousandths of an em, as a PDF font's /W array holds it. */
  advance1000(glyphId: number): number
}

export function readHorizontalMetrics(font: ArrayBuffer | ArrayBufferView): HorizontalMetrics {
  const view = dataViewOf(font)
  const { tables } = readTableDirectory(font)
  const head = tables.get('head')
  const hhea = tables.get('hhea')
  const hmtx = tables.get('hmtx')
  if (!head || !hhea || !hmtx) throw new FontFormatError('The font has no horizontal metrics (head, hhea, hmtx).')
  const unitsPerEm = view.getUint16(head.offset + 18)
  const longMetrics = view.getUint16(hhea.offset + 34)
  if (unitsPerEm === 0 || longMetrics === 0 || longMetrics * 4 > hmtx.length) {
    throw new FontFormatError("The font's horizontal metrics are damaged.")
  }
  const advances = new Uint16Array(longMetrics)
  for (let i = 0; i < longMetrics; i++) advances[i] = view.getUint16(hmtx.offset + i * 4)
  const last = advances[longMetrics - 1]!
  const advance = (glyphId: number) => (glyphId < longMetrics ? advances[glyphId]! : last)
  const scale = 1000 / unitsPerEm
  return {
    unitsPerEm,
    advance,
    // jsPDF writes parseInt(advance × 1000 / unitsPerEm): truncated, not rounded.
    advance1000: (glyphId) => Math.trunc(advance(glyphId) * scale)
  }
}
