/**
 * The JSON interchange file: one map with the personas it links, as written by File ▸ Export ▸
 * JSON and read by File ▸ Import. docs/file-format.md describes it for people and
 * docs/journeyboard.schema.json (generated from this schema) for machines.
 */
import { z } from 'zod'
import { JourneyMapSchema, LIMITS, PersonaSchema, TimestampSchema } from '../schema/entities'
import { LineageSchema } from './lineage'

/** The value of the `format` field, which tells our files from any other JSON. */
export const INTERCHANGE_FORMAT = 'journeyboard'

/**
 * The version this app writes and the newest it reads. Any change a version-1 reader would
 * misread (a new field, a new enum value, a changed meaning) bumps it, so an older app says
 * "made by a newer Journeyboard" instead of guessing.
 */
export const INTERCHANGE_VERSION = 2

/**
 * What version 2 added to the map: the paths and the KPI histories (two collections), and the
 * optional fields `pathId` (notes, emotion points, connectors, KPIs), `evidence` (notes),
 * `funnel` (KPIs) and the persona fields gender, company location, tech stack, trigger events
 * and behavioural data. A version-1 file is upgraded on reading (./migrate.ts).
 */
export const VERSION_2_COLLECTIONS = ['paths', 'kpiValues'] as const

/**
 * Strict at every level: a field this version does not define is an error, not silently
 * dropped data (see docs/file-format.md, "Unknown fields").
 */
export const InterchangeSchema = z
  .object({
    format: z.literal(INTERCHANGE_FORMAT),
    version: z.literal(INTERCHANGE_VERSION),
    exportedAt: TimestampSchema,
    map: JourneyMapSchema,
    personas: z.array(PersonaSchema).max(LIMITS.maxPersonasPerMap),
    // File lineage (./lineage.ts): written in .journeymap documents and the maps embedded in
    // PDF, PNG and SVG exports; a plain JSON export has none.
    lineage: LineageSchema.optional()
  })
  .strict()
  .meta({
    title: 'Journeyboard interchange file, version 2',
    description:
      'One customer-journey map with the personas it links. Besides this schema, an importer checks that every ' +
      'reference (stage, lane, note, persona) points at a record of the same file, that ids are unique, that ' +
      'there is at most one emotion point per series, path and stage and one value per KPI and date, that scores ' +
      'lie on the emotion scale, and that titles and names are not blank. Version-1 files (without paths and KPI ' +
      'histories) are read too. See docs/file-format.md.'
  })

export type InterchangeFile = z.infer<typeof InterchangeSchema>
