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
import { decode } from 'fast-png'
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
  // The emoji comes from the bundled emoji font: nothing is missing.
  await expect(dialog.status()).not.toContainText('No bundled font')

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
    for (const words of [
      'Осведомлённость',
      'การพิจารณา',
      '购买/Purchase',
      'Maya,theopslead(to-be)',
      'pricesho',
      'Welcomeemail📧withsetupchecklist'
    ]) {
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

test('a transparent PNG is clear where the board has no paper, a white one is opaque', async ({ host, home, page }) => {
  void home
  await openShowcase(host, page)
  const dialog = new ExportDialogPage(page)
  const exported: Record<string, Buffer> = {}
  for (const background of ['White', 'Transparent (no paper behind the cells)'] as const) {
    await dialog.open()
    await dialog.chooseFormat('PNG image')
    await dialog.dialog().getByRole('radio', { name: '1×' }).check()
    await dialog.dialog().getByRole('radio', { name: background }).check()
    exported[background] = (await dialog.export()).bytes
    await dialog.close()
  }
  const white = decode(exported['White']!)
  const clear = decode(exported['Transparent (no paper behind the cells)']!)
  expect([clear.width, clear.height]).toEqual([white.width, white.height])
  expect(exported['White']!.equals(exported['Transparent (no paper behind the cells)']!)).toBe(false)
  const alpha = (image: typeof white, x: number, y: number) => image.data[(y * image.width + x) * 4 + 3]
  let opaque = true
  for (let i = 3; i < white.data.length; i += 4) if (white.data[i] !== 255) opaque = false
  expect(opaque).toBe(true)
  // The opportunities lane's first cell is empty: clear; the stage headers are drawn.
  const scene = layoutMap(pdfShowcaseMap(), (text, font) => text.length * font.size * 0.6)
  const cell = scene.cells.find((c) => c.stageId === 's1' && c.laneId === 'l4')!
  expect(alpha(clear, Math.round(cell.x + cell.w / 2), Math.round(cell.y + cell.h / 2))).toBe(0)
  expect(alpha(clear, LAYOUT.laneHeaderWidth + 5, 5)).toBe(255)
})

test('exports an SVG that parses, holds the notes as text with its fonts, and draws in Chromium', async ({
  host,
  home,
  page,
  browser
}, testInfo) => {
  void home
  await openShowcase(host, page)
  const dialog = new ExportDialogPage(page)
  await dialog.open()
  await dialog.chooseFormat('SVG image')
  const { bytes, name } = await dialog.export()
  expect(name).toMatch(/\.svg$/)
  await expect(dialog.status()).toContainText(shown('Downloaded an SVG image'))
  const svg = bytes.toString('utf8')
  // The browser's own XML parser: no parse error, the SVG namespace, every sentence as text.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      namespace: doc.documentElement.namespaceURI,
      text: Array.from(doc.getElementsByTagName('text'))
        .map((t) => t.textContent)
        .join(''),
      faces: (doc.getElementsByTagName('style')[0]?.textContent ?? '').match(/@font-face/g)?.length ?? 0
    }
  }, svg)
  expect(parsed.error).toBe(false)
  expect(parsed.namespace).toBe('http://www.w3.org/2000/svg')
  for (const [language, sentence] of Object.entries(SEED_SENTENCES))
    expect(squeeze(parsed.text), language).toContain(squeeze(sentence))
  expect(parsed.faces).toBeGreaterThanOrEqual(4)

  // Drawn on its own in a fresh page: the notes' text is there to find, and it is not blank.
  const viewer = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
  try {
    await viewer.setContent(`<!doctype html><body style="margin:0">${svg}</body>`)
    await viewer.evaluate(() => document.fonts.ready)
    await expect(viewer.locator('svg text', { hasText: 'free trial' })).toHaveCount(1)
    const shot = await viewer.screenshot()
    await testInfo.attach('svg-in-chromium', { body: shot, contentType: 'image/png' })
    const pixels = await drawnPixels(viewer, shot)
    for (const quarter of pixels.quarters) expect(quarter).toBeGreaterThan(0)
  } finally {
    await viewer.close()
  }
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
