/**
 * SVG path data (what d3-shape writes for curves, and the connectors' shafts) as absolute
 * move/line/cubic segments, which any vector surface can draw. Quadratic curves are raised to
 * cubics; arcs, which the scene never holds, become straight lines to their end point.
 */
import type { Point } from '../../layout'

export type PathSegment =
  | { readonly op: 'M'; readonly to: Point }
  | { readonly op: 'L'; readonly to: Point }
  | { readonly op: 'C'; readonly c1: Point; readonly c2: Point; readonly to: Point }
  | { readonly op: 'Z' }

const TOKEN = /([MmLlHhVvCcSsQqTtAaZz])|(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/g

/** Parses path data; throws on anything that is not path data. */
export function parseSvgPath(d: string): PathSegment[] {
  const tokens: (string | number)[] = []
  for (const match of d.matchAll(TOKEN)) tokens.push(match[1] ?? Number(match[2]))
  const out: PathSegment[] = []
  let i = 0
  let command = ''
  let current = { x: 0, y: 0 }
  let start = { x: 0, y: 0 }
  /** The last cubic's second control point / the last quadratic's control point, for S and T. */
  let lastCubic: Point | null = null
  let lastQuad: Point | null = null
  const num = (): number => {
    const value = tokens[i++]
    if (typeof value !== 'number') throw new Error(`Bad path data near token ${i}: ${d.slice(0, 80)}`)
    return value
  }
  const point = (relative: boolean): Point => {
    const x = num()
    const y = num()
    return relative ? { x: current.x + x, y: current.y + y } : { x, y }
  }
  while (i < tokens.length) {
    const token = tokens[i]
    if (typeof token === 'string') {
      command = token
      i++
    } else if (command === '') throw new Error(`Bad path data: a number where a command belongs: ${d.slice(0, 80)}`)
    const relative = command === command.toLowerCase()
    const upper = command.toUpperCase()
    let cubic: Point | null = null
    let quad: Point | null = null
    switch (upper) {
      case 'M': {
        current = point(relative)
        start = current
        out.push({ op: 'M', to: current })
        command = relative ? 'l' : 'L' // further pairs are lines
        break
      }
      case 'L':
        current = point(relative)
        out.push({ op: 'L', to: current })
        break
      case 'H': {
        const x = num()
        current = { x: relative ? current.x + x : x, y: current.y }
        out.push({ op: 'L', to: current })
        break
      }
      case 'V': {
        const y = num()
        current = { x: current.x, y: relative ? current.y + y : y }
        out.push({ op: 'L', to: current })
        break
      }
      case 'C': {
        const c1 = point(relative)
        const c2 = point(relative)
        const to = point(relative)
        out.push({ op: 'C', c1, c2, to })
        current = to
        cubic = c2
        break
      }
      case 'S': {
        const c1 = lastCubic ? { x: 2 * current.x - lastCubic.x, y: 2 * current.y - lastCubic.y } : current
        const c2 = point(relative)
        const to = point(relative)
        out.push({ op: 'C', c1, c2, to })
        current = to
        cubic = c2
        break
      }
      case 'Q':
      case 'T': {
        const control: Point =
          upper === 'Q'
            ? point(relative)
            : lastQuad
              ? { x: 2 * current.x - lastQuad.x, y: 2 * current.y - lastQuad.y }
              : current
        const to = point(relative)
        out.push({ op: 'C', c1: lerp(current, control, 2 / 3), c2: lerp(to, control, 2 / 3), to })
        current = to
        quad = control
        break
      }
      case 'A': {
        for (let k = 0; k < 5; k++) num()
        current = point(relative)
        out.push({ op: 'L', to: current })
        break
      }
      case 'Z':
        out.push({ op: 'Z' })
        current = start
        command = '' // numbers straight after Z are an error, not another Z
        break
      default:
        throw new Error(`Unknown path command ${command}.`)
    }
    lastCubic = cubic
    lastQuad = quad
  }
  return out
}

const lerp = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t })
