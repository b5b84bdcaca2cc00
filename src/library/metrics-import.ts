/**
 * Import metrics…: the library's side. The export is read here (CSV or XLSX), the mapping chosen
 * or given, and the values written onto the map as one edit through the editing room, so every
 * open window sees them at once. Mappings the user saves live in the library (metric_mappings),
 * shared by all maps: the next export from the same tool reuses them.
 */
import type { ApiRequest, ApiResponse } from '../shared/api/contract'
import { JourneyError, reason } from '../shared/errors'
import type { JourneyMap } from '../shared/model'
import { applyMetricMapping, problemIssues, problemPlace } from '../shared/metrics/apply'
import { chooseMapping, previewTable } from '../shared/metrics/choose'
import { MetricMappingSchema, type MetricMapping } from '../shared/metrics/mapping'
import { PRESET_MAPPINGS } from '../shared/metrics/presets'
import type { SyncRoom } from '../shared/sync/room'
import { readMetricsTable } from './metrics-file'
import type { Statements } from './statements'

export class MetricMappingRepository {
  constructor(private readonly statements: Statements) {}

  /** Newest first. A stored mapping that no longer validates (from a newer app) is left out. */
  list(): MetricMapping[] {
    const rows = this.statements
      .get('SELECT data FROM metric_mappings ORDER BY updated_at DESC, name')
      .pluck()
      .all() as string[]
    return rows.flatMap((data) => {
      const parsed = MetricMappingSchema.safeParse(JSON.parse(data))
      return parsed.success ? [parsed.data] : []
    })
  }

  save(mapping: MetricMapping, now: string): void {
    this.statements
      .get(
        `INSERT INTO metric_mappings (name, data, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`
      )
      .run(mapping.name, JSON.stringify(mapping), now)
  }
}

export interface MetricsImportContext {
  readonly mappings: MetricMappingRepository
  readonly room: SyncRoom
  load(mapId: string): JourneyMap
  assertWritable(): void
  write<T>(fn: () => T, announce?: boolean): T
  now(): string
  newId(): string
}

export function metricsHandlers(ctx: MetricsImportContext) {
  const candidates = () => [...ctx.mappings.list(), ...PRESET_MAPPINGS]
  const byName = (name: string): MetricMapping => {
    const found = candidates().find((m) => m.name.trim().toLowerCase() === name.trim().toLowerCase())
    if (!found) {
      const names = candidates().map((m) => `"${m.name}"`)
      throw new JourneyError(
        'not_found',
        `There is no metric mapping named "${name}". Known: ${names.join(', ')}.`,
        [],
        reason('metrics.unknownMapping', { name: `"${name}"`, names: names.join(', ') })
      )
    }
    return found
  }
  return {
    previewMetricsFile: async (req: ApiRequest<'previewMetricsFile'>): Promise<ApiResponse<'previewMetricsFile'>> => {
      const table = await readMetricsTable(req)
      return { ...previewTable(table), suggested: chooseMapping(table, candidates()) ?? null }
    },
    listMetricMappings: (): ApiResponse<'listMetricMappings'> => ({
      ready: PRESET_MAPPINGS,
      saved: ctx.mappings.list()
    }),
    importMetrics: async (req: ApiRequest<'importMetrics'>, origin: string): Promise<ApiResponse<'importMetrics'>> => {
      ctx.assertWritable()
      const table = await readMetricsTable(req)
      const mapping: MetricMapping | undefined = req.mapping
        ? MetricMappingSchema.parse(req.mapping)
        : req.mappingName
          ? byName(req.mappingName)
          : chooseMapping(table, candidates())
      if (!mapping) {
        throw new JourneyError(
          'invalid_request',
          `No saved or ready mapping fits the columns of ${req.fileName}; map its columns in Import metrics… (or name the columns stage, metric, value, date).`,
          [],
          reason('metrics.noMappingFits', { file: req.fileName })
        )
      }
      const map = ctx.load(req.mapId)
      const result = applyMetricMapping(map, table, mapping, {
        newId: ctx.newId,
        today: req.date ?? ctx.now().slice(0, 10)
      })
      if (!result.ok) {
        const first = result.problems[0]!
        const where = first.line > 0 ? `${problemPlace(first)}: ` : ''
        const count = result.problems.length
        throw new JourneyError(
          'invalid_request',
          `Nothing was imported from ${req.fileName}: ${where}${first.message}${count > 1 ? ` (and ${count - 1} more ${count === 2 ? 'problem' : 'problems'})` : ''}.`,
          problemIssues(result.problems),
          reason('metrics.nothingImported', { file: req.fileName })
        )
      }
      const applied = result.patch.length > 0 ? ctx.room.applyPatch(req.mapId, result.patch, undefined, origin) : null
      if (req.saveMapping) ctx.write(() => ctx.mappings.save(mapping, ctx.now()), false)
      return { summary: result.summary, revision: applied?.revision ?? map.revision, mapping }
    }
  }
}
