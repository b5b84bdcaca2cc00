/**
 * The difference of two maps (diffMaps, the snapshot comparison's logic) as plain text for a
 * terminal or `git diff`: the same sections the Versions panel shows, one line per change,
 * `+` added, `-` removed, `~` changed. English; the CLI's own words.
 */
import type { MapDiff, NoteChange, NoteRef, StructureDiff } from './diff'
import { isEmptyDiff, noteTotals } from './diff'
import { formatKpiValue } from './kpi'

export interface DiffTextContext {
  /** How the two sides are named in the header, e.g. file names. */
  readonly before: string
  readonly after: string
  /** A persona's name by id (from the files or the library). */
  personaName(id: string): string
}

const quote = (text: string) => `"${text.replace(/\s+/g, ' ')}"`
const noteText = (note: NoteRef) => (note.text.trim() === '' ? '(empty note)' : quote(note.text))
const KIND_WORDS: Readonly<Record<string, string>> = { painPoint: 'pain point' }
const kindWord = (kind: string) => KIND_WORDS[kind] ?? kind.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)

/** "+1.5", "-2", "0"; no point is "none". */
function score(value: number | null): string {
  if (value === null) return 'none'
  return value > 0 ? `+${value}` : String(value)
}

function structure(title: string, diff: StructureDiff): string[] {
  const lines = [
    ...diff.added.map((s) => `  + ${quote(s.title)}`),
    ...diff.removed.map((s) => `  - ${quote(s.title)}`),
    ...diff.renamed.map((s) => `  ~ ${quote(s.before)} renamed to ${quote(s.title)}`),
    ...(diff.reordered ? ['  ~ order changed'] : [])
  ]
  return lines.length > 0 ? [title, ...lines] : []
}

function changeLine(change: NoteChange): string {
  const { before, after, fields } = change
  const text = fields.includes('text') ? `${noteText(before)} -> ${noteText(after)}` : noteText(after)
  const what = fields
    .filter((f) => f !== 'text')
    .map((f) => {
      switch (f) {
        case 'cell':
          return `moved from ${before.stageTitle} / ${before.laneTitle} to ${after.stageTitle} / ${after.laneTitle}`
        case 'kind':
          return `kind ${kindWord(before.kind)} -> ${kindWord(after.kind)}`
        case 'color':
          return `colour ${before.color} -> ${after.color}`
        default:
          return 'details (channel, category, personas, votes, severity, impact or effort)'
      }
    })
  return `    ~ ${text} (${after.laneTitle})${what.length > 0 ? `: ${what.join('; ')}` : ''}`
}

const count = (what: string, c: { added: number; removed: number; changed: number }) =>
  c.added + c.removed + c.changed === 0 ? [] : [`${what}: ${c.added} added, ${c.removed} removed, ${c.changed} changed`]

const kpiSide = (side: { value: number | null; target: number | null } | null, unit: string) => {
  if (!side) return 'none'
  const value = side.value === null ? 'not measured' : formatKpiValue(side.value, unit)
  return side.target === null ? value : `${value} (target ${formatKpiValue(side.target, unit)})`
}

/** The lines of the difference, without line ends. */
export function diffText(diff: MapDiff, ctx: DiffTextContext): string[] {
  const out = [`--- ${ctx.before}`, `+++ ${ctx.after}`]
  if (isEmptyDiff(diff)) return [...out, 'No differences.']
  const section = (lines: string[]) => {
    if (lines.length > 0) out.push('', ...lines)
  }

  const map: string[] = []
  if (diff.title) map.push(`  ~ title ${quote(diff.title.before)} -> ${quote(diff.title.after)}`)
  if (diff.descriptionChanged) map.push('  ~ description changed')
  if (diff.emotionScale) {
    const { before, after } = diff.emotionScale
    map.push(`  ~ emotion scale ${before.min}..${before.max} -> ${after.min}..${after.max}`)
  }
  for (const id of diff.personas.linked) map.push(`  + persona ${quote(ctx.personaName(id))} linked`)
  for (const id of diff.personas.unlinked) map.push(`  - persona ${quote(ctx.personaName(id))} unlinked`)
  section(map.length > 0 ? ['Map', ...map] : [])
  section(structure('Stages', diff.stages))
  section(structure('Lanes', diff.lanes))

  if (diff.notes.length > 0) {
    const notes = ['Notes']
    for (const group of diff.notes) {
      notes.push(`  ${group.stageTitle}`)
      for (const n of group.added) notes.push(`    + ${noteText(n)} (${n.laneTitle}, ${kindWord(n.kind)})`)
      for (const n of group.removed) notes.push(`    - ${noteText(n)} (${n.laneTitle}, ${kindWord(n.kind)})`)
      for (const c of group.changed) notes.push(changeLine(c))
    }
    section(notes)
  }

  if (diff.emotions.length > 0) {
    const lines = ['Emotions']
    for (const e of diff.emotions) {
      const who = e.personaId === null ? 'Everyone' : ctx.personaName(e.personaId)
      const variant = e.variant === 'asIs' ? 'as is' : 'to be'
      lines.push(`  ~ ${who} (${variant}) at ${e.stageTitle}: ${score(e.before)} -> ${score(e.after)}`)
    }
    section(lines)
  }

  if (diff.kpis.length > 0) {
    const lines = ['KPIs']
    for (const k of diff.kpis) {
      const mark = k.before === null ? '+' : k.after === null ? '-' : '~'
      lines.push(`  ${mark} ${k.name} at ${k.stageTitle}: ${kpiSide(k.before, k.unit)} -> ${kpiSide(k.after, k.unit)}`)
    }
    section(lines)
  }

  section([
    ...count('Markers', diff.markers),
    ...count('Connectors', diff.connectors),
    ...(diff.kpis.length === 0 ? count('KPIs', diff.metrics) : [])
  ])
  const totals = noteTotals(diff)
  section([`Notes: ${totals.added} added, ${totals.removed} removed, ${totals.changed} changed.`])
  return out
}
