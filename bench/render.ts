/**
 * Render benchmarks: the real board in headless Chromium, opened through the UI of the real web
 * host on a real library file holding the 2,000- and 10,000-note maps.
 *
 * Chromium runs with `--disable-frame-rate-limit --disable-gpu-vsync`, so frames are not held to
 * 60 Hz and a frame's time is its real cost. Each scenario moves the camera once per frame for
 * FRAMES frames through the board's own input path (a wheel event dispatched on the board, which
 * its wheel handler turns into a pan or, with ctrl, a zoom at the pointer); a frame is the
 * requestAnimationFrame delta, reported as p95. The note drag moves the pointer once per frame
 * through the board's pointer handlers after a real (CDP) button press on the note (dragNote).
 *
 * The floor is a bare Konva page (bench/baseline.html + bench/baseline.ts) with the same 2,000
 * notes as plain rectangles with text, no culling, panned the same way in the same run.
 *
 * `JB_BENCH_SHOTS=DIR npm run bench -- render` also saves screenshots of the board at 100% and 25%.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { openLibraryService } from '../src/library'
import { serializeInterchange } from '../src/shared/format/interchange'
import { layoutMap, type MeasureText } from '../src/shared/layout'
import { startHost } from '../tests/e2e/support/web-host'
import { buildBaseline, type BaselineNote } from './baseline'
import { BENCH_PERSONAS, buildLargeMap } from './fixtures'
import { percentile, round } from './stats'

const ROOT = resolve(import.meta.dirname, '..')
const FRAMES = 120
export const VIEWPORT = { width: 1600, height: 1000 }
/**
 * Screen pixels the camera moves per frame when panning at 100% (a brisk trackpad scroll: 1.2 km/s
 * of board at 60 Hz); over 120 frames it crosses half the 2k board and never reaches its edge.
 */
const PAN_STEP = { dx: 20, dy: 14 }
/**
 * At 25% the 2k board is about as wide as the view and taller than it: the pan goes down and back
 * up (a screen pixel is 4 board units), with the whole width of the board, hundreds of notes, in view.
 */
const PAN25_STEP = { dx: 1, dy: 8 }
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-frame-rate-limit',
  '--disable-gpu-vsync'
]

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const p of candidates) {
    if (!p) continue
    try {
      if (statSync(p).isFile()) return p
    } catch {
      // try the next one
    }
  }
  throw new Error('No Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH.')
}

/** Newest modification time of the files under `dir` (recursively). */
function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = stat.mtimeMs
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)))
  return latest
}

/** Builds the renderer (as `npm run build:web` does) when any of its sources is newer than out/renderer. */
export function ensureRendererBuilt(): void {
  const built = join(ROOT, 'out/renderer/index.html')
  let builtAt = 0
  try {
    builtAt = statSync(built).mtimeMs
  } catch {
    // not built yet
  }
  const sources = ['src/renderer', 'src/shared', 'resources', 'electron.vite.config.ts', 'package-lock.json']
  const changed = Math.max(...sources.map((s) => newest(join(ROOT, s))))
  if (builtAt > changed) return
  process.stderr.write('render: out/renderer is stale, building it…\n')
  const result = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2]
  })
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status})`)
}

/** A fresh library file holding the two benchmark maps, imported through the service. */
async function prepareLibrary(dir: string): Promise<{ file: string; titles: { k2: string; k10: string } }> {
  const file = join(dir, 'render.sqlite')
  const service = openLibraryService(file, { backupDir: join(dir, 'backups') })
  try {
    for (const p of BENCH_PERSONAS) await service.call('savePersona', { persona: p })
    const k2 = await service.call('importMap', { text: serializeInterchange(buildLargeMap(2000), BENCH_PERSONAS) })
    const k10 = await service.call('importMap', { text: serializeInterchange(buildLargeMap(10_000), BENCH_PERSONAS) })
    return { file, titles: { k2: k2.title, k10: k10.title } }
  } finally {
    service.close()
  }
}

// ---------------------------------------------------------------------------------------------
// In-page helpers. Playwright serialises these into the page: they must not close over anything.

interface PageKonvaNode {
  id(): string
  x(): number
  y(): number
  getClientRect(): { x: number; y: number; width: number; height: number }
}
interface PageKonvaStage {
  x(): number
  y(): number
  scaleX(): number
  width(): number
  height(): number
  find(selector: string): PageKonvaNode[]
  findOne(selector: string): unknown
}
type PageWindow = Window & {
  Konva?: { stages: PageKonvaStage[] }
  __jbFirstPaint?: Promise<number>
}

/**
 * Resolves with the time from the next click to the end of the first drawing of the notes layer
 * after which it has pixels where a note on screen is (or the zoomed-out block shape exists).
 */
function installFirstPaintProbe(): void {
  const w = window as PageWindow
  w.__jbFirstPaint = new Promise<number>((resolvePaint) => {
    let clickAt = 0
    const drawn = (): boolean => {
      const stage = w.Konva?.stages[0]
      if (!stage) return false
      if (stage.findOne('#notes-lod')) return true
      const layer = stage.findOne('#notes-layer') as
        { getCanvas(): { _canvas: HTMLCanvasElement; getPixelRatio(): number } } | undefined
      if (!layer) return false
      const canvas = layer.getCanvas()
      const ctx = canvas._canvas.getContext('2d')
      if (!ctx) return false
      const ratio = canvas.getPixelRatio()
      for (const node of stage.find('.note')) {
        const r = node.getClientRect()
        const x = r.x + r.width - 6
        const y = r.y + r.height / 2
        if (x < 0 || y < 0 || x >= stage.width() || y >= stage.height()) continue
        const alpha = ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data[3] ?? 0
        if (alpha > 0) return true
      }
      return false
    }
    // Looked at when the notes layer has drawn (Konva's 'draw' event, at the end of the animation
    // frame's drawing: the screen shows those pixels with that frame) and at every frame.
    let done = false
    let watched: { on(event: string, listener: () => void): void } | undefined
    const look = () => {
      if (done || !drawn()) return
      done = true
      resolvePaint(performance.now() - clickAt)
    }
    const poll = () =>
      requestAnimationFrame(() => {
        const layer = w.Konva?.stages[0]?.findOne('#notes-layer') as typeof watched
        if (layer && layer !== watched) {
          watched = layer
          layer.on('draw.jbprobe', look)
        }
        look()
        if (!done) poll()
      })
    document.addEventListener(
      'click',
      () => {
        clickAt = performance.now()
        poll()
      },
      { capture: true, once: true }
    )
  })
}

interface LoopOptions {
  readonly frames: number
  /** A wheel event per frame on the board: screen pixels, or with ctrl a zoom step at the centre. */
  readonly wheel?: { readonly dx: number; readonly dy: number; readonly ctrl: boolean; readonly backAndForth: boolean }
  /**
   * A pointer move per frame, by screen pixels, from `from` (client coordinates): the mouse
   * button is down on a note (pressed through CDP, so the board captured the pointer), and the
   * moves go to the board's own pointer handlers, as the browser would send them.
   */
  readonly pointer?: { readonly from: { x: number; y: number }; readonly dx: number; readonly dy: number }
  /** A note node moved per frame on the drag layer, by screen pixels (when the real drag is not there). */
  readonly drag?: { readonly noteId: string; readonly dx: number; readonly dy: number }
}

/**
 * Moves the camera (or the dragged note) once per animation frame and returns the frame times:
 * the deltas between consecutive requestAnimationFrame callbacks, from the frame that draws the
 * first move to the one that draws the last.
 */
export function frameLoop(options: LoopOptions): Promise<number[]> {
  const w = window as PageWindow
  const board = document.querySelector('.board') as HTMLElement
  const box = board.getBoundingClientRect()
  const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 }
  let move: (i: number) => void = () => undefined
  if (options.wheel) {
    const { dx, dy, ctrl, backAndForth } = options.wheel
    move = (i) => {
      const sign = backAndForth && i >= options.frames / 2 ? -1 : 1
      board.dispatchEvent(
        new WheelEvent('wheel', {
          deltaX: sign * dx,
          deltaY: sign * dy,
          deltaMode: 0,
          ctrlKey: ctrl,
          clientX: centre.x,
          clientY: centre.y,
          bubbles: true,
          cancelable: true
        })
      )
    }
  } else if (options.pointer) {
    const { from, dx, dy } = options.pointer
    let at = { ...from }
    move = (i) => {
      // Zigzag across and slowly down, over neighbouring cells: the drop line moves too.
      at = { x: at.x + (i % 40 < 20 ? dx : -dx), y: at.y + dy }
      board.dispatchEvent(
        new PointerEvent('pointermove', {
          pointerId: 1,
          pointerType: 'mouse',
          isPrimary: true,
          buttons: 1,
          clientX: at.x,
          clientY: at.y,
          bubbles: true,
          cancelable: true,
          composed: true
        })
      )
    }
  } else if (options.drag) {
    // Without a note drag on the board, do what it does: the note's node moves to the drag layer
    // and follows the pointer there, so only that layer redraws per frame.
    type Movable = PageKonvaNode & {
      moveTo(layer: unknown): void
      position(p: { x: number; y: number }): void
      getLayer(): { batchDraw(): void } | null
    }
    const stage = w.Konva!.stages[0]!
    const node = stage.findOne(`#note-${options.drag.noteId}`) as Movable
    const from = node.getLayer()
    const dragLayer = stage.findOne('#drag-layer') as { batchDraw(): void; visible(v: boolean): void }
    // The board hides the drag layer while it holds nothing and shows it when a drag starts.
    dragLayer.visible(true)
    node.moveTo(dragLayer)
    from?.batchDraw()
    const { dx, dy } = options.drag
    const zoom = stage.scaleX()
    move = (i) => {
      const sign = i % 40 < 20 ? 1 : -1
      node.position({ x: node.x() + (sign * dx) / zoom, y: node.y() + dy / zoom })
      dragLayer.batchDraw()
    }
  }
  return new Promise((done) => {
    const deltas: number[] = []
    let warmup = 5
    let i = 0
    let last = 0
    const tick = (t: number) => {
      if (warmup > 0) {
        warmup--
      } else {
        if (i > 0) deltas.push(t - last)
        if (i === options.frames) return done(deltas)
        move(i)
        i++
      }
      last = t
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

export function boardView(): { x: number; y: number; zoom: number } {
  const stage = (window as PageWindow).Konva!.stages[0]!
  return { x: stage.x(), y: stage.y(), zoom: stage.scaleX() }
}

/** The id of the drawn note nearest the middle of the board. */
export function noteNearCentre(): string | null {
  const stage = (window as PageWindow).Konva!.stages[0]!
  const cx = stage.width() / 2
  const cy = stage.height() / 2
  let best: { id: string; d: number } | null = null
  for (const node of stage.find('.note')) {
    const r = node.getClientRect()
    const d = Math.hypot(r.x + r.width / 2 - cx, r.y + r.height / 2 - cy)
    if (!best || d < best.d) best = { id: node.id().replace(/^note-/, ''), d }
  }
  return best?.id ?? null
}

/** Resolves after `n` animation frames. */
function frames(n: number): Promise<void> {
  return new Promise((done) => {
    const step = (left: number) => (left <= 0 ? done() : requestAnimationFrame(() => step(left - 1)))
    step(n)
  })
}

// ---------------------------------------------------------------------------------------------

/**
 * A page for a scenario. tsx compiles this file with esbuild's keepNames, which wraps nested
 * functions in a `__name` helper that does not exist in the page: define it there as a no-op.
 */
export async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT })
  await page.addInitScript('globalThis.__name = (f) => f')
  return page
}

/** p95 of a scenario's frame times; the spread goes to stderr for whoever is tuning. */
export function p95(name: string, samples: readonly number[]): number {
  const f = (p: number) => round(percentile(samples, p), 1)
  process.stderr.write(
    `render: ${name.padEnd(10)} frames ${samples.length}: median ${f(50)}, p95 ${f(95)}, max ${f(100)} ms\n`
  )
  return f(95)
}

/** Lets the board finish any work spread over frames (node creation, tiles) before measuring. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(600)
  await page.evaluate(frames, 30)
}

export async function press(page: Page, key: string, times = 1): Promise<void> {
  await page.locator('.board').focus()
  for (let i = 0; i < times; i++) await page.keyboard.press(key)
}

export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return round(usedSize / 2 ** 20, 1)
  } finally {
    await cdp.detach()
  }
}

export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.JB_BENCH_SHOTS
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`) })
  // And a part at full size, to judge text and tile edges without the viewer scaling it down.
  await page.screenshot({ path: join(dir, `${name}-detail.png`), clip: { x: 150, y: 60, width: 800, height: 500 } })
}

/**
 * Waits as a user does before a click: a second on the home screen, then until the page is idle
 * (three idle periods of 40 ms or more in a row; at most 5 s), so the click does not land in the
 * middle of the page's start (the home screen puts fonts into the text engine while it waits).
 */
async function settleHome(page: Page): Promise<void> {
  await page.waitForTimeout(1000)
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const started = performance.now()
        let calm = 0
        const check = (deadline: IdleDeadline) => {
          calm = deadline.timeRemaining() >= 40 ? calm + 1 : 0
          if (calm >= 3 || performance.now() - started > 5000) resolve()
          else requestIdleCallback(check)
        }
        requestIdleCallback(check)
      })
  )
}

/** Home → click the map; resolves with the click-to-notes-on-screen time. */
export async function openMap(page: Page, url: string, title: string, probe?: () => void): Promise<number> {
  await page.goto(url)
  const button = page.getByRole('button', { name: title, exact: true })
  await button.waitFor({ timeout: 60_000 })
  await settleHome(page)
  await page.evaluate(installFirstPaintProbe)
  if (probe) await page.evaluate(probe)
  await button.click()
  return page.evaluate(() => (window as PageWindow).__jbFirstPaint!)
}

/** Zoom to 100% at the centre, then pan FRAMES frames. */
export async function pan100(page: Page, label: string): Promise<{ p95: number; start: { x: number; y: number } }> {
  await press(page, '0')
  await settle(page)
  const start = await page.evaluate(boardView)
  const deltas = await page.evaluate(frameLoop, {
    frames: FRAMES,
    wheel: { ...PAN_STEP, ctrl: false, backAndForth: false }
  })
  return { p95: p95(`${label} pan`, deltas), start }
}

/** Fit to learn the fit zoom, back to 100% at the board's centre, then zoom out to fit in FRAMES frames. */
export async function zoomOut(page: Page, label: string): Promise<number> {
  await page.getByRole('button', { name: 'Fit', exact: true }).click()
  await settle(page)
  const fit = (await page.evaluate(boardView)).zoom
  await press(page, '0')
  await settle(page)
  // ctrl+wheel multiplies the zoom by exp(-0.0025 · deltaY) (wheelZoomFactor).
  const deltaY = Math.log(1 / fit) / (0.0025 * FRAMES)
  const deltas = await page.evaluate(frameLoop, {
    frames: FRAMES,
    wheel: { dx: 0, dy: deltaY, ctrl: true, backAndForth: false }
  })
  await settle(page)
  const end = (await page.evaluate(boardView)).zoom
  if (Math.abs(end - fit) > 0.01) process.stderr.write(`render: zoom ended at ${end}, fit is ${fit}\n`)
  return p95(`${label} zoom`, deltas)
}

/**
 * Drags the note nearest the middle at 100% for FRAMES frames: the button goes down on it and
 * the first moves go through CDP (real input, so the board takes the pointer and starts its drag
 * gesture), then one pointer move per frame goes to the board's handlers. Esc ends the drag,
 * so the map is left as it was. If the board does not start a note drag (the gesture it reports
 * in data-gesture), the note's node is moved on the drag layer instead, as the drag would.
 */
async function dragNote(page: Page): Promise<number> {
  const noteId = await page.evaluate(noteNearCentre)
  if (!noteId) throw new Error('no note drawn at 100%')
  const from = await page.evaluate((id) => {
    const stage = (window as PageWindow).Konva!.stages[0]!
    const node = stage.findOne(`#note-${id}`) as PageKonvaNode
    const r = node.getClientRect()
    const box = (document.querySelector('.board') as HTMLElement).getBoundingClientRect()
    return { x: box.left + r.x + r.width / 2, y: box.top + r.y + r.height / 2 }
  }, noteId)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 6, from.y + 2, { steps: 3 })
  const gesture = await page.evaluate(() => (document.querySelector('.board') as HTMLElement).dataset.gesture ?? '')
  let deltas: number[]
  if (gesture === 'draggingNotes') {
    deltas = await page.evaluate(frameLoop, {
      frames: FRAMES,
      pointer: { from: { x: from.x + 6, y: from.y + 2 }, dx: 6, dy: 2 }
    })
    await shot(page, 'render-2k-drag')
    await page.keyboard.press('Escape')
    await page.mouse.up()
  } else {
    await page.mouse.up()
    await page.keyboard.press('Escape')
    process.stderr.write(`render: no note drag on the board (gesture "${gesture}"): moving the note's node instead\n`)
    deltas = await page.evaluate(frameLoop, { frames: FRAMES, drag: { noteId, dx: 6, dy: 2 } })
    await shot(page, 'render-2k-drag')
  }
  await settle(page)
  return p95('2k drag', deltas)
}

async function benchMap2k(browser: Browser, url: string, title: string) {
  const page = await newPage(browser)
  try {
    const firstPaint = await openMap(page, url, title)
    await settle(page)
    const pan = await pan100(page, '2k')
    await settle(page)
    await shot(page, 'render-2k-100')

    // Fit (the board centred), then up the zoom stops to 25%, anchored at the centre.
    await page.getByRole('button', { name: 'Fit', exact: true }).click()
    for (let i = 0; i < 5 && (await page.evaluate(boardView)).zoom < 0.25 - 1e-6; i++) await press(page, '+')
    await settle(page)
    const zoom25 = (await page.evaluate(boardView)).zoom
    if (Math.abs(zoom25 - 0.25) > 1e-6) throw new Error(`expected 25% zoom, got ${zoom25}`)
    const pan25 = await page.evaluate(frameLoop, {
      frames: FRAMES,
      wheel: { ...PAN25_STEP, ctrl: false, backAndForth: true }
    })
    await settle(page)
    await shot(page, 'render-2k-25')

    const zoom = await zoomOut(page, '2k')
    await shot(page, 'render-2k-fit')

    await press(page, '0')
    await settle(page)
    const drag = await dragNote(page)
    const heap = await heapMb(page)
    return {
      firstPaint: round(firstPaint, 0),
      pan: pan.p95,
      panStart: pan.start,
      pan25: p95('2k pan25', pan25),
      zoom,
      drag,
      heap
    }
  } finally {
    await page.close()
  }
}

async function benchMap10k(browser: Browser, url: string, title: string) {
  const page = await newPage(browser)
  try {
    const firstPaint = await openMap(page, url, title)
    await settle(page)
    const pan = await pan100(page, '10k')
    await settle(page)
    await shot(page, 'render-10k-100')
    const zoom = await zoomOut(page, '10k')
    await shot(page, 'render-10k-fit')
    const heap = await heapMb(page)
    return { firstPaint: round(firstPaint, 0), pan: pan.p95, zoom, heap }
  } finally {
    await page.close()
  }
}

/** Serves bench/baseline.html and Konva's UMD build on 127.0.0.1. */
async function startBaselineServer(): Promise<{ server: Server; url: string }> {
  const files: Record<string, { path: string; type: string }> = {
    '/': { path: join(ROOT, 'bench/baseline.html'), type: 'text/html; charset=utf-8' },
    '/konva.min.js': { path: join(ROOT, 'node_modules/konva/konva.min.js'), type: 'text/javascript' }
  }
  const server = createServer((req, res) => {
    const file = files[req.url ?? '']
    if (!file) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': file.type }).end(readFileSync(file.path))
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('baseline server has no port')
  return { server, url: `http://127.0.0.1:${address.port}/` }
}

/** The 2k map's notes where the layout puts them (a rough text measure: only the drawing is compared). */
function baselineNotes(): BaselineNote[] {
  const measure: MeasureText = (text, font) => [...text].length * font.size * 0.55
  const scene = layoutMap(buildLargeMap(2000), measure, { personas: BENCH_PERSONAS })
  return scene.notes.map((n) => ({
    x: n.x,
    y: n.y,
    w: n.w,
    h: n.h,
    fill: n.fill,
    text: n.text.lines.map((l) => l.text).join(' ')
  }))
}

async function benchBaseline(browser: Browser, start: { x: number; y: number }): Promise<number> {
  const { server, url } = await startBaselineServer()
  const page = await newPage(browser)
  try {
    await page.goto(url)
    await page.evaluate(buildBaseline, baselineNotes())
    // Start where the board's pan started, so both pan over the same notes.
    await page.evaluate((p) => {
      const stage = (window as PageWindow).Konva!.stages[0] as unknown as {
        position(p: { x: number; y: number }): void
        batchDraw(): void
      }
      stage.position(p)
      stage.batchDraw()
    }, start)
    await settle(page)
    const deltas = await page.evaluate(frameLoop, {
      frames: FRAMES,
      wheel: { ...PAN_STEP, ctrl: false, backAndForth: false }
    })
    await shot(page, 'render-baseline')
    return p95('baseline', deltas)
  } finally {
    await page.close()
    await new Promise((done) => server.close(done))
  }
}

/** Other work on the machine shows up as long frames: say how busy it was. */
function reportLoad(when: string): void {
  const [one] = loadavg()
  const cores = availableParallelism()
  const busy = (one ?? 0) > cores / 2 ? ' (busy: frame times will be noisy)' : ''
  process.stderr.write(`render: load average ${(one ?? 0).toFixed(2)} on ${cores} cores ${when}${busy}\n`)
}

export async function runRenderBench(): Promise<Record<string, number>> {
  ensureRendererBuilt()
  reportLoad('before')
  const dir = mkdtempSync(join(tmpdir(), 'jb-bench-render-'))
  let browser: Browser | null = null
  const host = await prepareLibrary(dir).then(({ file, titles }) =>
    startHost([], file).then((running) => ({ running, titles }))
  )
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS })
    const k2 = await benchMap2k(browser, host.running.url, host.titles.k2)
    const baseline = await benchBaseline(browser, k2.panStart)
    const k10 = await benchMap10k(browser, host.running.url, host.titles.k10)
    reportLoad('after')
    return {
      'render.first_paint_2k_ms': k2.firstPaint,
      'render.pan_p95_ms_2k': k2.pan,
      'render.pan25_p95_ms_2k': k2.pan25,
      'render.zoom_p95_ms_2k': k2.zoom,
      'render.drag_p95_ms_2k': k2.drag,
      'render.heap_2k_mb': k2.heap,
      'render.baseline_pan_p95_ms_2k': baseline,
      'render.first_paint_10k_ms': k10.firstPaint,
      'render.pan_p95_ms_10k': k10.pan,
      'render.zoom_p95_ms_10k': k10.zoom,
      'render.heap_10k_mb': k10.heap
    }
  } finally {
    await browser?.close()
    await host.running.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
