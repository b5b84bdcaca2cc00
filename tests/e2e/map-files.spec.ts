/**
 * Maps as files through the real UI on the web host: merging a copy edited apart (the merge
 * dialog's conflicts side by side, nothing applied before Merge, one undo step, a snapshot first),
 * Save map as… and opening the file again by dropping it on the window, and a PDF exported from
 * the dialog that imports back as the editable map.
 */
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCommand } from '../../src/shared/commands'
import { serializeMapDocument } from '../../src/shared/format/document'
import { readImportFile } from '../../src/shared/export/import-file'
import { parseInterchange } from '../../src/shared/format/interchange'
import { lineageOf, mapVersion } from '../../src/shared/format/lineage'
import type { JourneyMap } from '../../src/shared/model'
import { applyPatch } from '../../src/shared/model/patch'
import { ApiSocket } from './support/board-page'
import { readMap } from './support/editing-page'
import { ExportDialogPage, ImportDialogPage } from './support/exchange-page'
import { chooseFromFileMenu, expect, test } from './support/fixtures'
import { shown } from './support/text'
import type { RunningHost } from './support/web-host'

const SAMPLE = join(import.meta.dirname, '../../docs/examples/sign-up-before.journeymap')
const TITLE = 'Self-serve sign-up'

function edit(map: JourneyMap, name: string, args: unknown, prefix: string): JourneyMap {
  return applyPatch(
    map,
    runCommand(name, map, args, {
      newId: () => `${prefix}${Math.random().toString(36).slice(2, 8)}`,
      now: '2026-03-06T10:00:00.000Z'
    }).patch
  )
}

/**
 * The sample map opened from its file into the library, then edited there (a note's text, a
 * lane's title, a note added to the Purchase stage); and a copy of the file edited elsewhere
 * (the same note's text, a colour, a new note, the Purchase stage deleted). Returns the copy.
 */
async function twoCopies(host: RunningHost): Promise<{ mapId: string; file: string }> {
  const sample = readFileSync(SAMPLE, 'utf8')
  const original = parseInterchange(sample)
  const api = await ApiSocket.connect(host)
  try {
    const opened = await api.call('importMap', { text: sample, fileName: 'sign-up-before.journeymap' })
    let local = opened
    local = edit(local, 'editNote', { noteId: 'nForm', text: 'Sign-up form, shorter' }, 'L')
    local = edit(local, 'renameLane', { laneId: 'lPain', title: 'Pains' }, 'L')
    local = edit(local, 'addNote', { stageId: 'sBuy', laneId: 'lTouch', text: 'Checkout survey' }, 'L')
    const patch = [
      { op: 'put', entity: 'note', value: local.notes.find((n) => n.id === 'nForm')! },
      { op: 'put', entity: 'lane', value: local.lanes.find((l) => l.id === 'lPain')! },
      { op: 'put', entity: 'note', value: local.notes.find((n) => n.text === 'Checkout survey')! }
    ] as const
    await api.call('applyPatch', { mapId: opened.id, patch: [...patch] })
  } finally {
    api.close()
  }
  let theirs = original.map
  theirs = edit(theirs, 'editNote', { noteId: 'nForm', text: 'Sign-up form with SSO' }, 'F')
  theirs = edit(theirs, 'editNote', { noteId: 'nAd', color: '#ffcc80' }, 'F')
  theirs = edit(theirs, 'addNote', { stageId: 'sAware', laneId: 'lTouch', text: 'Webinar with a customer' }, 'F')
  theirs = edit(theirs, 'deleteStage', { stageId: 'sBuy' }, 'F')
  const lineage = lineageOf(theirs, [mapVersion(original.map)])
  return { mapId: original.map.id, file: serializeMapDocument(theirs, original.personas, lineage) }
}

async function pickFile(page: Page, name: string, content: string | Buffer) {
  const dialog = new ImportDialogPage(page)
  await dialog.open()
  await dialog
    .dialog()
    .getByLabel('File', { exact: true })
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) })
  return dialog
}

const mergeDialog = (page: Page) =>
  page.getByRole('dialog', { name: shown(`Merge “sign-up-after.journeymap” into “${TITLE}”`) })

test('merges a copy edited apart: conflicts side by side, nothing before Merge, one undo step', async ({
  host,
  home,
  page
}) => {
  void home
  await page.setViewportSize({ width: 1280, height: 800 })
  const { mapId, file } = await twoCopies(host)
  const before = await readMap(host, mapId)

  const importer = await pickFile(page, 'sign-up-after.journeymap', file)
  await expect(importer.dialog().getByRole('status')).toHaveText(shown('Recognised as Journeyboard map.'))
  await expect(importer.dialog()).toContainText(
    shown(`This file holds a copy of “${TITLE}”, which is in your library.`)
  )
  await page.screenshot({ path: 'test-results/import-offers-merge-1280x800.png' })
  await importer
    .dialog()
    .getByRole('button', { name: shown(`Merge into “${TITLE}”`) })
    .click()

  const dialog = mergeDialog(page)
  await expect(dialog).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(dialog).toContainText(
    shown('Compared with the version both copies share: the snapshot “Opened from sign-up-before”')
  )
  await expect(dialog.locator('.merge-auto')).toContainText('notes: 1 added, 1 changed, 0 removed')
  const conflicts = dialog.getByRole('region', { name: 'Conflicts' })
  await expect(conflicts.getByRole('heading')).toHaveText('2 conflicts: choose which version to keep')

  const text = conflicts.getByRole('group', { name: shown('Note “Sign-up form, shorter”: text') })
  await expect(text.getByRole('radio', { name: shown('In this library “Sign-up form, shorter”') })).toBeVisible()
  await expect(text.getByRole('radio', { name: shown('In the file “Sign-up form with SSO”') })).toBeVisible()
  await expect(text).toContainText(shown('Before both changed it: “Sign-up form”'))
  const stage = conflicts.getByRole('group', { name: shown('Stage “Purchase”') })
  await expect(stage).toContainText(
    shown('Deleted in the file. The other copy added or changed something that needs it: Note “Checkout survey”.')
  )
  await expect(stage.getByRole('radio', { name: /In this library Keep it and 3 more with it/ })).toBeVisible()
  await expect(stage.getByRole('radio', { name: /In the file Delete it and 2 more with it/ })).toBeVisible()

  const merge = dialog.getByRole('button', { name: 'Merge', exact: true })
  await expect(merge).toBeDisabled()
  await expect(dialog).toContainText('Choose for 2 more conflicts.')
  await text.getByRole('radio', { name: /In the file/ }).check()
  await stage.getByRole('radio', { name: /In this library/ }).check()
  await expect(dialog).not.toContainText('more conflict')
  await page.screenshot({ path: 'test-results/merge-dialog-1280x800.png' })
  // Nothing is applied while the user chooses.
  expect((await readMap(host, mapId)).revision).toBe(before.revision)

  await merge.click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: shown('Merged “sign-up-after.journeymap”') })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await expect
    .poll(async () => {
      const merged = await readMap(host, mapId)
      return {
        form: merged.notes.find((n) => n.id === 'nForm')?.text,
        ad: merged.notes.find((n) => n.id === 'nAd')?.color,
        lane: merged.lanes.find((l) => l.id === 'lPain')?.title,
        stages: merged.stages.map((s) => s.title),
        notes: merged.notes.map((n) => n.text).sort()
      }
    })
    .toEqual({
      form: 'Sign-up form with SSO',
      ad: '#ffcc80',
      lane: 'Pains',
      stages: ['Awareness', 'Trial', 'Purchase'],
      notes: [
        'Blog post on onboarding',
        'Checkout survey',
        'LinkedIn ad',
        'Price shock at checkout',
        'Sign-up form with SSO',
        'Too many emails',
        'Webinar with a customer'
      ]
    })
  const api = await ApiSocket.connect(host)
  try {
    const names = (await api.call('listSnapshots', { mapId })).map((s) => s.name)
    expect(names).toContain('Before merge with sign-up-after')
    expect(names).toContain('Merged from sign-up-after')
  } finally {
    api.close()
  }

  // One undo step takes the whole merge back.
  await page.getByRole('heading', { level: 1, name: TITLE }).click()
  await page.keyboard.press('Control+z')
  await expect
    .poll(async () => (await readMap(host, mapId)).notes.map((n) => n.text).sort())
    .toEqual(before.notes.map((n) => n.text).sort())
  const undone = await readMap(host, mapId)
  expect({ ...undone, revision: 0, updatedAt: '' }).toEqual({ ...before, revision: 0, updatedAt: '' })
})

test('cancelling the merge leaves the map as it was', async ({ host, home, page }) => {
  void home
  const { mapId, file } = await twoCopies(host)
  const before = await readMap(host, mapId)
  const importer = await pickFile(page, 'sign-up-after.journeymap', file)
  await importer
    .dialog()
    .getByRole('button', { name: shown(`Merge into “${TITLE}”`) })
    .click()
  const dialog = mergeDialog(page)
  await dialog.getByRole('button', { name: 'Take all from the file' }).click()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(await readMap(host, mapId)).toEqual(before)
})

test('Save map as… writes a .journeymap that opens again when dropped on the window', async ({ host, home, page }) => {
  await home.createMap('Dropped map', 'B2B lifecycle')
  await expect(page.getByRole('heading', { level: 1, name: 'Dropped map' })).toBeVisible()
  const downloading = page.waitForEvent('download')
  await chooseFromFileMenu(page, 'Save map as…')
  const download = await downloading
  expect(download.suggestedFilename()).toBe('Dropped map.journeymap')
  const bytes = readFileSync((await download.path())!)
  await expect(
    page.getByRole('status').filter({ hasText: shown('Downloaded “Dropped map” as “Dropped map.journeymap”.') })
  ).toBeVisible()
  const saved = parseInterchange(bytes.toString('utf8'))
  expect(saved.lineage?.version).toBe(mapVersion(saved.map))

  // Dropped on the window: the import dialog opens with it and offers the merge or a new map.
  const drop = await page.evaluateHandle(
    ({ name, data }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(data)], name))
      return transfer
    },
    { name: 'Dropped map.journeymap', data: [...bytes] }
  )
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: drop })
  await expect(page.getByText('Drop the file to open it')).toBeVisible()
  await page.screenshot({ path: 'test-results/drop-overlay.png' })
  await page.dispatchEvent('main', 'drop', { dataTransfer: drop })
  const importer = page.getByRole('dialog', { name: 'Import a map' })
  await expect(importer.locator('output')).toHaveText('Dropped map.journeymap')
  await expect(importer.getByRole('button', { name: shown('Merge into “Dropped map”') })).toBeVisible()
  await importer.getByRole('button', { name: 'Import as a new map' }).click()
  await expect(importer).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name: 'Dropped map' })).toBeVisible()
  const api = await ApiSocket.connect(host)
  try {
    const maps = await api.call('listMaps', {})
    expect(maps.map((m) => m.title)).toEqual(['Dropped map', 'Dropped map'])
    const [a, b] = await Promise.all(maps.map((m) => api.call('getMap', { id: m.id })))
    expect({ ...a!, id: '', revision: 0, updatedAt: '' }).toEqual({ ...b!, id: '', revision: 0, updatedAt: '' })
  } finally {
    api.close()
  }
})

test('a PDF exported from the dialog imports back as the editable map; the PNG and SVG carry it too', async ({
  host,
  home,
  page
}) => {
  void home
  const sample = readFileSync(SAMPLE, 'utf8')
  const api = await ApiSocket.connect(host)
  let original: JourneyMap
  try {
    const imported = await api.call('importMap', { text: sample, fileName: 'sample.journeymap' })
    original = await api.call('getMap', { id: imported.id })
  } finally {
    api.close()
  }
  await page.getByRole('button', { name: TITLE, exact: true }).click()
  const exporter = new ExportDialogPage(page)
  await exporter.open()
  await exporter.chooseFormat('PDF')
  await expect(
    exporter.dialog().getByLabel('Include the editable map (the PDF opens again in Journeyboard)')
  ).toBeChecked()
  await page.screenshot({ path: 'test-results/export-dialog-embed.png' })
  const { bytes, name } = await exporter.export()
  // The PNG (drawn on the browser's canvas) and the SVG carry the same map.
  for (const format of ['PNG image', 'SVG image'] as const) {
    await exporter.chooseFormat(format)
    const picture = await exporter.export()
    const inside = parseInterchange(readImportFile(new Uint8Array(picture.bytes)).text)
    expect(inside.map, format).toEqual(original)
  }
  await exporter.close()

  const importer = await pickFile(page, name, bytes)
  await expect(importer.dialog().getByRole('status')).toHaveText(
    shown('Recognised as a PDF exported by Journeyboard: the editable map inside it will be imported.')
  )
  await importer.dialog().getByRole('button', { name: 'Import as a new map' }).click()
  await expect(importer.dialog()).toBeHidden()
  const check = await ApiSocket.connect(host)
  try {
    const maps = await check.call('listMaps', {})
    const copy = maps.find((m) => m.id !== original.id)!
    const map = await check.call('getMap', { id: copy.id })
    expect({ ...map, id: '', revision: 0, updatedAt: '', createdAt: '' }).toEqual({
      ...original,
      id: '',
      revision: 0,
      updatedAt: '',
      createdAt: ''
    })
  } finally {
    check.close()
  }
})
