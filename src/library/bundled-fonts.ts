/**
 * The bundled fonts read from resources/fonts, for exports made in Node (the CLI, tests and
 * benchmarks). The renderer gets the same files as bundled assets instead.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { BUNDLED_FONTS } from '../shared/fonts'
import type { FontFiles } from '../shared/export/pdf'

export const FONTS_DIR = resolve(import.meta.dirname, '../../resources/fonts')

/** Every bundled font file by its name. Throws (with the path) when one is missing. */
export function readBundledFonts(dir: string = FONTS_DIR): FontFiles {
  const files: Record<string, Uint8Array> = {}
  for (const font of Object.values(BUNDLED_FONTS)) {
    files[font.file] = new Uint8Array(readFileSync(join(dir, font.file)))
  }
  return files
}
