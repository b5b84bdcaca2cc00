import { expect, test } from './support/fixtures'

test('the home screen renders from a fresh library and says there are no maps yet', async ({ home, page }) => {
  await expect(page).toHaveTitle('Journeyboard')
  await expect(page.getByText('No maps yet. Start one from a template.')).toBeVisible()
  await expect(page.getByText(/Library file: .*journeyboard\.sqlite/)).toBeVisible()
  await page.screenshot({ path: 'test-results/home-empty.png' })
  void home
})

test('a map created from a template is stored in the library and listed after a reload', async ({ home, page }) => {
  await home.createMap('Onboarding for Acme — Онбординг — 入职', 'B2B lifecycle')
  await expect(page.getByRole('heading', { level: 1, name: 'Onboarding for Acme — Онбординг — 入职' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Qualified lead' })).toBeAttached()
  // A reload stays on the map (the address names it); Back in the app goes home.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Onboarding for Acme — Онбординг — 入职' })).toBeVisible()
  await home.backHome()
  await expect(home.mapCards()).toHaveCount(1)
  await expect(home.mapCards().first()).toContainText('Onboarding for Acme — Онбординг — 入职')
  await expect(home.mapCards().first()).toContainText('6 stages')
  await page.screenshot({ path: 'test-results/home-one-map.png' })
})

test('an empty title is refused in the dialog with a message, and nothing is created', async ({ home, page }) => {
  await page.getByRole('button', { name: 'New map' }).click()
  await page.getByLabel('Map title').fill('   ')
  await page.getByRole('button', { name: 'Create map' }).click()
  await expect(page.getByText('Give the map a title.')).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByText('No maps yet. Start one from a template.')).toBeVisible()
  void home
})

test('moving a map to trash can be undone', async ({ home, page }) => {
  await home.createMap('Trash me')
  await page.getByRole('button', { name: '← All maps' }).click()
  await page.getByRole('button', { name: 'Move to trash: Trash me' }).click()
  await expect(page.getByText('No maps yet. Start one from a template.')).toBeVisible()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(home.mapCards()).toHaveCount(1)
})
