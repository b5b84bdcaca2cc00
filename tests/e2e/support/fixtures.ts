import { test as base, expect, type Page } from '@playwright/test'
import { startHost, type RunningHost } from './web-host'

/** Page object for the home screen. */
export class HomePage {
  constructor(readonly page: Page) {}
  heading = () => this.page.getByRole('heading', { level: 1, name: 'Journeyboard' })
  mapRows = () => this.page.locator('table.maps tbody tr')
  async createMap(
    title: string,
    template: 'SaaS journey' | 'B2B lifecycle' | 'Service blueprint' | 'Blank' = 'SaaS journey'
  ) {
    await this.page.getByRole('button', { name: 'New map' }).click()
    await this.page.getByLabel('Map title').fill(title)
    await this.page.getByText(template, { exact: true }).click()
    await this.page.getByRole('button', { name: 'Create map' }).click()
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
