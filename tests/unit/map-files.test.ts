/**
 * The .journeymap document and the maps embedded in pictures, in process: versions as content
 * hashes, lineage, stable bytes, and each picture format's container (PNG chunks with valid
 * CRCs, SVG still XML, the PDF attachment read back) with clear messages for damaged ones.
 */
import { DOMParser } from '@xmldom/xmldom'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { decode, encode } from 'fast-png'
import { describe, expect, it } from 'vitest'
import { loadPdfFontSet } from '../../src/library/bundled-fonts'
import { embedInPng, readFromPng } from '../../src/shared/export/embed/png'
import { planPng } from '../../src/shared/export/png-plan'
import { embedInSvg, readFromSvg } from '../../src/shared/export/embed/svg'
import { readImportFile } from '../../src/shared/export/import-file'
import { EXPORTERS, runExport, type ExportHost } from '../../src/shared/export/registry'
import { createFontSubsetter } from '../../src/shared/export/svg/subset'
import { serializeMapDocument } from '../../src/shared/format/document'
import { parseInterchange } from '../../src/shared/format/interchange'
import { MAX_SEEN_VERSIONS, lineageOf, mapVersion } from '../../src/shared/format/lineage'
import { Sha256, sha256, toHex } from '../../src/shared/format/sha256'
import type { JourneyMap } from '../../src/shared/model'
import { pdfPersonas, pdfShowcaseMap } from './pdf-fixtures'
import { richMap } from './fixtures'

/** The same data with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)])
  )
}

const V = (n: number) => n.toString(16).padStart(32, '0')

describe('map versions', () => {
  it('hash with SHA-256 as Node does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(toHex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'))
      })
    )
  })

  it('hash the same given in parts of any sizes (a big map is hashed as its text is written)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.array(fc.nat(130), { maxLength: 12 }), (bytes, cuts) => {
        const hash = new Sha256()
        let at = 0
        for (const cut of cuts) {
          hash.update(bytes.subarray(at, at + cut))
          at = Math.min(bytes.length, at + cut)
        }
        hash.update(bytes.subarray(at))
        expect(toHex(hash.digest())).toBe(createHash('sha256').update(bytes).digest('hex'))
      })
    )
  })

  it('are the SHA-256 of the content as JSON with sorted keys, as versions in files already are', () => {
    const sorted = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sorted)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.keys(value)
                .sort()
                .map((k) => [k, sorted((value as Record<string, unknown>)[k])])
            )
          : value
    const map = richMap()
    const { id, revision, updatedAt, ...content } = map
    void [id, revision, updatedAt]
    const rest = content as Record<string, unknown>
    for (const key of ['paths', 'kpiValues']) if ((rest[key] as unknown[] | undefined)?.length === 0) delete rest[key]
    const text = JSON.stringify(sorted(rest))
    expect(mapVersion(map)).toBe(createHash('sha256').update(text).digest('hex').slice(0, 32))
  })

  it('depend on the content only: not on key order, id, revision or last change', () => {
    const map = richMap()
    const reordered = reverseKeys(map) as JourneyMap
    expect(mapVersion({ ...map, id: 'other', revision: 40, updatedAt: '2030-01-01T00:00:00.000Z' })).toBe(
      mapVersion(map)
    )
    expect(mapVersion(reordered)).toBe(mapVersion(map))
    expect(mapVersion({ ...map, title: 'Changed' })).not.toBe(mapVersion(map))
    expect(mapVersion(map)).toMatch(/^[0-9a-f]{32}$/)
  })

  it('list the versions seen before, oldest first, once each, without the file’s own, at most 200', () => {
    const map = richMap()
    const own = mapVersion(map)
    expect(lineageOf(map, [V(1), V(2), V(1), own, V(3)])).toEqual({ version: own, seen: [V(2), V(1), V(3)] })
    const many = Array.from({ length: 250 }, (_, i) => V(i))
    const { seen } = lineageOf(map, many)
    expect(seen).toHaveLength(MAX_SEEN_VERSIONS)
    expect(seen.at(-1)).toBe(V(249))
    expect(seen[0]).toBe(V(50))
  })
})

describe('the .journeymap document', () => {
  const map = pdfShowcaseMap()
  const personas = pdfPersonas()
  const lineage = lineageOf(map, [V(7)])

  it('reads back as the same map, personas and lineage', () => {
    const text = serializeMapDocument(map, personas, lineage)
    expect(parseInterchange(text)).toStrictEqual({
      map,
      personas: personas.filter((p) => map.personaIds.includes(p.id)),
      lineage
    })
    expect(JSON.parse(text).exportedAt).toBe(map.updatedAt)
  })

  it('is the same bytes whatever order the records and keys are in memory (a clean git diff)', () => {
    const shuffled: JourneyMap = {
      ...map,
      notes: [...map.notes].reverse().map((n) => reverseKeys(n) as typeof n),
      stages: [...map.stages].reverse()
    }
    expect(serializeMapDocument(shuffled, [...personas].reverse(), lineage)).toBe(
      serializeMapDocument(map, personas, lineage)
    )
  })

  it('refuses a lineage that is not one', () => {
    const text = serializeMapDocument(map, personas, lineage).replace(lineage.version, 'not-a-version')
    expect(() => parseInterchange(text)).toThrow(/lineage\.version: a map version is 32 lowercase hex digits/)
  })
})

describe('maps embedded in pictures', () => {
  const require = createRequire(import.meta.url)
  const host: ExportHost = {
    fonts: loadPdfFontSet,
    subsetter: () =>
      createFontSubsetter(new Uint8Array(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')))),
    png: async () => ({
      bytes: encode({ width: 3, height: 2, data: new Uint8Array(24).fill(200), channels: 4 }),
      plan: planPng(3, 2, 1)
    }),
    date: '4 March 2026',
    seenVersions: async () => [V(1), V(2)]
  }
  const map = pdfShowcaseMap()
  const personas = pdfPersonas()

  it('come back from PDF, PNG and SVG exports as the map with its lineage', async () => {
    for (const format of ['pdf', 'png', 'svg'] as const) {
      const { bytes } = await runExport({ format, options: EXPORTERS[format].defaults } as never, map, personas, host)
      const file = readImportFile(bytes)
      expect(file.kind).toBe(format)
      const read = parseInterchange(file.text)
      expect(read.map, format).toStrictEqual(map)
      expect(read.lineage).toEqual({ version: mapVersion(map), seen: [V(1), V(2)] })
    }
  })

  it('leave a PNG a valid image: every chunk’s CRC right, the pixels unchanged', () => {
    const png = encode({ width: 2, height: 2, data: new Uint8Array(16).fill(90), channels: 4 })
    const text = serializeMapDocument(map, personas, lineageOf(map, []))
    const out = embedInPng(embedInPng(png, 'first'), text) // a second embedding replaces the first
    const view = new DataView(out.buffer, out.byteOffset)
    const types: string[] = []
    for (let at = 8; at < out.length;) {
      const length = view.getUint32(at)
      types.push(new TextDecoder().decode(out.subarray(at + 4, at + 8)))
      const expected = view.getUint32(at + 8 + length)
      expect(crc32(out.subarray(at + 4, at + 8 + length))).toBe(expected)
      at += 12 + length
    }
    expect(types).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND'])
    expect(decode(out).data).toEqual(decode(png).data)
    expect(readFromPng(out)).toBe(text)
    // zlib-compressed: far smaller than the text.
    expect(out.length - png.length).toBeLessThan(text.length / 3)
  })

  it('leave an SVG well-formed XML with the map in its metadata, found under any prefix', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    const out = embedInSvg(svg, 'Привет, карта')
    const errors: string[] = []
    const doc = new DOMParser({ onError: (_level, message) => void errors.push(message) }).parseFromString(
      out,
      'image/svg+xml'
    )
    expect(errors).toEqual([])
    expect(doc.getElementsByTagName('metadata')).toHaveLength(1)
    expect(readFromSvg(out)).toBe('Привет, карта')
    // An editor that moves the namespace to the root and renames the prefix.
    const moved = out
      .replace(
        '<svg xmlns="http://www.w3.org/2000/svg"',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:j="urn:journeyboard:map"'
      )
      .replace(/<jb:map xmlns:jb="urn:journeyboard:map"/, '<j:map')
      .replace('</jb:map>', '</j:map>')
    expect(readFromSvg(moved)).toBe('Привет, карта')
  })

  it('say clearly when a picture holds no map, or a damaged one', () => {
    const png = encode({ width: 1, height: 1, data: new Uint8Array(4), channels: 4 })
    expect(() => readImportFile(png)).toThrow(
      'This PNG image holds no Journeyboard map: it was exported with "Include the editable map" turned off, or not by Journeyboard.'
    )
    const damaged = embedInPng(png, 'x'.repeat(500))
    const at = 33 + 8 + 'journeyboard'.length + 5 + 2 // inside the compressed text
    damaged[at] = damaged[at]! ^ 0xff
    expect(() => readImportFile(damaged)).toThrow(
      /^The map in this PNG image cannot be read: its Journeyboard chunk is damaged/
    )
    const svg = new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    expect(() => readImportFile(svg)).toThrow(/This SVG picture holds no Journeyboard map/)
    const pdf = new TextEncoder().encode('%PDF-1.3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')
    expect(() => readImportFile(pdf)).toThrow(/This PDF holds no Journeyboard map/)
  })

  it('pass other files through as text, told apart by content', () => {
    const json = new TextEncoder().encode(serializeMapDocument(map, personas, lineageOf(map, [])))
    expect(readImportFile(json)).toMatchObject({ kind: 'json', embedded: false })
    expect(readImportFile(new TextEncoder().encode('journey\n  title x\n'))).toMatchObject({ kind: 'mermaid' })
    expect(readImportFile(new TextEncoder().encode('hello')).kind).toBeNull()
  })
})

/** CRC-32 as PNG defines it, written out here so the test does not trust the code under test. */
function crc32(bytes: Uint8Array): number {
  let c = ~0
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}
