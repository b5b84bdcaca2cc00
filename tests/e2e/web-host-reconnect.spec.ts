/**
 * The host goes away under an open tab (killed with SIGKILL, as a crash or a closed terminal
 * would) and comes back: with the same --db and --port it keeps its token (beside the library), so
 * the tab reconnects by itself; with a new token or on another port the tab says in plain words
 * what to do instead of "Reconnecting…" forever.
 */
import { createServer } from 'node:net'
import { expect, test, type Page } from '@playwright/test'
import { ApiSocket, seedMap } from './support/board-page'
import { byOrder, EditingBoard, readMap, type Box } from './support/editing-page'
import { startHost, type RunningHost } from './support/web-host'

const at = (box: Box) => [box.x + box.width / 2, box.y + box.height / 2] as const

/** A loopback port that is free now, so that both runs of the host can be given the same --port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

const banner = (page: Page) => page.locator('.connection-banner')

async function openSeededMap(host: RunningHost, page: Page, title: string) {
  const api = await ApiSocket.connect(host)
  const map = await seedMap(api, { title, notes: [[0, 1, ['Reads a review']]] })
  api.close()
  await page.goto(host.url)
  const board = new EditingBoard(page)
  await board.open(title)
  await expect(board.saveStatus()).toHaveText('Saved')
  return { board, map }
}

test('killed and restarted with the same arguments, the host takes the open tab back by itself', async ({ page }) => {
  const port = String(await freePort())
  const first = await startHost(['--port', port])
  let second: RunningHost | undefined
  try {
    const { board, map } = await openSeededMap(first, page, 'Through a crash')
    await first.kill('SIGKILL')
    await expect(banner(page)).toContainText('Lost the connection to the Journeyboard host')

    // An edit while the host is down: shown at once, said not saved, kept.
    const stages = byOrder(map.stages)
    const lanes = byOrder(map.lanes)
    await page.mouse.dblclick(...at(await board.cell(stages[2]!.id, lanes[1]!.id)))
    await page.keyboard.type('Typed while the host was down')
    await page.keyboard.press('Control+Enter')
    await expect(board.saveStatus()).toHaveText(/^Not saved — /)
    await page.screenshot({ path: '.tmp/reconnect-host-down.png' })

    second = await startHost(['--port', port], first.dbPath)
    expect(second.token).toBe(first.token)
    await expect(banner(page)).toHaveCount(0)
    await expect(board.saveStatus()).toHaveText('Saved')
    const stored = await readMap(second, map.id)
    expect(stored.notes.map((n) => n.text).sort()).toEqual(['Reads a review', 'Typed while the host was down'])

    // And the API works from the tab as before: a new map made through the UI reaches the library.
    await page.getByRole('button', { name: '← All maps' }).click()
    await page.getByRole('button', { name: 'New map', exact: true }).click()
    await page.getByLabel('Map title').fill('Made after the restart')
    await page.getByText('Blank', { exact: true }).click()
    await page.getByRole('button', { name: 'Create map' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Made after the restart' })).toBeVisible()
    const api = await ApiSocket.connect(second)
    expect((await api.call('listMaps', {})).map((m) => m.title).sort()).toEqual([
      'Made after the restart',
      'Through a crash'
    ])
    api.close()
  } finally {
    await second?.stop()
    await first.stop()
  }
})

test('changes made while the tab was cut off show once it is back, with nothing of its own to send', async ({
  page
}) => {
  const port = String(await freePort())
  const first = await startHost(['--port', port])
  let meanwhile: RunningHost | undefined
  let second: RunningHost | undefined
  try {
    const { board, map } = await openSeededMap(first, page, 'Changed meanwhile')
    expect(await board.noteIds()).toEqual(['note1'])
    await first.kill('SIGKILL')
    await expect(banner(page)).toContainText('Lost the connection to the Journeyboard host')

    // Someone else edits the library while this tab cannot hear about it (the same library
    // served on another port, which the tab does not know).
    meanwhile = await startHost([], first.dbPath)
    const api = await ApiSocket.connect(meanwhile)
    const note = map.notes[0]!
    await api.call('applyPatch', {
      mapId: map.id,
      patch: [
        { op: 'put', entity: 'note', value: { ...note, id: 'added-meanwhile', order: 2, text: 'Added meanwhile' } }
      ]
    })
    api.close()
    await meanwhile.stop()

    second = await startHost(['--port', port], first.dbPath)
    await expect(banner(page)).toHaveCount(0)
    await expect.poll(() => board.noteIds().then((ids) => ids.sort())).toEqual(['added-meanwhile', 'note1'])
    await expect(board.saveStatus()).toHaveText('Saved')
  } finally {
    await second?.stop()
    await meanwhile?.stop()
    await first.stop()
  }
})

test('restarted with --new-token, the tab stops retrying and says to open the printed address', async ({ page }) => {
  const port = String(await freePort())
  const first = await startHost(['--port', port])
  let second: RunningHost | undefined
  try {
    await openSeededMap(first, page, 'Old key')
    await first.kill('SIGKILL')
    await expect(banner(page)).toContainText('Lost the connection')
    second = await startHost(['--port', port, '--new-token'], first.dbPath)
    expect(second.token).not.toBe(first.token)
    await expect(page.getByRole('alert')).toHaveText(
      'The Journeyboard host no longer accepts this page (it was started with a new key). Open the address the Journeyboard host printed.'
    )
    await page.screenshot({ path: '.tmp/reconnect-refused.png' })
    // The new address pasted into the same tab (only its fragment differs, so the page stays):
    // the tab connects with the new token, still on its map.
    await page.goto(second.url)
    await expect(banner(page)).toHaveCount(0)
    expect(page.url()).not.toContain(second.token)
    await expect(page.getByRole('heading', { level: 1, name: 'Old key' })).toBeVisible()
    await page.getByRole('button', { name: '← All maps' }).click()
    await expect(page.getByRole('button', { name: 'Old key', exact: true })).toBeVisible()
  } finally {
    await second?.stop()
    await first.stop()
  }
})

test('a host that does not come back on the same address: the tab says how to get back', async ({ page }) => {
  const first = await startHost()
  let second: RunningHost | undefined
  try {
    await openSeededMap(first, page, 'Moved host')
    await first.kill('SIGKILL')
    // Started again, but on another port (as when the default port was taken meanwhile).
    second = await startHost([], first.dbPath)
    await expect(banner(page)).toContainText('If it now prints a different address, open that address.')
    await page.getByRole('button', { name: 'Reconnect now' }).click()
    await expect(banner(page)).toContainText('Cannot reach the Journeyboard host')
    await page.screenshot({ path: '.tmp/reconnect-unreachable.png' })
    await page.goto(second.url)
    await expect(page.getByRole('heading', { level: 1, name: 'Journeyboard' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Moved host', exact: true })).toBeVisible()
    await expect(banner(page)).toHaveCount(0)
  } finally {
    await second?.stop()
    await first.stop()
  }
})
