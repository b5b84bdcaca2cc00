/**
 * A picture file (pasted, dropped or picked) made into a note's picture: decoded, scaled down so
 * its longest side is at most 1024 px, re-encoded (JPEG, or PNG for a small PNG), and kept within
 * the size the library takes. Errors come back as a sentence for the user.
 */
import type { NoteImage } from '../../../shared/model'
import { LIMITS } from '../../../shared/schema/entities'
import { downscaledSize, pictureProblem } from '../editing/picture'
import { t } from '../i18n'
import { useAppStore } from '../store'
import { JourneyError } from '../../../shared/errors'

export async function encodePicture(file: Blob): Promise<NoteImage> {
  const problem = pictureProblem(file)
  if (problem?.code === 'notPicture') throw new JourneyError('invalid_request', t('picture.notPicture'))
  if (problem?.code === 'tooBig') throw new JourneyError('invalid_request', t('picture.tooBig'))
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file)
  } catch {
    throw new JourneyError('invalid_request', t('picture.unreadable'))
  }
  let side: number = LIMITS.imageSide
  for (let attempt = 0; attempt < 5; attempt++) {
    const size = downscaledSize(bitmap.width, bitmap.height, side)
    const canvas = document.createElement('canvas')
    canvas.width = size.width
    canvas.height = size.height
    const ctx = canvas.getContext('2d')
    if (!ctx) break
    ctx.fillStyle = '#ffffff' // a transparent picture on white, as on paper
    ctx.fillRect(0, 0, size.width, size.height)
    ctx.drawImage(bitmap, 0, 0, size.width, size.height)
    const png = file.type === 'image/png' && size.width * size.height <= 256 * 256
    const url = png ? canvas.toDataURL('image/png') : canvas.toDataURL('image/jpeg', 0.82)
    const [head, data = ''] = url.split(',', 2)
    if (data.length <= LIMITS.imageData) {
      bitmap.close()
      return { mime: head?.includes('png') ? 'image/png' : 'image/jpeg', data, width: size.width, height: size.height }
    }
    side = Math.round(side * 0.7)
  }
  bitmap.close()
  throw new JourneyError('invalid_request', t('picture.tooBig'))
}

/** Puts a picture file on a note (one undo step); says why when it cannot. */
export async function setPictureFromFile(noteId: string, file: Blob): Promise<boolean> {
  try {
    const image = await encodePicture(file)
    return useAppStore.getState().execute('setNoteImage', { noteId, image }) !== null
  } catch (error) {
    useAppStore.getState().showError(error)
    return false
  }
}

/** A picture on the system clipboard, if the browser lets the page read one. */
export async function clipboardPicture(): Promise<Blob | null> {
  try {
    const items = await navigator.clipboard.read()
    for (const item of items) {
      const type = item.types.find((t) => t.startsWith('image/'))
      if (type) return await item.getType(type)
    }
  } catch {
    // no permission, or nothing there
  }
  return null
}
