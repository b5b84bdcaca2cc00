/**
 * Comments and a picture on a note (issue 17): added in the side panel, saved in the library,
 * still there after a reload, the open comments counted on the note, and both in the PDF (the
 * comment in the notes table, the picture embedded as an image on the board page).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { ApiSocket, DEMO_MAP, seedMap } from './support/board-page'
import { centreOf, EditingBoard, readMap } from './support/editing-page'
import { ExportDialogPage } from './support/exchange-page'
import { expect, test } from './support/fixtures'

test.use({ viewport: { width: 1280, height: 800 } })

/** A 1600 × 900 photo-like picture (bigger than the library keeps: it is scaled down). */
function picture(): Buffer {
  const canvas = createCanvas(1600, 900)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff3bf'
  ctx.fillRect(0, 0, 1600, 900)
  ctx.fillStyle = '#1c7ed6'
  ctx.fillRect(200, 150, 1200, 600)
  return canvas.toBuffer('image/png')
}

test('comments and a picture on a note survive a reload and appear in the PDF', async ({ page, host, home }) => {
  const api = await ApiSocket.connect(host)
  const map = await seedMap(api, DEMO_MAP)
  api.close()
  await page.reload()
  await expect(home.heading()).toBeVisible()
  const board = new EditingBoard(page)
  await board.open(DEMO_MAP.title)
  const note = map.notes.find((n) => n.text === 'Card required for the trial')!
  const select = async () => page.mouse.click(...xy(centreOf(await board.boxOf(`#note-${note.id}`))))
  await select()
  const panel = board.sidePanel()
  const comments = panel.getByRole('group', { name: /^Comments/ })
  await comments.getByLabel('Your name').fill('Ана')
  await comments.getByLabel('Comment', { exact: true }).fill('Ask legal whether the card can wait')
  await comments.getByRole('button', { name: 'Add comment' }).click()
  await comments.getByLabel('Comment', { exact: true }).fill('Checked with finance')
  await comments.getByRole('button', { name: 'Add comment' }).click()
  await comments.getByRole('listitem').nth(1).getByLabel('Resolved').check()
  await expect(comments.getByRole('heading')).toHaveText(/Comments \(\W*1\W*open\)/)
  // The open comment is counted in a tab at the note's bottom-right corner (sampled 4 units inside
  // its right edge: at the opening zoom its edge's pixels are blended with the paper).
  const drawn = (await board.node(`#note-${note.id}`))!
  await expect
    .poll(async () =>
      near(await board.pixelOnNotesLayer(drawn.x + drawn.width + 1, drawn.y + drawn.height - 2), '#b8440b')
    )
    .toBe(true)

  await panel.getByLabel('Choose a picture for the note').setInputFiles({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: picture()
  })
  await expect(panel.getByRole('img', { name: 'The note’s picture' })).toBeVisible()
  await expect
    .poll(async () => (await readMap(host, map.id)).notes.find((n) => n.id === note.id)?.image?.width)
    .toBe(1024)
  const saved = (await readMap(host, map.id)).notes.find((n) => n.id === note.id)!
  expect(saved.comments?.map((c) => [c.author, c.text, c.resolved])).toEqual([
    ['Ана', 'Ask legal whether the card can wait', false],
    ['Ана', 'Checked with finance', true]
  ])
  expect(saved.image?.height).toBe(576)
  // The note grew to show the picture above its text.
  await expect.poll(async () => (await board.node(`#note-${note.id}`))!.height).toBeGreaterThan(drawn.height + 60)

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: DEMO_MAP.title })).toBeVisible()
  await select()
  await expect(
    panel.getByRole('group', { name: /^Comments/ }).getByText('Ask legal whether the card can wait')
  ).toBeVisible()
  await expect(panel.getByRole('img', { name: 'The note’s picture' })).toBeVisible()

  const dialog = new ExportDialogPage(page)
  await dialog.open()
  await dialog.chooseFormat('PDF')
  await dialog.dialog().getByLabel('Add a table of the notes of each stage (with KPIs)').check()
  const { bytes, name } = await dialog.export()
  const dir = mkdtempSync(join(tmpdir(), 'jb-e2e-notes-'))
  try {
    const file = join(dir, name)
    writeFileSync(file, bytes)
    const table = execFileSync('pdftotext', ['-f', '2', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(table).toContain('Ask legal whether the card can wait')
    expect(table).toMatch(/Checked with finance \(resolved\)/)
    const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', file], { encoding: 'utf8' })
    expect(images.trim().split('\n').length).toBeGreaterThan(2) // a header, a rule, at least one image
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

/** Two #rrggbb colours within a few steps of each other on every channel (scaling blends edges). */
const near = (a: string, b: string) =>
  [1, 3, 5].every((i) => Math.abs(parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16)) <= 16)

const xy = (p: { x: number; y: number }): [number, number] => [p.x, p.y]
