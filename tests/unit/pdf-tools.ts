/**
 * Reading exported PDFs back with real tools (poppler's pdftotext/pdfinfo, qpdf), and the options
 * and fonts the PDF tests share. Each test file gets its own temporary folder.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect } from 'vitest'
import { loadPdfFontSet } from '../../src/library/bundled-fonts'
import { DEFAULT_PDF_OPTIONS, type PdfFontSet, type PdfOptions } from '../../src/shared/export/pdf'

export const PDF_TEST_OPTIONS: PdfOptions = {
  ...DEFAULT_PDF_OPTIONS,
  date: '4 March 2026',
  createdAt: new Date('2026-03-04T09:00:00Z')
}

/** The bundled fonts and HarfBuzz, read as the CLI reads them. */
export const loadPdfFonts = (): Promise<PdfFontSet> => loadPdfFontSet()

/** Registers hooks for a temporary folder; `write` puts a PDF there and returns its path. */
export function pdfFiles(prefix: string): (bytes: Uint8Array) => string {
  let dir = ''
  let count = 0
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return (bytes) => {
    const file = join(dir, `export-${++count}.pdf`)
    writeFileSync(file, bytes)
    return file
  }
}

export const pdftotext = (file: string, ...args: string[]): string =>
  execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' })

/** Text without any white space: line breaks inside Thai or Chinese words add none. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '')

/** qpdf --check: exit code 0 and no warnings. */
export function qpdfCheck(file: string): string {
  const out = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })
  expect(out).not.toMatch(/WARNING/)
  expect(out).toContain('No syntax or stream encoding errors found')
  return out
}
