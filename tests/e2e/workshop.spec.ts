/**
 * Workshop tools end to end: a dot-voting round and its ranking, the timer (on Playwright's
 * clock, no sleeps), presentation mode, the analysis panel focusing the board, and KPIs drawn
 * against their targets.
 */
import type { Page } from '@playwright/test'
import type { JourneyMap } from '../../src/shared/model'
import { ApiSocket, BoardPage, type NodeBox } from './support/board-page'
import { expect, test } from './support/fixtures'
import type { RunningHost } from './support/web-host'
import {
  AnalysisPanel,
  pixelOnLayer,
  Presenting,
  seedWorkshopMap,
  TimerWidget,
  VotingPanel,
  WORKSHOP_MAP,
  workshopMenu
} from './support/workshop-page'
import { shown, startsWith } from './support/text'

async function seed(host: RunningHost): Promise<JourneyMap> {
  const api = await ApiSocket.connect(host)
  try {
    return await seedWorkshopMap(api)
  } finally {
    api.close()
  }
}

async function openSeeded(host: RunningHost, page: Page): Promise<{ map: JourneyMap; board: BoardPage }> {
  const map = await seed(host)
  const board = new BoardPage(page)
  await board.open(WORKSHOP_MAP.title)
  return { map, board }
}

const stageIds = (map: JourneyMap) => [...map.stages].sort((a, b) => a.order - b.order).map((s) => s.id)
const laneId = (map: JourneyMap, kind: string) => map.lanes.find((l) => l.kind === kind)!.id
const centre = (box: NodeBox) => ({ x: box.client.x + box.client.width / 2, y: box.client.y + box.client.height / 2 })

async function votesOf(host: RunningHost, mapId: string, text: string): Promise<number> {
  const api = await ApiSocket.connect(host)
  try {
    const map = await api.call('getMap', { id: mapId })
    return map.notes.find((n) => n.text === text)?.votes ?? -1
  } finally {
    api.close()
  }
}

test('a dot-voting round: dots per participant, saved votes, undo, and the ranking', async ({ host, home, page }) => {
  void home
  const { map } = await openSeeded(host, page)
  const voting = new VotingPanel(page)
  await voting.open()
  // Pain points and opportunities are in the round by default: six notes.
  await expect(voting.panel().getByText('6 notes can be voted on.')).toBeVisible()
  await voting.panel().getByLabel('Dots per participant').fill('2')
  await voting.panel().getByLabel('Names (optional, one per line)').fill('Ana\nBo')
  await voting.panel().getByRole('button', { name: 'Start round' }).click()

  await expect(voting.participant('Ana')).toHaveAttribute('aria-pressed', 'true')
  await expect(voting.participant('Ana')).toHaveAccessibleName(shown('Ana: 2 of 2 dots left', { exact: true }))
  await voting.target('Guided setup with templates').click()
  await voting.target('Guided setup with templates').click()
  // Ana is out of dots: the next ones are Bo's.
  await expect(voting.participant('Ana')).toHaveAccessibleName(shown('Ana: 0 of 2 dots left', { exact: true }))
  await expect(voting.participant('Bo')).toHaveAttribute('aria-pressed', 'true')
  await voting.target('Card required for the trial').click()
  await voting.target('Guided setup with templates').click()
  await expect(voting.panel().getByText('4 of 4 dots cast')).toBeVisible()
  await expect(voting.panel().getByText('Every dot is cast. End the round to see the ranking.')).toBeVisible()
  await expect(voting.target('Show the per-seat price')).toBeDisabled()

  // The votes are on the notes in the library, and undo takes the last one back.
  await expect.poll(() => votesOf(host, map.id, 'Guided setup with templates')).toBe(3)
  await page.keyboard.press('Control+z')
  await expect.poll(() => votesOf(host, map.id, 'Guided setup with templates')).toBe(2)
  await expect(voting.participant('Bo')).toHaveAccessibleName(shown('Bo: 1 of 2 dots left', { exact: true }))
  await voting.target('Guided setup with templates').click()
  await expect.poll(() => votesOf(host, map.id, 'Guided setup with templates')).toBe(3)

  // The count is drawn on the note, in the badge colour.
  const guided = map.notes.find((n) => n.text === 'Guided setup with templates')!
  // The target over the note is placed in board units: its corner is the note's.
  const note = await page
    .locator(`.vote-target[data-note-id="${guided.id}"]`)
    .evaluate((el: HTMLElement) => ({ x: parseFloat(el.style.left), y: parseFloat(el.style.top) }))
  // Left of the digit, inside the round badge on the note's top-left corner.
  await expect.poll(() => pixelOnLayer(page, 'notes-layer', note.x - 1, note.y + 2)).toBe('#3b5bdb')

  await voting.panel().getByRole('button', { name: 'End round' }).click()
  await expect(voting.ranking()).toHaveCount(2)
  await expect(voting.ranking().nth(0)).toContainText('Guided setup with templates')
  await expect(voting.ranking().nth(0)).toContainText('+3')
  await expect(voting.ranking().nth(1)).toContainText('Card required for the trial')
  await expect(voting.ranking().nth(1)).toContainText('+1')
  // No more targets over the notes once the round is over.
  await expect(page.locator('.vote-target')).toHaveCount(0)
})

test('the timer counts down, pauses, and says when time is up', async ({ host, page }) => {
  await page.clock.install()
  await page.goto(host.url)
  await openSeeded(host, page)
  const timer = new TimerWidget(page)
  await timer.open()
  await expect(timer.digits()).toHaveText('5:00')
  await timer.widget().getByRole('button', { name: 'Set 1 min' }).click()
  await expect(timer.digits()).toHaveText('1:00')

  await page.clock.pauseAt(new Date((await page.evaluate(() => Date.now())) + 1000))
  await timer.button('Start').click()
  await page.clock.runFor(10_000)
  await expect(timer.digits()).toHaveText('0:50')
  await timer.button('Pause').click()
  await page.clock.runFor(20_000)
  await expect(timer.digits()).toHaveText('0:50')
  await expect(timer.button('Resume')).toBeVisible()

  await timer.button('Resume').click()
  await page.clock.runFor(49_000)
  await expect(timer.digits()).toHaveText('0:01')
  await page.clock.runFor(1_000)
  await expect(timer.digits()).toHaveText('0:00')
  await expect(timer.widget().getByText('Time is up', { exact: true }).first()).toBeVisible()
  await expect(timer.widget()).toHaveClass(/\bdone\b/)

  await timer.button('Reset').click()
  await expect(timer.digits()).toHaveText('1:00')
})

test('presentation mode steps through the stages, then the whole map; Esc leaves', async ({ host, home, page }) => {
  void home
  const { map, board } = await openSeeded(host, page)
  const stages = stageIds(map)
  const before = await board.view()
  const presenting = new Presenting(page)
  await presenting.start()
  await expect(page.locator('.map-header')).toBeHidden()
  await expect(presenting.where()).toHaveText(startsWith('Stage 1 of 8: Awareness'))
  await expect(presenting.highlight()).toHaveAttribute('data-stage-id', stages[0]!)

  /** The stage shown fills the height and sits in the middle of the screen. */
  const expectCentred = async (stageId: string) => {
    const viewport = page.viewportSize()!
    await expect
      .poll(async () => Math.abs(centre((await board.node(`#stage-header-${stageId}`))!).x - viewport.width / 2), {
        message: `stage ${stageId} centred`
      })
      .toBeLessThan(120)
  }
  await expectCentred(stages[0]!)

  await page.keyboard.press('ArrowRight')
  // A stage taller than the screen at a readable zoom is shown in pages of lanes.
  while (!((await presenting.where().textContent()) ?? '').includes('Consideration'))
    await page.keyboard.press('ArrowRight')
  await expect(presenting.where()).toHaveText(startsWith('Stage 2 of 8: Consideration'))
  await expect(presenting.highlight()).toHaveAttribute('data-stage-id', stages[1]!)
  await expectCentred(stages[1]!)
  // Arrow keys step the presentation and leave the board's selection alone.
  const where = (await presenting.where().textContent()) ?? ''
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowLeft')
  await expect(presenting.where()).toHaveText(where)

  await page.keyboard.press('End')
  await expect(presenting.where()).toHaveText('The whole map')
  await expect(presenting.highlight()).toHaveCount(0)
  // All of the board in view.
  await expect
    .poll(async () => {
      const view = await board.view()
      return view.x >= 0 && view.y >= 0
    })
    .toBe(true)

  await page.keyboard.press('Escape')
  await expect(presenting.bar()).toBeHidden()
  await expect(page.locator('.map-header')).toBeVisible()
  await expect.poll(async () => (await board.view()).zoom).toBeCloseTo(before.zoom, 3)
})

test('the analysis lists the empty stage as a gap and focuses the board on it', async ({ host, home, page }) => {
  void home
  const { map, board } = await openSeeded(host, page)
  const expansion = stageIds(map)[6]!
  const analysis = new AnalysisPanel(page)
  await analysis.open()
  const gaps = analysis.section('Gaps')
  const gap = gaps.getByRole('button', { name: startsWith('No touchpoint at “Expansion”') })
  await expect(gap).toBeVisible()
  await expect(
    analysis.section('Bottlenecks').getByText(shown('Trial to paid at “Purchase / Sign-up” is 3%'))
  ).toBeVisible()

  await gap.click()
  // The stage is brought to the middle of what the panel leaves free, zoomed in, and its cell selected.
  const panel = (await analysis.panel().boundingBox())!
  const frame = (await board.board().boundingBox())!
  // Stage coordinates are relative to the board's view, which starts at frame.x.
  const openCentre = (panel.x + panel.width - frame.x + frame.width) / 2
  await expect
    .poll(async () => Math.abs(centre((await board.node(`#stage-header-${expansion}`))!).x - openCentre))
    .toBeLessThan(4)
  await expect.poll(async () => (await board.view()).zoom).toBeCloseTo(1.25, 2)
  await expect(page.locator('.focus-flash')).toHaveCount(1)
  const touchpoints = laneId(map, 'touchpoints')
  const laneHeader = (await board.node(`#lane-header-${touchpoints}`))!
  const stageHeader = (await board.node(`#stage-header-${expansion}`))!
  const view = await board.view()
  // The focused cell (Expansion × Touchpoints) is on screen, clear of the panel.
  expect(stageHeader.x * view.zoom + view.x).toBeGreaterThan(panel.x + panel.width - frame.x)
  expect(laneHeader.y * view.zoom + view.y).toBeGreaterThan(0)
  expect(laneHeader.y * view.zoom + view.y + laneHeader.height * view.zoom).toBeLessThan(frame.height)

  // The ranking and the matrix show the rated opportunities.
  await analysis.tab('Ranking')
  const rows = analysis.panel().getByRole('row')
  await expect(rows.nth(1)).toContainText('Guided setup with templates')
  await expect(rows.nth(1)).toContainText('20')
  await expect(rows.nth(2)).toContainText('Invite colleagues from the checklist')
  await analysis.tab('Impact / effort')
  await expect(analysis.panel().getByRole('region', { name: 'Quick wins' })).toContainText(
    'Guided setup with templates'
  )
  await expect(analysis.panel().getByRole('region', { name: 'Thankless tasks' })).toContainText(
    'Show the per-seat price'
  )
})

test('KPIs are drawn red, amber or green against their targets, and edited in a dialog', async ({
  host,
  home,
  page
}) => {
  void home
  const { map, board } = await openSeeded(host, page)
  const stages = stageIds(map)
  const kpiLane = (await board.node(`#lane-header-${laneId(map, 'kpis')}`))!
  /** The colour of a stage's first KPI chip, near its right end, clear of its text. */
  const chipOf = async (stage: number) => {
    const header = (await board.node(`#stage-header-${stages[stage]!}`))!
    return pixelOnLayer(page, 'notes-layer', header.x + header.width - 10 - 20, kpiLane.y + 10 + 20)
  }
  const RED = '#fff5f5'
  const AMBER = '#fff9db'
  const GREEN = '#ebfbee'
  await expect.poll(() => chipOf(2)).toBe(RED)
  await expect.poll(() => chipOf(5)).toBe(AMBER)
  await expect.poll(() => chipOf(7)).toBe(GREEN)

  // Select the Purchase stage's KPI cell, open the dialog on it, and fix the KPI's target.
  await workshopMenu(page, 'KPIs…')
  const dialog = page.getByRole('dialog', { name: 'KPIs' })
  await dialog.getByLabel('Stage').selectOption({ label: 'Purchase / Sign-up' })
  await expect(dialog.getByLabel('Name')).toHaveValue('Trial to paid')
  await expect(dialog.getByText('missing its target')).toBeVisible()
  await dialog.getByLabel('Target').fill('3')
  await dialog.getByLabel('Target').press('Enter')
  await expect(dialog.getByText('on target')).toBeVisible()
  await expect.poll(() => chipOf(2)).toBe(GREEN)

  // A preset: churn, lower is better.
  await dialog.getByLabel('KPI to add').selectOption({ label: 'Churn rate (%)' })
  await dialog.getByRole('button', { name: '+ Add KPI' }).click()
  await expect(dialog.getByLabel('Name')).toHaveCount(2)
  await expect(dialog.getByLabel('Better when').nth(1)).toHaveValue('lower')
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()
})
