/**
 * The system clipboard for notes, with an in-memory copy for when the page may not use it.
 *
 * A copy writes two flavours: the notes' plain text (what other applications paste) and the
 * JSON payload as a web custom format; where custom formats are refused, the JSON goes as plain
 * text. Reading prefers our format, then plain text. When the clipboard cannot be read (the
 * permission is denied, as in the desktop app) or is empty, the last copy made here is pasted.
 */

const NOTES_FORMAT = 'web application/x-journeyboard+json'

/** The parts of the async Clipboard API used here (declared, so this also compiles for Node tests). */
interface ClipboardItemLike {
  readonly types: readonly string[]
  getType(type: string): Promise<Blob>
}
interface ClipboardLike {
  write(items: unknown[]): Promise<void>
  writeText(text: string): Promise<void>
  read(): Promise<ClipboardItemLike[]>
  readText(): Promise<string>
}
interface ClipboardItemClass {
  new (items: Record<string, Blob>): unknown
  supports?(type: string): boolean
}
const web = globalThis as {
  navigator?: { clipboard?: ClipboardLike }
  ClipboardItem?: ClipboardItemClass
}

/** The last copy made in this window: pasted when the system clipboard cannot be read. */
let memory: string | null = null

const clipboard = (): ClipboardLike | undefined => web.navigator?.clipboard

/** Puts `json` (and `plain` for other applications) on the clipboard; never fails. */
export async function writeNotesClipboard(json: string, plain: string): Promise<void> {
  memory = json
  const board = clipboard()
  if (!board) return
  try {
    const Item = web.ClipboardItem
    if (!Item?.supports?.(NOTES_FORMAT)) throw new Error('no custom formats')
    await board.write([
      new Item({
        'text/plain': new Blob([plain], { type: 'text/plain' }),
        [NOTES_FORMAT]: new Blob([json], { type: NOTES_FORMAT })
      })
    ])
    return
  } catch {
    // Fall through to plain text.
  }
  try {
    await board.writeText(json)
  } catch {
    // Permission denied: the in-memory copy is what paste will use.
  }
}

/** What a paste gets: our payload, or plain text from elsewhere, or the last copy made here. */
export async function readNotesClipboard(): Promise<string | null> {
  const board = clipboard()
  if (board) {
    try {
      const items = await board.read()
      for (const item of items) {
        if (item.types.includes(NOTES_FORMAT)) return await (await item.getType(NOTES_FORMAT)).text()
      }
      for (const item of items) {
        if (item.types.includes('text/plain')) {
          const text = await (await item.getType('text/plain')).text()
          if (text.trim()) return text
        }
      }
    } catch {
      try {
        const text = await board.readText()
        if (text.trim()) return text
      } catch {
        // Not allowed to read: use the copy made here.
      }
    }
  }
  return memory
}

/** For tests: forgets the in-memory copy. */
export function forgetNotesClipboard(): void {
  memory = null
}
