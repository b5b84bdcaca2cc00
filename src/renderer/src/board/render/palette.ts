/**
 * The board's colours in the dark and high-contrast themes. The scene carries the paper's colours
 * (the PDF and PNG exports draw them as they are); on screen, in another theme, the board's
 * contexts are wrapped so every colour the painters set is translated when it is used: a fill, a
 * line or a text colour each by its own rule (the same white is a cell's fill and the text on a
 * dark note). Light (paper) draws through the context as it is, at no cost.
 *
 * - dark: the page's dark surfaces for cells and headers, light text, light notes turned into
 *   deep tones of their own hue (so a team's colour code still reads), light lines dimmed.
 * - contrast: black text and lines, white cells, notes keeping their colours at full strength.
 */
import { COLORS } from '../../../../shared/layout'
import type { Canvas2D } from '../../../../shared/export/canvas/context'

export type BoardPalette = 'paper' | 'dark' | 'contrast'

type Role = 'fill' | 'stroke' | 'text'

interface Rgba {
  readonly r: number
  readonly g: number
  readonly b: number
  readonly a: number
}

function parse(colour: string): Rgba | null {
  const c = colour.trim()
  if (c.startsWith('#')) {
    let hex = c.slice(1)
    if (hex.length === 3 || hex.length === 4) hex = [...hex].map((d) => d + d).join('')
    if (hex.length !== 6 && hex.length !== 8) return null
    const n = (i: number) => Number.parseInt(hex.slice(i, i + 2), 16)
    return { r: n(0), g: n(2), b: n(4), a: hex.length === 8 ? n(6) / 255 : 1 }
  }
  const m = /^rgba?\(([^)]+)\)$/.exec(c)
  if (!m) return null
  const parts = m[1]!
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number)
  if (parts.length < 3 || parts.some((p) => Number.isNaN(p))) return null
  return { r: parts[0]!, g: parts[1]!, b: parts[2]!, a: parts[3] ?? 1 }
}

const format = ({ r, g, b, a }: Rgba): string =>
  a >= 1
    ? `#${[r, g, b]
        .map((v) =>
          Math.round(Math.min(255, Math.max(0, v)))
            .toString(16)
            .padStart(2, '0')
        )
        .join('')}`
    : `rgba(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)}, ${a})`

/** Relative lightness, 0 (black) to 1 (white). */
const lightness = ({ r, g, b }: Rgba): number => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255

function hsl({ r, g, b }: Rgba): [number, number, number] {
  const [R, G, B] = [r / 255, g / 255, b / 255]
  const max = Math.max(R, G, B)
  const min = Math.min(R, G, B)
  const l = (max + min) / 2
  if (max === min) return [0, 0, l]
  const d = max - min
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min)
  const h = max === R ? (G - B) / d + (G < B ? 6 : 0) : max === G ? (B - R) / d + 2 : (R - G) / d + 4
  return [h / 6, s, l]
}

function fromHsl(h: number, s: number, l: number, a: number): Rgba {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s
  const p = 2 * l - q
  const channel = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t
    if (u < 1 / 6) return p + (q - p) * 6 * u
    if (u < 1 / 2) return q
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6
    return p
  }
  return { r: channel(h + 1 / 3) * 255, g: channel(h) * 255, b: channel(h - 1 / 3) * 255, a }
}

/** The board's own colours, named, in each theme (what the rules below would not get right). */
const NAMED: Record<Exclude<BoardPalette, 'paper'>, Partial<Record<Role, Record<string, string>>>> = {
  dark: {
    fill: {
      [COLORS.cell]: '#1b1f26',
      [COLORS.cellCollapsed]: '#242932',
      [COLORS.header]: '#262b35',
      [COLORS.headerCollapsed]: '#2d333e',
      [COLORS.boardBackground]: '#14171d',
      [COLORS.labelBox]: 'rgba(27, 31, 38, 0.92)'
    },
    stroke: {
      [COLORS.line]: '#3a4150',
      [COLORS.guide]: '#2e3440',
      [COLORS.guideZero]: '#566072',
      [COLORS.connector]: '#c3c9d4',
      [COLORS.noteStroke]: 'rgba(255, 255, 255, 0.16)'
    },
    text: { [COLORS.ink]: '#e9ecf1', [COLORS.muted]: '#aab1bd', [COLORS.placeholder]: '#7f8795' }
  },
  contrast: {
    fill: { [COLORS.header]: '#e9ecef', [COLORS.headerCollapsed]: '#dee2e6', [COLORS.cellCollapsed]: '#e9ecef' },
    stroke: {
      [COLORS.line]: '#000000',
      [COLORS.guide]: '#868e96',
      [COLORS.guideZero]: '#000000',
      [COLORS.connector]: '#000000',
      [COLORS.noteStroke]: '#000000'
    },
    text: { [COLORS.ink]: '#000000', [COLORS.muted]: '#000000', [COLORS.placeholder]: '#343a40' }
  }
}

function translate(palette: Exclude<BoardPalette, 'paper'>, role: Role, colour: string): string {
  const named = NAMED[palette][role]?.[colour]
  if (named) return named
  const c = parse(colour)
  if (!c) return colour
  const l = lightness(c)
  if (palette === 'dark') {
    if (role === 'fill') {
      // Light fills (notes, chips, the bars standing for text) become deep tones of their hue.
      if (l < 0.55) return colour
      const [h, s, hl] = hsl(c)
      if (c.a < 0.5) return format({ r: 255, g: 255, b: 255, a: c.a * 1.6 })
      return format(fromHsl(h, s * 0.55, 0.2 + (1 - hl) * 0.45, c.a))
    }
    if (role === 'text') {
      if (l > 0.6) return colour
      const [h, s, hl] = hsl(c)
      return format(fromHsl(h, s * 0.7, Math.max(0.78, 1 - hl), c.a))
    }
    // Lines: light greys dimmed, dark ones lightened; coloured series keep their colour.
    const [, s] = hsl(c)
    if (s > 0.3) return colour
    return format(l > 0.5 ? { r: 72, g: 80, b: 96, a: c.a } : { r: 200, g: 206, b: 216, a: c.a })
  }
  // High contrast: text and grey lines to black; fills at full strength.
  if (role === 'text') return l > 0.6 ? '#ffffff' : '#000000'
  if (role === 'stroke') {
    const [, s] = hsl(c)
    return s > 0.3 ? colour : '#000000'
  }
  if (c.a < 1 && l < 0.5) return format({ ...c, a: Math.min(1, c.a * 2.5) })
  return colour
}

/** One palette's translations, remembered (a tile sets the same few colours thousands of times). */
function translator(palette: Exclude<BoardPalette, 'paper'>): (role: Role, colour: string) => string {
  const cache = new Map<string, string>()
  return (role, colour) => {
    const key = `${role}:${colour}`
    let out = cache.get(key)
    if (out === undefined) {
      out = translate(palette, role, colour)
      if (cache.size < 4096) cache.set(key, out)
    }
    return out
  }
}

const translators = { dark: translator('dark'), contrast: translator('contrast') }

/** A colour as the board shows it in a palette (for the board's own drawing outside the painters). */
export function boardColour(palette: BoardPalette, role: Role, colour: string): string {
  return palette === 'paper' ? colour : translators[palette](role, colour)
}

const FILLS = new Set(['fill', 'fillRect'])
const STROKES = new Set(['stroke', 'strokeRect'])

/**
 * `ctx` drawing in `palette`: fillStyle and strokeStyle are kept as the painters set them and
 * translated when a fill, a line or a text is drawn. The context itself in paper.
 */
export function themedContext<T extends Canvas2D>(ctx: T, palette: BoardPalette): T {
  if (palette === 'paper') return ctx
  const tr = translators[palette]
  let fill: unknown = ctx.fillStyle
  let stroke: unknown = ctx.strokeStyle
  const setFill = (role: Role) => {
    ctx.fillStyle = typeof fill === 'string' ? tr(role, fill) : fill
  }
  return new Proxy(ctx, {
    set(target, property, value) {
      if (property === 'fillStyle') fill = value
      else if (property === 'strokeStyle') stroke = value
      else Reflect.set(target, property, value)
      return true
    },
    get(target, property) {
      if (property === 'fillStyle') return fill
      if (property === 'strokeStyle') return stroke
      const value = Reflect.get(target, property) as unknown
      if (typeof value !== 'function') return value
      const name = property as string
      if (name === 'fillText')
        return (...args: unknown[]) => (setFill('text'), (value as (...a: unknown[]) => unknown).apply(target, args))
      if (FILLS.has(name))
        return (...args: unknown[]) => (setFill('fill'), (value as (...a: unknown[]) => unknown).apply(target, args))
      if (STROKES.has(name))
        return (...args: unknown[]) => {
          target.strokeStyle = typeof stroke === 'string' ? tr('stroke', stroke) : stroke
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      return (value as (...a: unknown[]) => unknown).bind(target)
    }
  })
}

let current: BoardPalette = 'paper'
const listeners = new Set<() => void>()

/** The palette the board draws in now. */
export const boardPalette = (): BoardPalette => current

/** Switches the board's palette (the theme changed); boards repaint. */
export function setBoardPalette(palette: BoardPalette): void {
  if (palette === current) return
  current = palette
  for (const listener of [...listeners]) listener()
}

export function onBoardPalette(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** A Konva scene function's context in the board's palette. */
export const themed = <T extends Canvas2D>(ctx: T): T => themedContext(ctx, current)
