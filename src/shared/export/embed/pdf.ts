/**
 * Finding the map attached to a PDF (see ../pdf/attachment.ts) without a PDF library: every
 * embedded file stream (`/Type /EmbeddedFile`) is read and inflated, and the first one holding a
 * Journeyboard document is it. A stream's dictionary is always at the top level of the file,
 * never inside a compressed object stream (PDF 1.7 §7.5.7), so this finds attachments in PDFs
 * that other programs rewrote too, as long as the stream itself stays FlateDecode or unfiltered.
 */
import { unzlibSync } from 'fflate'
import { fromUtf8, latin1 } from './bytes'

export const isPdf = (bytes: Uint8Array): boolean => latin1(bytes, 0, Math.min(bytes.length, 1024)).includes('%PDF-')

/** Each embedded file's bytes, as far as they can be read. */
function* embeddedFiles(pdf: Uint8Array): Generator<Uint8Array> {
  const text = latin1(pdf)
  const marker = /\/Type\s*\/EmbeddedFile(?![A-Za-z0-9])/g
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    // The dictionary runs from the object's start to the `stream` keyword.
    const objStart = text.lastIndexOf(' obj', m.index)
    const streamAt = text.indexOf('stream', m.index)
    if (objStart === -1 || streamAt === -1) continue
    const dict = text.slice(objStart, streamAt)
    if (dict.includes('endobj')) continue // not a stream object
    let dataStart = streamAt + 'stream'.length
    if (text[dataStart] === '\r') dataStart++
    if (text[dataStart] === '\n') dataStart++
    const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)
    let dataEnd = direct ? dataStart + Number(direct[1]) : text.indexOf('endstream', dataStart)
    if (dataEnd < dataStart || dataEnd > text.length) continue
    if (!direct) while (dataEnd > dataStart && (text[dataEnd - 1] === '\n' || text[dataEnd - 1] === '\r')) dataEnd--
    const data = pdf.subarray(dataStart, dataEnd)
    const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict)?.[1]?.replace(/[[\]\s]/g, '')
    if (!filter) yield data
    else if (filter === '/FlateDecode') {
      try {
        yield unzlibSync(data)
      } catch {
        // A damaged or differently compressed attachment: try the next one.
      }
    }
  }
}

/** The Journeyboard document attached to the PDF, or null when it has none. */
export function readFromPdf(pdf: Uint8Array): string | null {
  for (const bytes of embeddedFiles(pdf)) {
    const text = fromUtf8(bytes)
    if (text !== null && /"format"\s*:\s*"journeyboard"/.test(text.slice(0, 4096))) return text
  }
  return null
}
