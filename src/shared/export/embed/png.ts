/**
 * The map inside a PNG: an iTXt chunk (international text, PNG 1.2 §11.3.4.5) with the keyword
 * `journeyboard`, compressed with zlib (compression flag 1, method 0), placed right after the
 * image header so readers find it without walking the pixel data. Image viewers ignore it;
 * Journeyboard's import reads it back.
 */
import { unzlibSync, zlibSync } from 'fflate'
import { concatBytes, crc32, fromUtf8, latin1, utf8 } from './bytes'

export const PNG_MAP_KEYWORD = 'journeyboard'

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

export const isPng = (bytes: Uint8Array): boolean => SIGNATURE.every((b, i) => bytes[i] === b)

interface Chunk {
  readonly type: string
  /** Where the chunk's length field starts. */
  readonly start: number
  readonly data: Uint8Array
  /** Just after its CRC. */
  readonly end: number
}

/** The chunks in order; stops at IEND or where the file is cut off. */
function* chunks(png: Uint8Array): Generator<Chunk> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  let at = SIGNATURE.length
  while (at + 12 <= png.length) {
    const length = view.getUint32(at)
    const end = at + 12 + length
    if (end > png.length) return
    const type = latin1(png, at + 4, at + 8)
    yield { type, start: at, data: png.subarray(at + 8, at + 8 + length), end }
    if (type === 'IEND') return
    at = end
  }
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  const typeBytes = utf8(type)
  view.setUint32(0, data.length)
  out.set(typeBytes, 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(typeBytes, data))
  return out
}

/** The PNG with `text` in a compressed iTXt chunk after IHDR (replacing one already there). */
export function embedInPng(png: Uint8Array, text: string): Uint8Array {
  const keyword = utf8(PNG_MAP_KEYWORD)
  // keyword, NUL, compression flag, method, language tag (empty), NUL, translated keyword (empty), NUL, text
  const compressed = zlibSync(utf8(text), { level: 9 })
  const data = new Uint8Array(keyword.length + 5 + compressed.length)
  data.set(keyword)
  data.set([0, 1, 0, 0, 0], keyword.length)
  data.set(compressed, keyword.length + 5)
  const parts: Uint8Array[] = [png.subarray(0, SIGNATURE.length)]
  for (const c of chunks(png)) {
    if (c.type === 'iTXt' && isOurs(c.data)) continue
    parts.push(png.subarray(c.start, c.end))
    if (c.type === 'IHDR') parts.push(chunk('iTXt', data))
  }
  return concatBytes(parts)
}

function isOurs(data: Uint8Array): boolean {
  const keyword = utf8(PNG_MAP_KEYWORD)
  return data[keyword.length] === 0 && keyword.every((b, i) => data[i] === b)
}

/**
 * The text of the PNG's `journeyboard` iTXt chunk; null when it has none. Throws an Error naming
 * what is wrong when the chunk is there but cannot be read.
 */
export function readFromPng(png: Uint8Array): string | null {
  for (const c of chunks(png)) {
    if (c.type !== 'iTXt' || !isOurs(c.data)) continue
    let at = PNG_MAP_KEYWORD.length + 1
    const compressed = c.data[at] === 1
    at += 2
    // Language tag and translated keyword, each ended by a NUL.
    for (let nul = 0; nul < 2; nul++) {
      while (at < c.data.length && c.data[at] !== 0) at++
      at++
    }
    if (at > c.data.length) throw new Error('its Journeyboard chunk is cut off')
    let bytes = c.data.subarray(at)
    if (compressed) {
      try {
        bytes = unzlibSync(bytes)
      } catch {
        throw new Error('its Journeyboard chunk is damaged (it does not decompress)')
      }
    }
    const text = fromUtf8(bytes)
    if (text === null) throw new Error('its Journeyboard chunk is not UTF-8 text')
    return text
  }
  return null
}
