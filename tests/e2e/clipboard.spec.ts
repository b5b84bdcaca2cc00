/**
 * Copy and paste of notes, and zoom to the selection, through the keyboard and the toolbar on
 * the real renderer served by the web host; what was pasted is read back from the library.
 */
import type { Page } from '@playwright/test'
import type { JourneyMap } from '../../src/shared/model'
import { ApiSocket, seedMap, type SeedSpec } from './support/board-page'
import { byOrder, centreOf, EditingBoard, readMap } from './support/editing-page'
import { expect, test } from './support/fixtures'
import type { RunningHost } from './support/web-host'

const FIRST: SeedSpec = {
  title: 'Clipboard first',
  notes: [
    [0, 1, ['Reads a review', 'Compares plans']],
    [1, 1, ['Watches a demo']]
  ]
}
const SECOND: SeedSpec = { title: 'Clipboard second', notes: [[3, 1, ['Renews the plan']]] }

async function seed(host: RunningHost, ...specs: SeedSpec[]): Promise<JourneyMap[]> {
  const api = await ApiSocket.connect(host)
  try {
    const maps: JourneyMap[] = []
    for (const spec of specs) maps.push(await seedMap(api, spec))
    return maps
  } finally {
    api.close()
  }
}

const idOf = (map: JourneyMap, text: string) => map.notes.find((n) => n.text === text)!.id
const texts = async (host: RunningHost, mapId: string, text: string) =>
  (await readMap(host, mapId)).notes.filter((n) => n.text === text)

async function clickNote(page: Page, board: EditingBoard, id: string): Promise<void> {
  const box = await board.boxOf(`#note-${id}`)
  const { x, y } = centreOf(box)
  await page.mouse.click(x, y)
}

test('a copied note pasted into another cell is a new note there; undo removes it', async ({
  host,
  home,
  page,
  context
}) => {
  void home
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin })
  const [map] = await seed(host, FIRST)
  const board = new EditingBoard(page)
  await board.open(FIRST.title)
  const stages = byOrder(map!.stages)
  const lanes = byOrder(map!.lanes)
  const review = idOf(map!, 'Reads a review')

  await clickNote(page, board, review)
  await page.keyboard.press('ControlOrMeta+c')
  // The system clipboard holds the notes' text for other applications.
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('Reads a review')

  const empty = await board.cell(stages[2]!.id, lanes[2]!.id)
  await page.mouse.click(empty.x + empty.width / 2, empty.y + empty.height / 2)
  await page.keyboard.press('ControlOrMeta+v')
  await expect.poll(async () => (await texts(host, map!.id, 'Reads a review')).length).toBe(2)
  const copy = (await texts(host, map!.id, 'Reads a review')).find((n) => n.id !== review)!
  expect([copy.stageId, copy.laneId]).toEqual([stages[2]!.id, lanes[2]!.id])
  // On the board too, and selected.
  await expect.poll(() => board.noteIds()).toContain(copy.id)
  await expect(board.sidePanel().getByLabel('Text')).toHaveValue('Reads a review')
  await expect(board.saveStatus()).toHaveText('Saved')

  await page.keyboard.press('ControlOrMeta+z')
  await expect.poll(async () => (await texts(host, map!.id, 'Reads a review')).length).toBe(1)
  await expect.poll(() => board.noteIds()).not.toContain(copy.id)

  // Plain text from elsewhere: one note per line, into the selected cell.
  await page.evaluate(() => navigator.clipboard.writeText('Asks a colleague\nBooks a call'))
  await page.mouse.click(empty.x + empty.width / 2, empty.y + empty.height / 2)
  await page.keyboard.press('ControlOrMeta+v')
  await expect
    .poll(async () =>
      (await readMap(host, map!.id)).notes
        .filter((n) => n.stageId === stages[2]!.id && n.laneId === lanes[2]!.id)
        .sort((a, b) => a.order - b.order)
        .map((n) => n.text)
    )
    .toEqual(['Asks a colleague', 'Books a call'])

  // After a reload the pasted notes are still there (read from the library).
  await page.reload()
  await board.open(FIRST.title)
  await expect.poll(async () => (await readMap(host, map!.id)).notes.length).toBe(5)
})

test('notes cut in one map are pasted into another (without clipboard permission: the in-memory copy)', async ({
  host,
  home,
  page
}) => {
  const [first, second] = await seed(host, FIRST, SECOND)
  const board = new EditingBoard(page)
  await board.open(FIRST.title)
  await clickNote(page, board, idOf(first!, 'Reads a review'))
  await page.keyboard.down('Shift')
  await clickNote(page, board, idOf(first!, 'Watches a demo'))
  await page.keyboard.up('Shift')
  await page.keyboard.press('ControlOrMeta+x')
  await expect.poll(async () => (await readMap(host, first!.id)).notes.map((n) => n.text)).toEqual(['Compares plans'])
  await expect(board.saveStatus()).toHaveText('Saved')

  await home.backHome()
  await board.open(SECOND.title)
  await board.board().focus()
  await page.keyboard.press('ControlOrMeta+v')
  // Nothing selected: the same stages and lanes (same template, same titles) as where they were cut.
  const stages = byOrder(second!.stages)
  const lanes = byOrder(second!.lanes)
  await expect
    .poll(async () =>
      (await readMap(host, second!.id)).notes
        .map((n) => [n.text, stages.findIndex((s) => s.id === n.stageId), lanes.findIndex((l) => l.id === n.laneId)])
        .sort()
    )
    .toEqual([
      ['Reads a review', 0, 1],
      ['Renews the plan', 3, 1],
      ['Watches a demo', 1, 1]
    ])
  await expect(board.saveStatus()).toHaveText('Saved')
})

test('zoom to selection fits the camera to the selected note, from the toolbar and with Shift+2', async ({
  host,
  home,
  page
}) => {
  void home
  const [map] = await seed(host, FIRST)
  const board = new EditingBoard(page)
  await board.open(FIRST.title)
  const button = page.getByRole('button', { name: 'Zoom to the selection (Shift+2)' })
  await expect(button).toBeDisabled()
  await expect(button).toHaveAttribute('title', 'Zoom to the selection (Shift+2)')

  await clickNote(page, board, idOf(map!, 'Watches a demo'))
  const before = await board.zoomPercent()
  await button.click()
  await expect.poll(() => board.zoomPercent()).toBeGreaterThan(before)
  const zoomed = await board.zoomPercent()
  // The note is in view.
  const box = await board.boxOf(`#note-${idOf(map!, 'Watches a demo')}`)
  const frame = (await board.board().boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(frame.x)
  expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width)

  await page.getByRole('button', { name: 'Fit', exact: true }).click()
  await expect.poll(() => board.zoomPercent()).toBeLessThan(zoomed)
  await board.board().focus()
  await page.keyboard.press('Shift+Digit2')
  await expect.poll(() => board.zoomPercent()).toBe(zoomed)
})
