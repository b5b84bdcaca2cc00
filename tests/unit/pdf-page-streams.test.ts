/**
 * CompressedPages (src/shared/export/pdf/page-streams.ts) relies on jsPDF internals: its `pages`
 * array, the `putPage` event coming right before the page's stream is compressed, the global
 * filter hook and the custom output destination. A document drawn with pages held compressed
 * must be byte for byte the one jsPDF writes by itself, also when a page is drawn on again after
 * it was held and when pages are moved. If a jsPDF upgrade changes any of that, this fails.
 */
import { jsPDF } from 'jspdf'
import { beforeAll, describe, expect, it } from 'vitest'
import { CompressedPages } from '../../src/shared/export/pdf/page-streams'
import { pdfFiles, pdftotext, qpdfCheck, squeeze } from './pdf-tools'

const write = pdfFiles('jb-pdf-streams-')

function newDoc(): jsPDF {
  const doc = new jsPDF({ unit: 'pt', format: [400, 300], compress: true, floatPrecision: 3 })
  doc.setCreationDate(new Date('2026-03-04T09:00:00Z'))
  doc.setFileId('0123456789ABCDEF0123456789ABCDEF')
  return doc
}

/** Draws four pages, goes back to write on earlier ones, and moves one (as renderPdf does). */
function draw(doc: jsPDF): void {
  for (let page = 1; page <= 4; page++) {
    if (page > 1) doc.addPage([400, 300], 'landscape')
    for (let i = 0; i < 300; i++) {
      doc.setFillColor((i * 7) % 255, (page * 40) % 255, 90)
      doc.roundedRect(10 + (i % 20) * 19, 10 + Math.floor(i / 20) * 18, 15, 12, 3, 3, 'F')
    }
    doc.text(`Sheet ${page} of the board`, 20, 290)
  }
  for (const page of [1, 3]) {
    doc.setPage(page)
    doc.text(`Footer of sheet ${page}`, 20, 270)
  }
  doc.movePage(4, 2)
}

let reference: Uint8Array
beforeAll(() => {
  // Before any CompressedPages exists: jsPDF's own filters and output.
  const doc = newDoc()
  draw(doc)
  reference = new Uint8Array(doc.output('arraybuffer'))
})

describe('pages held compressed while the document is drawn', () => {
  it('give the very file jsPDF writes by itself', () => {
    const doc = newDoc()
    const pages = new CompressedPages(doc)
    draw(doc)
    const bytes = pages.output()
    expect(bytes.length).toBe(reference.length)
    expect(Buffer.from(bytes).equals(Buffer.from(reference))).toBe(true)

    const file = write(bytes)
    qpdfCheck(file)
    const sheets = pdftotext(file).split('\f').slice(0, -1)
    expect(sheets.map((text) => /Sheet (\d)/.exec(text)?.[1])).toEqual(['1', '4', '2', '3'])
    expect(squeeze(sheets[0]!)).toContain('Footerofsheet1')
    expect(squeeze(sheets[3]!)).toContain('Footerofsheet3')
  })

  it('leave documents made without them as jsPDF writes them', () => {
    const doc = newDoc()
    draw(doc)
    expect(Buffer.from(doc.output('arraybuffer')).equals(Buffer.from(reference))).toBe(true)
  })
})
