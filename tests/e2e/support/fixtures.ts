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
