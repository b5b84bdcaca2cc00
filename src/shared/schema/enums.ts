import { z } from 'zod'

/** What a lane (row) of the map holds. */
export const LaneKindSchema = z.enum([
  'goals',
  'actions',
  'thoughts',
  'touchpoints',
  'channels',
  'emotions',
  'painPoints',
  'opportunities',
  'triggers',
  'backstage',
  'kpis',
  'text'
])
export type LaneKind = z.infer<typeof LaneKindSchema>

/** What a sticky note is. */
export const NoteKindSchema = z.enum([
  'note',
  'goal',
  'action',
  'thought',
  'touchpoint',
  'painPoint',
  'opportunity',
  'trigger',
  'backstage',
  'question'
])
export type NoteKind = z.infer<typeof NoteKindSchema>

/** Where a touchpoint happens. */
export const ChannelSchema = z.enum([
  'web',
  'email',
  'phone',
  'inApp',
  'social',
  'event',
  'support',
  'chat',
  'store',
  'partner',
  'other'
])
export type Channel = z.infer<typeof ChannelSchema>

/** Which team owns a touchpoint. */
export const CategorySchema = z.enum(['marketing', 'sales', 'customerSuccess', 'product', 'support'])
export type Category = z.infer<typeof CategorySchema>

/** Which flavour of an emotion series: how it is today, or how it should be. */
export const SeriesVariantSchema = z.enum(['asIs', 'toBe'])
export type SeriesVariant = z.infer<typeof SeriesVariantSchema>

/** Whether a KPI is better when it goes up or down. */
export const MetricDirectionSchema = z.enum(['higher', 'lower'])
export type MetricDirection = z.infer<typeof MetricDirectionSchema>

/** How a note is known: seen in data or research, told by someone, or assumed. */
export const EvidenceLevelSchema = z.enum(['observed', 'reported', 'assumed'])
export type EvidenceLevel = z.infer<typeof EvidenceLevelSchema>

/** Where a note's evidence comes from. */
export const EvidenceSourceSchema = z.enum([
  'interview',
  'survey',
  'analytics',
  'supportTicket',
  'review',
  'observation',
  'salesCall',
  'workshop',
  'other'
])
export type EvidenceSource = z.infer<typeof EvidenceSourceSchema>

export const TemplateIdSchema = z.enum(['saas', 'b2b', 'blueprint', 'blank'])
export type TemplateId = z.infer<typeof TemplateIdSchema>
