/**
 * Screenshots for docs/ (not a test of its own): the board at Fit and a presentation step at
 * 1280 × 800. Runs only when DOCS_SCREENSHOTS names the file prefix, e.g.
 * `DOCS_SCREENSHOTS=docs/room-after npx playwright test room-screens`.
 */
import { ApiSocket, DEMO_MAP, seedMap, BoardPage } from './support/board-page'
import { expect, test } from './support/fixtures'
import { Presenting } from './support/workshop-page'

const prefix = process.env.DOCS_SCREENSHOTS

test.skip(!prefix, 'set DOCS_SCREENSHOTS to take the screenshots for docs/')
test.use({ viewport: { width: 1280, height: 800 } })

test('screenshots of the board at Fit and of a presentation step', async ({ page, host, home }) => {
  const api = await ApiSocket.connect(host)
  await seedMap(api, DEMO_MAP)
  api.close()
  await page.reload()
  await expect(home.heading()).toBeVisible()
  const board = new BoardPage(page)
  await board.open(DEMO_MAP.title)
  await page.getByRole('button', { name: 'Fit', exact: true }).click()
  await page.waitForTimeout(500)
  await page.screenshot({ path: `${prefix}-fit.png` })
  if (!prefix?.includes('before')) {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${prefix}-dark.png` })
    await page.emulateMedia({ colorScheme: 'light' })
  }
  const presenting = new Presenting(page)
  await presenting.start()
  await page.keyboard.press('ArrowRight')
  await page.waitForTimeout(800)
  await page.screenshot({ path: `${prefix}-present.png` })
})
