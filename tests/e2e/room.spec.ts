/**
 * The board in the room (issue 17), as a facilitator uses it at 1280 × 800: the address names the
 * open map (reload, Back, a link), the shortcut help, find on the board in any script, the Connect
 * tool that turns off after one arrow.
 */
import type { Page } from '@playwright/test'
import type { JourneyMap } from '../../src/shared/model'
import { ApiSocket, DEMO_MAP, seedMap } from './support/board-page'
import { centreOf, EditingBoard, readMap } from './support/editing-page'
import { expect, test, type HomePage } from './support/fixtures'
import type { RunningHost } from './support/web-host'

test.use({ viewport: { width: 1280, height: 800 } })

async function openDemo(
  host: RunningHost,
  page: Page,
  home: HomePage
): Promise<{ board: EditingBoard; map: JourneyMap }> {
  const api = await ApiSocket.connect(host)
  const map = await seedMap(api, DEMO_MAP)
  api.close()
  await page.reload()
  await expect(home.heading()).toBeVisible()
  const board = new EditingBoard(page)
  await board.open(DEMO_MAP.title)
  return { board, map }
}

test('the address names the open map: reload keeps it and its camera, Back goes home, the link opens it', async ({
  page,
  host,
  home
}) => {
  const { board, map } = await openDemo(host, page, home)
  expect(new URL(page.url()).hash).toBe(`#/map/${map.id}`)
  expect(page.url()).not.toContain('token=')

  await board.pressKey('+')
  await board.pressKey('+')
  const zoomed = await board.zoomPercent()
  await page.waitForTimeout(400) // the camera is kept in the history entry a moment after it stops
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: DEMO_MAP.title })).toBeVisible()
  await expect.poll(() => board.zoomPercent()).toBe(zoomed)

  await page.goBack()
  await expect(home.heading()).toBeVisible()
  await page.goForward()
  await expect(page.getByRole('heading', { level: 1, name: DEMO_MAP.title })).toBeVisible()

  // A fresh tab of the same session, opened on the map's link.
  await page.goto(`${host.origin}/#/map/${map.id}`)
  await expect(page.getByRole('heading', { level: 1, name: DEMO_MAP.title })).toBeVisible()
  await home.backHome()
  expect(new URL(page.url()).hash).toBe('#/')
})

test('? opens the keyboard shortcut help, listing Undo with its keys', async ({ page, host, home }) => {
  const { board } = await openDemo(host, page, home)
  await board.pressKey('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  await expect(help.getByRole('row', { name: /^Undo Ctrl\+Z$/ })).toBeVisible()
  await expect(help.getByRole('row', { name: /^Find on the board Ctrl\+F$/ })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
  await page.keyboard.press('F1')
  await expect(help).toBeVisible()
})

test('find cycles through hits in Thai and Russian, ignoring case and accents, the camera following', async ({
  page,
  host,
  home
}) => {
  const { board, map } = await openDemo(host, page, home)
  await page.getByRole('button', { name: 'Fit', exact: true }).click()
  await board.board().focus()
  await page.keyboard.press('Control+f')
  const field = page.getByRole('searchbox', { name: 'Find on the board' })
  await expect(field).toBeFocused()
  const status = page.getByRole('search').getByRole('status')

  // Russian, typed in capitals: two notes hold "клиент" (клиентов, клиенты…).
  await field.fill('КЛИЕНТ')
  const russian = map.notes.filter((n) => n.text.toLowerCase().includes('клиент'))
  expect(russian.length).toBeGreaterThan(1)
  await expect(status).toHaveText(new RegExp(`of\\W+${russian.length}$`))
  const seen = new Set<string>()
  for (let i = 0; i < russian.length; i++) {
    await field.press('Enter')
    const text = await selectedText(page)
    const id = map.notes.find((n) => n.text === text)!.id
    seen.add(id)
    const box = await board.boxOf(`#note-${id}`)
    const frame = (await board.board().boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(frame.x)
    expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width)
    expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height)
    expect((await board.view()).zoom).toBeGreaterThanOrEqual(1)
  }
  expect([...seen].sort()).toEqual(russian.map((n) => n.id).sort())
  await field.press('Enter') // wraps around to the first
  expect(await selectedText(page)).toBe(map.notes.find((n) => n.id === [...seen][0])!.text)

  // Thai: "ลูกค้า" (customer) is in two notes.
  await field.fill('ลูกค้า')
  const thai = map.notes.filter((n) => n.text.includes('ลูกค้า'))
  await expect(status).toHaveText(new RegExp(`of\\W+${thai.length}$`))
  const thaiSeen = new Set<string>()
  for (let i = 0; i < thai.length; i++) {
    await field.press('Enter')
    thaiSeen.add(await selectedText(page))
  }
  expect([...thaiSeen].sort()).toEqual(thai.map((n) => n.text).sort())

  // Accents: "Etape" finds nothing here, "onboarding" finds the stage title.
  await field.fill('ONBOARDING')
  await field.press('Enter')
  await expect(status).toHaveText(/1\W* of/)
  await field.press('Escape')
  await expect(field).toBeHidden()
})

/** The text of the one selected note, as the side panel's Text field shows it. */
async function selectedText(page: Page): Promise<string> {
  const field = new EditingBoard(page).sidePanel().getByLabel('Text', { exact: true })
  await expect(field).toBeVisible()
  return field.inputValue()
}

test('the Connect tool draws one arrow, then a click on a note selects it; Esc also puts it away', async ({
  page,
  host,
  home
}) => {
  const { board, map } = await openDemo(host, page, home)
  const connect = page.getByRole('button', { name: 'Connect', exact: true })
  await connect.click()
  await expect(connect).toHaveAttribute('aria-pressed', 'true')
  const from = map.notes.find((n) => n.text === 'Pricing page')!
  const to = map.notes.find((n) => n.text === 'Checkout')!
  await board.drag(centreOf(await board.boxOf(`#note-${from.id}`)), centreOf(await board.boxOf(`#note-${to.id}`)))
  await expect.poll(async () => (await readMap(host, map.id)).connectors.length).toBe(map.connectors.length + 1)
  await expect(connect).toHaveAttribute('aria-pressed', 'false')
  await page.keyboard.press('Escape') // leaves the label field
  await page.mouse.click(...xy(centreOf(await board.boxOf(`#note-${to.id}`))))
  await expect(board.sidePanel()).toContainText('Checkout')

  await connect.click()
  await expect(connect).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Escape')
  await expect(connect).toHaveAttribute('aria-pressed', 'false')
})

const xy = (p: { x: number; y: number }): [number, number] => [p.x, p.y]

test('on a big map zoomed far out, stage and lane titles stay readable and the overview moves the view', async ({
  page,
  host,
  home
}) => {
  const plan: [number, number, string[]][] = []
  for (let stage = 0; stage < 8; stage++)
    for (const lane of [0, 1, 2, 3, 5, 6, 7])
      plan.push([stage, lane, Array.from({ length: 4 }, (_, i) => `Note ${stage}.${lane}.${i}`)])
  const api = await ApiSocket.connect(host)
  const map = await seedMap(api, { title: 'Big workshop', notes: plan })
  api.close()
  expect(map.notes.length).toBeGreaterThanOrEqual(150)
  await page.reload()
  await expect(home.heading()).toBeVisible()
  const board = new EditingBoard(page)
  await board.open('Big workshop')
  for (let i = 0; i < 4; i++) await board.pressKey('-')
  await expect.poll(() => board.zoomPercent()).toBeLessThanOrEqual(15)
  const titles = page.locator('.readable-stage')
  await expect(titles.first()).toBeVisible()
  const first = [...map.stages].sort((a, b) => a.order - b.order)[0]!
  await expect(titles.filter({ hasText: first.title })).toBeVisible()
  expect(await titles.first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12)
  await expect(page.locator('.readable-lane').first()).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('far-out.png') })

  // The overview is on for a big map; a click on its bottom-right corner moves the view there.
  await board.pressKey('0')
  const overview = page.getByRole('img', { name: /^Overview of the whole map/ })
  await expect(overview).toBeVisible()
  const before = await board.view()
  const box = (await overview.boundingBox())!
  await page.mouse.click(box.x + box.width - 4, box.y + box.height - 4)
  await expect.poll(async () => (await board.view()).x).toBeLessThan(before.x)
  await page.getByRole('button', { name: 'Overview', exact: true }).click()
  await expect(overview).toBeHidden()
})
