/**
 * The largest map the app accepts (every count of LIMITS at its maximum): imported through the
 * library as a user's file would be, then opened in the real board in headless Chromium through
 * the real web host, panned, zoomed out to fit and analysed. Also how long refusing a file far
 * beyond the limits takes (the 100,000-stage import that used to be accepted).
 *
 * `JB_LIMITS_SIZE=stages,lanes,notes,connectors,markers,metrics,personas` measures another size.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium, type Browser, type Page } from 'playwright-core'
import { openLibraryService } from '../src/library'
import { serializeInterchange } from '../src/shared/format/interchange'
import type { JourneyError } from '../src/shared/errors'
import { LIMITS } from '../src/shared/schema/entities'
import { startHost } from '../tests/e2e/support/web-host'
import { buildSizedMap, limitPersonas, type MapSize } from './fixtures'
import {
  CHROMIUM_ARGS,
  chromiumPath,
  ensureRendererBuilt,
  heapMb,
  newPage,
  noteNearCentre,
  openMap,
  pan100,
  settle,
  shot,
  zoomOut
} from './render'
import { round } from './stats'

function sizeFromEnv(): MapSize {
  const given = process.env.JB_LIMITS_SIZE?.split(',').map(Number)
  const [stages, lanes, notes, connectors, markers, metrics, personas] = given ?? [
    LIMITS.maxStagesPerMap,
    LIMITS.maxLanesPerMap,
    LIMITS.maxNotesPerMap,
    LIMITS.maxConnectorsPerMap,
    LIMITS.maxMarkersPerMap,
    LIMITS.maxMetricsPerMap,
    LIMITS.maxPersonasPerMap
  ]
  return { stages, lanes, notes, connectors, markers, metrics, personas } as MapSize
}

/** Imports the map through the service; resolves with the library file, the map's title and the import time. */
async function prepare(dir: string, size: MapSize) {
  const file = join(dir, 'limits.sqlite')
  const service = openLibraryService(file, { backupDir: join(dir, 'backups') })
  try {
    const personas = limitPersonas(size.personas)
    const text = serializeInterchange(buildSizedMap(size), personas)
    process.stderr.write(`limits: file of ${(text.length / 2 ** 20).toFixed(1)} MB\n`)
    const started = performance.now()
    const map = await service.call('importMap', { text })
    const importMs = performance.now() - started

    // The kind of file that used to be accepted: 100,000 stages.
    const huge = buildSizedMap({
      stages: 100_000,
      lanes: 10,
      notes: 1000,
      connectors: 0,
      markers: 0,
      metrics: 0,
      personas: 0
    })
    const hugeText = serializeInterchangeUnchecked({ ...huge, emotionPoints: [] }, [])
    const refusing = performance.now()
    const refusal = await service.call('importMap', { text: hugeText }).then(
      () => 'accepted',
      (error: JourneyError) => error.message
    )
    const refuseMs = performance.now() - refusing
    process.stderr.write(`limits: 100,000 stages → ${refusal}\n`)
    return { file, title: map.title, importMs, refuseMs }
  } finally {
    service.close()
  }
}

/** The interchange text of a map the exporter would refuse to write (it checks the schema too). */
function serializeInterchangeUnchecked(
  map: ReturnType<typeof buildSizedMap>,
  personas: ReturnType<typeof limitPersonas>
) {
  const doc = { format: 'journeyboard', version: 1, exportedAt: new Date().toISOString(), map, personas }
  return JSON.stringify(doc)
}

type EditWindow = Window & {
  Konva?: { stages: { findOne(selector: string): { getClientRect(): DOMRect } | undefined }[] }
  __jbEdit?: Promise<number>
}

/**
 * One edit as a user makes it: click the note nearest the middle, press Delete, and time from the
 * key to the first frame drawn without the note; then ctrl+Z and time until it is back.
 */
async function editLatency(page: Page): Promise<{ remove: number; undo: number }> {
  const id = await page.evaluate(noteNearCentre)
  if (!id) throw new Error('no note drawn near the middle')
  const at = await page.evaluate((noteId) => {
    const node = (window as EditWindow).Konva!.stages[0]!.findOne(`#note-${noteId}`)!
    const r = node.getClientRect()
    const box = (document.querySelector('.board') as HTMLElement).getBoundingClientRect()
    return { x: box.left + r.x + r.width / 2, y: box.top + r.y + r.height / 2 }
  }, id)
  await page.mouse.click(at.x, at.y)
  await settle(page)
  const timed = async (key: string, present: boolean): Promise<number> => {
    await page.evaluate(
      ({ noteId, present }) => {
        const w = window as EditWindow
        w.__jbEdit = new Promise((done) => {
          document.addEventListener(
            'keydown',
            () => {
              const start = performance.now()
              const poll = () =>
                requestAnimationFrame(() => {
                  const there = w.Konva!.stages[0]!.findOne(`#note-${noteId}`) !== undefined
                  if (there === present) requestAnimationFrame(() => done(performance.now() - start))
                  else poll()
                })
              poll()
            },
            { capture: true, once: true }
          )
        })
      },
      { noteId: id, present }
    )
    await page.keyboard.press(key)
    return page.evaluate(() => (window as EditWindow).__jbEdit!)
  }
  const remove = await timed('Delete', false)
  await settle(page)
  const undo = await timed('Control+z', true)
  return { remove: round(remove, 0), undo: round(undo, 0) }
}

/** Opens the analysis panel and waits for its first section; resolves with the time it took. */
async function openAnalysis(page: Page): Promise<number> {
  const started = Date.now()
  await page.getByRole('button', { name: 'Analysis', exact: true }).click()
  await page.locator('.analysis-panel .finding-section').first().waitFor({ timeout: 120_000 })
  return Date.now() - started
}

export async function runLimitsBench(): Promise<Record<string, number>> {
  ensureRendererBuilt()
  const size = sizeFromEnv()
  process.stderr.write(`limits: ${JSON.stringify(size)}\n`)
  const dir = mkdtempSync(join(tmpdir(), 'jb-bench-limits-'))
  let browser: Browser | null = null
  const prepared = await prepare(dir, size)
  const host = await startHost([], prepared.file)
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS })
    const page = await newPage(browser)
    const firstPaint = await openMap(page, host.url, prepared.title)
    await settle(page)
    await shot(page, 'limits-open')
    const pan = await pan100(page, 'limits')
    await settle(page)
    const edit = await editLatency(page)
    await settle(page)
    const zoom = await zoomOut(page, 'limits')
    await shot(page, 'limits-fit')
    const analysis = await openAnalysis(page)
    await shot(page, 'limits-analysis')
    const heap = await heapMb(page)
    return {
      'limits.import_largest_ms': round(prepared.importMs, 0),
      'limits.refuse_100k_stages_ms': round(prepared.refuseMs, 0),
      'limits.first_paint_largest_ms': round(firstPaint, 0),
      'limits.pan_p95_ms_largest': pan.p95,
      'limits.zoom_p95_ms_largest': zoom,
      'limits.delete_note_largest_ms': edit.remove,
      'limits.undo_delete_largest_ms': edit.undo,
      'limits.analysis_open_largest_ms': analysis,
      'limits.heap_largest_mb': heap
    }
  } finally {
    await browser?.close()
    await host.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
