/**
 * The PDF's fixed texts in the app's language: headings, footers, the persona pages' field
 * labels, the notes table and the analysis page. Messages the PDF fills with its own values
 * (page numbers, vote counts) go as written and are formatted there in `locale`.
 */
import type { PdfLabels } from '../../../shared/export/pdf/options'
import { CategorySchema, ChannelSchema, NoteKindSchema } from '../../../shared/schema/enums'
import { findingText } from '../analysis/finding-text'
import { localeTag, messageSource, t } from '../i18n'

export function pdfLabels(): Partial<PdfLabels> {
  return {
    locale: localeTag(),
    subject: t('exchange.pdf.label.subject'),
    personas: t('exchange.pdf.label.personas'),
    // Formatted by the PDF with its own values: the messages as written.
    page: messageSource('exchange.pdf.label.page'),
    tooSmall: messageSource('exchange.pdf.label.tooSmall'),
    tile: messageSource('exchange.pdf.label.tile'),
    overlap: t('exchange.pdf.label.overlap'),
    kpis: t('exchange.pdf.label.kpis'),
    severity: messageSource('exchange.pdf.label.severityValue'),
    impact: messageSource('exchange.pdf.label.impactValue'),
    effort: messageSource('exchange.pdf.label.effortValue'),
    notesTable: t('exchange.pdf.label.notesTable'),
    lane: t('exchange.pdf.label.lane'),
    note: t('exchange.pdf.label.note'),
    details: t('exchange.pdf.label.details'),
    noNotes: t('exchange.pdf.label.noNotes'),
    votes: messageSource('exchange.pdf.label.votes'),
    target: messageSource('exchange.pdf.label.target'),
    notMeasured: t('exchange.pdf.label.notMeasured'),
    // Filled in by the PDF for each comment: the message as written.
    comment: messageSource('exchange.pdf.label.comment'),
    resolved: t('exchange.pdf.label.resolved'),
    analysis: t('exchange.pdf.label.analysis'),
    findingCategories: {
      gap: t('workshop.category.gap'),
      hotspot: t('workshop.category.hotspot'),
      bottleneck: t('workshop.category.bottleneck'),
      inconsistency: t('workshop.category.inconsistency'),
      opportunity: t('workshop.category.opportunity')
    },
    noFindings: t('exchange.pdf.label.noFindings'),
    ranking: {
      rank: t('exchange.pdf.label.rank'),
      opportunity: t('exchange.pdf.label.opportunity'),
      stage: t('exchange.pdf.label.stage'),
      impact: t('exchange.pdf.label.impact'),
      effort: t('exchange.pdf.label.effort'),
      score: t('exchange.pdf.label.score')
    },
    finding: (finding) => findingText(finding),
    channels: Object.fromEntries(
      ChannelSchema.options.map((c) => [c, t(`interaction.channel.${c}`)])
    ) as PdfLabels['channels'],
    kinds: Object.fromEntries(NoteKindSchema.options.map((k) => [k, t(`interaction.kind.${k}`)])) as PdfLabels['kinds'],
    categories: Object.fromEntries(
      CategorySchema.options.map((c) => [c, t(`interaction.category.${c}`)])
    ) as PdfLabels['categories'],
    // The persona pages' field labels, as the persona form names them.
    fields: {
      role: t('personas.field.role'),
      quote: t('personas.field.quote'),
      age: t('personas.field.age'),
      location: t('personas.field.location'),
      education: t('personas.field.education'),
      income: t('personas.field.income'),
      companySize: t('personas.field.companySize'),
      industry: t('personas.field.industry'),
      revenue: t('personas.field.revenue'),
      behaviour: t('personas.field.behaviour'),
      goals: t('personas.field.goals'),
      painPoints: t('personas.field.painPoints'),
      channels: t('personas.field.channels'),
      segmentNotes: t('personas.field.segmentNotes')
    }
  }
}
