/**
 * Nothing typed is lost without a word: edits made while the host is down survive the host's
 * crash and a reload of the tab, and reach the library once it is back; leaving the page with
 * unsaved edits or a note being typed asks first.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { JourneyMap } from '../../src/shared/model'
import { ApiSocket, seedMap, type SeedSpec } from './support/board-page'
import { byOrder, EditingBoard, readMap, type Box } from './support/editing-page'
import { expect, HomePage, test } from './support/fixtures'
import { shown, startsWith } from './support/text'
import { startHost, type RunningHost } from './support/web-host'

const SPEC: SeedSpec = {
  title: 'Crash-safe workshop',
  notes: [
    [0, 1, ['Reads a review']],
    [1, 1, ['Watches a demo']]
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

/** Double-clicks a cell, types, and commits with ctrl+Enter. */
async function addNote(page: Page, board: EditingBoard, map: JourneyMap, stage: number, text: string) {
  const stageId = byOrder(map.stages)[stage]!.id
  const laneId = byOrder(map.lanes)[2]!.id
  await page.mouse.dblclick(...at(await board.cell(stageId, laneId)))
  await expect(board.noteEditor()).toBeFocused()
  await page.keyboard.type(text)
  await page.keyboard.press('Control+Enter')
  await expect(board.noteEditor()).toHaveCount(0)
}

const texts = (map: JourneyMap) => map.notes.map((n) => n.text).sort()

test('edits made while the host is down survive its crash and a reload, and are saved once it is back', async ({
  page
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'jb-crash-'))
  const db = join(dir, 'journeyboard.sqlite')
  const first = await startHost([], db)
  let second: RunningHost | undefined
  try {
    const map = await seed(first)
    await page.goto(first.url)
    const board = new EditingBoard(page)
    await board.open(SPEC.title)
    await addNote(page, board, map, 2, 'Saved before the crash')
    await expect(board.saveStatus()).toHaveText('Saved')

    // The host freezes with an edit on its way, then is killed: the edit is kept, said not saved.
    first.process.kill('SIGSTOP')
    await addNote(page, board, map, 3, 'Sent as the host died')
    await expect(board.saveStatus()).toHaveText('Saving…')
    first.process.kill('SIGKILL')
    await expect(board.saveStatus()).toHaveText(startsWith('Not saved — Lost the connection'))

    // Another edit while the host is down.
    await addNote(page, board, map, 4, 'Typed while the host was down')
    await expect(board.saveStatus()).toHaveText(/^Not saved/)
    await expect.poll(() => board.noteIds().then((ids) => ids.length)).toBe(map.notes.length + 3)

    // The tab is reloaded while the host is still down: the page cannot even load.
    await page.reload().catch(() => undefined)

    // The host is started again on the same library and port; the tab opens it again.
    second = await startHost(['--port', new URL(first.url).port], db)
    await page.goto(second.url)
    await expect(
      page.getByRole('status').filter({ hasText: shown(`2 edits to “${SPEC.title}” that were not saved`) })
    ).toContainText(shown('are being saved now'))
    await expect
      .poll(async () => texts(await readMap(second!, map.id)))
      .toEqual(
        [
          ...map.notes.map((n) => n.text),
          'Saved before the crash',
          'Sent as the host died',
          'Typed while the host was down'
        ].sort()
      )
    await page.screenshot({ path: '.tmp/unsaved-edits-after-restart.png' })
    await new HomePage(page).heading().waitFor()
    await board.open(SPEC.title)
    await expect(board.saveStatus()).toHaveText('Saved')
    await expect.poll(() => board.noteIds().then((ids) => ids.length)).toBe(map.notes.length + 3)
  } finally {
    if (first.process.exitCode === null && first.process.signalCode === null) first.process.kill('SIGKILL')
    await second?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
})

test('leaving the page asks first while a note is being typed or edits are unsaved, and not otherwise', async ({
  page
}) => {
  const host = await startHost()
  try {
    const map = await seed(host)
    await page.goto(host.url)
    const board = new EditingBoard(page)
    await board.open(SPEC.title)
    const prompts: string[] = []
    page.on('dialog', (dialog) => {
      prompts.push(dialog.type())
      void dialog.dismiss() // "Stay on page"
    })

    // A note being typed: nothing is saved yet, but closing would lose it.
    const stageId = byOrder(map.stages)[2]!.id
    const laneId = byOrder(map.lanes)[2]!.id
    await page.mouse.dblclick(...at(await board.cell(stageId, laneId)))
    await page.keyboard.type('Half a thought')
    await page.close({ runBeforeUnload: true })
    await expect.poll(() => prompts).toEqual(['beforeunload'])
    expect(page.isClosed()).toBe(false)
    await expect(board.noteEditor()).toHaveValue('Half a thought')

    // Committed while the host is frozen: shown, not saved yet — still asks.
    host.process.kill('SIGSTOP')
    try {
      await page.keyboard.press('Control+Enter')
      await expect(board.saveStatus()).toHaveText('Saving…')
      await page.close({ runBeforeUnload: true })
      await expect.poll(() => prompts).toEqual(['beforeunload', 'beforeunload'])
      expect(page.isClosed()).toBe(false)
    } finally {
      host.process.kill('SIGCONT')
    }

    // Everything saved: the page closes without asking.
    await expect(board.saveStatus()).toHaveText('Saved')
    await page.close({ runBeforeUnload: true })
    await expect.poll(() => page.isClosed()).toBe(true)
    expect(prompts).toHaveLength(2)
    expect(texts(await readMap(host, map.id))).toContain('Half a thought')
  } finally {
    await host.stop()
  }
})
