/**
 * The table directory of a TrueType/OpenType file (the "sfnt" wrapper), read from bytes. Enough
 * to find a table and to tell TrueType outlines (what jsPDF can embed) from CFF ones (what it
 * cannot).
 */

/** Where a table lies in the file. */
export interface TableRecord {
  readonly offset: number
  readonly length: number
}

export interface TableDirectory {
  /** 0x00010000 for TrueType outlines, 0x4F54544F ('OTTO') for CFF. */
  readonly sfntVersion: number
  /** Tables by their four-letter tag ('cmap', 'glyf', …). */
  readonly tables: ReadonlyMap<string, TableRecord>
}

/** The sfnt version of a font with TrueType (quadratic, 'glyf') outlines. */
export const TRUETYPE_VERSION = 0x00010000
const OTTO = 0x4f54544f
const APPLE_TRUE = 0x74727565 // 'true', old Mac TrueType

/** A font file we cannot read: not a font, a collection, or a table that runs past the end. */
export class FontFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FontFormatError'
  }
}

/** A view on the bytes, whatever form the caller holds them in. */
export function dataViewOf(data: ArrayBuffer | ArrayBufferView): DataView {
  return ArrayBuffer.isView(data)
    ? new DataView(data.buffer, data.byteOffset, data.byteLength)
    : new DataView(data as ArrayBuffer)
}

/** Reads the table directory; throws FontFormatError for anything that is not a single sfnt font. */
export function readTableDirectory(data: ArrayBuffer | ArrayBufferView): TableDirectory {
  const view = dataViewOf(data)
  if (view.byteLength < 12) throw new FontFormatError('The font file is too short to be a font.')
  const sfntVersion = view.getUint32(0)
  if (sfntVersion === 0x74746366) {
    throw new FontFormatError('The font file is a collection (.ttc); give a single font (.ttf).')
  }
  if (sfntVersion !== TRUETYPE_VERSION && sfntVersion !== OTTO && sfntVersion !== APPLE_TRUE) {
    throw new FontFormatError('The file is not a TrueType or OpenType font.')
  }
  const numTables = view.getUint16(4)
  if (12 + numTables * 16 > view.byteLength) throw new FontFormatError('The font file is cut short.')
  const tables = new Map<string, TableRecord>()
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16
    const tag = String.fromCharCode(
      view.getUint8(at),
      view.getUint8(at + 1),
      view.getUint8(at + 2),
      view.getUint8(at + 3)
    )
    const offset = view.getUint32(at + 8)
    const length = view.getUint32(at + 12)
    if (offset + length > view.byteLength) {
      throw new FontFormatError(`The font's "${tag}" table runs past the end of the file.`)
    }
    tables.set(tag, { offset, length })
  }
  return { sfntVersion, tables }
}

/**
 * Whether the font has TrueType outlines: version 0x00010000 (or Apple's 'true') and a 'glyf'
 * table. jsPDF embeds only such fonts; CFF-flavoured OpenType ('OTTO') it cannot.
 */
export function hasTrueTypeOutlines(data: ArrayBuffer | ArrayBufferView): boolean {
  const { sfntVersion, tables } = readTableDirectory(data)
  return sfntVersion !== OTTO && tables.has('glyf') && tables.has('loca')
}

/**
 * The same font without its zero-length tables (or the very bytes when it has none). Browsers
 * check a web font before using it (OpenType Sanitizer) and refuse one with an empty table:
 * NanumGothic carries an empty 'TSI3' (a leftover of the VTT hinting editor, never read when
 * drawing). The glyphs, metrics and every other table are copied unchanged.
 */
export function withoutEmptyTables(data: Uint8Array): Uint8Array {
  const { sfntVersion, tables } = readTableDirectory(data)
  const kept = [...tables].filter(([, record]) => record.length > 0)
  if (kept.length === tables.size) return data
  const source = dataViewOf(data)
  const headerLength = 12 + kept.length * 16
  let size = headerLength
  for (const [, record] of kept) size += (record.length + 3) & ~3
  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  const power = 2 ** Math.floor(Math.log2(kept.length))
  view.setUint32(0, sfntVersion)
  view.setUint16(4, kept.length)
  view.setUint16(6, power * 16)
  view.setUint16(8, Math.log2(power))
  view.setUint16(10, kept.length * 16 - power * 16)
  // Records stay in the order the font had them (sorted by tag, as the format asks).
  const order = new Map([...tables.keys()].map((tag, i) => [tag, i]))
  let offset = headerLength
  kept.forEach(([tag, record], i) => {
    const at = 12 + i * 16
    for (let k = 0; k < 4; k++) view.setUint8(at + k, tag.charCodeAt(k))
    const original = 12 + order.get(tag)! * 16
    view.setUint32(at + 4, source.getUint32(original + 4)) // checksum, unchanged
    view.setUint32(at + 8, offset)
    view.setUint32(at + 12, record.length)
    out.set(data.subarray(record.offset, record.offset + record.length), offset)
    offset += (record.length + 3) & ~3
  })
  return out
}
