/**
 * The app in Russian, Thai and Chinese, as a workshop in Sofia, Bangkok or Shanghai sees it at
 * 1280 × 800: the home screen, a new SaaS map (its stages in that language), a dialog, an import
 * error and the analysis panel show no English words (words of the English catalogue), and no
 * text spills out of its button or header. Russian is chosen in Settings; Thai and Chinese come
 * from the browser's language, as a Thai or Chinese system would give them.
 */
import type { Page } from '@playwright/test'
import { createTranslator } from '../../src/shared/i18n/format'
import type { Language } from '../../src/shared/i18n/languages'
import { templateIn } from '../../src/shared/templates'
import { bg } from '../../src/renderer/src/i18n/bg'
import { en, type MessageKey } from '../../src/renderer/src/i18n/en'
import { ru } from '../../src/renderer/src/i18n/ru'
import { th } from '../../src/renderer/src/i18n/th'
import { zh } from '../../src/renderer/src/i18n/zh'
import { englishWordsIn } from '../unit/english-words'
import { expect, test } from './support/fixtures'

const catalogues = { en, ru, bg, th, zh }
const say = (lang: Language) => {
  const translate = createTranslator<MessageKey>(catalogues, lang, { isolate: false })
  return (key: MessageKey) => translate(key)
}

/** English words the page shows, leaving out file paths (the library file's folder). */
async function englishOn(page: Page, selector: string): Promise<string[]> {
  const texts = await page.locator(selector).allInnerTexts()
  return englishWordsIn(texts.join('\n').replace(/\S*[/\\]\S*/g, ' '))
}

/** Buttons, tabs and headings whose text is wider or taller than the box that holds it. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, h1, h2, h3, th, [role="tab"], legend')]
      .filter((el) => {
        const box = el.getBoundingClientRect()
        if (box.width === 0 || box.height === 0 || getComputedStyle(el).display === 'inline') return false
        return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1
      })
      .map((el) => `${el.tagName.toLowerCase()}: ${el.innerText.slice(0, 60)}`)
  )
}

const BAD_CSV = 'stage,lane,text,severity\nAwareness,Touchpoints,Ad,9\n'

async function walkThrough(page: Page, lang: 'ru' | 'th' | 'zh', screenshots: boolean): Promise<void> {
  const t = say(lang)
  const shot = async (name: string) => {
    if (screenshots) await page.screenshot({ path: `docs/i18n-${lang}-${name}.png` })
  }

  // Home.
  await expect(page.getByRole('button', { name: t('home.newMap'), exact: true })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-Hans' : lang)
  expect(await englishOn(page, 'body')).toEqual([])
  expect(await overflowing(page)).toEqual([])
  await shot('home')

  // A new SaaS map: the dialog, then the board with the stages in this language.
  const saas = templateIn('saas', lang)
  await page.getByRole('button', { name: t('home.newMap'), exact: true }).click()
  const dialog = page.getByRole('dialog', { name: t('new.title') })
  await dialog.getByLabel(t('new.mapTitle')).fill(saas.stages[3]!.title)
  await dialog.getByText(saas.name, { exact: true }).click()
  expect(await englishOn(page, 'dialog[open]')).toEqual([])
  expect(await overflowing(page)).toEqual([])
  await shot('new-map')
  await dialog.getByRole('button', { name: t('new.create') }).click()
  for (const stage of saas.stages) await expect(page.getByRole('columnheader', { name: stage.title })).toBeAttached()
  await expect(page.getByRole('rowheader', { name: saas.lanes[2]!.title })).toBeAttached()
  expect(await englishOn(page, 'main')).toEqual([])
  expect(await overflowing(page)).toEqual([])
  await shot('board')

  // A dialog: Export, from the header's File ▾ menu.
  await page.getByRole('button', { name: `${t('map.fileMenu')} ▾`, exact: true }).click()
  await page.getByRole('menuitem', { name: t('action.exportMap'), exact: true }).click()
  const exportDialog = page.locator('dialog[open]')
  await expect(exportDialog).toBeVisible()
  expect(await englishOn(page, 'dialog[open]')).toEqual([])
  expect(await overflowing(page)).toEqual([])
  await exportDialog.getByRole('button', { name: t('exchange.cancel'), exact: true }).click()

  // The analysis panel.
  await page.getByRole('button', { name: t('workshop.analysis.button'), exact: true }).click()
  const panel = page.locator('aside.analysis-panel')
  await expect(panel).toBeVisible()
  await expect(panel.getByText(t('workshop.category.gap')).first()).toBeVisible()
  expect(await englishOn(page, 'aside.analysis-panel')).toEqual([])
  expect(await overflowing(page)).toEqual([])
  await shot('analysis')

  // An import error: a CSV with a severity of 9.
  await page.getByRole('button', { name: `← ${t('map.back')}` }).click()
  await page.getByRole('button', { name: t('exchange.importButton'), exact: true }).click()
  const importDialog = page.getByRole('dialog', { name: t('exchange.import.title') })
  await importDialog.getByLabel(t('exchange.import.file'), { exact: true }).setInputFiles({
    name: 'workshop.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(BAD_CSV, 'utf8')
  })
  await importDialog.getByRole('button', { name: t('exchange.import.submit'), exact: true }).click()
  const problem = importDialog.getByRole('alert')
  await expect(problem).toContainText(t('exchange.import.failed'))
  await expect(problem).toContainText('severity')
  expect(await englishOn(page, 'dialog[open] [role="alert"]')).toEqual([])
  expect(await overflowing(page)).toEqual([])
  await shot('import-error')
}

test.describe('the app in Russian, chosen in Settings', () => {
  test.use({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })

  test('home, a new SaaS map, a dialog, an import error and the analysis speak Russian, nothing spills', async ({
    home,
    page
  }) => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click()
    await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption('ru')
    // The switch applies at once; the dialog stays open, now in Russian.
    await expect(page.getByRole('dialog', { name: 'Настройки' })).toBeVisible()
    await page.getByRole('button', { name: 'Готово' }).click()
    await walkThrough(page, 'ru', true)
    // Remembered on this device: a reload keeps Russian.
    await page.reload()
    await expect(page.getByRole('button', { name: 'Новая карта', exact: true })).toBeVisible()
    void home
  })
})

for (const [lang, locale] of [
  ['th', 'th-TH'],
  ['zh', 'zh-CN']
] as const) {
  test.describe(`the app in ${lang}, from the browser's language`, () => {
    test.use({ viewport: { width: 1280, height: 800 }, locale })

    test(`home, a new SaaS map, a dialog, an import error and the analysis speak ${lang}, nothing spills`, async ({
      home,
      page
    }) => {
      await walkThrough(page, lang, lang === 'th')
      void home
    })
  })
}

test('switching the language keeps an open map and a note being typed', async ({ home, page }) => {
  await home.createMap('Keep me')
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption('bg')
  await page.getByRole('button', { name: 'Готово' }).click()
  // Still on the map, now in Bulgarian.
  await expect(page.getByRole('heading', { level: 1, name: 'Keep me' })).toBeVisible()
  await expect(page.getByRole('button', { name: '← Всички карти' })).toBeVisible()
})
