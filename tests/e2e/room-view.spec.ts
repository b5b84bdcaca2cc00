/**
 * What the room sees (issue 17), at a projector's 1280 × 800 and at 1920 × 1080: a presentation
 * step shows its stage's notes at 14 px or more and all of the stage on screen (in pages of lanes
 * when it is taller than the screen); Fit shows every lane above the tool bars; a selected note is
 * never under a panel; the header stays one row with a 60-character title.
 */
import type { Page } from '@playwright/test'
import { LAYOUT } from '../../src/shared/layout'
import type { JourneyMap } from '../../src/shared/model'
import { ApiSocket, DEMO_MAP, seedMap } from './support/board-page'
import { centreOf, EditingBoard } from './support/editing-page'
import { expect, expectHeaderOnOneRow, test, type HomePage } from './support/fixtures'
import type { RunningHost } from './support/web-host'
import { Presenting } from './support/workshop-page'

async function openDemo(
  host: RunningHost,
  page: Page,
  home: HomePage,
  title = DEMO_MAP.title
): Promise<{ board: EditingBoard; map: JourneyMap }> {
  const api = await ApiSocket.connect(host)
  const map = await seedMap(api, { ...DEMO_MAP, title })
  api.close()
  await page.reload()
  await expect(home.heading()).toBeVisible()
  const board = new EditingBoard(page)
  await board.open(title)
  return { board, map }
}

const byOrder = <T extends { order: number }>(xs: readonly T[]) => [...xs].sort((a, b) => a.order - b.order)

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 }
]) {
  test.describe(`at ${size.width} × ${size.height}`, () => {
    test.use({ viewport: size })

    test('each presentation step shows its stage’s notes at ≥ 14 px, all of the stage on screen', async ({
      page,
      host,
      home
    }) => {
      const { board, map } = await openDemo(host, page, home)
      const presenting = new Presenting(page)
      await presenting.start()
      const bar = (await presenting.bar().boundingBox())!
      const stages = byOrder(map.stages)
      const lanes = byOrder(map.lanes)
      // The first two stages, page by page.
      for (const stage of stages.slice(0, 2)) {
        const seen = new Set<string>()
        for (;;) {
          const where = (await presenting.where().textContent()) ?? ''
          expect(where).toContain(stage.title)
          await expect(presenting.highlight()).toHaveAttribute('data-stage-id', stage.id)
          // The glide has ended when the camera stops.
          let last = ''
          await expect
            .poll(async () => {
              const v = JSON.stringify(await board.view())
              const still = v === last
              last = v
              return still
            })
            .toBe(true)
          const view = await board.view()
          expect(LAYOUT.noteFont.size * view.zoom).toBeGreaterThanOrEqual(14)
          const header = (await board.node(`#stage-header-${stage.id}`))!
          const left = view.x + header.x * view.zoom
          expect(left).toBeGreaterThanOrEqual(LAYOUT.laneHeaderWidth * view.zoom - 1)
          expect(left + header.width * view.zoom).toBeLessThanOrEqual(size.width)
          // The lanes on screen (between the sticky stage titles and the bar) are whole.
          const top = LAYOUT.stageHeaderHeight * view.zoom
          for (const lane of lanes) {
            const node = (await board.node(`#lane-header-${lane.id}`))!
            const y0 = view.y + node.y * view.zoom
            const y1 = y0 + node.height * view.zoom
            if (y0 >= top - 1 && y1 <= bar.y + 1) seen.add(lane.id)
          }
          if (!/\((\d+)\/\1\)|^[^(]*$/.test(where)) {
            await page.keyboard.press('ArrowRight')
            await expect(presenting.where()).not.toHaveText(where)
            continue
          }
          break
        }
        expect([...seen].sort()).toEqual(lanes.map((l) => l.id).sort())
        await page.keyboard.press('ArrowRight')
      }
      if (size.width === 1280) await page.screenshot({ path: test.info().outputPath('present.png') })
    })

    test('Fit shows every lane above the tool bars, and fits again when the window shrinks', async ({
      page,
      host,
      home
    }) => {
      const { board, map } = await openDemo(host, page, home)
      const check = async () => {
        await page.getByRole('button', { name: 'Fit', exact: true }).click()
        const tools = (await page.getByRole('toolbar', { name: 'Board tools' }).boundingBox())!
        const zoom = (await page.getByRole('toolbar', { name: 'Zoom' }).boundingBox())!
        const frame = (await board.board().boundingBox())!
        const lastLane = byOrder(map.lanes).at(-1)!
        await expect
          .poll(async () => {
            const box = await board.box(`#lane-header-${lastLane.id}`)
            return box ? box.y + box.height : Infinity
          })
          .toBeLessThanOrEqual(Math.min(tools.y, zoom.y))
        const lastStage = byOrder(map.stages).at(-1)!
        const stage = (await board.box(`#stage-header-${lastStage.id}`))!
        expect(stage.x + stage.width).toBeLessThanOrEqual(frame.x + frame.width)
        // The "+" under the last lane is not under the tool bar.
        const addLane = (await page.getByRole('button', { name: 'Add lane' }).boundingBox())!
        expect(addLane.y + addLane.height).toBeLessThanOrEqual(tools.y)
      }
      await check()
      await page.setViewportSize({ width: Math.round(size.width * 0.8), height: Math.round(size.height * 0.8) })
      await expect
        .poll(async () => {
          const frame = (await board.board().boundingBox())!
          const lastStage = byOrder(map.stages).at(-1)!
          const stage = await board.box(`#stage-header-${lastStage.id}`)
          return stage ? stage.x + stage.width <= frame.x + frame.width : false
        })
        .toBe(true)
      await check()
    })

    test('a selected note is never under a panel', async ({ page, host, home }) => {
      const { board, map } = await openDemo(host, page, home)
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      // The last stage's notes sit where the Details panel opens.
      const last = byOrder(map.stages).at(-1)!
      const note = map.notes.find((n) => n.stageId === last.id)!
      await page.mouse.click(...xy(centreOf(await board.boxOf(`#note-${note.id}`))))
      const panel = board.sidePanel()
      await expect(panel).toBeVisible()
      const panelBox = (await panel.boundingBox())!
      await expect
        .poll(async () => {
          const box = (await board.box(`#note-${note.id}`))!
          return box.x + box.width
        })
        .toBeLessThanOrEqual(panelBox.x)
      // A new stage appears beside the panel, not under it.
      await page.getByRole('button', { name: 'Add stage' }).click()
      await page.keyboard.press('Enter')
      await expect
        .poll(async () => {
          const api = await ApiSocket.connect(host)
          const now = await api.call('getMap', { id: map.id })
          api.close()
          return now.stages.length
        })
        .toBe(map.stages.length + 1)
      const api = await ApiSocket.connect(host)
      const now = await api.call('getMap', { id: map.id })
      api.close()
      const added = byOrder(now.stages).at(-1)!
      const stagePanel = (await panel.boundingBox())!
      await expect
        .poll(async () => {
          const box = (await board.box(`#stage-header-${added.id}`))!
          return box.x + box.width
        })
        .toBeLessThanOrEqual(stagePanel.x)
    })

    test('the header is one row with a 60-character title, and the timer leaves Redo visible', async ({
      page,
      host,
      home
    }) => {
      const title = 'Quarterly onboarding review — trial to paid, EMEA and APAC 1'
      expect(title.length).toBe(60)
      await openDemo(host, page, home, title)
      await expectHeaderOnOneRow(page)
      const heading = page.getByRole('heading', { level: 1 })
      await expect(heading).toHaveAttribute('title', title)

      await page.getByRole('button', { name: 'Workshop ▾' }).click()
      await page.getByRole('menuitemcheckbox', { name: 'Timer' }).click()
      const timer = (await page.getByRole('region', { name: 'Timer' }).boundingBox())!
      const redo = (await page.getByRole('button', { name: 'Redo' }).boundingBox())!
      const overlaps =
        timer.x < redo.x + redo.width &&
        redo.x < timer.x + timer.width &&
        timer.y < redo.y + redo.height &&
        redo.y < timer.y + timer.height
      expect(overlaps).toBe(false)
    })
  })
}

const xy = (p: { x: number; y: number }): [number, number] => [p.x, p.y]

test('the new-map dialog’s template preview keeps words whole', async ({ page, home }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByRole('button', { name: 'New map', exact: true }).click()
  await page.getByText('SaaS journey', { exact: true }).click()
  void home
  // Each stage title in the preview is laid out with no word split across lines.
  const split = await page.locator('.tg-stage').evaluateAll((spans) =>
    spans
      .filter((span) => {
        const words = (span.textContent ?? '').split(/[\s/]+/).filter(Boolean)
        const range = document.createRange()
        return words.some((word) => {
          const text = span.firstChild as Text
          const start = (span.textContent ?? '').indexOf(word)
          range.setStart(text, start)
          range.setEnd(text, start + word.length)
          return range.getClientRects().length > 1
        })
      })
      .map((s) => s.textContent)
  )
  expect(split).toEqual([])
})

// The header's menus (File ▾, Workshop ▾) share one keyboard behaviour: the first item has the
// focus on open, arrows wrap, Esc closes and gives the focus back to the button.
test('the header menus work from the keyboard', async ({ page, host, home }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  void home
  await openDemo(host, page, home)
  for (const name of ['File', 'Workshop']) {
    const button = page.getByRole('button', { name: `${name} ▾` })
    await button.click()
    const menu = page.getByRole('menu', { name })
    const items = menu.locator('[role^="menuitem"]:not(:disabled)')
    const count = await items.count()
    expect(count).toBeGreaterThan(2)
    await expect(items.first()).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(items.nth(1)).toBeFocused()
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    await expect(items.last()).toBeFocused()
    await page.keyboard.press('Home')
    await expect(items.first()).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(menu).toBeHidden()
    await expect(button).toBeFocused()
    // The board behind the menu is still open: Esc closed the menu only.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  }
})

// The longer languages keep the header on one row at 1280 px too, with a 60-character title.
for (const locale of ['ru-RU', 'bg-BG', 'th-TH', 'zh-CN'] as const) {
  test.describe(`the header in ${locale}`, () => {
    test.use({ viewport: { width: 1280, height: 800 }, locale })
    test('is one row at 1280 px with a 60-character title', async ({ page, host, home }) => {
      void home // the home screen is open: the map is opened from it
      const title = 'Quarterly onboarding review — trial to paid, EMEA and APAC 1'
      const api = await ApiSocket.connect(host)
      await seedMap(api, { ...DEMO_MAP, title })
      api.close()
      await page.reload()
      await page.getByRole('button', { name: title, exact: true }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('title', title)
      await expectHeaderOnOneRow(page)
    })
  })
}
