import { test as base, expect, type Page } from '@playwright/test'
import { startHost, type RunningHost } from './web-host'

export type TemplateName = 'SaaS journey' | 'B2B lifecycle' | 'Service blueprint' | 'Blank'

/** Page object for the home screen: map cards, the new-map dialog, and the Maps / Personas / Trash views. */
export class HomePage {
  constructor(readonly page: Page) {}
  heading = () => this.page.getByRole('heading', { level: 1, name: 'Journeyboard' })
  /** Every map card shown (after search and sort). */
  mapCards = () => this.page.locator('li.map-card')
  /** The card of a map, by its exact title. */
  card = (title: string) => this.mapCards().filter({ has: this.page.getByRole('button', { name: title, exact: true }) })
  titles = () => this.page.locator('li.map-card .card-title').allInnerTexts()

  async createMap(title: string, template: TemplateName = 'SaaS journey') {
    await this.page.getByRole('button', { name: 'New map', exact: true }).click()
    await this.page.getByLabel('Map title').fill(title)
    await this.page.getByText(template, { exact: true }).click()
    await this.page.getByRole('button', { name: 'Create map' }).click()
  }

  /** Goes to one of the home screen's views. */
  async show(view: 'Maps' | 'Personas' | 'Trash') {
    await this.page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: new RegExp(`^${view}`) })
      .click()
  }

  async backHome() {
    await this.page.getByRole('button', { name: '← All maps' }).click()
    await expect(this.heading()).toBeVisible()
  }
}

export const test = base.extend<{ host: RunningHost; home: HomePage }>({
  // Playwright requires an object pattern for a fixture without dependencies.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHost()
    await use(host)
    await host.stop()
  },
  home: async ({ page, host }, use) => {
    await page.goto(host.url)
    const home = new HomePage(page)
    await expect(home.heading()).toBeVisible()
    await use(home)
  }
})

export { expect }

/** Chooses an item of the map header's File ▾ menu (Save map as…, Export…, Import…, Invite participants…). */
export async function chooseFromFileMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'File ▾', exact: true }).click()
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: item, exact: true }).click()
}

/** Every header control whole on the screen, its label on one line, all on one row (dialogs and menus it opens aside). */
export async function expectHeaderOnOneRow(page: Page): Promise<void> {
  const header = page.locator('.map-header')
  const boxes = await header.evaluate((el) =>
    [...el.querySelectorAll('button, h1, [role="status"]')]
      .filter((c) => !c.closest('dialog, [role="dialog"], [role="menu"]'))
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }))
  )
  expect(boxes.length).toBeGreaterThan(5)
  const width = page.viewportSize()!.width
  for (const box of boxes) {
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(width)
    expect(box.height).toBeLessThan(48)
  }
  const middles = boxes.map((b) => b.y + b.height / 2)
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(12)
  expect((await header.boundingBox())!.height).toBeLessThan(72)
}
