/**
 * Export benchmarks on the 2,000-note map of bench/fixtures.ts:
 * - export.pdf_2k_ms / export.pdf_2k_bytes: exportPdf in Node (A4 landscape, scaled onto one
 *   page, header), fonts read from resources/fonts once beforehand (as the app keeps them for
 *   the session); the median of three runs.
 * - export.png2x_2k_ms: in headless Chromium through the real UI of the web host: from the click
 *   on Export (PNG, 2×) in File ▸ Export… to the browser's download; the median of three runs.
 * - export.pdf_ui_2k_ms: the same for the PDF in the browser, fonts fetched by the first run.
 * - export.pdf_world65_first_ms / export.pdf_world65_bytes: the 65-note map in eleven
 *   scripts and emoji, exported once in Node from nothing: reading the 14 font files and
 *   HarfBuzz's wasm, building the text engine, laying out and writing the PDF (a first export).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { openLibraryService } from '../src/library'
import { loadPdfFontSet, readBundledFonts, readHarfBuzzWasm } from '../src/library/bundled-fonts'
import { createPdfFontSet, DEFAULT_PDF_OPTIONS, renderPdf } from '../src/shared/export/pdf'
import { createTextEngine, loadHarfBuzz } from '../src/shared/fonts'
import { worldNotesMap } from '../tests/unit/pdf-fixtures'
import { serializeInterchange } from '../src/shared/format/interchange'
import { startHost } from '../tests/e2e/support/web-host'
import { BENCH_PERSONAS, buildLargeMap } from './fixtures'
import { median, round } from './stats'

const ROOT = resolve(import.meta.dirname, '..')
const RUNS = 3

async function benchPdfNode(): Promise<{ ms: number; bytes: number; pages: number }> {
  const map = buildLargeMap(2000)
  const fonts = await loadPdfFontSet()
  const times: number[] = []
  let bytes = 0
  let pages = 0
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    const result = renderPdf(map, BENCH_PERSONAS, { ...DEFAULT_PDF_OPTIONS, date: '1 January 2026' }, fonts)
    times.push(performance.now() - started)
    bytes = result.bytes.length
    pages = result.pageCount
  }
  return { ms: median(times), bytes, pages }
}

function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && statSync(p, { throwIfNoEntry: false })?.isFile()) return p
  }
  throw new Error('No Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH.')
}

function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((latest, entry) => Math.max(latest, newest(join(path, entry))), stat.mtimeMs)
}

/** Builds the renderer when a source is newer than out/renderer (as bench/render.ts does). */
function ensureRendererBuilt(): void {
  const built = statSync(join(ROOT, 'out/renderer/index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0
  const changed = Math.max(...['src/renderer', 'src/shared', 'resources'].map((s) => newest(join(ROOT, s))))
  if (built > changed) return
  process.stderr.write('export: out/renderer is stale, building it…\n')
  const result = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2]
  })
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status})`)
}

/** Clicks Export with the format chosen; milliseconds until the download arrives. */
async function timeExport(page: Page, format: 'PNG image' | 'PDF'): Promise<{ ms: number; size: number }> {
  await page.getByRole('button', { name: 'Export…', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: /^Export “/ })
  await dialog.getByRole('radio', { name: format, exact: true }).check()
  if (format === 'PNG image') await dialog.getByRole('radio', { name: '2×' }).check()
  const downloading = page.waitForEvent('download', { timeout: 120_000 })
  const started = performance.now()
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const download = await downloading
  const ms = performance.now() - started
  const size = statSync(await download.path()).size
  await dialog.getByRole('button', { name: 'Close' }).click()
  return { ms, size }
}

async function benchInBrowser(): Promise<{ png: number; pngBytes: number; pdf: number }> {
  ensureRendererBuilt()
  const dir = mkdtempSync(join(tmpdir(), 'jb-bench-export-'))
  const file = join(dir, 'export.sqlite')
  const service = openLibraryService(file, { backupDir: join(dir, 'backups') })
  let title: string
  try {
    for (const p of BENCH_PERSONAS) await service.call('savePersona', { persona: p })
    title = (await service.call('importMap', { text: serializeInterchange(buildLargeMap(2000), BENCH_PERSONAS) })).title
  } finally {
    service.close()
  }
  const host = await startHost([], file)
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run'
    ]
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true })
    await page.goto(host.url)
    await page.getByRole('button', { name: title, exact: true }).click()
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    const png: number[] = []
    let pngBytes = 0
    for (let i = 0; i < RUNS; i++) {
      const run = await timeExport(page, 'PNG image')
      png.push(run.ms)
      pngBytes = run.size
    }
    const pdf: number[] = []
    for (let i = 0; i < RUNS; i++) pdf.push((await timeExport(page, 'PDF')).ms)
    return { png: median(png), pngBytes, pdf: median(pdf) }
  } finally {
    await browser.close()
    await host.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A first export of the 65-note, eleven-script map: fonts and HarfBuzz loaded by it. */
async function benchWorldFirst(): Promise<{ ms: number; bytes: number }> {
  const started = performance.now()
  const engine = createTextEngine(readBundledFonts(), await loadHarfBuzz(readHarfBuzzWasm()))
  const result = renderPdf(
    worldNotesMap(65),
    [],
    { ...DEFAULT_PDF_OPTIONS, date: '1 January 2026' },
    createPdfFontSet(engine)
  )
  return { ms: performance.now() - started, bytes: result.bytes.length }
}

export async function runExportBench(): Promise<Record<string, number>> {
  const world = await benchWorldFirst()
  process.stderr.write(`export: first PDF of the 65-note 11-script map: ${world.bytes} bytes\n`)
  const pdf = await benchPdfNode()
  process.stderr.write(`export: PDF of the 2k map: ${pdf.pages} page(s), ${pdf.bytes} bytes\n`)
  const browser = await benchInBrowser()
  return {
    'export.pdf_2k_ms': round(pdf.ms),
    'export.pdf_2k_bytes': pdf.bytes,
    'export.png2x_2k_ms': round(browser.png),
    'export.png2x_2k_bytes': browser.pngBytes,
    'export.pdf_ui_2k_ms': round(browser.pdf),
    'export.pdf_world65_first_ms': round(world.ms),
    'export.pdf_world65_bytes': world.bytes
  }
}
