import { describe, expect, it } from 'vitest'
import { exportCsv } from '../../src/shared/export/csv'
import { detectFormat } from '../../src/shared/export/detect'
import { exportMermaid } from '../../src/shared/export/mermaid'
import { serializeInterchange } from '../../src/shared/format/interchange'
import { multilingualMap, personas } from './export-fixtures'
import { FIXED_NOW } from './fixtures'

describe('detectFormat', () => {
  it('recognises what the exporters write', () => {
    const map = multilingualMap()
    expect(detectFormat(serializeInterchange(map, personas(), FIXED_NOW))).toBe('json')
    expect(detectFormat(exportCsv(map, personas()))).toBe('csv')
    expect(detectFormat(exportMermaid(map, personas()))).toBe('mermaid')
  })

  it('recognises JSON by its first character, after a BOM and white space', () => {
    expect(detectFormat('\uFEFF \r\n {"format": "journeyboard"')).toBe('json') // truncated is still JSON
    expect(detectFormat('[1, 2]')).toBeNull()
  })

  it('recognises Mermaid by its first meaningful line', () => {
    expect(detectFormat('---\ntitle: x\n---\n%%{init: {}}%%\n\n%% note\n  Journey  %% ok\n')).toBe('mermaid')
    expect(detectFormat('journey')).toBe('mermaid')
    expect(detectFormat('flowchart TD\n  A-->B')).toBeNull()
    expect(detectFormat('journeys,lane,text\n')).toBeNull()
  })

  it('recognises CSV by a header with the stage, lane and text columns, whatever the separator', () => {
    expect(detectFormat('\n\nText;Stage;Lane\nx;A;B')).toBe('csv')
    expect(detectFormat('"stage"\t"lane"\t"text"\n')).toBe('csv')
    expect(detectFormat('Stage, Lane, Kind, Text')).toBe('csv')
    expect(detectFormat('stage,lane\nA,B')).toBeNull() // no text column
  })

  it('says null for anything else', () => {
    expect(detectFormat('')).toBeNull()
    expect(detectFormat(' \n\t')).toBeNull()
    expect(detectFormat('\u0000PK\u0003\u0004garbage')).toBeNull()
    expect(detectFormat('Hello, world')).toBeNull()
  })
})
