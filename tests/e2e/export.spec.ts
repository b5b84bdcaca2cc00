/**
 * Export and import through the UI of the web host: a PDF and a PNG of a multilingual map come
 * down as browser downloads and are read back (pdftotext, qpdf, the PNG's size and pixels); a
 * CSV and a Mermaid file go in through File ▸ Import… and open as maps; a bad file is refused
 * with the line of the problem.
 */
import type { Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serializeInterchange } from '../../src/shared/format/interchange'
import { LAYOUT, layoutMap } from '../../src/shared/layout'
import { pdfPersonas, pdfShowcaseMap, SEED_SENTENCES } from '../unit/pdf-fixtures'
import { ApiSocket } from './support/board-page'
import { ExportDialogPage, ImportDialogPage, drawnPixels, pngSize } from './support/exchange-page'
import { expect, test } from './support/fixtures'
import { shown } from './support/text'

const squeeze = (text: string) => text.replace(/\s+/g, '')

/** Puts the showcase map (Russian, Bulgarian, Thai, Chinese, English) in the library and opens it. */
async function openShowcase(host: Parameters<typeof ApiSocket.connect>[0], page: Page) {
  const api = await ApiSocket.connect(host)
  try {
    await api.call('importMap', { text: serializeInterchange(pdfShowcaseMap(), pdfPersonas()) })
  } finally {
    api.close()
  }
  const title = pdfShowcaseMap().title
  await page.getByRole('button', { name: title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  return title
}

test('exports a PDF from the map screen that gives back every sentence', async ({ host, home, page }) => {
  void home
  await openShowcase(host, page)
  const dialog = new ExportDialogPage(page)
  await dialog.open()
  await dialog.chooseFormat('PDF')
  await dialog.dialog().getByLabel('Add a table of the notes of each stage (with KPIs)').check()
  const { bytes, name } = await dialog.export()
  expect(name).toMatch(/\.pdf$/)
  await expect(dialog.status()).toContainText(shown('Downloaded a PDF of 2 pages'))
  await expect(dialog.status()).toContainText(shown('No bundled font has these characters; they are drawn as □: 📧'))

  const dir = mkdtempSync(join(tmpdir(), 'jb-e2e-pdf-'))
  try {
    const file = join(dir, name)
    writeFileSync(file, bytes)
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors'
    )
    // Page 2 is the notes table: each sentence in one cell, in reading order.
    const table = squeeze(execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' }))
    for (const [language, sentence] of Object.entries(SEED_SENTENCES))
      expect(table, language).toContain(squeeze(sentence))
    const board = squeeze(execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }))
    for (const words of ['Осведомлённость', 'การพิจารณา', '购买/Purchase', 'Maya,theopslead(to-be)', 'pricesho']) {
      expect(board).toContain(words)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('exports the whole board as a PNG at 2×, not blank, and says what it made', async ({ host, home, page }) => {
  void home
  await openShowcase(host, page)
  const dialog = new ExportDialogPage(page)
  await dialog.open()
  await dialog.chooseFormat('PNG image')
  await dialog.dialog().getByRole('radio', { name: '2×' }).check()
  const { bytes, name } = await dialog.export()
  expect(name).toMatch(/\.png$/)
  const size = pngSize(bytes)
  await expect(dialog.status()).toContainText(
    shown(`Downloaded a ${size.width.toLocaleString('en')} × ${size.height.toLocaleString('en')} px PNG at 2×`)
  )
  // The whole board, not the viewport: its width in board units (stage widths, whatever the
  // fonts) at 2×, and at least every lane's own height.
  const scene = layoutMap(pdfShowcaseMap(), (text, font) => text.length * font.size * 0.6)
  expect(size.width).toBe(2 * scene.width)
  expect(size.height).toBeGreaterThanOrEqual(2 * (LAYOUT.stageHeaderHeight + 140 + 140 + 180 + 140))
  const pixels = await drawnPixels(page, bytes)
  expect(pixels.total).toBeGreaterThan(size.width * size.height * 0.05)
  for (const quarter of pixels.quarters) expect(quarter).toBeGreaterThan(0)
})

test('imports a CSV and a Mermaid file through File ▸ Import… and opens them', async ({ home, page }) => {
  void home
  const dialog = new ImportDialogPage(page)
  await dialog.open()
  await dialog.pick(
    'Workshop notes.csv',
    [
      'stage,lane,kind,text,channel,personas,votes',
      'Осведомлённость,Touchpoints,touchpoint,Реклама в поиске,web,,2',
      'การพิจารณา,Touchpoints,touchpoint,เปรียบเทียบราคา,web,,0',
      '购买,Pain points,painPoint,价格不透明,,,5'
    ].join('\n')
  )
  await expect(dialog.dialog().getByText(shown('Recognised as CSV.'))).toBeVisible()
  await dialog.submit()
  await expect(page.getByRole('heading', { level: 1, name: 'Workshop notes' })).toBeVisible()
  await expect(page.getByText('3 notes', { exact: true })).toBeVisible()

  await home.backHome()
  await dialog.open()
  await dialog.pick(
    'onboarding.mmd',
    [
      'journey',
      '  title Onboarding journey',
      '  section Sign-up',
      '    Create account: 4: Maya, Ivan',
      '    Confirm email: 2',
      '  section First steps',
      '    Invite team: 3: Maya'
    ].join('\n')
  )
  await expect(dialog.dialog().getByText(shown('Recognised as Mermaid journey.'))).toBeVisible()
  await dialog.submit()
  await expect(page.getByRole('heading', { level: 1, name: 'Onboarding journey' })).toBeVisible()
  await expect(page.getByText('3 notes', { exact: true })).toBeVisible()
})

test('refuses a bad file with the line of the problem and imports nothing', async ({ home, page }) => {
  const dialog = new ImportDialogPage(page)
  const before = await home.mapCards().count()
  await dialog.open()
  await dialog.pick('bad.mmd', 'journey\n  title T\n  section S\n    Task: 9: Maya\n')
  await dialog.submit()
  await expect(dialog.dialog().getByRole('alert')).toContainText('Nothing was imported.')
  await expect(dialog.dialog().getByRole('alert')).toContainText('line 4: the score "9" must be a number from 1 to 5')
  await dialog.dialog().getByRole('button', { name: 'Cancel' }).click()
  await expect(home.mapCards()).toHaveCount(before)
})
