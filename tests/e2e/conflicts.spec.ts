/**
 * Two windows on one map (two browser contexts, as two people or two tabs): one window's change
 * shows in the other without a reload; when both change the same text, the one saved first stays,
 * and the other window says so, naming the note and the field, and keeps its text to copy or use;
 * a note deleted in one window while it is typed in the other keeps the typed text and can be
 * restored.
 */
import type { Browser, Page } from '@playwright/test'
import type { JourneyMap } from '../../src/shared/model'
import { ApiSocket, seedMap, type SeedSpec } from './support/board-page'
import { EditingBoard, readMap, type Box } from './support/editing-page'
import { expect, test } from './support/fixtures'
import { shown } from './support/text'
import type { RunningHost } from './support/web-host'

const SPEC: SeedSpec = {
  title: 'Two windows',
  notes: [
    [0, 1, ['Reads a review']],
    [1, 2, ['Pricing page']],
    [2, 1, ['Starts a trial']]
  ]
}

const at = (box: Box) => [box.x + box.width / 2, box.y + box.height / 2] as const

async function seed(host: RunningHost): Promise<JourneyMap> {
  const api = await ApiSocket.connect(host)
  try {
    return await seedMap(api, SPEC)
  } finally {
    api.close()
  }
}

/** A second person: a browser context of its own (its own storage), on the same map. */
async function openWindow(browser: Browser, host: RunningHost): Promise<{ page: Page; board: EditingBoard }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(host.url)
  const board = new EditingBoard(page)
  await board.open(SPEC.title)
  return { page, board }
}

const noteIdOf = (map: JourneyMap, text: string) => map.notes.find((n) => n.text === text)!.id
const textOf = async (host: RunningHost, mapId: string, id: string) =>
  (await readMap(host, mapId)).notes.find((n) => n.id === id)?.text

/** Opens the note's text editor and puts the caret at the end. */
async function startTyping(page: Page, board: EditingBoard, noteId: string): Promise<void> {
  await page.mouse.dblclick(...at(await board.boxOf(`#note-${noteId}`)))
  await expect(board.noteEditor()).toBeFocused()
}

test('the same note’s text typed in two windows: the first saved stays, the other is told and keeps its text', async ({
  browser,
  host
}) => {
  const map = await seed(host)
  const pricing = noteIdOf(map, 'Pricing page')
  const a = await openWindow(browser, host)
  const b = await openWindow(browser, host)

  // A starts typing; meanwhile B changes the same text and saves.
  await startTyping(a.page, a.board, pricing)
  await a.page.keyboard.type(' — annual plan first')
  await startTyping(b.page, b.board, pricing)
  await b.page.keyboard.type(' (prices in EUR)')
  await b.page.keyboard.press('Control+Enter')
  await expect(b.board.saveStatus()).toHaveText('Saved')
  await expect.poll(() => textOf(host, map.id, pricing)).toBe('Pricing page (prices in EUR)')

  // A finishes: B's text was saved first and stays; A is told, with its text kept.
  await a.page.keyboard.press('Control+Enter')
  const panel = a.page.getByRole('complementary', { name: 'Not saved' })
  await expect(panel).toContainText(
    shown('Your text of the note “Pricing page (prices in EUR)” was not saved: it was changed in another window first')
  )
  await expect(panel.getByRole('textbox', { name: 'Your text' })).toHaveValue('Pricing page — annual plan first')
  await expect(a.board.saveStatus()).toHaveText('Saved')
  expect(await textOf(host, map.id, pricing)).toBe('Pricing page (prices in EUR)')
  await a.page.screenshot({ path: '.tmp/conflict-recovered-text.png' })

  // A decides to use its text after all: saved, and B sees it without reloading.
  await panel.getByRole('button', { name: 'Use my text' }).click()
  await expect.poll(() => textOf(host, map.id, pricing)).toBe('Pricing page — annual plan first')
  await expect(panel).toHaveCount(0)
  await expect(b.page.getByRole('complementary', { name: 'Not saved' })).toHaveCount(0)
  await b.page.mouse.click(...at(await b.board.boxOf(`#note-${pricing}`)))
  await expect(b.board.sidePanel().getByLabel('Text')).toHaveValue('Pricing page — annual plan first')
})

test('a note deleted in one window while it is typed in the other: the text is kept and the note can be restored', async ({
  browser,
  host
}) => {
  const map = await seed(host)
  const trial = noteIdOf(map, 'Starts a trial')
  const original = map.notes.find((n) => n.id === trial)!
  const a = await openWindow(browser, host)
  const b = await openWindow(browser, host)

  await startTyping(a.page, a.board, trial)
  await a.page.keyboard.type(', asks about SSO')

  await b.page.mouse.click(...at(await b.board.boxOf(`#note-${trial}`)))
  await b.page.keyboard.press('Delete')
  await expect(b.board.saveStatus()).toHaveText('Saved')
  await expect.poll(async () => (await readMap(host, map.id)).notes.some((n) => n.id === trial)).toBe(false)

  // In A the note goes away under the caret; what was typed stays, with a way back.
  await expect(a.board.noteEditor()).toHaveCount(0)
  const panel = a.page.getByRole('complementary', { name: 'Not saved' })
  await expect(panel).toContainText(
    shown('The note “Starts a trial” was deleted in another window while you were editing it')
  )
  await expect(panel.getByRole('textbox', { name: 'Your text' })).toHaveValue('Starts a trial, asks about SSO')
  await a.page.screenshot({ path: '.tmp/conflict-deleted-note.png' })

  await panel.getByRole('button', { name: shown('Restore the note') }).click()
  await expect
    .poll(async () => (await readMap(host, map.id)).notes.find((n) => n.id === trial))
    .toEqual({ ...original, text: 'Starts a trial, asks about SSO' })
  await expect.poll(() => b.board.noteIds()).toContain(trial)
  await expect(a.board.saveStatus()).toHaveText('Saved')
})
