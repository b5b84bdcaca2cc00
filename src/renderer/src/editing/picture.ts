/**
 * Turning a pasted or dropped picture into a note's picture: which files are pictures, the size
 * it is scaled down to (longest side at most LIMITS.imageSide, never up), and the limits, as
 * codes a caller turns into a sentence. Pure; the decoding and re-encoding is the caller's
 * (a canvas in the browser).
 */
import { LIMITS } from '../../../shared/schema/entities'

/** The biggest file taken at all (before downscaling). */
export const MAX_PICTURE_FILE_BYTES = 20 * 1024 * 1024

export const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const

export type PictureProblem =
  { readonly code: 'notPicture'; readonly type: string } | { readonly code: 'tooBig'; readonly bytes: number }

/** Why a file cannot become a note's picture, or null when it can. */
export function pictureProblem(file: { readonly type: string; readonly size: number }): PictureProblem | null {
  if (!(PICTURE_TYPES as readonly string[]).includes(file.type)) return { code: 'notPicture', type: file.type || '?' }
  if (file.size > MAX_PICTURE_FILE_BYTES) return { code: 'tooBig', bytes: file.size }
  return null
}

/** The size a picture is stored at: the longest side at most `max`, the proportions kept, never enlarged. */
export function downscaledSize(
  width: number,
  height: number,
  max: number = LIMITS.imageSide
): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}
