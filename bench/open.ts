/**
 * Opening big maps: the real board in headless Chromium through the real web host, on maps of
 * 2,000, 10,000 and 50,000 notes with a different text on every note (as a real map has: the
 * caches cannot hide the work). For each map: the time from the click on its card to the first
 * frame with notes painted in view (`render.open_*_ms`), the time until the whole board is laid
 * out (`render.layout_done_*_ms`, the board's `data-layout="complete"`) and the longest main
 * thread task from the click until then (`render.longest_task_*_ms`, a PerformanceObserver of
 * long tasks, which reports every task over 50 ms). The click comes once the home screen has been
 * shown for a second and the page is idle (bench/render.ts `openMap`), as a user's does.
 *
 * `JB_BENCH_PROFILE=DIR` saves a CPU profile of each open (open it in Chrome's DevTools).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { openLibraryService } from '../src/library'
import { serializeInterchange } from '../src/shared/format/interchange'
import { startHost } from '../tests/e2e/support/web-host'
import { BENCH_PERSONAS, uniqueTextMap } from './fixtures'
import {
  CHROMIUM_ARGS,
  chromiumPath,
  ensureRendererBuilt,
  newPage,
  openMap,
  pan100,
  settle,
  shot,
  zoomOut
} from './render'
import { percentile, round } from './stats'
import { frameWork, longTasks, Trace } from './trace'

/** `JB_OPEN_SIZES=50000` measures only those sizes. */
const SIZES: readonly number[] = process.env.JB_OPEN_SIZES?.split(',').map(Number) ?? [2000, 10_000, 50_000]

async function prepareLibrary(dir: string): Promise<{ file: string; titles: string[] }> {
  const file = join(dir, 'open.sqlite')
  const service = openLibraryService(file, { backupDir: join(dir, 'backups') })
  try {
    for (const p of BENCH_PERSONAS) await service.call('savePersona', { persona: p })
    const titles: string[] = []
    for (const size of SIZES) {
      const map = await service.call('importMap', { text: serializeInterchange(uniqueTextMap(size), BENCH_PERSONAS) })
      titles.push(map.title)
    }
    return { file, titles }
  } finally {
    service.close()
  }
}

type OpenWindow = Window & {
  __jbLongest?: number
  __jbLongTasks?: number
  __jbLaidOut?: number
  __jbTasks?: string[]
}

/**
 * Records the longest task from now on (PerformanceObserver 'longtask': tasks over 50 ms), and
 * the time from the next click until the board says its layout is complete.
 */
function installLongTaskProbe(): void {
  const w = window as OpenWindow
  w.__jbLongest = 0
  w.__jbLongTasks = 0
  let clickAt = 0
  document.addEventListener('click', () => (clickAt = performance.now()), { capture: true, once: true })
  const watcher = new MutationObserver(() => {
    if (document.querySelector('.board[data-layout="complete"]')) {
      w.__jbLaidOut = performance.now() - clickAt
      watcher.disconnect()
    }
  })
  watcher.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-layout'] })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      w.__jbLongest = Math.max(w.__jbLongest ?? 0, entry.duration)
      w.__jbLongTasks = (w.__jbLongTasks ?? 0) + 1
      ;(w.__jbTasks ??= []).push(`${Math.round(entry.startTime - clickAt)}+${Math.round(entry.duration)}`)
    }
  }).observe({ type: 'longtask', buffered: false })
}

async function benchOpen(browser: Browser, url: string, title: string, label: string) {
  const page: Page = await newPage(browser)
  const profileDir = process.env.JB_BENCH_PROFILE
  const cdp = profileDir ? await page.context().newCDPSession(page) : null
  const trace = process.env.JB_BENCH_TRACE ? await Trace.start(page) : null
  try {
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    const open = await openMap(page, url, title, installLongTaskProbe)
    await page.locator('.board[data-layout="complete"]').waitFor({ timeout: 120_000 })
    // A long task still running when the flag is set is reported when it ends.
    await page.waitForTimeout(300)
    const { longest, count, done, tasks } = await page.evaluate(() => {
      const w = window as OpenWindow
      return {
        longest: w.__jbLongest ?? 0,
        count: w.__jbLongTasks ?? 0,
        done: Math.round(w.__jbLaidOut ?? Number.NaN),
        tasks: (w.__jbTasks ?? []).join(' ')
      }
    })
    if (cdp && profileDir) {
      const { profile } = await cdp.send('Profiler.stop')
      mkdirSync(profileDir, { recursive: true })
      writeFileSync(join(profileDir, `open-${label}.cpuprofile`), JSON.stringify(profile))
    }
    if (trace) {
      for (const task of longTasks(await trace.stop(), 40)) {
        process.stderr.write(`open: ${label}: task ${Math.round(task.ms)} ms: ${task.what}\n`)
      }
    }
    await shot(page, `open-${label}`)
    process.stderr.write(
      `open: ${label}: painted ${round(open, 0)} ms, laid out ${done} ms, ${count} long task(s), longest ${round(longest, 0)} ms (start+ms after the click: ${tasks})\n`
    )
    return { open: round(open, 0), done, longest: round(longest, 0) }
  } finally {
    await cdp?.detach()
    await page.close()
  }
}

export async function runOpenBench(): Promise<Record<string, number>> {
  ensureRendererBuilt()
  const dir = mkdtempSync(join(tmpdir(), 'jb-bench-open-'))
  let browser: Browser | null = null
  const { file, titles } = await prepareLibrary(dir)
  const host = await startHost([], file)
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS })
    const out: Record<string, number> = {}
    for (const [i, size] of SIZES.entries()) {
      const label = size >= 1000 ? `${size / 1000}k` : String(size)
      const r = await benchOpen(browser, host.url, titles[i]!, label)
      out[`render.open_${label}_ms`] = r.open
      out[`render.layout_done_${label}_ms`] = r.done
      out[`render.longest_task_${label}_ms`] = r.longest
    }
    return out
  } finally {
    await browser?.close()
    await host.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Work per frame on the 10,000-note map (unique texts) from a Chrome trace: the main thread's
 * tasks between two frames' starts (scripting, style, layout, paint), p95 over a pan at 100 %
 * and a zoom out to fit. rAF deltas stop at the display's rate; this does not.
 */
export async function runFramesBench(): Promise<Record<string, number>> {
  ensureRendererBuilt()
  const dir = mkdtempSync(join(tmpdir(), 'jb-bench-frames-'))
  const file = join(dir, 'frames.sqlite')
  const service = openLibraryService(file, { backupDir: join(dir, 'backups') })
  let title: string
  try {
    for (const p of BENCH_PERSONAS) await service.call('savePersona', { persona: p })
    title = (await service.call('importMap', { text: serializeInterchange(uniqueTextMap(10_000), BENCH_PERSONAS) }))
      .title
  } finally {
    service.close()
  }
  const host = await startHost([], file)
  let browser: Browser | null = null
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS })
    const page = await newPage(browser)
    await openMap(page, host.url, title)
    await page.locator('.board[data-layout="complete"]').waitFor({ timeout: 120_000 })
    await settle(page)
    const traced = async (run: () => Promise<unknown>): Promise<number[]> => {
      const trace = await Trace.start(page)
      await run()
      return frameWork(await trace.stop())
    }
    const pan = await traced(() => pan100(page, '10k frames'))
    await settle(page)
    const zoom = await traced(() => zoomOut(page, '10k frames'))
    const p95 = (samples: number[]) => round(percentile(samples, 95), 1)
    process.stderr.write(
      `frames: 10k work per frame: pan p95 ${p95(pan)} ms over ${pan.length} frames, zoom p95 ${p95(zoom)} ms over ${zoom.length}\n`
    )
    return {
      'render.frame_work_p95_ms_10k': Math.max(p95(pan), p95(zoom)),
      'render.frame_work_pan_p95_ms_10k': p95(pan),
      'render.frame_work_zoom_p95_ms_10k': p95(zoom)
    }
  } finally {
    await browser?.close()
    await host.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
