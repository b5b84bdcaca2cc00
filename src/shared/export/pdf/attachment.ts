/**
 * A file attached to the PDF (PDF 1.7 §7.11.4, embedded file streams): the map's document, so
 * that Journeyboard can open the PDF as an editable map and any PDF reader lists it among the
 * document's attachments (`pdfdetach -list`). jsPDF has no API for attachments, so they are
 * written through its document-building events, the way its own plugins add objects: the
 * embedded file stream and its file specification after the resources (`postPutResources`),
 * and the catalog's `/Names` tree pointing at them (`putCatalog`). The stream is compressed
 * with zlib (FlateDecode) here, not by jsPDF's slower string encoder.
 */
import { zlibSync } from 'fflate'
import type { jsPDF } from 'jspdf'
import { latin1 } from '../embed/bytes'

export interface PdfAttachment {
  /** The file name readers show and save it under, e.g. "Onboarding.journeymap". */
  readonly name: string
  /**
   * The file's bytes compressed with zlib (deflateAttachment), as the PDF stores them: a big
   * map's document is held compressed while the pages are drawn, not as text.
   */
  readonly data: Uint8Array
  /** The file's size before compression. */
  readonly size: number
  /** e.g. application/vnd.journeyboard.map+json */
  readonly mediaType: string
  readonly description: string
  /** ISO timestamp of the file's last change. */
  readonly modified: string
}

interface Internals {
  events: { subscribe(event: string, handler: (...args: unknown[]) => void): unknown }
  newObject(): number
  write(...text: string[]): void
  putStream(options: {
    data: string
    filters: string[]
    alreadyAppliedFilters: string[]
    additionalKeyValues: { key: string; value: string | number }[]
    objectId: number
  }): void
}

/** A PDF literal string of printable ASCII (anything else replaced), with \ ( ) escaped. */
function asciiString(text: string): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, '_')
  return `(${ascii.replace(/[\\()]/g, (c) => `\\${c}`)})`
}

/** A PDF text string in UTF-16BE with a byte-order mark, as hex: any script survives. */
function unicodeString(text: string): string {
  let hex = 'FEFF'
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  return `<${hex}>`
}

/** D:YYYYMMDDHHmmSSZ from an ISO timestamp. */
function pdfDate(iso: string): string {
  const d = new Date(iso)
  const two = (n: number) => String(n).padStart(2, '0')
  return `(D:${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z)`
}

/** A name object: characters outside the regular ones written as #xx (the '/' in a media type). */
function pdfName(text: string): string {
  return `/${text.replace(/[^A-Za-z0-9.+_-]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`
}

/** Attaches a file to the document; call before the PDF is output. */
/** A file's bytes as PdfAttachment.data holds them. */
export const deflateAttachment = (bytes: Uint8Array): Uint8Array => zlibSync(bytes, { level: 9 })

export function attachFile(doc: jsPDF, file: PdfAttachment): void {
  const internal = doc.internal as unknown as Internals
  let fileSpec = 0
  internal.events.subscribe('postPutResources', () => {
    const stream = internal.newObject()
    internal.putStream({
      data: latin1(file.data),
      filters: [],
      alreadyAppliedFilters: ['/FlateDecode'],
      additionalKeyValues: [
        { key: 'Type', value: '/EmbeddedFile' },
        { key: 'Subtype', value: pdfName(file.mediaType) },
        { key: 'Params', value: `<< /Size ${file.size} /ModDate ${pdfDate(file.modified)} >>` }
      ],
      objectId: stream
    })
    internal.write('endobj')
    fileSpec = internal.newObject()
    internal.write(
      `<< /Type /Filespec /F ${asciiString(file.name)} /UF ${unicodeString(file.name)}`,
      `/EF << /F ${stream} 0 R /UF ${stream} 0 R >> /Desc ${asciiString(file.description)} >>`
    )
    internal.write('endobj')
  })
  internal.events.subscribe('putCatalog', () => {
    internal.write(`/Names << /EmbeddedFiles << /Names [${asciiString(file.name)} ${fileSpec} 0 R] >> >>`)
  })
}
