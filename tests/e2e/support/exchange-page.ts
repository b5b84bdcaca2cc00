/**
 * File ▸ Export… and File ▸ Import… as a user drives them: the toolbar buttons, the format and
 * its options by label, the file that arrives as a browser download, and the file picker.
 */
import { expect, type Download, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { chooseFromFileMenu } from './fixtures'
import { startsWith } from './text'

export class ExportDialogPage {
  constructor(readonly page: Page) {}

  dialog = () => this.page.getByRole('dialog', { name: startsWith('Export “') })
  status = () => this.dialog().getByRole('status')

  async open(): Promise<void> {
    await chooseFromFileMenu(this.page, 'Export…')
    await expect(this.dialog()).toBeVisible()
  }

  async chooseFormat(name: 'PDF' | 'PNG image' | 'SVG image' | 'CSV' | 'JSON' | 'Mermaid journey'): Promise<void> {
    await this.dialog().getByRole('radio', { name, exact: true }).check()
  }

  /** Clicks Export and returns the downloaded file's bytes and name. */
  async export(): Promise<{ bytes: Buffer; name: string; download: Download }> {
    const downloading = this.page.waitForEvent('download', { timeout: 60_000 })
    await this.dialog().getByRole('button', { name: 'Export', exact: true }).click()
    const download = await downloading
    const path = await download.path()
    return { bytes: await readFile(path), name: download.suggestedFilename(), download }
  }

  async close(): Promise<void> {
    await this.dialog()
      .getByRole('button', { name: /^(Close|Cancel)$/ })
      .click()
    await expect(this.dialog()).toBeHidden()
  }
}

export class ImportDialogPage {
  constructor(readonly page: Page) {}

  dialog = () => this.page.getByRole('dialog', { name: 'Import a map' })

  async open(): Promise<void> {
    // The home screen has an Import… button; a map has it in its File ▾ menu.
    const button = this.page.getByRole('button', { name: 'Import…', exact: true })
    if (await button.isVisible()) await button.click()
    else await chooseFromFileMenu(this.page, 'Import…')
    await expect(this.dialog()).toBeVisible()
  }

  /** Picks a file with this name and content in the dialog's file input. */
  async pick(name: string, text: string): Promise<void> {
    await this.dialog()
      .getByLabel('File', { exact: true })
      .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') })
  }

  async submit(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Import', exact: true }).click()
  }
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/**
 * Decodes a PNG in the page (the browser's own decoder) and counts the pixels that are not the
 * background, per quarter of the image: a blank or cut-off image has empty quarters.
 */
export async function drawnPixels(page: Page, png: Buffer): Promise<{ total: number; quarters: number[] }> {
  return page.evaluate(async (base64) => {
    const image = new Image()
    image.src = `data:image/png;base64,${base64}`
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.naturalWidth
    canvas.height = image.naturalHeight
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!
    ctx.drawImage(image, 0, 0)
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    const quarters = [0, 0, 0, 0]
    let total = 0
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4
        if (data[i + 3]! > 0 && (data[i]! < 245 || data[i + 1]! < 245 || data[i + 2]! < 245)) {
          total++
          quarters[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)]!++
        }
      }
    }
    return { total, quarters }
  }, png.toString('base64'))
}
