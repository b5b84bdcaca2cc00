/**
 * The board in a real Chromium: notes land where the layout says, the zoom level follows the
 * camera, and only what is near the view becomes Konva nodes.
 */
import { intersects, LAYOUT, layoutMap, type MeasureText, type NoteItem, type Scene } from '../../src/shared/layout'
import type { JourneyMap } from '../../src/shared/model'
import { ApiSocket, BoardPage, DEMO_PERSONAS, seedMap, type SeedSpec } from './support/board-page'
import { expect, test } from './support/fixtures'

/**
 * Every note is one short line, so each lane keeps its template height and the positions below do
 * not depend on the browser's font: a rough measure in Node gives the same layout.
 */
const SHORT_MAP: SeedSpec = {
  title: 'Board geometry',
  personas: DEMO_PERSONAS,
  notes: [
    [0, 1, ['Reads a review', 'Читает обзор']],
    [0, 2, ['Blog post']],
    [1, 2, ['Pricing page', 'Demo call']],
    [2, 1, ['Free trial']],
    [3, 3, ['权限设置']],
    [3, 5, ['ไม่พบปุ่ม']],
    [4, 6, ['Templates']],
    [5, 2, ['QBR']],
    [6, 1, ['Adds a team']],
    [7, 2, ['Referrals', 'Case study', 'Slack post']],
    [7, 7, ['NPS 42']]
  ],
  curves: { maya: [0, 1, -1, -2, 1, 1, 2, 2], dev: [1, 0, 0, -1, -1, 0, 1, 1] },
  markers: [{ persona: 'maya', stage: 3, severity: 3, label: 'setup' }]
}

const roughMeasure: MeasureText = (text, font) => [...text].length * font.size * 0.62

async function openSeeded(host: Parameters<typeof ApiSocket.connect>[0], board: BoardPage): Promise<Scene> {
  const api = await ApiSocket.connect(host)
  let map: JourneyMap
  try {
    map = await seedMap(api, SHORT_MAP)
  } finally {
    api.close()
  }
  await board.open(SHORT_MAP.title)
  return layoutMap(map, roughMeasure, { personas: DEMO_PERSONAS })
}

const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(0.51)

test('notes, headers and curves are drawn where the layout puts them', async ({ host, home, page }) => {
  void home
  const board = new BoardPage(page)
  const scene = await openSeeded(host, board)
  const view = await board.view()
  // The opening view shows the whole SaaS board at a readable zoom.
  expect(view.zoom).toBeGreaterThanOrEqual(0.5)
  expect(await board.noteIds()).toHaveLength(scene.notes.length)

  for (const note of scene.notes) {
    const node = await board.node(`#note-${note.id}`)
    expect(node, `note ${note.id}`).not.toBeNull()
    expect({ x: node!.x, y: node!.y, w: node!.width, h: node!.height }).toEqual({
      x: note.x,
      y: note.y,
      w: note.w,
      h: note.h
    })
    // On screen: board coordinates through the camera.
    near(node!.client.x, note.x * view.zoom + view.x)
    near(node!.client.y, note.y * view.zoom + view.y)
    near(node!.client.width, note.w * view.zoom)
  }
  // And the pixels are the note's colour (right of its text, clear of its outline).
  const sample = scene.notes[0]!
  expect(await board.pixelOnNotesLayer(sample.x + sample.w - 10, sample.y + sample.h / 2)).toBe(sample.fill)

  for (const header of scene.stageHeaders) {
    const node = await board.node(`#stage-header-${header.id}`)
    expect(node).toMatchObject({ x: header.x, y: header.y, width: header.w, height: header.h })
  }
  for (const curve of scene.curves) expect(await board.node(`#curve-${curve.id}`)).not.toBeNull()
  expect(await board.node('#marker-marker1')).not.toBeNull()
  await page.screenshot({ path: 'test-results/board-geometry.png' })
})

test('the zoom level shown follows +/−, 0, ctrl+wheel and zoom to fit', async ({ host, home, page }) => {
  void home
  const board = new BoardPage(page)
  await openSeeded(host, board)
  const shown = async () => {
    const percent = await board.zoomPercent()
    expect(percent).toBe(Math.round((await board.view()).zoom * 100))
    return percent
  }
  const start = await shown()

  await board.pressKey('0')
  await expect.poll(shown).toBe(100)
  await board.pressKey('+')
  await expect.poll(shown).toBe(125)
  await board.pressKey('-')
  await board.pressKey('-')
  await expect.poll(shown).toBe(80)

  await board.ctrlWheel(-300)
  await expect.poll(shown).toBeGreaterThan(80)
  const afterWheel = await shown()
  await board.ctrlWheel(400)
  await expect.poll(shown).toBeLessThan(afterWheel)

  await page.getByRole('button', { name: 'Zoom in (+)' }).click()
  await page.getByRole('button', { name: /^Zoom \d+%, back to 100%$/ }).click()
  await expect.poll(shown).toBe(100)
  await page.getByRole('button', { name: 'Fit' }).click()
  await expect.poll(shown).toBeLessThan(100)
  // Fit leaves room for the tool bars below the board: at most the opening zoom, not much less —
  // except that the opening view never goes below 50 % (CameraController.place), so on a short
  // viewport Fit may go lower than that floor.
  const fitted = await shown()
  expect(fitted).toBeLessThanOrEqual(start)
  if (start > 50) expect(fitted).toBeGreaterThanOrEqual(start - 12)
})

test('only notes near the view are drawn; panning brings others in; zoomed out they turn into blocks', async ({
  host,
  home,
  page
}) => {
  void home
  const board = new BoardPage(page)
  const scene = await openSeeded(host, board)
  // 200%, so the board is several screens wide.
  await board.pressKey('0')
  for (let i = 0; i < 3; i++) await board.pressKey('+')
  await expect.poll(() => board.zoomPercent()).toBe(200)

  const check = async () => {
    const view = await board.view()
    const visible = {
      x: -view.x / view.zoom,
      y: -view.y / view.zoom,
      w: view.width / view.zoom,
      h: view.height / view.zoom
    }
    // Nodes exist for the view plus a quarter of it on each side, never beyond.
    const window = { x: visible.x - visible.w / 2, y: visible.y - visible.h / 2, w: visible.w * 2, h: visible.h * 2 }
    const drawn = new Set(await board.noteIds())
    const onScreen = scene.notes.filter((n) => intersects(visible, n))
    const farAway = scene.notes.filter((n) => !intersects(window, n))
    for (const n of onScreen) expect(drawn.has(n.id), `on-screen note ${n.id} is drawn`).toBe(true)
    for (const n of farAway) expect(drawn.has(n.id), `far-away note ${n.id} is not drawn`).toBe(false)
    // Curves' nodes likewise: one for a curve whose lane is in view, none for one far from it
    // (a lane's height of slack either way: the scene here is measured roughly).
    let farCurves = 0
    for (const curve of scene.curves) {
      const lane = scene.laneHeaders.find((l) => l.id === curve.laneId)!
      const has = (await board.node(`#curve-${curve.id}`)) !== null
      const inner = { x: 0, y: lane.y + lane.h / 3, w: scene.width, h: lane.h / 3 }
      const outer = { x: 0, y: lane.y - lane.h, w: scene.width, h: 3 * lane.h }
      if (intersects(visible, inner)) expect(has, `curve ${curve.id} in view has a node`).toBe(true)
      if (!intersects(window, outer)) {
        farCurves++
        expect(has, `far-away curve ${curve.id} has no node`).toBe(false)
      }
    }
    return { onScreen, farAway, drawn, farCurves }
  }
  const before = await check()
  expect(before.onScreen.length).toBeGreaterThan(0)
  expect(before.farAway.length).toBeGreaterThan(0)

  // Scroll to the far right (the wheel pans), where the Advocacy notes are.
  const advocacy = scene.notes.filter((n: NoteItem) => n.stageId === scene.stageHeaders.at(-1)!.id)
  expect(advocacy.some((n) => before.drawn.has(n.id))).toBe(false)
  const box = (await board.board().boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  const zoomed = await board.view()
  const rightEdgeInView = zoomed.width - 16 - scene.width * zoomed.zoom
  for (let left = zoomed.x - rightEdgeInView; left > 0; left -= 500) await page.mouse.wheel(Math.min(500, left), 0)
  await expect.poll(async () => Math.round((await board.view()).x)).toBe(Math.round(rightEdgeInView))
  const after = await check()
  expect(advocacy.filter((n) => after.onScreen.includes(n)).length).toBeGreaterThan(0)
  expect(after.drawn.has(scene.notes[0]!.id)).toBe(false)

  // Dragging empty space (the middle of an empty cell in view, clear of the sticky headers, which
  // drag to reorder, and of the emotion lane, whose points drag) pans by exactly the drag.
  const start = await board.view()
  const centre = (c: { x: number; y: number; w: number; h: number }) => ({
    x: (c.x + c.w / 2) * start.zoom + start.x,
    y: (c.y + c.h / 2) * start.zoom + start.y
  })
  const curveLanes = new Set(scene.curves.map((c) => c.laneId))
  const empty = scene.cells
    .filter((c) => c.noteCount === 0 && !curveLanes.has(c.laneId))
    .map(centre)
    .find(
      (p) =>
        p.x > (LAYOUT.laneHeaderWidth + 20) * start.zoom &&
        p.y > (LAYOUT.stageHeaderHeight + 20) * start.zoom &&
        p.x < start.width - 200 &&
        p.y < start.height - 100
    )!
  const from = { x: box.x + empty.x, y: box.y + empty.y }
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 120, from.y + 30, { steps: 4 })
  await page.mouse.up()
  const dragged = await board.view()
  near(dragged.x - start.x, 120)
  near(dragged.y - start.y, 30)

  // Below 40% notes are drawn as coloured blocks by one shape, without per-note nodes.
  await page.getByRole('button', { name: 'Fit' }).click()
  for (let i = 0; i < 3; i++) await board.pressKey('-')
  await expect.poll(() => board.zoomPercent()).toBeLessThan(40)
  await expect.poll(() => board.noteIds().then((ids) => ids.length)).toBe(0)
  expect(await board.node('#notes-lod')).not.toBeNull()
  await page.screenshot({ path: 'test-results/board-zoomed-out.png' })

  // Back at 200%, up to the board's top: the emotion lane's curves are far below, and have no nodes.
  await board.pressKey('0')
  for (let i = 0; i < 3; i++) await board.pressKey('+')
  await expect.poll(() => board.zoomPercent()).toBe(200)
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -500)
  let lastY = Number.NaN
  await expect
    .poll(async () => {
      const y = (await board.view()).y
      const settled = y === lastY && y >= 0
      lastY = y
      return settled
    })
    .toBe(true)
  expect((await check()).farCurves).toBeGreaterThan(0)
})
