/**
 * The library through the UI: maps from every template, rename / duplicate / trash / restore,
 * personas and linking them to a map, snapshots compared and restored, and bad input.
 */
import type { JourneyMap } from '../../src/shared/model'
import { TEMPLATES } from '../../src/shared/templates'
import { ApiSocket, DEMO_MAP, persona, seedMap } from './support/board-page'
import { expect, test, type TemplateName } from './support/fixtures'
import { MapHeader, PersonasPage } from './support/library-pages'
import { shown } from './support/text'

const TEMPLATE_NAMES: Record<keyof typeof TEMPLATES, TemplateName> = {
  saas: 'SaaS journey',
  b2b: 'B2B lifecycle',
  blueprint: 'Service blueprint',
  blank: 'Blank'
}

/** The map without what differs between a snapshot and a copy restored from it. */
const content = ({ id: _i, title: _t, createdAt: _c, updatedAt: _u, revision: _r, ...rest }: JourneyMap) => rest

test('a map made from each template has that template’s stages and lanes', async ({ home, page }) => {
  const header = new MapHeader(page)
  for (const [id, info] of Object.entries(TEMPLATES)) {
    const title = `From ${info.name}`
    await home.createMap(title, TEMPLATE_NAMES[id as keyof typeof TEMPLATES])
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    expect(await header.structure()).toEqual({
      stages: info.stages.map((s) => s.title),
      lanes: info.lanes.map((l) => l.title)
    })
    await home.backHome()
  }
  await expect(home.mapCards()).toHaveCount(4)
  await expect(home.card('From Service blueprint')).toContainText('4 stages')
})

test('the new-map dialog previews the chosen template and refuses an over-long title, saying the limit', async ({
  home,
  page
}) => {
  await page.getByRole('button', { name: 'New map', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'New map' })
  await dialog.getByText('B2B lifecycle', { exact: true }).click()
  await expect(
    dialog.getByText(shown('Stages: First-time visitor, Lead, Qualified lead, Opportunity, Customer, Post-sale.'))
  ).toBeAttached()
  await expect(dialog.getByText('Up to 200 characters', { exact: false })).toBeVisible()
  await dialog.getByLabel('Map title').fill('x'.repeat(201))
  await expect(dialog.getByText('201 / 200')).toBeVisible()
  await dialog.getByRole('button', { name: 'Create map' }).click()
  await expect(dialog.getByText('The title is 201 characters; at most 200 fit.')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByText('No maps yet. Start one from a template.')).toBeVisible()
  void home
})

test('rename, duplicate, trash and restore a map; equal titles are told apart; emptying the trash asks first', async ({
  home,
  page
}) => {
  await home.createMap('Acme onboarding', 'Blank')
  await home.backHome()

  // Rename in place: empty and over-long titles are refused with the limit stated.
  await page.getByRole('button', { name: 'Rename: Acme onboarding' }).click()
  const rename = page.getByLabel('New title')
  await rename.fill('  ')
  await expect(page.getByText('Give the map a title.')).toBeVisible()
  await rename.fill('y'.repeat(201))
  await expect(page.getByText('The title is 201 characters; at most 200 fit.')).toBeVisible()
  await rename.fill('Acme onboarding — EU')
  await rename.press('Enter')
  await expect(home.card('Acme onboarding — EU')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Rename: Acme onboarding — EU' })).toBeFocused()
  await page.reload()
  await expect(home.card('Acme onboarding — EU')).toBeVisible()

  // Duplicate, then give the copy the same title: both cards say when they were made and which is which.
  await page.getByRole('button', { name: 'Duplicate: Acme onboarding — EU' }).click()
  await expect(page.getByText(shown('Duplicated as “Acme onboarding — EU (copy)”.'))).toBeVisible()
  await page.getByRole('button', { name: 'Rename: Acme onboarding — EU (copy)' }).click()
  await page.getByLabel('New title').fill('Acme onboarding — EU')
  await page.getByRole('button', { name: 'Save title' }).click()
  await expect(home.card('Acme onboarding — EU')).toHaveCount(2)
  const labels = await page.locator('.card-distinguisher').allInnerTexts()
  expect(labels).toHaveLength(2)
  expect(labels[0]).toMatch(/^Created /)
  expect(new Set(labels).size).toBe(2)

  // Trash one, undo, trash it again, and restore it from the trash.
  const first = home.card('Acme onboarding — EU').first()
  await first.getByRole('button', { name: /^Move to trash/ }).click()
  await expect(home.mapCards()).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(home.mapCards()).toHaveCount(2)
  await home
    .mapCards()
    .first()
    .getByRole('button', { name: /^Move to trash/ })
    .click()
  await expect(home.mapCards()).toHaveCount(1)
  await home.show('Trash')
  await expect(page.getByRole('row', { name: /Acme onboarding — EU/ })).toHaveCount(1)
  await page.getByRole('button', { name: 'Restore: Acme onboarding — EU' }).click()
  await expect(page.getByText('The trash is empty.')).toBeVisible()
  await home.show('Maps')
  await expect(home.mapCards()).toHaveCount(2)

  // Empty the trash: Cancel keeps the map; confirming deletes it for good.
  await home
    .mapCards()
    .first()
    .getByRole('button', { name: /^Move to trash/ })
    .click()
  await home.show('Trash')
  await page.getByRole('button', { name: 'Empty trash…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Empty the trash?' })
  await expect(confirm).toContainText('This cannot be undone.')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('row', { name: /Acme onboarding — EU/ })).toHaveCount(1)
  await page.getByRole('button', { name: 'Empty trash…' }).click()
  await confirm.getByRole('button', { name: 'Delete for good' }).click()
  await expect(page.getByText('1 map deleted for good.')).toBeVisible()
  await expect(page.getByText('The trash is empty.')).toBeVisible()
  await home.show('Maps')
  await expect(home.mapCards()).toHaveCount(1)
})

test('a persona is created with validation, linked to a map with its curve in one undo step, and kept while linked', async ({
  home,
  page
}) => {
  const personas = new PersonasPage(page)
  const header = new MapHeader(page)
  await home.show('Personas')
  await personas.startNew()

  // Bad input: no name, an over-long name and quote; the limits are on screen.
  await personas.form().getByRole('button', { name: 'Create persona' }).click()
  await expect(personas.form().getByText(shown('Fix 1 field before saving: Name.'))).toBeVisible()
  await expect(await personas.footOf('Name')).toContainText('Give the persona a name.')
  await personas.field('Name').fill('M'.repeat(121))
  await expect(await personas.footOf('Name')).toContainText('Too long: 121 characters, at most 120 fit.')
  await expect(await personas.footOf('Name')).toContainText('121 / 120')
  await personas.field('Quote').fill('q'.repeat(1001))
  await expect(await personas.footOf('Quote')).toContainText('Too long: 1001 characters, at most 1000 fit.')
  await personas.form().getByRole('button', { name: 'Create persona' }).click()
  await expect(personas.form().getByText(shown('Fix 2 fields before saving: Name, Quote.'))).toBeVisible()

  await personas.fill({
    name: 'Maya Okafor',
    role: 'Operations lead',
    quote: 'I just want the setup to be done by Friday.',
    age: '35–44',
    location: 'Lyon',
    industry: 'Logistics',
    companySize: '200 employees',
    goals: 'Fewer escalations',
    painPoints: 'Manual onboarding',
    channels: ['Email', 'Web']
  })
  await expect(await personas.footOf('Initials')).toContainText(shown('“MO”'))
  await personas.form().getByRole('button', { name: 'Create persona' }).click()
  await expect(page.getByText(shown('Created “Maya Okafor”.'))).toBeVisible()
  await expect(personas.item('Maya Okafor')).toContainText('Operations lead')
  await expect(personas.item('Maya Okafor')).toContainText('Linked to 0 maps')

  // Link it to a map: the curve is on the board at once; one undo takes link and curve away.
  await home.show('Maps')
  await home.createMap('Who is it for', 'SaaS journey')
  await expect.poll(() => header.curveCount()).toBe(0)
  await header.link('Maya Okafor')
  await expect.poll(() => header.curveCount()).toBe(1)
  await expect(header.linkerToggle()).toContainText('1 persona')
  await page.getByRole('region', { name: /^Journey board/ }).focus()
  await page.keyboard.press('Control+z')
  await expect.poll(() => header.curveCount()).toBe(0)
  await expect(header.linkerToggle()).toContainText('Add personas')
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(() => header.curveCount()).toBe(1)
  await expect(page.locator('.save-indicator')).toContainText('Saved')

  // While linked, the library will not delete it, and says where it is used.
  await home.backHome()
  await home.show('Personas')
  await expect(personas.item('Maya Okafor')).toContainText('Linked to 1 map')
  await page.getByRole('button', { name: 'Delete: Maya Okafor' }).click()
  const refusal = page.getByRole('dialog', { name: shown('“Maya Okafor” is still in use') })
  await expect(refusal).toContainText('Who is it for')
  await refusal.getByRole('button', { name: 'Open map: Who is it for' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Who is it for' })).toBeVisible()
  await expect.poll(() => header.curveCount()).toBe(1)

  // Unlinking asks only when there is something to lose; a flat curve is not.
  await header.openLinker()
  await header.linkerPanel().getByRole('button', { name: 'Unlink: Maya Okafor' }).click()
  await expect.poll(() => header.curveCount()).toBe(0)
  await expect(page.locator('.save-indicator')).toContainText('Saved')
  await home.backHome()
  await home.show('Personas')
  await page.getByRole('button', { name: 'Duplicate: Maya Okafor' }).click()
  await expect(personas.item('Maya Okafor (copy)')).toBeVisible()
  await page.getByRole('button', { name: 'Delete: Maya Okafor', exact: true }).click()
  await page
    .getByRole('dialog', { name: shown('Delete “Maya Okafor”?') })
    .getByRole('button', { name: 'Delete persona' })
    .click()
  await expect(page.getByText(shown('Deleted “Maya Okafor”.'))).toBeVisible()
  await expect(page.locator('li.persona-item')).toHaveCount(1)
})

test('a snapshot is saved, the change since is compared, and restoring gives a new map equal to the snapshot', async ({
  home,
  page,
  host
}) => {
  const api = await ApiSocket.connect(host)
  try {
    await api.call('savePersona', { persona: persona('dev', 'Dev, team admin', 'DA', '#1c7ed6', 'Team admin') })
    const header = new MapHeader(page)
    await page.reload()
    await home.createMap('Versioned', 'SaaS journey')
    await header.openVersions()

    // Bad names are refused with the limit stated.
    await header.saveSnapshot('   ')
    await expect(header.versionsPanel().getByText('Give the snapshot a name.')).toBeVisible()
    await header.snapshotName().fill('s'.repeat(121))
    await expect(header.versionsPanel().getByText('Too long: 121 characters, at most 120 fit.')).toBeVisible()
    await header.saveSnapshot('before workshop')
    await expect(header.versionsPanel().getByText(shown('Saved snapshot “before workshop”.'))).toBeVisible()
    await expect(header.versionsPanel().locator('.snapshot')).toHaveCount(1)

    // Change the map through the UI, then compare.
    await header.link('Dev, team admin')
    await header.compare('before workshop')
    const diff = header.versionsPanel().getByRole('region', { name: 'Changes since the snapshot' })
    await expect(diff).toContainText(shown('Dev, team admin linked'))
    await expect(diff).toContainText(shown('Emotion scores: 8 changed.'))
    await expect(diff.getByRole('row', { name: /Dev, team admin Onboarding — 0/ })).toBeVisible()

    // Restore as a new map: the library gets a second map whose content is the snapshot's.
    await header
      .versionsPanel()
      .getByRole('button', { name: /All snapshots/ })
      .click()
    await header.versionsPanel().getByRole('button', { name: 'Restore as new map: before workshop' }).click()
    await expect(header.versionsPanel()).toContainText(shown('Restored as “Versioned (restored before workshop)”.'))
    await header.versionsPanel().getByRole('button', { name: 'Open it' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Versioned (restored before workshop)' })).toBeVisible()
    await expect(header.linkerToggle()).toContainText('Add personas')

    const maps = await api.call('listMaps', {})
    const restored = maps.find((m) => m.title === 'Versioned (restored before workshop)')!
    const original = maps.find((m) => m.title === 'Versioned')!
    const [snapshot] = await api.call('listSnapshots', { mapId: original.id })
    expect(content(await api.call('getMap', { id: restored.id }))).toEqual(
      content(await api.call('getSnapshot', { id: snapshot!.id }))
    )
  } finally {
    api.close()
  }
})

test('search finds maps by the text of their notes as well as their titles', async ({ home, page, host }) => {
  const api = await ApiSocket.connect(host)
  try {
    await seedMap(api, DEMO_MAP)
    await seedMap(api, { title: 'Pricing page review', notes: [[0, 1, ['Reads the FAQ']]] })
    await seedMap(api, { title: 'Support escalations', notes: [[4, 2, ['Phone hotline']]] })
  } finally {
    api.close()
  }
  await page.reload()
  await expect(home.mapCards()).toHaveCount(3)
  const search = page.getByRole('searchbox', { name: 'Search maps' })
  await search.fill('pricing')
  await expect(page.getByText(shown('2 maps match “pricing”.'))).toBeVisible()
  await expect(home.card('SaaS onboarding — workshop')).toContainText('In 3 notes:')
  await expect(home.card('SaaS onboarding — workshop')).toContainText('Compare pricing and integrations')
  await expect(home.card('Pricing page review')).toBeVisible()
  await search.fill('не может найти')
  await expect(page.getByText(shown('1 map matches “не может найти”.'))).toBeVisible()
  await search.fill('nothing like this')
  await expect(page.getByText(shown('No map has “nothing like this” in its title or notes.'))).toBeVisible()
  await search.fill('')
  await expect(home.mapCards()).toHaveCount(3)
  await page.getByLabel('Sort by').selectOption('title')
  expect(await home.titles()).toEqual(['Pricing page review', 'SaaS onboarding — workshop', 'Support escalations'])
})

test('looks: home with several maps, the persona form, and a comparison (screenshots to review)', async ({
  home,
  page,
  host
}) => {
  await page.setViewportSize({ width: 1280, height: 860 })
  const api = await ApiSocket.connect(host)
  let demoTitle = ''
  try {
    await api.call('savePersona', {
      persona: {
        ...persona('sam', 'Sam, finance approver', 'SF', '#2f9e44', 'Finance manager'),
        quote: 'Show me the total cost.'
      }
    })
    const demo = await seedMap(api, DEMO_MAP)
    demoTitle = demo.title
    await seedMap(api, {
      title: 'Pricing page review',
      notes: [
        [1, 1, ['Reads the FAQ', 'Compares plans']],
        [2, 5, ['Card required']]
      ]
    })
    await seedMap(api, {
      title: 'Support escalations',
      personas: [persona('sam', 'Sam, finance approver', 'SF', '#2f9e44', 'Finance manager')],
      notes: [
        [4, 2, ['Phone hotline', 'Ticket form', 'Chat']],
        [5, 5, ['Waits 3 days']]
      ]
    })
    await api.call('createMap', { template: 'blueprint', title: 'Clinic check-in — service blueprint' })
    await api.call('duplicateMap', { id: demo.id, title: demo.title })

    // A snapshot, then a workshop's worth of changes, made elsewhere before the page opens the map.
    await api.call('createSnapshot', { mapId: demo.id, name: 'before workshop' })
    const stages = [...demo.stages].sort((a, b) => a.order - b.order)
    const note = (text: string) => demo.notes.find((n) => n.text === text)!
    const point = (personaId: string, stage: number) =>
      demo.emotionPoints.find(
        (p) => p.personaId === personaId && p.variant === 'asIs' && p.stageId === stages[stage]!.id
      )!
    await api.call('applyPatch', {
      mapId: demo.id,
      patch: [
        { op: 'put', entity: 'stage', value: { ...stages[2]!, title: 'Sign-up' } },
        {
          op: 'put',
          entity: 'note',
          value: { ...note('Pricing page'), text: 'Pricing page with a per-seat calculator' }
        },
        { op: 'put', entity: 'note', value: { ...note('Card required for the trial'), color: '#ffd43b', votes: 4 } },
        { op: 'put', entity: 'note', value: { ...note('Checkout'), stageId: stages[3]!.id, order: 9 } },
        { op: 'delete', entity: 'note', id: note('LinkedIn ad').id },
        {
          op: 'put',
          entity: 'note',
          value: { ...note('Blog post (SEO)'), id: 'added1', text: 'Partner webinar', order: 5 }
        },
        { op: 'put', entity: 'emotionPoint', value: { ...point('maya', 3), score: 0 } },
        { op: 'put', entity: 'emotionPoint', value: { ...point('dev', 4), score: 1 } }
      ]
    })
  } finally {
    api.close()
  }

  await page.reload()
  await expect(home.mapCards()).toHaveCount(5)
  await page.screenshot({ path: 'test-results/library-home.png', fullPage: true })
  await page.getByRole('button', { name: 'New map', exact: true }).click()
  await page.getByText('Service blueprint', { exact: true }).click()
  await page.screenshot({ path: 'test-results/library-new-map.png' })
  await page.keyboard.press('Escape')
  await page.getByRole('searchbox', { name: 'Search maps' }).fill('pricing')
  await expect(page.getByText(shown('3 maps match “pricing”.'))).toBeVisible()
  await page.screenshot({ path: 'test-results/library-search.png' })
  await page.getByRole('searchbox', { name: 'Search maps' }).fill('')

  const personas = new PersonasPage(page)
  await home.show('Personas')
  await page.getByRole('button', { name: /^Maya, ops lead/ }).click()
  await expect(personas.form()).toBeVisible()
  await personas.field('Quote').fill('I need the whole team set up before Monday’s kickoff.')
  await personas.field('Location').fill('Lyon, France')
  await personas.form().getByLabel('Email', { exact: true }).check()
  await personas.form().getByLabel('In-app', { exact: true }).check()
  await personas.field('Name').fill('')
  await personas.form().getByRole('button', { name: 'Save persona' }).click()
  await page.screenshot({ path: 'test-results/library-persona-editor.png', fullPage: true })
  await personas.field('Name').fill('Maya, ops lead')
  await personas.form().getByRole('button', { name: 'Save persona' }).click()
  await expect(page.getByText(shown('Saved “Maya, ops lead”.'))).toBeVisible()

  await home.show('Maps')
  await home.card(demoTitle).first().getByRole('button', { name: demoTitle, exact: true }).click()
  const header = new MapHeader(page)
  await header.openLinker()
  await page.screenshot({ path: 'test-results/library-persona-panel.png' })
  await header.linkerPanel().getByRole('button', { name: 'Close' }).click()
  await header.openVersions()
  await header.compare('before workshop')
  await expect(header.versionsPanel()).toContainText('Partner webinar')
  await page.screenshot({ path: 'test-results/library-compare.png' })

  await home.backHome()
  await home
    .card('Pricing page review')
    .getByRole('button', { name: /^Move to trash/ })
    .click()
  await home.show('Trash')
  await expect(page.getByRole('row', { name: /Pricing page review/ })).toBeVisible()
  await page.screenshot({ path: 'test-results/library-trash.png' })
})
