/**
 * HarfBuzz, the OpenType shaper browsers use, from the WebAssembly build the `harfbuzzjs`
 * package ships (`harfbuzzjs/dist/harfbuzz.wasm`). The package's own JavaScript loads that file
 * itself (fs in Node, fetch in a page) the moment it is imported, so src/shared takes the wasm
 * bytes from its caller instead (Node: fs; the renderer: a Vite asset URL) and speaks to the
 * module's C functions directly. Only what shaping needs is bound: fonts from bytes, a buffer
 * of UTF-16 text, hb_shape, and the glyph ids, clusters, advances and offsets it returns.
 *
 * Pure: WebAssembly is part of the JavaScript platform in Node and in every browser; no I/O.
 */

/** What the caller gives: the bytes of harfbuzz.wasm. */
export type HarfBuzzWasm = ArrayBuffer | Uint8Array

/** The few parts of the WebAssembly API used here (typed locally: src/shared is compiled without DOM types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer
  grow(pages: number): number
}
interface WasmApi {
  instantiate(bytes: HarfBuzzWasm, imports: object): Promise<{ instance: { exports: unknown } }>
}
const wasmApi = (): WasmApi => {
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly
  if (!api) throw new Error('This JavaScript engine has no WebAssembly: text cannot be shaped.')
  return api
}

export interface ShapedGlyphs {
  /** Glyph ids in visual order (left to right, also for right-to-left text). */
  readonly glyphs: Uint32Array
  /** For each glyph, the UTF-16 offset in the shaped text of the first character of its cluster. */
  readonly clusters: Uint32Array
  /** Advance, x offset and y offset (y up) of each glyph, in font units. */
  readonly advances: Int32Array
  readonly xOffsets: Int32Array
  readonly yOffsets: Int32Array
}

export interface HarfBuzzFont {
  readonly unitsPerEm: number
  /**
   * Shapes `text` as one run: one font, one direction. Script and language are guessed from the
   * text (the first character of a script that is not Common or Inherited), as browsers do for a
   * run that is already split by script.
   */
  shape(text: string, direction: 'ltr' | 'rtl'): ShapedGlyphs
  /** Frees the font's memory in the module. */
  destroy(): void
}

export interface HarfBuzz {
  /** A font from the bytes of a TrueType/OpenType file (copied into the module's memory). */
  createFont(bytes: Uint8Array): HarfBuzzFont
}

interface Exports {
  readonly memory: WasmMemory
  readonly __wasm_call_ctors?: () => void
  malloc(size: number): number
  free(ptr: number): void
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number
  hb_blob_destroy(blob: number): void
  hb_face_create(blob: number, index: number): number
  hb_face_destroy(face: number): void
  hb_face_get_upem(face: number): number
  hb_font_create(face: number): number
  hb_font_destroy(font: number): void
  hb_buffer_create(): number
  hb_buffer_destroy(buffer: number): void
  hb_buffer_clear_contents(buffer: number): void
  hb_buffer_add_utf16(buffer: number, text: number, length: number, offset: number, itemLength: number): void
  hb_buffer_guess_segment_properties(buffer: number): void
  hb_buffer_set_direction(buffer: number, direction: number): void
  hb_buffer_get_length(buffer: number): number
  hb_buffer_get_glyph_infos(buffer: number, length: number): number
  hb_buffer_get_glyph_positions(buffer: number, length: number): number
  hb_shape(font: number, buffer: number, features: number, featureCount: number): void
}

/** hb_direction_t */
const HB_DIRECTION_LTR = 4
const HB_DIRECTION_RTL = 5
/** HB_MEMORY_MODE_WRITABLE: the blob owns memory we allocated and never move. */
const HB_MEMORY_MODE_WRITABLE = 2
/** hb_glyph_info_t and hb_glyph_position_t are both five 32-bit words. */
const RECORD_WORDS = 5

/**
 * Features turned off for the whole run: kerning and the optional ligatures. The fast path
 * (cmap glyphs at their advances) has neither, and the board draws every run with canvas
 * `textRendering = 'optimizeSpeed'` and `fontKerning = 'none'`, which turn off the same three in
 * Chromium's own HarfBuzz; so shaped and unshaped runs, board and paper, all agree. Required
 * shaping (Arabic joining and its required ligatures, Indic conjuncts and reordering, mark
 * positioning, emoji sequences) is untouched.
 */
const FEATURES_OFF = ['kern', 'liga', 'clig']
const tag = (name: string) =>
  ((name.charCodeAt(0) << 24) | (name.charCodeAt(1) << 16) | (name.charCodeAt(2) << 8) | name.charCodeAt(3)) >>> 0

/**
 * Instantiates the HarfBuzz module. The imports are the five the Emscripten build asks for:
 * growing the heap is the only one that does anything; the others end the program, which a
 * shaping call never does (they would throw here).
 */
export async function loadHarfBuzz(wasm: HarfBuzzWasm): Promise<HarfBuzz> {
  /** The module's memory, known once it is instantiated (the heap grows it). */
  const module: { memory?: WasmMemory } = {}
  const fail = (what: string) => () => {
    throw new Error(`HarfBuzz stopped (${what}).`)
  }
  const imports = {
    env: {
      _emscripten_runtime_keepalive_clear: () => {},
      _abort_js: fail('abort'),
      _setitimer_js: () => 0,
      emscripten_resize_heap: (requested: number) => {
        const memory = module.memory
        if (!memory) return 0
        const current = memory.buffer.byteLength
        const pages = Math.ceil((requested - current) / 65536)
        try {
          if (pages > 0) memory.grow(pages)
          return 1
        } catch {
          return 0
        }
      }
    },
    wasi_snapshot_preview1: { proc_exit: fail('exit') }
  }
  const { instance } = await wasmApi().instantiate(wasm, imports)
  const x = instance.exports as unknown as Exports
  module.memory = x.memory
  x.__wasm_call_ctors?.()
  return createBinding(x)
}

function createBinding(x: Exports): HarfBuzz {
  // The heap may grow (and its ArrayBuffer be replaced) on any call that allocates.
  const heapU8 = () => new Uint8Array(x.memory.buffer)
  const buffer = x.hb_buffer_create()
  // hb_feature_t: tag, value, start, end (four 32-bit words), for the whole buffer.
  const features = x.malloc(FEATURES_OFF.length * 16)
  FEATURES_OFF.forEach((name, i) => {
    const words = new Uint32Array(x.memory.buffer, features + i * 16, 4)
    words.set([tag(name), 0, 0, 0xffffffff])
  })
  let textPtr = 0
  let textCapacity = 0

  return {
    createFont(bytes) {
      const data = x.malloc(bytes.byteLength)
      if (data === 0) throw new Error('HarfBuzz has no memory left for the font.')
      heapU8().set(bytes, data)
      // The blob frees nothing (no destroy callback): destroy() below frees the bytes.
      const blob = x.hb_blob_create(data, bytes.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0)
      const face = x.hb_face_create(blob, 0)
      const font = x.hb_font_create(face)
      const unitsPerEm = x.hb_face_get_upem(face)
      let alive = true
      return {
        unitsPerEm,
        shape(text, direction) {
          if (!alive) throw new Error('The font was destroyed.')
          if (text.length > textCapacity) {
            if (textPtr) x.free(textPtr)
            textCapacity = Math.max(256, text.length * 2)
            textPtr = x.malloc(textCapacity * 2)
          }
          const units = new Uint16Array(x.memory.buffer, textPtr, text.length)
          for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i)
          x.hb_buffer_clear_contents(buffer)
          x.hb_buffer_add_utf16(buffer, textPtr, text.length, 0, text.length)
          x.hb_buffer_guess_segment_properties(buffer)
          x.hb_buffer_set_direction(buffer, direction === 'rtl' ? HB_DIRECTION_RTL : HB_DIRECTION_LTR)
          x.hb_shape(font, buffer, features, FEATURES_OFF.length)
          const n = x.hb_buffer_get_length(buffer)
          const infos = new Uint32Array(x.memory.buffer, x.hb_buffer_get_glyph_infos(buffer, 0), n * RECORD_WORDS)
          const positions = new Int32Array(
            x.memory.buffer,
            x.hb_buffer_get_glyph_positions(buffer, 0),
            n * RECORD_WORDS
          )
          const out = {
            glyphs: new Uint32Array(n),
            clusters: new Uint32Array(n),
            advances: new Int32Array(n),
            xOffsets: new Int32Array(n),
            yOffsets: new Int32Array(n)
          }
          for (let i = 0; i < n; i++) {
            const at = i * RECORD_WORDS
            // hb_glyph_info_t: codepoint (the glyph id after shaping), mask, cluster, …
            out.glyphs[i] = infos[at]!
            out.clusters[i] = infos[at + 2]!
            // hb_glyph_position_t: x_advance, y_advance, x_offset, y_offset, …
            out.advances[i] = positions[at]!
            out.xOffsets[i] = positions[at + 2]!
            out.yOffsets[i] = positions[at + 3]!
          }
          return out
        },
        destroy() {
          if (!alive) return
          alive = false
          x.hb_font_destroy(font)
          x.hb_face_destroy(face)
          x.hb_blob_destroy(blob)
          x.free(data)
        }
      }
    }
  }
}
