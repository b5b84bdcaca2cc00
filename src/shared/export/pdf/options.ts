/** What a PDF export can be asked for, and the words it prints (English unless the caller translates). */
import { IntlMessageFormat } from 'intl-messageformat'
import type { PdfAttachment } from './attachment'
import { CATEGORY_TEXT, describeFinding, type Finding, type FindingCategory } from '../../analysis'
import type { SeriesLabels } from '../../layout'
import type { Category, Channel, NoteKind } from '../../model'

export const PAPER_SIZES = ['a4', 'a3', 'letter', 'fit'] as const
/** A4, A3, US Letter, or one page the size of the map ("fit to content"). */
export type PaperSize = (typeof PAPER_SIZES)[number]

export const ORIENTATIONS = ['landscape', 'portrait'] as const
export type Orientation = (typeof ORIENTATIONS)[number]
/**
 * A page orientation, or 'auto': for a page the map's size, the map's own shape (and A4
 * portrait for the pages after the board).
 */
export type PageOrientation = Orientation | 'auto'

export const PDF_FITS = ['scale', 'tile'] as const
/** The whole board scaled onto one page, or printed at full size across pages (a poster). */
export type PdfFit = (typeof PDF_FITS)[number]

export interface PdfLabels {
  /** The BCP 47 tag the labels are written for: their plural forms follow it. */
  readonly locale: string
  /** The document's subject (its properties). */
  readonly subject: string
  /** Header line before the personas' names. */
  readonly personas: string
  /** Footer: "Page {page} of {pages}". */
  readonly page: string
  /** Under a board scaled too far down for its note text: {scale} is the print scale, e.g. "0.5 %". */
  readonly tooSmall: string
  /** Footer of a poster page: "Poster row {row} of {rows}, column {column} of {columns}". */
  readonly tile: string
  /** Poster pages: where the next page overlaps. */
  readonly overlap: string
  /** Title of the notes table pages. */
  readonly notesTable: string
  readonly lane: string
  readonly note: string
  readonly details: string
  readonly kpis: string
  readonly noNotes: string
  /** "{count} votes". */
  readonly votes: string
  readonly severity: string
  readonly impact: string
  readonly effort: string
  /** "target {value}". */
  readonly target: string
  readonly notMeasured: string
  /** A comment under a note: "{author}, {date}: {text}". */
  readonly comment: string
  /** After a resolved comment. */
  readonly resolved: string
  /** Title of the analysis pages. */
  readonly analysis: string
  /** Section titles of the analysis page: "Gaps", …, "Opportunities ranked". */
  readonly findingCategories: Readonly<Record<FindingCategory, string>>
  /** Under a category with no findings. */
  readonly noFindings: string
  /** Column titles of the opportunity ranking. */
  readonly ranking: {
    readonly rank: string
    readonly opportunity: string
    readonly stage: string
    readonly impact: string
    readonly effort: string
    readonly score: string
  }
  /** In the ranking for an unset impact, effort, score or rank. */
  readonly unset: string
  /** A finding as a sentence (the analysis' English sentences unless the caller translates). */
  readonly finding: (finding: Finding) => string
  /** Persona page field names. */
  readonly fields: {
    readonly role: string
    readonly quote: string
    readonly age: string
    readonly location: string
    readonly education: string
    readonly income: string
    readonly companySize: string
    readonly industry: string
    readonly revenue: string
    readonly behaviour: string
    readonly goals: string
    readonly painPoints: string
    readonly channels: string
    readonly segmentNotes: string
  }
  /** Names of channels, note kinds and categories as the app shows them. */
  readonly channels: Readonly<Record<Channel, string>>
  readonly kinds: Readonly<Record<NoteKind, string>>
  readonly categories: Readonly<Record<Category, string>>
}

export interface PdfOptions {
  readonly paper: PaperSize
  /**
   * Of every page. With paper 'fit' the board's page is the map's size, turned (the PDF's
   * /Rotate) when the map's shape is the other orientation; the pages after it are A4.
   */
  readonly orientation: PageOrientation
  readonly fit: PdfFit
  /** Map title, personas and date at the top of every board page. */
  readonly header: boolean
  /** A page (or more) describing each persona of the map. */
  readonly personaPages: boolean
  /** A table of the notes (and KPIs) of each stage after the board. */
  readonly notesTable: boolean
  /** A page (or more) with the map's analysis: findings by category and the opportunity ranking. */
  readonly analysisPage?: boolean
  /** The date printed in the header, formatted by the caller: the exporter reads no clock. */
  readonly date: string
  /** Written as the PDF's creation date when given (otherwise jsPDF's clock). */
  readonly createdAt?: Date
  readonly labels?: Partial<PdfLabels>
  /** Legend wording of the emotion curves, as on the board. */
  readonly seriesLabels?: SeriesLabels
  /** A file attached to the PDF: the map's document, so the PDF opens again as an editable map. */
  readonly attachment?: PdfAttachment
}

export const DEFAULT_PDF_OPTIONS: Omit<PdfOptions, 'date'> = {
  paper: 'a4',
  orientation: 'auto',
  fit: 'scale',
  header: true,
  personaPages: false,
  notesTable: false
}

export const DEFAULT_PDF_LABELS: PdfLabels = {
  locale: 'en',
  subject: 'Customer journey map',
  personas: 'Personas',
  page: 'Page {page} of {pages}',
  tooSmall:
    'At {scale} note text would be too small to read even magnified, so notes are shown as shapes. Export as a poster for every note at full size.',
  tile: 'Poster: row {row} of {rows}, column {column} of {columns}',
  overlap: 'overlaps the next page',
  notesTable: 'Notes by stage',
  lane: 'Lane',
  note: 'Note',
  details: 'Details',
  kpis: 'KPIs',
  noNotes: 'No notes in this stage.',
  votes: '{count} votes',
  severity: 'severity {value}',
  impact: 'impact {value}',
  effort: 'effort {value}',
  target: 'target {value}',
  notMeasured: 'not measured',
  comment: '{author}, {date}: {text}',
  resolved: '(resolved)',
  analysis: 'Analysis',
  findingCategories: CATEGORY_TEXT,
  noFindings: 'Nothing found.',
  ranking: {
    rank: '#',
    opportunity: 'Opportunity',
    stage: 'Stage',
    impact: 'Impact',
    effort: 'Effort',
    score: 'Score'
  },
  unset: '–',
  finding: describeFinding,
  fields: {
    role: 'Role',
    quote: 'Quote',
    age: 'Age',
    location: 'Location',
    education: 'Education',
    income: 'Income',
    companySize: 'Company size',
    industry: 'Industry',
    revenue: 'Revenue',
    behaviour: 'Behaviour',
    goals: 'Goals',
    painPoints: 'Pain points',
    channels: 'Preferred channels',
    segmentNotes: 'Segment notes'
  },
  channels: {
    web: 'Web',
    email: 'Email',
    phone: 'Phone',
    inApp: 'In-app',
    social: 'Social',
    event: 'Event',
    support: 'Support ticket',
    chat: 'Chat',
    store: 'Store',
    partner: 'Partner',
    other: 'Other'
  },
  kinds: {
    note: 'Note',
    goal: 'Goal',
    action: 'Action',
    thought: 'Thought',
    touchpoint: 'Touchpoint',
    painPoint: 'Pain point',
    opportunity: 'Opportunity',
    trigger: 'Trigger',
    backstage: 'Backstage',
    question: 'Question'
  },
  categories: {
    marketing: 'Marketing',
    sales: 'Sales',
    customerSuccess: 'Customer success',
    product: 'Product',
    support: 'Support'
  }
}

/** The last few labels, parsed: a poster fills the same footer on each of its thousands of pages. */
const formats = new Map<string, IntlMessageFormat>()
function messageFormat(template: string, locale: string): IntlMessageFormat {
  const key = `${locale}\u0000${template}`
  let format = formats.get(key)
  if (!format) {
    format = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true })
    if (formats.size >= 32) formats.delete(formats.keys().next().value!)
    formats.set(key, format)
  }
  return format
}

/**
 * Formats a label: an ICU message (`{name}`, `{count, plural, …}`) in `locale`; a label that is
 * not valid ICU has its `{name}` placeholders filled as they are.
 */
export function fill(template: string, params: Readonly<Record<string, string | number>>, locale = 'en'): string {
  try {
    const out = messageFormat(template, locale).format(params)
    if (typeof out === 'string') return out
  } catch {
    // not ICU: plain placeholders below
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
