/**
 * The PDF export's analysis page: the map's findings (as the analysis words them) and the
 * opportunity ranking, read back with pdftotext; qpdf must find nothing wrong.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { analyzeMap, describeFinding } from '../../src/shared/analysis'
import { renderPdf, type PdfFontSet } from '../../src/shared/export/pdf'
import { buildMap, buildPersona } from './fixtures'
import { PDF_TEST_OPTIONS, loadPdfFonts, pdfFiles, pdftotext, qpdfCheck, squeeze } from './pdf-tools'

let fonts: PdfFontSet
const OPTIONS = PDF_TEST_OPTIONS
const write = pdfFiles('jb-pdf-analysis-')
beforeAll(async () => {
  fonts = await loadPdfFonts()
})

/** The PDF's text, after qpdf found nothing wrong with it. */
function textOf(bytes: Uint8Array): string {
  const file = write(bytes)
  qpdfCheck(file)
  return pdftotext(file)
}

/** "Onboard" has no touchpoint (a gap); two rated opportunities, one in Russian. */
const analysedMap = () =>
  buildMap({
    title: 'Analysed journey',
    stages: [
      { id: 's1', title: 'Discover' },
      { id: 's2', title: 'Onboard' },
      { id: 's3', title: 'Renew' }
    ],
    notes: [
      { stageId: 's1', laneId: 'l1', text: 'Pricing page' },
      { stageId: 's3', laneId: 'l1', text: 'Renewal email' },
      {
        stageId: 's1',
        laneId: 'l2',
        kind: 'opportunity',
        text: 'Self-serve trial without a sales call',
        impact: 5,
        effort: 1
      },
      { stageId: 's3', laneId: 'l2', kind: 'opportunity', text: 'Продление в один клик', impact: 3, effort: 4 }
    ]
  })

describe('PDF analysis page', { timeout: 60_000 }, () => {
  it('lists the findings by category with their sentences, then the opportunity ranking', () => {
    const map = analysedMap()
    const personas = [buildPersona('p1')]
    const findings = analyzeMap(map, personas)
    const gap = findings.gaps.find((f) => f.rule === 'stageWithoutTouchpoints')!
    expect(describeFinding(gap)).toBe('No touchpoint at “Onboard”: where does the customer meet us here?')

    const result = renderPdf(map, personas, { ...OPTIONS, analysisPage: true }, fonts)
    expect(result.pageCount).toBe(2)
    expect(result.missingCharacters).toEqual([])
    const text = squeeze(textOf(result.bytes))
    expect(text).toContain(squeeze('Analysis'))
    for (const title of ['Gaps', 'Hotspots', 'Bottlenecks', 'Inconsistencies', 'Opportunities ranked']) {
      expect(text).toContain(squeeze(title))
    }
    expect(text).toContain(squeeze(describeFinding(gap)))
    for (const finding of findings.gaps) expect(text).toContain(squeeze(describeFinding(finding)))
    expect(text).toContain(squeeze('Self-serve trial without a sales call'))
    expect(text).toContain(squeeze('Продление в один клик'))
    // Ranked by score: 5 × (6 − 1) = 25 first, 3 × (6 − 4) = 6 second.
    expect(text.indexOf('Self-serve')).toBeLessThan(text.indexOf('Продление'))
    expect(text).toContain('25')
  })

  it('prints the labels it is given', () => {
    const result = renderPdf(
      analysedMap(),
      [],
      {
        ...OPTIONS,
        analysisPage: true,
        labels: { analysis: 'Анализ', finding: (f) => `Находка ${f.rule}` }
      },
      fonts
    )
    const text = squeeze(textOf(result.bytes))
    expect(text).toContain('Анализ')
    expect(text).toContain('НаходкаstageWithoutTouchpoints')
  })

  it('prints no analysis without the option', () => {
    const result = renderPdf(analysedMap(), [], OPTIONS, fonts)
    expect(result.pageCount).toBe(1)
    const text = squeeze(textOf(result.bytes))
    expect(text).not.toContain('Nothingfound')
    expect(text).not.toContain('Opportunitiesranked')
    expect(text).not.toContain(squeeze('No touchpoint at'))
  })
})
