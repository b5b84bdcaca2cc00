/**
 * Journeys as the articles describe them, in a real Chromium: metrics imported from an analytics
 * export through the dialog (bad rows named by line, nothing half-imported), the funnel's biggest
 * drop-off in the analysis, and a map with two paths and a loop shown per path on the board and
 * carried through JSON. The screenshots go to docs/.
 */
import type { Page } from '@playwright/test'
import { ApiSocket, BoardPage } from './support/board-page'
import { ExportDialogPage } from './support/exchange-page'
import { expect, test } from './support/fixtures'
import { importTwoPathsReviewed } from './support/journeys'
import { shown } from './support/text'

/** Chooses a paths or metrics entry of the map header's Workshop menu. */
async function pathsMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Workshop ▾', exact: true }).click()
  await page.getByRole('menuitem', { name: item, exact: true }).click()
}

test.use({ viewport: { width: 1280, height: 800 } })

test('imports a GA4 export through the dialog; a bad row is named by line and imports nothing', async ({
  page,
  home
}) => {
  await home.createMap('Trial funnel')
  await expect(page.getByRole('heading', { level: 1, name: 'Trial funnel' })).toBeVisible()

  await pathsMenu(page, 'Import metrics…')
  const dialog = page.getByRole('dialog', { name: 'Import metrics' })
  await dialog.getByLabel('Export file (CSV or XLSX)').setInputFiles('docs/examples/metrics/ga4-funnel-exploration.csv')
  await expect(dialog.getByText(shown('“GA4 funnel exploration” fits the columns of this file.'))).toBeVisible()
  // The GA4 step names are mapped onto the SaaS stages, and the first rows are shown.
  await expect(dialog.getByLabel('1. First visit', { exact: true })).toHaveValue('Awareness')
  await expect(dialog.getByRole('cell', { name: '20261101' }).first()).toBeVisible()
  await dialog.screenshot({ path: 'docs/metrics-import.png' })

  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText(shown('Imported 70 values from 70 rows'))

  // A file with a stage the map does not have and a value that is no number: nothing goes in.
  await dialog.getByLabel('Export file (CSV or XLSX)').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'stage,metric,value,date\nAwareness,Visitors,10,2026-12-01\nNowhere,Visitors,5,2026-12-01\nAwareness,Visitors,many,2026-12-02\n'
    )
  })
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  const problems = dialog.getByRole('alert')
  await expect(problems).toContainText('line 3, column "stage": "Nowhere" is not a stage of this map')
  await expect(problems).toContainText('line 4, column "value": "many" is not a number')
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()

  // The analysis names the biggest drop-off of the imported funnel as a bottleneck.
  await page.getByRole('button', { name: 'Analysis', exact: true }).click()
  await expect(page.getByText(/Funnel:.*of.*Active users.*drop off from/).first()).toBeVisible()
  await expect(page.getByText(/Visitors/)).toHaveCount(0)
})

/** Picks a sample in the Import metrics dialog, checks the ready mapping it is matched to, imports it. */
async function importSample(page: Page, file: string, mapping: string, imported: string): Promise<void> {
  await pathsMenu(page, 'Import metrics…')
  const dialog = page.getByRole('dialog', { name: 'Import metrics' })
  await dialog.getByLabel('Export file (CSV or XLSX)').setInputFiles(`docs/examples/metrics/${file}`)
  await expect(dialog.getByText(shown(`“${mapping}” fits the columns of this file.`))).toBeVisible()
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText(shown(imported))
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
}

test('imports the Yandex.Metrica, HubSpot (XLSX) and Salesforce samples through the dialog', async ({ page, home }) => {
  await home.createMap('Goals')
  await expect(page.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible()
  await importSample(page, 'yandex-metrica-goals.csv', 'Yandex.Metrica goals report', 'Imported 56 values from 28 rows')
  await home.backHome()
  await home.createMap('Pipeline', 'B2B lifecycle')
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible()
  await importSample(page, 'hubspot-deal-stages.xlsx', 'HubSpot deal-stage report', 'Imported 32 values from 24 rows')
  await importSample(
    page,
    'salesforce-opportunities.csv',
    'Salesforce opportunity report',
    'Imported 20 values from 33 rows'
  )
  // The mapping used is saved: the next export with the same columns is offered it first.
  await pathsMenu(page, 'Import metrics…')
  const dialog = page.getByRole('dialog', { name: 'Import metrics' })
  await dialog.getByLabel('Export file (CSV or XLSX)').setInputFiles('docs/examples/metrics/hubspot-deal-stages.csv')
  await expect(dialog.getByLabel('Mapping', { exact: true })).toHaveValue('HubSpot deal-stage report')
  await expect(dialog.getByRole('option', { name: shown('Saved: HubSpot deal-stage report') })).toHaveCount(1)
})

test('a map with two paths and a loop: the overview, one path shown, compared, and JSON version 2', async ({
  page,
  host,
  home
}) => {
  const api = await ApiSocket.connect(host)
  // A map with two paths and a loop; its trial conversion went red since the last snapshot.
  await importTwoPathsReviewed(api)
  api.close()
  await expect(home.card('Trial or demo')).toBeVisible()
  const board = new BoardPage(page)
  await board.open('Trial or demo')

  const overview = page.getByRole('figure', { name: 'Journey overview: the paths through the stages' })
  await expect(overview).toBeVisible()
  await expect(overview.getByText('Self-serve trial')).toBeVisible()
  await expect(overview.getByText('Sales-led demo')).toBeVisible()
  await expect(overview.getByText('Trial expires')).toBeVisible() // the loop back to Consideration
  await page.screenshot({ path: 'docs/paths-all.png' })

  // Showing one path fades the notes of the other; the path's own notes keep their colour.
  const trialNote = await board.node('#note-n3')
  const demoNote = await board.node('#note-n5')
  expect(trialNote && demoNote).toBeTruthy()
  const fillOf = (box: NonNullable<typeof trialNote>) => board.pixelOnNotesLayer(box.x + 3, box.y + box.height / 2)
  await expect.poll(() => fillOf(trialNote!)).toBe('#80deea')
  await page.getByLabel('Path shown on the board').selectOption({ label: 'Sales-led demo' })
  await expect.poll(() => fillOf(trialNote!)).not.toBe('#80deea')
  await expect.poll(() => fillOf(demoNote!)).toBe('#80deea')
  await page.screenshot({ path: 'docs/paths-one.png' })

  await pathsMenu(page, 'Compare paths…')
  const compare = page.getByRole('dialog', { name: 'Compare paths' })
  await expect(compare.getByRole('row', { name: /Demo/ })).toContainText('not on this path')
  await expect(compare.getByRole('row', { name: /Demo/ })).toContainText('Waits a week for a slot')
  await compare.screenshot({ path: 'docs/paths-compare.png' })
  await compare.getByRole('button', { name: 'Done', exact: true }).click()

  await pathsMenu(page, 'Review')
  const review = page.getByRole('dialog', { name: shown('Review since “October review”') })
  await expect(review.getByRole('listitem').first()).toContainText(
    shown('Free trial: Trial conversion went from 26% to 18% (off target)')
  )
  await page.screenshot({ path: 'docs/paths-review.png' })
  await review.getByRole('button', { name: 'Done', exact: true }).click()

  const exporter = new ExportDialogPage(page)
  await exporter.open()
  await exporter.chooseFormat('JSON')
  const { bytes } = await exporter.export()
  const file = JSON.parse(bytes.toString('utf8')) as {
    version: number
    map: { paths: { name: string; steps: { stageId: string }[] }[] }
  }
  expect(file.version).toBe(2)
  expect(file.map.paths.map((p) => p.name)).toEqual(['Self-serve trial', 'Sales-led demo'])
  const trial = file.map.paths[0]!.steps.map((s) => s.stageId)
  expect(trial.filter((id) => id === 'sCons')).toHaveLength(2) // the loop survives the round trip
})
