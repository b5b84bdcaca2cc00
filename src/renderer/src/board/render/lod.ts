/**
 * Levels of detail by zoom. At full detail notes have their text; below LOD_ZOOM a line of text is
 * a few pixels tall and unreadable, so it is drawn as a grey bar; below BLOCK_ZOOM even the bars
 * are thinner than a pixel and a note is a coloured block.
 */
export const LOD_ZOOM = 0.4
export const BLOCK_ZOOM = 0.15

export type Detail = 'full' | 'bars' | 'blocks'

export const detailAt = (zoom: number): Detail => (zoom >= LOD_ZOOM ? 'full' : zoom >= BLOCK_ZOOM ? 'bars' : 'blocks')
