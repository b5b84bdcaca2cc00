/**
 * SHA-256 (FIPS 180-4) over bytes, synchronously and without Node or Web Crypto: a map's
 * version is a hash of its content, computed the same way in the renderer, the library and the
 * CLI (Web Crypto's digest is asynchronous and absent from non-secure browser contexts).
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
])

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n))

/** The 32-byte digest of `data`. */
export function sha256(data: Uint8Array): Uint8Array {
  const hash = new Sha256()
  hash.update(data)
  return hash.digest()
}

/**
 * SHA-256 over bytes given in parts (update, then digest once): a big map's version is hashed as
 * its text is made, without holding the whole text and its bytes at once.
 */
export class Sha256 {
  private readonly h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  ])
  private readonly w = new Uint32Array(64)
  /** Bytes not yet hashed (fewer than a block). */
  private readonly rest = new Uint8Array(64)
  private restLength = 0
  private length = 0

  update(data: Uint8Array): void {
    this.length += data.length
    let at = 0
    if (this.restLength > 0) {
      const take = Math.min(64 - this.restLength, data.length)
      this.rest.set(data.subarray(0, take), this.restLength)
      this.restLength += take
      at = take
      if (this.restLength < 64) return
      this.block(this.rest, 0)
      this.restLength = 0
    }
    for (; at + 64 <= data.length; at += 64) this.block(data, at)
    this.rest.set(data.subarray(at), 0)
    this.restLength = data.length - at
  }

  digest(): Uint8Array {
    // The message, a 0x80 byte, zeros, and the bit length as a 64-bit big-endian number.
    const bits = this.length * 8
    const tail = new Uint8Array(this.restLength + 9 <= 64 ? 64 : 128)
    tail.set(this.rest.subarray(0, this.restLength))
    tail[this.restLength] = 0x80
    const view = new DataView(tail.buffer)
    view.setUint32(tail.length - 8, Math.floor(bits / 0x100000000))
    view.setUint32(tail.length - 4, bits >>> 0)
    for (let at = 0; at < tail.length; at += 64) this.block(tail, at)
    const out = new Uint8Array(32)
    const outView = new DataView(out.buffer)
    this.h.forEach((word, i) => outView.setUint32(i * 4, word))
    return out
  }

  private block(data: Uint8Array, at: number): void {
    const { h, w } = this
    for (let i = 0; i < 16; i++) {
      const o = at + i * 4
      w[i] = ((data[o]! << 24) | (data[o + 1]! << 16) | (data[o + 2]! << 8) | data[o + 3]!) >>> 0
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!
      const b = w[i - 2]!
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10)
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0
    }
    let a = h[0]!
    let b = h[1]!
    let c = h[2]!
    let d = h[3]!
    let e = h[4]!
    let f = h[5]!
    let g = h[6]!
    let hh = h[7]!
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
      const ch = (e & f) ^ (~e & g)
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) >>> 0
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
      const maj = (a & b) ^ (a & c) ^ (b & c)
      const t2 = (S0 + maj) >>> 0
      hh = g
      g = f
      f = e
      e = (d + t1) >>> 0
      d = c
      c = b
      b = a
      a = (t1 + t2) >>> 0
    }
    h[0] = (h[0]! + a) >>> 0
    h[1] = (h[1]! + b) >>> 0
    h[2] = (h[2]! + c) >>> 0
    h[3] = (h[3]! + d) >>> 0
    h[4] = (h[4]! + e) >>> 0
    h[5] = (h[5]! + f) >>> 0
    h[6] = (h[6]! + g) >>> 0
    h[7] = (h[7]! + hh) >>> 0
  }
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
