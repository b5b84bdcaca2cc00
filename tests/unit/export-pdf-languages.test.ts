/**
 * The PDF's fixed texts in the app's language: with the app in Russian or Thai, the header, the
 * footer, a persona page, the notes table and the analysis page come back from pdftotext in
 * that language (Thai shaped by the bundled font, so its words come back whole), and no English
 * label is left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderPdf, type PdfFontSet } from '../../src/shared/export/pdf'
import type { Language } from '../../src/shared/i18n/languages'
import { pdfLabels } from '../../src/renderer/src/exchange/pdf-labels'
import { setLanguage } from '../../src/renderer/src/i18n'
import { createMapFromTemplate } from '../../src/shared/templates'
import { buildPersona } from './fixtures'
import { PDF_TEST_OPTIONS, loadPdfFonts, pdfFiles, pdftotext, qpdfCheck, squeeze } from './pdf-tools'

let fonts: PdfFontSet
const write = pdfFiles('jb-pdf-languages-')
beforeAll(async () => {
  fonts = await loadPdfFonts()
})
afterAll(() => setLanguage('en'))

/** A SaaS map made in `language`, with a persona, a rated opportunity and a note with votes. */
function exportIn(language: Language): string {
  setLanguage(language)
  let n = 0
  const map = createMapFromTemplate('saas', 'Workshop', () => `id${++n}`, '2026-03-04T09:00:00.000Z', language)
  const persona = buildPersona('p1', { name: 'Maya' })
  const opportunities = map.lanes.find((l) => l.kind === 'opportunities')!
  const withNotes = {
    ...map,
    personaIds: ['p1'],
    notes: [
      {
        id: 'n1',
        stageId: map.stages[0]!.id,
        laneId: opportunities.id,
        order: 1,
        text: 'Trial',
        color: '#fff59d',
        kind: 'opportunity' as const,
        channel: null,
        category: null,
        personaIds: [],
        votes: 5,
        severity: null,
        impact: 4,
        effort: 2
      }
    ]
  }
  const result = renderPdf(
    withNotes,
    [persona],
    {
      ...PDF_TEST_OPTIONS,
      header: true,
      personaPages: true,
      notesTable: true,
      analysisPage: true,
      labels: pdfLabels()
    },
    fonts
  )
  expect(result.missingCharacters).toEqual([])
  const file = write(result.bytes)
  qpdfCheck(file)
  return pdftotext(file)
}

describe('PDF fixed texts in the app language', { timeout: 120_000 }, () => {
  it('are Russian with the app in Russian', () => {
    const text = exportIn('ru')
    for (const label of [
      'Персоны',
      'Осведомлённость',
      'Стикеры по этапам',
      'Дорожка',
      'Стикер',
      '5 голосов',
      'Возраст',
      'Анализ',
      'Пробелы',
      'Рейтинг возможностей',
      'Трудозатраты',
      'Страница 1 из'
    ]) {
      expect(text, label).toContain(label)
    }
    for (const english of ['Personas', 'Notes by stage', 'Analysis', 'Page 1 of', 'votes', 'Age']) {
      expect(text).not.toContain(english)
    }
  })

  it('are Thai with the app in Thai, shaped and whole', () => {
    const text = squeeze(exportIn('th'))
    for (const label of [
      'เพอร์โซนา',
      'การรับรู้',
      'โน้ตตามระยะ',
      '5โหวต',
      'ช่วงอายุ',
      'การวิเคราะห์',
      'ช่องว่าง',
      'อันดับโอกาส',
      'หน้า1จาก'
    ]) {
      expect(text, label).toContain(squeeze(label))
    }
    for (const english of ['Personas', 'Notesbystage', 'Analysis', 'Page1of']) {
      expect(text).not.toContain(english)
    }
  })
})
