/**
 * JourneyApi: the one contract between the UI and the library, whatever the transport
 * (Electron IPC, the web host's WebSocket, direct calls in tests and the CLI).
 *
 * Every method has a request schema, validated by the receiving side before anything is touched.
 * Responses are typed; they come from our own library and are not re-validated on the way back.
 */
import { LANGUAGES } from '../i18n/languages'
import { z } from 'zod'
import { IdSchema, JourneyMapSchema, LIMITS, PersonaSchema } from '../schema/entities'
import { LineageSchema, type Lineage } from '../format/lineage'
import { TemplateIdSchema } from '../schema/enums'
import { PatchSchema } from '../schema/patch'
import { PushRequestSchema, type MapChange, type PushResult } from '../sync/protocol'
import type { DeepReadonly, JourneyMap, Persona, SnapshotInfo } from '../model'
import { RemoveParticipantSchema, StartLiveSchema, UpdateLiveSchema, type LiveStatus } from '../live/protocol'
import { MetricMappingSchema, type MetricMapping } from '../metrics/mapping'
import type { MetricsImportSummary } from '../metrics/apply'
import type { MetricsFilePreview } from '../metrics/choose'

/** An analytics or CRM export as it travels: CSV as text, XLSX (or any binary) as base64. */
const MetricsFile = {
  fileName: z.string().max(1000),
  data: z.string().max(200_000_000),
  encoding: z.enum(['text', 'base64'])
}

const Empty = z.object({}).strict()
const ById = z.object({ id: IdSchema }).strict()
const NewTitle = z
  .string()
  .max(LIMITS.title, `title is longer than ${LIMITS.title} characters`)
  .refine((s) => s.trim().length > 0, 'title must not be empty')

/** One row of the home screen. */
export interface MapSummary {
  readonly id: string
  readonly title: string
  readonly updatedAt: string
  readonly createdAt: string
  readonly stageCount: number
  readonly noteCount: number
  /** Notes in each stage, stages left to right: the home screen's small preview. */
  readonly notesPerStage: readonly number[]
  readonly personaIds: readonly string[]
  readonly revision: number
}

/** A map whose title or note text holds the searched words. */
export interface MapSearchHit {
  readonly id: string
  /** The title matches. */
  readonly inTitle: boolean
  /** How many of the map's notes match. */
  readonly noteMatches: number
  /** A few words around the match in the first matching note, or null when only the title matched. */
  readonly excerpt: string | null
}

export interface TrashedMap extends MapSummary {
  readonly deletedAt: string
}

export interface AppInfo {
  readonly version: string
  /** Where the library file lives, shown in Help ▸ About. */
  readonly libraryPath: string
  /** True when the file could only be opened read-only. */
  readonly readOnly: boolean
  /** Things the user should know about how the library was opened. */
  readonly notices: readonly string[]
}

/** A map as it goes into a file: the committed map, the personas it refers to, and its lineage. */
export interface MapFile {
  readonly map: JourneyMap
  readonly personas: readonly Persona[]
  readonly lineage: Lineage
}

/** The common ancestor of a map in the library and a copy of it from a file. */
export interface MergeBase {
  readonly version: string
  /** The snapshot that holds it, or null when it is the map as it is now. */
  readonly snapshot: SnapshotInfo | null
  readonly map: JourneyMap
}

export interface PatchResult {
  readonly revision: number
  readonly updatedAt: string
}

export const apiRequests = {
  getAppInfo: Empty,
  listMaps: Empty,
  /** Maps (not in the trash) whose title or note text contains `query`, ignoring case and accents. */
  searchMaps: z
    .object({ query: z.string().max(LIMITS.label, `search text is longer than ${LIMITS.label} characters`) })
    .strict(),
  getMap: ById,
  /** A map from a template, its stages and lanes titled in `language` (the app's; English when left out). */
  createMap: z.object({ template: TemplateIdSchema, title: NewTitle, language: z.enum(LANGUAGES).optional() }).strict(),
  applyPatch: z
    .object({
      mapId: IdSchema,
      /** The revision the edit was made against; a mismatch is a conflict. Omit to apply anyway. */
      baseRevision: z.number().int().min(0).optional(),
      patch: PatchSchema
    })
    .strict(),
  /**
   * One edit from an editing session (src/shared/sync): each record as the client saw it and as
   * it wants it, merged by the host with whatever changed meanwhile (see sync/protocol.ts).
   */
  pushChanges: PushRequestSchema,
  duplicateMap: z.object({ id: IdSchema, title: NewTitle.optional() }).strict(),
  trashMap: ById,
  listTrash: Empty,
  restoreMap: ById,
  emptyTrash: Empty,
  /**
   * A map from a file's text: Journeyboard JSON, CSV (one row per note) or a Mermaid journey,
   * told apart by content. `fileName` names a CSV file's map, which has no title of its own.
   */
  importMap: z.object({ text: z.string().max(200_000_000), fileName: z.string().max(1000).optional() }).strict(),
  exportMapJson: ById,
  /**
   * The map as Save map as… and the exports that embed it write it: the committed map, its
   * personas and its file lineage. The library records this version as saved to a file and
   * keeps it as a snapshot (once per version), so a copy that comes back can be merged.
   */
  prepareMapFile: z.object({ mapId: IdSchema }).strict(),
  /**
   * The newest version that the library's map and a file's lineage have in common (the merge's
   * common ancestor), with the map as it is now; `base` is null when there is none.
   */
  findMergeBase: z.object({ mapId: IdSchema, lineage: LineageSchema }).strict(),
  /**
   * After a file was merged into a map: the file's version and the versions it lists become
   * known to the map, and the file's map is kept as a snapshot, the ancestor of the next merge.
   */
  recordMergedFile: z
    .object({
      mapId: IdSchema,
      fileName: z.string().max(1000),
      map: JourneyMapSchema,
      lineage: LineageSchema
    })
    .strict(),
  listPersonas: Empty,
  savePersona: z.object({ persona: PersonaSchema }).strict(),
  deletePersona: ById,
  listSnapshots: z.object({ mapId: IdSchema }).strict(),
  createSnapshot: z
    .object({
      mapId: IdSchema,
      name: z
        .string()
        .max(LIMITS.label)
        .refine((s) => s.trim().length > 0, 'name must not be empty')
    })
    .strict(),
  getSnapshot: ById,
  restoreSnapshot: ById,
  /**
   * The live workshop (src/shared/live): participants join the open map from their own devices.
   * Answered by the app or the web host (src/live), never by the library alone.
   */
  liveStatus: Empty,
  /** Starts listening on the room's network and opens a session on the map (off until then). */
  startLive: StartLiveSchema,
  /** After the app stopped during a session: listen again, same link, same participants. */
  resumeLive: Empty,
  /** What participants may do, and the view they follow (timer, presentation step). */
  updateLive: UpdateLiveSchema,
  removeParticipant: RemoveParticipantSchema,
  /** Shows the vote's dots to everyone and adds them to the notes' votes. */
  revealVotes: Empty,
  /** Ends the session: every participant link stops working at once. */
  endLive: Empty,
  /** The first rows of an export and each column's values, for the Import metrics preview. */
  previewMetricsFile: z.object(MetricsFile).strict(),
  /** The ready mappings and the ones saved by earlier imports (newest first). */
  listMetricMappings: Empty,
  /**
   * Reads an export through a mapping (given, or by name: saved ones first, then the ready ones;
   * neither: the first whose columns the file has) and writes the values onto the map's KPIs in
   * one edit. Bad rows refuse the whole import, each listed with its line and column.
   */
  importMetrics: z
    .object({
      ...MetricsFile,
      mapId: IdSchema,
      mapping: MetricMappingSchema.optional(),
      mappingName: z.string().max(LIMITS.label).optional(),
      /** The date of rows when the mapping has no date column; default: today. */
      date: z.iso.date().optional(),
      /** Keep `mapping` under its name for the next export from the same tool. */
      saveMapping: z.boolean().default(false)
    })
    .strict()
} as const

export type ApiMethod = keyof typeof apiRequests
/** Readonly so the model's readonly records (patches, personas) can be sent as they are. */
export type ApiRequest<K extends ApiMethod> = DeepReadonly<z.input<(typeof apiRequests)[K]>>

export interface ApiResponses {
  getAppInfo: AppInfo
  listMaps: readonly MapSummary[]
  searchMaps: readonly MapSearchHit[]
  getMap: JourneyMap
  createMap: JourneyMap
  applyPatch: PatchResult
  pushChanges: PushResult
  duplicateMap: JourneyMap
  trashMap: null
  listTrash: readonly TrashedMap[]
  restoreMap: null
  emptyTrash: { readonly removed: number }
  importMap: JourneyMap
  exportMapJson: { readonly text: string; readonly fileName: string }
  prepareMapFile: MapFile
  findMergeBase: { readonly map: JourneyMap; readonly base: MergeBase | null }
  recordMergedFile: SnapshotInfo
  listPersonas: readonly Persona[]
  savePersona: Persona
  deletePersona: null
  listSnapshots: readonly SnapshotInfo[]
  createSnapshot: SnapshotInfo
  getSnapshot: JourneyMap
  restoreSnapshot: JourneyMap
  liveStatus: LiveStatus
  startLive: LiveStatus
  resumeLive: LiveStatus
  updateLive: LiveStatus
  removeParticipant: LiveStatus
  revealVotes: LiveStatus
  endLive: LiveStatus
  previewMetricsFile: MetricsFilePreview & {
    /** The mapping that fits the file's columns (saved ones first), or null. */
    readonly suggested: MetricMapping | null
  }
  listMetricMappings: { readonly ready: readonly MetricMapping[]; readonly saved: readonly MetricMapping[] }
  importMetrics: {
    readonly summary: MetricsImportSummary
    readonly revision: number
    /** The mapping used. */
    readonly mapping: MetricMapping
  }
}
export type ApiResponse<K extends ApiMethod> = ApiResponses[K]

/**
 * Pushed to every open window when the library changes, whoever made the change. `mapChanged`
 * carries the committed patch and the new revision, so an open map applies it without reloading.
 */
export type ApiEvent =
  MapChange | { readonly type: 'libraryChanged' } | { readonly type: 'liveChanged'; readonly status: LiveStatus }

/** The live workshop's methods: carried by the app or the web host's hub, not by the library. */
export const LIVE_METHODS = [
  'liveStatus',
  'startLive',
  'resumeLive',
  'updateLive',
  'removeParticipant',
  'revealVotes',
  'endLive'
] as const satisfies readonly (keyof typeof apiRequests)[]
export type LiveMethod = (typeof LIVE_METHODS)[number]

/** The typed API as the renderer sees it: one method per call. */
export type JourneyApi = {
  [K in ApiMethod]: (req: ApiRequest<K>) => Promise<ApiResponse<K>>
}

/** The transport-neutral shape: call by name. Both IPC and WebSocket clients implement this. */
export interface ApiTransport {
  call<K extends ApiMethod>(method: K, req: ApiRequest<K>): Promise<ApiResponse<K>>
  /** Subscribe to library events; returns an unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void
}

export const API_METHODS = Object.keys(apiRequests) as ApiMethod[]

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiRequests, name)
}
