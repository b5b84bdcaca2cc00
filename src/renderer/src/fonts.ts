/**
 * The renderer's side of the text engine (src/shared/fonts): the bundled fonts and HarfBuzz's
 * WebAssembly, fetched from the app's own origin as Vite assets and handed to the one engine the
 * board, the PNG and the PDF export lay text out with.
 *
 * Every font file the engine gets is also added to the page as a FontFace of its own family
 * (BundledFont.family, from the very same bytes), so the board's canvas draws each run in the font
 * the engine measured it with, never a system font. Noto Sans (regular and bold) is loaded before
 * the first render; the other files, and HarfBuzz, when a text needs them (the engine says which):
 * text laid out before they arrive is approximate, and the engine's version changes when they do,
 * so the board lays out again.
 */
import {
  BUNDLED_FONTS,
  createTextEngine,
  loadHarfBuzz,
  withoutEmptyTables,
  type BundledFont,
  type TextEngine
} from '../../shared/fonts'
import { FONT_FAMILY } from '../../shared/layout'
import { setPaintEngine } from '../../shared/export/canvas/text-engine-ref'
import harfBuzzWasm from 'harfbuzzjs/dist/harfbuzz.wasm?url'
import dejaVuSans from '../../../resources/fonts/DejaVuSans.ttf?url'
import droidSansFallback from '../../../resources/fonts/DroidSansFallbackFull.ttf?url'
import nanumGothic from '../../../resources/fonts/NanumGothic.ttf?url'
import notoEmoji from '../../../resources/fonts/NotoEmoji-Regular.ttf?url'
import notoSansBold from '../../../resources/fonts/NotoSans-Bold.ttf?url'
import notoSans from '../../../resources/fonts/NotoSans-Regular.ttf?url'
import notoSansArabicBold from '../../../resources/fonts/NotoSansArabic-Bold.ttf?url'
import notoSansArabic from '../../../resources/fonts/NotoSansArabic-Regular.ttf?url'
import notoSansDevanagariBold from '../../../resources/fonts/NotoSansDevanagari-Bold.ttf?url'
import notoSansDevanagari from '../../../resources/fonts/NotoSansDevanagari-Regular.ttf?url'
import notoSansHebrewBold from '../../../resources/fonts/NotoSansHebrew-Bold.ttf?url'
import notoSansHebrew from '../../../resources/fonts/NotoSansHebrew-Regular.ttf?url'
import notoSansThaiBold from '../../../resources/fonts/NotoSansThai-Bold.ttf?url'
import notoSansThai from '../../../resources/fonts/NotoSansThai-Regular.ttf?url'

const URLS: Readonly<Record<string, string>> = {
  [BUNDLED_FONTS.notoSans.file]: notoSans,
  [BUNDLED_FONTS.notoSansBold.file]: notoSansBold,
  [BUNDLED_FONTS.notoSansThai.file]: notoSansThai,
  [BUNDLED_FONTS.notoSansThaiBold.file]: notoSansThaiBold,
  [BUNDLED_FONTS.notoSansArabic.file]: notoSansArabic,
  [BUNDLED_FONTS.notoSansArabicBold.file]: notoSansArabicBold,
  [BUNDLED_FONTS.notoSansHebrew.file]: notoSansHebrew,
  [BUNDLED_FONTS.notoSansHebrewBold.file]: notoSansHebrewBold,
  [BUNDLED_FONTS.notoSansDevanagari.file]: notoSansDevanagari,
  [BUNDLED_FONTS.notoSansDevanagariBold.file]: notoSansDevanagariBold,
  [BUNDLED_FONTS.droidSansFallback.file]: droidSansFallback,
  [BUNDLED_FONTS.nanumGothic.file]: nanumGothic,
  [BUNDLED_FONTS.dejaVuSans.file]: dejaVuSans,
  [BUNDLED_FONTS.notoEmoji.file]: notoEmoji
}

const SPECS = new Map<string, BundledFont>(Object.values(BUNDLED_FONTS).map((font) => [font.file, font]))

/** fetch, and XMLHttpRequest where fetch does not take the page's scheme (file:// in Electron). */
async function readAsset(url: string): Promise<Uint8Array> {
  try {
    const response = await fetch(url)
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`)
    return new Uint8Array(await response.arrayBuffer())
  } catch (error) {
    if (!url.startsWith('file:') && location.protocol !== 'file:') throw error
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest()
      request.open('GET', url)
      request.responseType = 'arraybuffer'
      request.onload = () => resolve(new Uint8Array(request.response as ArrayBuffer))
      request.onerror = () => reject(new Error(`Could not read ${url}.`))
      request.send()
    })
  }
}

const engine: TextEngine = createTextEngine()
setPaintEngine(engine)

/** The session's text engine (fonts arrive over time; see the module comment). */
export function textEngine(): TextEngine {
  return engine
}

/** Files being fetched (or fetched), so each is read once; a failed read is tried again next time. */
const files = new Map<string, Promise<Uint8Array>>()
let harfBuzz: Promise<void> | null = null
/** Bytes fetched ahead (prefetch): only the network part, nothing parsed until a text needs them. */
const fetched = new Map<string, Promise<Uint8Array>>()

function fetchAsset(url: string): Promise<Uint8Array> {
  let fetching = fetched.get(url)
  if (!fetching) {
    fetching = readAsset(url)
    fetching.catch(() => fetched.delete(url))
    fetched.set(url, fetching)
  }
  return fetching
}

function readFont(file: string): Promise<Uint8Array> {
  let reading = files.get(file)
  if (!reading) {
    const url = URLS[file]
    if (!url) return Promise.reject(new Error(`${file} is not a bundled font.`))
    reading = fetchAsset(url).then(async (bytes) => {
      const spec = SPECS.get(file)!
      // The canvas draws with this face: the same glyphs the engine measures (less any empty
      // table, which the browser's font checker refuses).
      const usable = withoutEmptyTables(bytes)
      const face = new FontFace(spec.family, usable.slice().buffer, {
        weight: spec.weight === 'bold' ? '700' : '400',
        style: 'normal',
        display: 'block'
      })
      document.fonts.add(await face.load())
      return bytes
    })
    reading.catch(() => files.delete(file))
    files.set(file, reading)
  }
  return reading
}

/** Files whose face joined the page's own family (or needed not to). */
const pageFaces = new Map<string, Promise<void>>()

/**
 * fonts.css cannot give the page's own text a file the browser refuses (an empty table): such a
 * face joins the 'Noto Sans' family from here instead, for its script only — when a text needs
 * it, never from the warm-up (it changes how the page's own text in that script is set).
 */
function joinPageFamily(file: string): Promise<void> {
  let joining = pageFaces.get(file)
  if (!joining) {
    joining = readFont(file).then(async (bytes) => {
      const spec = SPECS.get(file)!
      const usable = withoutEmptyTables(bytes)
      if (usable === bytes || !spec.ranges) return
      const dom = new FontFace(FONT_FAMILY.split(',')[0]!.replace(/'/g, '').trim(), usable.slice().buffer, {
        weight: '100 900',
        style: 'normal',
        display: 'block',
        unicodeRange: spec.ranges.map(([from, to]) => `U+${from.toString(16)}-${to.toString(16)}`).join(', ')
      })
      document.fonts.add(await dom.load())
    })
    joining.catch(() => pageFaces.delete(file))
    pageFaces.set(file, joining)
  }
  return joining
}

/**
 * Gives the engine these font files (one change for all of them); with `page`, the page's own
 * text gets them too where fonts.css cannot (joinPageFamily).
 */
async function addFonts(names: readonly string[], page = true): Promise<void> {
  const missing = names.filter((file) => !engine.fonts.has(SPECS.get(file)?.id ?? ''))
  if (missing.length > 0) {
    const loaded = await Promise.all(missing.map(async (file) => [file, await readFont(file)] as const))
    engine.addFonts(Object.fromEntries(loaded))
  }
  if (page) await Promise.all(names.map(joinPageFamily))
}

function loadShaper(): Promise<void> {
  if (engine.hasHarfBuzz) return Promise.resolve()
  harfBuzz ??= fetchAsset(harfBuzzWasm)
    .then((bytes) => loadHarfBuzz(bytes))
    .then((shaper) => engine.setHarfBuzz(shaper))
    .catch((error: unknown) => {
      harfBuzz = null
      throw error
    })
  return harfBuzz
}

/**
 * Loads what `text` needs that the engine does not have yet: font files for its scripts and,
 * for complex or right-to-left scripts, HarfBuzz. Resolves at once when nothing is missing.
 */
export async function ensureTextFor(text: string): Promise<void> {
  const { files: needed, harfbuzz } = engine.needs(text)
  await Promise.all([addFonts(needed), harfbuzz ? loadShaper() : Promise.resolve()])
}

/** Every bundled font and HarfBuzz (the PDF export: persona pages and findings may hold any script). */
export async function ensureAllText(): Promise<void> {
  await Promise.all([addFonts(Object.keys(URLS)), loadShaper()])
}

/** How long after the basic fonts the background fetch begins (0: at once; the warm-up that follows uses idle moments only). */
const PREFETCH_AFTER_MS = 0

/**
 * Loads Noto Sans (regular and bold) into the engine and the page, waiting at most `timeoutMs`,
 * so the board's first layout measures with the real fonts.
 */
export async function loadBoardFonts(timeoutMs = 5000): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return
  const basic = addFonts([BUNDLED_FONTS.notoSans.file, BUNDLED_FONTS.notoSansBold.file])
  await Promise.race([basic.catch(() => {}), new Promise((resolve) => setTimeout(resolve, timeoutMs))])
  // The other files and HarfBuzz are fetched in the background (the network part only: a map in
  // another script then lays out with its fonts at once instead of waiting for the download).
  setTimeout(() => {
    for (const url of [...Object.values(URLS), harfBuzzWasm]) void fetchAsset(url).catch(() => {})
    warmUp()
  }, PREFETCH_AFTER_MS)
}

/** Boards on screen: the warm-up adds nothing while one is (a new font lays its map out again). */
let boardsShown = 0

/**
 * Keeps the background warm-up from giving the engine fonts while a board is on screen (every
 * font added makes the board lay its whole map out again); returns the release function.
 */
export function holdFontWarmUp(): () => void {
  boardsShown++
  let held = true
  return () => {
    if (held) boardsShown--
    held = false
  }
}

/**
 * While the home screen waits for a click: the fetched fonts and HarfBuzz go into the engine
 * (and the page), one file per idle moment, so the first map in any script opens without waiting
 * for them (a 2,000-note map with Thai and Chinese notes waited ≈ 150–500 ms for them; `npm run
 * bench -- open`). It stops for good once a board is shown: the board then asks for what its
 * text needs, as before. Costs a few MB of memory for scripts a library may never use.
 */
function warmUp(): void {
  if (typeof requestIdleCallback !== 'function') return
  const steps: (() => Promise<void>)[] = [
    () => loadShaper(),
    ...Object.keys(URLS).map((file) => () => addFonts([file], false))
  ]
  const next = () => {
    const step = steps.shift()
    if (!step || boardsShown > 0) return
    requestIdleCallback(() => {
      if (boardsShown > 0) return
      void step()
        .catch(() => {})
        .then(next)
    })
  }
  next()
}

/** Loads what `text` needs; kept for callers that load per weight (both weights' files are loaded). */
export async function loadFontsFor(text: string, _weight: 'normal' | 'bold' = 'normal'): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return
  await ensureTextFor(text || 'A')
}
