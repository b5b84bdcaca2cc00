/**
 * The character map of a TrueType font: which Unicode code points it has a glyph for. Reads the
 * 'cmap' table's Unicode subtables in format 12 (full Unicode) or format 4 (the Basic
 * Multilingual Plane), which between them every font we ship, and nearly every font there is,
 * carries. Pure: takes the file's bytes, never a path.
 */
import { FontFormatError, dataViewOf, readTableDirectory } from './sfnt'

/** Code point → glyph id, for the code points the font has a (non-.notdef) glyph for. */
export interface CharacterMap {
  /** Whether the font draws this code point. */
  has(codePoint: number): boolean
  /** The glyph for a code point, 0 (.notdef) when there is none. */
  glyphId(codePoint: number): number
  /** How many code points the font covers. */
  readonly size: number
  /** Every covered code point, ascending. */
  codePoints(): number[]
}

class MapBackedCharacterMap implements CharacterMap {
  constructor(private readonly glyphs: ReadonlyMap<number, number>) {}
  has(codePoint: number): boolean {
    return this.glyphs.has(codePoint)
  }
  glyphId(codePoint: number): number {
    return this.glyphs.get(codePoint) ?? 0
  }
  get size(): number {
    return this.glyphs.size
  }
  codePoints(): number[] {
    return [...this.glyphs.keys()].sort((a, b) => a - b)
  }
}

/** A subtable the parser can read, and how much it is preferred (lower first). */
interface Candidate {
  readonly offset: number
  readonly format: number
  readonly rank: number
}

const MAX_CODE_POINT = 0x10ffff

/**
 * Reads the font's character map from the whole font file. Prefers a full-Unicode format 12
 * subtable (platform 3 encoding 10, or platform 0) over a BMP format 4 one (platform 3
 * encoding 1, or platform 0). Throws FontFormatError when the font has no cmap table, no
 * Unicode subtable in either format, or a subtable that runs past its table.
 */
export function parseCmap(font: ArrayBuffer | ArrayBufferView): CharacterMap {
  const view = dataViewOf(font)
  const record = readTableDirectory(font).tables.get('cmap')
  if (!record) throw new FontFormatError('The font has no "cmap" table.')
  return parseCmapTable(new DataView(view.buffer, view.byteOffset + record.offset, record.length))
}

/** Reads a 'cmap' table on its own (the view spans exactly the table). */
export function parseCmapTable(table: DataView): CharacterMap {
  const u16 = (at: number) => read(table, at, 2)
  const numTables = u16(2)
  const candidates: Candidate[] = []
  for (let i = 0; i < numTables; i++) {
    const at = 4 + i * 8
    const platform = u16(at)
    const encoding = u16(at + 2)
    const offset = read(table, at + 4, 4)
    const format = u16(offset)
    const rank = subtableRank(platform, encoding, format)
    if (rank !== null) candidates.push({ offset, format, rank })
  }
  candidates.sort((a, b) => a.rank - b.rank)
  const best = candidates[0]
  if (!best) throw new FontFormatError('The font has no Unicode character map in format 4 or 12.')
  const glyphs = new Map<number, number>()
  if (best.format === 12) readFormat12(table, best.offset, glyphs)
  else readFormat4(table, best.offset, glyphs)
  return new MapBackedCharacterMap(glyphs)
}

/** Lower is better; null for subtables that are not Unicode or not in a format we read. */
function subtableRank(platform: number, encoding: number, format: number): number | null {
  const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))
  if (!unicode) return null
  if (format === 12) return platform === 3 ? 0 : 1
  if (format === 4) return platform === 3 ? 2 : 3
  return null
}

/** Segment mapping to delta values: the BMP in ranges, with an optional glyph id array. */
function readFormat4(table: DataView, offset: number, glyphs: Map<number, number>): void {
  const u16 = (at: number) => read(table, offset + at, 2)
  const segCount = u16(6) / 2
  const endCodes = 14
  const startCodes = endCodes + segCount * 2 + 2 // after reservedPad
  const idDeltas = startCodes + segCount * 2
  const idRangeOffsets = idDeltas + segCount * 2
  for (let i = 0; i < segCount; i++) {
    const end = u16(endCodes + i * 2)
    const start = u16(startCodes + i * 2)
    const delta = u16(idDeltas + i * 2)
    const rangeOffset = u16(idRangeOffsets + i * 2)
    if (start > end) throw new FontFormatError("The font's character map has a segment that ends before it starts.")
    for (let code = start; code <= end; code++) {
      if (code === 0xffff) break // the mandatory last segment maps 0xFFFF to .notdef
      let glyph: number
      if (rangeOffset === 0) {
        glyph = (code + delta) & 0xffff
      } else {
        // The offset is relative to where it is stored: an index into glyphIdArray after it.
        glyph = u16(idRangeOffsets + i * 2 + rangeOffset + (code - start) * 2)
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff
      }
      if (glyph !== 0) glyphs.set(code, glyph)
    }
  }
}

/** Segmented coverage: groups of consecutive code points with consecutive glyph ids. */
function readFormat12(table: DataView, offset: number, glyphs: Map<number, number>): void {
  const numGroups = read(table, offset + 12, 4)
  for (let i = 0; i < numGroups; i++) {
    const at = offset + 16 + i * 12
    const start = read(table, at, 4)
    const end = Math.min(read(table, at + 4, 4), MAX_CODE_POINT)
    const startGlyph = read(table, at + 8, 4)
    if (start > end && start <= MAX_CODE_POINT) {
      throw new FontFormatError("The font's character map has a group that ends before it starts.")
    }
    for (let code = start; code <= end; code++) {
      const glyph = startGlyph + (code - start)
      if (glyph !== 0) glyphs.set(code, glyph)
    }
  }
}

/** An unsigned big-endian integer of 2 or 4 bytes, or FontFormatError when out of the table. */
function read(view: DataView, at: number, bytes: 2 | 4): number {
  if (at < 0 || at + bytes > view.byteLength) {
    throw new FontFormatError("The font's character map is cut short.")
  }
  return bytes === 2 ? view.getUint16(at) : view.getUint32(at)
}
