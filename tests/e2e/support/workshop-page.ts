/**
 * The workshop tools as a test sees them: a seeded workshop map (KPIs, rated opportunities, an
 * empty stage) and page objects for the analysis panel, dot voting, the timer and presenting.
 */
import { expect, type Locator, type Page } from '@playwright/test'
import type { JourneyMap, Metric, Note } from '../../../src/shared/model'
import type { PatchOp } from '../../../src/shared/model/patch'
import { DEMO_PERSONAS, seedMap, type ApiSocket, type SeedSpec } from './board-page'
import { startsWith } from './text'

/**
 * A SaaS journey with touchpoints everywhere but at Expansion (stage 6), which holds nothing at
 * all; pain points, three opportunities, Maya's curve. Lanes: 2 touchpoints, 5 pain points, 6
 * opportunities, 7 KPIs.
 */
export const WORKSHOP_MAP: SeedSpec = {
  title: 'Workshop — trial to paid',
  personas: DEMO_PERSONAS.slice(0, 1),
  notes: [
    [0, 2, ['Blog post']],
    [1, 2, ['Pricing page']],
    [2, 2, ['Checkout']],
    [3, 2, ['In-app checklist']],
    [4, 2, ['Help center']],
    [5, 2, ['Quarterly review']],
    [7, 2, ['Referral programme']],
    [1, 5, ['Per-seat cost hidden']],
    [2, 5, ['Card required for the trial']],
    [3, 5, ['Cannot find where to invite colleagues']],
    [3, 6, ['Guided setup with templates', 'Invite colleagues from the checklist']],
    [1, 6, ['Show the per-seat price']]
  ],
  curves: { maya: [0, 1, -1, -2, 1, 1, null, 2] }
}

/** Seeds WORKSHOP_MAP, rates its opportunities and gives three stages KPIs. */
export async function seedWorkshopMap(api: ApiSocket): Promise<JourneyMap> {
  const map = await seedMap(api, WORKSHOP_MAP)
  const stages = [...map.stages].sort((a, b) => a.order - b.order)
  const byText = (text: string) => map.notes.find((n) => n.text === text) as Note
  const rate = (text: string, impact: number, effort: number): PatchOp => ({
    op: 'put',
    entity: 'note',
    value: { ...byText(text), impact, effort }
  })
  const metric = (id: string, stage: number, fields: Partial<Metric>): PatchOp => ({
    op: 'put',
    entity: 'metric',
    value: {
      id,
      stageId: stages[stage]!.id,
      name: 'Conversion rate',
      value: null,
      target: null,
      unit: '%',
      direction: 'higher',
      order: 1,
      ...fields
    }
  })
  await api.call('applyPatch', {
    mapId: map.id,
    patch: [
      rate('Guided setup with templates', 5, 2),
      rate('Invite colleagues from the checklist', 3, 1),
      rate('Show the per-seat price', 2, 4),
      metric('kpiTrial', 2, { name: 'Trial to paid', value: 3, target: 5 }),
      metric('kpiChurn', 5, { name: 'Churn', value: 2.1, target: 2, direction: 'lower' }),
      metric('kpiNps', 7, { name: 'NPS', value: 45, target: 40, unit: 'pts' })
    ]
  })
  return api.call('getMap', { id: map.id })
}

/** Picks an item of the header's Workshop menu: "KPIs…", "Dot voting", "Timer", "Present". */
export async function workshopMenu(page: Page, item: 'KPIs…' | 'Dot voting' | 'Timer' | 'Present'): Promise<void> {
  await page.getByRole('button', { name: 'Workshop ▾' }).click()
  const menu = page.getByRole('menu', { name: 'Workshop' })
  const entry =
    item === 'Dot voting' || item === 'Timer'
      ? menu.getByRole('menuitemcheckbox', { name: item })
      : menu.getByRole('menuitem', { name: item })
  await entry.click()
}

export class AnalysisPanel {
  constructor(readonly page: Page) {}
  panel = () => this.page.getByRole('complementary', { name: 'Analysis' })
  section = (name: string) => this.panel().getByRole('region', { name })
  finding = (text: string | RegExp) => this.panel().getByRole('button', { name: text })

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Analysis', exact: true }).click()
    await expect(this.panel()).toBeVisible()
  }

  async tab(name: 'Findings' | 'Ranking' | 'Impact / effort'): Promise<void> {
    await this.panel().getByRole('tab', { name }).click()
  }
}

export class VotingPanel {
  constructor(readonly page: Page) {}
  panel = () => this.page.getByRole('complementary', { name: 'Dot voting' })
  /** The click target over a note during a round. */
  target = (text: string): Locator => this.page.getByRole('button', { name: startsWith(`Give a dot to “${text}`) })
  participant = (name: string) => this.panel().getByRole('button', { name: startsWith(`${name}:`) })
  ranking = () => this.panel().getByRole('list', { name: 'Ranking of the round' }).getByRole('listitem')

  async open(): Promise<void> {
    await workshopMenu(this.page, 'Dot voting')
    await expect(this.panel()).toBeVisible()
  }
}

export class TimerWidget {
  constructor(readonly page: Page) {}
  widget = () => this.page.getByRole('region', { name: 'Timer' })
  digits = () => this.widget().locator('.timer-digits')
  button = (name: string) => this.widget().getByRole('button', { name, exact: true })

  async open(): Promise<void> {
    await workshopMenu(this.page, 'Timer')
    await expect(this.widget()).toBeVisible()
  }
}

export class Presenting {
  constructor(readonly page: Page) {}
  bar = () => this.page.getByRole('toolbar', { name: 'Presentation' })
  where = () => this.bar().getByRole('status')
  highlight = () => this.page.locator('.present-highlight')

  async start(): Promise<void> {
    await workshopMenu(this.page, 'Present')
    await expect(this.bar()).toBeVisible()
  }
}

/** The colour at a board point on a Konva layer, as #rrggbb. */
export function pixelOnLayer(page: Page, layerId: string, x: number, y: number): Promise<string> {
  return page.evaluate(
    ({ layerId, x, y }) => {
      type Layer = { getCanvas(): { _canvas: HTMLCanvasElement; getPixelRatio(): number } }
      type Stage = { x(): number; y(): number; scaleX(): number; findOne(s: string): unknown }
      const stage = (window as unknown as { Konva: { stages: Stage[] } }).Konva.stages[0]!
      const canvas = (stage.findOne(`#${layerId}`) as Layer).getCanvas()
      const ratio = canvas.getPixelRatio()
      const px = Math.round((x * stage.scaleX() + stage.x()) * ratio)
      const py = Math.round((y * stage.scaleX() + stage.y()) * ratio)
      const [r, g, b] = canvas._canvas.getContext('2d')!.getImageData(px, py, 1, 1).data
      return `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`
    },
    { layerId, x, y }
  )
}
