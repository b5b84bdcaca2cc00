/**
 * The map inside an SVG: a `<metadata>` element, first in the picture, holding one element in
 * Journeyboard's namespace with the document compressed by zlib and written in Base64. Viewers
 * and editors keep or ignore metadata; Journeyboard's import reads it back.
 */
import { unzlibSync, zlibSync } from 'fflate'
import { fromBase64, fromUtf8, toBase64, utf8 } from './bytes'

export const SVG_MAP_NAMESPACE = 'urn:journeyboard:map'

/** The SVG with the map as metadata right after the opening <svg …> tag. */
export function embedInSvg(svg: string, text: string): string {
  const open = /<svg\b[^>]*>/.exec(svg)
  if (!open) throw new Error('not an SVG picture: there is no <svg> element')
  const at = open.index + open[0].length
  const payload = toBase64(zlibSync(utf8(text), { level: 9 }))
  // Lines of 76 characters, as MIME does: editors show the element without one endless line.
  const lines = payload.match(/.{1,76}/g) ?? []
  const element =
    `<metadata id="journeyboard-map"><jb:map xmlns:jb="${SVG_MAP_NAMESPACE}" encoding="zlib-base64">` +
    `\n${lines.join('\n')}\n</jb:map></metadata>`
  return svg.slice(0, at) + element + svg.slice(at)
}

export const looksLikeSvg = (text: string): boolean =>
  /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg\b/i.test(text)

/**
 * The document in the SVG's Journeyboard metadata; null when it has none. Throws an Error saying
 * what is wrong when it is there but cannot be read. Any namespace prefix is accepted (editors
 * rename them).
 */
export function readFromSvg(svg: string): string | null {
  const element = /<(?:([A-Za-z_][\w.-]*):)?map\b([^>]*)>([^<]*)<\/(?:[A-Za-z_][\w.-]*:)?map>/g
  for (let m = element.exec(svg); m; m = element.exec(svg)) {
    // The namespace is declared on the element itself, or (after an editor moved it) on the root.
    const declared = m[1] ? svg.includes(`xmlns:${m[1]}="${SVG_MAP_NAMESPACE}"`) : false
    if (!m[2]!.includes(SVG_MAP_NAMESPACE) && !declared) continue
    const bytes = fromBase64(m[3]!)
    if (!bytes) throw new Error('its Journeyboard metadata is damaged (not Base64)')
    let inflated: Uint8Array
    try {
      inflated = unzlibSync(bytes)
    } catch {
      throw new Error('its Journeyboard metadata is damaged (it does not decompress)')
    }
    const text = fromUtf8(inflated)
    if (text === null) throw new Error('its Journeyboard metadata is not UTF-8 text')
    return text
  }
  return null
}
