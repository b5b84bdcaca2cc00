/**
 * Mark positioning from a font's GPOS table: where a combining mark goes over or under the
 * character before it. jsPDF does no text shaping: it puts every glyph at its advance, so a Thai
 * tone mark after an upper vowel (ที่, ชื่อ) lands on the vowel and vanishes into it, and marks
 * on tall consonants (ปู่, ฝั่ง) hide in the consonant's stem. The font knows better: its 'mark'
 * (mark-to-base) and 'mkmk' (mark-to-mark) lookups hold an anchor on every base and mark, and
 * lining the anchors up is all a shaper does for these scripts. This module reads those two
 * lookup types (also inside Extension lookups) with the lookup flags and mark filtering sets they
 * use, and nothing else: no kerning, no glyph substitution, no ligature marks.
 *
 * Pure: takes the font's bytes, returns offsets in font units.
 */
import { dataViewOf, readTableDirectory } from './sfnt'

/** How far a glyph is moved from where its advance put it, in font units (y up). */
export interface GlyphOffset {
  readonly dx: number
  readonly dy: number
}

export interface MarkPositioning {
  /**
   * Offsets for a run of glyphs (ids) with their advances (font units): null for a glyph that
   * stays where its advance puts it. The run should be one font's glyphs in logical order.
   */
  position(glyphs: readonly number[], advances: readonly number[]): (GlyphOffset | null)[]
  /** Whether the font has a mark or mark-to-mark anchor for this glyph. */
  isMark(glyph: number): boolean
}

type Coverage = ReadonlyMap<number, number>
interface Anchor {
  readonly x: number
  readonly y: number
}

/** One subtable of mark-to-base (type 4) or mark-to-mark (type 6) positioning. */
interface AttachmentTable {
  readonly marks: Coverage
  /** Class and anchor of each covered mark, by coverage index. */
  readonly markRecords: readonly { readonly markClass: number; readonly anchor: Anchor | null }[]
  readonly bases: Coverage
  /** Anchors per class of each covered base (or mark2), by coverage index. */
  readonly baseAnchors: readonly (readonly (Anchor | null)[])[]
}

interface AttachmentLookup {
  readonly kind: 'base' | 'mark'
  readonly flag: number
  /** Marks this lookup looks at, when the lookup uses a mark filtering set. */
  readonly filter: Coverage | null
  readonly tables: readonly AttachmentTable[]
}

const MARK_CLASS = 3
const IGNORE_MARKS = 0x0008
const USE_MARK_FILTERING_SET = 0x0010

/** The font's mark positioning, or null when it has no GPOS mark or mkmk lookups (or a damaged table). */
export function readMarkPositioning(font: ArrayBuffer | ArrayBufferView): MarkPositioning | null {
  const view = dataViewOf(font)
  const { tables } = readTableDirectory(font)
  const gpos = tables.get('GPOS')
  if (!gpos) return null
  try {
    const gdef = tables.get('GDEF')
    const { classes, markSets } = gdef ? readGdef(view, gdef.offset) : { classes: null, markSets: [] }
    const lookups = readAttachmentLookups(view, gpos.offset, markSets)
    if (lookups.length === 0) return null
    return createPositioning(lookups, classes)
  } catch {
    // A table that runs out of the font: draw without mark positioning rather than not at all.
    return null
  }
}

function createPositioning(lookups: readonly AttachmentLookup[], classes: ReadonlyMap<number, number> | null) {
  const anyMark = new Set<number>()
  for (const lookup of lookups) for (const table of lookup.tables) for (const g of table.marks.keys()) anyMark.add(g)
  const isMark = (glyph: number) => (classes ? classes.get(glyph) === MARK_CLASS : anyMark.has(glyph))

  /** The glyph before i that a lookup with this flag and filter does not skip, or -1. */
  const previous = (glyphs: readonly number[], i: number, lookup: AttachmentLookup): number => {
    for (let j = i - 1; j >= 0; j--) {
      const g = glyphs[j]!
      if (!isMark(g)) return j
      // Mark-to-base looks through every mark to its base.
      if (lookup.kind === 'base') continue
      if (lookup.flag & IGNORE_MARKS) continue
      if (lookup.filter && !lookup.filter.has(g)) continue
      return j
    }
    return -1
  }

  return {
    isMark: (glyph: number) => anyMark.has(glyph),
    position(glyphs: readonly number[], advances: readonly number[]) {
      const pen: number[] = []
      let x = 0
      for (let i = 0; i < glyphs.length; i++) {
        pen.push(x)
        x += advances[i] ?? 0
      }
      /** Where each glyph is attached and by how much it moves relative to that glyph's final place. */
      const attached: ({ to: number; dx: number; dy: number } | null)[] = glyphs.map(() => null)
      for (const lookup of lookups) {
        for (let i = 0; i < glyphs.length; i++) {
          const glyph = glyphs[i]!
          if (!anyMark.has(glyph)) continue
          if (lookup.filter && !lookup.filter.has(glyph)) continue
          const j = previous(glyphs, i, lookup)
          if (j < 0) continue
          const target = glyphs[j]!
          if (lookup.kind === 'mark' ? !isMark(target) : isMark(target)) continue
          for (const table of lookup.tables) {
            const markIndex = table.marks.get(glyph)
            const baseIndex = table.bases.get(target)
            if (markIndex === undefined || baseIndex === undefined) continue
            const mark = table.markRecords[markIndex]
            const baseAnchor = mark ? table.baseAnchors[baseIndex]?.[mark.markClass] : null
            if (!mark?.anchor || !baseAnchor) continue
            attached[i] = {
              to: j,
              dx: pen[j]! + baseAnchor.x - (pen[i]! + mark.anchor.x),
              dy: baseAnchor.y - mark.anchor.y
            }
            break
          }
        }
      }
      // Offsets add up along the chain (a tone mark on a vowel on a consonant); attachments point back.
      const out: (GlyphOffset | null)[] = []
      for (let i = 0; i < glyphs.length; i++) {
        const link = attached[i]
        if (!link) {
          out.push(null)
          continue
        }
        const base = out[link.to]
        const dx = link.dx + (base?.dx ?? 0)
        const dy = link.dy + (base?.dy ?? 0)
        out.push(dx === 0 && dy === 0 ? null : { dx, dy })
      }
      return out
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Table readers. Offsets follow the OpenType specification (GDEF 1.0–1.3, GPOS 1.0–1.1).

function readGdef(view: DataView, at: number): { classes: Map<number, number> | null; markSets: Coverage[] } {
  const u16 = (o: number) => view.getUint16(o)
  const minor = u16(at + 2)
  const classDef = u16(at + 4)
  const classes = classDef ? readClassDef(view, at + classDef) : null
  const markSets: Coverage[] = []
  if (minor >= 2) {
    const setsOffset = u16(at + 12)
    if (setsOffset) {
      const sets = at + setsOffset
      const count = u16(sets + 2)
      for (let i = 0; i < count; i++) markSets.push(readCoverage(view, sets + view.getUint32(sets + 4 + i * 4)))
    }
  }
  return { classes, markSets }
}

function readAttachmentLookups(view: DataView, at: number, markSets: readonly Coverage[]): AttachmentLookup[] {
  const u16 = (o: number) => view.getUint16(o)
  const tag = (o: number) =>
    String.fromCharCode(view.getUint8(o), view.getUint8(o + 1), view.getUint8(o + 2), view.getUint8(o + 3))
  const featureList = at + u16(at + 6)
  const lookupList = at + u16(at + 8)
  const wanted = new Set<number>()
  const featureCount = u16(featureList)
  for (let i = 0; i < featureCount; i++) {
    const record = featureList + 2 + i * 6
    const featureTag = tag(record)
    if (featureTag !== 'mark' && featureTag !== 'mkmk') continue
    const feature = featureList + u16(record + 4)
    const count = u16(feature + 2)
    for (let k = 0; k < count; k++) wanted.add(u16(feature + 4 + k * 2))
  }
  const lookups: AttachmentLookup[] = []
  // Lookups apply in the order of the lookup list, whichever feature names them.
  for (const index of [...wanted].sort((a, b) => a - b)) {
    if (index >= u16(lookupList)) continue
    const lookup = lookupList + u16(lookupList + 2 + index * 2)
    let type = u16(lookup)
    const flag = u16(lookup + 2)
    const subtableCount = u16(lookup + 4)
    const filter = flag & USE_MARK_FILTERING_SET ? (markSets[u16(lookup + 6 + subtableCount * 2)] ?? null) : null
    const parsed: AttachmentTable[] = []
    for (let s = 0; s < subtableCount; s++) {
      let subtable = lookup + u16(lookup + 6 + s * 2)
      if (type === 9) {
        type = u16(subtable + 2)
        subtable += view.getUint32(subtable + 4)
      }
      if ((type === 4 || type === 6) && u16(subtable) === 1) parsed.push(readAttachment(view, subtable))
    }
    if (parsed.length > 0 && (type === 4 || type === 6)) {
      lookups.push({ kind: type === 4 ? 'base' : 'mark', flag, filter, tables: parsed })
    }
  }
  return lookups
}

/** MarkBasePosFormat1 and MarkMarkPosFormat1 share one layout. */
function readAttachment(view: DataView, at: number): AttachmentTable {
  const u16 = (o: number) => view.getUint16(o)
  const marks = readCoverage(view, at + u16(at + 2))
  const bases = readCoverage(view, at + u16(at + 4))
  const classCount = u16(at + 6)
  const markArray = at + u16(at + 8)
  const baseArray = at + u16(at + 10)
  const markRecords = []
  const markCount = u16(markArray)
  for (let i = 0; i < markCount; i++) {
    const record = markArray + 2 + i * 4
    markRecords.push({ markClass: u16(record), anchor: readAnchor(view, markArray, u16(record + 2)) })
  }
  const baseAnchors: (Anchor | null)[][] = []
  const baseCount = u16(baseArray)
  for (let i = 0; i < baseCount; i++) {
    const anchors: (Anchor | null)[] = []
    for (let c = 0; c < classCount; c++) {
      anchors.push(readAnchor(view, baseArray, u16(baseArray + 2 + (i * classCount + c) * 2)))
    }
    baseAnchors.push(anchors)
  }
  return { marks, markRecords, bases, baseAnchors }
}

function readAnchor(view: DataView, from: number, offset: number): Anchor | null {
  if (offset === 0) return null
  return { x: view.getInt16(from + offset + 2), y: view.getInt16(from + offset + 4) }
}

/** Glyph id → coverage index. */
function readCoverage(view: DataView, at: number): Map<number, number> {
  const u16 = (o: number) => view.getUint16(o)
  const out = new Map<number, number>()
  const format = u16(at)
  const count = u16(at + 2)
  if (format === 1) {
    for (let i = 0; i < count; i++) out.set(u16(at + 4 + i * 2), i)
  } else if (format === 2) {
    for (let i = 0; i < count; i++) {
      const range = at + 4 + i * 6
      const start = u16(range)
      const end = u16(range + 2)
      const first = u16(range + 4)
      for (let g = start; g <= end; g++) out.set(g, first + g - start)
    }
  }
  return out
}

/** Glyph id → class (glyphs not listed are class 0). */
function readClassDef(view: DataView, at: number): Map<number, number> {
  const u16 = (o: number) => view.getUint16(o)
  const out = new Map<number, number>()
  const format = u16(at)
  if (format === 1) {
    const start = u16(at + 2)
    const count = u16(at + 4)
    for (let i = 0; i < count; i++) out.set(start + i, u16(at + 6 + i * 2))
  } else if (format === 2) {
    const count = u16(at + 2)
    for (let i = 0; i < count; i++) {
      const range = at + 4 + i * 6
      const cls = u16(range + 4)
      for (let g = u16(range); g <= u16(range + 2); g++) out.set(g, cls)
    }
  }
  return out
}
