/**
 * The part of a 2D canvas context the scene painters use. The browser's
 * CanvasRenderingContext2D and @napi-rs/canvas's context (the CLI) both have it, so one set of
 * painters draws the board, the PNG made in the app and the PNG made by the CLI.
 */
export interface Canvas2D {
  /** Written only (a colour string); typed loosely so every canvas implementation fits. */
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  lineJoin: string
  lineCap: string
  font: string
  textBaseline: string
  textAlign: string
  /** 'ltr' or 'rtl': a right-to-left run is drawn right to left from its x. */
  direction: string
  /** 'none': the text engine measured without kerning. */
  fontKerning: string
  textRendering: string
  save(): void
  restore(): void
  translate(x: number, y: number): void
  rotate(angle: number): void
  beginPath(): void
  closePath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void
  arc(x: number, y: number, r: number, start: number, end: number): void
  roundRect(x: number, y: number, w: number, h: number, radius: number): void
  rect(x: number, y: number, w: number, h: number): void
  fill(): void
  stroke(): void
  clip(): void
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  setLineDash(segments: number[]): void
}

/**
 * Decoded pictures of notes by their data: URL, for the painters; each surface supplies its own
 * (the board an <img> cache that redraws when one arrives, the CLI @napi-rs/canvas images). A
 * picture not decoded yet is drawn as a grey frame.
 */
export interface NoteImageSource {
  get(src: string): unknown
}

let imageSource: NoteImageSource = { get: () => undefined }

/** Sets where painters get decoded note pictures from. */
export function setNoteImageSource(source: NoteImageSource): void {
  imageSource = source
}

export const noteImage = (src: string): unknown => imageSource.get(src)
