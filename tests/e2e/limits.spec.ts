/**
 * The limits of one map as a user meets them: a file with far too many stages is refused in the
 * Import dialog, naming the limit, and the largest map the app accepts (every count at its limit)
 * opens on the board and takes an edit like any other. How fast it is goes to
 * `npm run bench -- limits`, not here.
 */
import { buildSizedMap, limitPersonas } from '../../bench/fixtures'
import { LIMITS } from '../../src/shared/schema/entities'
import { centreOf, EditingBoard, readMap } from './support/editing-page'
import { ImportDialogPage } from './support/exchange-page'
import type { Page } from '@playwright/test'
import type { JourneyMap } from '../../src/shared/model'
import { expect, test } from './support/fixtures'
import { libraryWith } from './support/library-file'
import { startHost, type RunningHost } from './support/web-host'
import { shown } from './support/text'

const LARGEST = {
  stages: LIMITS.maxStagesPerMap,
  lanes: LIMITS.maxLanesPerMap,
  notes: LIMITS.maxNotesPerMap,
  connectors: LIMITS.maxConnectorsPerMap,
  markers: LIMITS.maxMarkersPerMap,
  metrics: LIMITS.maxMetricsPerMap,
  personas: LIMITS.maxPersonasPerMap
}

test('an import with 100,000 stages is refused in the dialog, naming the limit, and nothing is imported', async ({
  home,
  page
}) => {
  const before = await home.mapCards().count()
  const map = buildSizedMap({
    ...LARGEST,
    stages: 100_000,
    notes: 10,
    connectors: 0,
    markers: 0,
    metrics: 0,
    personas: 0
  })
  const file = {
    format: 'journeyboard',
    version: 1,
    exportedAt: map.createdAt,
    map: { ...map, emotionPoints: [] },
    personas: []
  }
  const dialog = new ImportDialogPage(page)
  await dialog.open()
  await dialog.pick('huge.json', JSON.stringify(file))
  await dialog.submit()
  const alert = dialog.dialog().getByRole('alert')
  await expect(alert).toContainText('Nothing was imported.')
  await expect(alert).toContainText(
    `map.stages: a map can have at most ${LIMITS.maxStagesPerMap} stages (this one has 100,000)`
  )
  await dialog.dialog().getByRole('button', { name: 'Cancel' }).click()
  await expect(home.mapCards()).toHaveCount(before)
})

test('the largest map the app accepts opens on the board, takes edits, and refuses one note more', async ({ page }) => {
  test.setTimeout(300_000)
  // Bigger than one WebSocket message may be (50,000 notes): the library is made before the host starts.
  const personas = limitPersonas(LARGEST.personas)
  const { file, maps } = await libraryWith([buildSizedMap(LARGEST)], personas)
  const map = maps[0]!
  const host = await startHost([], file)
  try {
    await page.goto(host.url)
    await largestMapTakesEdits(page, host, map)
  } finally {
    await host.stop()
  }
})

async function largestMapTakesEdits(page: Page, host: RunningHost, map: JourneyMap): Promise<void> {
  const noteCount = async () => (await readMap(host, map.id)).notes.length
  const board = new EditingBoard(page)
  await board.open(map.title)
  await expect(page.getByText(`${LIMITS.maxNotesPerMap.toLocaleString('en')} notes`, { exact: true })).toBeVisible()

  // An edit and its undo, saved as on any map.
  const frame = (await board.board().boundingBox())!
  let note: { x: number; y: number } | undefined
  for (const id of await board.noteIds()) {
    const box = await board.box(`#note-${id}`)
    const centre = box && centreOf(box)
    const inside = (v: number, from: number, size: number) => v > from + 150 && v < from + size - 150
    if (centre && inside(centre.x, frame.x, frame.width) && inside(centre.y, frame.y, frame.height)) note = centre
    if (note) break
  }
  await page.mouse.click(note!.x, note!.y)
  await page.keyboard.press('Delete')
  await expect.poll(noteCount).toBe(LIMITS.maxNotesPerMap - 1)
  await expect(board.saveStatus()).toHaveText('Saved')
  await page.keyboard.press('Control+z')
  await expect.poll(noteCount).toBe(LIMITS.maxNotesPerMap)
  await expect(board.saveStatus()).toHaveText('Saved')

  // The map is full: a new note is refused, saying why, and nothing changes.
  await page.getByRole('button', { name: '+ Add note' }).click()
  await expect(board.noteEditor()).toBeVisible()
  await expect(board.noteEditor()).toHaveValue('')
  await page.keyboard.type('One note too many')
  await page.keyboard.press('Control+Enter')
  const limit = `A map can have at most ${LIMITS.maxNotesPerMap.toLocaleString('en-US')} notes.`
  await expect(page.getByText(shown(limit))).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('one-note-too-many.png') })
  expect(await noteCount()).toBe(LIMITS.maxNotesPerMap)
  await expect(page.getByText(`${LIMITS.maxNotesPerMap.toLocaleString('en')} notes`, { exact: true })).toBeVisible()
}
