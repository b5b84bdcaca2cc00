/**
 * How the merge dialog names what a conflict is about: a record by what a person sees of it (a
 * note by its text, a stage by its title, an emotion point by persona and stage), a field in
 * words, and a value as the board shows it. Records of kinds the model gains later are named by
 * their kind and id until they get words here.
 */
import type { MergeKind, Rec } from '../../../shared/merge'
import type { JourneyMap, Persona } from '../../../shared/model'
import { t, type MessageKey } from '../i18n'
import { en } from '../i18n/en'

const words = en as Readonly<Record<string, string>>
const word = (key: string, fallback: string) => (key in words ? t(key as MessageKey) : fallback)

/** Names of the records both copies have, for the values that point at them. */
export interface MergeNames {
  stage(id: string): string
  lane(id: string): string
  note(id: string): string
  persona(id: string | null): string
}

const clip = (text: string, max = 80) => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
const quoted = (text: string) => t('files.merge.quoted', { text: clip(text) })

export function mergeNames(maps: readonly JourneyMap[], personas: readonly Persona[]): MergeNames {
  const stages = new Map<string, string>()
  const lanes = new Map<string, string>()
  const notes = new Map<string, string>()
  for (const map of maps) {
    map.stages.forEach((s) => stages.set(s.id, s.title))
    map.lanes.forEach((l) => lanes.set(l.id, l.title))
    map.notes.forEach((n) => notes.set(n.id, n.text))
  }
  const people = new Map(personas.map((p) => [p.id, p.name]))
  return {
    stage: (id) => stages.get(id) ?? id,
    lane: (id) => lanes.get(id) ?? id,
    note: (id) => {
      const text = notes.get(id)
      return text === undefined ? id : text.trim() === '' ? t('files.merge.emptyNote') : quoted(text)
    },
    persona: (id) => (id === null ? t('files.merge.everyone') : (people.get(id) ?? id))
  }
}

/** "Note “Demo”", "Stage “Trial”", "Maya’s emotion (as is) at Trial", "The map". */
export function recordLabel(kind: MergeKind, record: Rec, names: MergeNames): string {
  const s = (key: string) => String(record[key] ?? '')
  switch (kind) {
    case 'map':
      return t('files.merge.kind.map')
    case 'persona':
      return t('files.merge.kind.persona', { name: names.persona(record.id) })
    case 'note':
      return t('files.merge.kind.note', {
        text: s('text').trim() === '' ? t('files.merge.emptyNote') : quoted(s('text'))
      })
    case 'stage':
    case 'lane':
      return t(`files.merge.kind.${kind}`, { title: clip(s('title')) })
    case 'emotionPoint':
      return t('files.merge.kind.emotionPoint', {
        persona: names.persona((record['personaId'] as string | null) ?? null),
        variant: t(record['variant'] === 'toBe' ? 'files.merge.toBe' : 'files.merge.asIs'),
        stage: names.stage(s('stageId'))
      })
    case 'marker':
      return s('label').trim() === ''
        ? t('files.merge.kind.markerOn', { target: targetText(record['target'], names) })
        : t('files.merge.kind.marker', { label: clip(s('label')) })
    case 'connector':
      return t('files.merge.kind.connector', { from: names.note(s('fromNoteId')), to: names.note(s('toNoteId')) })
    case 'metric':
      return t('files.merge.kind.metric', { name: clip(s('name')), stage: names.stage(s('stageId')) })
    case 'path':
      return t('files.merge.kind.path', { name: clip(s('name')) })
    case 'kpiValue':
      return t('files.merge.kind.kpiValue', { date: s('date'), value: s('value') })
    default:
      return `${kind} ${record.id}`
  }
}

export function fieldLabel(field: string): string {
  return word(`files.merge.field.${field}`, field)
}

function targetText(target: unknown, names: MergeNames): string {
  const t0 = target as { kind?: string; noteId?: string; stageId?: string; personaId?: string | null }
  if (t0?.kind === 'note' && t0.noteId) return t('files.merge.onNote', { note: names.note(t0.noteId) })
  if (t0?.kind === 'curve' && t0.stageId) {
    return t('files.merge.onCurve', { persona: names.persona(t0.personaId ?? null), stage: names.stage(t0.stageId) })
  }
  return JSON.stringify(target)
}

/** A field's value as a person reads it. */
export function valueText(field: string, value: unknown, names: MergeNames): string {
  if (value === undefined) return t('files.merge.absent')
  if (value === null) return t('files.merge.none')
  switch (field) {
    case 'position': {
      const p = value as { stageId?: string; laneId?: string }
      return [p.stageId && names.stage(p.stageId), p.laneId && names.lane(p.laneId)].filter(Boolean).join(' · ')
    }
    case 'personaIds':
      return Array.isArray(value) && value.length > 0
        ? value.map((id) => names.persona(id as string)).join(', ')
        : t('files.merge.none')
    case 'emotionScale': {
      const { min, max } = value as { min: number; max: number }
      return `${min} … +${max}`
    }
    case 'target':
      return targetText(value, names)
    case 'stageId':
      return names.stage(value as string)
    case 'laneId':
      return names.lane(value as string)
    case 'fromNoteId':
    case 'toNoteId':
      return names.note(value as string)
    case 'personaId':
      return names.persona(value as string)
    case 'collapsed':
      return t(value ? 'files.merge.folded' : 'files.merge.open')
  }
  if (typeof value === 'string') return value.trim() === '' ? t('files.merge.blank') : quoted(value)
  if (typeof value === 'number') return field === 'score' && value > 0 ? `+${value}` : String(value)
  if (typeof value === 'boolean') return t(value ? 'files.merge.yes' : 'files.merge.no')
  if (Array.isArray(value)) return value.length === 0 ? t('files.merge.none') : value.map(String).join(', ')
  return clip(JSON.stringify(value), 120)
}
