/**
 * A PNG encoder fed strip by strip (RGBA rows), compressing with the browser's own deflate
 * (CompressionStream): for images the browser cannot hold in one canvas. Rows are written
 * unfiltered; the board's flat colours compress well without filters.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

let crcTable: Uint32Array | null = null
function crc32(bytes: Uint8Array, crc = 0xffffffff): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8)
  return crc
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, (crc32(out.subarray(4, 8 + data.length)) ^ 0xffffffff) >>> 0)
  return out
}

/**
 * Encodes an RGBA image of `width` × `height` whose rows come in `strips` calls of `strip(i)`,
 * each returning whole rows (width × 4 bytes each), top to bottom.
 */
export async function encodePng(
  width: number,
  height: number,
  strip: (index: number) => Promise<Uint8ClampedArray>,
  strips: number
): Promise<Uint8Array> {
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  header.set([8, 6, 0, 0, 0], 8) // 8 bits, RGBA, deflate, no filter method, not interlaced
  const parts: Uint8Array[] = [new Uint8Array(SIGNATURE), chunk('IHDR', header)]

  const deflate = new CompressionStream('deflate')
  const writer = deflate.writable.getWriter()
  const compressed: Uint8Array[] = []
  const reading = (async () => {
    const reader = deflate.readable.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      compressed.push(value)
    }
  })()
  const rowBytes = width * 4
  let rows = 0
  for (let i = 0; i < strips; i++) {
    const data = await strip(i)
    const count = data.length / rowBytes
    const filtered = new Uint8Array(count * (rowBytes + 1))
    for (let y = 0; y < count; y++)
      filtered.set(data.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1)
    rows += count
    await writer.write(filtered)
  }
  await writer.close()
  await reading
  if (rows !== height) throw new Error(`The image has ${rows} rows instead of ${height}.`)
  for (const piece of compressed) parts.push(chunk('IDAT', piece))
  parts.push(chunk('IEND', new Uint8Array(0)))
  const total = parts.reduce((sum, p) => sum + p.length, 0)
  const out = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
