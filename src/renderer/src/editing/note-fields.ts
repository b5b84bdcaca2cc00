/**
 * The choices a note offers (colour, kind, channel, category, personas, severity, impact,
 * effort) with their labels, and the commands that set one of them on several notes. Shared by
 * the context menu and the side panel so both offer the same things in the same words.
 */
import { NOTE_COLORS } from '../../../shared/commands'
import type { CommandCall } from './gesture'
import type { Category, Channel, JourneyMap, LaneKind, Note, NoteKind } from '../../../shared/model'
import { CategorySchema, ChannelSchema, LaneKindSchema, NoteKindSchema } from '../../../shared/schema/enums'
import { t, type MessageKey } from '../i18n'

export const NOTE_KINDS: readonly NoteKind[] = NoteKindSchema.options
export const CHANNELS: readonly Channel[] = ChannelSchema.options
export const CATEGORIES: readonly Category[] = CategorySchema.options
export const LANE_KINDS: readonly LaneKind[] = LaneKindSchema.options

/** The sticky-note palette: the kinds' colours, named for people (and screen readers). */
export const PALETTE: readonly { readonly color: string; readonly name: MessageKey }[] = [
  { color: NOTE_COLORS.note, name: 'interaction.color.yellow' },
  { color: NOTE_COLORS.trigger, name: 'interaction.color.orange' },
  { color: NOTE_COLORS.painPoint, name: 'interaction.color.red' },
  { color: NOTE_COLORS.question, name: 'interaction.color.pink' },
  { color: NOTE_COLORS.thought, name: 'interaction.color.lilac' },
  { color: NOTE_COLORS.action, name: 'interaction.color.blue' },
  { color: NOTE_COLORS.touchpoint, name: 'interaction.color.cyan' },
  { color: NOTE_COLORS.opportunity, name: 'interaction.color.green' },
  { color: NOTE_COLORS.goal, name: 'interaction.color.lime' },
  { color: NOTE_COLORS.backstage, name: 'interaction.color.grey' }
]

export const colorName = (color: string): string => {
  const entry = PALETTE.find((p) => p.color.toLowerCase() === color.toLowerCase())
  return entry ? t(entry.name) : color
}
export const kindLabel = (kind: NoteKind) => t(`interaction.kind.${kind}`)
export const channelLabel = (channel: Channel) => t(`interaction.channel.${channel}`)
export const categoryLabel = (category: Category) => t(`interaction.category.${category}`)
export const laneKindLabel = (kind: LaneKind) => t(`interaction.laneKind.${kind}`)

/** The fields a menu or the panel sets on notes, with the same value for all of them. */
export type NoteFieldChange =
  | { readonly color: string }
  | { readonly kind: NoteKind }
  | { readonly channel: Channel | null }
  | { readonly category: Category | null }
  | { readonly severity: number | null }
  | { readonly impact: number | null }
  | { readonly effort: number | null }
  | { readonly text: string }

const notesById = (map: JourneyMap, ids: readonly string[]): Note[] => {
  const wanted = new Set(ids)
  return map.notes.filter((n) => wanted.has(n.id))
}

/** editNote for each of the notes the change would change (one command per note). */
export function setNoteField(map: JourneyMap, noteIds: readonly string[], change: NoteFieldChange): CommandCall[] {
  const [field, value] = Object.entries(change)[0] as [keyof Note, unknown]
  return notesById(map, noteIds)
    .filter((n) => n[field] !== value)
    .map((n) => ({ name: 'editNote', args: { noteId: n.id, ...change } }) as CommandCall)
}

/** The value all the notes share for a field, or undefined when they differ. */
export function sharedValue<K extends keyof Note>(
  map: JourneyMap,
  noteIds: readonly string[],
  field: K
): Note[K] | undefined {
  const notes = notesById(map, noteIds)
  const first = notes[0]
  if (!first) return undefined
  return notes.every((n) => n[field] === first[field]) ? first[field] : undefined
}

/** Whether every one of the notes is tagged with a persona. */
export function allTagged(map: JourneyMap, noteIds: readonly string[], personaId: string): boolean {
  const notes = notesById(map, noteIds)
  return notes.length > 0 && notes.every((n) => n.personaIds.includes(personaId))
}

/** Tags all the notes with a persona, or untags all of them when all have it. */
export function togglePersona(map: JourneyMap, noteIds: readonly string[], personaId: string): CommandCall[] {
  const remove = allTagged(map, noteIds, personaId)
  return notesById(map, noteIds)
    .filter((n) => n.personaIds.includes(personaId) === remove)
    .map((n) => ({
      name: 'editNote',
      args: {
        noteId: n.id,
        personaIds: remove ? n.personaIds.filter((id) => id !== personaId) : [...n.personaIds, personaId]
      }
    }))
}

/** A persona linked to the map, with the name to show. */
export interface LinkedPersona {
  readonly id: string
  readonly name: string
  readonly color: string
}

/** The map's personas in the map's order, named from the library's list (the id when unknown). */
export function linkedPersonas(
  map: JourneyMap,
  known: readonly { readonly id: string; readonly name: string; readonly color: string }[]
): LinkedPersona[] {
  return map.personaIds.map((id) => {
    const persona = known.find((p) => p.id === id)
    return { id, name: persona?.name ?? id, color: persona?.color ?? '#868e96' }
  })
}
