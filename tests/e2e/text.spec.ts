/**
 * Text in every script on the board, in real Chromium: the board lays notes out with the text
 * engine running in the page (HarfBuzz as WebAssembly, the bundled fonts fetched as assets), and
 * its lines must be the ones the PDF export computes in Node from the same files. Right-to-left
 * notes are right-aligned on the board and edited right to left.
 */
import type { Page } from '@playwright/test'
import { loadPdfFontSet } from '../../src/library/bundled-fonts'
import { layoutMap, type Scene } from '../../src/shared/layout'
import type { JourneyMap } from '../../src/shared/model'
import { WORLD_SENTENCES } from '../unit/pdf-fixtures'
import { ApiSocket, BoardPage, seedMap, type NotePlan } from './support/board-page'
import { EditingBoard } from './support/editing-page'
import { expect, test } from './support/fixtures'

const SENTENCES = Object.entries(WORLD_SENTENCES)

/** Thirteen notes over the SaaS template's first stages, two lanes. */
const PLAN: NotePlan = SENTENCES.map(([, text], i) => [Math.floor(i / 2), 1 + (i % 2), [text]] as const)

async function seed(host: Parameters<typeof ApiSocket.connect>[0]): Promise<JourneyMap> {
  const api = await ApiSocket.connect(host)
  try {
    return await seedMap(api, { title: 'Every script', notes: PLAN })
  } finally {
    api.close()
  }
}

type KonvaNode = { getAttr(name: string): unknown }
type KonvaGlobal = { stages: { findOne(selector: string): KonvaNode | undefined }[] }

/** Each note's lines as the board laid them out (the note nodes carry them). */
function boardLines(page: Page, ids: readonly string[]) {
  return page.evaluate((noteIds) => {
    const stage = (window as unknown as { Konva: KonvaGlobal }).Konva.stages[0]!
    return Object.fromEntries(
      noteIds.map((id) => [id, (stage.findOne(`#note-${id}`)?.getAttr('lines') as string[] | undefined) ?? null])
    )
  }, ids)
}

/** The map's scene as the PDF export lays it out in Node. */
async function pdfScene(map: JourneyMap): Promise<Scene> {
  return layoutMap(map, (await loadPdfFontSet()).measure)
}

/**
 * Opens the map and waits until the board's lines are the PDF's: the engine lays out again as
 * fonts and HarfBuzz arrive, and must settle on exactly the lines Node computes.
 */
async function openSettled(page: Page, map: JourneyMap): Promise<Scene> {
  const expected = await pdfScene(map)
  await new BoardPage(page).open(map.title)
  const ids = expected.notes.map((n) => n.id)
  const want = Object.fromEntries(expected.notes.map((n) => [n.id, n.text.lines.map((l) => l.text)]))
  await expect.poll(() => boardLines(page, ids), { timeout: 20_000 }).toEqual(want)
  return expected
}

/** The note holding a sentence. */
const noteOf = (map: JourneyMap, sentence: string) => map.notes.find((n) => n.text === sentence)!

test('the board breaks every script into the same lines as the PDF, and right-aligns Hebrew and Arabic', async ({
  host,
  home,
  page
}) => {
  void home
  const map = await seed(host)
  const expected = await openSettled(page, map)

  // Every language wrapped somewhere, and the right-to-left notes right-aligned in the scene.
  for (const [language, sentence] of SENTENCES) {
    const note = expected.notes.find((n) => n.id === noteOf(map, sentence).id)!
    expect(note.text.lines.length, language).toBeGreaterThan(1)
    const rtl = language === 'arabic' || language === 'hebrew'
    expect(note.text.direction, language).toBe(rtl ? 'rtl' : 'ltr')
    const box = note.w - 2 * 8
    for (const line of note.text.lines) {
      if (rtl) expect(line.x + line.width).toBeCloseTo(box, 6)
      else expect(line.x).toBe(0)
    }
  }
  // A look at the notes at 100 % (docs/text-board.png was taken this way).
  const zoomIn = page.getByRole('button', { name: 'Zoom in' })
  while ((await new BoardPage(page).zoomPercent()) < 100) await zoomIn.click()
  await page.mouse.move(640, 500)
  await page.mouse.wheel(-260, -170)
  await page.screenshot({ path: test.info().outputPath('text-board.png') })
})

test('the note editor writes Hebrew and Arabic right to left, other scripts left to right', async ({
  host,
  home,
  page
}) => {
  void home
  const map = await seed(host)
  await openSettled(page, map)
  const board = new EditingBoard(page)
  const editor = board.noteEditor()
  for (const [language, direction] of [
    ['arabic', 'rtl'],
    ['hebrew', 'rtl'],
    ['english', 'ltr'],
    ['thai', 'ltr']
  ] as const) {
    const box = await board.boxOf(`#note-${noteOf(map, WORLD_SENTENCES[language]).id}`)
    await page.mouse.dblclick(box.x + box.width / 2, box.y + 8)
    await expect(editor).toBeVisible()
    await expect(editor).toHaveAttribute('dir', 'auto')
    expect(await editor.evaluate((el, dir) => el.matches(`:dir(${dir})`), direction), language).toBe(true)
    await page.keyboard.press('Escape')
    await expect(editor).toBeHidden()
  }
})
