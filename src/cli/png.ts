/**
 * The CLI's PNG: the same scene painted with the same Canvas-2D painters as the app's PNG
 * (src/shared/export/canvas), on a Skia canvas for Node (@napi-rs/canvas, whose prebuilt
 * binary is an npm package: nothing to compile, no browser). The bundled fonts are registered
 * with Skia under names of their own and every text is drawn with the whole fallback stack,
 * so a character goes to the first bundled font that has it, as in the PDF, whatever fonts
 * the machine has.
 *
 * The image is drawn strip by strip and encoded as it goes (zlib), so memory holds one strip,
 * not the whole picture; the size follows the same plan as the app (planPng: the ratio is
 * lowered past 32,767 pixels a side or 268 million pixels, and the caller says so).
 */
import { createCanvas, GlobalFonts, loadImage, type Image } from '@napi-rs/canvas'
import { join } from 'node:path'
import { createDeflate } from 'node:zlib'
import { FONTS_DIR } from '../library/bundled-fonts'
import { setNoteImageSource, type Canvas2D } from '../shared/export/canvas/context'
import { paintSceneImage } from '../shared/export/canvas/scene'
import { setPaintEngine } from '../shared/export/canvas/text-engine-ref'
import type { PdfFontSet } from '../shared/export/pdf'
import { planPng, type PngPlan } from '../shared/export/png-plan'
import { FONT_STACKS } from '../shared/fonts'
import { FONT_FAMILY, layoutMap, type Scene, type SeriesLabels } from '../shared/layout'
import type { JourneyMap, Persona } from '../shared/model'

const alias = (id: string) => `JB ${id}`
let registered = false

/** Registers every bundled font with Skia once per process. */
function registerFonts(dir: string): void {
  if (registered) return
  for (const font of new Set([...FONT_STACKS.normal, ...FONT_STACKS.bold])) {
    // Under its own alias (the fallback stack below) and under the family the text engine's runs
    // name (paintText draws each run in the font the engine chose).
    for (const name of [alias(font.id), font.family]) {
      const key = GlobalFonts.registerFromPath(join(dir, font.file), name)
      if (!key) throw new Error(`Could not load the font ${join(dir, font.file)}.`)
    }
  }
  registered = true
}

const stackOf = (weight: 'normal' | 'bold') => FONT_STACKS[weight].map((f) => `"${alias(f.id)}"`).join(', ')

/**
 * A view of a Skia context whose `font` names the bundled fallback stack where the scene says
 * FONT_FAMILY: Skia would otherwise fall back to whatever the machine has.
 */
function withBundledFonts(ctx: Canvas2D): Canvas2D {
  const normal = stackOf('normal')
  const bold = stackOf('bold')
  return new Proxy(ctx, {
    set(target, property, value) {
      if (property === 'font' && typeof value === 'string') {
        const stack = /\bbold\b/.test(value) ? bold : normal
        target.font = value.replace(FONT_FAMILY, stack)
        return true
      }
      return Reflect.set(target, property, value)
    },
    get(target, property) {
      const value = Reflect.get(target, property) as unknown
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    }
  })
}

/**
 * Decodes every note picture of the scene (Skia), so the painters draw the pictures themselves
 * rather than the grey frame they draw for one not decoded. A picture Skia cannot read stays a frame.
 */
async function decodePictures(scene: Scene): Promise<Map<string, Image>> {
  const decoded = new Map<string, Image>()
  for (const note of scene.notes) {
    const src = note.image?.src
    if (!src || decoded.has(src)) continue
    const comma = src.indexOf(',')
    try {
      decoded.set(src, await loadImage(Buffer.from(src.slice(comma + 1), 'base64')))
    } catch {
      // Left as the frame: the map's other content is still worth the image.
    }
  }
  return decoded
}

let crcTable: Int32Array | null = null
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c
    }
  }
  let crc = -1
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8)
  return (crc ^ -1) >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  out.set(data, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

export interface CliPngOptions {
  readonly ratio: number
  readonly background: 'white' | 'transparent'
  readonly seriesLabels?: SeriesLabels
  /** resources/fonts (the CLI's own copy unless told otherwise). */
  readonly fontsDir?: string
}

/** The PNG of a map's board, and the size plan it followed. */
export async function renderPngInNode(
  map: JourneyMap,
  personas: readonly Persona[],
  options: CliPngOptions,
  fonts: PdfFontSet
): Promise<{ bytes: Uint8Array; plan: PngPlan }> {
  registerFonts(options.fontsDir ?? FONTS_DIR)
  // The painters lay each line out with this engine, the one that measured the scene.
  setPaintEngine(fonts.engine)
  const scene = layoutMap(map, fonts.measure, {
    personas: personas.map(({ id, name, color }) => ({ id, name, color })),
    labels: options.seriesLabels
  })
  const pictures = await decodePictures(scene)
  setNoteImageSource({ get: (src) => pictures.get(src) })
  const plan = planPng(scene.width, scene.height, options.ratio)
  const stripPixels = Math.max(1, Math.round(plan.tile * plan.ratio))

  const deflate = createDeflate({ level: 6 })
  const compressed: Buffer[] = []
  deflate.on('data', (data: Buffer) => compressed.push(data))
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve)
    deflate.on('error', reject)
  })
  const rowBytes = plan.width * 4
  for (let top = 0; top < plan.height; top += stripPixels) {
    const height = Math.min(stripPixels, plan.height - top)
    const canvas = createCanvas(plan.width, height)
    const ctx = canvas.getContext('2d')
    if (options.background === 'white') {
      ctx.fillStyle = '#ffffff'
      ctx.fillRect(0, 0, plan.width, height)
    }
    ctx.scale(plan.ratio, plan.ratio)
    ctx.translate(0, -top / plan.ratio)
    const region = { x: 0, y: top / plan.ratio, w: scene.width, h: height / plan.ratio }
    paintSceneImage(withBundledFonts(ctx as unknown as Canvas2D), scene, region, options)
    const rgba = ctx.getImageData(0, 0, plan.width, height).data
    // Each row starts with its filter type (0: none); the board's flat colours compress well.
    const raw = Buffer.alloc(height * (rowBytes + 1))
    for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1)
    if (!deflate.write(raw)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await finished

  const header = Buffer.alloc(13)
  header.writeUInt32BE(plan.width, 0)
  header.writeUInt32BE(plan.height, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8 bits, RGBA, deflate, adaptive filtering, not interlaced
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.concat(compressed)),
    chunk('IEND', new Uint8Array(0))
  ])
  return { bytes: new Uint8Array(png.buffer, png.byteOffset, png.length), plan }
}
