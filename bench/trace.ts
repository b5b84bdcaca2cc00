/**
 * Chrome traces for the benchmarks: the main thread's tasks with what ran in them, and the
 * work of each frame (scripting, style and layout, paint and raster on the renderer's main
 * thread), which rAF deltas cannot show when frames are held to the display's rate.
 */
import type { CDPSession, Page } from 'playwright-core'

export interface TraceEvent {
  readonly name: string
  readonly cat: string
  readonly ph: string
  /** Microseconds. */
  readonly ts: number
  readonly dur?: number
  readonly pid: number
  readonly tid: number
  readonly args?: { data?: Record<string, unknown> }
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing']

export class Trace {
  private constructor(private readonly cdp: CDPSession) {}

  static async start(page: Page): Promise<Trace> {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' })
    return new Trace(cdp)
  }

  async stop(): Promise<TraceEvent[]> {
    const events: TraceEvent[] = []
    this.cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])))
    const done = new Promise<void>((resolve) => this.cdp.once('Tracing.tracingComplete', () => resolve()))
    await this.cdp.send('Tracing.end')
    await done
    await this.cdp.detach()
    return events
  }
}

/** The renderer's main thread: the thread that ran the most 'RunTask's with script in them. */
export function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } {
  const counts = new Map<string, number>()
  for (const e of events) {
    if (e.name === 'FunctionCall' || e.name === 'FireAnimationFrame') {
      const key = `${e.pid}:${e.tid}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '0:0'
  const [pid, tid] = best.split(':').map(Number)
  return { pid: pid!, tid: tid! }
}

/** Main-thread tasks (RunTask) longer than `minMs`, with the names of what ran inside. */
export function longTasks(events: readonly TraceEvent[], minMs: number): { ms: number; at: number; what: string }[] {
  const main = mainThread(events)
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) / 1000 >= minMs)
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0)
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts < end && (e.dur ?? 0) > 2000)
    const what = inside
      .slice(0, 12)
      .map((e) => {
        const data = e.args?.data ?? {}
        const fn = typeof data['functionName'] === 'string' && data['functionName'] ? `:${data['functionName']}` : ''
        const type = typeof data['type'] === 'string' ? `:${data['type']}` : ''
        return `${e.name}${fn}${type}(${Math.round((e.dur ?? 0) / 1000)})`
      })
      .join(' ')
    return { ms: (task.dur ?? 0) / 1000, at: task.ts / 1000, what }
  })
}

/**
 * Work per frame on the main thread: the time of the tasks between two frames' starts
 * ('AnimationFrame' begins), i.e. scripting, style, layout and paint the frame needed, in ms.
 */
export function frameWork(events: readonly TraceEvent[]): number[] {
  const main = mainThread(events)
  const tasks = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask')
    .sort((a, b) => a.ts - b.ts)
  // Chromium marks each frame on the main thread as an 'AnimationFrame' async event.
  const frames = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'AnimationFrame' && e.ph === 'b')
    .map((e) => e.ts)
    .sort((a, b) => a - b)
  const out: number[] = []
  let t = 0
  for (let f = 1; f < frames.length; f++) {
    const from = frames[f - 1]!
    const to = frames[f]!
    let busy = 0
    while (t < tasks.length && tasks[t]!.ts < from) t++
    for (let k = t; k < tasks.length && tasks[k]!.ts < to; k++) busy += (tasks[k]!.dur ?? 0) / 1000
    out.push(busy)
  }
  return out
}
