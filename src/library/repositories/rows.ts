/**
 * How each kind of map record maps onto its table: column names, and the conversion both ways.
 * Loading orders rows canonically (sort_order then id, or id): ids are ASCII, so SQLite's
 * BINARY collation sorts them exactly as canonicalize() does in JavaScript.
 */
import type {
  Connector,
  EmotionPoint,
  EntityKind,
  EntityTypes,
  KpiValue,
  Lane,
  Marker,
  Metric,
  Note,
  Path,
  Stage
} from '../../shared/model'

type Row = Record<string, string | number | null>

export interface TableSpec<K extends EntityKind> {
  readonly entity: K
  readonly table: string
  /** Columns besides map_id; `id` first. */
  readonly columns: readonly string[]
  readonly orderBy: string
  toRow(value: EntityTypes[K]): Row
  fromRow(row: Row): EntityTypes[K]
}

const bool = (value: boolean) => (value ? 1 : 0)
const str = (value: unknown) => value as string
const num = (value: unknown) => value as number
const strOrNull = (value: unknown) => value as string | null
const numOrNull = (value: unknown) => value as number | null
/** An optional id column (NULL when absent) as an optional field, left out when absent. */
const optionalId = (key: string, value: unknown): Record<string, string> =>
  typeof value === 'string' ? { [key]: value } : {}

const stages: TableSpec<'stage'> = {
  entity: 'stage',
  table: 'stages',
  columns: ['id', 'title', 'prompt', 'sort_order', 'width', 'collapsed'],
  orderBy: 'sort_order, id',
  toRow: (s) => ({
    id: s.id,
    title: s.title,
    prompt: s.prompt,
    sort_order: s.order,
    width: s.width,
    collapsed: bool(s.collapsed)
  }),
  fromRow: (r): Stage => ({
    id: str(r.id),
    title: str(r.title),
    prompt: str(r.prompt),
    order: num(r.sort_order),
    width: num(r.width),
    collapsed: r.collapsed === 1
  })
}

const lanes: TableSpec<'lane'> = {
  entity: 'lane',
  table: 'lanes',
  columns: ['id', 'title', 'kind', 'prompt', 'sort_order', 'height', 'collapsed'],
  orderBy: 'sort_order, id',
  toRow: (l) => ({
    id: l.id,
    title: l.title,
    kind: l.kind,
    prompt: l.prompt,
    sort_order: l.order,
    height: l.height,
    collapsed: bool(l.collapsed)
  }),
  fromRow: (r): Lane => ({
    id: str(r.id),
    title: str(r.title),
    kind: str(r.kind) as Lane['kind'],
    prompt: str(r.prompt),
    order: num(r.sort_order),
    height: num(r.height),
    collapsed: r.collapsed === 1
  })
}

const notes: TableSpec<'note'> = {
  entity: 'note',
  table: 'notes',
  columns: [
    'id',
    'stage_id',
    'lane_id',
    'sort_order',
    'text',
    'color',
    'kind',
    'channel',
    'category',
    'persona_ids',
    'votes',
    'severity',
    'impact',
    'effort',
    'comments',
    'image',
    'path_id',
    'evidence'
  ],
  orderBy: 'sort_order, id',
  toRow: (n) => ({
    id: n.id,
    stage_id: n.stageId,
    lane_id: n.laneId,
    sort_order: n.order,
    text: n.text,
    color: n.color,
    kind: n.kind,
    channel: n.channel,
    category: n.category,
    persona_ids: JSON.stringify(n.personaIds),
    votes: n.votes,
    severity: n.severity,
    impact: n.impact,
    effort: n.effort,
    comments: n.comments?.length ? JSON.stringify(n.comments) : null,
    image: n.image ? JSON.stringify(n.image) : null,
    path_id: n.pathId ?? null,
    evidence: n.evidence ? JSON.stringify(n.evidence) : null
  }),
  fromRow: (r): Note => ({
    id: str(r.id),
    stageId: str(r.stage_id),
    laneId: str(r.lane_id),
    order: num(r.sort_order),
    text: str(r.text),
    color: str(r.color),
    kind: str(r.kind) as Note['kind'],
    channel: strOrNull(r.channel) as Note['channel'],
    category: strOrNull(r.category) as Note['category'],
    personaIds: JSON.parse(str(r.persona_ids)) as string[],
    votes: num(r.votes),
    severity: numOrNull(r.severity),
    impact: numOrNull(r.impact),
    effort: numOrNull(r.effort),
    // Present only when the note has them, so a note without reads back as it was written.
    ...(r.comments ? { comments: JSON.parse(str(r.comments)) as Note['comments'] } : {}),
    ...(r.image ? { image: JSON.parse(str(r.image)) as Note['image'] } : {}),
    ...optionalId('pathId', r.path_id),
    ...(typeof r.evidence === 'string' ? { evidence: JSON.parse(r.evidence) as Note['evidence'] } : {})
  })
}

const emotionPoints: TableSpec<'emotionPoint'> = {
  entity: 'emotionPoint',
  table: 'emotion_points',
  columns: ['id', 'persona_id', 'variant', 'stage_id', 'score', 'note', 'path_id'],
  orderBy: 'id',
  toRow: (p) => ({
    id: p.id,
    persona_id: p.personaId,
    variant: p.variant,
    stage_id: p.stageId,
    score: p.score,
    note: p.note,
    path_id: p.pathId ?? null
  }),
  fromRow: (r): EmotionPoint => ({
    id: str(r.id),
    personaId: strOrNull(r.persona_id),
    variant: str(r.variant) as EmotionPoint['variant'],
    stageId: str(r.stage_id),
    score: num(r.score),
    note: str(r.note),
    ...optionalId('pathId', r.path_id)
  })
}

const markers: TableSpec<'marker'> = {
  entity: 'marker',
  table: 'markers',
  columns: ['id', 'severity', 'label', 'target_kind', 'note_id', 'stage_id', 'persona_id', 'variant'],
  orderBy: 'id',
  toRow: (m) => {
    const t = m.target
    return t.kind === 'note'
      ? {
          id: m.id,
          severity: m.severity,
          label: m.label,
          target_kind: 'note',
          note_id: t.noteId,
          stage_id: null,
          persona_id: null,
          variant: null
        }
      : {
          id: m.id,
          severity: m.severity,
          label: m.label,
          target_kind: 'curve',
          note_id: null,
          stage_id: t.stageId,
          persona_id: t.personaId,
          variant: t.variant
        }
  },
  fromRow: (r): Marker => ({
    id: str(r.id),
    severity: num(r.severity),
    label: str(r.label),
    target:
      r.target_kind === 'note'
        ? { kind: 'note', noteId: str(r.note_id) }
        : {
            kind: 'curve',
            stageId: str(r.stage_id),
            personaId: strOrNull(r.persona_id),
            variant: str(r.variant) as EmotionPoint['variant']
          }
  })
}

const connectors: TableSpec<'connector'> = {
  entity: 'connector',
  table: 'connectors',
  columns: ['id', 'from_note_id', 'to_note_id', 'label', 'path_id'],
  orderBy: 'id',
  toRow: (c) => ({
    id: c.id,
    from_note_id: c.fromNoteId,
    to_note_id: c.toNoteId,
    label: c.label,
    path_id: c.pathId ?? null
  }),
  fromRow: (r): Connector => ({
    id: str(r.id),
    fromNoteId: str(r.from_note_id),
    toNoteId: str(r.to_note_id),
    label: str(r.label),
    ...optionalId('pathId', r.path_id)
  })
}

const metrics: TableSpec<'metric'> = {
  entity: 'metric',
  table: 'metrics',
  columns: ['id', 'stage_id', 'name', 'value', 'target', 'unit', 'direction', 'sort_order', 'path_id', 'funnel'],
  orderBy: 'sort_order, id',
  toRow: (m) => ({
    id: m.id,
    stage_id: m.stageId,
    name: m.name,
    value: m.value,
    target: m.target,
    unit: m.unit,
    direction: m.direction,
    sort_order: m.order,
    path_id: m.pathId ?? null,
    funnel: m.funnel ? 1 : 0
  }),
  fromRow: (r): Metric => ({
    id: str(r.id),
    stageId: str(r.stage_id),
    name: str(r.name),
    value: numOrNull(r.value),
    target: numOrNull(r.target),
    unit: str(r.unit),
    direction: str(r.direction) as Metric['direction'],
    order: num(r.sort_order),
    ...optionalId('pathId', r.path_id),
    ...(r.funnel === 1 ? { funnel: true as const } : {})
  })
}

const paths: TableSpec<'path'> = {
  entity: 'path',
  table: 'paths',
  columns: ['id', 'name', 'color', 'sort_order', 'steps'],
  orderBy: 'sort_order, id',
  toRow: (p) => ({ id: p.id, name: p.name, color: p.color, sort_order: p.order, steps: JSON.stringify(p.steps) }),
  fromRow: (r): Path => ({
    id: str(r.id),
    name: str(r.name),
    color: str(r.color),
    order: num(r.sort_order),
    steps: JSON.parse(str(r.steps)) as Path['steps']
  })
}

const kpiValues: TableSpec<'kpiValue'> = {
  entity: 'kpiValue',
  table: 'kpi_values',
  columns: ['id', 'metric_id', 'date', 'value'],
  orderBy: 'id',
  toRow: (v) => ({ id: v.id, metric_id: v.metricId, date: v.date, value: v.value }),
  fromRow: (r): KpiValue => ({ id: str(r.id), metricId: str(r.metric_id), date: str(r.date), value: num(r.value) })
}

export const TABLES: { readonly [K in EntityKind]: TableSpec<K> } = {
  stage: stages,
  lane: lanes,
  note: notes,
  emotionPoint: emotionPoints,
  marker: markers,
  connector: connectors,
  metric: metrics,
  path: paths,
  kpiValue: kpiValues
}

export const ENTITY_KINDS = Object.keys(TABLES) as EntityKind[]

/** The SQL each table needs, built once per table. */
export interface TableSql {
  /** Inserts a record with @version (the map revision that writes it). */
  readonly insert: string
  /** Inserts a record unless its (map_id, id) is taken; changes no row then. */
  readonly insertIfAbsent: string
  /** UPDATE of every column by (map_id, id), stamping @version; a put is this, or the insert when it changed no row. */
  readonly update: string
  /** The same UPDATE, only when the stored version is at most @base (nobody wrote it since the writer saw it). */
  readonly updateIfUnchanged: string
  readonly delete: string
  /** The map's rows in canonical order. */
  readonly select: string
  /** One record by (map_id, id). */
  readonly selectOne: string
}

function buildSql(spec: Pick<TableSpec<EntityKind>, 'table' | 'columns' | 'orderBy'>): TableSql {
  const columns = ['map_id', ...spec.columns, 'version']
  const assignments = [...spec.columns.filter((c) => c !== 'id'), 'version'].map((c) => `${c} = @${c}`)
  const insert = `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`
  const update = `UPDATE ${spec.table} SET ${assignments.join(', ')} WHERE map_id = @map_id AND id = @id`
  return {
    insert,
    insertIfAbsent: `${insert} ON CONFLICT (map_id, id) DO NOTHING`,
    update,
    updateIfUnchanged: `${update} AND version <= @base`,
    delete: `DELETE FROM ${spec.table} WHERE map_id = ? AND id = ?`,
    select: `SELECT ${spec.columns.join(', ')} FROM ${spec.table} WHERE map_id = ? ORDER BY ${spec.orderBy}`,
    selectOne: `SELECT ${spec.columns.join(', ')} FROM ${spec.table} WHERE map_id = ? AND id = ?`
  }
}

export const SQL = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, buildSql(TABLES[kind])])) as {
  readonly [K in EntityKind]: TableSql
}
