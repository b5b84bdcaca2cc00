// Draws Journeyboard's app icon (512×512 PNG, no dependencies): a rounded slate square with three
// sticky notes climbing like a journey and an emotion curve through them. Writes build/icon.png
// (electron-builder derives .icns/.ico from it) and resources/icon.png (the Linux window icon).
//
// Usage: node scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const SIZE = 512

/** Signed distance from (x, y) to a rounded rectangle; negative inside. */
function roundedRectDistance(x, y, r) {
  const cx = r.x + r.w / 2
  const cy = r.y + r.h / 2
  const qx = Math.abs(x - cx) - (r.w / 2 - r.radius)
  const qy = Math.abs(y - cy) - (r.h / 2 - r.radius)
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0))
  return outside + Math.min(Math.max(qx, qy), 0) - r.radius
}

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x, y, a, b) {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy))
}

const coverage = (distance) => Math.max(0, Math.min(1, 0.5 - distance))

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)]

const background = { x: 24, y: 24, w: 464, h: 464, radius: 96, color: hex('#2e3a59') }
const notes = [
  { x: 72, y: 232, w: 112, h: 112, radius: 14, color: hex('#ffd84d') },
  { x: 200, y: 168, w: 112, h: 112, radius: 14, color: hex('#ff8fab') },
  { x: 328, y: 104, w: 112, h: 112, radius: 14, color: hex('#5ed3b8') }
]
// The emotion curve: a cubic Bézier that dips and then climbs, sampled as a polyline.
const curve = []
const bezier = [
  [80, 392],
  [170, 462],
  [300, 440],
  [432, 318]
]
for (let i = 0; i <= 64; i++) {
  const t = i / 64
  const w = [(1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t ** 2 * (1 - t), t ** 3]
  curve.push([0, 1].map((k) => w.reduce((sum, wi, j) => sum + wi * bezier[j][k], 0)))
}

function pixel(x, y) {
  // Start transparent; paint back to front with straight-alpha "over".
  let rgb = [0, 0, 0]
  let alpha = 0
  const paint = (color, a) => {
    if (a <= 0) return
    const out = a + alpha * (1 - a)
    rgb = rgb.map((c, i) => (color[i] * a + c * alpha * (1 - a)) / out)
    alpha = out
  }
  paint(background.color, coverage(roundedRectDistance(x, y, background)))
  const inside = coverage(roundedRectDistance(x, y, background))
  let lineDistance = Infinity
  for (let i = 1; i < curve.length; i++)
    lineDistance = Math.min(lineDistance, segmentDistance(x, y, curve[i - 1], curve[i]))
  paint([255, 255, 255], coverage(lineDistance - 6) * inside)
  for (const note of notes) {
    const shadow = { ...note, x: note.x + 6, y: note.y + 8 }
    paint([10, 14, 30], 0.35 * coverage(roundedRectDistance(x, y, shadow) / 3))
    paint(note.color, coverage(roundedRectDistance(x, y, note)))
    const fold = { x: note.x + 18, y: note.y + 24, w: note.w - 36, h: 10, radius: 5 }
    paint([255, 255, 255], 0.55 * coverage(roundedRectDistance(x, y, fold)))
    const line2 = { ...fold, y: fold.y + 22, w: fold.w * 0.7 }
    paint([255, 255, 255], 0.55 * coverage(roundedRectDistance(x, y, line2)))
  }
  return [...rgb.map((c) => Math.round(c)), Math.round(alpha * 255)]
}

const SAMPLES = 3 // 3×3 supersampling per pixel
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0 // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0]
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const p = pixel(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)
        sum[0] += p[0] * p[3]
        sum[1] += p[1] * p[3]
        sum[2] += p[2] * p[3]
        sum[3] += p[3]
      }
    }
    const offset = y * (SIZE * 4 + 1) + 1 + x * 4
    const a = sum[3] / (SAMPLES * SAMPLES)
    raw[offset] = sum[3] ? Math.round(sum[0] / sum[3]) : 0
    raw[offset + 1] = sum[3] ? Math.round(sum[1] / sum[3]) : 0
    raw[offset + 2] = sum[3] ? Math.round(sum[2] / sum[3]) : 0
    raw[offset + 3] = Math.round(a)
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header[8] = 8 // bit depth
header[9] = 6 // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0))
])

for (const target of ['build/icon.png', 'resources/icon.png']) {
  const path = join(root, target)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, png)
  console.log(`wrote ${target} (${SIZE}×${SIZE}, ${png.length} bytes)`)
}
