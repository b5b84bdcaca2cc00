/**
 * The text engine for Node (the CLI, tests and benchmarks): the bundled fonts read from
 * resources/fonts and HarfBuzz's WebAssembly read from the harfbuzzjs package, handed to the
 * pure engine in src/shared/fonts. The renderer gets the same files as bundled assets instead.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { BUNDLED_FONTS, createTextEngine, loadHarfBuzz, type FontFiles, type TextEngine } from '../shared/fonts'
import { createPdfFontSet, type PdfFontSet } from '../shared/export/pdf'

/**
 * The app's resources/fonts, found upwards from this module: src/library when run from source,
 * out/cli/chunks in the built CLI (scripts/cli.mjs).
 */
export const FONTS_DIR = findUp(import.meta.dirname, join('resources', 'fonts'))

function findUp(from: string, path: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, path))) return join(dir, path)
    if (dirname(dir) === dir) return join(from, '..', '..', path)
  }
}

/** Every bundled font file by its name. Throws (with the path) when one is missing. */
export function readBundledFonts(dir: string = FONTS_DIR): FontFiles {
  const files: Record<string, Uint8Array> = {}
  for (const font of Object.values(BUNDLED_FONTS)) {
    files[font.file] = new Uint8Array(readFileSync(join(dir, font.file)))
  }
  return files
}

/** The bytes of harfbuzz.wasm from the harfbuzzjs package. */
export function readHarfBuzzWasm(): Uint8Array {
  const require = createRequire(import.meta.url)
  return new Uint8Array(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz.wasm')))
}

let engine: Promise<TextEngine> | null = null

/** The text engine with every bundled font and HarfBuzz, made once per process. */
export function loadTextEngine(): Promise<TextEngine> {
  engine ??= loadHarfBuzz(readHarfBuzzWasm()).then((harfbuzz) => createTextEngine(readBundledFonts(), harfbuzz))
  return engine
}

/** The PDF's fonts: the text engine with everything loaded. */
export async function loadPdfFontSet(): Promise<PdfFontSet> {
  return createPdfFontSet(await loadTextEngine())
}
