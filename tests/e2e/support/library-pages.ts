/**
 * Page objects for the library screens: the persona library and form, and the open map's header
 * (persona panel, versions panel). They drive the UI as a user does: by labels and roles.
 */
import { expect, type Locator, type Page } from '@playwright/test'
import { shown } from './text'

export interface PersonaFields {
  readonly name: string
  readonly role?: string
  readonly quote?: string
  readonly age?: string
  readonly location?: string
  readonly industry?: string
  readonly companySize?: string
  readonly goals?: string
  readonly painPoints?: string
  /** Channel labels, ticked in this order. */
  readonly channels?: readonly string[]
}

/** The persona library on the home screen. */
export class PersonasPage {
  constructor(readonly page: Page) {}

  form = () => this.page.locator('form.persona-editor')
  field = (label: string) => this.form().getByLabel(label, { exact: true })
  /** The message or hint line under a field. */
  footOf = async (label: string): Promise<Locator> => {
    const id = await this.field(label).getAttribute('aria-describedby')
    return this.page.locator(`[id="${id}"]`)
  }
  list = () => this.page.getByRole('list', { name: 'Personas', exact: true })
  item = (name: string) => this.list().locator('li.persona-item').filter({ hasText: name })

  async startNew() {
    await this.page.getByRole('button', { name: 'New persona', exact: true }).click()
    await expect(this.form()).toBeVisible()
  }

  async fill(fields: PersonaFields) {
    await this.field('Name').fill(fields.name)
    const text: [string, string | undefined][] = [
      ['Role or occupation', fields.role],
      ['Quote', fields.quote],
      ['Age range', fields.age],
      ['Location', fields.location],
      ['Industry', fields.industry],
      ['Company size', fields.companySize],
      ['Goals', fields.goals],
      ['Pain points', fields.painPoints]
    ]
    for (const [label, value] of text) if (value !== undefined) await this.field(label).fill(value)
    for (const channel of fields.channels ?? []) await this.form().getByLabel(channel, { exact: true }).check()
  }

  async create(fields: PersonaFields) {
    await this.startNew()
    await this.fill(fields)
    await this.form().getByRole('button', { name: 'Create persona' }).click()
    await expect(this.page.getByText(shown(`Created “${fields.name}”.`))).toBeVisible()
  }
}

/** The header of an open map: its persona panel and its versions panel. */
export class MapHeader {
  constructor(readonly page: Page) {}

  linkerToggle = () => this.page.locator('.persona-linker > button.linker-toggle')
  linkerPanel = () => this.page.getByRole('region', { name: 'Who this map is for' })
  versionsPanel = () => this.page.locator('aside.versions-panel')

  async openLinker() {
    if ((await this.linkerToggle().getAttribute('aria-expanded')) !== 'true') await this.linkerToggle().click()
    await expect(this.linkerPanel()).toBeVisible()
  }

  async link(name: string) {
    await this.openLinker()
    await this.linkerPanel()
      .getByRole('button', { name: `Link: ${name}` })
      .click()
    await expect(this.linkerPanel().getByRole('button', { name: `Unlink: ${name}` })).toBeVisible()
  }

  async openVersions() {
    await this.page.getByRole('button', { name: 'Versions', exact: true }).click()
    await expect(this.versionsPanel()).toBeVisible()
  }

  snapshotName = () => this.versionsPanel().getByLabel('Snapshot name')

  async saveSnapshot(name: string) {
    await this.snapshotName().fill(name)
    await this.versionsPanel().getByRole('button', { name: 'Save snapshot' }).click()
  }

  async compare(name: string) {
    await this.versionsPanel()
      .getByRole('button', { name: `Compare: ${name}` })
      .click()
    await expect(this.versionsPanel().getByRole('heading', { name: shown(`Compare with “${name}”`) })).toBeVisible()
  }

  /** Konva curve nodes the board holds (one per series drawn). */
  curveCount(): Promise<number> {
    return this.page.evaluate(() => {
      type KonvaGlobal = { stages: { find(selector: string): unknown[] }[] }
      const stage = (window as unknown as { Konva?: KonvaGlobal }).Konva?.stages[0]
      return stage ? stage.find('.curve').length : -1
    })
  }

  /** Stage and lane titles as the board's outline lists them. */
  async structure(): Promise<{ stages: string[]; lanes: string[] }> {
    const outline = this.page.locator('#board-outline')
    await expect(outline).toBeAttached()
    return {
      stages: await outline.locator('thead th').allTextContents(),
      lanes: await outline.locator('tbody th').allTextContents()
    }
  }
}
