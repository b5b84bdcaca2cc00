/**
 * Accessibility of the map screen (issue 17): axe-core finds no serious or critical violation on
 * the board with its panels, the find bar and the shortcut help open, in each theme; the theme
 * follows the system's dark preference and can be switched; focus is visible.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { ApiSocket, DEMO_MAP, seedMap } from './support/board-page'
import { centreOf, EditingBoard } from './support/editing-page'
import { expect, test } from './support/fixtures'

test.use({ viewport: { width: 1280, height: 800 } })

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    // The canvas board is described by its outline table; Konva's canvases carry no text.
    .exclude('.konvajs-content')
    .analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.any.map((a) => JSON.stringify(a.data)).join(';')}`).join(', ')}`
    )
}

test('the map screen, its panels, find and help have no serious axe violations in any theme', async ({
  page,
  host,
  home
}) => {
  const api = await ApiSocket.connect(host)
  const map = await seedMap(api, DEMO_MAP)
  api.close()
  await page.reload()
  await expect(home.heading()).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  const board = new EditingBoard(page)
  await board.open(DEMO_MAP.title)
  const note = map.notes.find((n) => n.text === 'Pricing page')!
  await page.mouse.click(...xy(centreOf(await board.boxOf(`#note-${note.id}`))))
  await expect(board.sidePanel()).toBeVisible()
  await board.board().focus()
  await page.keyboard.press('Control+f')
  await page.getByRole('searchbox', { name: 'Find on the board' }).fill('trial')

  const themeButton = page.getByRole('button', { name: /^Theme: / })
  for (const theme of ['light', 'dark', 'contrast']) {
    while ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await themeButton.click()
    expect(await seriousViolations(page), theme).toEqual([])
  }
  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click()
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
})

test('the theme follows the system’s dark preference', async ({ page, home }) => {
  void home
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(background).not.toBe('rgb(246, 247, 249)')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light')
})

test('keyboard focus is visible on the header’s controls', async ({ page, home }) => {
  void home
  await page.keyboard.press('Tab')
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement
    const style = getComputedStyle(el)
    return { width: parseFloat(style.outlineWidth), style: style.outlineStyle }
  })
  expect(outline.style).not.toBe('none')
  expect(outline.width).toBeGreaterThanOrEqual(2)
})

const xy = (p: { x: number; y: number }): [number, number] => [p.x, p.y]

test('dark is the board’s own palette, not a filter, and the choice survives a reload', async ({
  page,
  host,
  home
}) => {
  void home
  const api = await ApiSocket.connect(host)
  const map = await seedMap(api, DEMO_MAP)
  api.close()
  await page.reload()
  const board = new EditingBoard(page)
  await board.open(DEMO_MAP.title)
  const note = map.notes.find((n) => n.text === 'Pricing page')!
  const box = await board.node(`#note-${note.id}`)
  // A point inside the note right of its text, and a stage header's corner (no text there).
  const onNote = { x: box!.x + box!.width - 6, y: box!.y + box!.height / 2 }
  const header = (await board.node(`#stage-header-${map.stages[0]!.id}`))!
  const empty = { x: header.x + header.width - 4, y: header.y + header.height - 4 }
  const lightness = (hex: string) => {
    const n = Number.parseInt(hex.slice(1), 16)
    return (0.2126 * (n >> 16) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255
  }
  const pixels = async () => ({
    note: await board.pixelOnNotesLayer(onNote.x, onNote.y),
    cell: await board.pixelOnNotesLayer(empty.x, empty.y)
  })
  await expect.poll(async () => lightness((await pixels()).cell)).toBeGreaterThan(0.9)
  const light = await pixels()

  const themeButton = page.getByRole('button', { name: /^Theme: / })
  while ((await page.evaluate(() => document.documentElement.dataset.theme)) !== 'dark') await themeButton.click()
  // The canvas itself holds the dark colours (no CSS filter on it) and the note keeps its hue.
  await expect.poll(async () => lightness((await pixels()).cell)).toBeLessThan(0.2)
  const dark = await pixels()
  expect(lightness(dark.note)).toBeLessThan(lightness(light.note))
  expect(dark.note).not.toBe(dark.cell)
  expect(
    await page
      .locator('.board canvas')
      .first()
      .evaluate((c) => getComputedStyle(c).filter)
  ).toBe('none')

  await page.reload()
  await board.open(DEMO_MAP.title)
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
  await expect.poll(async () => lightness((await pixels()).cell)).toBeLessThan(0.2)
})
