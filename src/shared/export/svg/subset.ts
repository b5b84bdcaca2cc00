/**
 * Font subsetting with HarfBuzz's hb-subset (the WebAssembly build harfbuzzjs ships as
 * harfbuzz-subset.wasm): a font cut down to the characters a file draws, with the glyphs its
 * shaping rules reach from them (ligatures, Thai and Arabic forms, mark positioning) kept, so
 * a viewer shapes the text as the full font would. The wasm's bytes are handed in: Node reads
 * the file, the app fetches its bundled copy.
 */

/** A font file cut down to the given code points (the glyphs they need, and their layout rules). */
export type FontSubsetter = (font: Uint8Array, codePoints: Iterable<number>) => Uint8Array

/**
 * The part of the WebAssembly API used here, typed in this module: src/shared compiles without
 * the DOM's types, and Node's declare less of it. Both runtimes have the real thing.
 */
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }>
}

interface HbSubsetExports {
  readonly memory: { readonly buffer: ArrayBuffer }
  malloc(size: number): number
  free(pointer: number): void
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number
  hb_blob_destroy(blob: number): void
  hb_blob_get_data(blob: number, length: number): number
  hb_blob_get_length(blob: number): number
  hb_face_create(blob: number, index: number): number
  hb_face_destroy(face: number): void
  hb_face_reference_blob(face: number): number
  hb_set_add(set: number, value: number): void
  hb_subset_input_create_or_fail(): number
  hb_subset_input_destroy(input: number): void
  hb_subset_input_unicode_set(input: number): number
  hb_subset_input_set_flags(input: number, flags: number): void
  hb_subset_or_fail(face: number, input: number): number
}

const HB_MEMORY_MODE_WRITABLE = 2
/** Hinting helps small sizes on old rasterisers only; dropping it halves many subsets. */
const HB_SUBSET_FLAGS_NO_HINTING = 0x1

export class FontSubsetError extends Error {}

/** Instantiates hb-subset from the bytes of harfbuzz-subset.wasm. */
export async function createFontSubsetter(wasm: Uint8Array): Promise<FontSubsetter> {
  const { instance } = await WebAssembly.instantiate(wasm, {})
  const hb = instance.exports as unknown as HbSubsetExports
  return (font, codePoints) => {
    const data = hb.malloc(font.byteLength)
    if (!data) throw new FontSubsetError('Not enough memory to subset a font.')
    new Uint8Array(hb.memory.buffer).set(font, data)
    const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0)
    const face = hb.hb_face_create(blob, 0)
    hb.hb_blob_destroy(blob)
    const input = hb.hb_subset_input_create_or_fail()
    try {
      if (!input) throw new FontSubsetError('HarfBuzz could not start a subset.')
      hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING)
      const unicodes = hb.hb_subset_input_unicode_set(input)
      for (const cp of codePoints) hb.hb_set_add(unicodes, cp)
      const subset = hb.hb_subset_or_fail(face, input)
      if (!subset) throw new FontSubsetError('HarfBuzz could not subset the font.')
      const result = hb.hb_face_reference_blob(subset)
      const offset = hb.hb_blob_get_data(result, 0)
      const length = hb.hb_blob_get_length(result)
      // The memory may have grown (a new buffer): read it after the calls.
      const bytes = new Uint8Array(hb.memory.buffer, offset, length).slice()
      hb.hb_blob_destroy(result)
      hb.hb_face_destroy(subset)
      if (length === 0) throw new FontSubsetError('HarfBuzz made an empty font.')
      return bytes
    } finally {
      if (input) hb.hb_subset_input_destroy(input)
      hb.hb_face_destroy(face)
      hb.free(data)
    }
  }
}
