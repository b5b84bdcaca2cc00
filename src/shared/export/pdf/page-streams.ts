/**
 * Page content held compressed while the rest of the document is drawn (issue 16: a poster of a
 * 50,000-note map is some 1,900 pages and 140 MB of content text).
 *
 * jsPDF keeps every page's content as text until the file is written, then compresses each page
 * with its FlateEncode filter, which builds its result one character at a time (a string of a
 * million parts for a megabyte) and holds all of them until the whole file is joined: together
 * over a gigabyte for that poster. Here:
 *
 * - when a page is added, every other page's text is compressed (zlib, as jsPDF would) and
 *   jsPDF's copy emptied, in place: jsPDF writes into that very array again when the page is
 *   selected later. What is written on a page after that (renderPdf draws each board page whole,
 *   footer included, so only the short extra pages' footers) is added when the file is written,
 *   by inflating the held part and compressing the whole again;
 * - the held stream is handed to jsPDF in place of compressing the page: jsPDF announces each
 *   page (`putPage`, the event its own plugins use) right before it compresses the page's
 *   content through `jsPDF.API.processDataByFilters`, the filter hook every stream goes through.
 *   That hook is replaced once, for every document: a stream handed over is returned as it is
 *   (after checking that jsPDF asks for the text expected), any other FlateEncode is done with
 *   fflate straight into a flat string (the same bytes as jsPDF's own), the rest goes to jsPDF.
 *
 * These are jsPDF internals (the `pages` array, the order of `putPage` and the page's stream,
 * the global filter hook); `tests/unit/pdf-page-streams.test.ts` compares documents written
 * this way with the ones jsPDF writes by itself and fails when they drift apart (after a jsPDF
 * upgrade, say). A page handed over but not asked for, or asked for with other text, fails the
 * export instead of losing the page.
 */
import { unzlibSync, zlibSync } from 'fflate'
import { jsPDF } from 'jspdf'
import { concatBytes, latin1 } from '../embed/bytes'

type FilterResult = { data: string; reverseChain: string }
type FilterHook = (this: unknown, data: string, filters?: string | readonly string[]) => FilterResult

interface DocInternals {
  readonly pages: (string[] | undefined)[]
  readonly events: { subscribe(topic: string, callback: (args: never) => void): string }
}

/** A zlib stream ready to be written, and the page text jsPDF must be about to compress for it. */
interface HandOver {
  readonly page: number
  readonly expected: string
  readonly stream: string
}

let handOver: HandOver | null = null
let installed = false

const isFlate = (filters: string | readonly string[] | undefined): boolean => {
  const list = typeof filters === 'string' ? [filters] : (filters ?? [])
  return list.length === 1 && (list[0] === 'FlateEncode' || list[0] === '/FlateEncode')
}

/** A binary string's bytes, as jsPDF reads them (the low byte of each character). */
function bytesOf(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  return bytes
}

function installFilterHook(): void {
  if (installed) return
  installed = true
  const api = jsPDF.API as unknown as { processDataByFilters: FilterHook }
  const jsPdfFilters = api.processDataByFilters
  api.processDataByFilters = function (data, filters) {
    const handed = handOver
    handOver = null
    if (handed) {
      if (!isFlate(filters) || data !== handed.expected) {
        throw new Error(`PDF: jsPDF did not write page ${handed.page} as expected (a jsPDF change?)`)
      }
      return { data: handed.stream, reverseChain: '/FlateDecode' }
    }
    // jsPDF's FlateEncode gives the same bytes, built a character at a time.
    if (isFlate(filters)) return { data: latin1(zlibSync(bytesOf(data))), reverseChain: '/FlateDecode' }
    return jsPdfFilters.call(this, data, filters)
  }
}

interface OutputInternals {
  setCustomOutputDestination(destination: { push(part: string): void }): void
  resetCustomOutputDestination(): void
}

/**
 * The file's parts as jsPDF writes them (joined by line breaks), straight into bytes: one buffer
 * of about the expected size (the held pages and some room for the rest), more as needed.
 */
class ByteSink {
  private readonly full: Uint8Array[] = []
  private chunk: Uint8Array
  private at = 0
  private first = true

  constructor(expected: number) {
    this.chunk = new Uint8Array(expected)
  }

  push(part: string): void {
    if (!this.first) this.byte(0x0a)
    this.first = false
    for (let i = 0; i < part.length; i++) this.byte(part.charCodeAt(i))
  }

  private byte(value: number): void {
    if (this.at === this.chunk.length) {
      this.full.push(this.chunk)
      this.chunk = new Uint8Array(MORE)
      this.at = 0
    }
    this.chunk[this.at++] = value
  }

  bytes(): Uint8Array {
    if (this.full.length === 0) return this.chunk.subarray(0, this.at)
    return concatBytes([...this.full, this.chunk.subarray(0, this.at)])
  }
}

/** Room in the file for what is not a held page: fonts, pictures, the embedded map, the rest. */
const MORE = 4 << 20

/**
 * Holds each finished page of `doc` compressed (see above). Made right after the document, before
 * anything is drawn; the document is then written with `output()`. Pages may be moved, not deleted.
 */
export class CompressedPages {
  /** Each held page's content so far, as a zlib stream, by the page's jsPDF context (kept when pages move). */
  private readonly held = new Map<object, Uint8Array>()
  private failure: Error | null = null

  constructor(private readonly doc: jsPDF) {
    installFilterHook()
    const events = this.internal.events
    // Any page but the new one may be finished (a flow may have drawn on an earlier page).
    events.subscribe('addPage', ({ pageNumber }: { pageNumber: number }) => {
      for (let n = 1; n < this.internal.pages.length; n++) if (n !== pageNumber) this.hold(n)
    })
    // jsPDF catches and logs what its event handlers throw: a failure is kept for output().
    events.subscribe('putPage', (args: { pageNumber: number; pageContext: object; page: string[] }) => {
      try {
        this.handOver(args.pageNumber, args.pageContext, args.page)
      } catch (error) {
        this.failure ??= error instanceof Error ? error : new Error(String(error))
      }
    })
  }

  private get internal(): DocInternals {
    return this.doc.internal as unknown as DocInternals
  }

  /** Compresses what page `n` holds as text and empties jsPDF's copy. */
  hold(n: number): void {
    const content = this.internal.pages[n]
    if (!content || content.length === 0) return
    const page = this.doc.getPageInfo(n).pageContext as object
    this.held.set(page, zlibSync(this.contentOf(page, content)))
    content.length = 0
  }

  /** The page's whole content: what is held, then what jsPDF has (parts joined by line breaks, as jsPDF does). */
  private contentOf(page: object, content: readonly string[]): Uint8Array {
    const text = bytesOf(content.join('\n'))
    const known = this.held.get(page)
    if (!known) return text
    // Written on after it was held (slower: inflated and compressed again).
    const before = unzlibSync(known)
    const whole = new Uint8Array(before.length + 1 + text.length)
    whole.set(before)
    whole[before.length] = 0x0a
    whole.set(text, before.length + 1)
    return whole
  }

  private handOver(n: number, page: object, content: readonly string[]): void {
    const known = this.held.get(page)
    if (!known) return
    if (handOver) throw new Error(`PDF: jsPDF did not write page ${handOver.page}`)
    const stream = content.length === 0 ? known : zlibSync(this.contentOf(page, content))
    this.held.delete(page)
    handOver = { page: n, expected: content.join('\n'), stream: latin1(stream) }
  }

  /** The document's bytes; throws when a page held here did not get into them as it should have. */
  output(): Uint8Array {
    // jsPDF joins the file's parts into one string and copies that into an ArrayBuffer (three
    // times the file at once); its custom output destination takes the parts one by one instead.
    const internals = (this.doc as unknown as { __private__: OutputInternals }).__private__
    let held = 0
    for (const stream of this.held.values()) held += stream.length
    const sink = new ByteSink(held + MORE)
    internals.setCustomOutputDestination(sink)
    try {
      this.doc.output()
    } finally {
      internals.resetCustomOutputDestination()
      // Never left for the next document, whatever happened.
      const pending = handOver
      handOver = null
      if (pending) this.failure ??= new Error(`PDF: jsPDF did not write page ${pending.page}`)
    }
    if (this.failure) throw this.failure
    if (this.held.size > 0) throw new Error(`PDF: ${this.held.size} pages were not written`)
    return sink.bytes()
  }
}
