/**
 * The bundled fonts in the page (./fonts.css declares them): loading them before the board's
 * first layout, so the first measure is the real one, and making sure the faces a text needs
 * (Thai, CJK, symbols load only when used) are there before anything is painted off screen.
 */
import { FONT_FAMILY } from '../../shared/layout'

/** Characters from every face of the 'Noto Sans' family, to load them all at once. */
const EVERY_FACE = 'Aa Жж ก่ 中文 ★→'

/**
 * Loads Latin, Greek and Cyrillic (regular and bold) and waits for them, at most `timeoutMs`;
 * starts loading the Thai, CJK and symbol faces without waiting (the board measures again when
 * they arrive, on the document's `loadingdone`).
 */
export async function loadBoardFonts(timeoutMs = 3000): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return
  void Promise.all([loadFontsFor(EVERY_FACE, 'normal'), loadFontsFor(EVERY_FACE, 'bold')]).catch(() => {})
  const basic = Promise.all([
    document.fonts.load(`13px ${FONT_FAMILY}`),
    document.fonts.load(`bold 13px ${FONT_FAMILY}`)
  ])
  await Promise.race([basic.catch(() => {}), new Promise((resolve) => setTimeout(resolve, timeoutMs))])
}

/** Loads the faces that `text` needs in one weight; resolves when they are ready (or failed). */
export async function loadFontsFor(text: string, weight: 'normal' | 'bold' = 'normal'): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return
  await document.fonts.load(`${weight === 'bold' ? 'bold ' : ''}13px ${FONT_FAMILY}`, text || 'A')
}
