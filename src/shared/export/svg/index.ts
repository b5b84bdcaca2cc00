/**
 * renderSvg: the board as an SVG image for slides and web pages, drawn from the same scene as
 * the board, the PDF and the PNG (laid out with the PDF's font measure, so it wraps like the
 * PDF), in the board's order, without the cells' prompts.
 *
 * Text stays text: selectable, searchable, translatable and accessible, in the SVG's own
 * logical order. The bundled fonts are embedded as @font-face data, each cut down (hb-subset)
 * to the characters it draws here with the shaping rules they need, so any viewer that knows
 * CSS fonts (browsers, and slide tools that take SVG from a browser) shapes Thai, CJK or
 * Arabic as the app does. Each text element names the whole fallback stack; a character goes
 * to the first embedded font that has it, as in the PDF.
 */
import { FONT_STACKS, type BundledFont } from '../../fonts'
import {
  COLORS,
  layoutMap,
  type BadgeItem,
  type ConnectorItem,
  type CurveItem,
  type LabelItem,
  type LegendItem,
  type MarkerItem,
  type NoteItem,
  type Scene,
  type SeriesLabels,
  type TextBlock
} from '../../layout'
import { defaultGraphemeSegmenter } from '../../layout/text'
import type { JourneyMap, Persona } from '../../model'
import type { PdfFontSet } from '../pdf/fonts'
import type { FontSubsetter } from './subset'

export interface SvgOptions {
  /** 'transparent' leaves the board's paper (empty cell space) out. */
  readonly background: 'white' | 'transparent'
  readonly seriesLabels?: SeriesLabels
}

export interface SvgResult {
  readonly svg: string
  /** Characters none of the bundled fonts has (a viewer draws them with a font of its own). */
  readonly missingCharacters: readonly string[]
  /** The fonts embedded (subset), by file name. */
  readonly fonts: readonly string[]
}

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g
const RTL_FIRST_STRONG =
  /^[^\p{L}]*[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/u

const escapeText = (s: string) =>
  s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;')
const n = (v: number) => String(Math.round(v * 100) / 100)

/** fill="…" (and fill-opacity) for a CSS colour, rgba() split for SVG 1.1 readers. */
function paint(attr: 'fill' | 'stroke', color: string | null): string {
  if (color === null) return `${attr}="none"`
  const rgba = /^rgba\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*([\d.]+)\s*\)$/.exec(color)
  if (rgba) return `${attr}="rgb(${rgba[1]},${rgba[2]},${rgba[3]})" ${attr}-opacity="${Number(rgba[4])}"`
  return `${attr}="${escapeAttr(color)}"`
}

const family = (font: BundledFont) => `JB ${font.id}`

/** Which font of the stack a viewer draws each character with, and what none has. */
class FontUse {
  readonly codePoints = new Map<string, Set<number>>()
  readonly missing = new Set<string>()
  private readonly graphemes = defaultGraphemeSegmenter()

  constructor(private readonly fonts: PdfFontSet) {}

  add(text: string, weight: 'normal' | 'bold'): void {
    const stack = FONT_STACKS[weight].filter((f) => this.fonts.engine.fonts.has(f.id))
    for (const cluster of this.graphemes(text)) {
      const points = [...cluster].map((c) => c.codePointAt(0)!)
      const needed = points.filter((cp) => !IGNORABLE.test(String.fromCodePoint(cp)) && cp !== 0x20)
      if (needed.length === 0) {
        // A space is drawn by the first font; keep it there so advances match.
        if (points.includes(0x20) && stack[0]) this.use(stack[0], [0x20])
        continue
      }
      const font = stack.find((f) => needed.every((cp) => this.fonts.engine.fonts.get(f.id)!.cmap.has(cp)))
      if (font) this.use(font, points)
      else this.missing.add(cluster)
    }
  }

  private use(font: BundledFont, points: readonly number[]): void {
    let set = this.codePoints.get(font.id)
    if (!set) this.codePoints.set(font.id, (set = new Set()))
    for (const cp of points) set.add(cp)
  }
}

/** Every text block of the scene that the SVG draws. */
function* textBlocks(scene: Scene): Generator<TextBlock> {
  for (const cell of scene.cells) if (cell.collapsed && cell.label) yield cell.label
  for (const note of scene.notes) yield note.text
  for (const marker of scene.markers) {
    yield marker.digit
    if (marker.label) yield marker.label.text
  }
  for (const connector of scene.connectors) if (connector.label) yield connector.label.text
  for (const header of [...scene.laneHeaders, ...scene.stageHeaders]) yield* header.texts
  for (const entry of scene.legend) yield entry.text
  for (const badge of scene.badges) yield* badge.texts
}

function base64(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += alphabet[v >> 18]! + alphabet[(v >> 12) & 63]! + alphabet[(v >> 6) & 63]! + alphabet[v & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const v = bytes[i]! << 16
    out += `${alphabet[v >> 18]!}${alphabet[(v >> 12) & 63]!}==`
  } else if (rest === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += `${alphabet[v >> 18]!}${alphabet[(v >> 12) & 63]!}${alphabet[(v >> 6) & 63]!}=`
  }
  return out
}

/** The SVG of a map's board. */
export function renderSvg(
  map: JourneyMap,
  personas: readonly Persona[],
  options: SvgOptions,
  fonts: PdfFontSet,
  subset: FontSubsetter
): SvgResult {
  const scene = layoutMap(map, fonts.measure, {
    personas: personas.map(({ id, name, color }) => ({ id, name, color })),
    labels: options.seriesLabels
  })
  const use = new FontUse(fonts)
  for (const block of textBlocks(scene)) for (const line of block.lines) use.add(line.text, block.font.weight)

  const faces: string[] = []
  const embedded: string[] = []
  for (const font of Object.values(FONT_STACKS).flat()) {
    const points = use.codePoints.get(font.id)
    const file = fonts.engine.fonts.get(font.id)
    if (!points || !file || embedded.includes(font.file)) continue
    const bytes = subset(file.bytes, points)
    embedded.push(font.file)
    faces.push(
      `@font-face{font-family:'${family(font)}';src:url(data:font/ttf;base64,${base64(bytes)}) format('truetype')}`
    )
  }
  const stackCss = (weight: 'normal' | 'bold') =>
    FONT_STACKS[weight]
      .filter((f) => fonts.engine.fonts.has(f.id))
      .map((f) => `'${family(f)}'`)
      .join(',')

  const out = new SvgWriter(options.background === 'transparent')
  out.raw(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(scene.width)}" height="${n(scene.height)}" viewBox="0 0 ${n(scene.width)} ${n(scene.height)}" font-size="13">`
  )
  out.raw(`<title>${escapeText(map.title)}</title>`)
  out.raw(
    `<style>${faces.join('')}text{white-space:pre;font-synthesis:none}.n{font-family:${stackCss('normal')},sans-serif}.b{font-family:${stackCss('bold')},sans-serif}</style>`
  )
  out.scene(scene)
  out.raw('</svg>')
  return { svg: out.text(), missingCharacters: [...use.missing], fonts: embedded }
}

class SvgWriter {
  private readonly parts: string[] = []
  private clipCount = 0

  constructor(private readonly transparent: boolean) {}

  raw(s: string): void {
    this.parts.push(s)
  }

  text(): string {
    return `${this.parts.join('\n')}\n`
  }

  scene(scene: Scene): void {
    if (!this.transparent) this.raw(`<rect width="${n(scene.width)}" height="${n(scene.height)}" fill="#ffffff"/>`)
    this.raw('<g id="cells">')
    for (const cell of scene.cells) {
      const fill = this.transparent && !cell.collapsed ? null : cell.fill
      this.rect(cell, fill, null)
      if (cell.stroke) this.rect({ x: cell.x + 0.5, y: cell.y + 0.5, w: cell.w - 1, h: cell.h - 1 }, null, cell.stroke)
      if (cell.collapsed && cell.label) this.textBlock(cell.label)
    }
    for (const guide of scene.guides) {
      const dash = guide.dash.length ? ` stroke-dasharray="${guide.dash.join(' ')}"` : ''
      this.raw(
        `<line x1="${n(guide.x1)}" y1="${n(guide.y1)}" x2="${n(guide.x2)}" y2="${n(guide.y2)}" ${paint('stroke', guide.stroke)} stroke-width="${n(guide.width)}"${dash}/>`
      )
    }
    this.raw('</g><g id="notes">')
    for (const note of scene.notes) this.note(note)
    this.raw('</g><g id="connectors">')
    for (const connector of scene.connectors) this.connector(connector)
    this.raw('</g><g id="curves">')
    for (const curve of scene.curves) this.curve(curve)
    this.raw('</g><g id="markers">')
    for (const marker of scene.markers) this.marker(marker)
    this.raw('</g><g id="labels">')
    for (const connector of scene.connectors) if (connector.label) this.label(connector.label)
    for (const marker of scene.markers) if (marker.label) this.label(marker.label)
    this.raw('</g><g id="headers">')
    for (const header of scene.laneHeaders) {
      this.rect(header, header.fill, null)
      this.rect({ x: header.x + 0.5, y: header.y + 0.5, w: header.w - 1, h: header.h - 1 }, null, header.stroke)
      for (const block of header.texts) this.textBlock(block)
    }
    for (const entry of scene.legend) this.legend(entry)
    for (const header of scene.stageHeaders) {
      this.rect(header, header.fill, null)
      this.rect({ x: header.x + 0.5, y: header.y + 0.5, w: header.w - 1, h: header.h - 1 }, null, header.stroke)
      for (const block of header.texts) this.textBlock(block)
    }
    this.rect(scene.corner, scene.corner.fill, null)
    this.rect({ x: 0.5, y: 0.5, w: scene.corner.w - 1, h: scene.corner.h - 1 }, null, scene.corner.stroke)
    this.raw('</g><g id="badges">')
    for (const badge of scene.badges) this.badge(badge)
    this.raw('</g>')
  }

  private rect(
    r: { x: number; y: number; w: number; h: number },
    fill: string | null,
    stroke: string | null,
    radius = 0
  ): void {
    if (fill === null && stroke === null) return
    const rx = radius > 0 ? ` rx="${n(radius)}"` : ''
    this.raw(
      `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(Math.max(0, r.w))}" height="${n(Math.max(0, r.h))}"${rx} ${paint('fill', fill)}${stroke ? ` ${paint('stroke', stroke)}` : ''}/>`
    )
  }

  private textBlock(block: TextBlock): void {
    if (block.lines.length === 0) return
    const cls = block.font.weight === 'bold' ? 'b' : 'n'
    const style = block.font.style === 'italic' ? ' font-style="italic"' : ''
    const attrs = `class="${cls}" font-size="${n(block.font.size)}"${style} ${paint('fill', block.color)}`
    const lines = block.lines.filter((line) => line.text !== '')
    if (block.rotation) {
      this.raw(`<g transform="translate(${n(block.x)} ${n(block.y)}) rotate(${n(block.rotation)})">`)
      for (const line of lines) this.line(line.text, line.x, line.baseline, line.width, attrs)
      this.raw('</g>')
      return
    }
    for (const line of lines) this.line(line.text, block.x + line.x, block.y + line.baseline, line.width, attrs)
  }

  /** A line of text; a right-to-left line is anchored at its right end. */
  private line(text: string, x: number, baseline: number, width: number, attrs: string): void {
    const rtl = RTL_FIRST_STRONG.test(text)
    const at = rtl ? `x="${n(x + width)}" direction="rtl"` : `x="${n(x)}"`
    this.raw(`<text ${at} y="${n(baseline)}" ${attrs}>${escapeText(text)}</text>`)
  }

  private note(note: NoteItem): void {
    this.rect({ x: note.x, y: note.y + 1.5, w: note.w, h: note.h }, 'rgba(31, 36, 48, 0.10)', null, note.cornerRadius)
    this.rect(note, note.fill, null, note.cornerRadius)
    if (note.stroke) {
      this.rect(
        { x: note.x + 0.5, y: note.y + 0.5, w: note.w - 1, h: note.h - 1 },
        null,
        note.stroke,
        note.cornerRadius
      )
    }
    this.textBlock(note.text)
  }

  private connector(connector: ConnectorItem): void {
    this.raw(
      `<path d="${escapeAttr(connector.path)}" fill="none" ${paint('stroke', connector.stroke)} stroke-width="${n(connector.width)}" stroke-linejoin="round" stroke-linecap="round"/>`
    )
    const head = connector.head.map((p) => `${n(p.x)},${n(p.y)}`).join(' ')
    this.raw(`<polygon points="${head}" ${paint('fill', connector.stroke)}/>`)
  }

  private curve(curve: CurveItem): void {
    if (curve.path) {
      const dash = curve.dash.length ? ` stroke-dasharray="${curve.dash.join(' ')}"` : ''
      this.raw(
        `<path d="${escapeAttr(curve.path)}" fill="none" ${paint('stroke', curve.stroke)} stroke-width="${n(curve.width)}" stroke-linejoin="round" stroke-linecap="round"${dash}/>`
      )
    }
    const toBe = curve.variant === 'toBe'
    for (const p of curve.points) {
      this.raw(
        `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="${n(curve.pointRadius)}" ${paint('fill', toBe ? '#ffffff' : curve.stroke)} ${paint('stroke', toBe ? curve.stroke : '#ffffff')} stroke-width="1.5"/>`
      )
    }
  }

  private marker(marker: MarkerItem): void {
    this.raw(
      `<circle cx="${n(marker.x)}" cy="${n(marker.y)}" r="${n(marker.r)}" ${paint('fill', marker.fill)} ${paint('stroke', marker.stroke)} stroke-width="2"/>`
    )
    this.textBlock(marker.digit)
  }

  private label(label: LabelItem): void {
    if (label.leader) {
      const [a, b] = label.leader
      this.raw(
        `<line x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}" ${paint('stroke', COLORS.connector)} stroke-width="0.75" stroke-dasharray="2 2"/>`
      )
    }
    this.rect(label, label.fill, label.stroke)
    this.textBlock(label.text)
  }

  private legend(entry: LegendItem): void {
    const y = entry.swatch.y + entry.swatch.h / 2
    const dash = entry.dash.length ? ` stroke-dasharray="${entry.dash.map((d) => n(d * 0.6)).join(' ')}"` : ''
    this.raw(
      `<line x1="${n(entry.swatch.x)}" y1="${n(y)}" x2="${n(entry.swatch.x + entry.swatch.w)}" y2="${n(y)}" ${paint('stroke', entry.stroke)} stroke-width="${n(entry.swatch.h)}"${dash}/>`
    )
    this.textBlock(entry.text)
  }

  private badge(badge: BadgeItem): void {
    this.rect(badge, badge.fill, null, badge.cornerRadius)
    if (badge.accent) {
      const id = `badge-clip-${++this.clipCount}`
      this.raw(
        `<clipPath id="${id}"><rect x="${n(badge.x)}" y="${n(badge.y)}" width="${n(badge.w)}" height="${n(badge.h)}" rx="${n(badge.cornerRadius)}"/></clipPath>`
      )
      this.raw(
        `<rect x="${n(badge.accent.x)}" y="${n(badge.accent.y)}" width="${n(badge.accent.w)}" height="${n(badge.accent.h)}" ${paint('fill', badge.accent.fill)} clip-path="url(#${id})"/>`
      )
    }
    if (badge.stroke) {
      this.rect(
        { x: badge.x + 0.5, y: badge.y + 0.5, w: badge.w - 1, h: badge.h - 1 },
        null,
        badge.stroke,
        badge.cornerRadius
      )
    }
    if (badge.spark && badge.spark.points.length > 1) {
      const d = badge.spark.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)} ${n(p.y)}`).join(' ')
      this.raw(
        `<path d="${d}" fill="none" ${paint('stroke', badge.spark.stroke)} stroke-width="1.5" stroke-linejoin="round"/>`
      )
    }
    for (const block of badge.texts) this.textBlock(block)
  }
}
