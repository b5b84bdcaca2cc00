/**
 * The persona form's data: a flat draft the inputs edit, turned into a Persona and validated with
 * the same zod schema the library uses, each problem told in words next to its field.
 */
import { LIMITS, PersonaSchema } from '../../../shared/schema/entities'
import { ChannelSchema } from '../../../shared/schema/enums'
import type { Channel, Persona } from '../../../shared/model'
import { tooLong } from '../common/Field'
import { getLanguage, t } from '../i18n'
import { initialsOf } from './PersonaAvatar'

export interface PersonaDraft {
  name: string
  role: string
  initials: string
  color: string
  quote: string
  age: string
  location: string
  education: string
  income: string
  gender: string
  companySize: string
  industry: string
  revenue: string
  companyLocation: string
  techStack: string
  triggerEvents: string
  behaviour: string
  webActivity: string
  purchaseHistory: string
  productUsage: string
  supportInteractions: string
  goals: string
  painPoints: string
  /** In order of preference. */
  channels: Channel[]
  segmentNotes: string
}

export type TextDraftField = Exclude<keyof PersonaDraft, 'channels' | 'color'>
export type DraftErrors = Partial<Record<keyof PersonaDraft, string>>

/** The most characters each text field takes (the schema's limits). */
export const FIELD_LIMITS: Readonly<Record<TextDraftField, number>> = {
  name: LIMITS.label,
  role: LIMITS.label,
  initials: 3,
  quote: LIMITS.personaField,
  age: LIMITS.label,
  location: LIMITS.label,
  education: LIMITS.label,
  income: LIMITS.label,
  gender: LIMITS.label,
  companySize: LIMITS.label,
  industry: LIMITS.label,
  revenue: LIMITS.label,
  companyLocation: LIMITS.label,
  techStack: LIMITS.personaField,
  triggerEvents: LIMITS.personaField,
  behaviour: LIMITS.personaField,
  webActivity: LIMITS.personaField,
  purchaseHistory: LIMITS.personaField,
  productUsage: LIMITS.personaField,
  supportInteractions: LIMITS.personaField,
  goals: LIMITS.personaField,
  painPoints: LIMITS.personaField,
  segmentNotes: LIMITS.personaField
}

export const CHANNELS: readonly Channel[] = ChannelSchema.options

/** Avatar and curve colours, distinct on the board and readable with white or dark initials. */
export const PERSONA_COLORS = [
  '#e8590c',
  '#1c7ed6',
  '#2f9e44',
  '#ae3ec9',
  '#f08c00',
  '#0c8599',
  '#d6336c',
  '#5f3dc4',
  '#495057',
  '#a61e4d'
] as const

/** The first palette colour no persona has yet (or the next in turn). */
export function nextColor(personas: readonly Pick<Persona, 'color'>[]): string {
  const used = new Set(personas.map((p) => p.color.toLowerCase()))
  return PERSONA_COLORS.find((c) => !used.has(c)) ?? PERSONA_COLORS[personas.length % PERSONA_COLORS.length]!
}

export function emptyDraft(color: string): PersonaDraft {
  return {
    name: '',
    role: '',
    initials: '',
    color,
    quote: '',
    age: '',
    location: '',
    education: '',
    income: '',
    gender: '',
    companySize: '',
    industry: '',
    revenue: '',
    companyLocation: '',
    techStack: '',
    triggerEvents: '',
    behaviour: '',
    webActivity: '',
    purchaseHistory: '',
    productUsage: '',
    supportInteractions: '',
    goals: '',
    painPoints: '',
    channels: [],
    segmentNotes: ''
  }
}

export function draftOf(p: Persona): PersonaDraft {
  return {
    name: p.name,
    role: p.role,
    initials: p.initials,
    color: p.color,
    quote: p.quote,
    age: p.demographics.age,
    location: p.demographics.location,
    education: p.demographics.education,
    income: p.demographics.income,
    gender: p.demographics.gender ?? '',
    companySize: p.firmographics.companySize,
    industry: p.firmographics.industry,
    revenue: p.firmographics.revenue,
    companyLocation: p.firmographics.location ?? '',
    techStack: p.firmographics.techStack ?? '',
    triggerEvents: p.triggerEvents ?? '',
    behaviour: p.behaviour,
    webActivity: p.behaviouralData?.webActivity ?? '',
    purchaseHistory: p.behaviouralData?.purchaseHistory ?? '',
    productUsage: p.behaviouralData?.productUsage ?? '',
    supportInteractions: p.behaviouralData?.supportInteractions ?? '',
    goals: p.goals,
    painPoints: p.painPoints,
    channels: [...p.channels],
    segmentNotes: p.segmentNotes
  }
}

/** The initials the avatar shows: as typed, or made from the name when left empty. */
export function effectiveInitials(draft: Pick<PersonaDraft, 'initials' | 'name'>): string {
  return draft.initials.trim() || initialsOf(draft.name)
}

/** The persona the draft describes; `base` carries what the form does not edit. */
export function personaFromDraft(draft: PersonaDraft, base: Pick<Persona, 'id' | 'createdAt' | 'updatedAt'>): Persona {
  // The fields added in format version 2 are written only when filled in.
  const optional = (key: string, value: string) => (value.trim() === '' ? {} : { [key]: value.trim() })
  const behaviouralData = {
    webActivity: draft.webActivity.trim(),
    purchaseHistory: draft.purchaseHistory.trim(),
    productUsage: draft.productUsage.trim(),
    supportInteractions: draft.supportInteractions.trim()
  }
  return {
    id: base.id,
    name: draft.name.trim(),
    initials: effectiveInitials(draft),
    color: draft.color,
    role: draft.role.trim(),
    quote: draft.quote.trim(),
    demographics: {
      age: draft.age.trim(),
      location: draft.location.trim(),
      education: draft.education.trim(),
      income: draft.income.trim(),
      ...optional('gender', draft.gender)
    },
    firmographics: {
      companySize: draft.companySize.trim(),
      industry: draft.industry.trim(),
      revenue: draft.revenue.trim(),
      ...optional('location', draft.companyLocation),
      ...optional('techStack', draft.techStack)
    },
    behaviour: draft.behaviour.trim(),
    ...(Object.values(behaviouralData).some((v) => v !== '') ? { behaviouralData } : {}),
    ...optional('triggerEvents', draft.triggerEvents),
    goals: draft.goals.trim(),
    painPoints: draft.painPoints.trim(),
    channels: draft.channels,
    segmentNotes: draft.segmentNotes.trim(),
    createdAt: base.createdAt,
    updatedAt: base.updatedAt
  }
}

/** The draft field an issue of PersonaSchema is about: ['demographics', 'age'] → 'age'. */
function fieldOf(path: readonly PropertyKey[]): keyof PersonaDraft | null {
  if (path[0] === 'firmographics' && path[1] === 'location') return 'companyLocation'
  const nested = path[0] === 'demographics' || path[0] === 'firmographics' || path[0] === 'behaviouralData'
  const last = nested ? path[1] : path[0]
  return typeof last === 'string' && last in emptyDraft('#000') ? (last as keyof PersonaDraft) : null
}

/**
 * What is wrong with the draft, per field; empty when it can be saved. Lengths are checked on
 * the text as typed (the counter shows the same number), the rest through PersonaSchema.
 */
export function validateDraft(draft: PersonaDraft): DraftErrors {
  const errors: DraftErrors = {}
  for (const [field, max] of Object.entries(FIELD_LIMITS) as [TextDraftField, number][]) {
    const length = draft[field].length
    if (length > max) errors[field] = field === 'initials' ? t('personas.initialsInvalid') : tooLong(length, max)
  }
  if (draft.name.trim() === '') errors.name = t('personas.nameRequired')
  if (effectiveInitials(draft) === '' && !errors.name) errors.initials = t('personas.initialsInvalid')
  const now = new Date(0).toISOString()
  const parsed = PersonaSchema.safeParse(personaFromDraft(draft, { id: 'draft', createdAt: now, updatedAt: now }))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path)
      if (!field || errors[field]) continue
      // Empty initials are made from the name: the name's own message says what to do.
      if (field === 'initials' && draft.initials.trim() === '') continue
      errors[field] =
        field === 'color'
          ? t('personas.colorInvalid')
          : field === 'initials'
            ? t('personas.initialsInvalid')
            : getLanguage() === 'en'
              ? issue.message
              : t('common.invalidValue')
    }
  }
  return errors
}

/** A copy's name: "Maya (copy)", shortened to fit the name limit. */
export function copyName(name: string): string {
  const suffix = t('personas.copySuffix')
  const room = LIMITS.label - suffix.length
  return (name.length > room ? name.slice(0, room).trimEnd() : name) + suffix
}
