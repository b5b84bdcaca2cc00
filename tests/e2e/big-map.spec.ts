/**
 * A 50,000-note map opens without waiting for all of it: the board paints the notes of its first
 * view from a preview of the layout (`data-layout="partial"`), then finishes the layout in the
 * background (`data-layout="complete"`), and the notes in view stay where they were. How fast
 * goes to `npm run bench -- open`, not here.
 */
import { BENCH_PERSONAS, uniqueTextMap } from '../../bench/fixtures'
import { libraryWith } from './support/library-file'
import { startHost } from './support/web-host'
import { expect, test } from './support/fixtures'

type ProbeWindow = Window & {
  Konva?: {
    stages: {
      find(selector: string): { id(): string; getClientRect(): DOMRect }[]
      width(): number
      height(): number
    }[]
  }
  __partialNotes?: Record<string, { x: number; y: number }>
  __sawPartial?: boolean
}

/** Notes in view, by id, with their place on screen. */
function notesInView(): Record<string, { x: number; y: number }> {
  const stage = (window as ProbeWindow).Konva?.stages[0]
  const out: Record<string, { x: number; y: number }> = {}
  if (!stage) return out
  for (const node of stage.find('.note')) {
    const r = node.getClientRect()
    if (r.x + r.width > 0 && r.y + r.height > 0 && r.x < stage.width() && r.y < stage.height()) {
      out[node.id()] = { x: Math.round(r.x), y: Math.round(r.y) }
    }
  }
  return out
}

test('a 50,000-note map shows the notes in view before the rest is laid out, and they stay put', async ({ page }) => {
  test.setTimeout(240_000)
  const { file, maps } = await libraryWith([uniqueTextMap(50_000)], BENCH_PERSONAS)
  const host = await startHost([], file)
  try {
    await page.goto(host.url)
    const title = maps[0]!.title
    await page.getByRole('button', { name: title, exact: true }).waitFor({ timeout: 60_000 })
    // Every frame while the layout is partial: which notes are in view, and where.
    await page.evaluate(() => {
      const w = window as ProbeWindow
      const notesInView = (): Record<string, { x: number; y: number }> => {
        const stage = w.Konva?.stages[0]
        const out: Record<string, { x: number; y: number }> = {}
        if (!stage) return out
        for (const node of stage.find('.note')) {
          const r = node.getClientRect()
          if (r.x + r.width > 0 && r.y + r.height > 0 && r.x < stage.width() && r.y < stage.height())
            out[node.id()] = { x: Math.round(r.x), y: Math.round(r.y) }
        }
        return out
      }
      const watch = () => {
        const board = document.querySelector('.board')
        if (board?.getAttribute('data-layout') === 'complete') return
        if (board?.getAttribute('data-layout') === 'partial') {
          w.__sawPartial = true
          const seen = notesInView()
          if (Object.keys(seen).length > Object.keys(w.__partialNotes ?? {}).length) w.__partialNotes = seen
        }
        requestAnimationFrame(watch)
      }
      requestAnimationFrame(watch)
    })
    await page.getByRole('button', { name: title, exact: true }).click()
    await expect(page.locator('.board[data-layout="complete"]')).toBeVisible({ timeout: 180_000 })

    const partial = await page.evaluate(() => {
      const w = window as ProbeWindow
      return { saw: w.__sawPartial === true, notes: w.__partialNotes ?? {} }
    })
    expect(partial.saw).toBe(true)
    expect(Object.keys(partial.notes).length).toBeGreaterThan(10)
    // The whole layout put every note the preview showed in the same place (the board makes the
    // notes' nodes over a few frames, hence the poll).
    const moved = async () => {
      const complete = await page.evaluate(notesInView)
      return Object.entries(partial.notes)
        .filter(([id, at]) => complete[id]?.x !== at.x || complete[id]?.y !== at.y)
        .map(([id]) => id)
    }
    await expect.poll(moved, { timeout: 30_000 }).toEqual([])
    await expect(page.getByText('50,000 notes', { exact: true })).toBeVisible()
  } finally {
    await host.stop()
  }
})
