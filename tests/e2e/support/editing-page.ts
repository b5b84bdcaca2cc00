/**
 * The board as a user edits it: where things are on the page (from the Konva nodes the board
 * draws), pointer gestures over them, the save indicator, and the library's copy of the map read
 * back through the web host (what SQLite holds).
 */
import { expect, type Locator, type Page } from '@playwright/test'
import type { JourneyMap } from '../../../src/shared/model'
import { ApiSocket, BoardPage } from './board-page'
import type { RunningHost } from './web-host'

export interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export const centreOf = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 })

/** Reads the library directly, as another window would. */
export async function readMap(host: RunningHost, mapId: string): Promise<JourneyMap> {
  const api = await ApiSocket.connect(host)
  try {
    return await api.call('getMap', { id: mapId })
  } finally {
    api.close()
  }
}

/** The id of the only map with this title. */
export async function mapIdOf(host: RunningHost, title: string): Promise<string> {
  const api = await ApiSocket.connect(host)
  try {
    const maps = await api.call('listMaps', {})
    const found = maps.find((m) => m.title === title)
    if (!found) throw new Error(`no map titled ${title}`)
    return found.id
  } finally {
    api.close()
  }
}

export const byOrder = <T extends { order: number }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.order - b.order)

export class EditingBoard extends BoardPage {
  constructor(page: Page) {
    super(page)
  }

  saveStatus = (): Locator => this.page.locator('.save-indicator [role="status"]')
  noteEditor = (): Locator => this.page.locator('textarea.note-editor')
  renameField = (): Locator => this.page.locator('input.rename-field')
  menu = (): Locator => this.page.getByRole('menu').first()
  sidePanel = (): Locator => this.page.getByRole('complementary', { name: 'Details' })

  /** Waits until the board has drawn the map's headers (a map without notes has no note nodes). */
  async waitForCells(): Promise<void> {
    await expect
      .poll(() =>
        this.page.evaluate(() => {
          const stage = (window as unknown as { Konva?: { stages: { find(s: string): unknown[] }[] } }).Konva?.stages[0]
          return stage ? stage.find('.stage-header').length : 0
        })
      )
      .toBeGreaterThan(0)
  }

  /** A Konva node's box in page coordinates, or null when it is not drawn. */
  async box(selector: string): Promise<Box | null> {
    const node = await this.node(selector)
    if (!node) return null
    const frame = (await this.board().boundingBox())!
    return {
      x: frame.x + node.client.x,
      y: frame.y + node.client.y,
      width: node.client.width,
      height: node.client.height
    }
  }

  /** A node's box, waiting for the board to make the node (it makes nodes near the view a few per frame). */
  async boxOf(selector: string): Promise<Box> {
    await expect.poll(() => this.node(selector), { message: `${selector} is drawn` }).not.toBeNull()
    return (await this.box(selector))!
  }

  /** A board point (board units) in page coordinates. */
  async pagePoint(x: number, y: number): Promise<{ x: number; y: number }> {
    const view = await this.view()
    const frame = (await this.board().boundingBox())!
    return { x: frame.x + view.x + x * view.zoom, y: frame.y + view.y + y * view.zoom }
  }

  /** A cell's box on the page: its stage's column by its lane's row (cells are painted, not nodes). */
  async cell(stageId: string, laneId: string): Promise<Box> {
    const stage = await this.node(`#stage-header-${stageId}`)
    const lane = await this.node(`#lane-header-${laneId}`)
    if (!stage || !lane) throw new Error(`no cell ${stageId}:${laneId}`)
    const corner = await this.pagePoint(stage.x, lane.y)
    const zoom = (await this.view()).zoom
    return { x: corner.x, y: corner.y, width: stage.width * zoom, height: lane.height * zoom }
  }

  /** Presses at `from`, moves to `to` in steps, releases: a drag as a hand makes it. */
  async drag(
    from: { x: number; y: number },
    to: { x: number; y: number },
    modifiers: ('Shift' | 'Alt')[] = []
  ): Promise<void> {
    const mouse = this.page.mouse
    for (const key of modifiers) await this.page.keyboard.down(key)
    await mouse.move(from.x, from.y)
    await mouse.down()
    await mouse.move(from.x + (to.x - from.x) / 4, from.y + (to.y - from.y) / 4, { steps: 3 })
    await mouse.move(to.x, to.y, { steps: 6 })
    await mouse.up()
    for (const key of modifiers) await this.page.keyboard.up(key)
  }

  async notePositions(): Promise<string[]> {
    return this.noteIds()
  }
}
