/**
 * `export --format png|svg` and `export --all` through the real CLI process: the PNG decoded
 * (its size from the scene, its alpha for a transparent background), the SVG read by a real
 * XML parser with its text and its embedded (subset) fonts checked. And a CSV and a Mermaid
 * file from one library imported into another that lacks their personas.
 */
import { DOMParser } from '@xmldom/xmldom'
import { decode, encode } from 'fast-png'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadPdfFontSet, readBundledFonts } from '../../src/library/bundled-fonts'
import { serializeInterchange } from '../../src/shared/format/interchange'
import { LAYOUT, layoutMap } from '../../src/shared/layout'
import { pdfPersonas, pdfShowcaseMap, pdfShowcaseMapWithUncovered, SEED_SENTENCES } from '../unit/pdf-fixtures'
import { runCli } from './run-cli'

let dir: string
let db: string

const cli = (...args: string[]) => runCli(db, args)
const cliOn = (library: string, ...args: string[]) => runCli(library, args)

function importShowcase(map = pdfShowcaseMap()): string {
  const file = join(dir, 'showcase.json')
  writeFileSync(file, serializeInterchange(map, pdfPersonas(), '2026-03-04T09:00:00.000Z'))
  return cli('import', file).stdout.trim()
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jb-cli-formats-'))
  db = join(dir, 'library.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The showcase's scene as the CLI lays it out (the bundled fonts' widths). */
const showcaseScene = async (map = pdfShowcaseMap()) =>
  layoutMap(map, (await loadPdfFontSet()).measure, { personas: pdfPersonas() })

describe('cli export --format png', { timeout: 120_000 }, () => {
  it('draws the whole board at the scale asked for, opaque on white, clear outside the board on transparent', async () => {
    const id = importShowcase()
    const scene = await showcaseScene()
    const white = join(dir, 'white.png')
    const result = cli('export', id, '--format', 'png', '--scale', '2', '--out', white)
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(new RegExp(`^${scene.width * 2} × ${scene.height * 2} px at 2×, \\d+ bytes\\n`))
    const opaque = decode(readFileSync(white))
    expect([opaque.width, opaque.height, opaque.channels]).toEqual([scene.width * 2, scene.height * 2, 4])
    for (let i = 3; i < opaque.data.length; i += 4) if (opaque.data[i] !== 255) throw new Error(`alpha at ${i}`)

    const clear = join(dir, 'clear.png')
    expect(
      cli('export', id, '--format', 'png', '--scale', '1', '--background', 'transparent', '--out', clear).code
    ).toBe(0)
    const image = decode(readFileSync(clear))
    expect([image.width, image.height]).toEqual([scene.width, scene.height])
    const alpha = (x: number, y: number) => image.data[(Math.round(y) * image.width + Math.round(x)) * 4 + 3]
    // An empty cell's inside is clear; headers and notes are drawn as on white.
    // The opportunities lane's first cell: empty, its prompt not drawn.
    const empty = scene.cells.find((c) => c.stageId === 's1' && c.laneId === 'l4')!
    expect(empty.noteCount).toBe(0)
    for (const [fx, fy] of [
      [0.5, 0.5],
      [0.1, 0.2],
      [0.9, 0.9]
    ] as const)
      expect(alpha(empty.x + empty.w * fx, empty.y + empty.h * fy)).toBe(0)
    const header = scene.stageHeaders[0]!
    expect(alpha(header.x + 4, header.y + header.h - 4)).toBe(255)
    const note = scene.notes[0]!
    expect(alpha(note.x + note.w - 4, note.y + note.h - 4)).toBe(255)
    // And the images are not the same file.
    expect(readFileSync(clear).equals(readFileSync(white))).toBe(false)
  })
})

describe('cli export --format png with a picture on a note', { timeout: 120_000 }, () => {
  it('draws the picture itself, not an empty frame', async () => {
    // A 40 × 20 picture of one saturated red, as the app would store it.
    const pixels = new Uint8Array(40 * 20 * 4)
    for (let i = 0; i < pixels.length; i += 4) pixels.set([220, 20, 30, 255], i)
    const data = Buffer.from(encode({ width: 40, height: 20, data: pixels, channels: 4, depth: 8 })).toString('base64')
    const base = pdfShowcaseMap()
    const target = base.notes[0]!
    const map = {
      ...base,
      notes: base.notes.map((n) =>
        n.id === target.id ? { ...n, image: { mime: 'image/png' as const, data, width: 40, height: 20 } } : n
      )
    }
    const id = importShowcase(map)
    const scene = await showcaseScene(map)
    const picture = scene.notes.find((n) => n.id === target.id)!.image!
    const out = join(dir, 'picture.png')
    expect(cli('export', id, '--format', 'png', '--scale', '1', '--out', out).code).toBe(0)
    const image = decode(readFileSync(out))
    const at = (Math.round(picture.y + picture.h / 2) * image.width + Math.round(picture.x + picture.w / 2)) * 4
    const [r, g, b] = image.data.slice(at, at + 3)
    expect(r).toBeGreaterThan(180)
    expect(g).toBeLessThan(80)
    expect(b).toBeLessThan(80)
  })
})

describe('cli export --format svg', { timeout: 120_000 }, () => {
  it('writes well-formed SVG with the notes as text and the fonts embedded as subsets', async () => {
    const id = importShowcase(pdfShowcaseMapWithUncovered())
    const out = join(dir, 'map.svg')
    const result = cli('export', id, '--format', 'svg', '--out', out)
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^\d+ bytes\nno bundled font has த/)
    const text = readFileSync(out, 'utf8')
    const errors: string[] = []
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message)
      }
    }).parseFromString(text, 'image/svg+xml')
    expect(errors).toEqual([])
    const svg = doc.documentElement!
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg')
    const scene = await showcaseScene(pdfShowcaseMapWithUncovered())
    expect(svg.getAttribute('width')).toBe(String(scene.width))
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${scene.width} ${scene.height}`)

    // Every note's text, as the text of <text> elements in reading order (lines joined).
    const texts = Array.from(svg.getElementsByTagName('text')).map((t) => t.textContent ?? '')
    const all = texts.join('').replace(/\s+/g, '')
    for (const [language, sentence] of Object.entries(SEED_SENTENCES))
      expect(all, language).toContain(sentence.replace(/\s+/g, ''))
    expect(texts).toContain('free trial')
    // No prompts of empty cells.
    expect(all).not.toContain('Whathurts?')

    // Fonts: @font-face rules with TrueType data, each far smaller than the bundled file.
    const style = svg.getElementsByTagName('style')[0]!.textContent ?? ''
    const faces = [...style.matchAll(/font-family:'([^']+)';src:url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/g)]
    expect(faces.map((f) => f[1])).toEqual(
      expect.arrayContaining(['JB NotoSans', 'JB NotoSansThai', 'JB DroidSansFallback', 'JB NotoSans-Bold'])
    )
    const bundled = readBundledFonts()
    for (const [, family, data] of faces) {
      const bytes = Buffer.from(data!, 'base64')
      expect(bytes.readUInt32BE(0), family).toBe(0x00010000)
      const file = { 'JB DroidSansFallback': 'DroidSansFallbackFull.ttf' }[family!]
      if (file) expect(bytes.length).toBeLessThan(bundled[file]!.length / 50)
    }
  })
})

describe('cli export --all', { timeout: 120_000 }, () => {
  it('exports every map into the folder, one file each named after its map', () => {
    const first = importShowcase()
    const second = importShowcase()
    expect(first).not.toBe(second)
    const out = join(dir, 'exports')
    const result = cli('export', '--all', '--format', 'png', '--scale', '1', '--out', out)
    expect(result.code).toBe(0)
    const files = readdirSync(out).sort()
    const title = pdfShowcaseMap().title
    // Two maps with one title: the second file carries its id.
    expect(files).toHaveLength(2)
    expect(files).toContain(`${title}.png`)
    expect(files.some((f) => f.includes(first) || f.includes(second))).toBe(true)
    expect(result.stdout.trim().split('\n')).toHaveLength(2)
    for (const f of files) expect(decode(readFileSync(join(out, f))).width).toBeGreaterThan(LAYOUT.laneHeaderWidth)
  })
})

describe('cli import from another library', { timeout: 120_000 }, () => {
  it('imports a colleague’s CSV and Mermaid files, adding the personas this library lacks', () => {
    const id = importShowcase()
    const csv = join(dir, 'notes.csv')
    const mmd = join(dir, 'journey.mmd')
    expect(cli('export', id, '--format', 'csv', '--out', csv).code).toBe(0)
    expect(cli('export', id, '--format', 'mermaid', '--out', mmd).code).toBe(0)

    const theirs = join(dir, 'colleague.sqlite')
    const fromCsv = cliOn(theirs, 'import', csv)
    expect(fromCsv.code).toBe(0)
    for (const p of pdfPersonas()) {
      if (readFileSync(csv, 'utf8').includes(p.name))
        expect(fromCsv.stderr).toContain(`"${p.name}"; one of that name is added`)
    }
    const personas = JSON.parse(cliOn(theirs, 'personas', '--json').stdout) as { id: string; name: string }[]
    expect(personas.map((p) => p.name).sort()).toEqual(
      pdfPersonas()
        .filter((p) => readFileSync(csv, 'utf8').includes(p.name))
        .map((p) => p.name)
        .sort()
    )
    const back = join(dir, 'back.json')
    expect(cliOn(theirs, 'export', fromCsv.stdout.trim(), '--format', 'json', '--out', back).code).toBe(0)
    const doc = JSON.parse(readFileSync(back, 'utf8')) as { map: { personaIds: string[] }; personas: unknown[] }
    expect(doc.map.personaIds).toHaveLength(personas.length)

    // The Mermaid file names the same people: matched to the personas the CSV just added.
    const fromMermaid = cliOn(theirs, 'import', mmd)
    expect(fromMermaid.code).toBe(0)
    expect(fromMermaid.stderr).toBe('')
    expect(JSON.parse(cliOn(theirs, 'personas', '--json').stdout)).toHaveLength(personas.length)
  })
})
