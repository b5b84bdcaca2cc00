/**
 * Editing the board through the UI, as a workshop facilitator does: mouse and keyboard on the
 * real renderer served by the web host, a fresh library per test, and the result read back from
 * the library (SQLite) rather than from the page.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { plotBand, scoreToY } from '../../src/shared/layout'
import type { JourneyMap } from '../../src/shared/model'
import { ApiSocket, DEMO_PERSONAS, seedMap, type SeedSpec } from './support/board-page'
import { byOrder, centreOf, EditingBoard, mapIdOf, readMap, type Box } from './support/editing-page'
import { expect, HomePage, test } from './support/fixtures'
import { startHost, type RunningHost } from './support/web-host'
import { shown, startsWith } from './support/text'

/** Short notes, two personas' curves, a marker and an arrow: enough to edit everything. */
const WORKSHOP: SeedSpec = {
  title: 'Editing workshop',
  personas: DEMO_PERSONAS,
  notes: [
    [0, 1, ['Reads a review', 'Compares plans']],
    [1, 1, ['Watches a demo']],
    [1, 2, ['Pricing page']],
    [2, 1, ['Starts a trial']],
    [3, 5, ['Cannot invite colleagues']]
  ],
  curves: { maya: [0, 1, -1, -2, 1, 1, 2, 2], dev: [1, 0, 0, -1, -1, 0, 1, 1] },
  markers: [{ persona: 'maya', stage: 3, severity: 3, label: 'setup' }]
}

/** Seeds a map through the API and opens it on the board. */
async function openWorkshop(
  host: RunningHost,
  page: Page,
  spec: SeedSpec = WORKSHOP
): Promise<{ board: EditingBoard; map: JourneyMap }> {
  const api = await ApiSocket.connect(host)
  let map: JourneyMap
  try {
    map = await seedMap(api, spec)
  } finally {
    api.close()
  }
  const board = new EditingBoard(page)
  await board.open(spec.title)
  return { board, map }
}

const noteId = (map: JourneyMap, text: string) => {
  const note = map.notes.find((n) => n.text === text)
  if (!note) throw new Error(`no note "${text}"`)
  return note.id
}

/** Where a note is, as the library has it: stage, lane, and its place among the notes of its cell. */
function placeOf(map: JourneyMap, id: string) {
  const note = map.notes.find((n) => n.id === id)
  if (!note) return null
  const cell = byOrder(map.notes.filter((n) => n.stageId === note.stageId && n.laneId === note.laneId))
  return { stageId: note.stageId, laneId: note.laneId, index: cell.findIndex((n) => n.id === id) }
}

const at = (box: Box) => [box.x + box.width / 2, box.y + box.height / 2] as const

test('a note added by double-clicking a cell and typing is saved, and still there after a reload', async ({
  host,
  home,
  page
}) => {
  await home.createMap('Workshop')
  const board = new EditingBoard(page)
  await board.waitForCells()
  const mapId = await mapIdOf(host, 'Workshop')
  const map = await readMap(host, mapId)
  const awareness = byOrder(map.stages)[0]!
  const actions = byOrder(map.lanes)[1]!

  await page.mouse.dblclick(...at(await board.cell(awareness.id, actions.id)))
  await expect(board.noteEditor()).toBeFocused()
  await page.keyboard.type('Reads the pricing page and compares it with two other tools')
  await page.screenshot({ path: '.tmp/editing-editor-open.png' })
  await page.keyboard.press('Control+Enter')
  await expect(board.noteEditor()).toHaveCount(0)
  await expect(board.saveStatus()).toHaveText('Saved')
  const stored = await readMap(host, mapId)
  expect(stored.notes.map((n) => [n.stageId, n.laneId, n.text])).toEqual([
    [awareness.id, actions.id, 'Reads the pricing page and compares it with two other tools']
  ])
  await expect.poll(() => board.noteIds()).toEqual([stored.notes[0]!.id])

  await page.reload()
  await board.open('Workshop')
  expect(await board.noteIds()).toEqual([stored.notes[0]!.id])
  expect((await readMap(host, mapId)).notes[0]!.text).toBe(
    'Reads the pricing page and compares it with two other tools'
  )
})

test('Esc on a new note leaves nothing behind; N on a selected cell and the toolbar add notes; Enter edits', async ({
  host,
  home,
  page
}) => {
  void home
  const { board, map } = await openWorkshop(host, page)
  const stages = byOrder(map.stages)
  const lanes = byOrder(map.lanes)

  // Select an empty cell with a click, start a note with N, think better of it.
  await page.mouse.click(...at(await board.cell(stages[2]!.id, lanes[0]!.id)))
  await page.keyboard.press('n')
  await expect(board.noteEditor()).toBeFocused()
  await page.keyboard.type('Never mind')
  await page.keyboard.press('Escape')
  await expect(board.noteEditor()).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeDisabled()
  expect((await readMap(host, map.id)).notes).toHaveLength(map.notes.length)

  // Enter on the same cell, then click away to commit.
  await page.keyboard.press('Enter')
  await page.keyboard.type('Wants a quick win')
  await page.mouse.click(...at(await board.cell(stages[5]!.id, lanes[6]!.id)))
  await expect(board.saveStatus()).toHaveText('Saved')
  await expect
    .poll(async () => (await readMap(host, map.id)).notes.find((n) => n.text === 'Wants a quick win')?.stageId)
    .toBe(stages[2]!.id)

  // The toolbar button adds to the selected cell.
  await page.getByRole('button', { name: '+ Add note' }).click()
  await expect(board.noteEditor()).toBeFocused()
  await page.keyboard.type('Measure the trial conversion')
  await page.keyboard.press('Control+Enter')
  // Polled until the library has the note (Ctrl+Enter commits asynchronously; a read before then
  // finds no note yet and the poll tries again).
  await expect
    .poll(async () => {
      const saved = await readMap(host, map.id)
      const note = saved.notes.find((n) => n.text === 'Measure the trial conversion')
      return note ? placeOf(saved, note.id) : null
    })
    .toMatchObject({
      stageId: stages[5]!.id,
      laneId: lanes[6]!.id
    })

  // The new note is selected: Enter edits its text.
  await page.keyboard.press('Enter')
  await expect(board.noteEditor()).toHaveValue('Measure the trial conversion')
  await page.keyboard.press('End')
  await page.keyboard.type(' rate')
  await page.keyboard.press('Control+Enter')
  await expect
    .poll(async () => (await readMap(host, map.id)).notes.some((n) => n.text === 'Measure the trial conversion rate'))
    .toBe(true)
})

test('a note dragged to another cell lands where the drop line showed; undo puts it back, redo moves it again', async ({
  host,
  home,
  page
}) => {
  void home
  const { board, map } = await openWorkshop(host, page)
  const stages = byOrder(map.stages)
  const lanes = byOrder(map.lanes)
  const review = noteId(map, 'Reads a review')
  const before = placeOf(map, review)
  const source = await board.boxOf(`#note-${review}`)
  const demo = await board.boxOf(`#note-${noteId(map, 'Watches a demo')}`)

  // Drag by hand, looking at the drop line halfway.
  const mouse = page.mouse
  await mouse.move(...at(source))
  await mouse.down()
  await mouse.move(source.x + 40, source.y + 20, { steps: 4 })
  const target = { x: demo.x + demo.width / 2, y: demo.y + demo.height + 6 }
  await mouse.move(target.x, target.y, { steps: 8 })
  await page.screenshot({ path: '.tmp/editing-drop-indicator.png' })
  await mouse.up()

  await expect(board.saveStatus()).toHaveText('Saved')
  const moved = { stageId: stages[1]!.id, laneId: lanes[1]!.id, index: 1 }
  await expect.poll(async () => placeOf(await readMap(host, map.id), review)).toEqual(moved)
  // The node moved with it.
  await expect.poll(async () => (await board.boxOf(`#note-${review}`)).x).toBeGreaterThan(demo.x - 1)

  await page.keyboard.press('Control+z')
  await expect.poll(async () => placeOf(await readMap(host, map.id), review)).toEqual(before)
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(async () => placeOf(await readMap(host, map.id), review)).toEqual(moved)
  await expect(board.saveStatus()).toHaveText('Saved')

  // Within a cell: "Compares plans" goes above "Reads a review"... which has left; drag "Starts a trial" on top of "Watches a demo".
  const trial = noteId(map, 'Starts a trial')
  const demoNow = await board.boxOf(`#note-${noteId(map, 'Watches a demo')}`)
  await board.drag(centreOf(await board.boxOf(`#note-${trial}`)), {
    x: demoNow.x + demoNow.width / 2,
    y: demoNow.y + 4
  })
  await expect
    .poll(async () => placeOf(await readMap(host, map.id), trial))
    .toEqual({ stageId: stages[1]!.id, laneId: lanes[1]!.id, index: 0 })
})

test('shift-click and a shift rubber band select several notes; the context menu recolours them all', async ({
  host,
  home,
  page
}) => {
  void home
  const { board, map } = await openWorkshop(host, page)
  const review = noteId(map, 'Reads a review')
  const compares = noteId(map, 'Compares plans')
  const demo = noteId(map, 'Watches a demo')

  await page.mouse.click(...at(await board.boxOf(`#note-${review}`)))
  await page.keyboard.down('Shift')
  await page.mouse.click(...at(await board.boxOf(`#note-${demo}`)))
  await page.keyboard.up('Shift')
  await expect(board.sidePanel().getByRole('heading', { name: '2 notes' })).toBeVisible()

  // Plain drag on empty space pans; with shift it draws a band.
  // A click on an empty cell selects the cell (the panel goes); a shift-drag from empty space draws a band.
  const first = await board.boxOf(`#note-${review}`)
  const second = await board.boxOf(`#note-${compares}`)
  await page.mouse.click(second.x + second.width / 2, second.y + second.height + 12)
  await expect(board.sidePanel()).toHaveCount(0)
  await board.drag(
    { x: second.x + second.width + 2, y: second.y + second.height + 3 },
    { x: first.x + first.width / 2, y: first.y + first.height / 2 },
    ['Shift']
  )
  await expect(board.sidePanel().getByRole('heading', { name: '2 notes' })).toBeVisible()

  await page.mouse.click(...at(first), { button: 'right' })
  await expect(board.menu()).toBeVisible()
  await board.menu().getByRole('menuitem', { name: 'Colour' }).click()
  await page.screenshot({ path: '.tmp/editing-context-menu.png' })
  await page.getByRole('menuitemradio', { name: 'Pink' }).click()
  await expect(board.menu()).toHaveCount(0)
  await expect
    .poll(async () => {
      const stored = await readMap(host, map.id)
      return [review, compares].map((id) => stored.notes.find((n) => n.id === id)?.color)
    })
    .toEqual(['#f8bbd0', '#f8bbd0'])
})

test('a curve point dragged up snaps to the scale and keeps its score after a reload', async ({ host, home, page }) => {
  void home
  const { board, map } = await openWorkshop(host, page)
  const stages = byOrder(map.stages)
  const emotions = byOrder(map.lanes).find((l) => l.kind === 'emotions')!
  const lane = (await board.node(`#lane-header-${emotions.id}`))!
  const stage = (await board.node(`#stage-header-${stages[2]!.id}`))!
  const band = plotBand(lane.y, lane.height)
  const x = stage.x + stage.width / 2
  const y = (score: number) => scoreToY(score, map.emotionScale, band.top, band.bottom)
  // Maya is at −1 over the third stage; drag her point to just past +1 (it snaps to +1).
  const from = await board.pagePoint(x, y(-1))
  await page.mouse.move(from.x, from.y)
  await expect(page.locator('.board')).toHaveAttribute('data-hover', 'ns-resize')
  const to = await board.pagePoint(x, y(1) + 3)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 8 })
  await page.screenshot({ path: '.tmp/editing-point-drag.png' })
  await page.mouse.up()
  const score = async () =>
    (await readMap(host, map.id)).emotionPoints.find((p) => p.personaId === 'maya' && p.stageId === stages[2]!.id)
      ?.score
  await expect.poll(score).toBe(1)

  await page.reload()
  await board.open(WORKSHOP.title)
  expect(await score()).toBe(1)
  // The side panel of the emotion cell says so too.
  await page.mouse.click((await board.pagePoint(x + 30, y(-2))).x, (await board.pagePoint(x + 30, y(-2))).y)
  await expect(board.sidePanel().getByLabel(startsWith('Score of Maya'))).toHaveValue('1')
})

test('a pain point added from a note’s context menu is stored with its severity and label', async ({
  host,
  home,
  page
}) => {
  void home
  const { board, map } = await openWorkshop(host, page)
  const note = noteId(map, 'Cannot invite colleagues')
  const box = await board.boxOf(`#note-${note}`)
  await page.mouse.click(...at(box), { button: 'right' })
  await board.menu().getByRole('menuitem', { name: 'Add pain point…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a pain point' })
  await expect(dialog).toBeVisible()
  await dialog.getByText('3 — severe').click()
  await dialog.getByLabel('Short label').fill('invites')
  await page.screenshot({ path: '.tmp/editing-marker-dialog.png' })
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(dialog).toHaveCount(0)

  await expect
    .poll(async () => (await readMap(host, map.id)).markers.filter((m) => m.target.kind === 'note'))
    .toEqual([expect.objectContaining({ severity: 3, label: 'invites', target: { kind: 'note', noteId: note } })])
  const marker = (await readMap(host, map.id)).markers.find((m) => m.label === 'invites')!
  await expect.poll(() => board.node(`#marker-${marker.id}`)).not.toBeNull()
  // Listed in the side panel of the selected note, editable there.
  const label = board.sidePanel().getByLabel('Label of pain point 1')
  await expect(label).toHaveValue('invites')
  await label.fill('cannot invite')
  await label.press('Enter')
  await expect
    .poll(async () => (await readMap(host, map.id)).markers.find((m) => m.id === marker.id)?.label)
    .toBe('cannot invite')
  await page.screenshot({ path: '.tmp/editing-side-panel.png' })
})

test('the keyboard alone selects, edits, recolours through the menu and deletes a note; undo brings it back', async ({
  host,
  home,
  page
}) => {
  void home
  const { board, map } = await openWorkshop(host, page)
  const review = noteId(map, 'Reads a review')
  const compares = noteId(map, 'Compares plans')
  await board.board().focus()
  await page.keyboard.press('ArrowDown') // nothing selected: the first note
  await expect(board.sidePanel().getByLabel('Text')).toHaveValue('Reads a review')
  await page.keyboard.press('ArrowDown')
  await expect(board.sidePanel().getByLabel('Text')).toHaveValue('Compares plans')

  await page.keyboard.press('Shift+F10')
  await expect(page.getByRole('menuitem', { name: 'Edit text' })).toBeFocused()
  await page.keyboard.press('ArrowDown') // Colour
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('menuitemradio', { name: 'Yellow' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter') // Orange
  await expect
    .poll(async () => (await readMap(host, map.id)).notes.find((n) => n.id === compares)?.color)
    .toBe('#ffcc80')

  await page.keyboard.press('Delete')
  await expect.poll(async () => (await readMap(host, map.id)).notes.some((n) => n.id === compares)).toBe(false)
  await expect.poll(() => board.noteIds()).not.toContain(compares)
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await readMap(host, map.id)).notes.some((n) => n.id === compares)).toBe(true)
  expect(placeOf(await readMap(host, map.id), review)?.index).toBe(0)
})

test('a stage renamed in place, one added at the end, and one with notes deleted after confirming (undoable)', async ({
  host,
  home,
  page
}) => {
  void home
  const { board, map } = await openWorkshop(host, page)
  const stages = byOrder(map.stages)
  const header = await board.boxOf(`#stage-header-${stages[1]!.id}`)
  await page.mouse.dblclick(header.x + 30, header.y + 12)
  await expect(board.renameField()).toBeFocused()
  await page.keyboard.type('Evaluation')
  await page.screenshot({ path: '.tmp/editing-rename-stage.png' })
  await page.keyboard.press('Enter')
  await expect
    .poll(async () => (await readMap(host, map.id)).stages.find((s) => s.id === stages[1]!.id)?.title)
    .toBe('Evaluation')

  // Esc leaves the title alone.
  await page.mouse.dblclick(header.x + 30, header.y + 12)
  await page.keyboard.type('Nope')
  await page.keyboard.press('Escape')
  await expect(board.renameField()).toHaveCount(0)

  // Add a stage at the end (Esc first: the selected stage's panel covers the end of the header row).
  await page.keyboard.press('Escape')
  await expect(board.sidePanel()).toHaveCount(0)
  await page.getByRole('button', { name: 'Add stage', exact: true }).click()
  await expect(board.renameField()).toBeFocused()
  await page.keyboard.type('Renewal')
  await page.keyboard.press('Enter')
  await expect.poll(async () => byOrder((await readMap(host, map.id)).stages).at(-1)?.title).toBe('Renewal')

  // Delete the second stage (it holds notes): asked first, then gone, then back with undo. (The
  // board moved to show the new stage beside its panel: back to the whole map first.)
  await page.keyboard.press('Escape')
  await expect(board.sidePanel()).toHaveCount(0)
  await page.getByRole('button', { name: 'Fit', exact: true }).click()
  const second = await board.boxOf(`#stage-header-${stages[1]!.id}`)
  await page.mouse.click(second.x + 30, second.y + 12, { button: 'right' })
  await board.menu().getByRole('menuitem', { name: 'Delete stage…' }).click()
  const confirm = page.getByRole('dialog', { name: shown('Delete stage “Evaluation”?') })
  await expect(confirm).toContainText('It holds 2 notes')
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect.poll(async () => (await readMap(host, map.id)).stages.some((s) => s.id === stages[1]!.id)).toBe(false)
  await page.keyboard.press('Control+z')
  await expect
    .poll(async () => (await readMap(host, map.id)).notes.filter((n) => n.stageId === stages[1]!.id).length)
    .toBe(2)

  // The fold button shows on hover at the header's top right; a click on the folded strip unfolds it.
  const collapsed = async () => (await readMap(host, map.id)).stages.find((s) => s.id === stages[2]!.id)?.collapsed
  const third = await board.boxOf(`#stage-header-${stages[2]!.id}`)
  const zoom = (await board.view()).zoom
  await page.mouse.move(third.x + 20, third.y + 20)
  await page.mouse.click(third.x + third.width - 15 * zoom, third.y + 15 * zoom)
  await expect.poll(collapsed).toBe(true)
  const strip = await board.boxOf(`#stage-header-${stages[2]!.id}`)
  expect(strip.width).toBeLessThan(third.width / 2)
  await page.mouse.click(strip.x + strip.width / 2, strip.y + strip.height / 2)
  await expect.poll(collapsed).toBe(false)

  // A lane of a chosen kind at the bottom, named at once.
  await page.getByRole('button', { name: 'Add lane', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Opportunities' }).click()
  await expect(board.renameField()).toBeFocused()
  await page.keyboard.type('Quick wins')
  await page.keyboard.press('Enter')
  await expect
    .poll(async () => {
      const last = byOrder((await readMap(host, map.id)).lanes).at(-1)
      return [last?.title, last?.kind]
    })
    .toEqual(['Quick wins', 'opportunities'])
})

test('alt-dragging from one note to another draws a labelled arrow', async ({ host, home, page }) => {
  void home
  const { board, map } = await openWorkshop(host, page)
  const from = noteId(map, 'Pricing page')
  const to = noteId(map, 'Starts a trial')
  await board.drag(centreOf(await board.boxOf(`#note-${from}`)), centreOf(await board.boxOf(`#note-${to}`)), ['Alt'])
  await expect(board.renameField()).toBeFocused()
  await page.keyboard.type('free trial')
  await page.keyboard.press('Enter')
  await expect
    .poll(async () => (await readMap(host, map.id)).connectors)
    .toEqual([expect.objectContaining({ fromNoteId: from, toNoteId: to, label: 'free trial' })])
  const connector = (await readMap(host, map.id)).connectors[0]!
  await expect.poll(() => board.node(`#connector-${connector.id}`)).not.toBeNull()
})

test('the save indicator says "Saved" only once the library committed, and "Not saved" with Retry when it is gone', async ({
  page
}) => {
  // A host of this test's own: it is frozen and killed on purpose.
  const host = await startHost()
  try {
    await page.goto(host.url)
    const { board, map } = await openWorkshop(host, page)
    const stages = byOrder(map.stages)
    const lanes = byOrder(map.lanes)
    await expect(board.saveStatus()).toHaveText('Saved')

    // The host is frozen: the edit shows at once but is not called saved.
    host.process.kill('SIGSTOP')
    try {
      await page.mouse.dblclick(...at(await board.cell(stages[4]!.id, lanes[0]!.id)))
      await page.keyboard.type('Habit formed')
      await page.keyboard.press('Control+Enter')
      await expect(board.saveStatus()).toHaveText('Saving…')
      await expect.poll(() => board.noteIds().then((ids) => ids.length)).toBe(map.notes.length + 1)
      await expect(board.saveStatus()).toHaveText('Saving…')
    } finally {
      host.process.kill('SIGCONT')
    }
    await expect(board.saveStatus()).toHaveText('Saved')
    expect((await readMap(host, map.id)).notes.some((n) => n.text === 'Habit formed')).toBe(true)

    // Frozen again, then gone while the edit is on its way: the edit is kept, and said not saved.
    host.process.kill('SIGSTOP')
    await page.mouse.click(...at(await board.boxOf(`#note-${noteId(map, 'Pricing page')}`)))
    await page.keyboard.press('Delete')
    await expect(board.saveStatus()).toHaveText('Saving…')
    host.process.kill('SIGKILL')
    await expect(board.saveStatus()).toHaveText(startsWith('Not saved — Lost the connection'))
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible()
    expect(await board.noteIds()).not.toContain(noteId(map, 'Pricing page'))
    await page.screenshot({ path: '.tmp/editing-not-saved.png' })
  } finally {
    if (host.process.exitCode === null && host.process.signalCode === null) await host.stop()
    rmSync(host.dir, { recursive: true, force: true })
  }
})

test('a read-only library refuses the edit: "Not saved" with the reason and Retry, and nothing is written', async ({
  page
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'jb-readonly-'))
  const db = join(dir, 'journeyboard.sqlite')
  const writable = await startHost([], db)
  let mapId: string
  try {
    const api = await ApiSocket.connect(writable)
    mapId = (await seedMap(api, WORKSHOP)).id
    api.close()
  } finally {
    await writable.stop()
  }
  chmodSync(db, 0o444)
  const readOnly = await startHost([], db)
  try {
    await page.goto(readOnly.url)
    await expect(new HomePage(page).heading()).toBeVisible()
    const board = new EditingBoard(page)
    await board.open(WORKSHOP.title)
    const map = await readMap(readOnly, mapId)
    await page.mouse.click(...at(await board.boxOf(`#note-${noteId(map, 'Pricing page')}`)))
    await page.keyboard.press('Delete')
    await expect(board.saveStatus()).toHaveText(/^Not saved — .*read-only/)
    await page.getByRole('button', { name: 'Retry' }).click()
    await expect(board.saveStatus()).toHaveText(/^Not saved — .*read-only/)
    expect((await readMap(readOnly, mapId)).notes).toHaveLength(map.notes.length)
  } finally {
    await readOnly.stop()
    chmodSync(db, 0o644)
    rmSync(dir, { recursive: true, force: true })
  }
})
