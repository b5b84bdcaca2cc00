/**
 * The exporter registry that the export dialog and the CLI share: its options from command-line
 * flags, every format and option worded in the app's dictionary, and files made through it
 * equal to the exporters' own output.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { loadPdfFontSet } from '../../src/library/bundled-fonts'
import { en } from '../../src/renderer/src/i18n/en'
import { exportCsv } from '../../src/shared/export/csv'
import { exportMermaid } from '../../src/shared/export/mermaid'
import {
  EXPORTERS,
  EXPORT_FORMATS,
  optionsFromFlags,
  runExport,
  type ExportHost
} from '../../src/shared/export/registry'
import { createFontSubsetter } from '../../src/shared/export/svg/subset'
import { serializeInterchange } from '../../src/shared/format/interchange'
import { pdfPersonas, pdfShowcaseMapWithUncovered } from './pdf-fixtures'

describe('optionsFromFlags', () => {
  it('starts from the format’s defaults and takes what is given', () => {
    expect(optionsFromFlags('pdf', {})).toEqual({ ok: true, options: EXPORTERS.pdf.defaults })
    const pdf = optionsFromFlags('pdf', { paper: 'a3', orientation: 'portrait', poster: true, 'no-header': true })
    expect(pdf).toEqual({
      ok: true,
      options: { ...EXPORTERS.pdf.defaults, paper: 'a3', orientation: 'portrait', fit: 'tile', header: false }
    })
    expect(optionsFromFlags('png', { scale: '3', background: 'transparent' })).toEqual({
      ok: true,
      options: { scale: '3', background: 'transparent', embedMap: true }
    })
    expect(optionsFromFlags('svg', { 'no-embed-map': true })).toEqual({
      ok: true,
      options: { background: 'white', embedMap: false }
    })
    expect(optionsFromFlags('csv', {})).toEqual({ ok: true, options: {} })
  })

  it('names the flag at fault: a value it does not take, or a flag of another format', () => {
    expect(optionsFromFlags('pdf', { paper: 'a5' })).toEqual({
      ok: false,
      message: '--paper must be one of a4, a3, letter, fit'
    })
    expect(optionsFromFlags('png', { scale: '4' })).toEqual({ ok: false, message: '--scale must be one of 1, 2, 3' })
    expect(optionsFromFlags('csv', { poster: true })).toEqual({
      ok: false,
      message: '--poster does not apply to --format csv'
    })
    expect(optionsFromFlags('svg', { scale: '2' })).toEqual({
      ok: false,
      message: '--scale does not apply to --format svg'
    })
    // A flag two formats share belongs to both.
    expect(optionsFromFlags('svg', { background: 'transparent' })).toMatchObject({ ok: true })
  })
})

describe('the registry and the dialog’s words', () => {
  it('words every format, option and choice in the app’s dictionary', () => {
    const words = en as Readonly<Record<string, string>>
    for (const format of EXPORT_FORMATS) {
      const exporter = EXPORTERS[format]
      expect(exporter.format).toBe(format)
      expect(exporter.file.extension).toMatch(/^[a-z]+$/)
      expect(exporter.file.mediaType).toMatch(/^[a-z]+\/[a-z.+-]+$/)
      expect(words[`exchange.format.${format}`], format).toBeTruthy()
      expect(words[`exchange.format.${format}.hint`], format).toBeTruthy()
      for (const spec of exporter.options) {
        expect(words[`exchange.${format}.${spec.key}`], `${format}.${spec.key}`).toBeTruthy()
        if (spec.kind === 'choice') {
          for (const value of spec.values)
            expect(words[`exchange.${format}.${spec.key}.${value}`], `${format}.${spec.key}.${value}`).toBeTruthy()
          expect(spec.values).toContain((exporter.defaults as Record<string, unknown>)[spec.key])
        }
      }
    }
  })
})

describe('runExport', () => {
  const require = createRequire(import.meta.url)
  const host: ExportHost = {
    fonts: loadPdfFontSet,
    subsetter: () =>
      createFontSubsetter(new Uint8Array(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')))),
    png: () => Promise.reject(new Error('no canvas in this test')),
    date: '4 March 2026'
  }
  const map = pdfShowcaseMapWithUncovered()
  const personas = pdfPersonas()
  const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)

  it('makes the text formats’ files as their exporters do', async () => {
    const csv = await runExport({ format: 'csv', options: {} }, map, personas, host)
    expect(text(csv.bytes)).toBe(exportCsv(map, personas))
    expect(csv.summary).toEqual({ format: 'csv', bytes: csv.bytes.length })
    const mermaid = await runExport({ format: 'mermaid', options: {} }, map, personas, host)
    expect(text(mermaid.bytes)).toBe(exportMermaid(map, personas))
    const json = await runExport({ format: 'json', options: {} }, map, personas, host)
    expect(JSON.parse(text(json.bytes)).map).toEqual(JSON.parse(serializeInterchange(map, personas)).map)
  })

  it('makes a PDF and an SVG, reporting their phases and the characters no font has', async () => {
    const phases: string[] = []
    const pdf = await runExport({ format: 'pdf', options: EXPORTERS.pdf.defaults }, map, personas, host, (phase) =>
      phases.push(phase.kind)
    )
    expect(text(pdf.bytes.slice(0, 5))).toBe('%PDF-')
    expect(pdf.summary).toMatchObject({ format: 'pdf', pages: 1, missing: ['த'] })
    expect(phases).toEqual(['fonts', 'drawing'])
    const svg = await runExport(
      { format: 'svg', options: { background: 'white', embedMap: true } },
      map,
      personas,
      host
    )
    expect(text(svg.bytes)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(svg.summary).toMatchObject({ format: 'svg', missing: ['த'] })
  })
})
