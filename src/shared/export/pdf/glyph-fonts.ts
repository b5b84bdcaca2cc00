/**
 * Embedding the bundled fonts so the PDF can show shaped glyphs: jsPDF writes text by character
 * (one cmap glyph per character, in logical order), which cannot show an Arabic letter's joined
 * form, a Devanagari conjunct or a mark HarfBuzz moved. So the painter writes glyph ids itself
 * (Type0 fonts with Identity-H encoding and CIDToGIDMap /Identity: a two-byte code is the glyph
 * id), and this module writes the font objects in jsPDF's place:
 *
 * - FontFile2: jsPDF's TrueType subsetter, given the glyph ids actually shown (it keeps glyph ids
 *   and pulls in the components of composite glyphs);
 * - /W: each glyph's advance as the font has it (not rounded), so the positions the painter
 *   computes from the engine's advances are the ones viewers use;
 * - ToUnicode: each glyph's text in logical order, also for glyphs that stand for several
 *   characters (a lam-alef ligature, a conjunct) and for contextual forms that have no code point
 *   of their own (so copying an Arabic word gives its letters, never presentation forms).
 *
 * jsPDF still registers each font (so it is listed in the page resources and subset-named), and
 * is told the font is used by an empty text call whose output is taken back out of the page.
 */
import { jsPDF } from 'jspdf'
import type { EngineFont } from '../../fonts'

/** The parts of jsPDF's TrueType font object this module uses (jsPDF's TTFFont). */
interface JsPdfTrueType {
  readonly subset: { encode(glyphIds: number[], indexToLocFormat: number): number[] }
  readonly bbox: number[]
  readonly flags: number
  readonly stemV: number
  readonly italicAngle: number
  readonly ascender: number
  readonly decender: number
  readonly capHeight: number
}

interface JsPdfFont {
  id: string
  fontName: string
  encoding: string
  isAlreadyPutted?: boolean
  /** The object the page resources point to; set by whoever writes the font. */
  objectNumber?: number
  metadata: JsPdfTrueType
}

interface PutFontArgs {
  readonly font: JsPdfFont
  out(line: string): void
  newObject(): number
  putStream(options: { data: string; addLength1: boolean; objectId: number }): void
}

interface JsPdfInternal {
  readonly events: { subscribe(topic: string, callback: (args: PutFontArgs) => void): string }
  readonly pages: string[][]
  getFont(): JsPdfFont
}

/**
 * jsPDF parses a TrueType file on every addFont, for every document: half a second for the 4 MB
 * CJK and Hangul fonts. The parsed font is only read afterwards (our writer keeps its own glyph
 * list and ToUnicode), so it is parsed once per file and handed to later documents.
 */
const parsed = new WeakMap<Uint8Array, JsPdfTrueType>()
type TrueTypeApi = { TTFFont: { open(file: string): JsPdfTrueType } }

/** What jsPDF's own Identity-H writer looks for; ours is written under another name and skipped by it. */
const OUR_ENCODING = 'Identity-H (shaped glyphs)'

export interface EmbeddedFont {
  /** The resource name to select the font with (`/F3 12 Tf`). */
  readonly key: string
  readonly font: EngineFont
}

interface Embedding extends EmbeddedFont {
  readonly toUnicode: Map<number, string>
  readonly used: Set<number>
}

export class GlyphFonts {
  private readonly byId = new Map<string, Embedding>()
  private readonly byKey = new Map<string, Embedding>()

  constructor(
    private readonly doc: jsPDF,
    private readonly binary: (bytes: Uint8Array) => string,
    private readonly pdfName: (id: string) => string
  ) {
    this.internal.events.subscribe('putFont', (args) => this.put(args))
  }

  private get internal(): JsPdfInternal {
    return this.doc.internal as unknown as JsPdfInternal
  }

  /** The font, embedded on first use. */
  use(font: EngineFont): EmbeddedFont {
    const known = this.byId.get(font.id)
    if (known) return known
    const name = this.pdfName(font.id)
    this.doc.addFileToVFS(font.file, this.binary(font.bytes))
    const api = (jsPDF as unknown as { API: TrueTypeApi }).API
    const cached = parsed.get(font.bytes)
    const open = api.TTFFont.open
    if (cached) api.TTFFont.open = () => cached
    try {
      this.doc.addFont(font.file, name, 'normal', 'normal', 'Identity-H')
    } finally {
      api.TTFFont.open = open
    }
    const previous = this.doc.getFont()
    this.doc.setFont(name, 'normal')
    const jsFont = this.internal.getFont()
    parsed.set(font.bytes, jsFont.metadata)
    this.markUsed()
    jsFont.encoding = OUR_ENCODING
    this.doc.setFont(previous.fontName, previous.fontStyle)
    const embedding: Embedding = { key: jsFont.id, font, toUnicode: new Map(), used: new Set([0]) }
    this.byId.set(font.id, embedding)
    this.byKey.set(jsFont.id, embedding)
    return embedding
  }

  /**
   * Records that a glyph is shown for `text`. Returns false when the glyph already stands for
   * other text (one glyph drawn for two different characters): the caller then tags the cluster
   * with /ActualText, since ToUnicode holds one text per glyph.
   */
  map(font: EmbeddedFont, glyph: number, text: string | null): boolean {
    const embedding = this.byId.get(font.font.id)!
    embedding.used.add(glyph)
    if (text === null || text === '') return true
    const known = embedding.toUnicode.get(glyph)
    if (known === undefined) {
      embedding.toUnicode.set(glyph, text)
      return true
    }
    return known === text
  }

  /** Adds a glyph to the subset without giving it a text (a glyph inside an /ActualText span). */
  show(font: EmbeddedFont, glyph: number): void {
    this.byId.get(font.font.id)!.used.add(glyph)
  }

  /**
   * jsPDF writes a font into the file only once text was drawn with it: an empty line marks it
   * used, and its (empty) output is taken back out of the page.
   */
  private markUsed(): void {
    const page = this.internal.pages[this.doc.getCurrentPageInfo().pageNumber]
    const before = page?.length ?? 0
    this.doc.text([''], 0, 0)
    if (page && page.length === before + 1 && /^BT[\s\S]*ET$/.test(page[before] ?? '')) page.pop()
  }

  private put({ font, out, newObject, putStream }: PutFontArgs): void {
    const embedding = this.byKey.get(font.id)
    if (!embedding || font.encoding !== OUR_ENCODING) return
    const meta = font.metadata
    const glyphs = [...embedding.used].sort((a, b) => a - b)
    const file = meta.subset.encode(glyphs, 1)
    let data = ''
    for (let i = 0; i < file.length; i += 0x8000) {
      data += String.fromCharCode.apply(null, file.slice(i, i + 0x8000))
    }
    const fontFile = newObject()
    putStream({ data, addLength1: true, objectId: fontFile })
    out('endobj')
    const cmap = newObject()
    putStream({ data: toUnicodeCMap(embedding.toUnicode), addLength1: false, objectId: cmap })
    out('endobj')
    const name = `/${font.fontName}`
    const descriptor = newObject()
    out('<<')
    out('/Type /FontDescriptor')
    out(`/FontName ${name}`)
    out(`/FontFile2 ${fontFile} 0 R`)
    out(`/FontBBox [${meta.bbox.join(' ')}]`)
    out(`/Flags ${meta.flags}`)
    out(`/StemV ${meta.stemV}`)
    out(`/ItalicAngle ${meta.italicAngle}`)
    out(`/Ascent ${meta.ascender}`)
    out(`/Descent ${meta.decender}`)
    out(`/CapHeight ${meta.capHeight}`)
    out('>>')
    out('endobj')
    const descendant = newObject()
    out('<<')
    out('/Type /Font')
    out('/Subtype /CIDFontType2')
    out(`/BaseFont ${name}`)
    out(`/FontDescriptor ${descriptor} 0 R`)
    out(`/W ${widthsArray(embedding.font, glyphs)}`)
    out('/CIDToGIDMap /Identity')
    out('/DW 1000')
    out('/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>')
    out('>>')
    out('endobj')
    font.objectNumber = newObject()
    out('<<')
    out('/Type /Font')
    out('/Subtype /Type0')
    out(`/BaseFont ${name}`)
    out('/Encoding /Identity-H')
    out(`/DescendantFonts [${descendant} 0 R]`)
    out(`/ToUnicode ${cmap} 0 R`)
    out('>>')
    out('endobj')
    font.isAlreadyPutted = true
  }
}

/** Widths in thousandths of an em, runs of consecutive glyph ids grouped: [first [w w w] …]. */
export function widthsArray(font: EngineFont, glyphs: readonly number[]): string {
  const scale = 1000 / font.metrics.unitsPerEm
  const parts: string[] = []
  let i = 0
  while (i < glyphs.length) {
    const first = glyphs[i]!
    const run: string[] = []
    while (i < glyphs.length && glyphs[i] === first + run.length) {
      run.push(formatNumber(font.metrics.advance(glyphs[i]!) * scale))
      i++
    }
    parts.push(`${first} [${run.join(' ')}]`)
  }
  return `[${parts.join(' ')}]`
}

const formatNumber = (n: number) => String(Math.round(n * 1000) / 1000)

const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase()

/** A ToUnicode CMap: glyph id → UTF-16BE text, at most 100 entries per bfchar block. */
export function toUnicodeCMap(map: ReadonlyMap<number, string>): string {
  const entries = [...map.entries()].sort((a, b) => a[0] - b[0])
  const lines = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange'
  ]
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100)
    lines.push(`${block.length} beginbfchar`)
    for (const [glyph, text] of block) {
      let units = ''
      for (let k = 0; k < text.length; k++) units += hex4(text.charCodeAt(k))
      lines.push(`<${hex4(glyph)}> <${units}>`)
    }
    lines.push('endbfchar')
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end')
  return lines.join('\n')
}
