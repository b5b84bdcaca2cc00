/**
 * Issue 14's screens in Russian (chosen in Settings) and Thai (the browser's language) at
 * 1280 × 800: the journey overview of a two-path map, Compare paths, the Review since a snapshot,
 * and Import metrics with the ready GA4 mapping onto a SaaS map made in that language. The app's
 * own words hold no English (the maps' own texts are English and are left out), nothing spills
 * out of its button or heading, and the screenshots go to docs/.
 */
import type { Locator, Page } from '@playwright/test'
import { createTranslator } from '../../src/shared/i18n/format'
import type { Language } from '../../src/shared/i18n/languages'
import { en, type MessageKey } from '../../src/renderer/src/i18n/en'
import { ru } from '../../src/renderer/src/i18n/ru'
import { th } from '../../src/renderer/src/i18n/th'
import { bg } from '../../src/renderer/src/i18n/bg'
import { zh } from '../../src/renderer/src/i18n/zh'
import { englishWordsIn } from '../unit/english-words'
import { ApiSocket, BoardPage } from './support/board-page'
import { expect, test } from './support/fixtures'
import { importTwoPathsReviewed } from './support/journeys'
import { shown } from './support/text'

const catalogues = { en, ru, bg, th, zh }
const say = (lang: Language) => {
  const translate = createTranslator<MessageKey>(catalogues, lang, { isolate: false })
  return (key: MessageKey, params?: Record<string, string | number>) => translate(key, params)
}

/** Buttons, headings, legends and table headers whose text is wider or taller than their box. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, h1, h2, h3, th, legend, label, select')]
      .filter((el) => {
        const box = el.getBoundingClientRect()
        if (box.width === 0 || box.height === 0 || getComputedStyle(el).display === 'inline') return false
        return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1
      })
      .map((el) => `${el.tagName.toLowerCase()}: ${el.innerText.slice(0, 60)}`)
  )
}

/** English words in the app's own words of a dialog: its title, buttons, hints, legends. */
async function englishIn(dialog: Locator): Promise<string[]> {
  const texts = await dialog.locator('h2, button, legend, .hint, [role="status"]').allInnerTexts()
  // File names (ga4-funnel-exploration.csv) are the user's, not the app's words.
  return englishWordsIn(texts.join('\n').replace(/\S+\.(csv|xlsx)\b/g, ' '))
}

async function walkThrough(page: Page, lang: 'ru' | 'th', api: ApiSocket): Promise<void> {
  const t = say(lang)
  const menu = async (item: MessageKey, suffix = '') => {
    await page.getByRole('button', { name: `${t('workshop.toolbar')} ▾`, exact: true }).click()
    await page.getByRole('menuitem', { name: t(item) + suffix, exact: true }).click()
  }

  // A map with two paths and a loop; its trial conversion went red since the last snapshot.
  await importTwoPathsReviewed(api)
  const board = new BoardPage(page)
  await board.open('Trial or demo')

  const overview = page.getByRole('figure', { name: t('paths.overview.label') })
  await expect(overview).toBeVisible()
  await expect(page.getByLabel(t('paths.bar.showLabel'))).toBeVisible()
  expect(await overflowing(page)).toEqual([])
  await page.screenshot({ path: `docs/i18n-${lang}-paths.png` })

  await menu('paths.bar.compare')
  const compare = page.getByRole('dialog', { name: t('paths.compare.title') })
  await expect(compare.getByRole('row', { name: /Demo/ })).toContainText(t('paths.compare.skips'))
  expect(await englishIn(compare)).toEqual([])
  expect(await overflowing(page)).toEqual([])
  await page.screenshot({ path: `docs/i18n-${lang}-paths-compare.png` })
  await compare.getByRole('button', { name: t('paths.dialog.done'), exact: true }).click()

  await menu('metrics.review.button')
  const review = page.getByRole('dialog', { name: shown(t('metrics.review.title', { name: 'October review' })) })
  await expect(review.getByRole('listitem').first()).toContainText(t('metrics.status.missed'))
  expect(await englishIn(review)).toEqual([])
  expect(await overflowing(page)).toEqual([])
  await page.screenshot({ path: `docs/i18n-${lang}-review.png` })
  await review.getByRole('button', { name: t('paths.dialog.done'), exact: true }).click()

  // A SaaS map made in this language takes a GA4 export through the ready mapping.
  await api.call('createMap', { template: 'saas', title: 'GA4', language: lang })
  await page.getByRole('button', { name: `← ${t('map.back')}` }).click()
  await page.getByRole('button', { name: 'GA4', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'GA4' })).toBeVisible()
  await menu('metrics.import.button')
  const dialog = page.getByRole('dialog', { name: t('metrics.import.title') })
  await dialog
    .getByLabel(t('metrics.import.file'), { exact: true })
    .setInputFiles('docs/examples/metrics/ga4-funnel-exploration.csv')
  await expect(
    dialog.getByText(shown(t('metrics.import.mappingSuggested', { name: 'GA4 funnel exploration' })))
  ).toBeVisible()
  // The GA4 step is mapped onto the SaaS stage as this map names it.
  const awareness = lang === 'ru' ? 'Осведомлённость' : 'การรับรู้'
  await expect(dialog.getByLabel('1. First visit', { exact: true })).toHaveValue(awareness)
  expect(await englishIn(dialog)).toEqual([])
  expect(await overflowing(page)).toEqual([])
  await page.screenshot({ path: `docs/i18n-${lang}-metrics-import.png` })
  await dialog.getByRole('button', { name: t('metrics.import.submit'), exact: true }).click()
  const done = dialog.getByRole('status')
  await expect(done).toContainText(awareness)
  expect(await englishIn(dialog)).toEqual([])

  // A bad row is named by line and column in this language.
  await dialog.getByLabel(t('metrics.import.file'), { exact: true }).setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`stage,metric,value,date\n${awareness},Visitors,many,2026-12-02\n`)
  })
  await dialog.getByRole('button', { name: t('metrics.import.submit'), exact: true }).click()
  const problems = dialog.getByRole('alert')
  await expect(problems).toContainText(t('metrics.import.failed'))
  await expect(problems).toContainText(
    shown(lang === 'ru' ? 'строка 2, столбец «value»: "many" — не число' : 'บรรทัด 2 คอลัมน์ “value”: "many" ไม่ใช่ตัวเลข')
  )
  expect(englishWordsIn((await problems.innerText()).replace(/"[^"]*"/g, ' '))).toEqual([])
  await page.screenshot({ path: `docs/i18n-${lang}-metrics-problems.png` })
}

test.describe('paths, review and metrics import in Russian, chosen in Settings', () => {
  test.use({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })

  test('overview, compare, review and import speak Russian, nothing spills', async ({ home, host, page }) => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click()
    await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption('ru')
    await page.getByRole('button', { name: 'Готово' }).click()
    const api = await ApiSocket.connect(host)
    try {
      await walkThrough(page, 'ru', api)
    } finally {
      api.close()
    }
    void home
  })
})

test.describe('paths, review and metrics import in Thai, from the browser', () => {
  test.use({ viewport: { width: 1280, height: 800 }, locale: 'th-TH' })

  test('overview, compare, review and import speak Thai, nothing spills', async ({ home, host, page }) => {
    const api = await ApiSocket.connect(host)
    try {
      await walkThrough(page, 'th', api)
    } finally {
      api.close()
    }
    void home
  })
})
